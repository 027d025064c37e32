"""Files of format 1 (types not enforced: a cost could be stored as the text "45 000 000") are
upgraded to format 2 (STRICT tables with range checks) on opening: nothing is lost, numbers
typed as text become numbers, and what cannot be read is named and kept in the item's comments."""

import json
import sqlite3
from pathlib import Path

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopFileError
from workshop_app.models.file import schema
from workshop_app.models.integrity import check_file

FORMAT_1 = (Path(__file__).parent / "data" / "format-1.sql").read_text(encoding="utf-8")
TABLES = ["workshop", "organization", "stakeholder_assessment", "participant", "day", "attendance", "session",
          "session_person", "roadmap_node", "action_partner", "indicator", "version", "plenary_comment"]


def format_1_file(path: Path, source: Path | None = None) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(FORMAT_1)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    if source is not None:
        conn.execute("ATTACH DATABASE ? AS source", (str(source),))
        for table in TABLES:
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM source.{table} ORDER BY rowid")
        conn.execute("DETACH DATABASE source")
    conn.close()
    return path


def dump(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in TABLES}
    finally:
        conn.close()


def definitions(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite%'"))
    finally:
        conn.close()


def test_the_demo_workshop_written_in_format_1_comes_through_unchanged(demo_path, tmp_path):
    old = format_1_file(tmp_path / "old.workshop", demo_path)
    with WorkshopDocument.open(old) as document:
        assert document.schema_version() == schema.SCHEMA_VERSION
        assert document.schema_differences() == []
        assert len(document.opening_notes) == 1  # where the backup is, and nothing cleared
        assert "old.format-1-backup.workshop" in document.opening_notes[0]
    assert dump(old) == dump(demo_path)
    assert definitions(old) == definitions(demo_path)  # the very schema text of a new file
    assert check_file(old).ok
    backup = tmp_path / "old.format-1-backup.workshop"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


@pytest.fixture
def typed_as_text(tmp_path) -> Path:
    """A format-1 file where the window stored what was typed, as format 1 allowed."""
    path = format_1_file(tmp_path / "atelier.workshop")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO workshop (id, title, country, languages, created_at) "
                 "VALUES ('w', 'Atelier', 'SN', '[\"fr\"]', '2026-01-01T00:00:00+00:00')")
    conn.execute("INSERT INTO roadmap_node (id, parent_id, level, position, title) "
                 "VALUES ('g', NULL, 'goal', 0, 'But')")
    conn.execute("INSERT INTO roadmap_node (id, parent_id, level, position, title) "
                 "VALUES ('o', 'g', 'outcome', 0, 'Résultat')")
    conn.execute("INSERT INTO roadmap_node (id, parent_id, level, position, title) "
                 "VALUES ('p', 'o', 'output', 0, 'Produit')")
    rows = [("a1", "Former les inspecteurs", "45 000 000", "1,5", "XOF", None),
            ("a2", "Campagne radio", "1.5M", "3e+06", "xof", "0000-Q1"),
            ("a3", "Enquête nationale", 250000, None, "ZZZ", "2027-Q2")]
    for position, (node, title, cost, funding, currency, start) in enumerate(rows):
        conn.execute("INSERT INTO roadmap_node (id, parent_id, level, position, title, cost, funding_secured, "
                     "currency, start, comments) VALUES (?, 'p', 'action', ?, ?, ?, ?, ?, ?, ?)",
                     (node, position, title, cost, funding, currency, start, "Vu en plénière" if node == "a2" else ""))
    conn.execute("INSERT INTO indicator (id, node_id, position, title, baseline_year, target_year) "
                 "VALUES ('i', 'o', 0, 'Inspections', '2024a', '2030')")
    conn.close()
    return path


def test_numbers_stored_as_text_become_numbers_in_the_workshops_locale(typed_as_text):
    with WorkshopDocument.open(typed_as_text) as document:
        first = document.get("roadmap_node", "a1")
        assert first["cost"] == 45_000_000 and first["funding_secured"] == 1.5  # "1,5" in French
        assert document.get("roadmap_node", "a3")["cost"] == 250_000
        assert document.get("roadmap_node", "a2")["funding_secured"] == 3_000_000
        assert document.get("roadmap_node", "a2")["currency"] == "XOF"
        assert document.get("indicator", "i")["target_year"] == 2030


def test_values_that_cannot_be_read_are_named_and_kept_in_the_comments(typed_as_text):
    with WorkshopDocument.open(typed_as_text) as document:
        notes = " ".join(document.opening_notes)
        second = document.get("roadmap_node", "a2")
        assert second["cost"] is None and second["start"] is None
        assert second["comments"].startswith("Vu en plénière\n\n")  # what was there stays first
        assert "cost was “1.5M”" in second["comments"] and "start was “0000-Q1”" in second["comments"]
        assert document.get("roadmap_node", "a3")["currency"] == ""
        assert "currency was “ZZZ”" in document.get("roadmap_node", "a3")["comments"]
        assert document.get("indicator", "i")["baseline_year"] is None
    assert "3 value(s) could not be carried over" in notes
    assert "Campagne radio" in notes and "Enquête nationale" in notes and "Inspections" in notes


def test_upgraded_file_refuses_text_in_a_number_column(typed_as_text):
    with WorkshopDocument.open(typed_as_text):
        pass
    conn = sqlite3.connect(typed_as_text)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE roadmap_node SET cost = '45 000 000' WHERE id = 'a1'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE roadmap_node SET cost = 1e300 WHERE id = 'a1'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE roadmap_node SET start = '2027-02-30' WHERE id = 'a1'")
    conn.close()


def test_a_value_beyond_a_format_2_rule_is_cleared_and_named(typed_as_text):
    conn = sqlite3.connect(typed_as_text)
    conn.execute("INSERT INTO day (id, position, title, start_time) VALUES ('d', 0, 'Jour 1', '9:00')")
    conn.execute("INSERT INTO session (id, day_id, slot, title, duration, capacity) "
                 "VALUES ('s', 'd', 0, 'Ouverture', 90, 5000000)")
    conn.commit()
    conn.close()
    with WorkshopDocument.open(typed_as_text) as document:
        assert document.get("day", "d")["start_time"] == "09:00"  # read again as the window reads a time
        assert document.get("session", "s")["capacity"] is None
        assert "session “Ouverture”: capacity was “5000000”" in " ".join(document.opening_notes)


def test_a_file_that_cannot_be_upgraded_is_left_as_it_was(typed_as_text):
    conn = sqlite3.connect(typed_as_text)
    conn.execute("INSERT INTO plenary_comment (id, node_id, text, created_at) VALUES (NULL, 'a1', 'x', 'now')")
    conn.execute("INSERT INTO plenary_comment (id, node_id, text, created_at) VALUES (NULL, 'a1', 'y', 'now')")
    conn.commit()
    conn.close()
    before = typed_as_text.read_bytes()
    refusal = f"could not be upgraded to format {schema.SCHEMA_VERSION} .* left as it was"
    with pytest.raises(WorkshopFileError, match=refusal):
        WorkshopDocument.open(typed_as_text)
    assert typed_as_text.read_bytes() == before


def test_typed_amounts_are_refused_beyond_any_budget(document):
    with pytest.raises(InvalidValueError):
        document.plan_insert("roadmap_node", level="goal", position=0, title="But", cost="1e300")


def test_a_table_whose_rules_were_edited_in_place_is_refused(workshop_path):
    conn = sqlite3.connect(workshop_path, isolation_level=None)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'roadmap_node'").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'roadmap_node'",
                 (sql.replace("cost >= 0 AND", "1 AND"),))
    conn.close()
    before = workshop_path.read_bytes()
    with pytest.raises(Exception, match="roadmap_node checks its values by other rules"):
        WorkshopDocument.open(workshop_path)
    assert workshop_path.read_bytes() == before


def test_tags_keep_their_lists(typed_as_text):
    with WorkshopDocument.open(typed_as_text) as document:
        assert json.loads(document.get("roadmap_node", "a1")["issue_tags"]) == []


def test_check_finds_a_value_planted_past_the_rules(demo_path, capsys):
    """SQLite skips CHECK constraints on a read-only connection: check must not."""
    from workshop_app.cli import main

    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE roadmap_node SET cost = -5 WHERE rowid = (SELECT min(rowid) FROM roadmap_node "
                 "WHERE level = 'action')")
    conn.close()
    before = demo_path.read_bytes()
    assert main(["check", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert "CHECK constraint failed in roadmap_node" in out and "result: PROBLEMS FOUND" in out
    assert demo_path.read_bytes() == before


def test_a_format_1_file_is_read_without_being_changed(demo_path, tmp_path, capsys):
    from workshop_app.cli import main

    old = format_1_file(tmp_path / "old.workshop", demo_path)
    before = old.read_bytes()
    assert main(["stats", str(old), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["participants"] == 122
    assert main(["export", str(old), "--what", "roadmap", str(tmp_path / "roadmap.xlsx")]) == 0
    assert main(["check", str(old)]) == 0
    out = capsys.readouterr().out
    assert f"format 1 (this program writes format {schema.SCHEMA_VERSION})" in out and "result: ok" in out
    assert old.read_bytes() == before
    assert not (tmp_path / "old.format-1-backup.workshop").exists()


def test_a_format_1_file_refused_on_opening_is_not_upgraded_first(demo_path, tmp_path):
    old = format_1_file(tmp_path / "old.workshop", demo_path)
    conn = sqlite3.connect(old)
    conn.execute("DELETE FROM workshop")
    conn.commit()
    conn.close()
    before = old.read_bytes()
    with pytest.raises(WorkshopFileError, match="workshop record is missing"):
        WorkshopDocument.open(old)
    assert old.read_bytes() == before
    assert not (tmp_path / "old.format-1-backup.workshop").exists()


@pytest.mark.parametrize("planted", ["UPDATE day SET start_time = '99:99'", "UPDATE workshop SET languages = 'x'"])
def test_reading_refuses_a_value_planted_past_the_rules(demo_path, planted):
    """A read-only connection skips CHECK rules: reading checks a private copy instead, so an
    export or a screenshot never meets a value the pages cannot read."""
    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(planted)
    conn.close()
    before = demo_path.read_bytes()
    with pytest.raises(WorkshopFileError, match="the file is damaged .*CHECK constraint failed"):
        WorkshopDocument.open(demo_path, readonly=True)
    assert demo_path.read_bytes() == before


def test_required_numbers_format_1_held_as_nonsense_are_replaced_and_named(typed_as_text):
    conn = sqlite3.connect(typed_as_text)
    conn.execute("INSERT INTO day (id, position, title) VALUES ('d', 'first', 'Jour 1')")
    conn.execute("INSERT INTO session (id, day_id, slot, title, duration, actual_start) "
                 "VALUES ('s', 'd', 0, 'Ouverture', 9.2e18, 'x')")
    conn.commit()
    conn.close()
    with WorkshopDocument.open(typed_as_text) as document:
        notes = " ".join(document.opening_notes)
        assert document.get("day", "d")["position"] == 0 and document.get("session", "s")["duration"] == 60
        assert document.get("session", "s")["actual_start"] is None
    assert "position was “first”" in notes and "Ouverture" in notes
