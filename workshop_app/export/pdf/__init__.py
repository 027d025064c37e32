"""The PDF engine every workshop report prints with: sign-in sheets, agenda, group lists, road map.

- fonts:  the bundled Noto faces, registered once; user text cut into runs by script.
- text:   user text into escaped, per-script, shaped-when-needed paragraphs and table cells.
          Nothing else builds Paragraph markup from user text.
- lines:  lines that mix labels of ours (bold or muted) with user text, through text; the
          limit put on a pasted field.
- styles: the shared paragraph styles and colours.
- page:   WorkshopDocTemplate (A4 or Letter, portrait or landscape, running header with the
          workshop title and a SectionMark-driven section, a footer naming the workshop beside
          "Page x of y", or "Day 2 · page 1 of 3" for a page group).
- tables: the ruled table look and PagedTable, a long table laid out one page at a time, and
          its blank lines that fill the last page (FillRows).

A report writes through export.files.written_atomically, so a failure leaves no half file.
"""

__all__ = [
    "fonts",
    "text",
    "lines",
    "styles",
    "page",
    "tables",
]
