"""The Overview's national action plan card: the facilitator writes the country's texts, keeps
the reference figures up to date and adds acronyms, each edit one undo step."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton

from workshop_app.models.plan.acronyms import acronym_list
from workshop_app.models.plan.figures import reference_figures
from workshop_app.models.plan.texts import plan_texts


def card(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("overview")
    overview = window.workshop_view.page("overview")
    overview.sheets.setCurrentWidget(overview.action_plan)
    return overview.action_plan


def button(widget, text):
    return next(found for found in widget.findChildren(QPushButton) if found.text() == text)


def choose(card, name):
    rows = [card.sections.item(row).text() for row in range(card.sections.count())]
    card.sections.setCurrentRow(next(row for row, text in enumerate(rows) if text.startswith(name)))


def test_a_section_typed_is_saved_when_left_and_undone_with_ctrl_z(window, demo_path, qtbot):
    plan = card(window, demo_path)
    document = window.session.document
    choose(plan, "Foreword")
    assert "why the country commits" in plan.prompt.text()
    assert plan.text.toPlainText().startswith("Nepal asked to become")
    plan.text.selectAll()
    plan.text.setFocus()
    qtbot.keyClicks(plan.text, "The minister's word.")
    choose(plan, "Executive summary")  # leaving the section saves it
    assert plan_texts(document)["foreword"] == "The minister's word."
    window.session.undo_stack.undo()
    assert plan_texts(document)["foreword"].startswith("Nepal asked to become")


def test_an_empty_section_is_marked_to_be_completed(window, demo_path):
    plan = card(window, demo_path)
    choose(plan, "Acknowledgements")
    plan.text.setPlainText("")
    plan.text.document().setModified(True)
    choose(plan, "Signatories")
    texts = [plan.sections.item(row).text() for row in range(plan.sections.count())]
    assert "Acknowledgements (to be completed)" in texts and "Foreword" in texts


def test_a_figure_typed_the_workshop_s_way_is_kept_and_undone(window, demo_path):
    plan = card(window, demo_path)
    model = plan.figures
    document = window.session.document
    index = model.index(1, model.COL_VALUE)
    assert model.data(index) == "27,600,000"
    assert model.setData(index, "28,100,000")
    assert reference_figures(document)[1]["value"] == 28_100_000
    assert model.data(index) == "28,100,000"
    assert not model.setData(model.index(1, model.COL_YEAR), "twenty")  # refused, said in the page
    window.session.undo_stack.undo()
    assert reference_figures(document)[1]["value"] == 27_600_000


def test_figures_removed_come_back_with_the_latest_estimates(window, demo_path, qtbot):
    plan = card(window, demo_path)
    plan.tabs.setCurrentIndex(1)
    tab = plan.tabs.currentWidget()
    document = window.session.document
    plan.figure_table.selectRow(0)
    qtbot.mouseClick(button(tab, "Remove"), Qt.LeftButton)
    assert len(reference_figures(document)) == 5 and reference_figures(document)[0]["value"] == 27_600_000
    qtbot.mouseClick(button(tab, "Add the latest estimates"), Qt.LeftButton)
    assert len(reference_figures(document)) == 6
    assert reference_figures(document)[-1]["value"] == 50_000_000
    assert plan.figures.rowCount() == 6


def test_an_acronym_is_added_through_two_questions(window, demo_path, qtbot, monkeypatch):
    plan = card(window, demo_path)
    answers = iter([("NAP", True), ("National action plan", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    qtbot.mouseClick(button(plan, "Add acronym…"), Qt.LeftButton)
    assert ("NAP", "National action plan") in acronym_list(window.session.document)
    assert plan.acronyms.rowCount() == 5


def test_a_file_opened_for_reading_shows_the_plan_but_offers_no_edit(window, demo_path):
    window.open_file(demo_path, readonly=True)
    window.workshop_view.show_page("overview")
    overview = window.workshop_view.page("overview")
    overview.sheets.setCurrentWidget(overview.action_plan)
    plan = overview.action_plan
    assert plan.text.isReadOnly() and plan.text.toPlainText()
    assert not any(found.isEnabled() for found in plan.findChildren(QPushButton))
