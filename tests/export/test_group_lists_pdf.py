"""Breakout-group lists as the printed pages show them (text read back with pypdf)."""

import shutil
import unicodedata

import pytest
from pypdf import PdfReader

from tests.export.conftest import ARABIC_NAME, DEVANAGARI_NAME, FORMULA_NAME, MARKUP_NAME
from workshop_app.export.agenda.group_lists import NO_GROUPS, NO_MEMBERS, write_group_lists_pdf
from workshop_app.export.errors import ExportError
from workshop_app.export.pdf.fonts import needs_shaping
from workshop_app.export.registry import export
from workshop_app.models.agenda.groups import group_lists, plan_assign, plan_spread_by_category, slot_sessions
from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError

MARKUP_TITLE = "<b>Rule & <i>law"
MARKUP_ROOM = "R&D <lab>"
DAY_2 = "Day 2 · Wednesday 10 March 2027"
# The demo's day 2: a recap (slot 1), four groups (slot 2), a tea break, four groups again (slot 4).
FIRST_GROUPS, SECOND_GROUPS = 1, 3  # as stored (counted from 0)


def day_id(document, number: int) -> str:
    return document.rows("day", order_by="position")[number - 1]["id"]


@pytest.fixture(scope="module")
def groups_path(_demo_master, tmp_path_factory):
    """The demo with day 2's first groups spread by category, three awkward people in the first
    and second group, and a second group whose title and room look like markup; the members of
    day 2's second groups taken out again. Written once; tests must not change it."""
    path = tmp_path_factory.mktemp("groups") / "Nepal demo.workshop"
    shutil.copyfile(_demo_master, path)
    with WorkshopDocument.open(path) as document:
        day = day_id(document, 2)
        document.apply(plan_spread_by_category(document, day, FIRST_GROUPS))
        organization = document.rows("organization", order_by="name")[0]["id"]
        awkward = [document.insert("participant", organization_id=organization, name=name).rows[0].row_id
                   for name in (ARABIC_NAME, MARKUP_NAME, FORMULA_NAME)]
        first, second = slot_sessions(document, day, FIRST_GROUPS)[:2]
        document.apply(plan_assign(document, first["id"], awkward[:2]))
        document.apply(plan_assign(document, second["id"], awkward[2:]))
        document.apply(document.plan_update("session", second["id"], title=MARKUP_TITLE, room=MARKUP_ROOM))
        later = [session["id"] for session in slot_sessions(document, day, SECOND_GROUPS)]
        for link in document.rows("session_person", "role = 'member'"):
            if link["session_id"] in later:
                document.apply(document.plan_delete("session_person", link["id"]))
    return path


@pytest.fixture(scope="module")
def groups_document(groups_path):
    with WorkshopDocument.open(groups_path, readonly=True) as document:
        yield document


@pytest.fixture(scope="module")
def groups_pdf(groups_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "groups.pdf"
    write_group_lists_pdf(groups_document, path)
    return path


def pages_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """The text with line breaks as spaces: titles and organizations wrap."""
    return " ".join(text.split())


def by_group(pages: list[str]) -> list[str]:
    """The text of each group's pages, in print order: a group starts on a page that opens with
    its slot's band ("Breakout groups · ..." on the third line) and runs on to the pages that
    open with its "(continued)" band."""
    groups: list[list[str]] = []
    for text in pages:
        if groups and not text.split("\n")[2].startswith("Breakout groups"):
            groups[-1].append(text)
        else:
            groups.append([text])
    return ["\n".join(texts) for texts in groups]


def test_every_member_is_listed_numbered_under_their_own_group(groups_pdf, groups_document):
    printed = by_group(pages_text(groups_pdf))
    lists = group_lists(groups_document, day_id(groups_document, 2), FIRST_GROUPS)
    assert all(group.members for group in lists)
    everyone = [member.name for group in lists for member in group.members]
    for group, text in zip(lists, printed):
        assert f" of 4 {group.track} {flat(group.title)} Room " in flat(text)
        assert f"Members ({len(group.members)})" in text
        others = set(everyone) - {member.name for member in group.members}
        for number, member in enumerate(group.members, start=1):
            if needs_shaping(member.name):  # shaped text does not read back as typed: see the script test
                continue
            assert f"\n{number}\n{member.name}\n" in text, member.name
            assert flat(text.split(f"\n{member.name}\n", 1)[1]).startswith(member.organization), member.name
        for name in others:
            if name.isascii() and everyone.count(name) == 1:
                assert f"\n{name}\n" not in text, (group.track, name)


def test_one_section_per_parallel_slot_with_the_day_date_and_agenda_times(groups_pdf, groups_document):
    printed = by_group(pages_text(groups_pdf))
    schedule = agenda(groups_document)[1]
    expected = []
    for stored in (FIRST_GROUPS, SECOND_GROUPS):
        items = [item for item in schedule.sessions if item.session["slot"] == stored]
        times = f"{clock(min(item.start for item in items))}–{clock(max(item.end for item in items))}"
        expected += [(times, item.session["track"], position) for position, item in enumerate(items, start=1)]
    assert len(printed) == len(expected) == 8  # only day 2's two slots of four parallel groups
    for text, (times, track, position) in zip(printed, expected):
        assert text.startswith(f"{DAY_2}\n {times}\n")
        assert f"4 in parallel · group {position} of 4\n{track}\n" in text
    assert "09:20–11:00" in printed[0] and "11:20–13:00" in printed[4]
    everything = "\n".join(printed)
    assert "Opening ceremony" not in everything and "Tea break" not in everything


def test_room_facilitator_and_resource_people(groups_pdf):
    first = by_group(pages_text(groups_pdf))[0]
    assert "Room\nAnnapurna Room\nFacilitator\nChamari Wickramasinghe\n" in first
    assert "Speakers\nPrakash Bhandari (DoFE), Trần Văn Minh (IOM)\n" in first


def test_a_slot_without_members_prints_its_groups_as_not_assigned_yet(groups_pdf):
    second_slot = by_group(pages_text(groups_pdf))[4:]
    assert [text.count(NO_MEMBERS) for text in second_slot] == [1, 1, 1, 1]
    assert all("Members\n" in text and "No.\nName" not in text for text in second_slot)


def test_markup_looking_text_prints_literally(groups_pdf):
    everything = "\n".join(pages_text(groups_pdf))
    assert f"Group B\n{MARKUP_TITLE}\n" in everything
    assert f"Room\n{MARKUP_ROOM}\n" in everything
    assert MARKUP_NAME in everything and FORMULA_NAME in everything
    assert "&amp;" not in everything and "AT&T;" not in everything


def test_devanagari_and_arabic_names_print_in_their_fonts(groups_pdf):
    first = by_group(pages_text(groups_pdf))[0]
    words = set(unicodedata.normalize("NFKC", first).split())
    assert set(ARABIC_NAME.split()) <= words  # shaped Arabic reads back in presentation forms
    everything = "\n".join(pages_text(groups_pdf))
    assert DEVANAGARI_NAME.split()[0] in everything
    fonts = {}
    for page in PdfReader(groups_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"].split("+")[-1]] = font
    assert {"NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular", "NotoSansDevanagari-Regular"} <= set(fonts)
    for name, font in fonts.items():
        assert "/FontDescriptor" in font, name  # not one of the 14 standard fonts
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name


def test_page_x_of_y_on_every_page(groups_pdf):
    pages = pages_text(groups_pdf)
    assert all(f"Page {number} of {len(pages)}" in text for number, text in enumerate(pages, start=1))


def test_one_day_and_one_slot(groups_document, tmp_path):
    for day in (2, "2", "2027-03-10", day_id(groups_document, 2)):
        write_group_lists_pdf(groups_document, tmp_path / "day.pdf", day=day)
        assert len(by_group(pages_text(tmp_path / "day.pdf"))) == 8
    write_group_lists_pdf(groups_document, tmp_path / "slot.pdf", day=2, slot=4, paper="Letter")
    printed = by_group(pages_text(tmp_path / "slot.pdf"))
    assert len(printed) == 4 and all(text.startswith(f"{DAY_2}\n 11:20–13:00\n") for text in printed)
    box = PdfReader(tmp_path / "slot.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_day_without_parallel_sessions_says_so(groups_document, tmp_path):
    write_group_lists_pdf(groups_document, tmp_path / "day1.pdf", day=1)
    pages = pages_text(tmp_path / "day1.pdf")
    assert len(pages) == 1 and "Day 1 has no breakout groups" in pages[0]


@pytest.mark.parametrize(("options", "message"), [
    ({"day": 7}, "the workshop has no day 7; it has days 1 to 3"),
    ({"day": "2027-04-01"}, "the workshop has no day 2027-04-01; it has days 1 to 3"),
    ({"day": 2, "slot": 9}, "day 2 has no slot 9; it has slots 1 to 8; groups run in parallel in slots 2, 4"),
    ({"day": 2, "slot": 0}, "day 2 has no slot 0"),
    ({"slot": 2}, "a slot is counted within a day: give the day of slot 2 too"),
])
def test_unknown_day_or_slot_names_the_workshop_file_and_writes_nothing(groups_document, tmp_path, options, message):
    with pytest.raises(ExportError) as caught:
        write_group_lists_pdf(groups_document, tmp_path / "groups.pdf", **options)
    assert isinstance(caught.value, WorkshopError)
    assert str(caught.value).startswith(f"Nepal demo.workshop: {message}")
    assert not any(tmp_path.iterdir())


def test_unwritable_target_leaves_the_earlier_file_and_no_debris(groups_document, tmp_path, monkeypatch):
    from workshop_app.export.pdf.page import WorkshopDocTemplate

    with pytest.raises(ExportError, match=r"^groups\.pdf: the folder .* does not exist"):
        write_group_lists_pdf(groups_document, tmp_path / "gone" / "groups.pdf")
    target = tmp_path / "groups.pdf"
    target.write_bytes(b"the earlier export")
    real_build = WorkshopDocTemplate.build

    def full_disk(self, *args, **kwargs):
        real_build(self, *args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(WorkshopDocTemplate, "build", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write_group_lists_pdf(groups_document, target)
    assert target.read_bytes() == b"the earlier export"
    assert [path.name for path in tmp_path.iterdir()] == ["groups.pdf"]


def test_a_long_group_continues_under_a_band_naming_it(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path) as document:
        day = day_id(document, 2)
        last = slot_sessions(document, day, SECOND_GROUPS)[-1]
        everyone = [row["id"] for row in document.rows("participant")]
        document.apply(plan_assign(document, last["id"], everyone))
        members = group_lists(document, day, SECOND_GROUPS)[-1].members
        write_group_lists_pdf(document, tmp_path / "long.pdf", day=2, slot=4)
    pages = pages_text(tmp_path / "long.pdf")
    assert len(members) > 100 and len(pages) > 4 + 2
    continued = by_group(pages)[-1].split("Group D · Supply Chains")[1:]  # the first page has no band
    assert len(continued) == len(pages) - 4 and all(flat(text).startswith(
        ": drafting outcomes, outputs and actions (continued) Day 2 · Wednesday 10 March 2027 · 11:20–13:00")
        for text in continued)
    assert all("No.\nName\nOrganization" in text for text in continued)  # the column headings repeat
    assert f"\n{len(members)}\n" in by_group(pages)[-1]
    assert all(f"Page {number} of {len(pages)}" in text for number, text in enumerate(pages, start=1))


def test_a_workshop_without_groups_prints_one_page_saying_so(tmp_path):
    with WorkshopDocument.create(tmp_path / "bare.workshop", title="Atelier <pilote> & co", country="MG") as bare:
        write_group_lists_pdf(bare, tmp_path / "bare.pdf")
    pages = pages_text(tmp_path / "bare.pdf")
    assert len(pages) == 1
    assert "Atelier <pilote> & co" in pages[0]
    assert flat(NO_GROUPS) in flat(pages[0])


def test_registry_exports_groups_with_its_options(groups_document, tmp_path):
    out = export(groups_document, tmp_path / "g.pdf", "groups", day=2, slot=2, paper="A4", order=None)
    assert out == tmp_path / "g.pdf" and len(by_group(pages_text(out))) == 4
    with pytest.raises(ExportError, match="--order does not apply to groups .pdf"):
        export(groups_document, tmp_path / "x.pdf", "groups", order="name")
    with pytest.raises(ExportError, match="groups can be exported as .pdf"):
        export(groups_document, tmp_path / "x.xlsx", "groups")
