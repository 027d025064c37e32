"""The .workshop file itself: its schema, the steps that upgrade older files, the SQLite
connection and its errors in a user's words, the checks made before SQLite touches a file
(a journal left by another file among them), the comparison of a file's schema with the
one this program writes, reading a file another window holds (`access`), and preparing a copy
that leaves the computer (`privacy`).
"""

__all__ = [
    "schema",
    "upgrades",
    "opening",
    "preflight",
    "journal",
    "conformance",
    "access",
    "privacy",
]
