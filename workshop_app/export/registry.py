"""Which exports exist, by what is exported and the file type: one entry point for the command
line and the window. Writers are imported only when used (reportlab and openpyxl are heavy)."""

from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.export.errors import ExportError
from workshop_app.i18n.catalogs import _
from workshop_app.models.document import WorkshopDocument

if TYPE_CHECKING:
    from workshop_app.export.unprintable import Unprintable

# what -> file suffix -> (module, function).
EXPORTS = {
    "participants": {
        ".xlsx": ("workshop_app.export.stakeholders.participants_workbook", "write_participants_xlsx"),
        ".csv": ("workshop_app.export.stakeholders.participants_csv", "write_participants_csv"),
    },
    "sign-in": {
        ".pdf": ("workshop_app.export.stakeholders.signin_sheet", "write_signin_pdf"),
    },
    "agenda": {
        ".pdf": ("workshop_app.export.agenda.pdf", "write_agenda_pdf"),
        ".xlsx": ("workshop_app.export.agenda.workbook", "write_agenda_xlsx"),
    },
    "facilitator-agenda": {
        ".pdf": ("workshop_app.export.agenda.pdf", "write_facilitator_agenda_pdf"),
    },
    "groups": {
        ".pdf": ("workshop_app.export.agenda.group_lists", "write_group_lists_pdf"),
    },
    "roadmap": {
        ".pdf": ("workshop_app.export.roadmap_pdf.report", "write_roadmap_pdf"),
        ".xlsx": ("workshop_app.export.roadmap_workbook.writer", "write_roadmap_xlsx"),
    },
}
# The road-map report's sections in the order they print (roadmap_pdf.report builds them), named
# here too so that the command line's help lists them without loading the PDF engine.
ROADMAP_SECTIONS = ("endorsement", "foreword", "acronyms", "summary", "definitions", "context", "global", "framework",
                    "roadmap", "timeline", "arrangements", "monitoring", "risks", "budget", "crosscutting",
                    "responsibilities", "workshop", "acknowledgements", "participants", "agenda", "comments")
# Names earlier versions accepted, kept so that scripts written for them still run: what they
# meant, and the one file type they named.
ALIASES = {"matrix": ("roadmap", ".xlsx")}
# Options each writer understands; others are refused rather than silently ignored.
OPTIONS = {
    "write_participants_xlsx": {"lang", "include_contacts"},
    "write_participants_csv": {"lang"},
    "write_signin_pdf": {"day", "order", "paper", "include_contacts", "lang"},
    "write_agenda_pdf": {"paper", "lang"},
    "write_agenda_xlsx": {"lang"},
    "write_facilitator_agenda_pdf": {"paper", "lang"},
    "write_group_lists_pdf": {"day", "slot", "paper", "lang"},
    "write_roadmap_pdf": {"version", "paper", "lang", "include_contacts", "sections", "logo"},
    "write_roadmap_xlsx": {"version", "lang"},
}
# Options whose command-line flag is not their name.
FLAGS = {"include_contacts": "with-contacts"}


def export(document: WorkshopDocument, out: Path | str, what: str, **options) -> Path:
    """Write `what` to `out`, in the format its suffix names. Raises ExportError, and leaves any
    existing `out` as it was, when the combination is unknown or writing fails."""
    return export_checked(document, out, what, **options)[0]


def export_checked(document: WorkshopDocument, out: Path | str, what: str,
                   **options) -> "tuple[Path, list[Unprintable]]":
    """export(), and the items whose letters no font could print (printed as placeholders):
    the file is written all the same, and the caller tells the user."""
    out = Path(out)
    if what in ALIASES:
        alias, (what, only) = what, ALIASES[what]
        if out.suffix.lower() != only:
            raise ExportError(out, _suffix_refusal(alias, [only], out.suffix.lower()))
    if out.exists() and document.path.exists() and out.resolve() == document.path.resolve():
        raise ExportError(out, _("is the workshop file itself; choose another name for the export"))
    formats = EXPORTS.get(what)
    if formats is None:
        raise ExportError(out, _("cannot export '{what}'; choose one of: {choices}").format(
            what=what, choices=", ".join(EXPORTS)))
    suffix = out.suffix.lower()
    if suffix not in formats:
        raise ExportError(out, _suffix_refusal(what, list(formats), suffix))
    module_name, function_name = formats[suffix]
    given = {key: value for key, value in options.items() if value is not None}
    unknown = set(given) - OPTIONS.get(function_name, set())
    if unknown:
        option = sorted(unknown)[0]
        raise ExportError(out, _("--{option} does not apply to {what} {suffix}").format(
            option=FLAGS.get(option, option), what=what, suffix=suffix))
    module = __import__(module_name, fromlist=[function_name])
    if suffix != ".pdf":
        getattr(module, function_name)(document, out, **given)
        return out, []
    from workshop_app.export.pdf.fonts import collecting_missing
    from workshop_app.export.unprintable import find_unprintable

    with collecting_missing() as missing:
        getattr(module, function_name)(document, out, **given)
    return out, find_unprintable(document, missing)


def _suffix_refusal(what: str, suffixes: list[str], suffix: str) -> str:
    suffix = suffix or _("no suffix")
    if len(suffixes) == 1:
        return _("{what} can be exported as {first}, not '{suffix}'").format(what=what, first=suffixes[0],
                                                                             suffix=suffix)
    return _("{what} can be exported as {first} or {second}, not '{suffix}'").format(
        what=what, first=", ".join(suffixes[:-1]), second=suffixes[-1], suffix=suffix)
