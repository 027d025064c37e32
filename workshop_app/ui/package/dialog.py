"""File › Share Package…: one zip for the country office, with its options (the road map's
version, the language, the paper, contact details), written with progress in the window."""

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from workshop_app.export.package.writing import PackageWriter
from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopError
from workshop_app.ui.dialogs.export import ExportDialog, version_combo
from workshop_app.ui.package.progress import PackageProgress


class SharePackageDialog(ExportDialog):
    def __init__(self, document, settings, parent: QWidget | None = None):
        super().__init__(document, settings, parent, title=_("Share Package"), what="package",
                         # Translators: what the suggested file name ends with: "<workshop title> – share package.zip"
                         name=_("share package"), formats=[(_("Zip archive"), ".zip")])
        about = QLabel(_("One zip file for the country office: a copy of the workshop, the road map (PDF and "
                         "workbook), the agenda, the participant list, and a README in the chosen language that says "
                         "what each file is."))
        about.setWordWrap(True)
        self.version = version_combo(document)
        self.contacts = QCheckBox(_("Include participants' e-mail and phone (left out of every file by default, the "
                                    "workshop file included)"))
        self.add_option("", about)
        self.add_option(_("&Version"), self.version)
        self.add_paper()
        self.add_option("", self.contacts)
        # Translators: the button of the Share Package dialog that writes the zip
        self.export_button.setText(_("Write Package"))

    def options(self) -> dict:
        return {**super().options(), "version": self.version.currentData(), "with_contacts": self.contacts.isChecked()}


def share_package(window) -> None:
    """Ask for the package's options and name, then write it with progress shown."""
    session = window.session
    if session is None:
        return
    window.commit_pending_edit()
    dialog = SharePackageDialog(session.document, window.settings, window)
    if not dialog.exec():
        return
    target = dialog.target()
    try:
        writer = PackageWriter(session.document, target, **dialog.options())
        writer.take_copy(session.document)  # here, where the document lives; the rest in another thread
    except (OSError, WorkshopError) as error:
        window.show_error(_("The package was not written"), str(error))
        return
    progress = PackageProgress(writer, window)
    progress.exec()
    if progress.refusal is not None:
        window.show_error(_("The package was not written"), progress.refusal)
        return
    if progress.written is None:
        window.statusBar().showMessage(_("Stopped: no package was written"), 8000)
        return
    window.settings.set_last_folder(target.parent)
    window.settings.add_exported_from(session.document.path)
    window.workshop_view.exported()
    window.statusBar().showMessage(_("Share package written: {file}").format(file=target), 10000)
    if progress.written.unprintable:
        from workshop_app.ui.dialogs.unprintable import message_box

        message_box(target.name, [item for _name, item in progress.written.unprintable], window).exec()
