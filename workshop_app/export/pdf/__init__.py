"""The PDF engine every workshop report prints with: sign-in sheets, agenda, group lists, road map.

- fonts:  the bundled Noto faces, registered when first needed; user text cut into runs by
          script, with a font of the computer (system_fonts) or a placeholder for letters no
          bundled font has, noted for the export's warning.
- system_fonts: the TrueType fonts of the computer (fontconfig; Windows' and macOS's own).
- direction: the bidirectional algorithm's levels of a paragraph, the visual order of a line.
- shaped: ShapedParagraph, the layout of any text NotoSans cannot print alone: per-script
          fonts, HarfBuzz shaping, right-to-left order, /ActualText on every word.
- text:   user text into escaped paragraphs and table cells: reportlab's Paragraph for plain
          text, ShapedParagraph for the rest. Nothing else builds Paragraph markup from user text.
- outlines: a word drawn as filled glyph outlines (the DRAFT watermark), never extracted as text.
- lines:  lines that mix labels of ours (bold or muted) with user text, through text; the
          limit put on a pasted field.
- sides:  which side a document starts on (the right in Arabic): mirrored styles, tables with
          their columns in reading order, positions on the canvas.
- styles: the shared paragraph styles and colours, for either direction.
- page:   WorkshopDocTemplate (A4 or Letter, portrait or landscape, running header with the
          workshop title and a SectionMark-driven section, a footer naming the workshop beside
          "Page x of y", or "Day 2 · page 1 of 3" for a page group).
- tables: the ruled table look and PagedTable, a long table laid out one page at a time, and
          its blank lines that fill the last page (FillRows).

A report writes through export.files.written_atomically, so a failure leaves no half file.
"""

__all__ = [
    "fonts",
    "system_fonts",
    "direction",
    "shaped",
    "outlines",
    "text",
    "lines",
    "sides",
    "styles",
    "page",
    "tables",
]
