"""Every field of the selected road-map item, and the partners of an action with their roles."""

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.editing import plan_set_partners
from workshop_app.models.roadmap.totals import funding_gap
from workshop_app.models.roadmap.tree import action_partners
from workshop_app.models.stakeholders.listing import organization_choices
from workshop_app.models.validation import amount_text, money_text
from workshop_app.ui.language import isolated, left_to_right
from workshop_app.ui.widgets.delegates import isolate_cells
from workshop_app.ui.widgets.fields import DocumentUndoRouter, TextArea, fill_when_empty
from workshop_app.ui.widgets.funding_sources import FundingSourcesEditor
from workshop_app.ui.widgets.indicator_editor import IndicatorEditor

MINIMUM_WIDTH = 300
# What the panel's fields get of MINIMUM_WIDTH: less its frame, its scroll bar and its margins.
_FIELD_WIDTH = MINIMUM_WIDTH - 44
# The name of each field's edit in Edit › Undo.
EDIT_STEPS = {
    "geographic_scope": N_("Edit geographic scope"), "currency": N_("Edit currency"),
    "funding_secured": N_("Edit funding secured"), "description": N_("Edit description"), "risks": N_("Edit risks"),
    "assumptions": N_("Edit assumptions"), "comments": N_("Edit comments"), "gender_marker": N_("Edit gender marker"),
    "action_group": N_("Edit action group"), "issue_tags": N_("Edit issue tags"), "pillar_tags": N_("Edit pillar tags"),
    # Translators: SDGs are the Sustainable Development Goals
    "sdgs": N_("Edit sdgs"),
}


def _form() -> QFormLayout:
    """A form whose labels sit above their fields: the panel stays narrow and no label is cut."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    return form


def _shrinkable(combo: QComboBox) -> None:
    """A chooser as wide as the panel lets it be, not as wide as its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


def _labels(choices: dict) -> list[tuple]:
    return [(key, _(label)) for key, label in choices.items()]


class RoadmapDetails(QScrollArea):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    TEXT_FIELDS = ("geographic_scope", "currency")
    AREA_FIELDS = ("description", "risks", "assumptions", "comments")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = None
        self.node: dict | None = None
        self.setWidgetResizable(True)
        # Narrow enough for a laptop screen beside the tree: labels sit above their fields and
        # every chooser may be narrower than its longest entry, so nothing needs side scrolling.
        self.setMinimumWidth(MINIMUM_WIDTH)
        body = QWidget()
        self.setWidget(body)
        router = DocumentUndoRouter(self)
        self.heading = QLabel(_("Select an item of the road map"))
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.lines = {field: QLineEdit() for field in (*self.TEXT_FIELDS, "funding_secured")}
        self.areas = {field: TextArea() for field in self.AREA_FIELDS}
        for editor in (*self.lines.values(), *self.areas.values()):
            editor.installEventFilter(router)
        for area in self.areas.values():
            area.setMaximumHeight(64)
        common = _form()
        common.addRow(_("Description"), self.areas["description"])
        common.addRow(_("Risks"), self.areas["risks"])
        common.addRow(_("Assumptions"), self.areas["assumptions"])
        # Translators: form label: the road-map item's comments field (notes written by the team)
        common.addRow(_("Comments"), self.areas["comments"])
        self.action_widgets = self._build_action_fields()
        self.indicators = IndicatorEditor()
        self.indicators.perform.connect(self.perform.emit)
        self.comments = QListWidget()
        self.comments.setMaximumHeight(110)
        self.comments.setWordWrap(True)
        isolate_cells(self.comments)
        self.comments.itemChanged.connect(self._comment_ticked)
        # Translators: keep the <b> and </b> marks around the words in bold
        self.comments_title = QLabel(_("<b>Plenary comments</b> (tick when addressed; Ctrl+K records one)"))
        self.comments_title.setWordWrap(True)
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(common)
        layout.addWidget(self.action_widgets)
        layout.addWidget(self.indicators)
        layout.addWidget(self.comments_title)
        layout.addWidget(self.comments)
        layout.addStretch(1)

        for field, editor in self.lines.items():
            editor.editingFinished.connect(lambda f=field, e=editor: self._commit(f, e.text() or None))
        for field, area in self.areas.items():
            area.editingFinished.connect(lambda f=field, a=area: self._commit(f, a.toPlainText()))
        self.gender.activated.connect(lambda: self._commit("gender_marker", self.gender.currentData()))
        self.action_group.activated.connect(lambda: self._commit("action_group", self.action_group.currentData()))
        self.widget().setEnabled(False)

    def _build_action_fields(self) -> QWidget:
        """The fields only an action has: funding, markers, tags and partners."""
        self.gap_label = QLabel()
        self.gender = QComboBox()
        # Translators: no gender marker chosen
        self.gender.addItem(_("(not set)"), None)
        for key, label in _labels(v.GENDER_MARKERS):
            self.gender.addItem(label, key)
        self.action_group = QComboBox()
        # Translators: the action belongs to no Alliance 8.7 Action Group
        self.action_group.addItem(_("(none)"), None)
        for key, label in _labels(v.ACTION_GROUPS):
            self.action_group.addItem(label, key)
        self.issue_boxes = self._boxes(_labels(v.ISSUE_TAGS), "issue_tags")
        self.pillar_boxes = self._boxes(_labels(v.PILLAR_TAGS), "pillar_tags")
        # Translators: a Sustainable Development Goal by its number, "SDG 8"
        self.sdg_boxes = self._boxes([(sdg, _("SDG {number}").format(number=sdg)) for sdg in v.RELATED_SDGS], "sdgs")
        self.partners = QListWidget()
        self.partners.setMaximumHeight(100)
        isolate_cells(self.partners)
        # A long name wraps: scrolled sideways, a right-to-left panel hid the start of the line.
        self.partners.setWordWrap(True)
        self.partners.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        fields = QWidget()
        form = _form()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Currency"), self.lines["currency"])
        form.addRow(_("Funding secured"), self.lines["funding_secured"])
        form.addRow(_("Funding gap"), self.gap_label)
        self.funding = FundingSourcesEditor()
        self.funding.perform.connect(self.perform.emit)
        # Translators: form label: who pays for the action, how much and in which year
        form.addRow(_("Funding sources"), self.funding)
        form.addRow(_("Gender marker"), self.gender)
        # Translators: form label: one of the four Alliance 8.7 Action Groups
        form.addRow(_("Action Group"), self.action_group)
        form.addRow(_("Geographic scope"), self.lines["geographic_scope"])
        # Translators: form label: the issues of SDG target 8.7 (forced labour, child labour…) the action is about
        form.addRow(_("Target 8.7 issues"), self._grid(self.issue_boxes, columns=1))
        # Translators: form label: prevention, protection, prosecution, partnership
        form.addRow(_("Pillars"), self._grid(self.pillar_boxes))
        form.addRow(_("Related SDGs"), self._grid(self.sdg_boxes, columns=4))
        form.addRow(_("Partners"), self.partners)
        form.addRow(self._build_partner_rows())
        for combo in (self.gender, self.action_group):
            _shrinkable(combo)
        return fields

    def _build_partner_rows(self) -> QVBoxLayout:
        self.partner_combo = QComboBox()
        self.partner_combo.setEditable(True)
        self.partner_combo.setInsertPolicy(QComboBox.NoInsert)
        self.role_combo = QComboBox()
        for key, label in _labels(v.PARTNER_ROLES):
            if key != "lead":
                self.role_combo.addItem(label, key)
        # Translators: a button: adds the organization as a partner of the action
        add_partner = QPushButton(_("Add"))
        add_partner.clicked.connect(self._add_partner)
        # Translators: a button: removes the selected partner from the action
        remove_partner = QPushButton(_("Remove"))
        remove_partner.clicked.connect(self._remove_partner)
        for combo in (self.partner_combo, self.role_combo):
            _shrinkable(combo)
        self.partner_combo.lineEdit().setPlaceholderText(_("Type or choose an organization"))
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_combo, 1)
        role_row.addWidget(add_partner)
        role_row.addWidget(remove_partner)
        rows = QVBoxLayout()
        rows.addWidget(self.partner_combo)
        rows.addLayout(role_row)
        return rows

    def _boxes(self, choices: list[tuple], field: str) -> dict:
        """A check box per (key, label shown)."""
        boxes = {}
        for key, label in choices:
            box = QCheckBox(label)
            box.clicked.connect(lambda checked=False, f=field: self._commit_tags(f))
            boxes[key] = box
        return boxes

    @staticmethod
    def _grid(boxes: dict, columns: int = 2) -> QWidget:
        """Check boxes in up to `columns` columns, fewer when their words are long: four
        columns of "هدف التنمية المستدامة 16" made the panel twice as wide as the room it has,
        and in an Arabic window the part cut off was the start of every field."""
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        widest = max((box.sizeHint().width() for box in boxes.values()), default=1)
        spacing = max(grid.horizontalSpacing(), 6)
        columns = max(1, min(columns, (_FIELD_WIDTH + spacing) // (widest + spacing)))
        for index, box in enumerate(boxes.values()):
            grid.addWidget(box, index // columns, index % columns)
        return holder

    # ------------------------------------------------------------------ showing

    def show_node(self, document, node_id: str | None, code: str = "") -> None:
        self.document = document
        self.node = document.get("roadmap_node", node_id) if (document is not None and node_id) else None
        node = self.node
        self.widget().setEnabled(node is not None and not document.readonly)
        if node is None:
            self.heading.setText(_("Select an item of the road map"))
            self.action_widgets.hide()
            self.indicators.hide()
            return
        self._show_comments()
        measured = node["level"] in ("outcome", "output")
        self.indicators.setVisible(measured)
        if measured:
            self.indicators.show_node(document, node["id"])
        level = _(v.NODE_LEVEL_LABELS[node["level"]])
        if code:
            # Translators: the heading of a road-map item: its level, its code and its title, "Outcome 1.2: …"
            self.heading.setText(_("{level} {code}: {title}").format(level=level, code=left_to_right(code),
                                                                     title=isolated(node["title"])))
        else:  # a goal has no code: "Goal: ..."
            # Translators: the heading of a road-map item without a code: its level and its title, "Goal: …"
            self.heading.setText(_("{level}: {title}").format(level=level, title=isolated(node["title"])))
        for field, area in self.areas.items():
            area.set_text(node[field])
        is_action = node["level"] == "action"
        self.action_widgets.setVisible(is_action)
        if not is_action:
            return
        self.lines["currency"].setText(node["currency"])
        self.lines["geographic_scope"].setText(node["geographic_scope"])
        locale = document.number_locale()
        self.lines["funding_secured"].setText(amount_text(node["funding_secured"], locale))
        for editor in self.lines.values():
            editor.setModified(False)
        gap = funding_gap(node)
        self.gap_label.setText("–" if gap is None else left_to_right(money_text(gap, node["currency"], locale)))
        self.gender.setCurrentIndex(max(self.gender.findData(node["gender_marker"]), 0))
        self.action_group.setCurrentIndex(max(self.action_group.findData(node["action_group"]), 0))
        for field, boxes in (("issue_tags", self.issue_boxes), ("pillar_tags", self.pillar_boxes),
                             ("sdgs", self.sdg_boxes)):
            chosen = set(json.loads(node[field] or "[]"))
            for key, box in boxes.items():
                box.setChecked(key in chosen)
        self._show_partners()
        self.funding.show_node(document, node)

    def _show_partners(self) -> None:
        names = dict(organization_choices(self.document))
        self.partners.clear()
        for organization_id, role in action_partners(self.document, self.node["id"]).items():
            if role == "lead":
                continue
            label = _(v.PARTNER_ROLES[role])
            # The name apart: the line reads in the window's direction, name first, then its role.
            item = QListWidgetItem(f"{isolated(names.get(organization_id, '?'))} — {label}")
            item.setData(Qt.UserRole, organization_id)
            self.partners.addItem(item)
        fill_when_empty(self.partner_combo, names.items)

    def organizations_changed(self) -> None:
        self.partner_combo.clear()
        self.funding.organizations_changed()

    # ------------------------------------------------------------------ editing

    def _commit(self, field: str, value) -> None:
        if self.node is None:
            return
        node_id = self.node["id"]
        step = EDIT_STEPS.get(field)
        label = _(step) if step else _("Edit {field}").format(field=field.replace("_", " "))
        self.perform.emit(lambda document: document.plan_update("roadmap_node", node_id, label, **{field: value}))

    def _commit_tags(self, field: str) -> None:
        boxes = {"issue_tags": self.issue_boxes, "pillar_tags": self.pillar_boxes, "sdgs": self.sdg_boxes}[field]
        self._commit(field, [key for key, box in boxes.items() if box.isChecked()])

    def _current_partners(self) -> dict:
        return action_partners(self.document, self.node["id"])

    def _add_partner(self) -> None:
        index = self.partner_combo.findText(self.partner_combo.currentText(), Qt.MatchFixedString)
        if self.node is None or index < 0:
            return
        partners = self._current_partners()
        partners[self.partner_combo.itemData(index)] = self.role_combo.currentData()
        node_id = self.node["id"]
        self.perform.emit(lambda document: plan_set_partners(document, node_id, partners))
        self.partner_combo.setCurrentIndex(-1)

    def _remove_partner(self) -> None:
        item = self.partners.currentItem()
        if self.node is None or item is None:
            return
        partners = self._current_partners()
        partners.pop(item.data(Qt.UserRole), None)
        node_id = self.node["id"]
        self.perform.emit(lambda document: plan_set_partners(document, node_id, partners))

    def _show_comments(self) -> None:
        from workshop_app.models.roadmap.comments import comments

        self.comments.blockSignals(True)
        self.comments.clear()
        for comment in comments(self.document, self.node["id"]):
            who = f" — {comment['raised_by']}" if comment["raised_by"] else ""
            item = QListWidgetItem(f"{comment['text']}{who}")
            item.setData(Qt.UserRole, comment["id"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if comment["status"] == "addressed" else Qt.Unchecked)
            self.comments.addItem(item)
        self.comments.blockSignals(False)

    def _comment_ticked(self, item: QListWidgetItem) -> None:
        from workshop_app.models.roadmap.comments import plan_set_comment_status

        comment_id = item.data(Qt.UserRole)
        status = "addressed" if item.checkState() == Qt.Checked else "open"
        self.perform.emit(lambda document: plan_set_comment_status(document, comment_id, status))
