"""Undo restores exactly: after any sequence of edits, undos and redos, undoing everything
gives back the file as it was, every row of every table in the same order.

Hypothesis draws the sequences. The default run tries a few dozen; `make soak` tries a thousand
(PATHFINDER_SOAK=1).
"""

import os
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.models.agenda.groups import plan_spread_by_category
from workshop_app.models.agenda.schedule import plan_delete_session, plan_move_session
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.comments import plan_add_comment
from workshop_app.models.roadmap.editing import plan_add_node, plan_delete_node, plan_move_node, plan_shift_node
from workshop_app.models.stakeholders.organizations import plan_delete_organization, plan_merge_organizations

EXAMPLES = 1000 if os.environ.get("PATHFINDER_SOAK") else 40
NOT_MINE = object()  # a planner's answer for a kind of edit it does not make


def dump(document: WorkshopDocument) -> dict:
    tables = [row[0] for row in document.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")]
    return {table: document.query(f"SELECT rowid, * FROM [{table}] ORDER BY rowid") for table in tables}


def pick(document, sql, number):
    rows = document.query(sql)
    return rows[number % len(rows)][0] if rows else None


def plan(document, kind, number):
    """One edit a facilitator could make, chosen by `kind` on the row `number` picks."""
    for planner in (_plan_stakeholders, _plan_agenda, _plan_roadmap):
        change = planner(document, kind, number)
        if change is not NOT_MINE:
            return change
    raise AssertionError(kind)


def _plan_stakeholders(document, kind, number):
    if kind == "title":
        node = pick(document, "SELECT id FROM roadmap_node WHERE level != 'goal' ORDER BY rowid", number)
        return node and document.plan_update("roadmap_node", node, None, title=f"Title {number}")
    if kind == "delete participant":
        person = pick(document, "SELECT id FROM participant ORDER BY rowid", number)
        return person and document.plan_delete("participant", person)
    if kind == "delete organization":
        organization = pick(document, "SELECT id FROM organization ORDER BY rowid", number)
        return organization and plan_delete_organization(document, organization, with_participants=number % 2 == 0)
    if kind == "merge organizations":
        first = pick(document, "SELECT id FROM organization ORDER BY rowid", number)
        second = pick(document, "SELECT id FROM organization ORDER BY rowid", number + 1)
        return first and second and first != second and plan_merge_organizations(document, first, second)
    return NOT_MINE


def _plan_agenda(document, kind, number):
    if kind == "delete session":
        session = pick(document, "SELECT id FROM session ORDER BY rowid", number)
        return session and plan_delete_session(document, session)
    if kind == "move session":
        session = pick(document, "SELECT id FROM session ORDER BY rowid", number)
        day = pick(document, "SELECT id FROM day ORDER BY position", number // 7)
        return session and day and plan_move_session(document, session, day, number % 5, parallel=number % 3 == 0)
    if kind == "spread groups":
        found = document.query("SELECT day_id, slot FROM session GROUP BY day_id, slot HAVING count(*) > 1")
        return found and plan_spread_by_category(document, *found[number % len(found)])
    return NOT_MINE


def _plan_roadmap(document, kind, number):
    if kind == "add action":
        output = pick(document, "SELECT id FROM roadmap_node WHERE level = 'output' ORDER BY rowid", number)
        return output and plan_add_node(document, output, "action", position=number % 3, title=f"New {number}")
    if kind == "delete item":
        node = pick(document, "SELECT id FROM roadmap_node WHERE level != 'goal' ORDER BY rowid", number)
        return node and plan_delete_node(document, node)
    if kind == "move item":
        node = pick(document, "SELECT id FROM roadmap_node WHERE level = 'action' ORDER BY rowid", number)
        output = pick(document, "SELECT id FROM roadmap_node WHERE level = 'output' ORDER BY rowid", number // 3)
        return node and output and plan_move_node(document, node, output, number % 4)
    if kind == "shift item":
        node = pick(document, "SELECT id FROM roadmap_node WHERE level != 'goal' ORDER BY rowid", number)
        return node and plan_shift_node(document, node, 1 if number % 2 else -1)
    if kind == "comment":
        node = pick(document, "SELECT id FROM roadmap_node ORDER BY rowid", number)
        return node and plan_add_comment(document, node, f"Comment {number}")
    return NOT_MINE


KINDS = ["title", "delete participant", "delete organization", "merge organizations", "delete session",
         "move session", "spread groups", "add action", "delete item", "move item", "shift item", "comment"]
STEP = st.one_of(st.tuples(st.sampled_from(KINDS), st.integers(0, 500)), st.sampled_from(["undo", "redo"]))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=12))
def test_undoing_everything_restores_the_file_row_for_row(_demo_master, tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("undo") / "demo.workshop"
    shutil.copyfile(_demo_master, path)
    with WorkshopDocument.open(path) as document:
        before = dump(document)
        done, undone = [], []
        for step in steps:
            if step == "undo" and done:
                change = done.pop()
                document.apply(change.inverse())
                undone.append(change)
            elif step == "redo" and undone:
                change = undone.pop()
                document.apply(change)
                done.append(change)
            elif isinstance(step, tuple):
                try:
                    change = plan(document, *step)
                except WorkshopError:
                    continue  # an edit the program refuses (a move that breaks the road map's shape)
                if change:
                    document.apply(change)
                    done.append(change)
                    undone.clear()
        while done:
            document.apply(done.pop().inverse())
        assert dump(document) == before
