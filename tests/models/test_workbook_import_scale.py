"""Re-importing a workbook with many new rows costs the same per row at 300 rows as at 600.

Speed itself is measured in bench/; here the work is counted: the SQL statements a re-import
runs and the row changes it plans. Adding rows one by one re-read and renumbered every sibling
for each new row, so doubling the rows quadrupled both (3,000 new actions took minutes)."""

import pytest
from openpyxl import load_workbook

from workshop_app.export.roadmap_workbook.writer import write_roadmap_xlsx
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.roadmap.workbook.reimport import plan_workbook_import


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


def with_new_actions(demo, path, count: int, code) -> None:
    """The exported road map with `count` new actions appended to its rows, the n-th coded code(n)."""
    write_roadmap_xlsx(demo, path)
    book = load_workbook(path)
    sheet = book["Road map"]
    names = [cell.value for cell in sheet[1]]
    for number in range(count):
        row = {"Level": "Action", "Code": code(number), "Title": f"New action {number}", "Status": "Agreed",
               "Lead organization": "ILO", "Partners": "UNICEF (support)", "Cost": 1000, "Currency": "USD"}
        sheet.append([row.get(name) for name in names])
    book.save(path)


def planned_work(demo, path) -> tuple[int, int]:
    """(SQL statements run while planning, row changes in the planned Change)."""
    statements = []
    connection = demo.db.conn
    connection.set_trace_callback(statements.append)
    try:
        plan = plan_workbook_import(demo, path)
    finally:
        connection.set_trace_callback(None)
    assert not plan.problems
    return len(statements), len(plan.change.rows)


@pytest.mark.parametrize("code", [
    pytest.param(lambda number: f"1.1.{5 + number}", id="appended after the last action"),
    pytest.param(lambda number: "1.1.2", id="each inserted after the first action"),
])
def test_planning_new_rows_grows_linearly(demo, tmp_path, code):
    work = {}
    for count in (300, 600):
        path = tmp_path / f"{count}.xlsx"
        with_new_actions(demo, path, count, code)
        work[count] = planned_work(demo, path)
    statements, rows = work[600][0] - work[300][0], work[600][1] - work[300][1]
    # 300 more rows: a few statements and row changes each (about 7 and 2); planning them one
    # by one ran 460 to 1,800 statements per row here, and more the more rows there were.
    assert statements <= 300 * 10, work
    assert rows <= 300 * 3, work


def test_many_new_rows_land_in_the_order_of_the_workbook(demo, tmp_path):
    path = tmp_path / "many.xlsx"
    with_new_actions(demo, path, 50, lambda number: f"1.1.{5 + number}")
    plan = plan_workbook_import(demo, path)
    demo.apply(plan.change)
    titles = {code: demo.get("roadmap_node", node_id)["title"] for node_id, code in node_codes(demo).items()}
    assert [titles[f"1.1.{5 + number}"] for number in range(50)] == [f"New action {number}" for number in range(50)]
    assert titles["1.1.4"] != "New action 0"
