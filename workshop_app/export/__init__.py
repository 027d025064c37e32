"""Writers for the PDF and Excel files that leave the room. Nothing here imports Qt.

`registry.export()` is the one entry point (the command line and the window both use it); it
imports a writer only when it is used. `files` writes every export atomically; `pdf` is the
engine every PDF prints with, `workbook` what every Excel file shares; the writers are grouped
by what they export: `stakeholders`, `agenda`, `roadmap_pdf`, `roadmap_workbook`.
"""

__all__ = [
    "registry",
    "errors",
    "files",
    "dates",
    "pdf",
    "workbook",
    "stakeholders",
    "agenda",
    "roadmap_pdf",
    "roadmap_workbook",
]
