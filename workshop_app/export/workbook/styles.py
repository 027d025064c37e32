"""The look every workbook shares, so that the participant list, the agenda and the road map
read as one family: Calibri 11, headers bold on a grey band with a thin rule under them,
muted grey notes, rows one line (15 points) per line of wrapped text, and the same print setup.

The participant list and the agenda stream their rows with openpyxl's write-only mode and use
the style objects and cells below; the road-map workbook writes its rows as XML and takes the
colours and sizes.

A sheet in a right-to-left language (reading_from_the_right) opens with its first column on the
right and its text flush right: Excel and LibreOffice align Latin text left under "General" even
on such a sheet, where a long title then runs off the sheet's right-hand edge.
"""

from copy import copy

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from workshop_app.export.words import Words
from workshop_app.export.workbook.text import looks_like_formula, xlsx_text
from workshop_app.models.geography import paper_of

FONT = "Calibri"
LINE_HEIGHT = 15  # points per line of Calibri 11, Excel's default
HEADER_HEIGHT = 2 * LINE_HEIGHT  # a header wraps onto two lines at most
RULE_COLOR = "9AA5B1"
HEADER_COLOR = "DDE3EA"
MUTED_COLOR = "52606D"

THIN = Side(style="thin", color=RULE_COLOR)
RULE_ABOVE = Border(top=THIN)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOR)
HEADER_BORDER = Border(bottom=THIN)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
NUMBER_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="right")
CENTER_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
TOP = Alignment(vertical="top")
WRAP = Alignment(wrap_text=True, vertical="top")
FLUSH_RIGHT = Alignment(horizontal="right")


def reading_from_the_right(sheet) -> None:
    """A sheet of a right-to-left language: column A on the right, and the footer's page number
    at its end, on the left. Set before the sheet's cells are made (on_sheet reads it)."""
    sheet.sheet_view.rightToLeft = True
    footer = sheet.oddFooter
    footer.left.text, footer.right.text = footer.right.text, footer.left.text


def on_sheet(sheet, alignment: Alignment | None) -> Alignment | None:
    """The alignment a cell of `sheet` gets: on a right-to-left sheet, what would start on the
    left (General, left) is flush right; centred and right-aligned cells stay as they are."""
    if not sheet.sheet_view.rightToLeft:
        return alignment
    if alignment is None:
        return FLUSH_RIGHT
    if alignment.horizontal in (None, "general", "left"):
        alignment = copy(alignment)
        alignment.horizontal = "right"
    return alignment


def text_cell(sheet, value, alignment: Alignment | None = None, *, font: Font | None = None) -> WriteOnlyCell:
    """A cell for a value from the document: text that could start a formula is typed as text
    (data type "s", and quotePrefix so that Excel keeps it text when someone edits the cell)."""
    if isinstance(value, str):
        value = xlsx_text(value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str) and looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    alignment = on_sheet(sheet, alignment)
    if alignment is not None:
        cell.alignment = alignment
    if font is not None:
        cell.font = font
    return cell


def header_cell(sheet, title: str, alignment: Alignment = HEADER_ALIGNMENT) -> WriteOnlyCell:
    cell = text_cell(sheet, title, alignment)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.border = HEADER_BORDER
    return cell


class Look:
    """One cell format, resolved once and stamped on many cells.

    Assigning a style object to each of 25,000 cells costs most of an export: openpyxl hashes
    the Alignment every time to find it in the workbook's table. Here it is looked up once, on a
    template cell, and each cell gets a copy of the resulting index array (the way openpyxl
    itself copies styles between cells)."""

    def __init__(self, sheet, alignment: Alignment, *, font: Font | None = None, border: Border | None = None):
        self.sheet = sheet
        template = WriteOnlyCell(sheet, None)
        template.alignment = on_sheet(sheet, alignment)
        if font is not None:
            template.font = font
        if border is not None:
            template.border = border
        self._style = template._style

    def cell(self, value, *, number_format: str | None = None) -> WriteOnlyCell:
        if isinstance(value, str):
            value = xlsx_text(value) or None  # an empty field is an empty cell, not ""
        cell = WriteOnlyCell(self.sheet, value)
        cell._style = copy(self._style)
        if number_format and value is not None:
            cell.number_format = number_format
        if isinstance(value, str) and looks_like_formula(value):
            # Typed as text, and quotePrefix so that Excel keeps it text when the cell is edited.
            cell.data_type = "s"
            cell.quotePrefix = True
        return cell


def print_setup(sheet, title: str, *, landscape: bool = True, fit_width: int = 1, country: str = "") -> None:
    """Fit to `fit_width` pages across and as many down as needed, with `title` as the running
    header and the sheet's name and "Page x of y" in the footer; on the paper the workshop's
    country prints on (Letter in the Americas that use it, else A4)."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_LETTER if paper_of(country) == "Letter" else Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = fit_width
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    # In header and footer text "&" starts a code (&P, &N): a title's own "&" is doubled.
    sheet.oddHeader.center.text = xlsx_text(title).replace("&", "&&")[:200]
    sheet.oddFooter.left.text = sheet.title
    sheet.oddFooter.right.text = "Page &P of &N"


def page_setup(sheet, workshop: dict, _: Words, *, landscape: bool) -> None:
    """print_setup for a sheet of the workshop, with "Page x of y" in the export's language;
    a sheet in a right-to-left language reads from the right."""
    print_setup(sheet, workshop["title"], landscape=landscape, country=workshop["country"])
    sheet.oddFooter.right.text = _("Page {page} of {pages}", page="&P", pages="&N")
    if _.right_to_left:
        reading_from_the_right(sheet)
