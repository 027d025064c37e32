"""The Overview's national action plan card: the texts only the country can write (each with
what goes there), the reference figures the context cites and the acronyms added to the
organizations' own. Every edit goes through the session, as one undo step."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.plan.figures import plan_add_figure, plan_latest_estimates
from workshop_app.models.plan.texts import plan_text_change, plan_texts
from workshop_app.ui.item_models.action_plan import AcronymModel, ReferenceFigureModel
from workshop_app.ui.item_models.row_table import RowTableModel
from workshop_app.ui.session import DocumentSession
from workshop_app.ui.widgets.fields import DocumentUndoRouter, TextArea

SECTION_ROLE = Qt.UserRole + 1


class ActionPlanCard(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.session: DocumentSession | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(_("What the road-map report prints beyond the road map. A section left empty prints a "
                        "box to complete in a draft, and is left out of a validated version."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_texts(), _("&Texts"))
        self.figures = ReferenceFigureModel(self)
        self.figure_table = self._table(self.figures, narrow=(self.figures.COL_VALUE, self.figures.COL_YEAR))
        self.tabs.addTab(self._build_table(self.figure_table, [
            (_("Add figure"), lambda: self._perform(plan_add_figure)),
            (_("Add the latest estimates"), lambda: self._perform(plan_latest_estimates)),
        ]), _("Reference &figures"))
        self.acronyms = AcronymModel(self)
        self.acronym_table = self._table(self.acronyms, narrow=(self.acronyms.COL_ACRONYM,))
        self.tabs.addTab(self._build_table(self.acronym_table, [(_("Add acronym…"), self._add_acronym)]),
                         _("Acro&nyms"))
        layout.addWidget(hint)
        layout.addWidget(self.tabs)

    # ------------------------------------------------------------------ the texts

    def _build_texts(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        self.sections = QListWidget()
        self.sections.setAccessibleName(_("Sections of the plan"))
        for section, (name, _prompt) in v.PLAN_TEXTS.items():
            item = QListWidgetItem(_(name))
            item.setData(SECTION_ROLE, section)
            self.sections.addItem(item)
        self.sections.setMaximumWidth(260)
        self.prompt = QLabel()
        self.prompt.setObjectName("hint")
        self.prompt.setWordWrap(True)
        self.text = TextArea()
        self.text.setMinimumHeight(120)
        self.text.editingFinished.connect(self._commit_text)
        self.text.installEventFilter(DocumentUndoRouter(self))
        editor = QVBoxLayout()
        editor.addWidget(self.prompt)
        editor.addWidget(self.text, 1)
        row.addWidget(self.sections)
        row.addLayout(editor, 1)
        self.sections.currentItemChanged.connect(self._show_section)
        self.sections.setCurrentRow(0)
        return box

    def current_section(self) -> str:
        item = self.sections.currentItem()
        return item.data(SECTION_ROLE) if item is not None else next(iter(v.PLAN_TEXTS))

    def _show_section(self, current, previous) -> None:
        if previous is not None and self.text.document().isModified():
            self._commit_text(previous.data(SECTION_ROLE))
        section = self.current_section()
        self.prompt.setText(_(v.PLAN_TEXTS[section][1]))
        self.text.setAccessibleName(_(v.PLAN_TEXTS[section][0]))
        self._load_text()

    def _load_text(self) -> None:
        texts = plan_texts(self.session.document) if self.session is not None else {}
        self.text.set_text(texts.get(self.current_section(), ""))
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            section = item.data(SECTION_ROLE)
            name = _(v.PLAN_TEXTS[section][0])
            # Translators: a section of the plan in the list, still without text
            item.setText(name if texts.get(section) else _("{section} (to be completed)").format(section=name))

    def _commit_text(self, section: str | None = None) -> None:
        section = section or self.current_section()
        text = self.text.toPlainText()
        self.text.document().setModified(False)
        self._perform(lambda document: plan_text_change(document, section, text))

    # ------------------------------------------------------------------ the tables

    @staticmethod
    def _table(model: RowTableModel, narrow: tuple[int, ...]) -> QTableView:
        """Numbers and codes as wide as they need; the texts share the rest, never a scroll bar."""
        table = QTableView()
        table.setModel(model)
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                              | QAbstractItemView.AnyKeyPressed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        for column in narrow:
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.verticalHeader().hide()
        table.setMinimumHeight(160)
        return table

    def _build_table(self, table: QTableView, buttons) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        model = table.model()
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(lambda: self._remove(table, model))
        row.addWidget(remove)
        row.addStretch(1)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return box

    def _remove(self, table: QTableView, model: RowTableModel) -> None:
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        if not rows or self.session is None:
            return
        ids = [model.row_id(row) for row in rows]

        def plan(document) -> Change:
            changes = [document.plan_delete(model.TABLE, row_id) for row_id in ids]
            for other in changes[1:]:
                changes[0] = changes[0].then(other)
            return changes[0]

        self._perform(plan)

    def _add_acronym(self) -> None:
        if self.session is None:
            return
        acronym, given = QInputDialog.getText(self, _("Add acronym"), _("Acronym, e.g. NAP:"))
        if not given or not acronym.strip():
            return
        meaning, given = QInputDialog.getText(self, _("Add acronym"),
                                              _("What {acronym} stands for:").format(acronym=acronym.strip()))
        if given:
            self._perform(lambda document: document.plan_insert("acronym", None, acronym=acronym, meaning=meaning))

    # ------------------------------------------------------------------ the session

    def _perform(self, plan) -> None:
        if self.session is not None:
            self.session.perform(plan, source=self)

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        self.figures.set_session(session)
        self.acronyms.set_session(session)
        # A file opened for reading is read, not edited: the texts and the buttons say so.
        readonly = session is None or session.document.readonly
        self.text.setReadOnly(readonly)
        for button in self.findChildren(QPushButton):
            button.setEnabled(not readonly)
        self._load_text()

    def refresh(self, change: Change, source: object) -> None:
        tables = change.tables()
        if "plan_text" in tables:
            self._load_text_states()
        if "reference_figure" in tables:
            self.figures.refresh(change, source)
        if "acronym" in tables:
            self.acronyms.refresh(change, source)

    def _load_text_states(self) -> None:
        """The list's marks only: the text being typed stays as it is."""
        modified = self.text.document().isModified()
        typed = self.text.toPlainText()
        self._load_text()
        if modified:
            self.text.setPlainText(typed)
            self.text.document().setModified(True)
