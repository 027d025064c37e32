"""`workshop-app handout` and `workshop-app merge`: conflicts listed with their code and field,
exit 1 when there were any, --prefer, --dry-run, and one line (exit 2) for a file that cannot be
merged, leaving the workshop as it was."""

from workshop_app.cli import main
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.handouts.part import guard_handout
from workshop_app.models.roadmap.tree import node_codes


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def retitle(path, code: str, title: str, *, handout: bool = False) -> None:
    with WorkshopDocument.open(path) as document:
        if handout:
            guard_handout(document)
        node = {value: key for key, value in node_codes(document).items()}[code]
        document.apply(document.plan_update("roadmap_node", node, None, title=title))


def title(path, code: str) -> str:
    with WorkshopDocument.open(path, readonly=True) as document:
        node = {value: key for key, value in node_codes(document).items()}[code]
        return document.get("roadmap_node", node)["title"]


def test_a_handout_merges_back_with_its_conflict_listed(demo_path, tmp_path, capsys):
    handout = tmp_path / "group-b.workshop"
    assert run(capsys, "handout", demo_path, handout, "--outcome", "2", "--label", "Group B")[0] == 0
    retitle(handout, "2.1.1", "Group B's title", handout=True)
    retitle(handout, "2.1.2", "Only the group changed this", handout=True)
    retitle(demo_path, "2.1.1", "The plenary's title")
    before = demo_path.read_bytes()
    code, out, _ = run(capsys, "merge", demo_path, handout, "--dry-run")
    assert code == 1 and "Dry run: nothing was changed." in out
    assert demo_path.read_bytes() == before
    assert ("Conflict: Action 2.1.1 “The plenary's title” · title: workshop “The plenary's title” · Group B "
            "“Group B's title” (kept: the workshop's)") in out
    assert "Action 2.1.2: title" in out and "→ “Only the group changed this”" in out
    code, out, _ = run(capsys, "merge", demo_path, handout, "--prefer", "handout")
    assert code == 1 and "(kept: the group's)" in out
    assert title(demo_path, "2.1.1") == "Group B's title"
    assert title(demo_path, "2.1.2") == "Only the group changed this"
    code, out, _ = run(capsys, "merge", demo_path, handout)
    assert code == 0 and "already merged; nothing changed" in out


def test_the_conflicts_line_says_what_to_do_about_them(demo_path, tmp_path, capsys):
    handout = tmp_path / "group-b.workshop"
    run(capsys, "handout", demo_path, handout, "--outcome", "2", "--label", "Group B")
    retitle(handout, "2.1.1", "Group B's title", handout=True)
    retitle(demo_path, "2.1.1", "The plenary's title")
    code, out, _ = run(capsys, "merge", demo_path, handout, "--dry-run")
    # Before merging: how to decide otherwise than the workshop's values.
    assert code == 1 and out.splitlines()[-1] == (
        "1 conflict, listed above. --prefer handout or --prefer workshop decides them all; File › Merge "
        "Handouts… in the window lets you choose each one.")
    code, out, _ = run(capsys, "merge", demo_path, handout)
    # After: merging the same handout again would change nothing, so the way left is the window.
    assert code == 1 and out.splitlines()[-1] == (
        "1 conflict, listed above, decided as marked. Merging a handout again changes nothing: change a "
        "decision by editing the item in the window.")


def test_a_merge_without_conflicts_exits_0(demo_path, tmp_path, capsys):
    handout = tmp_path / "group-c.workshop"
    run(capsys, "handout", demo_path, handout, "--outcome", "3", "--label", "Group C")
    retitle(handout, "3.1.1", "Group C's wording", handout=True)
    code, out, _ = run(capsys, "merge", demo_path, handout)
    assert code == 0 and "Group C (group-c.workshop): 1 change" in out
    assert title(demo_path, "3.1.1") == "Group C's wording"


def test_what_cannot_be_merged_is_refused_in_one_line_and_nothing_changes(demo_path, tmp_path, capsys):
    good = tmp_path / "group-a.workshop"
    run(capsys, "handout", demo_path, good, "--outcome", "1", "--label", "Group A")
    retitle(good, "1.1.1", "Would arrive", handout=True)
    not_a_handout = tmp_path / "copy.workshop"
    not_a_handout.write_bytes(demo_path.read_bytes())
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "merge", demo_path, good, not_a_handout)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "copy.workshop: is not a handout" in err and "Traceback" not in err
    assert demo_path.read_bytes() == before
    code, _, err = run(capsys, "handout", demo_path, tmp_path / "x.workshop", "--outcome", "9")
    assert code == 2 and "has no outcome 9 (its outcomes: 1, 2, 3, 4)" in err
    code, _, err = run(capsys, "merge", good, good)
    assert code == 2 and "is a handout; merge handouts into the workshop's own file" in err


def test_a_handout_that_cannot_be_merged_stops_the_merge_before_any_handout_arrives(demo_path, tmp_path, capsys):
    import sqlite3

    good, bad = tmp_path / "group-a.workshop", tmp_path / "group-b.workshop"
    run(capsys, "handout", demo_path, good, "--outcome", "1", "--label", "Group A")
    run(capsys, "handout", demo_path, bad, "--outcome", "2", "--label", "Group B")
    retitle(good, "1.1.1", "Would arrive", handout=True)
    with sqlite3.connect(bad) as conn:  # edited by other means: an action put straight under its outcome
        outcome = conn.execute("SELECT id FROM roadmap_node WHERE level = 'outcome' ORDER BY position "
                               "LIMIT 1 OFFSET 1").fetchone()[0]
        conn.execute("UPDATE roadmap_node SET parent_id = ? WHERE level = 'action' AND parent_id IN "
                     "(SELECT id FROM roadmap_node WHERE parent_id = ?)", [outcome, outcome])
    before = demo_path.read_bytes()
    code, _, err = run(capsys, "merge", demo_path, good, bad)
    assert code == 2 and err.startswith("workshop-app: group-b.workshop: cannot be merged")
    assert "nothing was merged" in err and len(err.strip().splitlines()) == 1
    assert demo_path.read_bytes() == before


def test_handout_does_not_replace_a_file_that_may_hold_a_group_s_work(demo_path, tmp_path, capsys):
    target = tmp_path / "group-a.workshop"
    run(capsys, "handout", demo_path, target, "--outcome", "1", "--label", "Group A")
    retitle(target, "1.1.1", "The group's work", handout=True)
    code, _, err = run(capsys, "handout", demo_path, target, "--outcome", "1")
    assert code == 2 and "already exists" in err
    assert title(target, "1.1.1") == "The group's work"


def test_what_the_merge_leaves_alone_is_said_and_a_file_named_twice_merges_once(demo_path, tmp_path, capsys):
    import sqlite3

    folder = tmp_path / "clé USB – groupe B"  # a path with spaces and letters beyond ASCII
    folder.mkdir()
    handout = folder / "Grupo Ñandú B.workshop"
    assert run(capsys, "handout", demo_path, handout, "--outcome", "2", "--label", "Grupo Ñandú")[0] == 0
    retitle(handout, "2.1.1", "तस्करी विरोधी कार्य", handout=True)
    with sqlite3.connect(handout) as conn:  # by other means than the program: the agenda and a participant
        conn.execute("UPDATE session SET title = 'Long lunch' WHERE rowid = (SELECT min(rowid) FROM session)")
        conn.execute("UPDATE participant SET name = 'Someone else' WHERE rowid = (SELECT min(rowid) FROM participant)")
    code, out, err = run(capsys, "merge", demo_path, handout, handout)
    assert code == 0 and err == ""
    assert "Grupo Ñandú B.workshop is named more than once; it is merged once" in out
    assert ("The handout also changes the participants, the agenda; those changes are not merged: handouts carry "
            "the road map only.") in out
    assert out.count("Grupo Ñandú (Grupo Ñandú B.workshop): 1 change") == 1 and "already merged" not in out
    assert title(demo_path, "2.1.1") == "तस्करी विरोधी कार्य"


def test_a_careless_command_line_is_refused_in_one_line_and_changes_nothing(demo_path, tmp_path, capsys):
    import pytest

    copy = tmp_path / "copy before the breakouts.workshop"
    copy.write_bytes(demo_path.read_bytes())  # the same workshop, but not the file the handout is written from
    handout = tmp_path / "group-b.workshop"
    run(capsys, "handout", demo_path, handout, "--outcome", "2", "--label", "Group B")
    retitle(handout, "2.1.1", "Group B's title", handout=True)
    before, copied = demo_path.read_bytes(), copy.read_bytes()
    code, _, err = run(capsys, "merge", demo_path, demo_path)
    assert code == 2 and "is the workshop itself, not a handout" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exit_status:  # argparse's own refusal: the usage, then the line
        main(["merge", str(demo_path), str(handout), "--prefer", "handuot"])
    err = capsys.readouterr().err
    assert exit_status.value.code == 2
    assert "argument --prefer: invalid choice: 'handuot' (choose from 'workshop', 'handout')" in err
    code, _, err = run(capsys, "merge", copy, handout)
    assert code == 2 and "was not handed out from this workshop file" in err
    assert demo_path.read_bytes() == before and copy.read_bytes() == copied


def test_a_part_widened_by_other_means_is_listed_as_a_conflict(demo_path, tmp_path, capsys):
    import json
    import sqlite3

    handout = tmp_path / "group-b.workshop"
    run(capsys, "handout", demo_path, handout, "--outcome", "2", "--label", "Group B")
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        codes = {value: key for key, value in node_codes(document).items()}
    with sqlite3.connect(handout) as conn:
        conn.execute("UPDATE handout SET outcomes = ?", [json.dumps([codes["1"], codes["2"]])])
        conn.execute("UPDATE roadmap_node SET title = 'Not theirs' WHERE id = ?", [codes["1.1.1"]])
    code, out, _ = run(capsys, "merge", demo_path, handout)
    assert code == 1
    assert "the part the workshop handed out (Outcome 2) is followed" in out
    assert "Conflict: Action 1.1.1" in out and "Group B “Not theirs” (kept: the workshop's)" in out
    assert title(demo_path, "1.1.1") != "Not theirs"
