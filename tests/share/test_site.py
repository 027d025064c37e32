"""The review site the room opens on its phones, through real HTTP on 127.0.0.1: what a phone
reads, what it may send, and what it is refused."""

import html
import re
import socket

import pytest

from tests.share.conftest import fetch, first_action, request
from workshop_app.models.roadmap.phone_comments import pending_phone_comments


def _text(page: str) -> str:
    """A page's words, as a reader sees them (tags dropped, entities read)."""
    inline = re.sub(r"</?(bdi|span|b|ins|del|a)\b[^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", inline))


def test_the_road_map_page_lists_actions_with_their_code_title_lead_and_status(shared):
    action = first_action(shared.document)
    page = shared.get()
    assert page.status == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    words = " ".join(_text(page.text).split())
    assert f"{action['code']} {action['title']}" in words
    assert "Lead MoLESS" in words and "Timing Q2 2027 – Q4 2027" in words and "Status Agreed" in words
    assert words.count("Comment on Action") == shared.document.count("roadmap_node", "level = 'action'")


def test_a_search_finds_an_action_by_a_word_of_its_title_and_by_its_code(shared):
    page = _text(shared.get(q="brick kilns").text)
    assert "Brick kiln" in page or "brick kiln" in page
    assert "Legal gap analysis" not in page
    assert re.search(r"\d+ actions? match", page)
    by_code = _text(shared.get(q="1.1.1").text)
    assert "Legal gap analysis on forced labour" in by_code
    assert "0 actions match" in _text(shared.get(q="no such words anywhere").text)


def test_my_group_gives_a_participants_breakout_group_and_room_for_each_slot(shared):
    page = " ".join(_text(shared.get("group", name="bikash th").text).split())
    assert "Bikash Thapa (MoLESS)" in page
    assert "Day 2 · Wednesday 10 March 2027 09:20–11:00 Group C · Conflicts and Humanitarian Settings" in page
    assert "Room: Lhotse Room" in page
    # Everybody named "a" would be a list, not an answer.
    assert "type more of your name" in _text(shared.get("group", name="an").text)
    assert "Nobody’s name holds “zzqx”" in _text(shared.get("group", name="zzqx").text)


@pytest.mark.parametrize("method", ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "BREW"])
def test_without_the_token_every_path_answers_404(shared, method):
    token = shared.token
    wrong = token[:-1] + ("a" if token[-1] != "a" else "b")
    paths = ["/", "/favicon.ico", f"/{wrong}/", f"/{wrong}/today", f"/{wrong}/style.css", f"/{wrong}/live.js",
             f"/{wrong}/version", f"/{wrong}/comment", f"/{token[:8]}/", f"/{token}x/", f"/x/{token}/",
             "/../../etc/passwd", f"/{token.upper()}/", "/%2e%2e/", f"//{wrong}/", f"/%20{token}/"]
    for path in paths:
        answer = request(shared.port, method, path, b"on=x&text=y" if method == "POST" else None,
                         {"Content-Type": "application/x-www-form-urlencoded"} if method == "POST" else None)
        assert answer.status == 404, (method, path)
        assert token not in answer.text


def test_the_token_opens_every_page(shared):
    for path in ("", "today", "agenda", "group", "changes", "style.css", "live.js", "version", "qr.svg"):
        assert shared.get(path).status == 200, path
    assert shared.get("nothing-here").status == 404
    redirected = request(shared.port, "GET", f"/{shared.token}")
    assert (redirected.status, redirected.headers["Location"]) == (301, f"/{shared.token}/")


def test_a_comment_from_a_phone_waits_as_pending_until_the_document_thread_stores_it(shared):
    action = first_action(shared.document)
    answer = shared.post_comment(action["id"], "Add the brick kiln owners' association as a partner",
                                 name="Bikash Thapa", organization="MoLESS", lang="en")
    assert answer.status == 303
    assert answer.headers["Location"].startswith("sent?")
    assert pending_phone_comments(shared.document) == []  # nothing touched the document yet
    result = shared.sharing.poll(wait=True)
    assert len(result.stored) == 1 and not result.published  # a pending comment changes no page
    [pending] = pending_phone_comments(shared.document)
    assert (pending["node_id"], pending["code"], pending["text"], pending["name"], pending["organization"]) == (
        action["id"], action["code"], "Add the brick kiln owners' association as a partner", "Bikash Thapa", "MoLESS")
    thanks = shared.get(answer.headers["Location"])
    assert thanks.status == 200 and f"Your comment on Action {action['code']} was received" in _text(thanks.text)
    # The road map itself is what it was.
    assert shared.document.get("roadmap_node", action["id"])["comments"] == action["comments"]


def test_a_comment_on_an_output_or_an_unknown_item_is_refused(shared):
    output = shared.document.rows("roadmap_node", "level = 'output'")[0]
    assert shared.post_comment(output["id"], "Not here").status == 404
    assert shared.post_comment("no-such-item", "Not here").status == 404
    shared.sharing.poll(wait=True)
    assert pending_phone_comments(shared.document) == []


def test_a_comment_of_1001_characters_is_refused_with_the_form_and_the_text_kept(shared):
    action = first_action(shared.document)
    text = "x" * 1001
    answer = shared.post_comment(action["id"], text)
    assert answer.status == 400
    words = _text(answer.text)
    assert "Your comment has 1,001 characters, 1 more than the 1,000 that can be sent. Please shorten it." in words
    assert "emoji" not in words
    assert f">{text}</textarea>" in answer.text
    assert shared.post_comment(action["id"], "y" * 1000).status == 303
    assert shared.post_comment(action["id"], "   ").status == 400
    shared.sharing.poll(wait=True)
    assert [len(row["text"]) for row in pending_phone_comments(shared.document)] == [1000]


def test_a_body_far_larger_than_a_comment_is_refused_unread(shared):
    answer = request(shared.port, "POST", f"/{shared.token}/comment", b"text=" + b"x" * 40_000,
                     {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 413
    assert "too large" in _text(answer.text)


def test_more_comments_a_minute_than_a_phone_sends_are_refused(shared):
    action = first_action(shared.document)
    statuses = [shared.post_comment(action["id"], f"Comment {number}").status for number in range(8)]
    assert statuses[:6] == [303] * 6
    assert statuses[6:] == [429, 429]
    refused = shared.post_comment(action["id"], "One more")
    assert refused.headers["Retry-After"] == "60"
    assert "Please wait a minute" in _text(refused.text)
    shared.sharing.poll(wait=True)
    assert len(pending_phone_comments(shared.document)) == 6


def test_a_title_that_holds_markup_prints_as_text(shared):
    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"],
                                                      title="<script>alert(1)</script> & \"quotes\""))
    assert shared.sharing.poll(wait=True).published
    for page in (shared.get(), shared.get(q="alert"), shared.get("changes"), shared.get("comment", on=action["id"])):
        assert "<script>alert(1)</script>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in page.text
    # The only script of any page is the site's own file.
    assert re.findall(r"<script[^>]*>", shared.get().text) == ['<script src="live.js" defer>']


def test_every_answer_carries_the_content_security_policy_and_no_store(shared):
    for path in ("", "today", "style.css", "live.js", "version", "qr.svg", "nothing-here"):
        headers = shared.get(path).headers
        assert headers["Cache-Control"] == "no-store", path
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    assert request(shared.port, "GET", "/").headers["Cache-Control"] == "no-store"


def test_pages_load_nothing_from_outside_the_program(shared):
    for path in ("", "today", "agenda", "group", "changes"):
        page = shared.get(path).text
        assert not re.search(r"""(src|href)=["'](https?:)?//""", page), path
        assert "style=" not in page and "onclick" not in page.lower()


def test_participants_e_mail_and_phone_never_reach_a_page(shared):
    contacts = [value for row in shared.document.rows("participant") for value in (row["email"], row["phone"])
                if value]
    assert len(contacts) > 100
    pages = [shared.get(path).text for path in ("", "today", "agenda", "changes")]
    for person in shared.document.rows("participant"):
        pages.append(shared.get("group", name=person["name"]).text)
    pages.append(shared.get("group", name="moless.example").text)
    served = "\n".join(pages)
    assert [value for value in contacts if value in served or html.escape(value) in served] == []
    assert "@" not in _text(served)


def test_a_page_in_french_and_the_language_switch(shared):
    shared.document.apply(shared.document.plan_update("workshop", shared.document.workshop()["id"],
                                                      languages="en, fr, ar"))
    shared.sharing.poll(wait=True)
    page = shared.get(lang="fr").text
    assert '<html lang="fr" dir="ltr"' in page
    words = _text(page)
    assert "Feuille de route" in words and "Chef de file" in words and "T2 2027" in words
    english = shared.get().text
    assert '<html lang="en"' in english
    assert 'hreflang="fr"' in english and "Français" in english and "العربية" in english
    # Links keep the page's language.
    assert 'href="./today?lang=fr"' in page
    french_agenda = _text(shared.get("agenda", lang="fr").text)
    assert "Jour 1" in french_agenda and "mardi 9 mars 2027" in french_agenda


def test_an_arabic_page_reads_right_to_left(shared):
    page = shared.get(lang="ar").text
    assert '<html lang="ar" dir="rtl"' in page
    assert "خارطة الطريق" in page
    # A time range holds no letter: it reads from the left, as in the window and the exports.
    assert '<bdi dir="ltr">09:20–11:00</bdi>' in shared.get("today", lang="ar").text
    assert '<bdi dir="ltr">09:20–11:00</bdi>' in shared.get("group", name="Ingrid", lang="ar").text


def test_the_version_changes_after_an_edit_and_a_rebuild_only(shared):
    before = shared.get("version").text
    assert shared.get("version").text == before
    shared.sharing.poll(wait=True)  # nothing changed: the same version
    assert shared.get("version").text == before
    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"], title="Retitled in plenary"))
    assert shared.get("version").text == before  # the pages follow the snapshot, rebuilt by the document's thread
    assert shared.sharing.poll(wait=True).published
    after = shared.get("version").text
    assert int(after) > int(before)
    assert "Retitled in plenary" in shared.get().text
    page = shared.get().text
    assert f'data-version="{after}"' in page


def test_today_shows_what_is_on_now_and_next(shared):
    page = " ".join(_text(shared.get("today").text).split())
    assert "Day 2 · Wednesday 10 March 2027" in page
    now, _rest = page.split("Next", 1)
    assert "Now" in now and "Migration: problem analysis" in now and "60 minutes left" in now
    assert "Room: Annapurna Room" in now
    assert 'data-version-url="version?clock=1"' in shared.get("today").text
    assert shared.get("version", clock="1").text.startswith(shared.get("version").text + ".")


def test_changes_since_the_start_of_the_day(shared):
    assert "Nothing has changed yet" in _text(shared.get("changes").text)
    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"], status="done"))
    shared.sharing.poll(wait=True)
    page = " ".join(_text(shared.get("changes").text).split())
    assert "Changes since 10:00 today" in page
    assert f"Action {action['code']} · status: Agreed → Done" in page
    assert "<del><bdi>Agreed</bdi></del>" in shared.get("changes").text


def test_stopping_sharing_closes_the_address(shared):
    url = shared.url
    assert fetch(url).status == 200
    shared.sharing.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", shared.port), timeout=2).close()


def test_a_phone_that_accepts_gzip_gets_the_page_compressed(shared):
    import gzip

    plain = request(shared.port, "GET", f"/{shared.token}/")
    packed = request_bytes(shared.port, f"/{shared.token}/", {"Accept-Encoding": "gzip, deflate"})
    assert "Content-Encoding" not in plain.headers
    assert packed[0]["Content-Encoding"] == "gzip" and packed[0]["Vary"] == "Accept-Encoding"
    assert len(packed[1]) < len(plain.text.encode()) / 3
    assert gzip.decompress(packed[1]).decode("utf-8") == plain.text


def request_bytes(port: int, path: str, headers: dict) -> tuple[dict, bytes]:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_an_answer_to_a_posted_comment_is_never_reloaded_by_the_script(shared):
    action = first_action(shared.document)
    refused = shared.post_comment(action["id"], "x" * 1001)
    assert 'data-version=""' in refused.text
    assert re.search(r'data-version="\d+"', shared.get().text)


def test_the_room_s_sheet_prints_the_address_and_a_qr_code(shared, tmp_path):
    from pypdf import PdfReader

    from workshop_app.share.join_sheet import write_join_sheet

    write_join_sheet(shared.document, tmp_path / "join.pdf", shared.url, lang="fr")
    reader = PdfReader(tmp_path / "join.pdf")
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert "Lisez le projet sur votre téléphone" in text and shared.url in text.replace(" ", "")
    import segno

    drawn = reader.pages[0].get_contents().get_data().decode("latin-1").count(" re")
    assert drawn >= sum(sum(row) for row in segno.make(shared.url, error="m").matrix)  # every dark module


def test_a_phone_still_connected_when_sharing_stops_is_answered_not_found(demo_path):
    import http.client
    import urllib.parse

    from tests.share.conftest import first_action
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.share.sharing import Sharing

    with WorkshopDocument.open(demo_path) as document:
        sharing = Sharing(document, bind="127.0.0.1", port=0)
        sharing.start()
        token, port = sharing.site.token, sharing.port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # kept alive, as a browser's
        connection.request("GET", f"/{token}/agenda")
        assert connection.getresponse().read() and True
        sharing.stop()
        connection.request("GET", f"/{token}/agenda")
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 404
        body = urllib.parse.urlencode({"on": first_action(document)["id"], "text": "Sent after the stop"})
        connection.request("POST", f"/{token}/comment", body=body,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 404  # refused, never thanked and lost
        connection.close()


def test_a_comment_with_line_breaks_that_fits_the_box_is_taken(shared):
    from tests.share.conftest import first_action

    text = "\r\n".join(["x" * 99] * 10)  # 1,000 characters as the box counts them, 1,009 as sent
    answer = shared.post_comment(first_action(shared.document)["id"], text)
    assert answer.status in (200, 303)
    stored = shared.sharing.poll(wait=True).stored
    assert [len(comment.text) for comment in stored] == [999]


def test_sharing_starts_without_looking_up_a_name(demo_path, monkeypatch):
    import socket

    from workshop_app.models.document import WorkshopDocument
    from workshop_app.share.sharing import Sharing

    def no_lookup(*args):
        raise AssertionError("a name lookup on an offline laptop waits for the resolver")

    monkeypatch.setattr(socket, "getfqdn", no_lookup)
    with WorkshopDocument.open(demo_path) as document:
        sharing = Sharing(document, bind="127.0.0.1", port=0)
        assert sharing.start()
        sharing.stop()


def test_comments_that_arrive_together_are_stored_in_one_change_and_a_gone_item_s_are_reported(shared):
    from workshop_app.models.roadmap.editing import plan_delete_node
    from workshop_app.models.roadmap.tree import roadmap_tree

    actions = [item.node for goal in roadmap_tree(shared.document) for item in goal.walk()
               if item.node["level"] == "action"]
    for number in range(5):
        assert shared.post_comment(actions[0]["id"], f"Comment {number}").status in (200, 303)
    assert shared.post_comment(actions[1]["id"], "On an action about to go").status in (200, 303)
    shared.document.apply(plan_delete_node(shared.document, actions[1]["id"]))
    changes = []
    shared.document.subscribe(changes.append)
    result = shared.sharing.poll(wait=True)
    assert len(result.stored) == 5 and [comment.text for comment, _reason in result.dropped] == [
        "On an action about to go"]
    assert len([change for change in changes if "phone_comment" in change.tables()]) == 1


def test_changes_today_keep_their_start_when_sharing_stops_and_starts_again(shared):
    from tests.share.conftest import DAY_TWO_AT_TEN
    from workshop_app.share.sharing import Sharing

    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"], status="done"))
    shared.sharing.poll(wait=True)
    shared.sharing.stop()
    later = DAY_TWO_AT_TEN.replace(hour=14)
    again = Sharing(shared.document, bind="127.0.0.1", port=0, clock=lambda: later)
    url = again.start()[0]
    try:
        page = " ".join(_text(fetch(url + "changes").text).split())
        assert "Changes since 10:00 today" in page
        assert f"Action {action['code']} · status: Agreed → Done" in page
    finally:
        again.stop()
    next_morning = DAY_TWO_AT_TEN.replace(day=11, hour=9)
    third = Sharing(shared.document, bind="127.0.0.1", port=0, clock=lambda: next_morning)
    url = third.start()[0]
    try:
        page = " ".join(_text(fetch(url + "changes").text).split())
        assert "Changes since 09:00 today" in page and "Nothing has changed yet" in page
    finally:
        third.stop()


def test_the_snapshot_is_built_outside_the_document_s_thread_from_a_copy(shared, monkeypatch):
    import threading

    from workshop_app.share import sharing

    built_in = []
    started, release = threading.Event(), threading.Event()
    original = sharing.build_snapshot

    def slow_build(document, baseline, **parts):
        built_in.append(threading.current_thread())
        started.set()
        release.wait(10)
        return original(document, baseline, **parts)

    monkeypatch.setattr(sharing, "build_snapshot", slow_build)
    before = shared.get("version").text
    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"], title="Retitled in plenary"))
    shared.sharing.poll()  # returns while the snapshot is being built
    assert started.wait(10) and built_in[0] is not threading.current_thread()
    assert shared.get("version").text == before and "Retitled in plenary" not in shared.get().text
    release.set()
    assert shared.sharing.poll(wait=True).published
    assert "Retitled in plenary" in shared.get().text


def test_a_search_is_written_once_per_snapshot_whatever_the_address_adds(shared, monkeypatch):
    from workshop_app.share import site

    written = []
    original = site.roadmap_page
    monkeypatch.setattr(site, "roadmap_page", lambda snapshot, request: written.append(dict(request.query))
                        or original(snapshot, request))
    for number in range(200):
        page = shared.get(q="a", x=str(number), **{f"y{number}": "1"})
        assert page.status == 200
    assert written == [{"q": "a"}]
    assert "x=" not in page.text and "y199" not in page.text  # links carry only what the page reads
    for number in range(100):  # the page without a search, asked with other parameters
        shared.get(x=str(number))
    assert written == [{"q": "a"}, {}]
    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"], title="Retitled in plenary"))
    shared.sharing.poll(wait=True)
    assert "Retitled in plenary" in shared.get(q="a").text  # a new snapshot: written again
    assert written[-1] == {"q": "a"}


def test_the_pages_kept_are_the_latest_asked_for_within_a_number_and_a_size():
    from workshop_app.share.site import PageCache, Response

    cache = PageCache(most=3, most_bytes=10_000)
    for number in range(10):
        cache.put(("search", number), Response(200, b"x" * 100))
    assert cache.get(("search", 7)) is not None  # asked for again: kept longer
    cache.put(("search", 10), Response(200, b"x" * 100))
    assert [number for number in range(11) if cache.get(("search", number))] == [7, 9, 10]
    cache.put(("search", "broad"), Response(200, b"x" * 9_950))
    assert len(cache) == 1 and cache.get(("search", "broad")) is not None
