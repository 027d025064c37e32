"""What the cells of a participant list mean: sex, role and language in English, French and
Spanish, and names tidied the way a facilitator would.

Names typed all in capitals or all in small Latin letters ("HARI PRASAD DHAKAL",
"élodie rakoto", "NGUYỄN VĂN AN") are title-cased ("Hari Prasad Dhakal", "Élodie Rakoto",
"Nguyễn Văn An"): that is how they print on badges and sign-in sheets. Particles are not
guessed ("De La Cruz"): "van" is a particle in Dutch but a middle name in Vietnamese. Any other
spelling is kept exactly as typed ("Jean RAKOTO", "McDonald", "सीता श्रेष्ठ").
"""

import re
import unicodedata
from functools import cache

from workshop_app.i18n.catalogs import in_every_language
from workshop_app.i18n.languages import LANGUAGES
from workshop_app.models import vocabulary as v
from workshop_app.models.text_keys import folded_key

# Sex in words and abbreviations, compared by folded_key (no case, accents or dots). Lone
# letters are read by sex_meaning() first, because "M" and "H" depend on the sheet's language.
_SEX_WORDS = {
    "female": ("f", "w", "female", "woman", "women", "fem", "girl", "mrs", "ms", "miss", "femme", "feminin",
               "feminine", "fille", "mme", "madame", "mlle", "mademoiselle", "mujer", "femenino", "femenina",
               "nina", "sra", "senora", "srta", "senorita", "أنثى", "انثى", "امرأة", "سيدة", "السيدة", "إناث"),
    "male": ("male", "man", "men", "masc", "boy", "mr", "homme", "masculin", "garcon", "monsieur", "hombre",
             "masculino", "nino", "sr", "senor", "ذكر", "رجل", "السيد", "ذكور"),
    "other": ("other", "x", "non binary", "nonbinary", "diverse", "autre", "non binaire", "otro", "otra",
              "no binario", "no binaria", "آخر", "أخرى"),
    "not_stated": ("not stated", "prefer not to say", "unknown", "n a", "na", "nd", "non precise",
                   "non renseigne", "no indicado", "no especificado", "ne souhaite pas repondre", "غير محدد",
                   "غير مذكور"),
}


def _with_own_words(words: dict[str, tuple[str, ...]], labels: dict[str, str]) -> dict[str, str]:
    """Words by key, and the program's own label of each key in each of its languages: a list
    exported in Spanish or Arabic reads back."""
    found = {folded_key(word): key for key, spelled in words.items() for word in spelled}
    written = {key: in_every_language(label) for key, label in labels.items()}
    for language in LANGUAGES:
        for key, forms in written.items():
            found.setdefault(folded_key(forms[language]), key)
    return found


_SEX = _with_own_words(_SEX_WORDS, v.SEXES)

_ROLE_WORDS = {
    "participant": ("participant", "participants", "delegate", "participante", "delegue", "delegado",
                    "member", "membre", "miembro"),
    "resource_person": ("resource person", "resource", "speaker", "presenter", "panelist", "panellist", "expert",
                        "personne ressource", "intervenant", "intervenante",
                        "paneliste", "persona de recurso", "persona recurso", "ponente", "expositor",
                        "expositora", "panelista", "experto", "experta"),
    "facilitator": ("facilitator", "moderator", "chair", "facilitateur", "facilitatrice", "moderateur",
                    "moderatrice", "animateur", "animatrice", "facilitador", "facilitadora", "moderador",
                    "moderadora"),
    "observer": ("observer", "observateur", "observatrice", "observador", "observadora"),
    "organiser": ("organiser", "organizer", "organising committee", "organizing committee", "secretariat",
                  "staff", "rapporteur", "organisateur", "organisatrice", "comite d organisation",
                  "organizador", "organizadora", "secretaria", "comite organizador", "relator", "relatora"),
}
_ROLES = _with_own_words(_ROLE_WORDS, v.PARTICIPANT_ROLES)

# Common language names (in English, French, Spanish and their own script) -> ISO 639-1.
_LANGUAGE_WORDS = {
    "en": ("english", "anglais", "ingles", "eng"),
    "fr": ("french", "francais", "frances", "fra", "fre"),
    "es": ("spanish", "espagnol", "espanol", "castellano", "spa", "esp"),
    "ar": ("arabic", "arabe", "العربية", "عربي", "ara"),
    "pt": ("portuguese", "portugais", "portugues"),
    "ne": ("nepali", "nepalese", "népalais", "nepalais", "नेपाली"),
    "hi": ("hindi", "हिन्दी", "हिंदी"),
    "vi": ("vietnamese", "vietnamien", "vietnamita", "tieng viet", "tiếng việt"),
    "si": ("sinhala", "sinhalese", "cinghalais", "singhalais", "සිංහල"),
    "ta": ("tamil", "tamoul", "தமிழ்"),
    "sw": ("swahili", "kiswahili"),
    "mg": ("malagasy", "malgache"),
    "ny": ("chichewa", "chewa", "nyanja"),
    "sq": ("albanian", "albanais", "shqip"),
    "fj": ("fijian", "fidjien", "vosa vakaviti"),
}
_LANGUAGES = {folded_key(word): code for code, words in _LANGUAGE_WORDS.items() for word in words}
_LANGUAGES.update({code: code for code in _LANGUAGE_WORDS})
_WORD_START = re.compile(r"(^|[\s\-'’.])(\w)")


def sex_meaning(language: str, letters_seen: set[str]) -> dict[str, str]:
    """How this sheet's lone letters read. F is female and H (homme, hombre) male everywhere;
    M is male in English and French but Mujer (female) in Spanish, unless the Spanish column
    uses F beside M without any H (femenino / masculino)."""
    meaning = {"f": "female", "h": "male", "m": "male", "w": "female"}
    if language == "es" and not ("f" in letters_seen and "h" not in letters_seen):
        meaning["m"] = "female"
    return meaning


def sex_of(text: str, letters: dict[str, str]) -> str | None:
    """female / male / other / not_stated, or None when the value is not understood."""
    if not text:
        return "not_stated"
    key = folded_key(text)
    if len(key) == 1:
        return letters.get(key) or _SEX.get(key)
    return _SEX.get(key) or (None if key else "not_stated")


def role_of(text: str) -> str | None:
    if not text:
        return "participant"
    return _ROLES.get(folded_key(text))


@cache
def language_of(text: str) -> str | None:
    """An ISO 639-1 code for 'English', 'Français', 'नेपाली', 'fr'..., or None when unknown."""
    if not text:
        return ""
    key = folded_key(text)
    code = _LANGUAGES.get(key) or _LANGUAGES.get(key.split(" ")[0] if key else "")
    if code:
        return code
    from workshop_app.models.geography import language_name  # pycountry: only for rarer languages

    if len(key) == 2 and language_name(key):
        return key
    try:
        import pycountry

        language = pycountry.languages.lookup(text.strip())
    except LookupError:
        return None
    return getattr(language, "alpha_2", None)


def tidy_name(name: str) -> str:
    """Title-case a name typed all in capitals or all in small Latin letters; keep anything else."""
    if not (name.isupper() or name.islower()) or not _is_latin(name):
        return name
    titled = _WORD_START.sub(lambda match: match.group(1) + match.group(2).upper(), name.lower())
    return titled if titled.isascii() else unicodedata.normalize("NFC", titled)


@cache
def _latin_letter(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _is_latin(text: str) -> bool:
    return text.isascii() or all(_latin_letter(char) for char in text if char.isalpha())


def name_key(name: str) -> str:
    """Two spellings of one person's name compare equal: case, spacing (NFC already done) and,
    in Latin script, accents ("Élodie Rakoto", "ELODIE RAKOTO"). Other scripts keep their marks:
    a Devanagari vowel sign is a letter, not an accent."""
    key = " ".join(name.casefold().split())
    if key.isascii() or not _is_latin(key):
        return key
    return "".join(char for char in unicodedata.normalize("NFKD", key) if not unicodedata.combining(char))


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_ANGLED = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>")
_AROUND_AT = re.compile(r"\s*@\s*")


def looks_like_email(text: str) -> bool:
    return _EMAIL.fullmatch(text) is not None


def clean_email(text: str) -> str | None:
    """The address in 'mailto:ana@x.org', 'Ana Pérez <ana@x.org>', 'ana @ x.org;' or
    '(ana@x.org)', or None when cleaning does not give one."""
    angled = _ANGLED.search(text)
    address = angled.group(1) if angled else text
    address = _AROUND_AT.sub("@", address).strip(" \t;,.:()[]<>\"'")
    if address[:7].casefold() == "mailto:":
        address = address[7:]
    return address if looks_like_email(address) else None
