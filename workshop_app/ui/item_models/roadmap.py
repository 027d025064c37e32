"""The road map as a tree for Qt: goal, outcomes, outputs, actions, with codes that follow
from positions. Edits, moves and drops go through the document, one undo step each."""

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from workshop_app.i18n.catalogs import N_, _
from workshop_app.i18n.formats import period
from workshop_app.models import vocabulary as v
from workshop_app.models.handouts.part import part_nodes
from workshop_app.models.roadmap.editing import plan_move_node
from workshop_app.models.roadmap.totals import funding_gap
from workshop_app.models.roadmap.tree import roadmap_tree
from workshop_app.models.stakeholders.listing import organization_choices
from workshop_app.models.validation import amount_text, money_text
from workshop_app.ui.item_models import ID_ROLE, ROOT
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.item_models.tree import DocumentTree
from workshop_app.ui.palette import colour
from workshop_app.ui.session import DocumentSession

NODE_MIME = "application/x-pathfinder-roadmap-node"
COL_CODE, COL_TITLE, COL_LEAD, COL_START, COL_END, COL_STATUS, COL_COST, COL_GAP = range(8)
# Header titles, marked with N_ and translated where shown.
# Translators: the columns of the road map: an item's code (1.2.3), title, lead organization, start and
# end (quarters or dates), status, cost and funding gap (the cost not yet funded)
COLUMNS = (N_("Code"), N_("Title"), N_("Lead"), N_("Start"), N_("End"), N_("Status"), N_("Cost"), N_("Funding gap"))
EDITABLE = {COL_TITLE: "title", COL_LEAD: "lead_organization_id", COL_START: "start", COL_END: "end",
            COL_STATUS: "status", COL_COST: "cost"}
_ACTION_ONLY = {COL_LEAD, COL_START, COL_END, COL_STATUS, COL_COST}
_ROLES = {Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.FontRole, Qt.ForegroundRole, Qt.TextAlignmentRole,
          ID_ROLE}


class RoadmapModel(DocumentTree):
    MIME = NODE_MIME
    TABLE = "roadmap_node"
    COLUMNS = COLUMNS
    EDITABLE = EDITABLE

    def __init__(self, parent=None):
        super().__init__(parent)
        self._nodes: dict[str, dict] = {}
        self._codes: dict[str, str] = {}
        self._children: dict[str | None, list[str]] = {}
        self._keys: dict[str, int] = {}
        self._ids: list[str] = []
        self._leads: dict[str, str] = {}
        self.visible: set[str] | None = None  # actions that pass the filters; None = all
        self.part: set[str] | None = None  # in a handout, the items the group may edit; None = all
        self.locale = "en"  # how the workshop writes amounts (document.number_locale)
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ loading

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._nodes, self._codes, self._children = {}, {}, {}
        if self.session is not None:
            document = self.session.document
            self.locale = document.number_locale()
            self._leads = {row_id: label for row_id, label in organization_choices(document)}
            self._leads.update({row["id"]: row["acronym"] for row in document.rows("organization") if row["acronym"]})
            for goal in roadmap_tree(document):
                for item in goal.walk():
                    node = item.node
                    if self.visible is not None and node["level"] == "action" and node["id"] not in self.visible:
                        continue
                    self._nodes[node["id"]] = node
                    self._codes[node["id"]] = item.code
                    self._children.setdefault(node["parent_id"], []).append(node["id"])
            handout = self.session.handout
            self.part = None if handout is None else part_nodes(document.rows("roadmap_node"), handout.outcomes)
        for node_id in self._nodes:
            if node_id not in self._keys:
                self._keys[node_id] = len(self._ids) + 1
                self._ids.append(node_id)
        self.endResetModel()

    def refresh(self, change) -> bool:
        """Follow a change in place when it only edits fields of listed items (not their place
        in the tree): no reset, so a 500-action tree keeps its state and repaints one row.
        Returns False when the tree must be read again."""
        rows = [row for row in change.rows if row.table == "roadmap_node"]
        if not rows or change.tables() - {"roadmap_node"} or self.session is None:
            return False
        if any(row.kind != "update" or {"parent_id", "position", "level"} & set(row.after)
               or row.row_id not in self._nodes for row in rows):
            return False
        document = self.session.document
        for row in rows:
            self._nodes[row.row_id] = document.get("roadmap_node", row.row_id)
            first, last = self.index_of(row.row_id, 0), self.index_of(row.row_id, len(COLUMNS) - 1)
            self.dataChanged.emit(first, last)
        return True

    def node(self, index: QModelIndex) -> dict | None:
        return self._nodes.get(self._ids[index.internalId() - 1]) if index.isValid() else None

    def row_at(self, index: QModelIndex) -> dict | None:
        return self.node(index)

    def draggable(self, index: QModelIndex) -> bool:
        return self.node(index) is not None

    def index_of(self, node_id: str, column: int = 0) -> QModelIndex:
        node = self._nodes.get(node_id)
        if node is None:
            return QModelIndex()
        row = self._children[node["parent_id"]].index(node_id)
        return self.createIndex(row, column, self._keys[node_id])

    def code(self, node_id: str) -> str:
        return self._codes.get(node_id, "")

    # ------------------------------------------------------------------ Qt tree

    def index(self, row: int, column: int, parent=ROOT) -> QModelIndex:
        parent_id = self._ids[parent.internalId() - 1] if parent.isValid() else None
        children = self._children.get(parent_id, [])
        if not 0 <= row < len(children) or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, self._keys[children[row]])

    def parent(self, index: QModelIndex) -> QModelIndex:
        node = self.node(index)
        if node is None or node["parent_id"] is None or node["parent_id"] not in self._nodes:
            return QModelIndex()
        return self.index_of(node["parent_id"])

    def rowCount(self, parent=ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        parent_id = self._ids[parent.internalId() - 1] if parent.isValid() else None
        return len(self._children.get(parent_id, []))

    @never_raises
    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role not in _ROLES:
            return None
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        action = node["level"] == "action"
        if role == ID_ROLE:
            return node["id"]
        if role == Qt.DisplayRole:
            return self._text(node, column)
        if role == Qt.EditRole:
            return self._edit_value(node, column)
        if role == Qt.ToolTipRole:
            return node["title"]
        if role == Qt.FontRole and not action:
            return self._bold
        if role == Qt.ForegroundRole:
            if column == COL_GAP and (funding_gap(node) or 0) > 0:
                return QBrush(colour("error"))
            # Dropped actions, and in a handout what is not the group's to edit, read as set aside.
            if action and node["status"] == "dropped" or self.part is not None and node["id"] not in self.part:
                return QBrush(colour("muted"))
        if role == Qt.TextAlignmentRole and column in (COL_COST, COL_GAP):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _edit_value(self, node: dict, column: int):
        """What an editor starts from: a cost as the workshop writes amounts, so that it reads back."""
        if column == COL_COST:
            return amount_text(node["cost"], self.locale)
        return node[EDITABLE[column]] if column in EDITABLE else None

    def _text(self, node: dict, column: int) -> str:
        if column == COL_CODE:
            code = self._codes[node["id"]]
            return code or _(v.NODE_LEVEL_LABELS[node["level"]])
        if column == COL_TITLE:
            return node["title"]
        if node["level"] != "action":
            return ""
        if column == COL_LEAD:
            return self._leads.get(node["lead_organization_id"], "")
        if column == COL_STATUS:
            return _(v.ACTION_STATUSES[node["status"]])
        if column == COL_COST:
            return money_text(node["cost"], node["currency"], self.locale)
        if column == COL_GAP:
            return money_text(funding_gap(node), node["currency"], self.locale)
        return period(node[{COL_START: "start", COL_END: "end"}[column]])

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        editable = self.session is not None and not self.session.document.readonly
        node = self.node(index)
        if node is None:
            return flags | (Qt.ItemIsDropEnabled if editable and self.part is None else Qt.NoItemFlags)
        if editable and (self.part is None or node["id"] in self.part):
            flags |= Qt.ItemIsDropEnabled
            if node["level"] != "goal":
                flags |= Qt.ItemIsDragEnabled
            if index.column() in EDITABLE and (node["level"] == "action" or index.column() not in _ACTION_ONLY):
                flags |= Qt.ItemIsEditable
        return flags

    # ------------------------------------------------------------------ drag and drop

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        """Between two items: there, under the same parent. Onto an item: as its last child."""
        moving, target = self.dragged_id(data, action, row, column, parent), self.node(parent)
        if moving is None or target is None:
            return False
        position = row if row >= 0 else len(self._children.get(target["id"], []))
        siblings = self._children.get(target["id"], [])
        if moving in siblings and siblings.index(moving) < position:
            position -= 1  # counted as if the moving item were already out of the list
        code = self.code(moving)
        # Translators: the undo step of a drag in the road map: "Move 1.2.3" (the goal has no code: "Move item")
        text = _("Move {code}").format(code=code) if code else _("Move item")
        self.session.perform(lambda document: plan_move_node(document, moving, target["id"], position, text),
                             source=self)
        return False  # the document moved it; Qt must not remove the dragged rows itself
