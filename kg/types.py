"""The plain dataclasses that flow between stages: ingest -> extract -> resolve -> graph.

No spaCy and no rdflib types appear here, so every stage can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Optional

Precision = Literal["day", "month", "year"]
Mode = Literal["in-person", "call", "video"]
Status = Literal["held", "planned"]
OrgKind = Literal["ministry", "military", "group", "international", "other"]
RefKind = Literal["person", "nation", "org"]

#: The role concepts of the vocabulary contract (local names in ``dd:``).
ROLES = (
    "HeadOfState",
    "HeadOfGovernment",
    "DefenceMinister",
    "ForeignMinister",
    "OtherMinister",
    "MilitaryOfficer",
    "NationalSecurityAdviser",
    "Diplomat",
    "Legislator",
    "Official",
    "Other",
)


@dataclass(frozen=True)
class Document:
    """One input document, whatever format it came in."""

    doc_id: str
    text: str
    title: str = ""
    published: Optional[date] = None
    publisher: str = ""
    url: str = ""
    source: str = ""  # the file (and line) it was read from


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ``value`` is ISO (``2025-04-10``, ``2025-04`` or ``2025``) at ``precision``."""

    value: str
    precision: Precision
    text: str = ""  # the words it was read from ("tomorrow", "last weekend")


@dataclass(frozen=True)
class Post:
    """A position as the text names it: title without nation or name, its role concept, its nation."""

    title: str
    role: str  # one of ROLES
    nation: Optional[str] = None  # ISO 3166-1 alpha-3
    org: Optional[str] = None  # name of the organisation the post is in, when stated


@dataclass
class Person:
    """A person as resolved within one document."""

    name: str  # the fullest form of the name in the text, without titles
    aliases: list[str] = field(default_factory=list)  # every surface form seen
    posts: list[Post] = field(default_factory=list)
    nation: Optional[str] = None


@dataclass
class Organisation:
    name: str  # as the text names it ("Foreign Office", "UN")
    kind: OrgKind = "other"
    nation: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    canonical: str = ""  # the gazetteer's name, which identifies it across documents ("United Nations")
    sides: tuple[str, ...] = ()  # the nations a joint body's name opens with ("U.S.-Israel Strategic Consultative Group")


@dataclass(frozen=True)
class Place:
    name: str
    nation: Optional[str] = None


@dataclass(frozen=True)
class Ref:
    """A pointer from a meeting to a party: a person (by name), a nation (by ISO3) or an organisation (by name)."""

    kind: RefKind
    key: str


@dataclass
class Meeting:
    """One n-ary meeting event, possibly assembled from several sentences."""

    date: Optional[DateValue] = None
    place: Optional[Place] = None
    participants: list[Ref] = field(default_factory=list)  # persons, nations and organisations taking part
    hosts: list[Ref] = field(default_factory=list)
    chairs: list[Ref] = field(default_factory=list)
    nation_count: Optional[int] = None
    series: Optional[str] = None  # name of the Group / series
    ordinal: Optional[int] = None
    mode: Mode = "in-person"
    status: Status = "held"
    evidence: list[str] = field(default_factory=list)  # sentences it was read from


@dataclass
class Extraction:
    """Everything read from one document."""

    document: Document
    persons: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    nations: list[str] = field(default_factory=list)  # ISO3 of nations the document refers to
    meetings: list[Meeting] = field(default_factory=list)
