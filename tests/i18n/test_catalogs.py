"""The catalogs stay complete and true to the code: every marked message is in the template,
every language's catalog has it (for the languages finished), no translation drops or invents a
placeholder, and the compiled .mo files say what their .po files say."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("fr", "es", "ar")
# Catalogs whose every message is translated; a language joins when its translation is done.
COMPLETE = ("fr", "es", "ar")
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "n": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdif]|%[sdif]")


def _hashable(value):
    return tuple(value) if isinstance(value, list | tuple) else value


def catalog(language: str):
    with open(LOCALE / language / "LC_MESSAGES" / "workshop.po", "rb") as file:
        return read_po(file, locale=language)


def template():
    with open(LOCALE / "workshop.pot", "rb") as file:
        return read_po(file)


def test_the_template_holds_every_message_the_code_marks():
    marked = set()
    for _path, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "workshop_app"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        marked.add((context, message if isinstance(message, str) else message[0]))
    listed = {(message.context, message.id if isinstance(message.id, str) else message.id[0])
              for message in template() if message.id}
    missing = sorted(str(item) for item in marked - listed)
    assert not missing, f"run `make catalogs`: {len(missing)} message(s) not in the template, e.g. {missing[:3]}"
    gone = sorted(str(item) for item in listed - marked)
    assert not gone, f"run `make catalogs`: the template lists {len(gone)} message(s) the code no longer has"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_template_is_in_each_catalog(language):
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in template() if message.id}
    listed = {message.id if isinstance(message.id, str) else message.id[0]
              for message in catalog(language) if message.id}
    assert ids <= listed, f"run `make catalogs`: {language} lacks {sorted(ids - listed)[:3]}"


@pytest.mark.parametrize("language", COMPLETE)
def test_a_finished_catalog_translates_every_message(language):
    untranslated = [message.id for message in catalog(language)
                    if message.id and (message.fuzzy or not all(message.string if isinstance(message.string, tuple)
                                                                 else (message.string,)))]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    for message in catalog(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(sources[-1]))
        for string in strings:
            if string:
                found = sorted(PLACEHOLDER.findall(string))
                # A plural form may leave the number out ("un seul participant"), never add one.
                assert set(found) <= set(expected) and (len(strings) > 1 or found == expected), \
                    (language, message.id, string)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_matches_its_source(language):
    source = catalog(language)
    compiled = BytesIO()
    write_mo(compiled, source)
    with open(LOCALE / language / "LC_MESSAGES" / "workshop.mo", "rb") as file:
        shipped = read_mo(file)
    compiled.seek(0)
    expected = read_mo(compiled)
    def entries(catalog):
        return {(m.context, _hashable(m.id), _hashable(m.string)) for m in catalog if m.id}

    assert entries(shipped) == entries(expected), \
        f"run `make catalogs`: {language}'s .mo is older than its .po"
