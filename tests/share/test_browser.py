"""The phones' pages in a real browser: headless Chromium (the system's, driven by Playwright) at
a phone's size, as a participant uses them. `.ci/run` installs Debian's chromium; elsewhere these
tests are skipped when no Chromium is found (PATHFINDER_REQUIRE_CHROMIUM=1 makes that a failure)."""

import os
import shutil

import pytest

from tests.share.conftest import first_action

PHONE = {"width": 390, "height": 844}
CHROMIUM = next((path for path in (shutil.which("chromium"), shutil.which("chromium-browser")) if path), None)

if CHROMIUM is None:
    if os.environ.get("PATHFINDER_REQUIRE_CHROMIUM"):
        raise RuntimeError("Chromium is required for the browser tests; .ci/run installs it with apt-get")
    pytest.skip("no Chromium on this machine", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def phone(browser, tmp_path):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.alerts = alerts
    yield page
    context.close()


def test_the_search_finds_an_action(phone, shared, tmp_path):
    phone.goto(shared.url)
    phone.fill("#q", "recruitment agencies")
    phone.press("#q", "Enter")
    phone.wait_for_load_state()
    text = phone.inner_text("main")
    assert "2.1.1" in text and "Monitor compliance of recruitment agencies" in text
    assert "1.1.1" not in text
    phone.screenshot(path=str(tmp_path / "search.png"), full_page=False)


def test_my_group_finds_a_person(phone, shared):
    phone.goto(shared.url + "group")
    phone.fill("#name", "Ingrid")
    phone.press("#name", "Enter")
    phone.wait_for_load_state()
    text = phone.inner_text("main")
    assert "Ingrid Halvorsen" in text and "Group B" in text


def test_a_comment_sent_from_a_phone_arrives_pending(phone, shared):
    from workshop_app.models.roadmap.phone_comments import pending_phone_comments

    action = first_action(shared.document)
    phone.goto(shared.url)
    phone.click(f"#n-{action['id']} a")
    phone.fill("#text", "Please name the ministry's focal point.")
    phone.fill("#name", "A participant")
    phone.click("button[type=submit]")
    phone.wait_for_load_state()
    assert pending_phone_comments(shared.document) == []  # not yet: the document's thread stores it
    shared.sharing.poll(wait=True)
    pending = pending_phone_comments(shared.document)
    assert [(row["text"], row["name"], row["code"]) for row in pending] == [
        ("Please name the ministry's focal point.", "A participant", action["code"])]


def test_a_wrong_token_gets_404(phone, shared):
    answer = phone.goto(shared.url.replace(shared.token, "not-the-token"))
    assert answer.status == 404
    assert "Monitor compliance" not in phone.content()


def test_a_title_with_a_script_prints_as_text(phone, shared):
    action = first_action(shared.document)
    shared.document.apply(shared.document.plan_update("roadmap_node", action["id"], None,
                                                      title="<script>alert(1)</script> Legal gap analysis"))
    shared.sharing.poll(wait=True)
    phone.goto(shared.url)
    assert "<script>alert(1)</script> Legal gap analysis" in phone.inner_text("main")
    assert phone.alerts == []


def test_the_pages_fit_a_phone_with_the_menu_on_one_row_in_every_language(phone, shared, tmp_path):
    for language in ("en", "fr", "es", "ar"):
        for page in ("", "today", "agenda", "group?name=Ingrid", "changes"):
            separator = "&" if "?" in page else "?"
            phone.goto(f"{shared.url}{page}{separator}lang={language}")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (language, page, width)  # nothing wider than the phone
            rows = phone.evaluate("new Set([...document.querySelectorAll('header nav a')]"
                                  ".map(link => Math.round(link.getBoundingClientRect().top))).size")
            assert rows == 1, (language, page)  # the menu is one row
            phone.screenshot(path=str(tmp_path / f"{language}-{page.split('?')[0] or 'roadmap'}.png"))
    phone.goto(shared.url + "?lang=fr")
    assert "Feuille de route" in phone.inner_text("body")


def test_today_and_the_whole_agenda_are_one_place_of_the_menu_and_link_to_each_other(phone, shared):
    phone.goto(shared.url + "today")
    assert phone.inner_text("header nav [aria-current]") == "Agenda"
    phone.click("text=The whole agenda >> nth=0")
    phone.wait_for_load_state()
    assert phone.inner_text("h1") == "Agenda" and phone.inner_text("header nav [aria-current]") == "Agenda"
    phone.click(".views >> text=Today")
    phone.wait_for_load_state()
    assert phone.inner_text("h1") == "Today"


def _emoji_comment(characters: int) -> str:
    """A comment of exactly this many characters (code points, as the site counts), half of
    them emoji, which a browser counts twice (UTF-16)."""
    text = ("Oui 👍 نعم 🙏🏽 ok ✊🏾 " * characters)[:characters - 1] + "!"
    assert len(text) == characters and text.strip() == text
    return text


def test_a_comment_of_a_thousand_characters_with_emoji_is_taken_whole(phone, shared):
    from workshop_app.models.roadmap.phone_comments import pending_phone_comments

    action = first_action(shared.document)
    text = _emoji_comment(1000)
    assert len(text.encode("utf-16-le")) // 2 > 1000  # more than 1,000 as the browser counts
    phone.goto(shared.url + f"comment?on={action['id']}")
    phone.focus("#text")
    phone.keyboard.insert_text(text)  # as a keyboard or a paste enters it: the box's maxlength applies
    phone.click("button[type=submit]")
    phone.wait_for_load_state()
    assert "was received" in phone.inner_text("main")
    shared.sharing.poll(wait=True)
    assert [row["text"] for row in pending_phone_comments(shared.document)] == [text]


def test_a_comment_one_character_too_long_is_refused_with_how_much_to_cut(phone, shared, tmp_path):
    action = first_action(shared.document)
    text = _emoji_comment(1001)
    phone.goto(shared.url + f"comment?on={action['id']}")
    phone.focus("#text")
    phone.keyboard.insert_text(text)
    phone.click("button[type=submit]")
    phone.wait_for_load_state()
    message = phone.inner_text(".problem")
    assert message == ("Your comment has 1,001 characters, 1 more than the 1,000 that can be sent. Please shorten "
                       "it. Some emoji count as two characters or more.")
    assert phone.input_value("#text") == text  # what was typed is kept
    phone.screenshot(path=str(tmp_path / "too-long.png"))
