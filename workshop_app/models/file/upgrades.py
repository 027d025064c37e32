"""The steps that bring a file written by an older version of the program up to the current
format, in one transaction, after opening.upgrade_with_backup has copied the file aside.

Format 1 → 2 rebuilds every table as STRICT with the range checks of schema.SCHEMA. Format 1
stored whatever was typed: a cost of "45 000 000" or "1,5" as text, a year as "2024a". Each
value is read again the way the window reads a typed value (amounts in the workshop's own
locale); what still cannot be read is cleared, kept word for word in the item's comments or
notes where it has them, and named in the notes the upgrade returns, so nothing vanishes
without a word (the backup holds the old file untouched).
"""

import json
import re
import sqlite3
from collections.abc import Callable

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models import validation
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.file import schema

# A step upgrades a file from format n to n + 1 and returns notes for the user.
Migration = Callable[[sqlite3.Connection], list[str]]


def upgrade(conn: sqlite3.Connection, from_version: int) -> list[str]:
    """Run every step from from_version to the current format in one transaction, or none."""
    to_version = schema.SCHEMA_VERSION
    notes: list[str] = []
    # Both pragmas are ignored inside a transaction. Tables are rebuilt under their own names:
    # references must neither be checked half-way nor be rewritten to the renamed old table.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for version in range(from_version, to_version):
                notes += MIGRATIONS[version](conn) or []
            conn.execute(f"PRAGMA user_version = {to_version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
    return notes


# Values format 1 stored as typed, read again by the window's own rules.
_REREAD = {
    ("workshop", "languages"), ("workshop", "start_date"), ("workshop", "end_date"), ("day", "date"),
    ("day", "start_time"), ("day", "planned_end"), ("session", "fixed_start"),
    ("roadmap_node", "start"), ("roadmap_node", "end"), ("roadmap_node", "cost"),
    ("roadmap_node", "funding_secured"), ("roadmap_node", "currency"), ("roadmap_node", "gender_marker"),
    ("roadmap_node", "issue_tags"), ("roadmap_node", "pillar_tags"), ("roadmap_node", "sdgs"),
    ("indicator", "baseline_year"), ("indicator", "target_year"),
}
# Where a row keeps free text of its own, a value that could not be read is kept there.
_KEEPER = {"roadmap_node": "comments", "participant": "notes", "organization": "notes",
           "stakeholder_assessment": "notes", "version": "note"}
_NAMES = {"roadmap_node": "title", "participant": "name", "organization": "name", "session": "title",
          "indicator": "title", "version": "name", "day": "title"}
_CREATE = re.compile(r"CREATE TABLE (\w+) \(.*?\n\) STRICT;", re.DOTALL)
_INDEX = re.compile(r"CREATE (?:UNIQUE )?INDEX .*?;")


def to_strict_tables(conn: sqlite3.Connection) -> list[str]:
    locale = _number_locale(conn)
    notes: list[str] = []
    later = {table for tables in schema.ADDED_IN.values() for table in tables}
    for match in _CREATE.finditer(schema.SCHEMA):
        table = match.group(1)
        if table in later:
            continue
        conn.execute(f"ALTER TABLE [{table}] RENAME TO [format1_{table}]")
        conn.execute(match.group(0))  # the very text a new file holds, so the two compare equal
        notes += _copy_rows(conn, table, locale)
        conn.execute(f"DROP TABLE [format1_{table}]")
    for statement in _INDEX.findall(schema.SCHEMA):
        if not any(f" ON {table}(" in statement for table in later):
            conn.execute(statement)
    return notes


def with_plan_tables(conn: sqlite3.Connection) -> list[str]:
    """Format 2 → 3: the national action plan's tables, created with the very text a new file
    holds, and the reference figures every new workshop starts with."""
    _create(conn, schema.ADDED_IN[3])
    from workshop_app.models.plan.figures import first_figures

    for row in first_figures(_first_language(conn)):
        conn.execute("INSERT INTO reference_figure (id, position, value, counts, year, source) "
                     "VALUES (:id, :position, :value, :counts, :year, :source)", row)
    return []


def with_handout_tables(conn: sqlite3.Connection) -> list[str]:
    """Format 3 → 4: the tables of breakout handouts and of their merges, empty."""
    _create(conn, schema.ADDED_IN[4])
    return []


def with_issued_handouts(conn: sqlite3.Connection) -> list[str]:
    """Format 4 → 5: the workshop's record of the handouts it writes, empty (a handout written
    before has no record, and its merge is refused with a word on why)."""
    _create(conn, schema.ADDED_IN[5])
    return []


def _create(conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Tables a format added, with their indexes, in the very text a new file holds."""
    for match in _CREATE.finditer(schema.SCHEMA):
        if match.group(1) in tables:
            conn.execute(match.group(0))
    for statement in _INDEX.findall(schema.SCHEMA):
        if any(f" ON {table}(" in statement for table in tables):
            conn.execute(statement)


def _first_language(conn: sqlite3.Connection) -> str:
    return _number_locale(conn).split("_")[0]


def _copy_rows(conn: sqlite3.Connection, table: str, locale: str) -> list[str]:
    columns = {row[1]: row for row in conn.execute(f"PRAGMA table_xinfo([{table}])")}
    old = [row[1] for row in conn.execute(f"PRAGMA table_xinfo([format1_{table}])") if row[1] in columns]
    selected = ", ".join(f"[{name}], typeof([{name}])" for name in old)
    keeper, notes = _KEEPER.get(table), []
    factory, conn.text_factory = conn.text_factory, bytes  # invalid UTF-8 must reach _value, not stop the read
    try:
        rows = conn.execute(f"SELECT {selected} FROM [format1_{table}] ORDER BY rowid").fetchall()
    finally:
        conn.text_factory = factory
    for raw in rows:
        row, kept = {}, []
        for index, name in enumerate(old):
            kind, required, default = columns[name][2:5]
            value, problem = _value(table, name, kind, raw[2 * index], raw[2 * index + 1].decode(), locale)
            if problem is not None:
                value = _fallback(conn, table, name, kind, default) if required else None
                kept.append(_was(name, problem))
            row[name] = value
        kept += _insert(conn, table, row, columns)
        if kept:
            # Translators: {table} and {field} are names of the file's tables and fields ("participant", "notes")
            note = (_("{table} “{name}”: {values}, which is not a valid value; kept in its {field}") if keeper
                    else _("{table} “{name}”: {values}, which is not a valid value"))
            notes.append(note.format(table=table.replace("_", " "), name=_label(table, row), values="; ".join(kept),
                                     field=keeper))
            if keeper:
                text = _("Kept when the file was upgraded to format 2: {values}.").format(values="; ".join(kept))
                row[keeper] = f"{row[keeper]}\n\n{text}".strip() if row.get(keeper) else text
                conn.execute(f"UPDATE [{table}] SET [{keeper}] = ? WHERE rowid = last_insert_rowid()", (row[keeper],))
    return notes


def _insert(conn: sqlite3.Connection, table: str, row: dict, columns: dict) -> list[str]:
    """Insert the row; while a format-2 rule refuses it, clear the value the rule names (a
    session of 5,000 minutes, a start time "x") and say which."""
    statement = f"INSERT INTO [{table}] ({', '.join(f'[{name}]' for name in row)}) VALUES ({', '.join('?' * len(row))})"
    kept: list[str] = []
    for _attempt in range(len(row) + 1):
        try:
            conn.execute(statement, list(row.values()))
            return kept
        except sqlite3.IntegrityError as refusal:
            name = _ruled_column(str(refusal), row, columns)
            if name is None:
                raise
            kind, required, default = columns[name][2:5]
            kept.append(_was(name, str(row[name])[:200]))
            row[name] = _fallback(conn, table, name, kind, default) if required else None
    raise sqlite3.IntegrityError(_("the values of a {table} row cannot be carried over").format(table=table))


def _was(column: str, value: str) -> str:
    # Translators: a field of the file (its name as stored: "start time") and the value it held
    return _("{field} was “{value}”").format(field=column.replace("_", " "), value=value)


def _ruled_column(refusal: str, row: dict, columns: dict) -> str | None:
    """The column a refused CHECK rule is about: the first column its text names (the rules of
    schema.SCHEMA start with their column), still holding a value that can be cleared."""
    if not refusal.startswith("CHECK constraint failed: "):
        return None
    rule = refusal.removeprefix("CHECK constraint failed: ")
    named = [(match.start(), name) for name in row if row[name] is not None and not columns[name][5]
             for match in [re.search(rf"\b{re.escape(name)}\b", rule)] if match]
    return min(named)[1] if named else None


def _value(table: str, column: str, kind: str, value, storage: str, locale: str):
    """(value in format 2, None) or (None, the text that cannot be stored as it is)."""
    if isinstance(value, bytes):
        if storage == "blob" and kind != "TEXT":
            return None, ngettext("binary data of {count} bytes", "binary data of {count} bytes",
                                  len(value)).format(count=len(value))
        value = value.decode("utf-8", "replace")
    if value is None:
        return None, None
    try:
        if (table, column) in _REREAD:
            return validation.normalize(table, column, value, locale), None
        return _CONVERT.get(kind, lambda value, _: value)(value, locale), None
    except (InvalidValueError, ValueError):
        return None, str(value)[:200]


def _text(value, _locale: str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed into a number cell
    return str(value)


def _integer(value, _locale: str) -> int:
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    return value if isinstance(value, int) else int(str(value).strip())


def _real(value, locale: str) -> float:
    return value if isinstance(value, int | float) else validation.amount(value, locale)


_CONVERT = {"TEXT": _text, "INTEGER": _integer, "REAL": _real}


# What a required value with no default becomes when format 1 held something unreadable.
_REQUIRED = {("session", "duration"): 60, ("session", "slot"): 0}


def _fallback(conn: sqlite3.Connection, table: str, column: str, kind: str, default: str | None):
    if default is not None:
        return conn.execute(f"SELECT {default}").fetchone()[0]
    return _REQUIRED.get((table, column), {"INTEGER": 0, "REAL": 0.0}.get(kind, ""))


def _label(table: str, row: dict) -> str:
    name = row.get(_NAMES.get(table, "")) or row.get("id") or ""
    return str(name)[:60]


def _number_locale(conn: sqlite3.Connection) -> str:
    """The workshop's locale as WorkshopDocument.number_locale gives it, read from format 1."""
    try:
        languages, country = conn.execute("SELECT languages, country FROM workshop").fetchone() or ("[]", "")
        languages = json.loads(languages or "[]")
    except (sqlite3.Error, TypeError, ValueError):
        return "en"
    language = languages[0] if isinstance(languages, list) and languages and isinstance(languages[0], str) else "en"
    return f"{language}_{country}" if isinstance(country, str) and country else language


MIGRATIONS: dict[int, Migration] = {1: to_strict_tables, 2: with_plan_tables, 3: with_handout_tables,
                                   4: with_issued_handouts}
