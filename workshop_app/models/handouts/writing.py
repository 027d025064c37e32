"""Writing a handout: a consistent copy of the workshop (the same format, every list and the whole
road map) that names the group's part and keeps the merged tables' rows as they are now, the
base that a merge compares both sides with. The workshop keeps its own record of the handout
(record.py), which the merge trusts over what the handout file says of itself."""

import json
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import WorkshopDocument, new_id, utc_now
from workshop_app.models.errors import InvalidValueError, WorkshopError, WorkshopFileError
from workshop_app.models.handouts.part import MERGED_TABLES, handout_info
from workshop_app.models.handouts.record import plan_record
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.validation import clean_text

LONGEST_LABEL = 200  # a group's name, shown on one line in headings and the command line's report


def outcome_ids(document: WorkshopDocument, codes: list[str]) -> list[str]:
    """The outcomes named by their codes ("2", "3"), in the order given; refuses a code that is
    no outcome of the road map."""
    by_code = {code: node_id for node_id, code in node_codes(document).items()
               if code and "." not in code}
    found = []
    for code in codes:
        key = str(code).strip()
        if key not in by_code:
            known = ", ".join(sorted(by_code, key=lambda value: int(value) if value.isdigit() else 0)) or _("none")
            raise InvalidValueError(_("the road map has no outcome {code} (its outcomes: {known})").format(
                code=key, known=known))
        if by_code[key] not in found:
            found.append(by_code[key])
    return found


def write_handout(document: WorkshopDocument, target: Path | str, outcomes: list[str], label: str = "", *,
                  overwrite: bool = False) -> Path:
    """Write the handout for the outcomes with these ids; `label` names the group ("Group A").
    An existing file is replaced only with `overwrite` (it may hold a group's work)."""
    if handout_info(document) is not None:
        raise WorkshopError(_("this file is itself a handout: write handouts from the workshop's own file"))
    if not outcomes:
        raise InvalidValueError(_("choose at least one outcome for the group to edit"))
    for outcome in outcomes:
        node = document.get("roadmap_node", outcome)
        if node is None or node["level"] != "outcome":
            raise InvalidValueError(_("only outcomes can be handed out to a group"))
    # One line wherever it is shown: the window's heading, the command line's report, a file name.
    label = " ".join(clean_text(label).split())
    if len(label) > LONGEST_LABEL:
        raise InvalidValueError(_("a group's name has at most {most} characters").format(most=LONGEST_LABEL))
    if document.readonly:
        raise WorkshopFileError(document.path, _("is open read-only: the workshop keeps a record of each handout it "
                                                 "writes, to check the handout when it comes back"))
    target = Path(target)
    if target.is_dir():
        raise WorkshopFileError(target, _("is a folder; give a name for the handout"))
    if target.exists() and not overwrite:
        raise WorkshopFileError(target, _("already exists (it may hold a group's work); choose another name"))
    document.save_copy(target)
    base = {table: document.rows(table, order_by="rowid") for table in MERGED_TABLES}
    row = {"id": new_id(), "workshop_id": document.workshop()["id"], "label": label,
           "outcomes": json.dumps(list(outcomes)), "created_at": utc_now(),
           "base": json.dumps(base, ensure_ascii=False, separators=(",", ":"))}
    try:
        with WorkshopDocument.open(target) as copy:
            # Translators: the undo step that turns a copy of the workshop into a group's handout
            copy.apply(Change(_("Hand out"), (RowChange("handout", row["id"], None, row),)))
        # Outside the undo history: undoing it would leave the group's handout impossible to merge.
        document.apply(plan_record(document, row))
    except BaseException:
        target.unlink(missing_ok=True)  # a handout the workshop keeps no record of could never come back
        raise
    return target
