"""What a share package holds, under which names, and how large it may be.

The names are fixed and plain ASCII: zip tools on older Windows systems garble other letters in
names, and a reader checks a package against this list instead of guessing what a file is.
The README, in the reader's language, says what each one is.
"""

from pathlib import Path

PACKAGE_SUFFIX = ".zip"

README = "README.txt"
WORKSHOP = "workshop.workshop"
ROADMAP_PDF = "road-map.pdf"
ROADMAP_WORKBOOK = "road-map.xlsx"
AGENDA_PDF = "agenda.pdf"
PARTICIPANTS = "participants.xlsx"
# In the order the README lists them.
MEMBERS = (WORKSHOP, ROADMAP_PDF, ROADMAP_WORKBOOK, AGENDA_PDF, PARTICIPANTS, README)

# Limits for a package someone sent. A workshop of 2,000 participants and 500 actions, with
# its PDFs, packs into a few megabytes; these leave a hundred times that.
MOST_FILE_BYTES = 256 * 1024 * 1024
MOST_TOTAL_BYTES = 512 * 1024 * 1024
# The README is a page of text (2 KB); one larger is no README this program wrote.
MOST_README_BYTES = 1024 * 1024
MOST_ENTRIES = 32  # the members, and room for a zip tool's extras, which are refused by name
# A file that expands more than this many times is a zip bomb: a workshop file, mostly text,
# packs about 5:1, an empty one about 60:1; PDFs and workbooks are compressed already.
MOST_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024  # smaller files cannot do harm whatever their ratio


def is_package(path: Path | str) -> bool:
    """Whether `path` is named as a share package (whether it is one, reading.inspect says)."""
    return Path(path).suffix.lower() == PACKAGE_SUFFIX
