"""View › Share with the Room…: the site starts on the address chosen, a phone reads the road
map, its comment arrives as pending in the window, the facilitator accepts it (undoable) or
dismisses it, and sharing stops when the file is closed."""

import html
import socket
import urllib.parse
import urllib.request

from workshop_app.models.roadmap.tree import node_codes
from workshop_app.ui.sharing.dialog import LOCAL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_a_phone_reads_the_draft_and_its_comment_is_accepted_in_the_window(window, demo_path, qtbot):
    window.open_file(demo_path)
    window.share_action.trigger()
    dialog = window.share_dialog
    dialog.address.setCurrentIndex(dialog.address.findData(LOCAL))  # this computer only
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    assert dialog.start_button.text() == "&Stop Sharing" and not dialog.problem.text()
    url = window.room.urls()[0]
    assert url in dialog.link.text() and not dialog.qr.pixmap().isNull()
    document = window.session.document
    action = {code: node_id for node_id, code in node_codes(document).items()}["2.1.1"]
    assert document.get("roadmap_node", action)["title"] in html.unescape(fetch(url))
    port, token = window.room.sharing.port, window.room.sharing.site.token
    minister = document.rows("participant", order_by="name")[0]["name"]  # anyone can type anyone's name
    body = urllib.parse.urlencode({"on": action, "text": "Add the recruitment agencies' association",
                                   "name": minister}).encode("utf-8")
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/{token}/comment", data=body),
                           timeout=10).read()
    qtbot.waitUntil(lambda: dialog.comments.count() == 1, timeout=5000)
    assert dialog.comments.item(0).text() == ("Action 2.1.1: Add the recruitment agencies' association\n"
                                               f"— From a phone, signed “{minister}” (not verified)")
    dialog.accept_button.click()
    assert dialog.comments.count() == 0
    assert document.count("plenary_comment", "text LIKE 'Add the recruitment agencies%'") == 1
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    page.tree.setCurrentIndex(page.model.index_of(action))
    assert [page.details.comments.item(row).text() for row in range(page.details.comments.count())] == [
        f"Add the recruitment agencies' association — From a phone, signed “{minister}” (not verified)"]
    window.session.undo_stack.undo()
    assert dialog.comments.count() == 1 and document.count("plenary_comment", "text LIKE 'Add the recruit%'") == 0
    dialog.dismiss_button.click()
    assert dialog.comments.count() == 0
    window.close_workshop()
    assert not window.room.running


def test_the_projector_shows_the_address_and_a_join_screen_while_sharing(window, demo_path, qtbot):
    window.open_file(demo_path)
    window.toggle_projector(True)
    projector = window.projector
    window.share_action.trigger()
    dialog = window.share_dialog
    dialog.address.setCurrentIndex(dialog.address.findData(LOCAL))
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    url = window.room.urls()[0]
    assert f"Phones: {url}" in projector.strip.text()
    projector.toggle_join()  # J on the projector
    assert projector.view[0] == "join"
    assert "Read the draft on your phone" in projector.browser.toPlainText()
    assert url in projector.browser.toPlainText()
    dialog.start_button.click()  # stop sharing: the join screen gives way
    assert projector.view[0] != "join" and "Phones:" not in projector.strip.text()


def test_the_dialog_says_when_the_computer_left_the_network_it_shares_on(window, demo_path, qtbot, monkeypatch):
    from workshop_app.ui.sharing import dialog as dialog_module

    monkeypatch.setattr(dialog_module, "room_addresses", lambda bind: ["127.0.0.2"])  # the hotspot, as it was
    window.open_file(demo_path)
    window.share_action.trigger()
    dialog = window.share_dialog
    dialog.address.setCurrentIndex(dialog.address.findData("127.0.0.2"))
    dialog.port.setValue(free_port())
    dialog.start_button.click()
    assert window.room.running and not dialog.problem.text()
    window.share_action.trigger()  # opened again: still on that network
    assert not dialog.problem.text()
    monkeypatch.setattr(dialog_module, "room_addresses", lambda bind: ["10.1.2.3"])  # another Wi-Fi
    window.share_action.trigger()
    assert "no longer on the network of 127.0.0.2" in dialog.problem.text()
    dialog.start_button.click()  # stopping clears it
    assert not window.room.running and not dialog.problem.text()
