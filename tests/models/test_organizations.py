"""Deleting an organization that has people, and merging two organizations, each one undo step."""

from workshop_app.models.stakeholders.organizations import plan_delete_organization, plan_merge_organizations


def organization(document, name, **fields):
    return document.insert("organization", name=name, **fields).rows[0].row_id


def person(document, name, organization_id):
    return document.insert("participant", name=name, organization_id=organization_id).rows[0].row_id


def snapshot(document):
    tables = ("organization", "participant", "action_partner", "stakeholder_assessment", "roadmap_node")
    return {table: sorted(document.rows(table), key=lambda row: row["id"]) for table in tables}


def test_delete_organization_keeping_its_participants(document):
    ministry = organization(document, "Ministry of Labour")
    people = [person(document, name, ministry) for name in ("Hery", "Voahangy")]
    document.apply(plan_delete_organization(document, ministry, with_participants=False))
    assert document.count("organization") == 0
    assert [document.get("participant", p)["organization_id"] for p in people] == [None, None]


def test_delete_organization_with_its_participants_and_undo(document):
    ministry = organization(document, "Ministry of Labour")
    other = organization(document, "CGT")
    person(document, "Hery", ministry)
    kept = person(document, "Lala", other)
    before = snapshot(document)
    change = plan_delete_organization(document, ministry, with_participants=True)
    document.apply(change)
    assert [row["id"] for row in document.rows("participant")] == [kept]
    document.apply(change.inverse())
    assert snapshot(document) == before


def test_merge_moves_everything_and_undo_restores_both(document):
    full = organization(document, "Ministry of Labour, Employment and Social Security")
    short = organization(document, "MoLESS", acronym="MoLESS", tripartite=1)
    a = person(document, "Sita", full)
    b = person(document, "Ram", short)
    goal = document.insert("roadmap_node", level="goal", position=0, title="Goal").rows[0].row_id
    outcome = document.insert("roadmap_node", level="outcome", parent_id=goal, position=0, title="O").rows[0].row_id
    output = document.insert("roadmap_node", level="output", parent_id=outcome, position=0, title="P").rows[0].row_id
    action = document.insert("roadmap_node", level="action", parent_id=output, position=0, title="Inspect",
                             lead_organization_id=short).rows[0].row_id
    other_action = document.insert("roadmap_node", level="action", parent_id=output, position=1,
                                   title="Train").rows[0].row_id
    document.insert("action_partner", node_id=action, organization_id=full, role="support")
    document.insert("action_partner", node_id=action, organization_id=short, role="funder")  # clash
    document.insert("action_partner", node_id=other_action, organization_id=short, role="consulted")
    document.insert("stakeholder_assessment", organization_id=full, influence=5, interest=5)
    document.insert("stakeholder_assessment", organization_id=short, influence=2, interest=2)  # clash
    before = snapshot(document)

    change = plan_merge_organizations(document, full, short)
    document.apply(change)

    assert [row["id"] for row in document.rows("organization")] == [full]
    kept = document.get("organization", full)
    assert kept["acronym"] == "MoLESS" and kept["tripartite"] == 1
    assert {document.get("participant", p)["organization_id"] for p in (a, b)} == {full}
    assert document.get("roadmap_node", action)["lead_organization_id"] == full
    partners = document.rows("action_partner", order_by="node_id")
    assert sorted((row["node_id"], row["organization_id"]) for row in partners) == sorted(
        [(action, full), (other_action, full)])
    assert [(row["influence"], row["interest"]) for row in document.rows("stakeholder_assessment")] == [(5, 5)]
    assert change.description == "Merge organizations"

    document.apply(change.inverse())
    assert snapshot(document) == before


def test_planning_a_merge_writes_nothing_and_tells_nobody(document, workshop_path):
    full = organization(document, "Ministère du Travail")
    short = organization(document, "MTEFP")
    person(document, "Hery", short)
    heard = []
    document.subscribe(heard.append)
    before = snapshot(document)
    plan_merge_organizations(document, full, short)
    plan_delete_organization(document, full, with_participants=True)
    assert snapshot(document) == before and heard == []


def test_placing_on_the_power_interest_grid(document):
    import pytest

    from workshop_app.models.errors import InvalidValueError
    from workshop_app.models.stakeholders.organizations import assessments, plan_assessment

    ministry = organization(document, "Ministry of Labour")
    assert assessments(document)[0]["influence"] is None
    first = plan_assessment(document, ministry, 5, 3)
    document.apply(first)
    document.apply(plan_assessment(document, ministry, 4, 5))
    assert (assessments(document)[0]["influence"], assessments(document)[0]["interest"]) == (4, 5)
    assert document.count("stakeholder_assessment") == 1
    with pytest.raises(InvalidValueError, match="1 to 5"):
        plan_assessment(document, ministry, 6, 1)
    document.apply(first.inverse())
    assert assessments(document)[0]["influence"] is None
