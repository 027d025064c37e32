"""DocumentSession.perform: the one way an edit is planned, applied and recorded for undo."""

import pytest
from PySide6.QtCore import QObject

from workshop_app.models.errors import WorkshopError, WorkshopFileError
from workshop_app.ui.session import DocumentSession


@pytest.fixture
def session(qapp, document):
    session = DocumentSession(document)
    heard = {"changed": [], "failed": []}
    session.changed.connect(lambda change, source: heard["changed"].append((change, source)))
    session.failed.connect(lambda message, source: heard["failed"].append((message, source)))
    session.heard = heard
    yield session
    session.close()


def venue(document) -> str:
    return document.workshop()["venue"]


def test_a_plan_is_applied_once_recorded_and_its_change_returned(session, document):
    source = QObject()
    change = session.perform(lambda doc: doc.plan_update("workshop", doc.workshop()["id"], venue="Antsirabe"),
                             "Set the venue", source=source)
    assert change is not None and venue(document) == "Antsirabe"
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Set the venue"
    assert session.heard["changed"] == [(change, source)]
    session.undo_stack.undo()
    assert venue(document) == ""
    session.undo_stack.redo()
    assert venue(document) == "Antsirabe"
    assert [heard_source for _, heard_source in session.heard["changed"]] == [source, None, None]


def test_a_planned_change_is_accepted_as_it_is(session, document):
    planned = document.plan_update("workshop", document.workshop()["id"], venue="Toamasina")
    assert session.perform(planned) is planned
    assert venue(document) == "Toamasina" and session.undo_stack.undoText() == planned.description


def test_nothing_to_change_records_nothing(session, document):
    assert session.perform(lambda doc: doc.plan_update("workshop", doc.workshop()["id"], venue="")) is None
    assert session.undo_stack.count() == 0 and session.heard == {"changed": [], "failed": []}


@pytest.mark.parametrize("error", [WorkshopError("the session no longer exists"), ValueError("no field colour")])
def test_a_plan_that_cannot_be_made_is_reported_once(session, error):
    source = QObject()

    def plan(document):
        raise error

    assert session.perform(plan, source=source) is None
    assert session.heard["failed"] == [(str(error), source)]
    assert session.undo_stack.count() == 0 and session.heard["changed"] == []


def test_a_change_the_file_refuses_leaves_the_stack_as_it_was(session, document, workshop_path, monkeypatch):
    session.perform(lambda doc: doc.plan_update("workshop", doc.workshop()["id"], venue="Venue 1"))

    def unplugged(change):
        raise WorkshopFileError(workshop_path, "the change could not be saved (disk I/O error)")

    monkeypatch.setattr(document, "apply", unplugged)
    source = QObject()
    assert session.perform(lambda doc: doc.plan_update("workshop", doc.workshop()["id"], venue="Venue 2"),
                           source=source) is None
    assert session.undo_stack.count() == 1 and session.undo_stack.index() == 1
    assert len(session.heard["failed"]) == 1 and session.heard["failed"][0][1] is source
    assert "could not be saved" in session.heard["failed"][0][0]
    monkeypatch.undo()
    session.undo_stack.undo()
    assert venue(document) == ""


def set_venue(name):
    return lambda doc: doc.plan_update("workshop", doc.workshop()["id"], venue=name)


def test_a_change_the_file_refuses_keeps_the_steps_that_could_be_redone(session, document, monkeypatch):
    session.perform(set_venue("One"))
    session.perform(set_venue("Two"))
    session.undo_stack.undo()
    assert (session.undo_stack.count(), session.undo_stack.index()) == (2, 1)

    def pulled_out(change):
        raise WorkshopFileError(document.path, "the file cannot be written (the USB stick was removed?)")

    monkeypatch.setattr(document, "apply", pulled_out)
    assert session.perform(set_venue("Three")) is None
    monkeypatch.undo()
    assert (session.undo_stack.count(), session.undo_stack.index()) == (2, 1) and session.undo_stack.canRedo()
    assert "USB stick" in session.heard["failed"][-1][0]
    session.undo_stack.redo()
    assert venue(document) == "Two"


@pytest.mark.parametrize("fault", [ValueError, KeyError])
def test_a_view_that_fails_while_following_a_change_does_not_undo_it(session, document, monkeypatch, fault):
    """The change is in the file: it stays recorded and undoable, and the view's fault is reported."""
    reported = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, trace: reported.append(error))

    def broken_view(change, source):
        raise fault("a view could not follow")

    session.changed.connect(broken_view)
    assert session.perform(set_venue("After")) is not None
    assert venue(document) == "After" and session.undo_stack.count() == 1
    assert session.heard["failed"] == [] and len(reported) == 1
    session.changed.disconnect(broken_view)
    session.undo_stack.undo()
    assert venue(document) == ""
