"""`workshop-app check`: is the file sound, and which format is it?"""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.file import schema


@dataclass
class IntegrityReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        self.ok = False
        self.lines.append(text)


def check_file(path: Path) -> IntegrityReport:
    report = IntegrityReport()
    with WorkshopDocument.open(path, readonly=True, verify=False) as document:
        report.lines.append(f"{path.name}: Pathfinder Workshop file, format {document.file_version} "
                            f"(this program writes format {schema.SCHEMA_VERSION})")
        if document.file_version < schema.SCHEMA_VERSION:
            report.lines.append(f"format: checked as upgraded to format {schema.SCHEMA_VERSION}, as opening "
                                "it for editing will do (after keeping a copy of it as it is)")
        try:
            _check_schema(document, report)
            _check_contents(document, report)
            _check_text(document, report)
            _check_parents(document, report)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # damage deep enough to stop the checks
            report.problem(f"integrity: the file is damaged ({error}); restore a backup copy")
    report.lines.append("result: ok" if report.ok else "result: PROBLEMS FOUND")
    return report


def _check_schema(document: WorkshopDocument, report: IntegrityReport) -> None:
    differences = document.schema_differences()
    if not differences:
        report.lines.append("schema: ok")
    for line in differences[:20]:
        report.problem(f"schema: {line}")
    if len(differences) > 20:
        report.problem(f"schema: and {len(differences) - 20} more differences")


def _check_contents(document: WorkshopDocument, report: IntegrityReport) -> None:
    integrity = document.integrity_problems()
    if integrity == ["ok"]:
        report.lines.append("integrity: ok")
    else:
        for line in integrity[:20]:
            report.problem(f"integrity: {line}")
    broken = document.query("PRAGMA foreign_key_check")
    if not broken:
        report.lines.append("references: ok")
    for table, rowid, parent, _ in broken[:20]:
        report.problem(f"references: a row of {table} (rowid {rowid}) points to a missing {parent}")
    if document.count("workshop") != 1:
        report.problem(f"workshop: expected one workshop record, found {document.count('workshop')}")


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
                        found.append(f"text: {table}.{column} of rowid {rowid} is not valid UTF-8")
    if not found:
        report.lines.append("text: ok")
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
        report.problem(f"road map: {len(looping)} item(s) are their own ancestors (a loop of parents)")
    else:
        report.lines.append("road map: ok")
