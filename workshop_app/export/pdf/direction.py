"""Right-to-left order: the embedding level of every character of a paragraph (the Unicode
bidirectional algorithm, UAX #9), and the visual order of the pieces of one line.

reportlab orders right-to-left text only through rlbidi, which the package registry does not
serve, and python-bidi gives the reordered string but not the levels: a printer that breaks a
paragraph into lines, picks a font per script and shapes each run needs the levels. Printed text
holds no explicit embeddings (text.clean drops the formatting characters), so each paragraph is a
single isolating run sequence at the paragraph's level, and the rules that remain are W1–W7,
N0–N2, I1–I2 and L1–L2. The tests compare the result with python-bidi's on random mixed text.
"""

import unicodedata
from collections.abc import Sequence

# Explicit embeddings, overrides and isolates, removed before printing (rule X9 removes the
# first two kinds; isolates reached us only by a paste, and print as what they enclose).
FORMATTING = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))

_STRONG_RIGHT = {"R", "AL"}
_NEUTRAL = {"B", "S", "WS", "ON", "BN"}
# Bidi_Paired_Bracket pairs (BidiBrackets.txt) that people type; canonical equivalents
# U+2329/232A and U+3008/3009 are treated as the same pair.
_OPENING = {
    "(": ")", "[": "]", "{": "}", "\u0f3a": "\u0f3b", "\u0f3c": "\u0f3d", "\u169b": "\u169c",
    "\u2045": "\u2046", "\u207d": "\u207e", "\u208d": "\u208e", "\u2308": "\u2309", "\u230a": "\u230b",
    "\u2329": "\u232a", "\u2768": "\u2769", "\u276a": "\u276b", "\u276c": "\u276d", "\u276e": "\u276f",
    "\u2770": "\u2771", "\u2772": "\u2773", "\u2774": "\u2775", "\u27c5": "\u27c6", "\u27e6": "\u27e7",
    "\u27e8": "\u27e9", "\u27ea": "\u27eb", "\u2983": "\u2984", "\u2985": "\u2986", "\u2987": "\u2988",
    "\u2989": "\u298a", "\u298b": "\u298c", "\u298d": "\u2990", "\u298f": "\u298e", "\u2991": "\u2992",
    "\u2993": "\u2994", "\u2995": "\u2996", "\u2997": "\u2998", "\u29d8": "\u29d9", "\u29da": "\u29db",
    "\u29fc": "\u29fd", "\u2e22": "\u2e23", "\u2e24": "\u2e25", "\u2e26": "\u2e27", "\u2e28": "\u2e29",
    "\u3008": "\u3009", "\u300a": "\u300b", "\u300c": "\u300d", "\u300e": "\u300f", "\u3010": "\u3011",
    "\u3014": "\u3015", "\u3016": "\u3017", "\u3018": "\u3019", "\u301a": "\u301b", "\ufe59": "\ufe5a",
    "\ufe5b": "\ufe5c", "\ufe5d": "\ufe5e", "\uff08": "\uff09", "\uff3b": "\uff3d", "\uff5b": "\uff5d",
    "\uff5f": "\uff60", "\uff62": "\uff63",
}
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}
_CLOSING = {closing: opening for opening, closing in _OPENING.items()}
_BRACKET_STACK = 63  # BD16: deeper nesting stops pairing


def strip_formatting(text: str) -> str:
    return text.translate(FORMATTING)


def base_level(text: str) -> int:
    """Rules P2–P3: 1 when the first strong character is right to left, else 0. Text inside an
    isolate (U+2066–U+2068 … U+2069) does not count, as the rule says, though the isolates
    themselves are then removed."""
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif kind == "L":
            return 0
        elif kind in _STRONG_RIGHT:
            return 1
    return 0


def has_right_to_left(text: str) -> bool:
    """Whether any letter of the text is written right to left (Hebrew, Arabic, Syriac…)."""
    return not text.isascii() and any(unicodedata.bidirectional(char) in _STRONG_RIGHT for char in text)


def levels(text: str, base: int) -> list[int]:
    """The resolved level of each character (before L1, which applies per line)."""
    if text.isascii() and base == 0:
        return [0] * len(text)  # no right-to-left character, no number that could become one
    types = [unicodedata.bidirectional(char) or "L" for char in text]
    if base == 0 and not any(kind in _STRONG_RIGHT or kind == "AN" for kind in types):
        return [0] * len(text)
    original = list(types)
    edge = "R" if base else "L"
    _weak_types(types, edge)
    _bracket_pairs(text, types, original, base, edge)
    _neutral_types(types, edge)
    return [_implicit(kind, base) for kind in types]


def _weak_types(types: list[str], edge: str) -> None:
    _marks(types, edge)
    _arabic_numbers(types, edge)
    _separators(types)
    _terminators(types)
    for index, kind in enumerate(types):  # W6: the separators and terminators left are neutral
        if kind in ("ES", "ET", "CS"):
            types[index] = "ON"
    _european_numbers(types, edge)


def _marks(types: list[str], edge: str) -> None:
    """W1: a mark takes the type before it."""
    previous = edge
    for index, kind in enumerate(types):
        if kind == "NSM":
            types[index] = previous
        elif kind != "BN":
            previous = kind


def _arabic_numbers(types: list[str], edge: str) -> None:
    """W2, W3: numbers after Arabic letters are Arabic numbers; Arabic letters are R."""
    strong = edge
    for index, kind in enumerate(types):
        if kind in ("L", "R", "AL"):
            strong = kind
            if kind == "AL":
                types[index] = "R"
        elif kind == "EN" and strong == "AL":
            types[index] = "AN"


def _separators(types: list[str]) -> None:
    """W4: one separator between two numbers of a kind joins them."""
    for index in range(1, len(types) - 1):
        kind, before, after = types[index], types[index - 1], types[index + 1]
        if kind == "ES" and before == after == "EN":
            types[index] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[index] = before


def _terminators(types: list[str]) -> None:
    """W5: terminators next to a European number join it."""
    count = len(types)
    index = 0
    while index < count:
        if types[index] != "ET":
            index += 1
            continue
        end = index
        while end < count and types[end] in ("ET", "BN"):
            end += 1
        if (index and types[index - 1] == "EN") or (end < count and types[end] == "EN"):
            types[index:end] = ["EN"] * (end - index)
        index = end


def _european_numbers(types: list[str], edge: str) -> None:
    """W7: European numbers after left-to-right text are left to right."""
    strong = edge
    for index, kind in enumerate(types):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[index] = "L"


def _strong_direction(kind: str) -> str | None:
    if kind == "L":
        return "L"
    if kind in ("R", "AN", "EN"):
        return "R"
    return None


def _bracket_pairs(text: str, types: list[str], original: list[str], base: int, edge: str) -> None:
    """Rule N0: a pair of brackets takes the direction of the text it encloses (or, when that is
    against the paragraph, of the text before it), so "(وزارة العمل)" in an English line keeps
    its brackets round the Arabic."""
    embedding = "R" if base else "L"
    for opening, closing in _pairs(text, types):
        direction = _pair_direction(types, opening, closing, embedding, edge)
        if direction is None:
            continue
        for index in (opening, closing):
            types[index] = direction
            after = index + 1  # marks on a bracket follow it
            while after < len(types) and original[after] == "NSM":
                types[after] = direction
                after += 1


def _pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: the bracket pairs, in the order of their opening brackets."""
    pairs = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if types[index] != "ON":
            continue
        char = _CANONICAL.get(char, char)
        if char in _OPENING:
            if len(stack) == _BRACKET_STACK:
                break
            stack.append((_CANONICAL.get(_OPENING[char], _OPENING[char]), index))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _pair_direction(types: list[str], opening: int, closing: int, embedding: str, edge: str) -> str | None:
    inside = {_strong_direction(kind) for kind in types[opening + 1:closing]} - {None}
    if not inside:
        return None
    if embedding in inside:
        return embedding
    for index in range(opening - 1, -1, -1):
        found = _strong_direction(types[index])
        if found:
            return found
    return edge


def _neutral_types(types: list[str], edge: str) -> None:
    """Rules N1–N2: a run of neutrals between text of one direction takes it, else the
    paragraph's."""
    count = len(types)
    embedding = edge
    index = 0
    while index < count:
        if types[index] not in _NEUTRAL:
            index += 1
            continue
        end = index
        while end < count and types[end] in _NEUTRAL:
            end += 1
        before = _strong_direction(types[index - 1]) if index else edge
        after = _strong_direction(types[end]) if end < count else edge
        direction = before if before == after else embedding
        for inner in range(index, end):
            types[inner] = direction
        index = end


def _implicit(kind: str, base: int) -> int:
    """Rules I1–I2."""
    if base % 2 == 0:
        if kind == "R":
            return base + 1
        if kind in ("AN", "EN"):
            return base + 2
        return base
    return base + 1 if kind in ("L", "EN", "AN") else base


def line_levels(text: str, paragraph_levels: Sequence[int], start: int, end: int, base: int) -> list[int]:
    """Rule L1 for the line text[start:end]: whitespace at its end (and before a tab) returns
    to the paragraph's level."""
    found = list(paragraph_levels[start:end])
    index = len(found)
    while index and unicodedata.bidirectional(text[start + index - 1]) in ("WS", "S", "B", "BN"):
        index -= 1
        found[index] = base
    return found


def visual_order(line: Sequence[int]) -> list[int]:
    """Rule L2: the logical indexes of a line's characters (or pieces, given one level each) in
    the order they are drawn, left to right."""
    order = list(range(len(line)))
    if not line:
        return order
    highest = max(line)
    lowest_odd = min(level for level in line) | 1
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if line[order[index]] >= level:
                end = index
                while end < len(order) and line[order[end]] >= level:
                    end += 1
                order[index:end] = order[index:end][::-1]
                index = end
            else:
                index += 1
    return order
