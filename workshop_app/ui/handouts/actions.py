"""What the File menu and the Road map page call: hand out, merge handouts; and the line the
window shows on top of a handout."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from workshop_app.i18n.catalogs import _
from workshop_app.models.document import FILE_FILTER
from workshop_app.models.handouts.part import part_words
from workshop_app.ui.handouts.hand_out import HandoutDialog


def hand_out(window, chosen: str | None = None) -> None:
    """Write a handout of the open workshop; `chosen` is an outcome to tick first."""
    session = window.session
    if session is None or session.document.readonly:  # both write: a handout, or the merged workshop
        return
    window.commit_pending_edit()
    if session.handout is not None:
        window.show_error(_("Hand Out to a Group"),
                          _("This file is itself a handout: write handouts from the workshop's own file."))
        return
    dialog = HandoutDialog(session, window.settings.last_folder(), chosen, window)
    if dialog.exec() and dialog.written is not None:
        window.settings.set_last_folder(dialog.written.resolve().parent)
        window.statusBar().showMessage(_("Handout saved as {file}").format(file=dialog.written.name), 8000)


def merge_handouts(window) -> None:
    from workshop_app.ui.handouts.merge import MergeDialog

    session = window.session
    if session is None or session.document.readonly:  # both write: a handout, or the merged workshop
        return
    window.commit_pending_edit()
    if session.handout is not None:
        window.show_error(_("Merge Handouts"),
                          _("This file is a handout: merge handouts into the workshop's own file."))
        return
    paths, _filter = QFileDialog.getOpenFileNames(window, _("Merge Handouts"), str(window.settings.last_folder()),
                                                  _(FILE_FILTER))
    if not paths:
        return
    dialog = MergeDialog(session, [Path(path) for path in paths], window)
    dialog.exec()
    if dialog.merged:
        window.workshop_view.show_page("roadmap")
        window.statusBar().showMessage(_("Merged: {groups}; Edit › Undo takes back one handout at a time").format(
            groups=", ".join(dialog.merged)), 8000)


def banner_text(session) -> str:
    """'Handout for Group A: Outcome 2 is yours to edit…'; empty for a workshop's own file."""
    if session is None or session.handout is None:
        return ""
    info = session.handout
    return _("Handout for {group}: {part} is yours to edit. The rest of the workshop is read-only here; plenary "
             "comments can be added anywhere.").format(group=info.label or _("the group"),
                                                       part=part_words(session.document, info))
