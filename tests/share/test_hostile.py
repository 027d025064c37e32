"""The review site against clients that do not behave like a phone's browser: sockets that send
nothing or a byte at a time, requests out of shape, floods. Real sockets, to 127.0.0.1 only
(and other addresses of the loopback range, for many "phones"), each loop bounded in count and
in time."""

import html
import re
import select
import socket
import time
import urllib.parse

import pytest

from tests.share.conftest import fetch, first_action, request
from workshop_app.models.roadmap.phone_comments import pending_phone_comments


def _closed_by_the_site(connection: socket.socket, seconds: float) -> bool:
    """True once the site closed the connection (whatever it answered first), within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        readable, _w, _x = select.select([connection], [], [], 0.1)
        if readable:
            try:
                if not connection.recv(65536):
                    return True
            except OSError:
                return True
    return False


def _open(port: int, source: str = "127.0.0.1") -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(source, 0))


def _raw_exchange(port: int, data: bytes, seconds: float = 10) -> bytes:
    """Send `data` as it is and read what the site answers until it closes (or `seconds` pass)."""
    connection = _open(port)
    try:
        connection.sendall(data)
        answer = b""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            piece = connection.recv(65536)
            if not piece:
                break
            answer += piece
    finally:
        connection.close()
    return answer


def test_two_hundred_silent_or_trickling_sockets_do_not_keep_a_phone_s_page_from_loading(shared):
    sockets = []
    try:
        for number in range(200):
            connection = _open(shared.port)
            if number % 2:
                connection.sendall(b"GET /")  # a request begun, never finished
            sockets.append(connection)
        answer = fetch(shared.url)
        assert answer.status == 200 and "Road map" in answer.text
    finally:
        for connection in sockets:
            connection.close()


def test_when_every_connection_is_taken_from_many_addresses_the_one_waiting_longest_makes_room(shared, monkeypatch):
    from workshop_app.share import connections

    monkeypatch.setattr(connections, "MOST_CONNECTIONS", 40)
    sockets = []
    try:
        for number in range(60):  # 60 "phones" on 127.0.0.2 … 127.0.0.61, each holding a silent socket
            sockets.append(_open(shared.port, f"127.0.0.{number + 2}"))
        answer = fetch(shared.url)
        assert answer.status == 200 and "Road map" in answer.text
        closed = sum(_closed_by_the_site(connection, 0.05) for connection in sockets)
        assert closed >= 20  # the oldest made room
    finally:
        for connection in sockets:
            connection.close()


def test_a_request_sent_a_byte_at_a_time_is_cut_off(shared, monkeypatch):
    from workshop_app.share import connections

    monkeypatch.setattr(connections, "READ_SECONDS", 1.0)
    connection = _open(shared.port)
    try:
        cut = False
        for byte in (f"GET /{shared.token}/ HTTP/1.1\r\n" + "X-Slow: " + "x" * 60).encode():  # 4 bytes a second
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                cut = True
                break
            if _closed_by_the_site(connection, 0.25):
                cut = True
                break
        assert cut  # long before the request could end
    finally:
        connection.close()


def test_a_socket_that_sends_nothing_is_closed(shared, monkeypatch):
    from workshop_app.share import connections

    monkeypatch.setattr(connections, "READ_SECONDS", 0.5)
    connection = _open(shared.port)
    try:
        assert _closed_by_the_site(connection, 5)
    finally:
        connection.close()


def test_a_comment_whose_body_is_shorter_than_announced_is_refused_on_a_page(shared, monkeypatch):
    from workshop_app.share import connections

    monkeypatch.setattr(connections, "BODY_SECONDS", 0.5)
    action = first_action(shared.document)
    body = urllib.parse.urlencode({"on": action["id"], "text": "Cut short"}).encode()
    answer = _raw_exchange(shared.port, f"POST /{shared.token}/comment HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body) + 50}\r\n"
                           f"\r\n".encode() + body)
    assert answer.startswith(b"HTTP/1.1 408")
    assert "did not arrive whole" in answer.decode("utf-8")
    shared.sharing.poll(wait=True)
    assert pending_phone_comments(shared.document) == []


def test_a_body_that_is_not_utf8_is_refused_on_a_page(shared):
    action = first_action(shared.document)
    body = b"on=" + action["id"].encode() + b"&text=caf\xe9"
    answer = request(shared.port, "POST", f"/{shared.token}/comment", body,
                     {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 400 and "could not be read as text" in answer.text
    shared.sharing.poll(wait=True)
    assert pending_phone_comments(shared.document) == []


def test_huge_headers_are_refused_and_the_site_answers_the_next_phone(shared):
    for headers in ({"X-Huge": "x" * 60_000}, {f"X-Many-{number}": "y" * 1000 for number in range(60)}):
        try:
            answer = request(shared.port, "GET", f"/{shared.token}/", headers=headers)
            assert answer.status in (400, 431)
        except (ConnectionError, OSError):
            pass  # dropped unanswered: nothing of it reached a page
    assert fetch(shared.url).status == 200


@pytest.mark.parametrize("path", ["/{token}/../{token}/", "/{token}/%2e%2e/%2e%2e/etc/passwd", "/{token}/%00",
                                  "/{token}%00/", "/{token}/agenda%00", "/{token}/..%2fstyle.css",
                                  "/{upper}/", "/{token}/style.css/..", "/{token}//today"])
def test_paths_that_climb_or_hold_nul_answer_not_found(shared, path):
    answer = request(shared.port, "GET", path.format(token=shared.token, upper=shared.token.upper()))
    assert answer.status == 404


def test_a_nul_or_a_control_character_in_a_search_never_reaches_the_page(shared):
    page = shared.get(q="brick\x00 kiln\x1b").text
    assert "\x00" not in page and "\x1b" not in page
    assert "brick kiln" in page.lower()


def test_a_thousand_comments_from_one_address_keep_six_a_minute(shared):
    action = first_action(shared.document)
    statuses = [shared.post_comment(action["id"], f"Comment {number}").status for number in range(1000)]
    assert statuses.count(303) == 6 and statuses.count(429) == 994
    shared.sharing.poll(wait=True)
    assert len(pending_phone_comments(shared.document)) == 6


def test_a_comment_with_markup_and_direction_overrides_is_kept_as_text_and_shown_inert(shared):
    action = first_action(shared.document)
    text = "<script>alert(1)</script> \u202eevil\u202c <b>bold</b> & \u2066done"
    answer = shared.post_comment(action["id"], text, name="\u202eadmin\u202c <i>x</i>", organization="<ILO>")
    assert answer.status == 303
    shared.sharing.poll(wait=True)
    [pending] = pending_phone_comments(shared.document)
    assert pending["text"] == "<script>alert(1)</script> evil <b>bold</b> & done"  # no overrides, markup as typed
    assert pending["name"] == "admin <i>x</i>" and pending["organization"] == "<ILO>"
    refused = shared.post_comment(action["id"], text + "x" * 1000)  # the form again, with what was typed
    assert "<script>alert(1)</script>" not in refused.text and "&lt;script&gt;" in refused.text


def test_a_host_header_too_long_for_a_qr_code_is_refused(shared):
    answer = request(shared.port, "GET", f"/{shared.token}/qr.svg", headers={"Host": "a" * 5000})
    assert answer.status == 404
    assert request(shared.port, "GET", f"/{shared.token}/qr.svg", headers={"Host": "127.0.0.1"}).status == 200


@pytest.mark.parametrize("line", [b"GET /{token}/\r\n\r\n", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"])
def test_a_request_that_is_not_http_1_gets_no_answer_without_headers(shared, line):
    answer = _raw_exchange(shared.port, line.replace(b"{token}", shared.token.encode()))
    assert answer == b"" or answer.startswith(b"HTTP/1.1 ")  # never a page without its security headers
    assert b"<html" not in answer and b"Bad request" not in answer


def test_a_comment_of_zero_width_characters_only_is_refused_as_empty(shared):
    action = first_action(shared.document)
    answer = shared.post_comment(action["id"], "\u200b\u200b\u200d\ufeff\u2060", name="\u200b")
    assert answer.status == 400 and "Write your comment first." in answer.text
    assert shared.post_comment(action["id"], "Fine", name="\u200b\u200c").status == 303
    assert [(comment.text, comment.name) for comment in shared.sharing.site.take_comments()] == [("Fine", "")]


def test_a_refused_comment_is_answered_in_the_language_of_its_form(shared):
    action = first_action(shared.document)
    form = fetch(shared.url + f"comment?lang=fr&on={action['id']}").text
    action_url = html.unescape(re.search(r'<form method="post" action="([^"]+)"', form).group(1))
    answers = [request(shared.port, "POST", urllib.parse.urljoin(f"/{shared.token}/", action_url),
                       urllib.parse.urlencode({"on": action["id"], "text": f"Commentaire {number}",
                                               "lang": "fr"}).encode(),
                       {"Content-Type": "application/x-www-form-urlencoded"}) for number in range(7)]
    assert [answer.status for answer in answers] == [303] * 6 + [429]
    assert "Trop de demandes" in answers[-1].text and "Too many" not in answers[-1].text


@pytest.mark.parametrize("length", ["1_8", "+18", " 18, 18", "٣"])
def test_a_content_length_that_is_not_plain_digits_is_refused(shared, length):
    action = first_action(shared.document)
    body = urllib.parse.urlencode({"on": action["id"], "text": "hello"}).encode()
    connection = _open(shared.port)
    try:
        connection.sendall(f"POST /{shared.token}/comment HTTP/1.1\r\nHost: x\r\n"
                           f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n"
                           .encode() + body)
        assert connection.recv(4096).split(b"\r\n")[0].split(b" ")[1] in (b"400", b"411")
    finally:
        connection.close()
    assert shared.sharing.site.take_comments() == []


def test_two_content_lengths_are_refused(shared):
    action = first_action(shared.document)
    body = urllib.parse.urlencode({"on": action["id"], "text": "hello"}).encode()
    answer = request(shared.port, "POST", f"/{shared.token}/comment", body,
                     {"Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(body))})
    assert answer.status == 303  # one, as a browser sends it
    connection = _open(shared.port)
    try:
        connection.sendall(f"POST /{shared.token}/comment HTTP/1.1\r\nHost: x\r\n"
                           f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
                           f"Content-Length: 3\r\n\r\n".encode() + body)
        assert connection.recv(4096).split(b"\r\n")[0].split(b" ")[1] in (b"400", b"411")
    finally:
        connection.close()
    assert len(shared.sharing.site.take_comments()) == 1
