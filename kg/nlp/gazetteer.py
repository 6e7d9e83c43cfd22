"""The word lists ddkg reads text with, loaded from the CSV files in `patterns/` (data, not code).

Users extend ddkg by adding rows to those files; nothing here names a document's people or places.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

PATTERNS_DIR = Path(__file__).parent / "patterns"


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for looking names up."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("’", "'").replace(".", "")
    return " ".join(ascii_text.lower().split())


def _split(value: Optional[str]) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@dataclass(frozen=True)
class NationEntry:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str  # QID or ""


@dataclass(frozen=True)
class PlaceEntry:
    name: str
    iso3: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OrgEntry:
    name: str
    aliases: tuple[str, ...]
    kind: str
    nation: str  # ISO3 or ""


@dataclass(frozen=True)
class TitleEntry:
    title: str
    role: str  # role concept local name, "" for honorifics
    kind: str  # post | rank | honorific | postnominal | occupation
    nation: str  # ISO3 or ""
    scope: str = ""  # "international" for posts of international organisations (Secretary-General)


@dataclass
class Gazetteer:
    nations: dict[str, NationEntry] = field(default_factory=dict)  # by ISO3
    places: list[PlaceEntry] = field(default_factory=list)
    organisations: list[OrgEntry] = field(default_factory=list)
    titles: list[TitleEntry] = field(default_factory=list)
    # folded surface form -> entry
    nation_by_name: dict[str, str] = field(default_factory=dict)
    nation_by_demonym: dict[str, str] = field(default_factory=dict)
    place_by_name: dict[str, PlaceEntry] = field(default_factory=dict)
    org_by_name: dict[str, OrgEntry] = field(default_factory=dict)
    title_by_name: dict[str, TitleEntry] = field(default_factory=dict)

    def nation_of(self, text: str) -> Optional[str]:
        """ISO3 for a nation's name, abbreviation or demonym; None if unknown."""
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        return self.nation_by_name.get(key) or self.nation_by_demonym.get(key)

    def is_international_post(self, title: str, org: Optional[str] = None) -> bool:
        """A post of an international organisation: it serves no nation."""
        words = title.split()
        for n in range(len(words), 0, -1):  # "European Commissioner for Internal Market": the known title it opens with
            if n < len(words) and words[n].lower() not in {"for", "of", "on"}:
                continue
            entry = self.title_by_name.get(fold(" ".join(words[:n])))
            if entry is not None:
                if entry.scope == "international":
                    return True
                break
        org_entry = self.org_by_name.get(fold(org)) if org else None
        return org_entry is not None and org_entry.kind == "international"

    def is_occupation(self, title: str) -> bool:
        """'Actor', 'Writer and Producer', 'Playwright and Television Producer': a trade, not a post of any government."""
        parts = [part.split() for part in re.split(r",|/|&|\band\b", title) if part.strip()]
        return any((entry := self.title_by_name.get(fold(key))) is not None and entry.kind == "occupation"
                   for words in parts for key in (" ".join(words), words[-1]))

    def nation_label(self, iso3: str) -> str:
        entry = self.nations.get(iso3)
        return entry.name if entry else iso3


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


@lru_cache(maxsize=4)
def load_meeting_words(patterns_dir: str | Path = PATTERNS_DIR) -> tuple[tuple[str, str, str], ...]:
    """The rows of meeting_words.csv, read once: (word, kind, mode) for the words that anchor a meeting ("meeting",
    "met", "co-chaired"; kind noun, verb, host, chair or contribute; mode call or video where the word gives one)."""
    return tuple((row["word"], row["kind"], row["mode"]) for row in _rows(Path(patterns_dir) / "meeting_words.csv"))


@lru_cache(maxsize=4)
def load_gazetteer(patterns_dir: str | Path = PATTERNS_DIR) -> Gazetteer:
    """Read nations.csv, places.csv, organisations.csv and titles.csv from `patterns_dir`."""
    folder = Path(patterns_dir)
    gaz = Gazetteer()
    for row in _rows(folder / "nations.csv"):
        entry = NationEntry(row["iso3"], row["name"], tuple(_split(row["aliases"])), tuple(_split(row["demonyms"])), row["wikidata"])
        gaz.nations[entry.iso3] = entry
        for name in (entry.name, *entry.aliases):
            gaz.nation_by_name.setdefault(fold(name), entry.iso3)
        for demonym in entry.demonyms:
            gaz.nation_by_demonym.setdefault(fold(demonym), entry.iso3)
    for row in _rows(folder / "places.csv"):
        place = PlaceEntry(row["name"], row["iso3"], tuple(_split(row.get("aliases"))))
        gaz.places.append(place)
        for name in (place.name, *place.aliases):
            gaz.place_by_name.setdefault(fold(name), place)
    for row in _rows(folder / "organisations.csv"):
        org = OrgEntry(row["name"], tuple(_split(row["aliases"])), row["kind"] or "other", row["nation"])
        gaz.organisations.append(org)
        for name in (org.name, *org.aliases):
            gaz.org_by_name.setdefault(fold(name), org)
    for row in _rows(folder / "titles.csv"):
        title = TitleEntry(row["title"], row["role"], row["kind"], row["nation"], row.get("scope", ""))
        gaz.titles.append(title)
        gaz.title_by_name.setdefault(fold(title.title), title)
    return gaz
