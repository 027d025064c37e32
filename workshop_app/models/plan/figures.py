"""Reference figures: the numbers the plan's context cites ("50 million people in modern
slavery"), each with what it counts, its year and its source.

They belong to the facilitator, who edits them on the Overview page and brings them up to date.
A new workshop (and a file upgraded to format 3) starts with the latest global estimates the
program knows, in the workshop's first working language."""

import uuid

from workshop_app.i18n.catalogs import N_, _, translator
from workshop_app.i18n.formats import LOCALES
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.rows import id_filter, next_position

_SLAVERY_2021 = N_("ILO, Walk Free and IOM, Global Estimates of Modern Slavery: Forced Labour and Forced "
                   "Marriage (Geneva, 2022)")
_CHILD_LABOUR_2020 = N_("ILO and UNICEF, Child Labour: Global Estimates 2020, Trends and the Road Forward "
                        "(New York, 2021)")
_CHILD_LABOUR_2024 = N_("ILO and UNICEF, Child Labour: Global Estimates 2024, Trends and the Road Forward "
                        "(New York, 2025)")

# (value, what it counts, year, source)
LATEST_ESTIMATES = (
    (50_000_000, N_("people living in modern slavery on any given day: in forced labour or in a forced marriage"),
     2021, _SLAVERY_2021),
    (27_600_000, N_("people in forced labour"), 2021, _SLAVERY_2021),
    (22_000_000, N_("people living in a forced marriage"), 2021, _SLAVERY_2021),
    (160_000_000, N_("children in child labour at the start of 2020"), 2020, _CHILD_LABOUR_2020),
    (79_000_000, N_("children in hazardous work that directly endangers their health, safety and moral "
                    "development"), 2020, _CHILD_LABOUR_2020),
    (138_000_000, N_("children in child labour"), 2024, _CHILD_LABOUR_2024),
)

def first_figures(language: str | None) -> list[dict]:
    """The rows a new workshop starts with, in `language` (English for one without a catalog)."""
    words = translator(language)
    return [{"id": str(uuid.uuid4()), "position": position, "value": float(value), "counts": words.gettext(counts),
             "year": year, "source": words.gettext(source)}
            for position, (value, counts, year, source) in enumerate(LATEST_ESTIMATES)]


def reference_figures(document, ids: list[str] | None = None) -> list[dict]:
    """The workshop's reference figures in their order (only those of `ids` when given)."""
    where, params = id_filter("id", ids)
    return document.rows("reference_figure", where, params, order_by="position, rowid")


def plan_add_figure(document):
    """The undoable step that adds a figure at the end, to be filled in."""
    position = next_position(reference_figures(document))
    words = translator(document.working_languages()[0] if document.working_languages() else None)
    # Translators: what a new reference figure counts until the facilitator says
    return document.plan_insert("reference_figure", None, position=position, value=0,
                                counts=words.gettext("what the figure counts"))


def plan_latest_estimates(document):
    """The undoable step that adds the latest estimates the program knows that the workshop does
    not cite yet (same value and year), after its own figures."""
    figures = reference_figures(document)
    cited = {(row["value"], row["year"]) for row in figures}
    position = next_position(figures)
    languages = document.working_languages()
    rows = []
    for row in first_figures(languages[0] if languages else None):
        if (row["value"], row["year"]) not in cited:
            rows.append(RowChange("reference_figure", row["id"], None, {**row, "position": position}))
            position += 1
    # Translators: an undo step: the program's latest global estimates added to the reference figures
    return Change(_("Add the latest estimates"), tuple(rows))


def figure_text(value: float, language: str | None = None) -> str:
    """A figure as a reader of `language` says it: "27.6 million", "27,6 millions", "27.6 مليون";
    under a million, the number itself ("12,500")."""
    from babel.numbers import format_compact_decimal, format_decimal  # CLDR loads only for an export

    locale = LOCALES.get(language or "", "en")
    if value >= 1_000_000:
        return format_compact_decimal(value, format_type="long", fraction_digits=1, locale=locale)
    whole = float(value).is_integer()
    return format_decimal(value, format="#,##0" if whole else "#,##0.##", locale=locale)
