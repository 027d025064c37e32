"""Organizations named in a participant list, matched with each other and with the workshop's.

Lists name one organization several ways: "International Labour Organization (ILO)" on one row,
"ILO" on the next, "international labour  organization" further down. Every spelling offers
keys (its name, its acronym; case and spaces ignored); spellings that share a key, with any
organization of the workshop that has that name or acronym, are one organization.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workshop_app.models.changes import Row
from workshop_app.models.text_keys import folded_key

_BRACKETED = re.compile(r"(.*?\S)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]")
_DASHED = re.compile(r"(.+?)\s+[-–—]\s+(.+)")

# Category by obvious words (compared without case or accents); the first rule that matches wins,
# so "Embassy" beats "European Union", "University ... Department" is academic and "Federation of
# ... Industries" is not a union. A word ending in "*" is a prefix; "a & b" needs both.
_CATEGORY_RULES = (
    ("un", "ilo unicef iom unodc undp ohchr unhcr unfpa unesco unaids wfp fao oit oim onu unwomen pnud onudc acnur "
           "unops ocha",
     ["un women", "united nations", "nations unies", "naciones unidas", "international labour organization",
      "international labor organization", "international labour organisation", "organisation internationale du travail",
      "organizacion internacional del trabajo", "international organization for migration",
      "organisation internationale pour les migrations", "organizacion internacional para las migraciones"]),
    ("development_partner", "embassy ambassade embajada consulate consulat consulado usaid giz fcdo dfid jica koica",
     ["high commission", "delegation of the european union"]),
    ("regional", "asean saarc ecowas cedeao sadc saievac",
     ["european union", "union europeenne", "union europea", "african union", "union africaine", "union africana",
      "organization of american states", "organizacion de los estados americanos"]),
    ("academic", "university universite universidad universidade college faculty faculte facultad", []),
    ("employers", "employer employers employeur employeurs empleadores empresarios empresarial patronat patronal",
     ["chamber of commerce", "chambers of commerce", "chambre de commerce", "chambres de commerce",
      "camara de comercio", "camaras de comercio", "business council", "federation & industr*",
      "confederation & industr*", "industr* & association*", "groupement & entreprises"]),
    # Not "workers" alone: "Child Workers in Nepal" is an NGO.
    ("workers", "union unions syndicat syndicats syndicale sindicato sindicatos sindical",
     ["confederation & workers", "federation & workers", "confederation & travailleurs",
      "confederacion & trabajadores", "central & trabajadores"]),
    ("government", "ministry ministries ministere ministerio department departement departamento government "
                   "gouvernement gobierno secretaria police policia directorate procuraduria fiscalia municipality "
                   "municipalite municipalidad",
     ["direction generale", "attorney general", "labour inspectorate", "labor inspectorate", "inspection du travail",
      "national commission", "commission nationale"]),
    ("civil_society", "ngo ong association associations asociacion foundation fondation fundacion",
     ["civil society", "societe civile", "sociedad civil"]),
)


def category_of(name: str, acronym: str = "") -> str:
    spaced = f" {folded_key(name)} {folded_key(acronym)} "
    words = set(spaced.split())
    for category, single_words, phrases, pairs in _CATEGORIES:
        if words & single_words:
            return category
        for first, phrase in phrases:
            if first in words and phrase in spaced:
                return category
        for pair in pairs:
            if all(any(word.startswith(term) for word in words) if prefix else term in words
                   for term, prefix in pair):
                return category
    return "other"


def _compile_rules():
    compiled = []
    for category, single, terms in _CATEGORY_RULES:
        phrases = [(term.split()[0], f" {term} ") for term in terms if "&" not in term]
        pairs = [tuple((part.strip().rstrip("*"), part.strip().endswith("*")) for part in term.split("&"))
                 for term in terms if "&" in term]
        compiled.append((category, frozenset(single.split()), phrases, pairs))
    return compiled


_CATEGORIES = _compile_rules()


def split_acronym(text: str) -> tuple[str, str]:
    """'Full Name (ACR)' or 'ACR (Full Name)' or 'ACR - Full Name' -> (full name, acronym);
    anything else -> (text, '')."""
    match = _BRACKETED.fullmatch(text) or _DASHED.fullmatch(text)
    if match:
        outside, inside = match.group(1).strip(), match.group(2).strip()
        if looks_like_acronym(inside) and not looks_like_acronym(outside):
            return outside, inside
        # "ACR (Full Name)" only when the full name starts like the acronym: not "UNICEF (Kathmandu Office)".
        if looks_like_acronym(outside) and not looks_like_acronym(inside) and \
                inside[:1].casefold() == outside[:1].casefold():
            return inside, outside
    return text, ""


def looks_like_acronym(text: str) -> bool:
    """'ILO', 'MoLESS', 'UN Women', 'GEFONT': short, capitalised, one word mostly capitals."""
    words = text.split()
    if not words or len(words) > 3 or len(text) > 16:
        return False
    if not all(word[0].isupper() or word[0].isdigit() for word in words):
        return False
    return any(sum(1 for char in word if char.isupper()) >= 2 for word in words)


def organization_key(text: str) -> str:
    return "".join(text.casefold().split())


@dataclass
class _Group:
    mentions: list[tuple[str, str, str]]  # (text, name, acronym) in order of appearance
    existing: list[Row]


def match_organizations(texts: Iterable[str], existing: list[Row],
                        make_id: Callable[[], str]) -> tuple[dict[str, str], list[Row]]:
    """text -> id of the organization it names (the workshop's own, or a new one), and the rows
    of the new organizations in order of first appearance."""
    sets = _SharedKeys()
    for row in existing:
        sets.add((organization_key(row["name"]), organization_key(row["acronym"] or "")))
    mentions = []
    for text in texts:
        name, acronym = split_acronym(text)
        mentions.append((sets.add((organization_key(name), organization_key(acronym))), text, name, acronym))
    find = sets.find

    groups: dict[int, _Group] = {}
    for node, row in enumerate(existing):
        groups.setdefault(find(node), _Group([], [])).existing.append(row)
    for node, text, name, acronym in mentions:
        groups.setdefault(find(node), _Group([], [])).mentions.append((text, name, acronym))

    ids: dict[str, str] = {}
    new_rows: list[Row] = []
    for group in groups.values():
        if not group.mentions:
            continue
        if group.existing:
            organization_id = group.existing[0]["id"]
        else:
            row = _new_organization(group, make_id())
            new_rows.append(row)
            organization_id = row["id"]
        for text, _, _ in group.mentions:
            ids[text] = organization_id
    return ids, new_rows


def _new_organization(group: _Group, organization_id: str) -> Row:
    """An organization no list row matched: named by its first mention that is not an acronym."""
    names = [name for _, name, _ in group.mentions if not looks_like_acronym(name)]
    name = names[0] if names else group.mentions[0][1]
    acronym = next((acronym for _, _, acronym in group.mentions if acronym), "")
    return {"id": organization_id, "name": name, "acronym": acronym, "category": category_of(name, acronym)}


class _SharedKeys:
    """Disjoint sets of entries (union-find): two entries that offer one key end in one set,
    and so does everything either was already joined with."""

    def __init__(self):
        self._parent: list[int] = []
        self._owner: dict[str, int] = {}  # key -> the first entry that offered it

    def find(self, node: int) -> int:
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def add(self, keys: Iterable[str]) -> int:
        """A new entry offering these keys; returns its number."""
        node = len(self._parent)
        self._parent.append(node)
        for key in keys:
            if not key:
                continue
            if key in self._owner:
                first, this = self.find(self._owner[key]), self.find(node)
                if first != this:
                    self._parent[max(first, this)] = min(first, this)  # the oldest entry stays the root
            else:
                self._owner[key] = node
        return node
