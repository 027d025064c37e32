"""WorkshopDocument: the one door to a .workshop file. Every read and every change goes through it.

Changes are planned first (plan_* methods read the current values and return a Change), then
applied in one transaction by apply(). Undo applies change.inverse(). The user interface wraps
each Change in an undo command; the command line applies it directly.
"""

import datetime as dt
import json
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.changes import Change, Row, RowChange, field_words, table_text
from workshop_app.models.errors import InvalidValueError, WorkshopError, WorkshopFileError
from workshop_app.models.file import schema, upgrades
from workshop_app.models.file.conformance import refuse_foreign_objects, refuse_other_schema, schema_differences
from workshop_app.models.file.journal import refuse_foreign_journal
from workshop_app.models.file.opening import (
    connect,
    ensure_not_in_use,
    explain_integrity_error,
    explain_open_error,
    fetch_opening,
    give_normal_permissions,
    reading_copy,
    remove_abandoned_temporaries,
    upgrade_reading_copy,
    upgrade_with_backup,
)
from workshop_app.models.file.preflight import ensure_writable, read_header
from workshop_app.models.plan.figures import first_figures
from workshop_app.models.shape import check_row
from workshop_app.models.validation import LOCALE_RULES, check_date_order, check_period_order, iso_date, normalize

FILE_SUFFIX = ".workshop"
# Translators: the file types of the Open and Save dialogs; keep "(*.workshop)", ";;" and "(*)" as they are
FILE_FILTER = N_("Workshop files (*.workshop);;All files (*)")


def _readable_header(path: Path, readonly: bool):
    """The file's header, once its format is one this program can open this way."""
    header = read_header(path)
    if header.user_version < 1 or any(v not in upgrades.MIGRATIONS for v in
                                      range(header.user_version, schema.SCHEMA_VERSION)):
        raise WorkshopFileError(path, _("the file has an unknown format number ({number}); it cannot be opened "
                                        "(restore a backup copy)").format(number=header.user_version))
    if not readonly:
        ensure_writable(path)
    return header


def _refuse_without_workshop(path: Path, conn: sqlite3.Connection, verify: bool) -> None:
    if "workshop" not in {row[0] for row in fetch_opening(path, conn, "SELECT name FROM sqlite_master")}:
        raise WorkshopFileError(path, _("the file is damaged (it has no workshop table); restore a backup copy"))
    if verify and not fetch_opening(path, conn, "SELECT 1 FROM workshop LIMIT 1"):
        # Every page reads the workshop record; `check` (which does not verify) opens it to say so.
        raise WorkshopFileError(path, _("the file is damaged (its workshop record is missing); restore a backup "
                                        "copy"))


def _refuse_damage(path: Path, conn: sqlite3.Connection) -> None:
    """SQLite's quick check. The connection is the file's own, writable, or for reading a copy
    in memory: either way the CHECK rules are checked, so a value planted past them never
    reaches the pages."""
    problems = [row[0] for row in fetch_opening(path, conn, "PRAGMA quick_check")]
    if problems != ["ok"]:
        raise WorkshopFileError(path, _("the file is damaged ({problem}); restore a backup copy").format(
            problem=problems[0]))


def _replacing_text(value: bytes) -> str:
    return value.decode("utf-8", "replace")


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class WorkshopDocument:
    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool):
        self.path = path
        self.readonly = readonly
        self._conn = conn
        self._db = None
        self._listeners: list[Callable[[Change], None]] = []
        # Checks every change passes before it is written (a handout's limits); each raises to refuse.
        self.guards: list[Callable[[Change], None]] = []
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        self._columns = {table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")] for table in tables}
        # Who points at whom, with the ON DELETE rule, so that a removal can record every row it
        # takes with it (and undo can put them all back).
        self._referrers: dict[str, list[tuple[str, str, str]]] = {}
        # What the user should hear about opening (an upgrade of the format and its backup).
        self.opening_notes: list[str] = []
        # The format on disk; a file of an older format opened read-only is read through an
        # upgraded copy in memory, and stays as it was.
        self.file_version = schema.SCHEMA_VERSION
        for table in self._columns:
            for fk in conn.execute(f"PRAGMA foreign_key_list({table})"):
                self._referrers.setdefault(fk[2], []).append((table, fk[3], fk[6].upper()))

    # ------------------------------------------------------------------ opening and creating

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, verify: bool = True) -> "WorkshopDocument":
        """Open a workshop file, or raise WorkshopFileError and leave the file as it was.

        For editing, the file is locked for this program until close(), so two windows or two
        computers on a shared folder can never overwrite each other's work.
        """
        path = Path(path)
        header = _readable_header(path, readonly)
        refuse_foreign_journal(path)
        if not readonly:
            remove_abandoned_temporaries(path.resolve().parent)
        conn = connect(path, readonly=readonly)
        try:
            if verify:
                refuse_foreign_objects(path, conn)  # before the first write: nothing in it may run
            if readonly:
                conn = reading_copy(conn)  # from here on, reading never touches the file
            else:
                # Take the write lock now, and keep it (exclusive locking mode) until close().
                fetch_opening(path, conn, "BEGIN EXCLUSIVE")
                fetch_opening(path, conn, "COMMIT")
            if verify:
                _refuse_damage(path, conn)
            # Refusals come before any upgrade: a refused file is left exactly as it was.
            _refuse_without_workshop(path, conn, verify)
            notes = []
            if header.user_version < schema.SCHEMA_VERSION and readonly:
                upgrade_reading_copy(path, conn, header.user_version)
            elif header.user_version < schema.SCHEMA_VERSION:
                notes = upgrade_with_backup(path, conn, header.user_version)
            if readonly:
                conn.execute("PRAGMA query_only = ON")
            if verify:
                refuse_other_schema(path, conn)
            document = cls(path, conn, readonly=readonly)
            document.opening_notes = notes
            document.file_version = header.user_version
            return document
        except sqlite3.DatabaseError as error:
            conn.close()
            raise WorkshopFileError(path, explain_open_error(error, path)) from None
        except UnicodeDecodeError:  # a name in the schema itself: SQLite stores any bytes
            conn.close()
            raise WorkshopFileError(path, _("the file is damaged (its structure holds names that are not valid "
                                            "text); restore a backup copy")) from None
        except BaseException:
            conn.close()
            raise

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        title: str,
        country: str,
        start_date: str | None = None,
        days: int = 0,
        languages: Iterable[str] | str = ("en",),
        overwrite: bool = False,
        fill: Callable[["WorkshopDocument"], None] | None = None,
    ) -> "WorkshopDocument":
        """Write a new workshop file. It is built beside the target and moved into place only when
        complete, so a failure never leaves a half-written file (or harms the one it replaces)."""
        path = Path(path)
        if path.is_dir():
            raise WorkshopFileError(path, _("is a folder; give the name of the new workshop file"))
        if path.exists() and not overwrite:
            raise WorkshopFileError(path, _("a file with this name already exists; choose another name"))
        if path.exists():
            ensure_not_in_use(path)
        if days < 0 or days > 31:
            raise InvalidValueError(_("a workshop has between 0 and 31 days"))
        values = {
            "title": normalize("workshop", "title", title),
            "country": normalize("workshop", "country", country),
            "start_date": normalize("workshop", "start_date", start_date),
            "languages": normalize("workshop", "languages", languages),
        }
        if days and not values["start_date"]:
            raise InvalidValueError(_("give a start date to create days"))
        folder = path.resolve().parent
        if not folder.is_dir():
            raise WorkshopFileError(path, _("its folder does not exist"))
        try:
            handle, temporary = tempfile.mkstemp(prefix=".new-", suffix=FILE_SUFFIX, dir=folder)
        except OSError as error:
            raise WorkshopFileError(path, _("cannot be written here ({reason})").format(
                reason=error.strerror or error)) from None
        os.close(handle)
        temporary = Path(temporary)
        try:
            conn = sqlite3.connect(temporary, isolation_level=None)
            conn.execute("PRAGMA journal_mode = DELETE")
            schema.create_schema(conn)
            conn.close()
            document = cls.open(temporary, verify=False)
            try:
                dates = _consecutive_days(values["start_date"], days)
                workshop_id = new_id()
                workshop = {"id": workshop_id, **values, "created_at": utc_now()}
                if dates:
                    workshop["end_date"] = dates[-1]
                rows = [RowChange("workshop", workshop_id, None, workshop)]
                for index, day_date in enumerate(dates):
                    day_id = new_id()
                    rows.append(RowChange("day", day_id, None, {"id": day_id, "position": index, "date": day_date}))
                languages = json.loads(values["languages"])
                rows += [RowChange("reference_figure", row["id"], None, row)
                         for row in first_figures(languages[0] if languages else None)]
                document.apply(Change(_("Create workshop"), tuple(rows)))
                if fill is not None:
                    fill(document)
            finally:
                document.close()
            give_normal_permissions(temporary)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            Path(f"{temporary}-journal").unlink(missing_ok=True)
            raise
        return cls.open(path)

    @property
    def db(self):
        """sqlite-utils over the same connection, for bulk(). Imported on first use: it is not
        needed to open a file and show it."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "WorkshopDocument":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def save_copy(self, target: Path | str) -> None:
        """Write a consistent copy of the file (SQLite's backup API), e.g. onto a USB stick."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise WorkshopFileError(target, _("is the file that is open; choose another name"))
        if target.is_dir():
            raise WorkshopFileError(target, _("is a folder; give a name for the copy"))
        if target.exists():
            ensure_not_in_use(target)
        try:
            handle, temporary = tempfile.mkstemp(prefix=".copy-", suffix=FILE_SUFFIX, dir=target.resolve().parent)
        except OSError as error:
            raise WorkshopFileError(target, _("the copy cannot be written there ({reason})").format(
                reason=error.strerror or error)) from None
        os.close(handle)
        try:
            copy = sqlite3.connect(temporary, isolation_level=None)
            try:
                self._conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            give_normal_permissions(Path(temporary))
            os.replace(temporary, target)
        except (OSError, sqlite3.Error) as error:  # a full USB stick, a stick pulled out
            Path(temporary).unlink(missing_ok=True)
            reason = getattr(error, "strerror", None) or str(error)
            raise WorkshopFileError(target, _("the copy could not be written ({reason}); nothing was left there, "
                                              "and the open file is unchanged").format(reason=reason)) from None
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    # ------------------------------------------------------------------ notification

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Call listener(change) after every applied change (the UI refreshes from this)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.remove(listener)

    # ------------------------------------------------------------------ reading

    def get(self, table: str, row_id: str) -> Row | None:
        self._check_table(table)
        names, rows = self._fetch(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        return dict(zip(names, rows[0])) if rows else None

    def rows(self, table: str, where: str | None = None, params: Iterable[Any] = (),
             order_by: str | None = None) -> list[Row]:
        """Rows as dicts. `where` and `order_by` are SQL written by models/, never user text."""
        self._check_table(table)
        sql = f"SELECT * FROM [{table}]" + (f" WHERE {where}" if where else "") + (
            f" ORDER BY {order_by}" if order_by else "")
        names, rows = self._fetch(sql, list(params))
        return [dict(zip(names, row)) for row in rows]

    def count(self, table: str, where: str | None = None, params: Iterable[Any] = ()) -> int:
        self._check_table(table)
        sql = f"SELECT count(*) FROM [{table}]" + (f" WHERE {where}" if where else "")
        return self._conn.execute(sql, list(params)).fetchone()[0]

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """Read-only SQL for the modules of models/ that compute figures."""
        return self._fetch(sql, list(params))[1]

    def _fetch(self, sql: str, params: list) -> tuple[list[str], list[tuple]]:
        """Column names and rows. A value that is not valid UTF-8 (a damaged or foreign file;
        `check` names it) is read with U+FFFD in place of its bad bytes instead of failing the
        whole page that shows it."""
        try:
            cursor = self._conn.execute(sql, params)
            return [column[0] for column in cursor.description or ()], cursor.fetchall()
        except sqlite3.OperationalError as error:
            if "decode" not in str(error).lower():
                raise
        self._conn.text_factory = _replacing_text
        try:
            cursor = self._conn.execute(sql, params)
            return [column[0] for column in cursor.description or ()], cursor.fetchall()
        finally:
            self._conn.text_factory = str

    def workshop(self) -> Row:
        return self.rows("workshop")[0]

    def working_languages(self) -> list:
        """The workshop's working languages as stored (ISO 639-1 codes, first the main one); []
        when the list cannot be read."""
        rows = self.rows("workshop")
        try:
            languages = json.loads(rows[0]["languages"] or "[]") if rows else []
        except (TypeError, ValueError):
            return []
        return languages if isinstance(languages, list) else []

    def number_locale(self) -> str:
        """The locale amounts are typed and shown in: the first working language of the workshop,
        in its country ("es_CL" writes 1.234.567,5; "es_MX" writes 1,234,567.5)."""
        workshop = self.workshop()
        languages = self.working_languages()
        language = languages[0] if languages and isinstance(languages[0], str) else "en"
        country = workshop["country"] or ""
        return f"{language}_{country}" if country else language

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity_check, CHECK rules included: a file opened for reading is read
        through a writable copy in memory (a read-only connection would skip them)."""
        return [row[0] for row in self._conn.execute("PRAGMA integrity_check")]

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def schema_differences(self) -> list[str]:
        """How the file's tables, indexes, triggers and views differ from what this program writes."""
        return schema_differences(self._conn)

    # ------------------------------------------------------------------ planning changes

    def plan_update(self, table: str, row_id: str, undo_text: str | None = None, /, **fields: Any) -> Change:
        """The change that sets these fields, or an empty change when nothing would differ."""
        current = self._require(table, row_id)
        values = self._normalized(table, fields)
        self._check_columns(table, values)
        check_row(self, table, values, current)
        if table == "workshop":
            check_date_order(values.get("start_date", current["start_date"]),
                             values.get("end_date", current["end_date"]))
        if table == "roadmap_node" and {"start", "end"} & set(values):
            check_period_order(values.get("start", current["start"]), values.get("end", current["end"]))
        changed = {column: value for column, value in values.items() if current[column] != value}
        if not changed:
            # Translators: the name of an undo step ("Undo Edit")
            return Change(undo_text or _("Edit"))
        before = {column: current[column] for column in changed}
        # Translators: the name of an undo step; {field} is the changed field's name in the file
        label = undo_text or _("Edit {field}").format(field=field_words(next(iter(changed))))
        return Change(label, (RowChange(table, row_id, before, changed),))

    def plan_insert(self, table: str, undo_text: str | None = None, /, **fields: Any) -> Change:
        values = self._normalized(table, fields)
        values.setdefault("id", new_id())
        self._check_columns(table, values)
        check_row(self, table, values)
        if table == "roadmap_node":
            check_period_order(values.get("start"), values.get("end"))
        return Change(undo_text or table_text(table, 0), (RowChange(table, values["id"], None, values),))

    def plan_delete(self, table: str, row_id: str, undo_text: str | None = None) -> Change:
        """The change that removes a row and everything that depends on it (cascades recorded)."""
        rows: list[RowChange] = []
        self._collect_removal(table, row_id, rows, set())
        return Change(undo_text or table_text(table, 1), tuple(rows))

    def plan_workshop_dates(self, start_date: Any) -> Change:
        """Moving the start date moves every day and the end date with it, as one step.
        Setting a first start date, or clearing it, leaves the end date as it is."""
        current = self.workshop()
        new_start = normalize("workshop", "start_date", start_date)
        old_start, end_date = current["start_date"], current["end_date"]
        shift = None
        if old_start and new_start and new_start != old_start:
            shift = dt.date.fromisoformat(new_start) - dt.date.fromisoformat(old_start)
            end_date = _shifted(end_date, shift)
        change = self.plan_update("workshop", current["id"], _("Change workshop dates"), start_date=new_start,
                                  end_date=end_date)
        if shift:
            for day in self.rows("day", "date IS NOT NULL"):
                change = change.then(self.plan_update("day", day["id"], date=_shifted(day["date"], shift)))
        return change

    @contextmanager
    def scratch_copy(self) -> Iterator["WorkshopDocument"]:
        """A copy in memory with the same rows and ids, for planning a dry run (a Change planned
        there applies to this document unchanged), or for reading in another thread."""
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            self._conn.backup(memory)
            memory.execute("PRAGMA foreign_keys = ON")
            yield WorkshopDocument(self.path, memory, readonly=False)
        finally:
            memory.close()

    @contextmanager
    def drafting(self) -> Iterator[Callable[[Change], Change]]:
        """Plan a compound change one step at a time. Each step is tried inside a transaction
        that is always rolled back, so the next step is planned against the state the previous
        steps leave (a merge moves people, then the removal sees none left). Nothing is written
        and nobody is notified; apply the combined change afterwards."""
        self._conn.execute("SAVEPOINT drafting")

        def step(change: Change) -> Change:
            try:
                for row in change.rows:
                    self._apply_row(row)
            except sqlite3.IntegrityError as error:
                raise InvalidValueError(explain_integrity_error(error)) from None
            return change

        try:
            yield step
        finally:
            self._conn.execute("ROLLBACK TO drafting")
            self._conn.execute("RELEASE drafting")

    # ------------------------------------------------------------------ applying changes

    def apply(self, change: Change) -> None:
        """Apply a change (or an inverse, for undo) in one transaction: all of it or nothing."""
        if not change:
            return
        if self.readonly:
            raise WorkshopFileError(self.path, _("is open read-only; changes cannot be saved"))
        for guard in self.guards:
            guard(change)
        try:
            with self._transaction():
                for row in change.rows:
                    self._apply_row(row)
        except sqlite3.IntegrityError as error:
            raise InvalidValueError(explain_integrity_error(error)) from None
        except sqlite3.OperationalError as error:
            raise WorkshopFileError(self.path, _("the change could not be saved ({reason})").format(
                reason=error)) from None
        for listener in list(self._listeners):
            listener(change)

    def update(self, table: str, row_id: str, **fields: Any) -> Change:
        change = self.plan_update(table, row_id, **fields)
        self.apply(change)
        return change

    def insert(self, table: str, **fields: Any) -> Change:
        change = self.plan_insert(table, **fields)
        self.apply(change)
        return change

    def delete(self, table: str, row_id: str) -> Change:
        change = self.plan_delete(table, row_id)
        self.apply(change)
        return change

    @contextmanager
    def bulk(self) -> Iterator[Any]:
        """sqlite-utils in one transaction (all or nothing), for tests and benchmarks that build
        large files from rows they know to be valid. It skips the checks every planned change
        passes (normalize, the road map's shape), and records nothing to undo: the program itself
        never writes through it; the demo and the imports plan their rows like any edit."""
        if self.readonly:
            raise WorkshopFileError(self.path, _("is open read-only; changes cannot be saved"))
        with self.db.atomic():
            yield self.db

    # ------------------------------------------------------------------ internals

    def _normalized(self, table: str, fields: dict[str, Any]) -> dict[str, Any]:
        locale = self.number_locale() if any((table, column) in LOCALE_RULES for column in fields) else "en"
        return {column: normalize(table, column, value, locale) for column, value in fields.items()}

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # a failed COMMIT (disk full) leaves it open
                self._conn.execute("ROLLBACK")
            raise

    def _apply_row(self, row: RowChange) -> None:
        table = row.table
        if row.kind == "delete":
            self._conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (row.row_id,))
        elif row.kind == "insert":
            columns = list(row.after)
            values = [row.after[c] for c in columns]
            if row.rowid is not None and not self._conn.execute(
                    f"SELECT 1 FROM [{table}] WHERE rowid = ?", (row.rowid,)).fetchone():
                columns, values = ["rowid", *columns], [row.rowid, *values]  # back in its place
            marks = ", ".join("?" for _ in columns)
            names = ", ".join(f"[{column}]" for column in columns)
            self._conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", values)
        else:
            assignments = ", ".join(f"[{column}] = ?" for column in row.after)
            cursor = self._conn.execute(
                f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*row.after.values(), row.row_id]
            )
            if cursor.rowcount != 1:
                raise WorkshopError(table_text(table, 3))

    def _collect_removal(self, table: str, row_id: str, rows: list[RowChange], seen: set) -> None:
        if (table, row_id) in seen:
            return
        seen.add((table, row_id))
        row = self._require(table, row_id)
        for child_table, column, on_delete in self._referrers.get(table, []):
            children = self._conn.execute(f"SELECT id FROM [{child_table}] WHERE [{column}] = ?", (row_id,)).fetchall()
            for (child_id,) in children:
                if on_delete == "CASCADE":
                    self._collect_removal(child_table, child_id, rows, seen)
                elif (child_table, child_id) not in seen:
                    rows.append(RowChange(child_table, child_id, {column: row_id}, {column: None}))
        rowid = self._conn.execute(f"SELECT rowid FROM [{table}] WHERE id = ?", (row_id,)).fetchone()[0]
        rows.append(RowChange(table, row_id, row, None, rowid))

    def _require(self, table: str, row_id: str) -> Row:
        row = self.get(table, row_id)
        if row is None:
            raise WorkshopError(table_text(table, 2))
        return row

    def _check_table(self, table: str) -> None:
        if table not in self._columns:
            raise ValueError(f"no table {table!r} in a workshop file")

    def _check_columns(self, table: str, values: Row) -> None:
        self._check_table(table)
        unknown = set(values) - set(self._columns[table])
        if unknown:
            raise ValueError(f"{table} has no field {', '.join(sorted(unknown))}")


def _consecutive_days(start_date: str | None, days: int) -> list[str]:
    if not days:
        return []
    start = dt.date.fromisoformat(start_date)
    try:
        return [iso_date(start + dt.timedelta(days=index)) for index in range(days)]
    except (OverflowError, InvalidValueError):
        raise InvalidValueError(_("the workshop days would run past the end of the calendar")) from None


def _shifted(date_text: str | None, shift: dt.timedelta) -> str | None:
    if not date_text:
        return date_text
    try:
        return iso_date(dt.date.fromisoformat(date_text) + shift)
    except (OverflowError, InvalidValueError):
        raise InvalidValueError(_("the dates would run past the end of the calendar")) from None
