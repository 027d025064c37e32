"""The participant list as CSV, for any program that reads it.

UTF-8 with a byte-order mark: without it Excel on Windows reads the file as the local code page
and turns सीता श्रेष्ठ or Nguyễn Thị Lan into mojibake. Columns are those of the "Participants"
sheet of the workbook, headers and labels in the export's language. Cells that could start a
formula get a leading apostrophe (see workbook.text.csv_text for why that, and what it costs).
"""

import csv
from pathlib import Path

from workshop_app.export.files import written_atomically
from workshop_app.export.stakeholders.participant_list import ParticipantList
from workshop_app.export.words import Words, export_language
from workshop_app.export.workbook.text import csv_text
from workshop_app.models.document import WorkshopDocument


def write_participants_csv(document: WorkshopDocument, path: Path | str, *, lang: str | None = None) -> None:
    """Write the participant list to `path` (replaced only when complete), in the language
    `lang` (the workshop's first working language by default).

    Raises ExportError when the folder is missing or not writable."""
    words = Words(export_language(document, lang))
    participants = ParticipantList(document, words)
    # French and Spanish Excel split a CSV at semicolons (their decimal mark is the comma); the
    # import reads either.
    delimiter = ";" if words.language in ("fr", "es") else ","
    with written_atomically(path) as temporary:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)  # Excel's dialect otherwise: CRLF, quotes
            writer.writerow(participants.headers())
            for number, entry in enumerate(participants.participants, start=1):
                writer.writerow([value if isinstance(value, int) else csv_text(value)
                                 for value in participants.values(number, entry)])
