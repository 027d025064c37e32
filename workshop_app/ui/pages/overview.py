"""Overview: the workshop's details, editable with undo, and live counts of everything in it."""


from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.i18n.formats import percent
from workshop_app.models.changes import Change
from workshop_app.models.stats import getting_started, workshop_stats
from workshop_app.ui.language import left_to_right
from workshop_app.ui.pages.base import Page
from workshop_app.ui.palette import set_tone
from workshop_app.ui.widgets.country_combo import CountryCombo
from workshop_app.ui.widgets.fields import DocumentUndoRouter, OptionalDateEdit, TextArea
from workshop_app.ui.widgets.notices import Checklist


class GrowingTextArea(TextArea):
    """A text box that asks for little height and takes whatever the window spares: the page
    never scrolls because of it, and a tall window shows more of the text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 90)


class OverviewPage(Page):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(_("Overview"))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        columns = QHBoxLayout()
        # The workshop's details and the national action plan's texts share one place: both
        # are long text boxes that grow with the window, and stacked they would make it scroll.
        # The plan's tab is built when first opened: most openings never show it.
        self._action_plan = None
        self.sheets = QTabWidget()
        self.sheets.setDocumentMode(True)
        self.sheets.addTab(self._build_details(), _("Workshop &details"))
        self.sheets.addTab(QWidget(), _("&National action plan"))
        self.sheets.currentChanged.connect(lambda index: index == 1 and self.action_plan)
        columns.addWidget(self.sheets, 3)
        columns.addWidget(self._build_figures(), 2)
        self._connect_editors()

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(24, 20, 24, 20)
        content_layout.addWidget(heading)
        # Under the heading's start; the path itself reads left to right (see _load_details).
        content_layout.addWidget(self.subtitle, 0, Qt.AlignLeading)
        content_layout.addWidget(self._build_checklist())
        content_layout.addLayout(columns, 1)  # the long text boxes grow with the window
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setStyleSheet(
            "#sectionTitle { font-size: 13pt; font-weight: bold; margin-bottom: 6px; }"
            "#hint { color: palette(placeholder-text); }"

            "#card { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; padding: 10px; }"
            "#figureTile { background: palette(alternate-base); border-radius: 6px; padding: 6px; }"
            "#figureValue { font-size: 22pt; font-weight: bold; }"
        )

    def _build_details(self) -> QFrame:
        """The card of the workshop's own fields, each saved when it is left."""
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("e.g. National workshop on a road map for target 8.7"))
        self.country_combo = CountryCombo(allow_unset=True)
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText(_("Hotel and city"))
        self.start_edit = OptionalDateEdit()
        self.end_edit = OptionalDateEdit()
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        # Translators: between the start date and the end date of the workshop ("from … to …").
        dates.addWidget(QLabel(_("to")))
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        self.languages_edit = QLineEdit()
        self.languages_edit.setPlaceholderText(_("ISO codes, e.g. en, fr"))
        self.languages_edit.setToolTip(_("Working languages as two-letter ISO 639-1 codes, separated by commas"))
        self.description_edit = GrowingTextArea()
        self.objectives_edit = GrowingTextArea()
        self.context_edit = GrowingTextArea()
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        set_tone(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        # Translators: form label, the workshop's name (& marks the Alt+letter shortcut).
        form.addRow(_("&Title"), self.title_edit)
        form.addRow(_("&Country"), self.country_combo)
        form.addRow(_("&Venue"), self.venue_edit)
        dates_label = QLabel(_("&Dates"))
        dates_label.setBuddy(self.start_edit)  # a layout cannot be a buddy; the first date is
        form.addRow(dates_label, dates)
        form.addRow(_("&Languages"), self.languages_edit)
        form.addRow(_("De&scription"), self.description_edit)
        form.addRow(_("&Objectives"), self.objectives_edit)
        form.addRow(_("National conte&xt"), self.context_edit)
        details, details_layout = self._card(_("Workshop details"))
        details_layout.addLayout(form)
        details_layout.addWidget(self.message)
        return details

    def _connect_editors(self) -> None:
        self.title_edit.editingFinished.connect(lambda: self._commit_field("title", self.title_edit.text()))
        self.venue_edit.editingFinished.connect(lambda: self._commit_field("venue", self.venue_edit.text()))
        self.languages_edit.editingFinished.connect(
            lambda: self._commit_field("languages", self.languages_edit.text())
        )
        self.country_combo.activated.connect(
            lambda: self._commit_field("country", self.country_combo.code())
        )
        self.start_edit.editingFinished.connect(self._commit_start)
        self.end_edit.editingFinished.connect(lambda: self._commit_field("end_date", self.end_edit.iso_date()))
        self.description_edit.editingFinished.connect(
            lambda: self._commit_field("description", self.description_edit.toPlainText())
        )
        self.objectives_edit.editingFinished.connect(
            lambda: self._commit_field("objectives", self.objectives_edit.toPlainText())
        )
        self.context_edit.editingFinished.connect(
            lambda: self._commit_field("national_context", self.context_edit.toPlainText())
        )
        self._undo_router = DocumentUndoRouter(self)
        for editor in (self.title_edit, self.venue_edit, self.languages_edit, self.description_edit,
                       self.objectives_edit, self.context_edit):
            editor.installEventFilter(self._undo_router)

    def _build_checklist(self) -> Checklist:
        """The steps from an empty file to a shared road map; hidden once all are done."""
        self.checklist = Checklist(_("Getting started"))
        steps = (
            ("participants", _("Add the participants"), _("Import participants…"),
             lambda: self.window().import_participants(),
             _("Import the invitation list you were sent, or add people on the Stakeholders page")),
            ("agenda", _("Build the agenda"), _("Open the agenda"), lambda: self._go("agenda"),
             _("Start from a template of a national workshop, or add the sessions one by one")),
            ("groups", _("Form the breakout groups"), _("Open the agenda"), lambda: self._go("agenda"),
             _("Select one of the parallel group sessions on the Agenda page, then Groups…")),
            ("roadmap", _("Draft the road map"), _("Open the road map"), lambda: self._go("roadmap"),
             _("Done when the road map has its goal and a first outcome")),
            ("version", _("Freeze a version"), _("Open the road map"), lambda: self._go("roadmap"),
             _("Road map › Freeze version…, e.g. \"Draft after day 2\"")),
            ("export", _("Export to share"), _("Export the agenda…"),
             lambda: self.window().export_agenda(),
             _("The agenda, the sign-in sheets or the road map, from File › Export (remembered on this "
               "computer)")),
        )
        for key, text, button, slot, explanation in steps:
            self.checklist.add_step(key, text, button, slot, explanation)
        self.checklist.hide()
        return self.checklist

    def _go(self, page: str) -> None:
        self.window().workshop_view.show_page(page)

    def _build_figures(self) -> QFrame:
        """The card of live counts."""
        self.figures: dict[str, QLabel] = {}
        figures, figures_layout = self._card(_("In this workshop"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        for index, (key, label) in enumerate(self._figure_labels()):
            grid.addWidget(self._figure_tile(key, label), index // 3, index % 3)
        figures_layout.addLayout(grid)
        self.women_note = QLabel()
        self.women_note.setObjectName("hint")
        self.women_note.setWordWrap(True)
        figures_layout.addWidget(self.women_note)
        figures_layout.addStretch(1)
        return figures

    @staticmethod
    def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        return card, layout

    def _figure_labels(self) -> list[tuple[str, str]]:
        return [
            ("participants", _("Participants")),
            ("organizations", _("Organizations")),
            ("women_share", _("Women's share")),
            ("days", _("Days")),
            ("sessions", _("Sessions")),
            # Translators: captions under counts; outcomes, outputs and actions are levels of the road map.
            ("outcomes", _("Outcomes")),
            ("outputs", _("Outputs")),
            ("actions", _("Actions")),
            ("indicators", _("Indicators")),
            ("versions", _("Versions")),
        ]

    def _figure_tile(self, key: str, label: str) -> QFrame:
        tile = QFrame()
        tile.setObjectName("figureTile")
        layout = QVBoxLayout(tile)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        value = QLabel("–")
        value.setObjectName("figureValue")
        set_tone(value, "accent")
        value.setAccessibleName(label)
        caption = QLabel(label)
        # Both at the start of the tile: a label of digits alone ("122") is laid out left to
        # right, so in a right-to-left window it sat on the left, its caption on the right.
        layout.addWidget(value, 0, Qt.AlignLeading)
        layout.addWidget(caption, 0, Qt.AlignLeading)
        self.figures[key] = value
        return tile

    # ------------------------------------------------------------------ refreshing

    @property
    def action_plan(self):
        """The national action plan's card (pages.action_plan), built when first asked for."""
        if self._action_plan is None:
            from workshop_app.ui.pages.action_plan import ActionPlanCard

            self._action_plan = ActionPlanCard()
            self._action_plan.set_session(self.session)
            placeholder = self.sheets.widget(1)
            current = self.sheets.currentIndex()
            self.sheets.blockSignals(True)
            self.sheets.removeTab(1)
            self.sheets.insertTab(1, self._action_plan, _("&National action plan"))
            self.sheets.setCurrentIndex(current)
            self.sheets.blockSignals(False)
            placeholder.deleteLater()
        return self._action_plan

    def reload(self) -> None:
        if self._action_plan is not None:
            self._action_plan.set_session(self.session)
        if self.session is not None:
            self._load_details()
            self._load_figures()

    def refresh(self, change: Change, source: object) -> None:
        if change.tables() & {"workshop", "day"}:
            self._load_details()
        self._load_figures()
        if self._action_plan is not None:
            self._action_plan.refresh(change, source)

    def _load_details(self) -> None:
        workshop = self.session.document.workshop()
        widgets = (self.title_edit, self.venue_edit, self.languages_edit, self.country_combo,
                   self.start_edit, self.end_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.title_edit.setText(workshop["title"])
        self.venue_edit.setText(workshop["venue"])
        self.languages_edit.setText(", ".join(map(str, self.session.document.working_languages())))
        self.country_combo.set_code(workshop["country"])
        self.start_edit.set_iso_date(workshop["start_date"])
        self.end_edit.set_iso_date(workshop["end_date"])
        for widget in widgets:
            widget.blockSignals(False)
        self.description_edit.set_text(workshop["description"])
        self.objectives_edit.set_text(workshop["objectives"])
        self.context_edit.set_text(workshop["national_context"])
        # A file open read-only is read here, not edited: the fields show it, and take no typing.
        readonly = self.session.document.readonly
        for editor in (self.title_edit, self.venue_edit, self.languages_edit, self.start_edit, self.end_edit,
                       self.description_edit, self.objectives_edit, self.context_edit):
            editor.setReadOnly(readonly)
        self.country_combo.setEnabled(not readonly)
        self.subtitle.setText(left_to_right(str(self.session.document.path)))

    def _load_figures(self) -> None:
        document = self.session.document
        done = getting_started(document)
        # The file keeps no record of exports: this computer's settings remember them.
        done["export"] = self.settings is not None and self.settings.exported_from(document.path)
        self.checklist.set_done(done)
        if document.readonly:  # its steps are edits: nothing to do in a file open read-only
            self.checklist.hide()
        figures = workshop_stats(document)
        for key, label in self.figures.items():
            value = figures[key]
            if key == "women_share":
                label.setText(percent(value))
            else:
                label.setText(f"{value:,}")
        by_sex = figures["participants_by_sex"]
        minimum = self.settings.women_share_minimum() if self.settings is not None else None
        below = minimum is not None and figures["women_share"] is not None and figures["women_share"] < minimum
        set_tone(self.figures["women_share"], "error" if below else "accent")
        self.figures["women_share"].setToolTip(
            _("Below the minimum of {share} set in Preferences").format(share=percent(minimum)) if below else "")
        self.women_note.setText(
            # Translators: numbers of participants by sex, each after its label.
            _("Women {women} · men {men} · other {other} · not stated {not_stated} "
              "(the share counts people whose sex is stated)")
            .format(women=by_sex["female"], men=by_sex["male"], other=by_sex["other"],
                    not_stated=by_sex["not_stated"])
        )

    # ------------------------------------------------------------------ edits

    def _commit_field(self, field: str, value) -> None:
        if self.session is None:
            return
        text = self._undo_text(field)
        self._perform(lambda document: document.plan_update("workshop", document.workshop()["id"], text,
                                                             **{field: value}))

    def _commit_start(self) -> None:
        if self.session is not None:
            start = self.start_edit.iso_date()
            self._perform(lambda document: document.plan_workshop_dates(start))

    def _perform(self, plan) -> None:
        self.message.hide()
        for editor in (self.title_edit, self.venue_edit, self.languages_edit):
            editor.setModified(False)  # taken: Ctrl+Z undoes in the workshop, not in the field
        self.session.perform(plan, source=self)

    def show_failure(self, message: str, source: object) -> None:
        self.message.setText(message)
        self.message.show()
        self._load_details()  # show what the file really holds

    def _undo_text(self, field: str) -> str:
        return {
            "title": _("Edit title"),
            "venue": _("Edit venue"),
            "languages": _("Edit languages"),
            "country": _("Change country"),
            "end_date": _("Change end date"),
            "description": _("Edit description"),
            "objectives": _("Edit objectives"),
            "national_context": _("Edit national context"),
        }[field]
