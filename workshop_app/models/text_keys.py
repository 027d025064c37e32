"""Keys that compare text the way a person reads it, so that two spellings of one thing meet:
a column header typed in another case or without its accents, an organization's name written
with different punctuation in two lists."""

import re
import unicodedata


def folded_key(text: str) -> str:
    """'  Nom et Prénom(s) ' -> 'nom et prenom s': no case, accents, punctuation or extra spaces."""
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())
