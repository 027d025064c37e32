"""A country chooser: the pathfinder countries first, then every country, by ISO 3166 code."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.models.vocabulary import PATHFINDER_COUNTRIES

# Codes Qt's locale data knows that are not ISO 3166-1 countries (Kosovo's provisional XK,
# Ascension, Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da Cunha, the EU...).
_NOT_ISO_3166 = {"XK", "AC", "DG", "EA", "IC", "TA", "EU", "QO", "CP", "EZ", "UN", "XA", "XB"}


def country_names() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> English name, from Qt's own locale data (no extra start-up cost)."""
    names = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and territory != QLocale.Country.AnyCountry and code not in _NOT_ISO_3166:
            names[code] = QLocale.territoryToString(territory)
    return names


class CountryCombo(QComboBox):
    def __init__(self, *, allow_unset: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        names = country_names()
        if allow_unset:
            # Translators: no country chosen
            self.addItem(_("(not set)"), "")
        for code in sorted(PATHFINDER_COUNTRIES, key=lambda c: names.get(c, c)):
            # Translators: a country that asked to become an Alliance 8.7 pathfinder country
            self.addItem(_("{country} (pathfinder)").format(country=names.get(code, code)), code)
        self.insertSeparator(self.count())
        for code, name in sorted(names.items(), key=lambda item: item[1]):
            self.addItem(name, code)

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(max(self.findData(code), 0))

    def code(self) -> str:
        return self.currentData() or ""
