"""Is the file's schema the one this program writes? A file received by e-mail can carry
triggers and views that run on our writes (a trigger that empties the road map when a
participant is added), or tables missing columns the program relies on.

Nothing in a file is executed before it passes: opening refuses a file with a trigger or a view
(the program writes none) before any write. (`trusted_schema = OFF` cannot be used: this SQLite
does not count json_valid() as innocuous, and the file's own CHECK constraints would fail.)
The expected schema is the one create_schema() writes, built once in memory and compared by
tables, columns (name, type, required, default, key), indexes, STRICT typing and, last, the
text of each table's definition, which holds its CHECK rules (a file whose schema text was
edited in place keeps its columns but may accept what the program relies on never seeing).
"""

import sqlite3
from functools import cache
from pathlib import Path

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file import schema

_OWN_PREFIX = "sqlite_"  # SQLite's own objects (sqlite_sequence, sqlite_stat1, automatic indexes)


# Translators: a trigger or a view found in a file (SQLite's words): "trigger empty_road_map"
_FOREIGN_KINDS = {"trigger": N_("trigger {name}"), "view": N_("view {name}")}


def foreign_objects(conn: sqlite3.Connection) -> list[str]:
    """Triggers and views, as "trigger NAME": the program writes none, so each came from elsewhere."""
    return [_(_FOREIGN_KINDS[kind]).format(name=" ".join(str(name).split())[:80]) for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name")]


def refuse_foreign_objects(path: Path, conn: sqlite3.Connection) -> None:
    """WorkshopFileError for a file carrying a trigger or a view; run before any write."""
    foreign = foreign_objects(conn)
    if foreign:
        raise WorkshopFileError(path, _("the file carries {objects}, which this program never writes; it is "
                                        "refused so that nothing in it runs").format(objects=", ".join(foreign)))


def refuse_other_schema(path: Path, conn: sqlite3.Connection) -> None:
    """WorkshopFileError naming the first way the file's schema differs from ours."""
    differences = schema_differences(conn)
    if differences:
        if len(differences) > 1:
            more = len(differences) - 1
            problem = ngettext("the file's structure is not the one this program writes: {difference} (and {count} "
                               "more; run workshop-app check)",
                               "the file's structure is not the one this program writes: {difference} (and {count} "
                               "more; run workshop-app check)", more).format(difference=differences[0], count=more)
        else:
            problem = _("the file's structure is not the one this program writes: {difference}").format(
                difference=differences[0])
        raise WorkshopFileError(path, problem)


def schema_differences(conn: sqlite3.Connection) -> list[str]:
    """How the file's tables and indexes differ from what this program writes, one line each."""
    found = _layout(conn)
    expected = _expected_layout(schema.SCHEMA_VERSION)
    lines = [_("{object} was not written by this program").format(object=name) for name in foreign_objects(conn)]
    for table in sorted(set(expected) - set(found)):
        lines.append(_("table {table} is missing").format(table=table))
    for table in sorted(set(found) - set(expected)):
        lines.append(_("table {table} is not one this program writes").format(table=table))
    for table in sorted(set(found) & set(expected)):
        before = len(lines)
        columns, wanted = found[table]["columns"], expected[table]["columns"]
        for name in wanted:
            if name not in columns:
                lines.append(_("table {table} has no column {column}").format(table=table, column=name))
            elif columns[name] != wanted[name]:
                lines.append(_("column {table}.{column} is declared differently ({found} instead of {wanted})").format(
                    table=table, column=name, found=_describe(columns[name]), wanted=_describe(wanted[name])))
        lines += [_("table {table} has an unknown column {column}").format(table=table, column=name)
                  for name in columns if name not in wanted]
        indexes, wanted_indexes = found[table]["indexes"], expected[table]["indexes"]
        lines += [_("index {index} of {table} is missing").format(index=name, table=table)
                  for name in wanted_indexes if name not in indexes]
        lines += [_("index {index} of {table} differs").format(index=name, table=table) for name in wanted_indexes
                  if name in indexes and indexes[name] != wanted_indexes[name]]
        lines += [_("index {index} of {table} is not one this program writes").format(index=name, table=table)
                  for name in indexes if name not in wanted_indexes]
        if found[table]["strict"] != expected[table]["strict"]:
            lines.append(_("table {table} does not enforce the types of its columns (it is not STRICT)").format(
                table=table))
        elif found[table]["rules"] != expected[table]["rules"] and len(lines) == before:
            # Same columns, other CHECK rules: only an edit of the schema text itself does that.
            lines.append(_("table {table} checks its values by other rules than the ones this program writes").format(
                table=table))
    return lines


@cache
def _expected_layout(version: int) -> dict:
    """The layout create_schema() writes, for one format."""
    conn = sqlite3.connect(":memory:")
    try:
        schema.create_schema(conn)
        return _layout(conn)
    finally:
        conn.close()


def _layout(conn: sqlite3.Connection) -> dict:
    tables = dict(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
    strict = {row[1]: row[5] for row in conn.execute("PRAGMA main.table_list")}
    layout = {}
    for table, sql in tables.items():
        columns = {row[1]: (row[2].upper(), row[3], row[4], row[5])
                   for row in conn.execute(f"PRAGMA table_xinfo([{table}])")}
        indexes = {}
        for row in conn.execute(f"PRAGMA index_list([{table}])"):
            name, unique = row[1], row[2]
            if name.startswith(_OWN_PREFIX):
                continue
            keys = tuple(info[2] for info in conn.execute(f"PRAGMA index_info([{name}])"))
            indexes[name] = (unique, keys)
        layout[table] = {"columns": columns, "indexes": indexes, "strict": strict.get(table),
                         "rules": " ".join(str(sql).split())}
    return layout


def _describe(column: tuple) -> str:
    kind, required, default, key = column
    # Translators: how a column of the file is declared: its SQL type, then these words
    words = [kind or _("no type"), _("required") if required else _("optional")]
    if default is not None:
        words.append(_("default {value}").format(value=default))
    if key:
        # Translators: the column is (part of) the table's primary key
        words.append(_("key"))
    return ", ".join(words)
