"""Comparing person names: the same person written differently ("Joseph R. Biden, Jr.", "Joe Biden", "Biden").

Pure functions; the nickname list is data (`kg/nlp/patterns/nicknames.csv`).
"""

from __future__ import annotations

import csv
from functools import lru_cache

from kg.nlp.gazetteer import PATTERNS_DIR, fold

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_tokens(name: str) -> list[str]:
    """Folded name words without generational suffixes or a transliteration's end apostrophes: 'Joseph R. Biden, Jr.'
    -> ['joseph', 'r', 'biden']; 'Mohammed Shia’ al-Sudani' -> ['mohammed', 'shia', 'sudani']."""
    return [t for t in (_without_article(fold(w).strip("'")) for w in name.replace(",", " ").split()) if t and t not in SUFFIXES]


_ARTICLES = ("al", "el")  # Arabic articles, written "Al Thani" or "al-Maliki"


def _without_article(word: str) -> str:
    """'al-maliki' -> 'maliki': 'Nouri al-Maliki' and 'Nouri Maliki', 'Al-Sudani' and 'Prime Minister Sudani' are one."""
    for article in _ARTICLES:
        if word.startswith(article + "-") and len(word) > len(article) + 2:
            return word[len(article) + 1:]
    return word


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with (PATTERNS_DIR / "nicknames.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = {fold(row["name"]), *(fold(n) for n in row["nicknames"].split("|") if n)}
            for n in names:
                groups.setdefault(n, set()).update(names)
    return {k: frozenset(v) for k, v in groups.items()}


def first_names_compatible(a: str, b: str) -> bool:
    """'joseph' ~ 'joe' ~ 'j'; 'joe' !~ 'jill'."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return b in _nicknames().get(a, frozenset())


def full_names_compatible(a: list[str], b: list[str]) -> bool:
    """Two names of two or more words with the same last word: first names compatible, middle names not clashing."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    if not first_names_compatible(a[0], b[0]):
        return False
    middle_a, middle_b = a[1:-1], b[1:-1]
    if middle_a and middle_b:
        return first_names_compatible(middle_a[0], middle_b[0])
    return True
