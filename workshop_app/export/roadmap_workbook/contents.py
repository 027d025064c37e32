"""What the road-map workbook shows, worked out from one snapshot before any sheet is written."""

import datetime as dt

from workshop_app.export.words import Words
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.workbook.columns import (
    OrganizationNames,
    fingerprint,
    indicator_records,
    node_records,
    snapshot_text,
)
from workshop_app.models.roadmap.workbook.plan_sheets import plan_record, record_text


class Contents:
    """Everything the sheets show, from the snapshot of the current draft or of a frozen version
    (`version_row`, None for the draft), and the language they show it in (`words`)."""

    def __init__(self, document: WorkshopDocument, frozen: dict, version_row: dict | None, words: Words):
        self.words = words
        self.workshop = document.workshop()
        self.version = version_row
        self.snapshot = frozen
        self.organizations = document.rows("organization")
        self.names = OrganizationNames(self.organizations, frozen.get("organizations"))
        self.nodes = node_records(frozen)
        self.indicators = indicator_records(frozen, self.nodes)
        self.order = [node["id"] for node in frozen["nodes"]]
        self.outcome_of = {}
        for node in frozen["nodes"]:
            parent = self.nodes.get(node["parent_id"])
            if node["level"] == "outcome":
                self.outcome_of[node["id"]] = node["id"]
            elif parent is not None:
                self.outcome_of[node["id"]] = self.outcome_of.get(parent["id"])
        self.record_json = snapshot_text(frozen)
        # The plan's texts, figures and acronyms are not frozen with a version: the workshop's own.
        self.plan = plan_record(document)
        self.plan_json = record_text(self.plan)
        self.fingerprint = fingerprint(self.record_json)
        self.exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def actions(self) -> list[dict]:
        return [self.nodes[node_id] for node_id in self.order if self.nodes[node_id]["level"] == "action"]

    def title_text(self) -> str:
        _ = self.words
        title = self.workshop["title"]
        if self.version is not None:
            return _("{title} – version “{name}”", title=title, name=self.version["name"])
        return title
