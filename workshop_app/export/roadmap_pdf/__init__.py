"""The road-map PDF: the report the ministry receives, from its cover to its annexes.

`report` writes it; `content` reads one snapshot of the road map; `labels` holds its words;
`page`, `styles` and `table` lay it out, `canvas_text` draws labels on the canvas; `front`,
`plan`, `charts` and `annexes` build the sections.
"""

__all__ = [
    "report",
    "content",
    "labels",
    "page",
    "styles",
    "table",
    "canvas_text",
    "front",
    "plan",
    "charts",
    "annexes",
]
