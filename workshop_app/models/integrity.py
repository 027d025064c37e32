"""`workshop-app check`: is the file sound, and which format is it?"""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.file import schema


@dataclass
class IntegrityReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the lines that say what is wrong

    def problem(self, text: str) -> None:
        self.ok = False
        self.lines.append(text)
        self.problems.append(text)


def check_file(path: Path) -> IntegrityReport:
    report = IntegrityReport()
    with WorkshopDocument.open(path, readonly=True, verify=False) as document:
        report.lines.append(_("{file}: Pathfinder Workshop file, format {format} (this program writes format "
                              "{current})").format(file=path.name, format=document.file_version,
                                                   current=schema.SCHEMA_VERSION))
        if document.file_version < schema.SCHEMA_VERSION:
            report.lines.append(_("format: checked as upgraded to format {current}, as opening it for editing will "
                                  "do (after keeping a copy of it as it is)").format(current=schema.SCHEMA_VERSION))
        try:
            _check_schema(document, report)
            _check_contents(document, report)
            _check_text(document, report)
            _check_parents(document, report)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # damage deep enough to stop the checks
            report.problem(_("integrity: the file is damaged ({problem}); restore a backup copy").format(
                problem=error))
    report.lines.append(_("result: ok") if report.ok else _("result: PROBLEMS FOUND"))
    return report


def _check_schema(document: WorkshopDocument, report: IntegrityReport) -> None:
    differences = document.schema_differences()
    if not differences:
        report.lines.append(_("schema: ok"))
    for line in differences[:20]:
        report.problem(_("schema: {difference}").format(difference=line))
    if len(differences) > 20:
        more = len(differences) - 20
        report.problem(ngettext("schema: and {count} more differences", "schema: and {count} more differences",
                                more).format(count=more))


def _check_contents(document: WorkshopDocument, report: IntegrityReport) -> None:
    integrity = document.integrity_problems()
    if integrity == ["ok"]:
        report.lines.append(_("integrity: ok"))
    else:
        for line in integrity[:20]:
            report.problem(_("integrity: {problem}").format(problem=line))
    broken = document.query("PRAGMA foreign_key_check")
    if not broken:
        report.lines.append(_("references: ok"))
    for table, rowid, parent, _key in broken[:20]:
        # Translators: {table} and {parent} are the names of tables of the file (participant, session…)
        report.problem(_("references: a row of {table} (rowid {rowid}) points to a missing {parent}").format(
            table=table, rowid=rowid, parent=parent))
    if document.count("workshop") != 1:
        report.problem(_("workshop: expected one workshop record, found {count}").format(
            count=document.count("workshop")))


def _check_text(document: WorkshopDocument, report: IntegrityReport) -> None:
    """Every text value must be valid UTF-8: SQLite stores any bytes, and Python cannot read a
    row that holds others."""
    found = []
    tables = [row[0] for row in document.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")]
    for table in tables:
        columns = [row[1] for row in document.query(f"PRAGMA table_info([{table}])")]
        if not columns:
            continue
        blobs = ", ".join(f"CAST([{column}] AS BLOB)" for column in columns)
        for rowid, *values in document.query(f"SELECT rowid, {blobs} FROM [{table}]"):
            for column, value in zip(columns, values):
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        found.append(_("text: {table}.{column} of rowid {rowid} is not valid UTF-8").format(
                            table=table, column=column, rowid=rowid))
    if not found:
        report.lines.append(_("text: ok"))
    for line in found[:20]:
        report.problem(line)


def _check_parents(document: WorkshopDocument, report: IntegrityReport) -> None:
    """The road map is a tree: following parents from any item must end at the top."""
    parents = dict(document.query("SELECT id, parent_id FROM roadmap_node"))
    looping = set()
    for start in parents:
        seen, node = set(), start
        while node is not None and node in parents:
            if node in seen:
                looping.add(node)
                break
            seen.add(node)
            node = parents[node]
    if looping:
        report.problem(ngettext("road map: {count} item(s) are their own ancestors (a loop of parents)",
                                "road map: {count} item(s) are their own ancestors (a loop of parents)",
                                len(looping)).format(count=len(looping)))
    else:
        report.lines.append(_("road map: ok"))
