"""A country chooser: the pathfinder countries first, then every country, named and sorted in
the window's language."""

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from workshop_app.i18n.catalogs import _, current
from workshop_app.models.geography import NOT_ISO_3166, sort_key
from workshop_app.models.vocabulary import PATHFINDER_COUNTRIES


def country_names(language: str) -> dict[str, str]:
    """ISO 3166 alpha-2 code -> the country's name in `language`: Qt's own locale data for the
    codes and the English names (no start-up cost), CLDR through Babel for the other languages."""
    names = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and territory != QLocale.Country.AnyCountry and code not in NOT_ISO_3166:
            names[code] = QLocale.territoryToString(territory)
    if language in ("fr", "es", "ar"):
        from babel import Locale

        translated = Locale.parse(language).territories
        names = {code: translated.get(code, name) for code, name in names.items()}
    return names


class CountryCombo(QComboBox):
    def __init__(self, *, allow_unset: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        names = country_names(current().language)
        countries = sorted(names.items(), key=lambda pair: sort_key(pair[1]))
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
