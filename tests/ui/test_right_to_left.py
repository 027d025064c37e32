"""The window in Arabic, as a reader of Arabic sees it: mirrored charts and tables, and phone
numbers, times, amounts, paths and keys that keep their left-to-right order among Arabic words."""

import pytest
from PySide6.QtCore import QDate, QLocale, QPointF, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel

from workshop_app.export.pdf.direction import base_level
from workshop_app.models.roadmap.tree import roadmap_tree
from workshop_app.ui.app import create_application
from workshop_app.ui.language import FSI, LRI, PDI, apply_language
from workshop_app.ui.main_window import MainWindow

LEFT_TO_RIGHT = (LRI, PDI)
OWN_DIRECTION = (FSI, PDI)


@pytest.fixture
def arabic(qtbot, settings, errors, demo_path):
    """The demo workshop open in a window in Arabic, at the window's default size."""
    create_application(language="ar")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.open_file(demo_path)
    yield window
    window.close()
    apply_language(QApplication.instance(), "en")


def settle():
    for _round in range(3):
        QApplication.processEvents()


def wrapped(text: str, marks: tuple[str, str]) -> bool:
    return text.startswith(marks[0]) and text.endswith(marks[1])


def shown(view, index) -> str:
    """The text a view draws in a cell: its delegate's, from the model's."""
    return view.itemDelegateForIndex(index).displayText(index.data(), QLocale())


def visual_x(text: str, position: int) -> float:
    """Where the character at `position` is drawn on a right-to-left line (the left of its glyph)."""
    layout = QTextLayout(text)
    option = QTextOption()
    option.setTextDirection(Qt.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return min(point.x() for run in line.glyphRuns(position, 1) for point in run.positions())


def page(window, key: str):
    window.workshop_view.show_page(key)
    settle()
    return window.workshop_view.page(key)


def test_a_rule_divides_the_rail_from_the_page(arabic):
    rail = arabic.workshop_view.rail
    image = rail.grab().toImage()
    middle = image.height() // 2
    rule = rail.palette().mid().color().rgb()
    assert image.pixelColor(0, middle).rgb() == rule  # on the rail's left, next to the page
    assert image.pixelColor(image.width() - 1, middle).rgb() != rule


# ---------------------------------------------------------------------- tables and trees

def test_phone_and_e_mail_cells_read_left_to_right(arabic):
    stakeholders = page(arabic, "stakeholders")
    view, model = stakeholders.participant_view, stakeholders.participants
    row = next(number for number in range(model.rowCount())
               if model.index(number, model.COL_PHONE).data().startswith("+"))
    proxy_row = view.model().mapFromSource(model.index(row, 0)).row()
    phone = shown(view, view.model().index(proxy_row, model.COL_PHONE))
    assert wrapped(phone, LEFT_TO_RIGHT) and phone[1:-1].startswith("+977")
    assert wrapped(shown(view, view.model().index(proxy_row, model.COL_EMAIL)), LEFT_TO_RIGHT)
    assert wrapped(shown(view, view.model().index(proxy_row, model.COL_NAME)), OWN_DIRECTION)
    # As drawn: the "+" before the country code, at the left of the digits.
    assert visual_x(phone, phone.index("+")) < visual_x(phone, phone.index("9"))
    assert visual_x(phone[1:-1], 0) > visual_x(phone[1:-1], 1)  # unisolated, the "+" went to the far right


def test_english_cells_are_drawn_as_they_are(window, demo_path):
    window.open_file(demo_path)
    stakeholders = page(window, "stakeholders")
    view, model = stakeholders.participant_view, stakeholders.participants
    index = view.model().index(0, model.COL_PHONE)
    assert shown(view, index) == index.data()


def test_agenda_times_keep_their_order(arabic):
    agenda = page(arabic, "agenda")
    tree, model = agenda.tree, agenda.model
    day = model.index(0, 0)
    session = model.index(0, 0, day)
    times = shown(tree, session)
    start, end = times[1:-1].split("–")
    assert wrapped(times, OWN_DIRECTION)
    assert visual_x(times, times.index(start)) < visual_x(times, times.index(end))  # 09:00–09:30, not 09:30–09:00
    heading = model.index(0, 0).data()
    title = model.days[0].day["title"]
    assert f"{FSI}{title}{PDI}" in heading and not heading.startswith(FSI)  # the Arabic words lead the line
    hours = heading.rsplit("·", 1)[1].strip()
    assert wrapped(hours, OWN_DIRECTION)


def test_a_cut_title_ends_with_its_ellipsis(arabic):
    agenda = page(arabic, "agenda")
    index = agenda.model.index(2, 1, agenda.model.index(0, 0))
    text = shown(agenda.tree, index)
    elided = agenda.tree.fontMetrics().elidedText(text, Qt.ElideRight, 120)
    # The closing isolate was cut with the words: the "…" stays inside, in the title's direction.
    assert elided.startswith(FSI) and elided.rstrip(PDI).endswith("…")
    assert visual_x(elided, elided.index("…")) > visual_x(elided, 1)  # the "…" after the words, on their right


def test_shortcut_keys_read_left_to_right(arabic):
    from workshop_app.ui.dialogs.shortcuts import ShortcutsDialog, shortcut_list

    dialog = ShortcutsDialog(shortcut_list(arabic), arabic)
    row = next(row for row in range(dialog.table.rowCount()) if dialog.table.item(row, 0).text() == "Ctrl+/")
    keys = shown(dialog.table, dialog.table.model().index(row, 0))
    assert wrapped(keys, LEFT_TO_RIGHT)
    assert visual_x(keys, keys.index("C")) < visual_x(keys, keys.index("/"))


# ---------------------------------------------------------------------- road map

def test_road_map_details_fit_their_panel(arabic):
    roadmap = page(arabic, "roadmap")
    goals = roadmap_tree(arabic.session.document)
    action = goals[0].children[0].children[0].children[0]
    roadmap.select(action.node["id"])
    settle()
    details = roadmap.details
    assert details.widget().minimumSizeHint().width() <= details.viewport().width()
    assert not details.horizontalScrollBar().isVisible()
    heading = details.heading.text()
    assert f"{LRI}{action.code}{PDI}" in heading and f"{FSI}{action.node['title']}{PDI}" in heading


def test_a_partner_line_reads_from_the_right_and_is_not_cut(arabic):
    roadmap = page(arabic, "roadmap")
    goals = roadmap_tree(arabic.session.document)
    action = goals[0].children[0].children[0].children[0]
    roadmap.select(action.node["id"])
    settle()
    partners = roadmap.details.partners
    line = partners.item(0).text()
    assert line.startswith(FSI) and base_level(line) == 1  # the Arabic role decides: name on the right
    assert not partners.horizontalScrollBar().isVisible()


def test_road_map_totals_keep_each_amount_whole(arabic):
    roadmap = page(arabic, "roadmap")
    first = roadmap.totals.text().splitlines()[0]
    assert f"{LRI}17,000,000 NPR{PDI}" in first and f"{LRI}680,000 USD{PDI}" in first


# ---------------------------------------------------------------------- figures

@pytest.fixture
def figures(arabic):
    stakeholders = page(arabic, "stakeholders")
    stakeholders.tabs.setCurrentWidget(stakeholders.figures)
    settle()
    stakeholders.figures.grid.resize(900, 560)
    return stakeholders.figures


def test_the_bar_chart_reads_from_the_right_and_nothing_is_cut(figures):
    chart = figures.charts["category"]
    metrics = chart.fontMetrics()
    legend = chart.legend_rects(metrics)
    for _sex, square, label in legend:
        assert 0 <= label.left() and label.right() <= chart.width()
        assert square.left() >= label.right()  # the colour before its word, on the right
    words = [label for _sex, _square, label in legend]
    assert all(later.right() <= earlier.left() for earlier, later in zip(words, words[1:]))  # no overlap
    from workshop_app.i18n.catalogs import gettext
    from workshop_app.models.vocabulary import SEXES

    for (sex, _square, label) in legend:
        assert label.width() >= metrics.horizontalAdvance(gettext(SEXES[sex]))
    for row, group in enumerate(chart.groups):
        total = chart.total_rect(row, metrics)
        assert 0 <= total.left() and total.left() + metrics.horizontalAdvance(str(group.total)) <= chart.width()


def test_the_power_interest_grid_is_mirrored(figures, arabic, qtbot):
    grid = figures.grid
    assert grid.cell_rect(3, 5).left() < grid.cell_rect(3, 1).left()  # more interest to the left
    assert grid.tray_rect().right() < grid.grid_rect().left()  # the unplaced ones on the left
    assert grid.cell_at(grid.cell_rect(2, 5).center()) == (2, 5)
    organization = next(o for o in grid.organizations if o["interest"] and o["interest"] < 5)
    assert grid.cell_rect(organization["influence"], organization["interest"]).contains(
        grid.chip_rect(organization["id"]).center())
    qtbot.mouseClick(grid, Qt.LeftButton, pos=grid.chip_rect(organization["id"]).center().toPoint())
    qtbot.keyClick(grid, Qt.Key_Left)
    from workshop_app.models.stakeholders.organizations import assessments

    moved = next(o for o in assessments(arabic.session.document) if o["id"] == organization["id"])
    assert moved["interest"] == organization["interest"] + 1
    assert grid.cell_at(QPointF(grid.width() - 2, 2)) is None


# ---------------------------------------------------------------------- other widgets

def test_a_folded_warning_points_the_way_the_line_reads(arabic):
    agenda = page(arabic, "agenda")
    line = next(iter(agenda.warnings.lines.values()))
    assert line.arrowType() == Qt.NoArrow and not line.icon().isNull()
    image = line.grab().toImage()
    # The caret before the words: on the right of the line, whose left is the end of the words.
    inked = [x for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y).lightness() < 120]
    assert inked and max(inked) > image.width() - line.iconSize().width() - 12


def test_dates_are_written_year_first_left_to_right(arabic, tmp_path):
    overview = page(arabic, "overview")
    start = overview.start_edit
    assert start.text() == "2027-03-09" and not start.isRightToLeft()
    assert start.calendarWidget().isRightToLeft()
    from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog

    dialog = NewWorkshopDialog(tmp_path, arabic)
    dialog.start_edit.setDate(QDate(2027, 5, 4))
    assert dialog.start_edit.text() == "2027-05-04"


def test_qt_widgets_write_latin_digits_like_the_rest_of_the_window(arabic, settings):
    from workshop_app.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings, arabic)
    assert any(digit in dialog.women_share.text() for digit in "0123456789")
    assert QLocale().toString(2027) == "2,027"


def test_figure_tiles_start_on_the_right(arabic):
    overview = page(arabic, "overview")
    value = overview.figures["participants"]
    caption = next(label for label in value.parent().findChildren(QLabel) if label is not value)
    tile = value.parent()
    # "122" is laid out left to right: it sat at the left of its tile, under nothing.
    for label in (value, caption):
        assert label.geometry().right() >= tile.width() - 20
        assert label.geometry().left() >= tile.width() - 20 - label.sizeHint().width()


def test_paths_read_left_to_right(arabic, settings, tmp_path):
    overview = page(arabic, "overview")
    assert wrapped(overview.subtitle.text(), LEFT_TO_RIGHT)
    heading = overview.findChild(QLabel, "pageTitle")
    subtitle = overview.subtitle.geometry()
    # As wide as the path and under the heading's start: a label of a path alone reads left to
    # right and, as wide as the page, put the path at the far left.
    assert subtitle.right() == heading.geometry().right()
    assert subtitle.width() <= overview.subtitle.sizeHint().width() + 2
    from workshop_app.ui.dialogs.export import SignInExportDialog

    dialog = SignInExportDialog(arabic.session.document, settings, arabic)
    folder = dialog.where.text()
    assert f"{LRI}{dialog.target().parent}{PDI}" in folder


def test_an_arabic_paragraph_starts_on_the_right_of_its_box(arabic):
    overview = page(arabic, "overview")
    box = overview.description_edit
    box.set_text("ورشة عمل وطنية")
    settle()
    image = box.viewport().grab().toImage()
    inked = [x for x in range(image.width()) for y in range(min(image.height(), 30))
             if image.pixelColor(x, y).lightness() < 120]
    assert inked and min(inked) > image.width() // 2


# ---------------------------------------------------------------------- projector

def test_the_projector_table_starts_on_the_right_and_its_keys_keep_their_order(arabic):
    from workshop_app.i18n.catalogs import gettext
    from workshop_app.ui.projector.content import roadmap_view
    from workshop_app.ui.projector.window import ProjectorWindow

    goals = roadmap_tree(arabic.session.document)
    html = roadmap_view(arabic.session.document, goals[0].children[0].node["id"])
    headers = html.split("<tr>")[1]
    assert headers.index(gettext("Funding gap")) < headers.index(gettext("Code"))  # Qt lays columns from the left
    projector = ProjectorWindow()
    projector.set_document(arabic.session.document)
    strip = projector.strip.text()
    assert f"{LRI}Ctrl +/−{PDI}" in strip and f"{LRI}Esc{PDI}" in strip
    assert base_level(strip) == 1  # the line reads from the right, Arabic first
    projector.close()


def test_changes_on_the_projector_point_from_old_to_new_in_reading_order(arabic):
    from workshop_app.models.roadmap.versions import plan_freeze_version
    from workshop_app.ui.projector.content import changes_view

    document = arabic.session.document
    arabic.session.perform(plan_freeze_version(document, "Start of day 3"))
    action = document.rows("roadmap_node", "level = 'action'", order_by="position")[0]
    arabic.session.perform(document.plan_update("roadmap_node", action["id"], title="Legal review (phase 1)"))
    html = changes_view(document, "Start of day 3")
    assert "←" in html and "→" not in html  # Arabic reads from the right: old on the right, new on its left
    assert f"{FSI}“Legal review (phase 1)”{PDI}" in html


def test_the_day_keys_follow_the_mirrored_day_arrows(arabic):
    agenda = page(arabic, "agenda")
    assert agenda.actions["previous_day"].shortcut().toString() == "Ctrl+Right"  # its arrow points right
    assert agenda.actions["next_day"].shortcut().toString() == "Ctrl+Left"


def test_the_import_preview_arrow_points_along_the_line(arabic, tmp_path):
    import openpyxl

    from workshop_app.ui.dialogs.participant_import import ImportWizard

    workbook = openpyxl.Workbook()
    workbook.active.append(["Name", "Phone"])
    workbook.active.append(["Rakoto Hery", "+261 34 12 345 67"])
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    wizard = ImportWizard(arabic.session, tmp_path, arabic)
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.validatePage()
    wizard.columns_page.initializePage()
    wizard.columns_page.as_is.setChecked(True)
    header = wizard.columns_page.preview.horizontalHeaderItem(0).text()
    assert header.splitlines()[1].startswith("← ")  # from the sheet's header, read right to left


def test_live_next_sessions_keep_each_time_with_its_title(arabic):
    import datetime as dt

    agenda = page(arabic, "agenda")
    agenda.live.clock = lambda: dt.datetime(2027, 3, 9, 10, 20)  # day 1, during the objectives session
    agenda.live.reload()
    upcoming = agenda.live.next_label.text().split(": ", 1)[1].split("; ")
    assert upcoming and all(wrapped(entry, OWN_DIRECTION) for entry in upcoming)
    first = upcoming[0]
    assert visual_x(first, 1) < visual_x(first, first.index(" ") + 1)  # "10:35 Group photo…": the time first


def test_a_check_in_confirmation_reads_from_the_right(arabic, qtbot):
    stakeholders = page(arabic, "stakeholders")
    attendance = stakeholders.attendance
    stakeholders.tabs.setCurrentWidget(attendance)
    attendance.day_combo.setCurrentIndex(0)
    participant = arabic.session.document.rows("participant", "name = ?", ["Alejandro Vargas Ruiz"])[0]
    attendance.check_in(participant["id"])
    text = attendance.confirmation.text()
    assert f"{FSI}Alejandro Vargas Ruiz{PDI}" in text and base_level(text) == 1  # "✓" on the right, first


def test_a_session_title_heads_its_details_from_the_right(arabic):
    agenda = page(arabic, "agenda")
    day = agenda.model.index(0, 0)
    index = next(agenda.model.index(row, 0, day) for row in range(agenda.model.rowCount(day))
                 if agenda.model.index(row, 1, day).data() == "Lunch")  # a title shorter than a line
    agenda.tree.setCurrentIndex(index)
    settle()
    heading = agenda.details.heading
    assert heading.text() == index.siblingAtColumn(1).data()
    image = heading.grab().toImage()
    inked = [x for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y).lightness() < 120]
    assert inked and max(inked) > image.width() - 12  # the English title ends at the panel's start
