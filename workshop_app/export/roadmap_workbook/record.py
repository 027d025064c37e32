"""The very hidden sheet "Export record": the road map as exported (a versions.snapshot,
compressed) with its fingerprint, and the plan's texts, reference figures and acronyms as
exported (plan_sheets.plan_record, compressed), so that models.roadmap.workbook.reimport can tell
which cells were changed in Excel, which in the workshop, and which on both sides."""

from workshop_app.export.roadmap_workbook.contents import Contents
from workshop_app.export.roadmap_workbook.rows import CellStyles, SheetData
from workshop_app.models.roadmap.workbook.columns import RECORD_FORMAT, pack_snapshot


def write_record(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    sheet.sheet_state = "veryHidden"
    chunks = pack_snapshot(contents.record_json)
    plain = styles.get()
    _ = contents.words
    data = SheetData(styles)
    # The keys below are read back by the import: they stay as they are in every language.
    data.add([(_("Pathfinder Workshop export record: what this workbook held when it was exported, to tell "
                 "changes made in Excel from changes made in the workshop. Do not edit."), plain)])
    for key, value in (("format", RECORD_FORMAT), ("workshop", contents.workshop["id"]),
                       ("workshop_title", contents.workshop["title"]),
                       ("version", contents.version["name"] if contents.version else ""),
                       ("exported_at", contents.exported_at.isoformat()), ("fingerprint", contents.fingerprint)):
        data.add([(key, plain), (value, plain)])
    data.add([("snapshot", plain), *((chunk, plain) for chunk in chunks)])
    data.add([("plan", plain), *((chunk, plain) for chunk in pack_snapshot(contents.plan_json))])
    return data
