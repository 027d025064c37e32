"""A new workshop points somewhere: the Overview's checklist ticks itself as the workshop fills
and goes once all is done; the empty Stakeholders page offers the import and the first person."""

from PySide6.QtCore import Qt

from workshop_app.models.roadmap.editing import plan_add_node
from workshop_app.models.roadmap.versions import plan_freeze_version


def click_rail(window, qtbot, row):
    rail = window.workshop_view.rail
    qtbot.mouseClick(rail.viewport(), Qt.LeftButton, pos=rail.visualItemRect(rail.item(row)).center())


def undone(checklist):
    return [key for key in checklist.steps if not checklist.is_done(key)]


def test_the_checklist_ticks_itself_and_goes_when_all_is_done(window, workshop_path, qtbot, settings):
    window.open_file(workshop_path)
    click_rail(window, qtbot, 0)
    overview = window.workshop_view.page("overview")
    checklist = overview.checklist
    assert checklist.isVisible()
    assert undone(checklist) == ["participants", "agenda", "groups", "roadmap", "version", "export"]

    _, _, open_agenda = checklist.steps["agenda"]
    qtbot.mouseClick(open_agenda, Qt.LeftButton)
    assert window.workshop_view.current_page() == "agenda"
    agenda = window.workshop_view.page("agenda")
    qtbot.mouseClick(agenda.empty.buttons[1], Qt.LeftButton)  # Add session
    agenda.tree.closePersistentEditor(agenda.tree.currentIndex())

    click_rail(window, qtbot, 1)
    stakeholders = window.workshop_view.page("stakeholders")
    assert stakeholders.empty.isVisible() and not stakeholders.participant_view.isVisible()
    assert [b.text() for b in stakeholders.empty.buttons] == ["Import participants…", "Add participant"]
    qtbot.mouseClick(stakeholders.empty.buttons[1], Qt.LeftButton)
    assert stakeholders.participant_view.isVisible() and stakeholders.participants.rowCount() == 1

    click_rail(window, qtbot, 0)
    assert undone(checklist) == ["groups", "roadmap", "version", "export"]
    mark, label, button = checklist.steps["participants"]
    assert mark.text() == "☑" and label.font().strikeOut() and not button.isVisible()

    document = window.session.document
    session_id = document.rows("session")[0]["id"]
    participant_id = document.rows("participant")[0]["id"]
    window.session.perform(lambda d: d.plan_insert("session_person", "Form groups", session_id=session_id,
                                                   participant_id=participant_id, role="member"))
    goal = window.session.perform(lambda d: plan_add_node(d, None, "goal")).rows[0].row_id
    window.session.perform(lambda d: plan_add_node(d, goal, "outcome"))
    window.session.perform(lambda d: plan_freeze_version(d, "Draft after day 1"))
    assert undone(checklist) == ["export"]  # followed live while the Overview is in front

    settings.add_exported_from(document.path)  # as File › Export does once a file is written
    window.workshop_view.exported()
    assert not checklist.isVisible()


def test_the_overview_text_boxes_grow_with_the_window(window, demo_path, qtbot):
    window.resize(1280, 800)
    window.open_file(demo_path)
    click_rail(window, qtbot, 0)
    overview = window.workshop_view.page("overview")
    qtbot.wait(10)
    small = overview.context_edit.height()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: overview.context_edit.height() > small + 60)
