"""The share package: one zip for the country office with a copy of the workshop, the road map
(PDF and workbook), the agenda, the participant list and a README in the reader's language.

`contents` names what a package may hold and how big it may be; `readme` writes its README;
`writing` builds one from the existing exports (the registry), atomically; `reading` checks a
zip someone sent before a byte of it is written to disk, and `unpacking` extracts a checked
package into the data folder, a sub-folder for each, for the window to open read-only.
"""

__all__ = [
    "contents",
    "readme",
    "writing",
    "reading",
    "unpacking",
]
