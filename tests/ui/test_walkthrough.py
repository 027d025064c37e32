"""A first-time facilitator's whole journey, driven as a user drives it: the navigation rail,
the menus, the buttons and the keys the toolbars name, never a click inside a table first.

Every simulated user gesture is counted. The counting rule: a mouse click is one click; a key
press is one keystroke, a chord (Ctrl+Shift+A) included; typed text is one keystroke per
character. A native file dialog (to create the workshop file, to pick the list) is counted as
the file name typed in it and Enter. The totals must stay within a budget set from the first run
plus a fifth, so a change that lengthens the journey is noticed."""

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QPushButton, QToolButton

from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.ui.dialogs.export import RoadmapExportDialog, SignInExportDialog
from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog
from workshop_app.ui.dialogs.participant_import import ImportWizard
from workshop_app.ui.item_models.roadmap import COL_COST
from workshop_app.ui.pages.agenda import AgendaPage
from workshop_app.ui.pages.roadmap import RoadmapPage
from workshop_app.ui.widgets.live_panel import LivePanel

BUDGET = {"clicks": 14, "keystrokes": 460}  # the first run (12 clicks, 384 keystrokes) plus a fifth

FRENCH_LIST = """Liste des participants
Nom;Sexe;Organisation;Courriel
Rakoto Hery;H;Ministère du Travail (MTEFP);hery@mtefp.example
Rasoa Voahangy;F;MTEFP;rasoa@mtefp.example
Élodie Randria;F;Confédération Générale des Travailleurs (CGTP);elodie@cgtp.example
Jean Rabe;H;Groupement des Entreprises de Madagascar (GEM);jean@gem.example
Fara Nirina;F;Ministère de la Justice;fara@justice.example
Tiana Rabary;F;ONG Zaza Faly;tiana@zazafaly.example
Rakoto Hery;H;MTEFP;HERY@mtefp.example
"""


class User:
    """The facilitator's hands: every gesture goes through here and is counted."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.clicks = 0
        self.keys = 0  # key presses and chords
        self.characters = 0  # typed text

    @property
    def keystrokes(self):
        return self.keys + self.characters

    def click(self, widget, pos=None):
        self.clicks += 1
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.LeftButton, pos=pos)

    def key(self, key, modifiers=Qt.NoModifier, widget=None):
        self.keys += 1
        self.qtbot.keyClick(widget or QApplication.focusWidget(), key, modifiers)
        QApplication.processEvents()  # an editor commits on Return once the event loop runs

    def type(self, text, widget=None):
        self.characters += len(text)
        for character in text:
            target = widget or QApplication.focusWidget()
            if character.isascii():
                self.qtbot.keyClicks(target, character)
            else:  # é, à: what a French keyboard sends, which QTest's ASCII table lacks
                for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.NoModifier, character))

    def typed_in_file_dialog(self, name):
        """A native file dialog: the name typed, then Enter."""
        self.characters += len(name)
        self.keys += 1


def rail_click(user, window, label):
    rail = window.workshop_view.rail
    item = next(rail.item(row) for row in range(rail.count()) if rail.item(row).text() == label)
    user.click(rail.viewport(), rail.visualItemRect(item).center())


def toolbar_button(page, key):
    return next(button for button in page.findChildren(QToolButton) if button.defaultAction() is page.actions[key])


def menu_path(user, window, texts):
    """Open a menu of the menu bar and choose through its submenus, one click each."""
    bar = window.menuBar()
    action = next(action for action in bar.actions() if action.text() == texts[0])
    user.click(bar, bar.actionGeometry(action).center())
    menu = action.menu()
    for text in texts[1:]:
        user.qtbot.waitUntil(menu.isVisible)
        item = next(entry for entry in menu.actions() if entry.text() == text)
        user.click(menu, menu.actionGeometry(item).center())
        menu = item.menu()


def status(window):
    return window.statusBar().currentMessage()


def notice(window):
    return window.change_notice.text()


def first_page_text(path):
    return PdfReader(path).pages[0].extract_text()


@pytest.fixture
def modal(monkeypatch, qtbot, window):
    """Modal dialogs are shown modeless and driven by the step's own hands (`drive`), then
    their result returned as exec() would."""
    drivers = {}

    def run(dialog):
        drive = drivers.pop(type(dialog).__name__)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        drive(dialog)
        result = dialog.result()
        dialog.hide()
        window.activateWindow()  # as the desktop does when a dialog closes
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return result

    for owner in (AgendaPage, RoadmapPage):
        monkeypatch.setattr(owner, "ask", lambda self, dialog: bool(run(dialog)))
    for dialog_class in (NewWorkshopDialog, ImportWizard, RoadmapExportDialog, SignInExportDialog):
        monkeypatch.setattr(dialog_class, "exec", run)
    return drivers


def test_a_first_time_facilitator_gets_through_the_whole_journey(window, qtbot, tmp_path, modal, monkeypatch,
                                                                  settings):
    user = User(qtbot)
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is window.start_page

    # 1. File › New Workshop… (Ctrl+N): title, country, first day, length, languages.
    workshop_file = tmp_path / "Atelier national.workshop"

    def new_workshop(dialog):
        user.type("Atelier national feuille de route 8.7")  # the suggested title is selected
        user.key(Qt.Key_Tab)
        user.type("Mada")  # the country list finds Madagascar as it is typed
        user.key(Qt.Key_Tab)
        user.type("20270309")
        user.key(Qt.Key_Tab)
        user.key(Qt.Key_Tab)  # three days, as offered
        user.type("fr")
        user.key(Qt.Key_Return)

    def file_to_create(dialog):
        user.typed_in_file_dialog(workshop_file.stem)
        return workshop_file

    modal["NewWorkshopDialog"] = new_workshop
    monkeypatch.setattr(NewWorkshopDialog, "choose_path", file_to_create)
    user.key(Qt.Key_N, Qt.ControlModifier, window)
    assert window.session is not None and window.session.document.path == workshop_file
    workshop = window.session.document.workshop()
    assert workshop["country"] == "MG" and workshop["start_date"] == "2027-03-09"
    assert window.windowTitle().startswith("Atelier national.workshop")
    assert window.session.document.count("day") == 3

    # 2. File › Import Participants… (Ctrl+I): the ministry's French list, with its duplicate.
    sheet = tmp_path / "liste des participants.csv"
    sheet.write_text(FRENCH_LIST, encoding="utf-8")

    def list_chosen(*args, **kwargs):
        user.typed_in_file_dialog(sheet.stem)
        return str(sheet), ""

    def import_list(wizard):
        browse = next(button for button in wizard.file_page.findChildren(QPushButton)
                      if button.text() == "Browse…")
        user.click(browse)
        assert wizard.file_page.path_edit.text() == str(sheet)
        user.key(Qt.Key_Return)  # Next: the columns and the preview
        assert wizard.currentPage() is wizard.columns_page, wizard.file_page.problem.text()
        assert wizard.columns_page.preview.rowCount() == 7
        user.key(Qt.Key_Return)  # Next: the report
        assert wizard.currentPage() is wizard.report_page
        report = wizard.report_page.report.toPlainText()
        assert "6 participants added" in report, report
        assert "“Ministère du Travail (MTEFP)” → MTEFP" in report or "MTEFP" in report
        user.key(Qt.Key_Return)  # Import

    monkeypatch.setattr(QFileDialog, "getOpenFileName", list_chosen)
    modal["ImportWizard"] = import_list
    user.key(Qt.Key_I, Qt.ControlModifier)
    document = window.session.document
    assert "Participants imported" in status(window)
    assert window.workshop_view.current_page() == "stakeholders"
    assert document.count("participant") == 6
    people = {row["name"]: row for row in document.rows("participant")}
    assert people["Rakoto Hery"]["sex"] == "male" and people["Rasoa Voahangy"]["sex"] == "female"
    assert people["Rakoto Hery"]["organization_id"] == people["Rasoa Voahangy"]["organization_id"]
    stakeholders = window.workshop_view.page("stakeholders")
    assert stakeholders.participants.rowCount() == 6

    # 3. The Agenda, from the navigation rail; the built-in template from the empty page's key.
    rail_click(user, window, "Agenda")
    agenda_page = window.workshop_view.page("agenda")
    assert agenda_page.empty.isVisible()
    modal["TemplateDialog"] = lambda dialog: user.key(Qt.Key_Return)  # the national workshop, as offered
    user.key(Qt.Key_T, Qt.ControlModifier | Qt.ShiftModifier)
    assert document.count("session") > 20 and agenda_page.tree.isVisible()
    assert "Apply" in notice(window) or "added" in notice(window), notice(window)
    assert QApplication.focusWidget() is agenda_page.tree  # not left on the rail

    # 4. The breakout groups of the day-2 group work (Ctrl+G finds them), people spread.
    def spread(dialog):
        assert len(dialog.lists) == 4
        spread_button = next(button for button in dialog.findChildren(QPushButton)
                             if button.text().startswith("Spread participants"))
        user.click(spread_button)
        sizes = [people.count() for people in dialog.lists.values()]
        assert sum(sizes) == 6 and max(sizes) - min(sizes) <= 1, sizes
        user.key(Qt.Key_Escape)

    modal["GroupsDialog"] = spread
    user.key(Qt.Key_G, Qt.ControlModifier)
    assert agenda_page.details.isVisible()
    # The workshop works in French (typed at step 1): the template's groups came in French.
    assert document.get("session", agenda_page.selected_session_id())["track"] == "Groupe A"
    assert "6 added" in notice(window), notice(window)

    # 5. Live mode (F9) on the first morning; the opening ran 15 minutes over.
    agenda_page.live.clock = lambda: dt.datetime(2027, 3, 9, 9, 45)
    user.key(Qt.Key_F9)
    # The agenda came from the template in the workshop's language, French.
    assert agenda_page.live.isVisible() and "Cérémonie d'ouverture" in agenda_page.live.now_label.text()
    lunch_before = {clock(item.start) for item in agenda(document)[0].sessions
                    if item.session["title"] == "Déjeuner"}

    def minutes_late(self, title, beside):
        user.type("15")
        user.key(Qt.Key_Return)
        return 15

    monkeypatch.setattr(LivePanel, "ask_minutes", minutes_late)
    user.click(agenda_page.live.late_button)
    day_one = {item.session["title"]: clock(item.start) for item in agenda(document)[0].sessions}
    assert day_one["Objectifs, programme et méthodes de travail de l'atelier"] == "10:30", day_one
    assert {day_one["Déjeuner"]} == lunch_before  # lunch stays put
    assert notice(window), "the delay is named in the status bar with its Undo"
    assert "Record overrun" in notice(window)

    draft_the_road_map(user, window, modal, monkeypatch)
    export_the_road_map_and_the_sign_in_sheets(user, window, modal, monkeypatch, tmp_path, settings)

    # 12. The projector (F5) shows the road map's outcome, the action selected on it.
    user.key(Qt.Key_F5)
    assert window.projector is not None and window.projector.isVisible()
    assert "Former 200 inspecteurs du travail" in window.projector.browser.toPlainText()

    print(f"\nWalkthrough: {user.clicks} clicks, {user.keystrokes} keystrokes "
          f"({user.keys} keys and chords, {user.characters} characters typed)")
    assert user.clicks <= BUDGET["clicks"] and user.keystrokes <= BUDGET["keystrokes"]


def draft_the_road_map(user, window, modal, monkeypatch):
    document = window.session.document
    # 6. The road map (Ctrl+4): goal, outcome, output and action, each added with its key and named.
    user.key(Qt.Key_4, Qt.ControlModifier)
    roadmap = window.workshop_view.page("roadmap")
    assert roadmap.empty.isVisible()
    titles = ["Mettre fin au travail des enfants et au travail forcé à Madagascar",
              "Les lois sont appliquées", "Inspecteurs formés", "Former 200 inspecteurs du travail"]
    for title in titles:
        user.key(Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)  # Add below
        user.type(title)
        user.key(Qt.Key_Return)
    codes = {roadmap.model.code(row["id"]): row["title"] for row in document.rows("roadmap_node")}
    assert codes == {"": titles[0], "1": titles[1], "1.1": titles[2], "1.1.1": titles[3]}  # the goal has no code
    assert roadmap.empty.isHidden() and roadmap.tree.hasFocus()

    # 7. A version frozen from the page's toolbar before the room goes on editing.
    def version_name(parent, title, label, *args, **kwargs):
        user.type("Projet après le jour 2")
        user.key(Qt.Key_Return)
        return "Projet après le jour 2", True

    monkeypatch.setattr(QInputDialog, "getText", version_name)
    user.click(toolbar_button(roadmap, "freeze"))
    assert document.count("version") == 1 and "Freeze" in notice(window), notice(window)

    # 8. The cost, typed in its cell the French way: Right moves along the row, F2 edits.
    action_id = next(row["id"] for row in document.rows("roadmap_node") if row["level"] == "action")
    assert roadmap.selected_id() == action_id
    while roadmap.tree.currentIndex().column() != COL_COST:
        user.key(Qt.Key_Right)
    user.key(Qt.Key_F2)
    user.type("45 000 000")
    user.key(Qt.Key_Return)
    assert document.get("roadmap_node", action_id)["cost"] == 45_000_000
    assert roadmap.tree.currentIndex().data().replace("\u202f", " ").replace("\xa0", " ") == "45 000 000"
    assert "45" in roadmap.totals.text()

    # 9. A plenary comment on the action (Ctrl+K): typed, then Tab to Record and Enter.
    def comment(dialog):
        assert any("Former 200 inspecteurs" in label.text() for label in dialog.findChildren(QLabel))
        user.type("Prévoir aussi les inspecteurs régionaux")
        user.key(Qt.Key_Tab)
        user.key(Qt.Key_Return)

    modal["CommentDialog"] = comment
    user.key(Qt.Key_K, Qt.ControlModifier)
    comments = document.rows("plenary_comment")
    assert [row["text"] for row in comments] == ["Prévoir aussi les inspecteurs régionaux"]

    # 10. Versions…: the frozen version against the draft names the cost typed since.
    def compare(dialog):
        differences = dialog.differences.toPlainText()
        assert "45" in differences and "Projet après le jour 2" in dialog.older.currentText(), differences
        user.key(Qt.Key_Escape)

    modal["VersionsDialog"] = compare
    user.click(toolbar_button(roadmap, "versions"))

    return roadmap


def export_the_road_map_and_the_sign_in_sheets(user, window, modal, monkeypatch, tmp_path, settings):
    # 11. File › Export › Road Map (PDF)… and Sign-in Sheets (PDF)…: one dialog each, a name typed.
    opened = []
    monkeypatch.setattr("workshop_app.ui.dialogs.export.open_with_system", opened.append)

    def export_as(name):
        def drive(dialog):
            assert QApplication.focusWidget() is dialog.file_name
            user.key(Qt.Key_A, Qt.ControlModifier)
            user.type(name)
            user.key(Qt.Key_Return)
        return drive

    modal["RoadmapExportDialog"] = export_as("feuille de route")
    menu_path(user, window, ["&File", "&Export", "&Road Map (PDF)…"])
    road_map_pdf = tmp_path / "feuille de route.pdf"
    assert status(window) == f"Exported: {road_map_pdf}"
    assert "Atelier national feuille de route 8.7" in first_page_text(road_map_pdf)

    modal["SignInExportDialog"] = export_as("feuilles de présence")
    menu_path(user, window, ["&File", "&Export", "&Sign-in Sheets (PDF)…"])
    sign_in_pdf = tmp_path / "feuilles de présence.pdf"
    assert status(window) == f"Exported: {sign_in_pdf}"
    first_sheet = first_page_text(sign_in_pdf)
    assert "Rakoto Hery" in first_sheet and "hery@mtefp.example" not in first_sheet
    assert opened == ([road_map_pdf, sign_in_pdf] if settings.open_exports() else [])

