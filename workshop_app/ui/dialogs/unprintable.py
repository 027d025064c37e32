"""After a PDF export: the items whose letters no font could print, and what to install.

The PDF is written (the letters print as placeholders); the facilitator learns which
participant's name or which action's title will show them, before handing the sheets out.
"""

from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app import APP_NAME
from workshop_app.export.pdf.system_fonts import advice
from workshop_app.export.unprintable import Unprintable
from workshop_app.i18n.catalogs import ngettext

SHOWN = 8  # items listed in the message itself; all of them are in its details


def message_box(file_name: str, unprintable: list[Unprintable], parent: QWidget | None) -> QMessageBox:
    # Translators: after a PDF export; "\ufffd" is the replacement character the PDF shows instead of the letters
    text = ngettext("{file} was written, but {count} item holds letters it prints as \ufffd.",
                    "{file} was written, but {count} items hold letters it prints as \ufffd.",
                    len(unprintable)).format(file=file_name, count=len(unprintable))
    listed = "\n".join(f"• {item.item}, {item.field}: “{item.characters}”" for item in unprintable[:SHOWN])
    if len(unprintable) > SHOWN:
        more = len(unprintable) - SHOWN
        listed += "\n" + ngettext("…and {count} more (see the details).", "…and {count} more (see the details).",
                                   more).format(count=more)
    box = QMessageBox(QMessageBox.Warning, APP_NAME, text, QMessageBox.Ok, parent)
    told = advice()
    box.setInformativeText(f"{listed}\n\n{told[:1].upper()}{told[1:]}.")
    box.setDetailedText("\n".join(item.message(advice()) for item in unprintable))
    box.setObjectName("unprintable")
    return box
