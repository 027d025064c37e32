"""The catalogs use the domain's terms as docs/terminology.md gives them: a translation of a
message that holds an English term holds that term's form in the language."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("fr", "es", "ar")


def terms() -> list[tuple[str, dict[str, re.Pattern]]]:
    """(English term, {language: pattern}) for each row of the table."""
    found = []
    for line in (ROOT / "docs" / "terminology.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) != 5 or cells[0] in ("English", "---") or set(cells[0]) <= {"-"}:
            continue
        patterns = re.findall(r"`([^`]+)`", cells[4])
        if len(patterns) != 3:
            continue
        english = re.sub(r"\s*\(.*\)", "", cells[0])
        found.append((english, {language: re.compile(pattern.replace("\\|", "|"), re.IGNORECASE)
                                for language, pattern in zip(LANGUAGES, patterns)}))
    return found


def test_the_table_has_the_terms_the_issue_names():
    english = {term for term, _ in terms()}
    for term in ("pathfinder country", "road map", "forced labour", "child labour", "trafficking in persons",
                 "modern slavery", "Action Group", "tripartite", "employers' organization", "workers' organization"):
        assert term in english, term


# A citation keeps the title its publisher gave it ("335th Session", "2030 Agenda").
CITATION = re.compile(r"^Source:")
# The program's name, its command and its files' suffix are names, not the word "workshop".
PROGRAM_NAMES = re.compile(r"Pathfinder Workshop|workshop-app|\.workshop\b|\*\.workshop")
# A command-line option and its value are typed as they are ("--prefer workshop"), in any language.
OPTIONS = re.compile(r"--[a-z][a-z-]*(?:[ =][a-z][a-z-]*)?")
# Words the domain shares with plain English where they mean something else.
PLAIN_SENSE = {("output", "machine-readable output")}


def _source_words(source: str, english: str, longer: list[str]) -> str:
    """The message without its placeholders ({sessions} is a number, not the word) and without
    longer terms that contain this one ("Action Group" is not an action)."""
    text = re.sub(r"\{[^{}]*\}|%\([a-z_]+\)[sdif]", " ", source)
    text = PROGRAM_NAMES.sub(" ", text)
    text = OPTIONS.sub(" ", text)
    for term in longer:
        text = re.sub(rf"\b{re.escape(term)}s?\b", " ", text, flags=re.IGNORECASE)
    return text


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_use_the_terms(language):
    with open(ROOT / "resources" / "locale" / language / "LC_MESSAGES" / "workshop.po", "rb") as file:
        catalog = read_po(file, locale=language)
    wrong = []
    table = terms()
    for english, patterns in table:
        word = re.compile(rf"\b{re.escape(english)}s?\b", re.IGNORECASE)
        longer = [other for other, _ in table if other != english and word.search(other)]
        for message in catalog:
            source = message.id[0] if isinstance(message.id, tuple) else message.id
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not source or CITATION.search(source) or (english, source) in PLAIN_SENSE:
                continue
            if word.search(_source_words(source, english, longer)) and all(strings) and not message.fuzzy:
                # A menu's "&" marks its key letter; it is not part of the word.
                if not all(patterns[language].search(string.replace("&", "")) for string in strings):
                    wrong.append(f"{english!r} in {source!r}: {strings[0]!r}")
    assert not wrong, f"{len(wrong)} translation(s) miss the term's form, e.g. {wrong[:3]}"
