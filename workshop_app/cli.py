"""The command line: the same core as the window, for scripting, CI and checks.

A user's mistake (a wrong file, a bad value) prints one line naming the file and exits 2,
never a traceback, and leaves the workshop file untouched.
"""

import argparse
import functools
import json
import os
import re
import sys
import threading
from pathlib import Path

from workshop_app import __version__
from workshop_app.export.registry import ALIASES, EXPORTS, ROADMAP_SECTIONS
from workshop_app.i18n.catalogs import N_, _, listed, ngettext, pgettext, use
from workshop_app.i18n.command_line import speak_argparse
from workshop_app.i18n.formats import percent
from workshop_app.i18n.languages import LANGUAGES, PSEUDO, environment_language
from workshop_app.models.errors import WorkshopError, WorkshopFileError

USER_ERROR = 2
PAGES = ("start", "overview", "stakeholders", "agenda", "roadmap", "projector")
# How `stats` names its figures (the keys are --json's, never translated). Marked with N_.
STAT_LABELS = {
    "participants": N_("Participants"), "organizations": N_("Organizations"),
    "participants_by_sex": N_("Participants by sex"), "women_share": N_("Women share"), "days": N_("Days"),
    "sessions": N_("Sessions"), "outcomes": N_("Outcomes"), "outputs": N_("Outputs"), "actions": N_("Actions"),
    "indicators": N_("Indicators"), "versions": N_("Versions"),
}


def _file(parser, help_text: str | None = None, **options) -> None:
    """The workshop file, named in the reader's language in the usage line and the refusals."""
    # Translators: the name of the command line's workshop-file argument, in usage lines and errors
    parser.add_argument("file", type=Path, metavar=pgettext("argument", "file"),
                        help=help_text or _("the workshop file"), **options)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-app",
        description=_("Pathfinder Workshop: run an Alliance 8.7 national planning workshop offline."),
        # Translators: "workshop-app FILE" and the command's name "open" stay as they are
        epilog=_("Without a command, the program opens its start page.") + " " + _(
            "With a file alone (workshop-app FILE), it opens that file, as the open command does."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show the program's version and exit"))
    # Translators: the name of the command line's first argument: the command ("open", "export"…)
    commands = parser.add_subparsers(dest="command", metavar=pgettext("argument", "COMMAND"))

    # Translators: the help of the command line (workshop-app --help); command and option names stay in English
    open_ = commands.add_parser("open", help=_("open a workshop file in the window"))
    _file(open_)
    open_.add_argument("--page", choices=PAGES, default="overview", help=_("page to show first"))
    open_.add_argument("--screenshot", type=Path, metavar="PNG", help=_("render the page offscreen, save it, exit"))
    open_.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                       help=_("window size (default 1280x800)"))
    open_.add_argument("--theme", choices=("system", "light", "dark"),
                       help=_("the look of the screenshot (default: as chosen in Preferences)"))
    open_.add_argument("--language", choices=[*LANGUAGES, PSEUDO], metavar="xx",
                       help=_("the window's language: en, fr, es or ar (default: as chosen in Preferences, "
                              "else the desktop's)"))

    demo = commands.add_parser("demo", help=_("write the bundled demo workshop (a fictional workshop in Nepal)"))
    _file(demo, _("where to write it (default: your data folder)"), nargs="?")
    demo.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    demo.add_argument("--open", action="store_true", help=_("then open it in the window"))

    new = commands.add_parser("new", help=_("create an empty workshop file"))
    _file(new)
    new.add_argument("--title", required=True)
    new.add_argument("--country", required=True, metavar="ISO", help=_("ISO 3166 country code, e.g. NP"))
    new.add_argument("--start", metavar="YYYY-MM-DD", help=_("first day of the workshop"))
    new.add_argument("--days", type=int, default=0, metavar="N", help=_("number of workshop days (needs --start)"))
    new.add_argument("--language", default="en", metavar="xx", help=_("working languages, e.g. 'en' or 'fr,en'"))

    imports = commands.add_parser("import-participants", help=_("import participants from an .xlsx or .csv list"))
    _file(imports)
    # Translators: the name of the command line's argument for a spreadsheet to import
    imports.add_argument("sheet", type=Path, metavar=pgettext("argument", "SHEET"),
                         help=_("the spreadsheet (.xlsx or .csv)"))
    imports.add_argument("--sheet", dest="sheet_name", metavar="NAME",
                         help=_("the worksheet to read (default: the first with a recognisable header)"))
    # Translators: the field names (name, first_name…, ignore) stay in English: they are typed as they are
    imports.add_argument("--map", metavar='"Header=field,..."', help=_(
        "map columns by hand; fields: name, first_name, last_name, sex, organization, title, email, phone, language, "
        "role, ignore"))
    imports.add_argument("--dry-run", action="store_true", help=_("report what would happen; change nothing"))
    imports.add_argument("--yes", action="store_true", help=_("import even more than 10,000 new people"))

    roadmap = commands.add_parser("import-roadmap", aliases=["import-matrix"],
                                  help=_("read back an edited road-map workbook (export --what roadmap OUT.xlsx)"))
    _file(roadmap)
    # Translators: the name of the command line's argument for the edited road-map workbook
    roadmap.add_argument("xlsx", type=Path, metavar=pgettext("argument", "workbook"),
                         help=_("the edited road-map workbook"))
    roadmap.add_argument("--dry-run", action="store_true", help=_("report the differences; change nothing"))
    roadmap.add_argument("--apply-deletions", action="store_true", help=_("also delete the rows removed in Excel"))

    export = commands.add_parser("export",
                                 help=_("export to .pdf, .xlsx or .csv (the format follows OUT's suffix)"))
    _file(export)
    # Translators: the name of the command line's argument for the file an export writes
    export.add_argument("out", type=Path, metavar=pgettext("argument", "out"), help=_("the file to write"))
    export.add_argument("--what", required=True, choices=[*EXPORTS, *ALIASES], metavar="WHAT",
                        help="; ".join(f"{what} ({' '.join(formats)})" for what, formats in EXPORTS.items()))
    export.add_argument("--day", metavar="N", help=_("sign-in: one day only (number, or date YYYY-MM-DD)"))
    export.add_argument("--slot", type=int, metavar="N", help=_("groups: one time slot of the day (1 = first)"))
    export.add_argument("--order", choices=["name", "organization"],
                        help=_("sign-in: sort by name or group by organization"))
    export.add_argument("--paper", choices=["A4", "Letter"], help=_("PDFs: paper size (default A4)"))
    export.add_argument("--sections", metavar="LIST",
                        help=_("road map: only these sections, separated by commas ({sections})").format(
                            sections=",".join(ROADMAP_SECTIONS)))
    export.add_argument("--version", dest="version_name", metavar="NAME",
                        help=_("road map: a frozen version instead of the current draft"))
    export.add_argument("--lang", choices=[*LANGUAGES, PSEUDO], metavar="xx",
                        help=_("the language of the export: en, fr, es or ar (default: the workshop's first working "
                               "language)"))
    export.add_argument("--with-contacts", "--contacts", dest="include_contacts", action="store_true", default=None,
                        help=_("sign-in and road map PDFs: print participants' e-mail and phone (left out by "
                               "default)"))

    handout = commands.add_parser("handout", help=_("write a handout: a copy of the workshop in which a breakout "
                                                    "group drafts its outcomes"))
    _file(handout)
    handout.add_argument("out", type=Path, metavar=pgettext("argument", "out"), help=_("the handout file to write"))
    handout.add_argument("--outcome", action="append", required=True, metavar="CODE",
                         help=_("an outcome the group may edit, by its code (repeat for more)"))
    handout.add_argument("--label", default="", metavar="TEXT", help=_("who it is for, e.g. \"Group A\""))

    merge = commands.add_parser("merge", help=_("merge breakout handouts back into the workshop"))
    _file(merge)
    # Translators: the name of the command line's argument for the handout files to merge
    merge.add_argument("handouts", nargs="+", type=Path, metavar=pgettext("argument", "HANDOUT"),
                       help=_("the handout files, merged in this order"))
    merge.add_argument("--dry-run", action="store_true", help=_("list the changes and conflicts; change nothing"))
    merge.add_argument("--prefer", choices=["workshop", "handout"], default="workshop",
                       help=_("in a conflict, keep the workshop's value (default) or the handout's"))

    serve = commands.add_parser("serve", help=_("share the draft read-only with the room's phones (a small web site "
                                                "on this computer)"))
    _file(serve)
    serve.add_argument("--port", type=int, default=8787, metavar="N",
                       help=_("the port to listen on (default 8787; 0: any free port)"))
    serve.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                       help=_("the address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: every "
                              "network, for the room's phones)"))

    package = commands.add_parser("package", help=_("write a share package for the country office: one zip with a "
                                                    "copy of the workshop, the road map, the agenda, the participant "
                                                    "list and a README"))
    _file(package)
    package.add_argument("out", type=Path, metavar=pgettext("argument", "out"), help=_("the .zip file to write"))
    package.add_argument("--version", dest="version_name", metavar="NAME",
                         help=_("road map: a frozen version instead of the current draft"))
    package.add_argument("--lang", choices=[*LANGUAGES, PSEUDO], metavar="xx",
                         help=_("the language of the exports and the README: en, fr, es or ar (default: the "
                                "workshop's first working language)"))
    package.add_argument("--with-contacts", action="store_true",
                         help=_("include participants' e-mail and phone (left out of every file by default, the "
                                "workshop file included)"))

    stats = commands.add_parser("stats", help=_("counts and figures"))
    _file(stats)
    stats.add_argument("--json", action="store_true", help=_("machine-readable output"))

    check = commands.add_parser("check", help=_("check the file's integrity and schema version"))
    _file(check)
    return parser


def main(argv: list[str] | None = None, *, stop: threading.Event | None = None) -> int:
    """Run a command. `stop` ends `serve` when set (Ctrl+C does too)."""
    # Messages and help in the language the environment asks for (LANGUAGE, LC_ALL, LANG…).
    use(environment_language(dict(os.environ)))
    speak_argparse()
    args = build_parser().parse_args(_command_for_a_file(sys.argv[1:] if argv is None else argv))
    args.stop = stop
    try:
        handler = _HANDLERS.get(args.command, _start_page)
        return handler(args)
    except WorkshopError as error:
        print(f"workshop-app: {one_line(str(error))}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped listening (`stats FILE | head -1`): that is its choice, not an error.
        _discard_output()
        return 0
    except Exception as error:  # a fault of the program: the details go to the log, not the screen
        from workshop_app import failures

        log = failures.record(error, f"workshop-app {' '.join(sys.argv[1:] if argv is None else argv)}")
        print(f"workshop-app: {failures.one_line(error, log)}", file=sys.stderr)
        return USER_ERROR


def _command_for_a_file(argv: list[str]) -> list[str]:
    """`workshop-app FILE` is `workshop-app open FILE`: what a file manager runs for a double-click
    (an absolute path), or someone for a file in their folder. A word that is no command and no
    path, a mistyped command, still gets argparse's refusal with the list of commands."""
    if not argv or argv[0].startswith("-") or argv[0] in _HANDLERS:
        return argv
    first = Path(argv[0])
    if first.suffix or len(first.parts) > 1 or first.exists():
        return ["open", *argv]
    return argv


def one_line(message: str) -> str:
    """A refusal is one line, also when it quotes SQLite's report on a damaged file, which comes
    in as many lines as the damage has places: the first two and the last are kept."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if len(lines) > 3:
        more = len(lines) - 3
        lines = [*lines[:2], ngettext("... {count} more ...", "... {count} more ...", more).format(count=more),
                 lines[-1]]
    return " / ".join(lines)


def _discard_output() -> None:
    """Point stdout at the null device, so that Python's flush at exit finds no closed pipe."""

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's capture)
        pass


def _start_page(args) -> int:
    from workshop_app.ui.app import run_gui

    return run_gui()


def _open(args) -> int:
    from workshop_app.export.package.contents import is_package
    from workshop_app.models.document import WorkshopDocument

    if is_package(args.file):
        from workshop_app.export.package.unpacking import unpack_package

        # A refused package is one line here; the window then finds it unpacked (ui.package.opening).
        unpack_package(args.file)
    if args.screenshot is None:
        from workshop_app.ui.app import run_gui

        return run_gui(args.file, page=args.page, size=args.size, language=args.language)
    # Refuse a bad file with one line before any window is built.
    if not is_package(args.file):
        WorkshopDocument.open(args.file, readonly=True).close()
    from workshop_app.ui.app import render_screenshot

    return render_screenshot(args.file, args.page, args.size, args.screenshot, theme=args.theme,
                             language=args.language)


def _demo(args) -> int:
    from workshop_app import paths
    from workshop_app.models.demo import write_demo

    target = args.file or paths.demo_path()
    if args.file is None and target.exists() and not args.force:
        pass  # the user's own demo file, with their edits: keep it
    else:
        if args.file is None:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise WorkshopFileError(
                    target.parent, _("the data folder cannot be created ({reason})").format(
                        reason=error.strerror)) from None
        write_demo(target, overwrite=args.force).close()
        print(target)
    if args.open:
        from workshop_app.ui.app import run_gui

        return run_gui(target)
    return 0


def _new(args) -> int:
    from workshop_app.models.document import WorkshopDocument

    WorkshopDocument.create(
        args.file, title=args.title, country=args.country, start_date=args.start, days=args.days,
        languages=args.language,
    ).close()
    print(args.file)
    return 0


def _import_participants(args) -> int:
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.handouts.part import guard_handout
    from workshop_app.models.participant_import.headers import parse_mapping
    from workshop_app.models.participant_import.plan import LARGE_IMPORT, plan_participant_import

    mapping = parse_mapping(args.map) if args.map else None
    with WorkshopDocument.open(args.file, readonly=args.dry_run) as document:
        _tell(document.opening_notes)
        guard_handout(document)  # a handout takes edits within its group's part only
        plan = plan_participant_import(document, args.sheet, sheet=args.sheet_name, mapping=mapping)
        table = plan.table
        if table.sheet:
            read = ngettext("{file}: sheet '{sheet}', header on row {header}, {count} rows",
                            "{file}: sheet '{sheet}', header on row {header}, {count} rows", len(table.rows))
        else:
            read = ngettext("{file}: header on row {header}, {count} rows",
                            "{file}: header on row {header}, {count} rows", len(table.rows))
        print(read.format(file=args.sheet.name, sheet=table.sheet, header=table.header_row, count=len(table.rows)))
        for line in plan.report.lines():
            print(line)
        if args.dry_run:
            print(_("Dry run: nothing was changed."))
        elif plan.report.added > LARGE_IMPORT and not args.yes:
            problem = ngettext("would add {count} people, more than any workshop invites; nothing was changed (run "
                               "again with --yes if the list is right)",
                               "would add {count} people, more than any workshop invites; nothing was changed (run "
                               "again with --yes if the list is right)", plan.report.added).format(
                count=f"{plan.report.added:,}")
            print(f"workshop-app: {_in_file(args.sheet, problem)}", file=sys.stderr)
            return USER_ERROR
        else:
            document.apply(plan.change)
    return 0


def _in_file(path: Path, problem: str) -> str:
    return _("{file}: {problem}").format(file=path.name, problem=problem)


def _tell(notes: list[str]) -> None:
    for note in notes:
        print(f"workshop-app: {note}", file=sys.stderr)


def _export(args) -> int:
    from workshop_app.export.registry import export_checked
    from workshop_app.models.document import WorkshopDocument

    day = int(args.day) if args.day and args.day.isdigit() else args.day
    with WorkshopDocument.open(args.file, readonly=True) as document:
        out, unprintable = export_checked(
            document, args.out, args.what, day=day, slot=args.slot, order=args.order, paper=args.paper,
            version=args.version_name, lang=args.lang, include_contacts=args.include_contacts, sections=args.sections)
    print(out)
    if unprintable:
        from workshop_app.export.pdf.system_fonts import advice

        # The file is written: a warning per item, and the exit status stays 0.
        _tell([_("warning: {message}").format(message=item.message(advice())) for item in unprintable])
    return 0


def _package(args) -> int:
    from workshop_app.export.package.writing import write_package
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(args.file, readonly=True) as document:
        written = write_package(document, args.out, version=args.version_name, lang=args.lang,
                                with_contacts=args.with_contacts)
    print(written.path)
    if written.unprintable:
        from workshop_app.export.pdf.system_fonts import advice

        _tell([_("warning: {file}: {message}").format(file=name, message=item.message(advice()))
               for name, item in written.unprintable])
    return 0


def _import_roadmap(args) -> int:
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.handouts.part import guard_handout
    from workshop_app.models.roadmap.workbook.reimport import plan_workbook_import

    with WorkshopDocument.open(args.file, readonly=args.dry_run) as document:
        _tell(document.opening_notes)
        guard_handout(document)  # a handout takes edits within its group's part only
        plan = plan_workbook_import(document, args.xlsx, apply_deletions=args.apply_deletions)
        for line in plan.lines():
            print(line)
        if plan.problems:
            problem = ngettext("{count} invalid cell(s), listed above; nothing was changed",
                               "{count} invalid cell(s), listed above; nothing was changed",
                               len(plan.problems)).format(count=len(plan.problems))
            print(f"workshop-app: {_in_file(args.xlsx, problem)}", file=sys.stderr)
            return USER_ERROR
        if args.dry_run:
            print(_("Dry run: nothing was changed."))
        elif plan.change:
            document.apply(plan.change)
    return 0


def _handout(args) -> int:
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.handouts.writing import outcome_ids, write_handout

    # Writable: the workshop keeps a record of the handout, which the merge checks it against.
    with WorkshopDocument.open(args.file) as document:
        _tell(document.opening_notes)
        write_handout(document, args.out, outcome_ids(document, args.outcome), args.label)
    print(args.out)
    return 0


def _merge(args) -> int:
    """Every handout is read (or refused) before anything changes, then merged in turn on a copy
    in memory, where its changes are worded; one that cannot be merged is refused, naming its
    file, before the workshop holds any. Conflicts are listed with the value kept; the exit
    status is 1 when there were any."""
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.handouts.describing import RoadMapState, conflict_views
    from workshop_app.models.handouts.merging import merge_change
    from workshop_app.models.handouts.part import handout_info
    from workshop_app.models.handouts.reading import distinct_paths, read_handout

    conflicts = 0
    with WorkshopDocument.open(args.file, readonly=args.dry_run) as opened:
        _tell(opened.opening_notes)
        if handout_info(opened) is not None:
            raise WorkshopFileError(args.file, _("is a handout; merge handouts into the workshop's own file"))
        paths, repeated = distinct_paths(args.handouts)
        handouts = [read_handout(opened, path) for path in paths]
        for path in repeated:
            # Translators: the command line was given one handout twice (e.g. merge W B.workshop B.workshop)
            print(_("{file} is named more than once; it is merged once").format(file=path.name))
        changes = []
        with opened.scratch_copy() as trial:
            state = RoadMapState.of(trial)
            for handout in handouts:
                plan = _decided_plan(trial, handout, args.prefer)
                if plan.already_merged:
                    print(_("{group} ({file}): already merged; nothing changed").format(
                        group=handout.label, file=handout.path.name))
                    continue
                views = conflict_views(trial, plan)
                try:
                    change = merge_change(trial, plan)
                    trial.apply(change)
                except WorkshopError as error:
                    raise WorkshopFileError(handout.path, _("cannot be merged ({reason}); nothing was merged").format(
                        reason=error)) from None
                after = RoadMapState.of(trial)
                _report(handout, plan, state.lines_to(after), views)
                state = after
                conflicts += len(plan.conflicts)
                changes.append(change)
        if not args.dry_run and changes:
            # Planned on an identical copy (the same rows, the same ids), and written in one
            # transaction: stopped at any moment, the file holds every handout or none.
            opened.apply(functools.reduce(lambda first, second: first.then(second), changes))
    if args.dry_run:
        print(_("Dry run: nothing was changed."))
    if conflicts and args.dry_run:
        print(ngettext("{count} conflict, listed above. --prefer handout or --prefer workshop decides them all; "
                       "File › Merge Handouts… in the window lets you choose each one.",
                       "{count} conflicts, listed above. --prefer handout or --prefer workshop decides them all; "
                       "File › Merge Handouts… in the window lets you choose each one.", conflicts).format(
            count=conflicts))
    elif conflicts:
        # The handout is recorded as merged: merging it again changes nothing, so the window is the way left.
        print(ngettext("{count} conflict, listed above, decided as marked. Merging a handout again changes "
                       "nothing: change a decision by editing the item in the window.",
                       "{count} conflicts, listed above, decided as marked. Merging a handout again changes "
                       "nothing: change a decision by editing the item in the window.", conflicts).format(
            count=conflicts))
    return 1 if conflicts else 0


def _report(handout, plan, lines: list[str], views) -> None:
    print(ngettext("{group} ({file}): {count} change", "{group} ({file}): {count} changes",
                   len(lines)).format(group=handout.label, file=handout.path.name, count=len(lines)))
    if plan.again:
        # Translators: a handout handed in again after more work, in the command line's report
        print("  " + _("merged before: these are the changes made in it since"))
    for note in plan.notes:
        print("  " + note)
    for line in lines:
        print(f"  {line}")
    for view, conflict in zip(views, plan.conflicts):
        print("  " + _("Conflict: {line}").format(line=view.line(handout.label, conflict.choice)))


def _decided_plan(document, handout, prefer: str):
    from workshop_app.models.handouts.merging import plan_merge

    plan = plan_merge(document, handout)
    plan.choose(prefer)
    return plan


def _serve(args) -> int:
    """Share the file with the room's phones until Ctrl+C: the addresses, a QR code, and a line
    for each comment a phone sends (stored as pending for the facilitator)."""
    from workshop_app.share.sharing import serve

    if not 0 <= args.port <= 65535:
        raise WorkshopError(_("{port} is not a port number (0 to 65535)").format(port=args.port))
    stop = args.stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        import signal

        signal.signal(signal.SIGTERM, lambda *_signal: stop.set())  # a service manager's "stop", as Ctrl+C
    try:
        serve(args.file, bind=args.bind, port=args.port, stop=stop, say=_say)
    except KeyboardInterrupt:  # the way to stop sharing: not an error
        pass
    return 0


def _say(line: str) -> None:
    try:
        print(line, flush=True)
    except UnicodeEncodeError:  # a console that cannot show the QR code's blocks
        print(line.encode(sys.stdout.encoding or "ascii", "replace").decode(sys.stdout.encoding or "ascii"),
              flush=True)


def _stats(args) -> int:
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.stats import workshop_stats

    with WorkshopDocument.open(args.file, readonly=True) as document:
        figures = workshop_stats(document)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    for key, value in figures.items():
        if key == "participants_by_sex":
            value = listed(f"{_sex_words(sex)} {count}" for sex, count in value.items())
        elif key == "women_share":
            value = "-" if value is None else percent(value)
        label = _(STAT_LABELS[key]) if key in STAT_LABELS else key.replace("_", " ").capitalize()
        print(f"{label:<22} {value}")
    return 0


def _sex_words(sex: str) -> str:
    """"female", "not stated": the vocabulary's label in small letters."""
    from workshop_app.models.vocabulary import SEXES

    return _(SEXES[sex]).lower() if sex in SEXES else sex.replace("_", " ")


def _check(args) -> int:
    from workshop_app.models.integrity import check_file

    report = check_file(args.file)
    for line in report.lines:
        print(line)
    return 0 if report.ok else 1


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(_("'{text}' is not a size like 1280x800").format(text=text))
    return int(match.group(1)), int(match.group(2))


_HANDLERS = {"open": _open, "demo": _demo, "new": _new, "import-participants": _import_participants,
             "import-roadmap": _import_roadmap, "import-matrix": _import_roadmap, "export": _export,
             "handout": _handout, "merge": _merge, "serve": _serve, "package": _package, "stats": _stats,
             "check": _check}
