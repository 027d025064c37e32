"""Figures: participation by sex, by organization category, by role and by day, the women's
share against the minimum set in Preferences, and the power/interest grid of organizations."""

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.i18n.formats import percent
from workshop_app.models.changes import Change
from workshop_app.models.stakeholders.figures import DEFAULT_WOMEN_SHARE_MINIMUM, participation_figures
from workshop_app.models.stakeholders.organizations import assessments, plan_assessment
from workshop_app.ui.palette import set_tone
from workshop_app.ui.session import DocumentSession
from workshop_app.ui.widgets.power_interest_grid import PowerInterestGrid
from workshop_app.ui.widgets.sex_bar_chart import SexBarChart

# What each part of the tab reads, by table: the fields whose edits change it (None: any edit).
# Adding or removing a row of these tables always counts.
_CHART_FIELDS = {"participant": {"sex", "role", "organization_id"}, "organization": {"category"},
                 "attendance": None, "day": None}
_GRID_FIELDS = {"organization": {"name", "acronym", "category"}, "stakeholder_assessment": None}


def _reads(change: Change, fields: dict[str, set[str] | None]) -> bool:
    """Whether a change alters anything read by the part that reads `fields`."""
    return any(row.table in fields and (row.kind != "update" or fields[row.table] is None
                                        or fields[row.table] & row.after.keys())
               for row in change.rows)


class FiguresTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: DocumentSession | None = None
        self.women_share_minimum = DEFAULT_WOMEN_SHARE_MINIMUM
        self._stale = True  # the figures are computed when the tab is shown, not while it is hidden
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        set_tone(self.warning, "error")
        self.warning.setWordWrap(True)
        self.charts = {key: SexBarChart() for key in ("overall", "category", "role", "day")}
        self.grid = PowerInterestGrid()
        self.grid.moved.connect(self._move_organization)
        self.grid.setMinimumHeight(460)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.headline)
        layout.addWidget(self.warning)
        for key, title in (("overall", _("All participants")),
                           ("category", _("By organization category")),
                           ("role", _("By role")),
                           ("day", _("Present, by day"))):
            layout.addWidget(self._section_title(title))
            layout.addWidget(self.charts[key])
        layout.addWidget(self._section_title(_("Power/interest grid")))
        hint = QLabel(_("Drag an organization to set its influence and interest, or click it and use "
                        "the arrow keys. Each move can be undone."))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        layout.addWidget(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.addWidget(scroll)
        self.setStyleSheet("#headline { font-size: 16pt; font-weight: bold; }"
                           "#warning { font-weight: bold; }"
                           "#sectionTitle { font-size: 12pt; font-weight: bold; margin-top: 12px; }"
                           "#hint { color: palette(placeholder-text); }")

    @staticmethod
    def _section_title(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def refresh(self, change: Change, source: object) -> None:
        """Compute again only the parts that read what the change touched, and only while shown."""
        charts, grid = _reads(change, _CHART_FIELDS), _reads(change, _GRID_FIELDS)
        if not (charts or grid) or self.session is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        if charts:
            self._load_charts()
        if grid:
            self.grid.set_organizations(assessments(self.session.document))

    def reload(self) -> None:
        self._stale = False
        if self.session is None:
            return
        self.grid.movable = not self.session.document.readonly
        self._load_charts()
        self.grid.set_organizations(assessments(self.session.document))

    def _load_charts(self) -> None:
        figures = participation_figures(self.session.document)
        self.charts["overall"].set_groups([figures.overall])
        self.charts["category"].set_groups(figures.by_category)
        self.charts["role"].set_groups(figures.by_role)
        self.charts["day"].set_groups(figures.by_day)
        share = figures.overall.women_share
        self.headline.setText(
            _("Women's share: {share} of participants whose sex is stated").format(
                share=percent(share)))
        below = figures.women_share_below(self.women_share_minimum)
        self.warning.setVisible(below)
        self.warning.setText(_("Below the minimum of {share} set in Preferences: consider inviting more women "
                               "before the workshop.").format(share=percent(self.women_share_minimum)))

    def _move_organization(self, organization_id: str, influence: int, interest: int) -> None:
        name = self.session.document.get("organization", organization_id)["name"]
        text = _("Move {organization} on the power/interest grid").format(organization=name)
        self.session.perform(lambda document: plan_assessment(document, organization_id, influence, interest, text),
                             source=self)
