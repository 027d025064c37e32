"""Road map: the plan tree with codes that renumber themselves, every field editable beside
it, filters, totals per currency, and versions to freeze, compare and restore."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, grouped
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.roadmap.editing import plan_add_node, plan_delete_node, plan_shift_node
from workshop_app.models.roadmap.totals import filter_actions, totals
from workshop_app.models.stakeholders.listing import organization_choices
from workshop_app.models.validation import money_text
from workshop_app.ui.item_models.roadmap import (
    COL_CODE,
    COL_COST,
    COL_END,
    COL_GAP,
    COL_LEAD,
    COL_START,
    COL_STATUS,
    ID_ROLE,
    RoadmapModel,
)
from workshop_app.ui.language import left_to_right
from workshop_app.ui.pages.base import TreePage
from workshop_app.ui.widgets.delegates import ChoiceDelegate
from workshop_app.ui.widgets.notices import EmptyState
from workshop_app.ui.widgets.roadmap_details import RoadmapDetails

_CHILD_LEVEL = {"goal": "outcome", "outcome": "output", "output": "action"}


def _vocabulary(labels: dict):
    return [(key, _(label)) for key, label in labels.items()]


_ICONS = {"child": "arrow-elbow-down-right", "sibling": "plus", "delete": "trash", "up": "arrow-up",
          "down": "arrow-down", "comment": "chat-text", "hand_out": "users-three", "freeze": "snowflake",
          "versions": "git-diff"}


class RoadmapPage(TreePage):
    TABLES = {"roadmap_node", "action_partner", "organization", "indicator", "version", "plenary_comment",
              "funding_source"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(_("Road map"))
        self.model = RoadmapModel(self)
        self.tree = self.editable_tree(self.model, 1, {})
        self.tree.setIndentation(14)
        # The title takes the spare width; the other columns are as wide as what they hold.
        self.tree.setItemDelegateForColumn(COL_STATUS, ChoiceDelegate(lambda: _vocabulary(v.ACTION_STATUSES), self))
        self.tree.setItemDelegateForColumn(COL_LEAD, ChoiceDelegate(
            lambda: organization_choices(self.session.document), self, allow_none=_("(no lead)")))
        self.tree.selectionModel().currentRowChanged.connect(self._show_details)
        self.details = RoadmapDetails()
        self.details.perform.connect(lambda plan: self.session.perform(plan, source=self.details))
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.PlainText)
        self.message = self.problem_line()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._build_actions())
        left_layout.addLayout(self._build_filters())
        left_layout.addWidget(self.tree, 1)
        self.empty = EmptyState(
            _("The road map is empty. Start with its goal: the change the country commits to under "
              "target 8.7; outcomes, outputs and actions then go below it."),
            [(_("Add the goal"), self.add_child)])
        self.empty.hide()
        left_layout.addWidget(self.empty, 1)
        left_layout.addWidget(self.totals)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._keep_chosen_split)
        self._split_chosen = False  # until the user drags it, the split follows the window
        self.lay_out(heading, self.message, self.splitter)

    def _build_actions(self) -> QHBoxLayout:
        self.actions = {
            # Translators: a toolbar button that adds an item one level below the selected one.
            "child": self.page_action(_("Add below"), self.add_child, "Ctrl+Shift+A"),
            # Translators: a toolbar button that adds an item of the same level after the selected one.
            "sibling": self.page_action(_("Add next"), self.add_sibling, "Ctrl+Return"),
            # Translators: a toolbar button that deletes the selected road-map item.
            "delete": self.page_action(_("Delete"), self.delete_node, QKeySequence.Delete),
            # Translators: a toolbar button that moves the selected item one place up (earlier).
            "up": self.page_action(_("Earlier"), lambda: self.shift(-1), "Ctrl+Up"),
            # Translators: a toolbar button that moves the selected item one place down (later).
            "down": self.page_action(_("Later"), lambda: self.shift(+1), "Ctrl+Down"),
            # Translators: a toolbar button that records a plenary comment on the selected item.
            "comment": self.page_action(_("Comment…"), self.record_comment, "Ctrl+K"),
            # Translators: a toolbar button that writes a breakout group's handout of the selected outcome
            "hand_out": self.page_action(_("Hand Out…"), self.hand_out, None),
            "freeze": self.page_action(_("Freeze version…"), self.freeze_version, None),
            "versions": self.page_action(_("Versions…"), self.show_versions, None),
        }
        self.give_icons(self.actions, _ICONS, alone=("up", "down"))
        self.offer_in_context_menu(self.tree, [self.actions[key] for key in ("child", "sibling", "delete")] + [None]
                                   + [self.actions["up"], self.actions["down"], None, self.actions["comment"]])
        return self.toolbar(self.actions.values())

    def _build_filters(self) -> QHBoxLayout:
        self.lead_filter = QComboBox()
        self.status_filter = QComboBox()
        self.group_filter = QComboBox()
        self.pillar_filter = QComboBox()
        self.unfunded_filter = QCheckBox(_("Unfunded only"))
        for combo, everything, choices in ((self.status_filter, _("Any status"), v.ACTION_STATUSES),
                                           (self.group_filter, _("Any Action Group"), v.ACTION_GROUPS),
                                           (self.pillar_filter, _("Any pillar"), v.PILLAR_TAGS)):
            combo.addItem(everything, None)
            for key, label in _vocabulary(choices):
                combo.addItem(label, key)
        for combo in (self.lead_filter, self.status_filter, self.group_filter, self.pillar_filter):
            combo.activated.connect(self.apply_filters)
            # As wide as the row allows, not as the longest organization's name: the details
            # panel beside keeps its room on a laptop screen.
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            # Each as wide as its "Any …" entry, which says what it filters ("Any lead organizati" did not).
            everything = combo.itemText(0) if combo.count() else _("Any lead organization")  # filled later
            combo.setMinimumContentsLength(len(everything))
            combo.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.unfunded_filter.toggled.connect(self.apply_filters)
        filters = QHBoxLayout()  # no "Show actions:" before them: at 1280 pixels it cut the lists' own words
        for widget in (self.lead_filter, self.status_filter, self.group_filter, self.pillar_filter,
                       self.unfunded_filter):
            filters.addWidget(widget)
        return filters

    # ------------------------------------------------------------------ refreshing

    def reload(self) -> None:
        selected = self.selected_id()
        if self.session is not None and self.lead_filter.count() == 0:
            self._fill_leads()
        self.model.session = self.session
        self.model.visible = self._filtered()
        self.model.reload()
        self.tree.expandAll()
        self.fit_columns(self.tree, (COL_CODE, COL_LEAD, COL_START, COL_END, COL_STATUS, COL_COST, COL_GAP))
        empty = self.session is not None and self.model.rowCount() == 0 and self.model.visible is None
        self.tree.setVisible(not empty)
        self.empty.setVisible(empty)
        readonly = self.session is None or self.session.document.readonly
        for action in self.actions.values():
            action.setEnabled(not readonly)
        # A handout is not handed out again, nor frozen into versions of its own.
        if self.session is not None and self.session.handout is not None:
            for key in ("hand_out", "freeze"):
                self.actions[key].setEnabled(False)
        self.empty.setEnabled(not readonly)
        self._update_totals()
        self.select(selected)

    def refresh(self, change: Change, source: object) -> None:
        self.message.hide()
        if "organization" in change.tables():
            self.lead_filter.clear()
            self.details.organizations_changed()
        if self.model.visible is None and self.model.refresh(change):  # an edit in place
            self._update_totals()
            self._show_details()
            return
        self.reload()

    def _fill_leads(self) -> None:
        self.lead_filter.addItem(_("Any lead organization"), None)
        for organization_id, label in organization_choices(self.session.document):
            self.lead_filter.addItem(label, organization_id)

    def _filtered(self) -> set[str] | None:
        if self.session is None:
            return None
        chosen = {"lead": self.lead_filter.currentData(), "status": self.status_filter.currentData(),
                  "action_group": self.group_filter.currentData(), "pillar": self.pillar_filter.currentData()}
        if not any(chosen.values()) and not self.unfunded_filter.isChecked():
            return None
        return set(filter_actions(self.session.document, unfunded=self.unfunded_filter.isChecked(),
                                  **{key: value for key, value in chosen.items() if value}))

    def apply_filters(self) -> None:
        self.reload()

    def _update_totals(self) -> None:
        if self.session is None:
            self.totals.clear()
            return
        result = totals(self.session.document)
        lines = []

        def costed(currencies):  # actions with neither a cost nor a currency add nothing to show
            return [t for t in currencies.values() if t.currency or t.cost]

        if not costed(result.overall):  # nothing to add up: say so, not a line of dashes
            self.totals.setText(_("No costs yet") if self.model.rowCount() else "")
            self.totals.setVisible(bool(self.model.rowCount()))
            return
        locale = self.model.locale

        def money(amount, currency) -> str:
            # "17,000,000 NPR" whole among Arabic words: unisolated, one amount of a line read
            # "NPR 17,000,000" and the next "680,000 USD".
            return left_to_right(money_text(amount, currency, locale))

        for outcome in result.outcomes:
            # Translators: an outcome's cost in one currency, then its funding gap.
            sums = grouped(_("{cost} (gap {gap})").format(cost=money(t.cost, t.currency),
                                                           gap=money(t.gap, t.currency))
                             for t in costed(outcome.currencies)) or "–"
            # Translators: {code} is the outcome's number ("2"), {sums} its costs in each currency.
            lines.append(_("Outcome {code}: {sums}").format(code=outcome.code, sums=sums))
        # Translators: the road map's cost in one currency, the funding secured, then the gap.
        overall = grouped(_("{cost} (secured {secured}, gap {gap})").format(
            cost=money(t.cost, t.currency), secured=money(t.funding_secured, t.currency),
            gap=money(t.gap, t.currency)) for t in costed(result.overall))
        lines.append(_("Whole road map: {totals} — currencies are never added together").format(totals=overall))
        self.totals.setText("\n".join(lines))
        self.totals.show()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._split_chosen:
            self._split_with_window()

    def _split_with_window(self) -> None:
        """The details panel takes about a third of the width (at least what its fields need,
        at most what a wide screen makes readable); the tree takes the rest."""
        total = self.splitter.width()
        details = min(max(round(total * 0.32), self.details.minimumWidth()), 520)
        self.splitter.setSizes([total - details, details])

    def _keep_chosen_split(self, *args) -> None:
        self._split_chosen = True

    # ------------------------------------------------------------------ selection

    def selected_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def index_of(self, row_id: str, column: int = 0) -> QModelIndex:
        return self.model.index_of(row_id, column)

    def projector_focus(self) -> tuple[str, object]:
        return "roadmap", self.selected_id()

    def _show_details(self, *args) -> None:
        node_id = self.selected_id()
        self.focus_changed.emit(*self.projector_focus())
        self.details.show_node(self.session.document if self.session else None, node_id,
                               self.model.code(node_id) if node_id else "")

    # ------------------------------------------------------------------ actions

    def _selected_node(self) -> dict | None:
        return self.model.node(self.tree.currentIndex())

    def add_child(self) -> None:
        node = self._selected_node()
        if node is None:
            roots = self.model.rowCount()
            if roots:
                node = self.model.node(self.model.index(0, 0))
            else:
                self._add(None, "goal", None)
                return
        level = _CHILD_LEVEL.get(node["level"])
        if level is None:
            self.show_problem(_("An action has nothing below it; use Add next for another action."))
            return
        self._add(node["id"], level, None)

    def add_sibling(self) -> None:
        node = self._selected_node()
        if node is None or node["level"] == "goal":
            self.add_child()
            return
        self._add(node["parent_id"], node["level"], node["position"] + 1)

    def _add(self, parent_id: str | None, level: str, position: int | None) -> None:
        self.add_and_edit(lambda document: plan_add_node(document, parent_id, level, position=position))

    def delete_node(self) -> None:
        node = self._selected_node()
        if node is not None:
            self.session.perform(lambda document: plan_delete_node(document, node["id"]), source=self)

    def shift(self, step: int) -> None:
        node = self._selected_node()
        if node is not None:
            self.session.perform(lambda document: plan_shift_node(document, node["id"], step), source=self)
            self.select(node["id"])

    def record_comment(self) -> None:
        from workshop_app.models.roadmap.comments import plan_add_comment
        from workshop_app.ui.dialogs.comment import CommentDialog

        node = self._selected_node()
        if node is None:
            self.show_problem(_("Select the item the comment is about."))
            return
        about = " ".join(part for part in (self.model.code(node["id"]), node["title"]) if part)
        dialog = CommentDialog(self.session.document, about, self)
        if self.ask(dialog):
            values = dialog.values()
            text = values.pop("text")
            self.session.perform(lambda document: plan_add_comment(document, node["id"], text, **values), source=self)

    def hand_out(self) -> None:
        """A handout for a breakout group, the selected item's outcome ticked."""
        from workshop_app.ui.handouts.actions import hand_out

        outcome = self.selected_id()
        node = self.session.document.get("roadmap_node", outcome) if outcome else None
        while node is not None and node["level"] not in ("outcome", "goal"):
            node = self.session.document.get("roadmap_node", node["parent_id"]) if node["parent_id"] else None
        hand_out(self.window(), node["id"] if node is not None and node["level"] == "outcome" else None)

    def freeze_version(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from workshop_app.models.roadmap.versions import plan_freeze_version

        name, ok = QInputDialog.getText(self, _("Freeze a Version"),
                                        _("Name of this version (e.g. Draft after day 2):"))
        if ok and name.strip():
            self.session.perform(lambda document: plan_freeze_version(document, name), source=self)

    def show_versions(self) -> None:
        from workshop_app.ui.dialogs.versions import VersionsDialog

        dialog = VersionsDialog(self.session.document, self)
        dialog.perform.connect(lambda plan: self.session.perform(plan, source=self))
        self.ask(dialog)
