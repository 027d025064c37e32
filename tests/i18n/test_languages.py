"""Choosing a language, and the pseudo-language developers and tests use."""

from workshop_app.i18n import catalogs
from workshop_app.i18n.languages import LANGUAGES, PSEUDO, code_of, first_spoken, is_right_to_left, supported
from workshop_app.i18n.pseudo import pseudo


def test_locale_names_become_language_codes():
    assert code_of("fr_FR.UTF-8") == "fr" and code_of("es-419") == "es" and code_of("AR") == "ar"
    assert code_of("de_DE") == "" and code_of(None) == "" and supported("de") == "en"
    assert set(LANGUAGES) == {"en", "fr", "es", "ar"}


def test_the_first_working_language_the_program_speaks_wins():
    assert first_spoken(["ne", "es", "fr"]) == "es"
    assert first_spoken(["ne", PSEUDO]) == "en"  # the pseudo-language is never chosen for a user
    assert first_spoken([]) == "en"


def test_arabic_reads_right_to_left():
    assert is_right_to_left("ar") and not is_right_to_left("fr")
    assert catalogs.translator("ar_MA").right_to_left


def test_the_pseudo_language_is_longer_accented_and_keeps_placeholders():
    text = pseudo("Exported: {name} ({count:,} rows), %(total)d in all")
    assert text.startswith("[Éxpörtéd: {name} ({count:,} röws), %(total)d")
    assert len(text) >= 1.4 * len("Exported: {name} ({count:,} rows), %(total)d in all") - 10
    assert catalogs.translator(PSEUDO).ngettext("one row", "{count} rows", 3) == pseudo("{count} rows")


def test_each_language_has_its_own_translator_and_the_window_one_current():
    try:
        catalogs.use("qps")
        assert catalogs._("Save") == pseudo("Save")
        assert catalogs.translator("en").gettext("Save") == "Save"  # an export in English meanwhile
    finally:
        catalogs.use("en")
    assert catalogs._("Save") == "Save"


def test_percentages_as_the_window_s_language_writes_them():
    from workshop_app.i18n.formats import percent

    assert percent(0.41, "en") == "41%" and percent(0.41, "fr") == "41\u00a0%" and percent(None) == "–"
    try:
        catalogs.use("es")
        assert percent(0.5) == "50\u00a0%"
    finally:
        catalogs.use("en")


def test_dates_in_the_window_are_written_as_its_language_writes_them():
    from workshop_app.i18n.formats import short_date

    assert short_date("2027-03-09", "en") == "9 Mar 2027" and short_date("2027-03-09", "fr") == "9 mars 2027"
    assert short_date("2027-03-09", "ar") == "9 مارس 2027" and short_date("", "fr") == ""
    assert short_date("2027-Q2", "es") == "2027-Q2"  # not a date: as it is


def test_quarters_are_written_as_the_window_s_language_writes_them():
    from workshop_app.i18n.formats import period

    assert period("2027-Q2") == "Q2 2027" and period("2027-03-09") == "9 Mar 2027" and period(None) == ""
    try:
        catalogs.use("fr")
        assert period("2027-Q2") == "T2 2027"
    finally:
        catalogs.use("en")
