"""A workshop opened read-only takes no lock and writes nothing; one that another window holds
is read from a copy of its bytes; and what keeps a file from being edited is told apart."""

import os
import stat

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file.access import LOCKED, READ_ONLY, write_obstacle
from workshop_app.models.file.privacy import prepare_for_sharing
from workshop_app.models.integrity import check_file


def folder_state(path):
    """Every file of the folder with its bytes and modification time (a journal would show)."""
    return {entry.name: (entry.read_bytes(), entry.stat().st_mtime_ns) for entry in path.parent.iterdir()}


def test_reading_takes_no_lock_and_writes_nothing(demo_path):
    before = folder_state(demo_path)
    with WorkshopDocument.open(demo_path, readonly=True) as reading:
        assert reading.count("participant") > 100
        # Another window can open the same file for editing meanwhile: no lock is held.
        with WorkshopDocument.open(demo_path) as editing:
            assert not editing.readonly
        assert folder_state(demo_path) == before
        with pytest.raises(WorkshopFileError, match="read-only"):
            reading.update("workshop", reading.workshop()["id"], title="Changed")
    assert folder_state(demo_path) == before


def test_a_file_another_window_holds_is_read_as_it_was_when_opened(demo_path):
    with WorkshopDocument.open(demo_path) as editing:
        workshop_id = editing.workshop()["id"]
        editing.update("workshop", workshop_id, title="Before the break")
        assert write_obstacle(demo_path) == LOCKED
        with pytest.raises(WorkshopFileError, match="open in another"):
            WorkshopDocument.open(demo_path)
        with WorkshopDocument.open(demo_path, readonly=True) as reading:
            editing.update("workshop", workshop_id, title="After the break")
            assert reading.workshop()["title"] == "Before the break"
            assert reading.count("participant") == editing.count("participant")
    assert write_obstacle(demo_path) is None


def test_a_file_marked_read_only_is_told_apart_from_a_locked_one(demo_path):
    os.chmod(demo_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert write_obstacle(demo_path) == READ_ONLY
        with pytest.raises(WorkshopFileError, match="read-only"):
            WorkshopDocument.open(demo_path)
        with WorkshopDocument.open(demo_path, readonly=True) as reading:
            assert reading.count("participant") > 100
    finally:
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)


def test_no_obstacle_for_a_missing_or_foreign_file(tmp_path):
    assert write_obstacle(tmp_path / "missing.workshop") is None
    junk = tmp_path / "junk.workshop"
    junk.write_bytes(b"not a database at all" * 10)
    assert write_obstacle(junk) is None


def test_a_copy_prepared_for_sharing_keeps_no_trace_of_contacts(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        emails = [row["email"] for row in document.rows("participant") if row["email"]]
        phones = [row["phone"] for row in document.rows("participant") if len(row["phone"]) > 6]
        document.save_copy(tmp_path / "copy.workshop")
    assert emails and phones
    prepare_for_sharing(tmp_path / "copy.workshop", keep_contacts=False)
    data = (tmp_path / "copy.workshop").read_bytes()
    assert not any(email.encode() in data for email in emails)
    assert not any(phone.encode() in data for phone in phones)
    assert check_file(tmp_path / "copy.workshop").ok
    assert sorted(path.name for path in tmp_path.iterdir()) == ["Nepal demo.workshop", "copy.workshop"]


def test_a_schema_with_invalid_utf8_is_no_obstacle_to_explain_but_a_refusal(demo_path):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET name = CAST(name || X'C1' AS TEXT) WHERE rowid = (SELECT min(rowid) "
                 "FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL)")
    conn.commit()
    conn.close()
    # Neither locked nor read-only: the window explains the refusal opening gave, in one sentence.
    assert write_obstacle(demo_path) is None
    with pytest.raises(WorkshopFileError):
        WorkshopDocument.open(demo_path)
