"""The bundled demo workshop: a fictional three-day road-map workshop in Nepal.

The content lives in resources/demo/nepal-demo.json, written in the workshop's own words
(organizations by key, people by name); this module turns it into rows with fresh ids and
writes them through the document, so every value of the demo passes the same checks as an edit.
"""

import json
from collections.abc import Iterable
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.validation import normalize
from workshop_app.resources import resource_path

DEMO_RESOURCE = ("demo", "nepal-demo.json")
_DAY_FIELDS = ("date", "title", "start_time", "planned_end")


def demo_content() -> dict:
    return json.loads(resource_path(*DEMO_RESOURCE).read_text(encoding="utf-8"))


def write_demo(path: Path | str, *, overwrite: bool = False) -> WorkshopDocument:
    content = demo_content()
    workshop = content["workshop"]
    document = WorkshopDocument.create(
        path,
        title=workshop["title"],
        country=workshop["country"],
        start_date=workshop["start_date"],
        languages=workshop["languages"],
        overwrite=overwrite,
        fill=lambda document: _fill(document, content),
    )
    return document


def _fill(document: WorkshopDocument, content: dict) -> None:
    workshop = content["workshop"]
    document.update(
        "workshop",
        document.workshop()["id"],
        **{key: workshop[key] for key in ("venue", "end_date", "description", "objectives", "national_context")},
    )
    organization_ids = _organizations(document, content["organizations"])
    participant_ids, day_ids = _participants_and_days(document, content, organization_ids)
    _agenda(document, content["days"], day_ids, participant_ids)
    _roadmap(document, content["roadmap"], organization_ids)
    _breakout_groups(document)
    _plan(document, content.get("plan", {}))


def _plan(document: WorkshopDocument, plan: dict) -> None:
    """The national action plan's own texts and the acronyms the facilitator added."""
    _insert_all(document, "plan_text", ({"section": section, "text": text}
                                        for section, text in plan.get("texts", {}).items()))
    _insert_all(document, "acronym", plan.get("acronyms", []))


def _insert_all(document: WorkshopDocument, table: str, rows: Iterable[dict]) -> None:
    """Add the rows in one transaction, each checked as an edit adding it would be."""
    planned = [row_change for row in rows for row_change in document.plan_insert(table, **row).rows]
    document.apply(Change(_("Add {table}").format(table=table), tuple(planned)))


def _breakout_groups(document: WorkshopDocument) -> None:
    """Every parallel slot gets groups mixed by organization category, as a facilitator would."""
    from workshop_app.models.agenda.groups import plan_spread_by_category

    slots = document.query("SELECT day_id, slot FROM session GROUP BY day_id, slot HAVING count(*) > 1")
    for day_id, slot in slots:
        document.apply(plan_spread_by_category(document, day_id, slot))


def _organizations(document: WorkshopDocument, organizations: list[dict]) -> dict[str, str]:
    ids, rows, assessments = {}, [], []
    for organization in organizations:
        ids[organization["key"]] = new_id()
        rows.append({
            "id": ids[organization["key"]],
            "name": organization["name"],
            "acronym": organization["acronym"],
            "category": organization["category"],
            "tripartite": int(organization["tripartite"]),
            "alliance_partner": int(organization["alliance_partner"]),
        })
        assessments.append({
            "id": new_id(),
            "organization_id": ids[organization["key"]],
            "influence": organization["influence"],
            "interest": organization["interest"],
        })
    _insert_all(document, "organization", rows)
    _insert_all(document, "stakeholder_assessment", assessments)
    return ids


def _participants_and_days(document: WorkshopDocument, content: dict, organization_ids: dict[str, str]):
    days = [
        {"id": new_id(), "position": position, **{key: day[key] for key in _DAY_FIELDS}}
        for position, day in enumerate(content["days"])
    ]
    _insert_all(document, "day", days)
    day_ids = [day["id"] for day in days]
    participant_ids, rows, attendance = {}, [], []
    for person in content["participants"]:
        participant_id = new_id()
        participant_ids[person["name"]] = participant_id
        rows.append({
            "id": participant_id,
            "name": normalize("participant", "name", person["name"]),
            "sex": person["sex"],
            "title": person["title"],
            "organization_id": organization_ids[person["organization"]],
            "email": person["email"],
            "phone": person["phone"],
            "language": person["language"],
            "role": person["role"],
        })
        for day_id, present in zip(day_ids, person["attendance"]):
            if present:
                attendance.append({"id": new_id(), "participant_id": participant_id, "day_id": day_id, "present": 1})
    _insert_all(document, "participant", rows)
    _insert_all(document, "attendance", attendance)
    return participant_ids, day_ids


def _agenda(document: WorkshopDocument, days: list[dict], day_ids: list[str], participant_ids: dict[str, str]) -> None:
    sessions, people = [], []
    fields = ("slot", "track", "title", "type", "duration", "room", "objectives", "expected_output",
              "materials", "facilitator_notes", "fixed_start")
    for day_id, day in zip(day_ids, days):
        for session in day["sessions"]:
            session_id = new_id()
            row = {key: session[key] for key in fields}
            row.update(id=session_id, day_id=day_id, facilitator_id=participant_ids.get(session["facilitator"] or ""))
            sessions.append(row)
            for speaker in session["speakers"]:
                people.append({"id": new_id(), "session_id": session_id,
                               "participant_id": participant_ids[speaker], "role": "speaker"})
    _insert_all(document, "session", sessions)
    _insert_all(document, "session_person", people)


_ACTION_FIELDS = ("title", "description", "start", "end", "status", "cost", "currency", "funding_secured",
                  "gender_marker", "geographic_scope", "action_group", "risks", "assumptions", "comments")


def _roadmap(document: WorkshopDocument, goal: dict, organization_ids: dict[str, str]) -> None:
    nodes, partners, indicators, funding = [], [], [], []

    def node(level: str, parent_id: str | None, position: int, source: dict) -> str:
        node_id = new_id()
        row = {"id": node_id, "parent_id": parent_id, "level": level, "position": position,
               "title": source["title"], "description": source.get("description", "")}
        if level == "action":
            row.update({key: source[key] for key in _ACTION_FIELDS})
            row["lead_organization_id"] = organization_ids[source["lead"]]
            for key in ("issue_tags", "pillar_tags", "sdgs"):
                row[key] = json.dumps(source[key])
            for partner in source["partners"]:
                partners.append({"id": new_id(), "node_id": node_id,
                                 "organization_id": organization_ids[partner["organization"]], "role": partner["role"]})
            for position, given in enumerate(source.get("funding", [])):
                funding.append({"node_id": node_id, "position": position, "amount": given["amount"],
                                "organization_id": organization_ids[given["organization"]],
                                "currency": given["currency"], "year": given["year"]})
        nodes.append(row)
        for index, indicator in enumerate(source.get("indicators", [])):
            indicators.append({"id": new_id(), "node_id": node_id, "position": index, **indicator})
        return node_id

    goal_id = node("goal", None, 0, goal)
    for o, outcome in enumerate(goal["outcomes"]):
        outcome_id = node("outcome", goal_id, o, outcome)
        for p, output in enumerate(outcome["outputs"]):
            output_id = node("output", outcome_id, p, output)
            for a, action in enumerate(output["actions"]):
                node("action", output_id, a, action)
    # Level by level: each item is checked against its parent, which must be in the file.
    for level in ("goal", "outcome", "output", "action"):
        _insert_all(document, "roadmap_node", (row for row in nodes if row["level"] == level))
    _insert_all(document, "action_partner", partners)
    _insert_all(document, "indicator", indicators)
    _insert_all(document, "funding_source", funding)
