"""A country chooser: the pathfinder countries first, then every country, named and sorted in
the window's language."""

from PySide6.QtWidgets import QComboBox, QWidget

from workshop_app.i18n.catalogs import _, current
from workshop_app.models.geography import all_countries, sort_key
from workshop_app.models.vocabulary import PATHFINDER_COUNTRIES


class CountryCombo(QComboBox):
    def __init__(self, *, allow_unset: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        countries = all_countries(current().language)
        names = dict(countries)
        if allow_unset:
            # Translators: no country chosen
            self.addItem(_("(not set)"), "")
        for code in sorted(PATHFINDER_COUNTRIES, key=lambda c: sort_key(names.get(c, c))):
            # Translators: a country that asked to become an Alliance 8.7 pathfinder country
            self.addItem(_("{country} (pathfinder)").format(country=names.get(code, code)), code)
        self.insertSeparator(self.count())
        for code, name in countries:
            self.addItem(name, code)

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(max(self.findData(code), 0))

    def code(self) -> str:
        return self.currentData() or ""
