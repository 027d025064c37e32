"""`workshop-app serve FILE`: the address with its token and a QR code on the terminal, the site
answering on it, a phone's comment stored as pending, and a clean stop."""

import re
import threading
import time
import urllib.parse

from tests.share.conftest import fetch, first_action, request
from workshop_app.cli import main
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.phone_comments import pending_phone_comments


def _wait_for(capsys, pattern: str, seen: list[str], seconds: float = 20) -> re.Match:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen.append(capsys.readouterr().out)
        found = re.search(pattern, "".join(seen))
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"{pattern!r} never printed; printed: {''.join(seen)!r}")


def test_serve_prints_the_address_and_a_qr_code_answers_and_keeps_comments(demo_path, capsys):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        action = first_action(document)
    stop = threading.Event()
    status = []
    runner = threading.Thread(target=lambda: status.append(main(["serve", str(demo_path), "--port", "0"],
                                                                stop=stop)))
    runner.start()
    seen: list[str] = []
    try:
        found = _wait_for(capsys, r"http://127\.0\.0\.1:(\d+)/([a-z0-9]{16})/", seen)
        url, port, token = found.group(0), int(found.group(1)), found.group(2)
        _wait_for(capsys, r"Ctrl\+C", seen)  # the QR code is printed after the address, before this line
        printed = "".join(seen)
        assert "▄" in printed and "█" in printed  # the QR code, in half blocks
        assert "--bind 0.0.0.0" in printed  # bound to this computer only, as by default
        assert "National workshop on a road map" in _text_of(fetch(url).text)
        assert fetch(url.replace(token, "a" * 16)).status == 404
        answer = request(port, "POST", f"/{token}/comment", urllib.parse.urlencode(
            {"on": action["id"], "text": "Who pays for the kiln inspections?"}).encode(),
                         {"Content-Type": "application/x-www-form-urlencoded"})
        assert answer.status == 303
        _wait_for(capsys, rf"Comment from a phone on action {re.escape(action['code'])}, kept", seen)
    finally:
        stop.set()
        runner.join(timeout=20)
    assert not runner.is_alive() and status == [0]
    assert "Sharing stopped." in "".join(seen) + capsys.readouterr().out
    with WorkshopDocument.open(demo_path) as document:  # the lock is released, the comment kept
        assert [row["text"] for row in pending_phone_comments(document)] == ["Who pays for the kiln inspections?"]


def test_serve_refuses_a_port_in_use_in_one_line(demo_path, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(demo_path), "--port", str(port)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and f"port {port}" in error[0] and "choose another port" in error[0]


def test_serve_refuses_a_file_open_elsewhere(demo_path, capsys):
    with WorkshopDocument.open(demo_path):
        assert main(["serve", str(demo_path), "--port", "0"], stop=threading.Event()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def _text_of(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", page)
