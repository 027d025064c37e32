"""The .workshop file itself: its schema and the steps that upgrade older files, the SQLite
connection and its errors in a user's words, and the checks made before SQLite touches a file.
"""

__all__ = [
    "schema",
    "opening",
    "preflight",
]
