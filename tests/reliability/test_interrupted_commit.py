"""A commit cut short after it began to grow the file must open, rolled back by its journal.

SQLite commits by writing the changed pages in page order, page 1 (the header, with the new
page count) first. A power cut between page 1 and the last new page leaves a file shorter than
its header says, beside a hot journal that restores it. The kill -9 trials reach that moment
only now and then (it lasts about a millisecond), so it is rebuilt here byte for byte: the
file as SQLite leaves it half-way through such a commit, and the journal it wrote before
(the format is SQLite's documented rollback-journal format).
"""

import shutil
import struct
import subprocess

from tests.reliability.kill_trials import environment, program
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.participant_import.plan import plan_participant_import

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
SECTOR = 512
NONCE = 0x5EED


def page_size(data: bytes) -> int:
    size = struct.unpack(">H", data[16:18])[0]
    return 65536 if size == 1 else size


def journal_for(original: bytes, committed: bytes) -> bytes:
    """The hot journal of the commit from `original` to `committed`: every page the commit
    overwrites, as it was, with its checksum."""
    size = page_size(original)
    pages = len(original) // size
    header = JOURNAL_MAGIC + struct.pack(">IIIII", 0, NONCE, pages, SECTOR, size)
    records = []
    for number in range(1, pages + 1):
        before = original[(number - 1) * size:number * size]
        if before != committed[(number - 1) * size:number * size]:
            checksum = (NONCE + sum(before[offset] for offset in range(size - 200, -1, -200))) & 0xFFFFFFFF
            records.append(struct.pack(">I", number) + before + struct.pack(">I", checksum))
    header = header[:8] + struct.pack(">I", len(records)) + header[12:]
    return header.ljust(SECTOR, b"\0") + b"".join(records)


def test_a_commit_cut_short_while_growing_the_file_is_rolled_back(demo_path, tmp_path):
    sheet = tmp_path / "list.csv"
    sheet.write_text("Name,Email\n" + "".join(f"Guest {n},guest{n}@example.org\n" for n in range(3000)),
                     encoding="utf-8")
    grown = tmp_path / "grown.workshop"
    shutil.copyfile(demo_path, grown)
    with WorkshopDocument.open(grown) as document:
        before = document.count("participant")
        document.apply(plan_participant_import(document, sheet).change)
    original, committed = demo_path.read_bytes(), grown.read_bytes()
    size = page_size(original)
    assert len(committed) > len(original) + 10 * size  # the import grew the file
    # Half-way through the commit: every page up to `written` is the new one, the rest not yet there.
    written = (len(original) + len(committed)) // 2 // size
    demo_path.write_bytes(committed[:written * size])
    journal = tmp_path / f"{demo_path.name}-journal"
    journal.write_bytes(journal_for(original, committed))

    with WorkshopDocument.open(demo_path) as document:
        assert document.count("participant") == before
    assert not journal.exists()
    checked = subprocess.run(program("check", demo_path), env=environment(), capture_output=True, text=True,
                             timeout=120)
    assert checked.returncode == 0 and "result: ok" in checked.stdout, checked.stdout + checked.stderr
