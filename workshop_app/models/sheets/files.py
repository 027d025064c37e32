"""What kind of file a spreadsheet is, and opening an .xlsx workbook safely.

Both imports (a participant list, an edited road-map workbook) look at the first bytes before
any parser does, so that a PDF, an old .xls, a database or a Word document gets a sentence
that says what it is and what to do, and a parser failure on a damaged file is one
SpreadsheetError naming the file, never a traceback.
"""

import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import SpreadsheetError, WorkshopError

__all__ = ["SpreadsheetError", "file_kind", "read_workbook"]

Read = TypeVar("Read")


def file_kind(path: Path) -> str:
    """The kind of spreadsheet at path, "xlsx" or "text"; SpreadsheetError for any other file."""
    try:
        if path.exists() and not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):
            raise SpreadsheetError(path, _("is not a regular file (a pipe, a device or a socket); choose the .xlsx "
                                           "or .csv file"))
    except OSError as error:
        raise SpreadsheetError(path, _("cannot be read ({reason})").format(reason=error.strerror or error)) from None
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        raise SpreadsheetError(path, _("no such file")) from None
    except IsADirectoryError:
        raise SpreadsheetError(path, _("is a folder, not a spreadsheet")) from None
    except OSError as error:
        raise SpreadsheetError(path, _("cannot be read ({reason})").format(reason=error.strerror or error)) from None
    if not head:
        raise SpreadsheetError(path, _("is empty"))
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"PK\x05\x06"):
        raise SpreadsheetError(path, _("is an empty zip archive, not a spreadsheet"))
    if head.startswith(b"SQLite format 3\x00"):
        raise SpreadsheetError(path, _("is a database (perhaps a .workshop file), not a spreadsheet"))
    if head.startswith(b"%PDF"):
        raise SpreadsheetError(path, _("is a PDF document, not a spreadsheet; ask for the list as .xlsx or .csv"))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(path, _("is an old Excel 97-2003 (.xls) file or another Office document; open it in "
                                       "Excel or LibreOffice and save it as .xlsx"))
    return "text"


def read_workbook(path: Path, read: Callable[..., Read]) -> Read:
    """read(workbook) on the .xlsx at path, opened with the fast read-only reader of sheets.xlsx.
    Any failure of the parser on a user's file becomes a SpreadsheetError."""
    from workshop_app.models.sheets.xlsx import ReadOnlyWorkbook  # openpyxl: only an import needs it

    try:
        with open(path, "rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", unsupported extensions: harmless here
            _check_is_workbook(path, handle)
            workbook = ReadOnlyWorkbook(handle, path)
            try:
                return read(workbook)
            finally:
                workbook.close()
    except WorkshopError:
        raise
    except Exception as error:  # any parser failure on a user's file is a damaged file, not a crash
        raise SpreadsheetError(path, _("cannot be read: the workbook is damaged or incomplete ({reason})").format(
            reason=f"{type(error).__name__}: {error}")) from None


def _check_is_workbook(path: Path, handle) -> None:
    try:
        names = set(zipfile.ZipFile(handle).namelist())
    except zipfile.BadZipFile:
        raise SpreadsheetError(path, _("cannot be read: the workbook is damaged or incomplete (it was perhaps not "
                                       "fully copied)")) from None
    finally:
        handle.seek(0)
    if "xl/workbook.xml" in names or any(name.endswith("/workbook.xml") for name in names):
        return
    if "content.xml" in names and "mimetype" in names:
        raise SpreadsheetError(path, _("is an OpenDocument file; open it in LibreOffice and save it as .xlsx"))
    if "word/document.xml" in names:
        raise SpreadsheetError(path, _("is a Word document, not a spreadsheet"))
    raise SpreadsheetError(path, _("is a zip archive but not an Excel workbook"))
