"""Road map: goal, outcomes, outputs and actions with their codes, leads, timing and cost."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap import roadmap_tree
from workshop_app.ui.page import Page

class RoadmapPage(Page):
    TABLES = {"roadmap_node", "action_partner", "organization"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(self.tr("Road map"))
        self.tree = self.make_tree(
            [self.tr("Code"), self.tr("Title"), self.tr("Lead"), self.tr("Start"), self.tr("End"),
             self.tr("Status"), self.tr("Cost")],
            stretch_column=1, widths={0: 150, 2: 110, 3: 80, 4: 80, 5: 100, 6: 140},
        )
        self.lay_out(heading, self.tree)

    def reload(self) -> None:
        self.tree.clear()
        if self.session is None:
            return
        document = self.session.document
        leads = {row["id"]: row["acronym"] or row["name"] for row in document.rows("organization")}

        def add(item, parent) -> None:
            node = item.node
            cost = "" if node["cost"] is None else f"{node['cost']:,.0f} {node['currency']}".strip()
            status = QCoreApplication.translate("vocabulary", v.ACTION_STATUSES[node["status"]])
            row = QTreeWidgetItem([
                item.code or QCoreApplication.translate("vocabulary", v.NODE_LEVEL_LABELS[node["level"]]),
                node["title"],
                leads.get(node["lead_organization_id"], ""),
                node["start"] or "",
                node["end"] or "",
                status if node["level"] == "action" else "",
                cost,
            ])
            row.setToolTip(1, node["title"])
            row.setTextAlignment(6, Qt.AlignRight | Qt.AlignVCenter)
            if node["level"] != "action":
                font = row.font(1)
                font.setBold(True)
                row.setFont(0, font)
                row.setFont(1, font)
            parent.addChild(row) if parent is not None else self.tree.addTopLevelItem(row)
            for child in item.children:
                add(child, row)

        for goal in roadmap_tree(document):
            add(goal, None)
        self.tree.expandAll()  # the room reviews the whole plan; collapsing is one click away
