"""Resolution across documents: one identity per person, organisation, nation, place and meeting.

Keys are stable, readable strings (the local part of each IRI); the graph builder only turns them into IRIs.
No spaCy and no rdflib here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kg.ingest.common import slug
from kg.types import Document, Extraction, Meeting, Organisation, Person, Place, Post, Ref


def person_key(name: str) -> str:
    return f"person/{slug(name)}"


def nation_key(iso3: str) -> str:
    return f"nation/{iso3}"


def org_key(org: Organisation) -> str:
    return f"org/{org.nation.lower()}/{slug(org.name)}" if org.nation and org.kind in {"ministry", "military"} else f"org/{slug(org.name)}"


def post_key(post: Post) -> str:
    return f"post/{post.nation.lower()}/{slug(post.title)}" if post.nation else f"post/{slug(post.title)}"


def place_key(place: Place) -> str:
    return f"place/{place.nation.lower()}/{slug(place.name)}" if place.nation else f"place/{slug(place.name)}"


def doc_key(document: Document) -> str:
    return f"doc/{slug(document.doc_id)}"


@dataclass
class ResolvedPerson:
    key: str
    labels: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    posts: dict[str, Post] = field(default_factory=dict)  # post key -> post
    nations: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return max(self.labels, key=lambda n: (self.labels[n], len(n), n))

    @property
    def nation(self) -> Optional[str]:
        return max(self.nations, key=lambda n: (self.nations[n], n)) if self.nations else None


@dataclass
class ResolvedOrg:
    key: str
    kind: str
    nation: Optional[str]
    labels: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return max(self.labels, key=lambda n: (self.labels[n], len(n), n))


@dataclass
class ResolvedMeeting:
    key: str
    meeting: Meeting
    participants: set[str] = field(default_factory=set)  # keys
    hosts: set[str] = field(default_factory=set)
    chairs: set[str] = field(default_factory=set)
    series: Optional[str] = None  # org key
    place: Optional[str] = None  # place key
    evidence: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)


@dataclass
class Corpus:
    """Everything the graph builder needs, keyed by stable keys."""

    documents: dict[str, Document] = field(default_factory=dict)
    persons: dict[str, ResolvedPerson] = field(default_factory=dict)
    orgs: dict[str, ResolvedOrg] = field(default_factory=dict)
    nations: dict[str, set[str]] = field(default_factory=dict)  # iso3 -> doc keys
    places: dict[str, Place] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    meetings: dict[str, ResolvedMeeting] = field(default_factory=dict)


def meeting_key(m: Meeting, series_key: Optional[str], doc: str, person_keys: list[str]) -> str:
    date = m.date.value if m.date else f"undated/{doc.removeprefix('doc/')}"
    if series_key:
        what = series_key.rsplit("/", 1)[-1]
    elif m.place:
        what = slug(m.place.name)
    else:
        parties = sorted(k.rsplit("/", 1)[-1] for k in person_keys) or sorted(
            r.key.lower() for r in m.participants if r.kind == "nation")
        what = "-".join(parties[:3]) or "meeting"
    return f"meeting/{date}/{what}"


def resolve(extractions: Iterable[Extraction]) -> Corpus:
    corpus = Corpus()
    for ex in extractions:
        d = doc_key(ex.document)
        corpus.documents[d] = ex.document
        person_keys = {}
        for p in ex.persons:
            k = person_key(p.name)
            person_keys[p.name] = k
            rp = corpus.persons.setdefault(k, ResolvedPerson(k))
            rp.labels[p.name] += 1
            rp.aliases.update(a for a in p.aliases if a != p.name)
            if p.nation:
                rp.nations[p.nation] += 1
            for post in p.posts:
                corpus.posts[post_key(post)] = post
                rp.posts[post_key(post)] = post
            rp.docs.add(d)
        org_keys = {}
        for o in ex.organisations:
            k = org_key(o)
            org_keys[o.name] = k
            ro = corpus.orgs.setdefault(k, ResolvedOrg(k, o.kind, o.nation))
            ro.labels[o.name] += 1
            ro.aliases.update(a for a in o.aliases if a != o.name)
            ro.docs.add(d)
        for iso3 in ex.nations:
            corpus.nations.setdefault(iso3, set()).add(d)
        used: set[str] = set()
        for m in ex.meetings:
            def ref_key(r: Ref) -> Optional[str]:
                if r.kind == "person":
                    return person_keys.get(r.key)
                if r.kind == "nation":
                    corpus.nations.setdefault(r.key, set()).add(d)
                    return nation_key(r.key)
                return org_keys.get(r.key)

            series = org_keys.get(m.series) if m.series else None
            persons_in = [k for r in m.participants if r.kind == "person" and (k := ref_key(r))]
            key = meeting_key(m, series, d, persons_in)
            base, n = key, 2
            while key in used:
                key, n = f"{base}-{n}", n + 1
            used.add(key)
            rm = corpus.meetings.get(key)
            if rm is None:
                rm = corpus.meetings[key] = ResolvedMeeting(key, m)
            rm.participants.update(k for r in m.participants if (k := ref_key(r)))
            rm.hosts.update(k for r in m.hosts if (k := ref_key(r)))
            rm.chairs.update(k for r in m.chairs if (k := ref_key(r)))
            rm.series = rm.series or series
            if m.place:
                pk = place_key(m.place)
                corpus.places[pk] = m.place
                rm.place = rm.place or pk
            rm.evidence.update(m.evidence)
            rm.docs.add(d)
    return corpus
