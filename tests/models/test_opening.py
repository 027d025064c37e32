"""Every wrong file gets one clear message and stays byte-for-byte as it was."""

import hashlib
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file import schema, upgrades


def fingerprint(path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def assert_refused(path, message, **options):
    before = fingerprint(path) if path.is_file() else None
    siblings = set(path.parent.iterdir())
    with pytest.raises(WorkshopFileError, match=message) as raised:
        WorkshopDocument.open(path, **options)
    if before is not None:
        assert fingerprint(path) == before
    assert set(path.parent.iterdir()) == siblings  # no journal, backup or lock file left behind
    assert path.name in str(raised.value)
    assert "\n" not in str(raised.value)


def test_missing_file(tmp_path):
    assert_refused(tmp_path / "nowhere.workshop", "no such file")


def test_folder(tmp_path):
    folder = tmp_path / "folder.workshop"
    folder.mkdir()
    assert_refused(folder, "is a folder")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.workshop"
    path.write_bytes(b"")
    assert_refused(path, "empty")


def test_text_file(tmp_path):
    path = tmp_path / "notes.workshop"
    path.write_text("Agenda for day 1\nOpening 09:00\n", encoding="utf-8")
    assert_refused(path, "not a Pathfinder Workshop file")


def test_spreadsheet_gets_a_hint(tmp_path):
    path = tmp_path / "participants.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert_refused(path, "spreadsheet")


def test_file_cut_inside_its_header(tmp_path, workshop_path):
    path = tmp_path / "cut.workshop"
    path.write_bytes(workshop_path.read_bytes()[:60])
    assert_refused(path, "truncated")


def test_file_copied_incompletely(tmp_path, demo_path):
    path = tmp_path / "half.workshop"
    data = demo_path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path, "truncated")


def test_corrupt_pages(tmp_path, demo_path):
    path = tmp_path / "corrupt.workshop"
    data = bytearray(demo_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size, 3):  # scribble over every third page
        data[page * page_size: page * page_size + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))
    assert_refused(path, "damaged")


def test_sqlite_file_of_another_program(tmp_path):
    path = tmp_path / "other.workshop"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    assert_refused(path, "another program")


def test_file_from_a_newer_version(tmp_path, workshop_path):
    path = tmp_path / "future.workshop"
    data = bytearray(workshop_path.read_bytes())
    data[60:64] = (schema.SCHEMA_VERSION + 1).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    assert_refused(path, "newer version")


def test_file_open_in_this_program(workshop_path):
    with WorkshopDocument.open(workshop_path):
        assert_refused(workshop_path, "open in another Pathfinder Workshop window")
        # Reading is allowed: a read-only opening reads a copy of the held file's bytes.
        with WorkshopDocument.open(workshop_path, readonly=True) as reader:
            assert reader.workshop()["title"] == "Atelier national"


def test_file_open_in_another_running_instance(workshop_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from workshop_app.models.document import WorkshopDocument
            document = WorkshopDocument.open({str(workshop_path)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        assert_refused(workshop_path, "open in another Pathfinder Workshop window")
    finally:
        holder.communicate("\n", timeout=30)
    WorkshopDocument.open(workshop_path).close()  # free again once the other one quits


def test_read_only_file_cannot_be_opened_for_editing_but_can_be_read(workshop_path):
    workshop_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert_refused(workshop_path, "read-only")
        with WorkshopDocument.open(workshop_path, readonly=True) as document:
            assert document.workshop()["title"] == "Atelier national"
    finally:
        workshop_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_older_file_is_backed_up_then_upgraded(workshop_path, monkeypatch):
    original = workshop_path.read_bytes()

    def add_rapporteur_flag(conn):
        conn.execute("ALTER TABLE participant ADD COLUMN rapporteur INTEGER NOT NULL DEFAULT 0")

    current = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(upgrades.MIGRATIONS, current, add_rapporteur_flag)
    with WorkshopDocument.open(workshop_path, verify=False) as document:
        assert document.schema_version() == current + 1
        assert document.workshop()["title"] == "Atelier national"
        assert f"kept as atelier.format-{current}-backup.workshop" in document.opening_notes[0]
    backup = workshop_path.with_name(f"atelier.format-{current}-backup.workshop")
    assert backup.exists()
    with sqlite3.connect(backup) as conn:  # the backup is the old file, still at its format
        assert conn.execute("PRAGMA user_version").fetchone()[0] == current
        assert conn.execute("SELECT title FROM workshop").fetchone()[0] == "Atelier national"
    assert original != workshop_path.read_bytes()


def test_failed_upgrade_leaves_the_file_at_its_old_format(workshop_path, monkeypatch):
    def broken_step(conn):
        conn.execute("ALTER TABLE participant ADD COLUMN badge TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    current = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(upgrades.MIGRATIONS, current, broken_step)
    with pytest.raises(WorkshopFileError, match="could not be upgraded .* left as it was"):
        WorkshopDocument.open(workshop_path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current)
    with WorkshopDocument.open(workshop_path) as document:
        assert document.schema_version() == current
        assert "badge" not in document.db["participant"].columns_dict


def test_unknown_format_number_is_refused_without_leaving_backups(tmp_path, workshop_path):
    path = tmp_path / "zero.workshop"
    data = bytearray(workshop_path.read_bytes())
    data[60:64] = (0).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    assert_refused(path, "unknown format number")


def test_damage_found_only_when_pages_are_read_gives_a_message(tmp_path, demo_path):
    path = tmp_path / "damaged.workshop"
    conn = sqlite3.connect(demo_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'participant'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(demo_path.read_bytes())
    data[(root - 1) * page_size:(root - 1) * page_size + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))
    assert_refused(path, "damaged")
    assert_refused(path, "damaged", readonly=True)


def test_file_left_by_a_power_cut_says_how_to_recover(tmp_path, demo_path):
    path = tmp_path / "cut.workshop"
    path.write_bytes(demo_path.read_bytes())
    # A process that dies in the middle of a large change leaves a hot journal beside the file.
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size = 1")
        conn.execute("BEGIN")
        conn.execute("UPDATE participant SET notes = hex(randomblob(2000))")
        os._exit(0)
    """)], check=True)
    assert Path(f"{path}-journal").exists()
    with pytest.raises(WorkshopFileError, match="not closed properly"):
        WorkshopDocument.open(path, readonly=True)
    with WorkshopDocument.open(path) as document:  # opening for editing rolls the change back
        assert {row["notes"] for row in document.rows("participant")} == {""}
        assert document.query("PRAGMA integrity_check") == [("ok",)]


def test_replacing_a_file_that_is_open_is_refused(workshop_path, tmp_path):
    from workshop_app.models.demo import write_demo

    with WorkshopDocument.open(workshop_path) as document:
        before = fingerprint(workshop_path)
        with pytest.raises(WorkshopFileError, match="is open in Pathfinder Workshop"):
            write_demo(workshop_path, overwrite=True)
        other = tmp_path / "other.workshop"
        WorkshopDocument.create(other, title="Other", country="NP").close()
        with WorkshopDocument.open(other) as second:
            with pytest.raises(WorkshopFileError, match="is open in Pathfinder Workshop"):
                second.save_copy(workshop_path)
        assert fingerprint(workshop_path) == before
        assert document.workshop()["title"] == "Atelier national"


def test_a_planted_trigger_is_refused_before_it_can_run(workshop_path, capsys):
    """A file received by e-mail carries a trigger that empties the road map on the next insert."""
    import sqlite3

    from workshop_app.cli import main

    conn = sqlite3.connect(workshop_path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON participant BEGIN DELETE FROM roadmap_node; END")
    conn.commit()
    conn.close()
    before = workshop_path.read_bytes()
    with pytest.raises(WorkshopFileError, match="trigger wipe"):
        WorkshopDocument.open(workshop_path)
    assert workshop_path.read_bytes() == before
    assert main(["check", str(workshop_path)]) == 1
    out = capsys.readouterr().out
    assert "schema: trigger wipe was not written by this program" in out
    assert "result: PROBLEMS FOUND" in out


def test_a_dropped_column_is_named_on_opening(workshop_path, capsys):
    import sqlite3

    from workshop_app.cli import main

    conn = sqlite3.connect(workshop_path)
    conn.execute("ALTER TABLE participant DROP COLUMN phone")
    conn.commit()
    conn.close()
    with pytest.raises(WorkshopFileError, match="table participant has no column phone"):
        WorkshopDocument.open(workshop_path)
    assert main(["stats", str(workshop_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "has no column phone" in err


def _interrupted_change(path: Path) -> None:
    """A process that dies in the middle of a large change, leaving a hot journal."""
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size = 1")
        conn.execute("BEGIN")
        conn.execute("INSERT INTO participant (id, name) SELECT hex(randomblob(16)), hex(randomblob(900))"
                     " FROM participant")
        conn.execute("UPDATE participant SET notes = hex(randomblob(2000))")
        os._exit(0)
    """)], check=True)
    assert Path(f"{path}-journal").exists()


def test_a_journal_left_by_another_file_is_moved_aside_not_rolled_back(tmp_path, demo_path):
    """Save a copy, import, kill a large import, copy the backup over the file: the journal of
    the killed import must not be rolled into the restored backup."""
    from workshop_app.cli import main

    path = tmp_path / "restored.workshop"
    path.write_bytes(demo_path.read_bytes())
    backup = tmp_path / "backup.workshop"
    backup.write_bytes(path.read_bytes())
    with WorkshopDocument.open(path) as document:  # an import after the backup was saved
        for number in range(300):
            document.insert("participant", name=f"Walk-in {number} " + "x" * 300)
    _interrupted_change(path)
    path.write_bytes(backup.read_bytes())  # the user restores the backup
    with pytest.raises(WorkshopFileError, match="belonged to another file .* moved aside as "
                                                 "restored.workshop.foreign-journal"):
        WorkshopDocument.open(path)
    assert path.read_bytes() == backup.read_bytes()
    assert not Path(f"{path}-journal").exists()
    assert (tmp_path / "restored.workshop.foreign-journal").exists()
    assert main(["check", str(path)]) == 0  # opened again: the restored backup, sound


def test_a_journal_of_the_file_itself_is_still_rolled_back(tmp_path, demo_path):
    path = tmp_path / "cut.workshop"
    path.write_bytes(demo_path.read_bytes())
    _interrupted_change(path)
    with WorkshopDocument.open(path) as document:
        assert document.count("participant") == 122
        assert document.query("PRAGMA integrity_check") == [("ok",)]
    assert not list(tmp_path.glob("*foreign-journal*"))


def test_half_written_files_left_by_a_crash_are_removed_when_the_folder_is_used(workshop_path):
    import os
    import time

    folder = workshop_path.parent
    old = time.time() - 2 * 3600
    leftovers = [folder / ".new-k2j4.workshop", folder / ".copy-9xq1.workshop", folder / ".road map-a1b2.pdf.part"]
    for path in leftovers:
        path.write_bytes(b"half")
        os.utime(path, (old, old))
    writing = folder / ".copy-now1.workshop"  # another window is writing this one right now
    writing.write_bytes(b"half")
    mine = folder / ".notes.workshop"  # not a name this program writes
    mine.write_bytes(b"keep")
    os.utime(mine, (old, old))
    WorkshopDocument.open(workshop_path).close()
    assert not any(path.exists() for path in leftovers)
    assert writing.exists() and mine.exists()


def test_a_journal_of_a_twin_workshop_is_not_rolled_into_a_restored_copy(tmp_path):
    """Two workshops made the same way have the same size and change counter: only rolling the
    journal back tells them apart, and that is tried on a private copy first."""
    from workshop_app.models.demo import write_demo

    twin, restored = tmp_path / "twin.workshop", tmp_path / "nepal.workshop"
    write_demo(twin).close()
    write_demo(restored).close()
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(restored)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size = 2")
        conn.execute("BEGIN")
        conn.execute("UPDATE participant SET notes = hex(randomblob(300))")
        conn.execute("UPDATE roadmap_node SET description = hex(randomblob(200))")
        os._exit(0)  # a crash in the middle of a large change
    """)], check=True)
    assert Path(f"{restored}-journal").exists()
    shutil.copyfile(twin, restored)  # the user restores a copy over the file
    before = fingerprint(restored)
    with pytest.raises(WorkshopFileError, match="belonged to another file"):
        WorkshopDocument.open(restored)
    assert fingerprint(restored) == before
    assert not Path(f"{restored}-journal").exists() and (tmp_path / "nepal.workshop.foreign-journal").exists()
    with WorkshopDocument.open(restored) as document:  # the restored copy, whole
        assert document.count("participant") == 122
