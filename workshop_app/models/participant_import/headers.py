"""Column headers of participant lists in English, French and Spanish, and which field each means.

Headers are compared by a key that ignores case, accents, spacing and punctuation, so
"E-mail", "EMAIL " and "e mail" are one header, and "Sexe (H/F)" is also tried as "Sexe".
The same headers tell the sheet's language, which decides what a lone "M" or "H" means.
"""

import re
from collections.abc import Iterable, Sequence

from workshop_app.i18n.catalogs import _, in_every_language
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.text_keys import folded_key

# What a column can be mapped to; first_name and last_name are joined "First Last" into name.
FIELDS = ("name", "first_name", "last_name", "sex", "organization", "title", "email", "phone", "language", "role")
IGNORE = "ignore"
NAME_FIELDS = ("name", "first_name", "last_name")

# field -> language -> spellings ("*" for words every language uses).
_SPELLINGS = {
    "name": {
        "en": ["Full name", "Full names", "Participant name", "Name of participant", "Participant's name",
               "Names of participants", "Participant", "Participants", "Name and surname", "Name & surname"],
        "fr": ["Nom et prénom", "Nom et prénoms", "Nom et prénom(s)", "Noms et prénoms", "Nom & prénom(s)",
               "Nom prénom", "Nom complet", "Prénom et nom", "Prénoms et nom", "Nom du participant",
               "Nom et prénom du participant", "Participant(e)"],
        "es": ["Nombre completo", "Nombre y apellido", "Nombre y apellidos", "Nombre y apellido(s)",
               "Nombres y apellidos", "Apellidos y nombres", "Apellido y nombre", "Nombre del participante",
               "Participante"],
        "ar": ["الاسم الكامل", "الاسم", "اسم المشارك", "الاسم واللقب", "الاسم الثلاثي", "المشارك"],
    },
    # A bare "Name", "Nom" or "Nombre" beside a first-name (or a last-name) column is the other half.
    "ambiguous_name": {"en": ["Name", "Names"], "fr": ["Nom", "Noms"], "es": ["Nombre"]},
    "first_name": {
        "en": ["First name", "First names", "Given name", "Given names", "Forename", "Forenames"],
        "fr": ["Prénom", "Prénoms", "Prénom(s)"],
        "es": ["Nombres", "Nombre(s)", "Primer nombre"],
        "ar": ["الاسم الأول"],
    },
    "last_name": {
        "en": ["Last name", "Last names", "Surname", "Surnames", "Family name"],
        "fr": ["Nom de famille", "Noms de famille"],
        "es": ["Apellido", "Apellidos", "Apellido(s)", "Primer apellido"],
        "ar": ["اسم العائلة", "اللقب", "الكنية"],
    },
    "sex": {
        "en": ["Sex", "Gender", "Sex (M/F)", "Sex (F/M)", "Gender (M/F)", "M/F", "F/M"],
        "fr": ["Sexe", "Genre", "Sexe (H/F)", "Sexe (F/H)", "Sexe (M/F)", "H/F", "F/H"],
        "es": ["Sexo", "Género", "Sexo (M/H)", "Sexo (H/M)", "Sexo (F/M)", "M/H", "H/M"],
        "ar": ["الجنس", "النوع", "النوع الاجتماعي"],
    },
    "organization": {
        "en": ["Organization", "Organisation", "Institution", "Organization/Institution", "Institution/Organization",
               "Organisation/Institution", "Institution/Organisation", "Name of organization", "Agency",
               "Ministry/Organization", "Ministry/Agency", "Company", "Affiliation"],
        "fr": ["Organisation", "Institution", "Structure", "Organisme", "Structure/Institution",
               "Institution/Structure", "Ministère/Institution", "Entité", "Structure de provenance",
               "Institution de rattachement", "Organisation/Structure"],
        "es": ["Institución", "Organismo", "Organización", "Entidad", "Dependencia", "Institución/Organización",
               "Empresa"],
        "ar": ["المنظمة", "الجهة", "المؤسسة", "الهيئة", "الوزارة", "الجهة/المؤسسة", "جهة العمل"],
    },
    "title": {
        "en": ["Designation", "Position", "Title", "Job title", "Function", "Post", "Job", "Position/Title",
               "Designation/Position"],
        "fr": ["Fonction", "Titre", "Poste", "Fonction/Titre", "Titre/Fonction", "Poste occupé", "Qualité",
               "Position"],
        "es": ["Cargo", "Puesto", "Función", "Título", "Cargo/Puesto", "Cargo que ocupa"],
        "ar": ["المنصب", "الوظيفة", "المسمى الوظيفي", "الصفة"],
    },
    "email": {
        "*": ["E-mail", "Email", "Mail", "E-mail address", "Email address", "Email ID", "E-mail ID"],
        "fr": ["Courriel", "Adresse électronique", "Adresse e-mail", "Adresse mail", "Adresse email",
               "E-mail/Courriel", "Courriel/E-mail"],
        "es": ["Correo", "Correo electrónico", "Correo-e", "Dirección de correo", "Correo electrónico (e-mail)"],
        "ar": ["البريد الإلكتروني", "البريد", "العنوان الإلكتروني"],
    },
    "phone": {
        "*": ["Tel", "Tel.", "Mobile", "Contact"],
        "en": ["Phone", "Telephone", "Phone number", "Telephone number", "Mobile number", "Mobile no",
               "Mobile No.", "Phone No.", "Tel. No.", "Contact number", "Contact No.", "Cell", "Cell phone",
               "Phone/Mobile", "Mobile/Phone"],
        "fr": ["Téléphone", "Tél", "Tél.", "Portable", "Numéro de téléphone", "N° de téléphone", "N° téléphone",
               "Contact téléphonique", "Cellulaire", "Téléphone/Portable"],
        "es": ["Teléfono", "Celular", "Móvil", "Número de teléfono", "Nº de teléfono", "Teléfono/Celular"],
        "ar": ["الهاتف", "رقم الهاتف", "الجوال", "رقم الجوال", "المحمول"],
    },
    "language": {
        "en": ["Language", "Languages", "Preferred language", "Working language"],
        "fr": ["Langue", "Langues", "Langue de travail"],
        "es": ["Idioma", "Idiomas", "Lengua"],
        "ar": ["اللغة", "لغة العمل"],
    },
    "role": {
        "en": ["Role", "Participant type", "Type of participant", "Role in the workshop"],
        "fr": ["Rôle", "Type de participant"],
        "es": ["Rol", "Tipo de participante"],
        "ar": ["الدور", "نوع المشارك"],
    },
}

LANGUAGES = ("en", "fr", "es", "ar")
# The headers of the program's own participant list (export/stakeholders/participant_list.py), by
# field: in every language the program speaks, they read back as what they were written from,
# even where a sheet made by hand would mean another field ("Función" is a role there).
_OWN_HEADERS = {"name": "Name", "sex": "Sex", "organization": "Organization", "title": "Title", "role": "Role",
                "email": "E-mail", "phone": "Phone", "language": "Language"}


def _build_index() -> dict[str, tuple[str, frozenset[str]]]:
    index: dict[str, tuple[str, set[str]]] = {}
    for field, by_language in _SPELLINGS.items():
        for language, spellings in by_language.items():
            languages = set(LANGUAGES) if language == "*" else {language}
            for spelling in spellings:
                key = folded_key(spelling)
                known = index.setdefault(key, (field, set()))
                if known[0] != field:
                    raise AssertionError(f"header {spelling!r} means both {known[0]} and {field}")
                known[1].update(languages)
    own = {field: in_every_language(header, context="job title" if field == "title" else None)
           for field, header in _OWN_HEADERS.items()}
    for language in LANGUAGES:
        for field, forms in own.items():
            key = folded_key(forms[language])
            known = index.get(key)
            if known is not None and known[0] == "ambiguous_name" and field == "name":
                known[1].add(language)  # "Nom" alone is the full name anyway
                continue
            index[key] = (field, (known[1] if known and known[0] == field else set()) | {language})
    return {key: (field, frozenset(languages)) for key, (field, languages) in index.items()}


_INDEX = _build_index()
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^]]*\]")


def recognise(header: str) -> tuple[str, frozenset[str]] | None:
    """(field, languages) for a header text, or None. 'Sexe (H/F)' and 'Name*' are recognised too."""
    if not header:
        return None
    found = _INDEX.get(folded_key(header))
    if found is None and ("(" in header or "[" in header):
        found = _INDEX.get(folded_key(_PARENTHESES.sub(" ", header)))
    return found


def check_mapping(mapping: dict[str, str] | None) -> dict[str, str]:
    """The user's {header: field} by header key, or InvalidValueError naming the bad field."""
    checked = {}
    for header, field in (mapping or {}).items():
        field_key = folded_key(str(field)).replace(" ", "_")
        if field_key not in (*FIELDS, IGNORE):
            raise InvalidValueError(
                _("'{field}' (for column '{header}') is not a participant field; use one of: {fields}").format(
                    field=field, header=header, fields=", ".join((*FIELDS, IGNORE))))
        checked[folded_key(str(header))] = field_key
    return checked


_MAPPING_PAIR = re.compile(r"\s*([^=]*?)\s*=\s*([^,;=]*?)\s*(?:[,;]+|$)")


def parse_mapping(text: str) -> dict[str, str]:
    """'Participant=name, Org.=organization' (the command line's --map) -> {header: field}.
    A header may hold commas ("Organisation, Institution=organization"); a field cannot."""
    mapping, position, text = {}, 0, (text or "").strip().strip(",;")
    while position < len(text):
        pair = _MAPPING_PAIR.match(text, position)
        if pair is None or not pair.group(1) or pair.end() == position:
            rest = text[position:].strip()
            raise InvalidValueError(_("'{text}' is not of the form Header=field (e.g. \"Participant=name\")").format(
                text=rest))
        mapping[pair.group(1)] = pair.group(2)
        position = pair.end()
    return mapping


def row_score(cells: Sequence[str], mapping: dict[str, str]) -> tuple[int, bool]:
    """How many fields a row's cells name as headers, and whether one of them is a name field."""
    fields = set()
    for cell in cells:
        field = _field_of(cell, mapping)
        if field and field != IGNORE:
            fields.add(field)
    has_name = bool(fields & {*NAME_FIELDS, "ambiguous_name"})
    return len(fields), has_name


def _field_of(cell: str, mapping: dict[str, str]) -> str | None:
    if not cell:
        return None
    if mapping:
        field = mapping.get(folded_key(cell))
        if field:
            return field
    found = recognise(cell)
    return found[0] if found else None


def column_fields(headers: Sequence[str], mapping: dict[str, str]) -> list[str]:
    """The field of each column ('ignore' when unknown). A first-name column turns a bare
    'Nom'/'Nombre'/'Name' beside it into the last name (and a last-name column into the first)."""
    fields = [_field_of(header, mapping) or IGNORE for header in headers]
    present = set(fields)
    for index, field in enumerate(fields):
        if field != "ambiguous_name":
            continue
        if "name" in present:
            fields[index] = "name"
        elif "first_name" in present and "last_name" not in present:
            fields[index] = "last_name"
        elif "last_name" in present and "first_name" not in present:
            fields[index] = "first_name"
        else:
            fields[index] = "name"
        present = set(fields)
    return fields


def guess_language(headers: Iterable[str], mapping: dict[str, str]) -> str:
    """'en', 'fr' or 'es' from the header words; the sex column's own header counts a little more
    because it is the one that decides what its letters mean. English when nothing tells."""
    votes = dict.fromkeys(LANGUAGES, 0.0)
    for header in headers:
        if header and folded_key(header) in mapping:
            continue
        found = recognise(header) if header else None
        if found is None or len(found[1]) == len(LANGUAGES):
            continue
        weight = 1.5 if found[0] == "sex" else 1.0
        for language in found[1]:
            votes[language] += weight
    return max(LANGUAGES, key=lambda language: votes[language])  # max keeps the first on a tie
