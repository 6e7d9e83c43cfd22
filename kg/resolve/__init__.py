"""Resolution across documents: one identity per person, organisation, nation, place and meeting.

- Persons: names that are the same person written differently ("Joseph R. Biden, Jr.", "Joe Biden") merge; a bare
  surname or an initial ("Biden", "J. Biden") joins the one person it fits (same nation, a shared post); different
  first names ("Jill Biden") never merge. Every surface form is kept as an alias, with the documents it came from.
- Meetings: the same date and series, or the same date and at least two of the same persons (or the very same
  persons), across documents is one meeting with each document as provenance.

Keys are stable, readable strings (the local part of each IRI); the graph builder turns them into IRIs.
No spaCy and no rdflib here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kg.ingest.common import slug
from kg.resolve.names import first_names_compatible, full_names_compatible, name_tokens
from kg.types import DateValue, Document, Extraction, Meeting, Organisation, Place, Post, Ref

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def nation_key(iso3: str) -> str:
    return f"nation/{iso3}"


def org_key(org: Organisation) -> str:
    name = org.canonical or org.name
    return f"org/{org.nation.lower()}/{slug(name)}" if org.nation and org.kind in {"ministry", "military"} else f"org/{slug(name)}"


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
        return max(self.labels, key=lambda n: (len(name_tokens(n)) > 1, self.labels[n], len(n), n))

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


# -- persons ------------------------------------------------------------------------------------------------------------
@dataclass
class _PersonRecord:
    doc: str
    name: str
    tokens: list[str]
    nation: Optional[str]
    posts: list[Post]
    aliases: list[str]


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _nations_agree(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def _majority_nation(members: list[_PersonRecord]) -> Optional[str]:
    counts = Counter(m.nation for m in members if m.nation)
    return max(counts, key=lambda n: (counts[n], n)) if counts else None


def _posts_agree(a: list[Post], b: list[Post]) -> bool:
    titles = {p.title.lower() for p in a} & {p.title.lower() for p in b}
    return bool(titles) or bool({p.role for p in a} & {p.role for p in b} - {"Other", "Official"})


def _cluster_persons(records: list[_PersonRecord]) -> list[int]:
    """A cluster number per record."""
    uf = _UnionFind(len(records))
    strong = [i for i, r in enumerate(records) if len(r.tokens) > 1 and len(r.tokens[0]) > 1]
    by_surname: dict[str, list[int]] = {}
    for i in strong:
        by_surname.setdefault(records[i].tokens[-1], []).append(i)
    for members in by_surname.values():
        # the same name and nation from many documents is one record for the pairwise comparison
        first_of: dict[tuple, int] = {}
        for i in members:
            key = (tuple(records[i].tokens), records[i].nation)
            if key in first_of:
                uf.union(i, first_of[key])
            else:
                first_of[key] = i
        distinct = list(first_of.values())
        for x, i in enumerate(distinct):
            for j in distinct[x + 1:]:
                a, b = records[i], records[j]
                if full_names_compatible(a.tokens, b.tokens) and _nations_agree(a.nation, b.nation):
                    uf.union(i, j)
    # surnames alone and initials join the one person they fit
    strong_roots: dict[str, set[int]] = {}
    for i in strong:
        strong_roots.setdefault(records[i].tokens[-1], set()).add(uf.find(i))
    strong_set = set(strong)
    members_of: dict[int, list[_PersonRecord]] = {}
    for j in strong:
        members_of.setdefault(uf.find(j), []).append(records[j])
    # what the fit tests need of each person, computed once (a corpus repeats the same people many times)
    first_names = {root: {m.tokens[0] for m in ms} for root, ms in members_of.items()}
    majority = {root: _majority_nation(ms) for root, ms in members_of.items()}
    post_sets = {root: list({tuple(sorted((p.title, p.role) for p in m.posts)): m.posts for m in ms if m.posts}.values())
                 for root, ms in members_of.items()}
    doc_count = {root: len({m.doc for m in ms}) for root, ms in members_of.items()}
    for i, r in enumerate(records):
        if i in strong_set or not r.tokens:
            continue
        fits = []
        for root in sorted(strong_roots.get(r.tokens[-1], set())):
            if len(r.tokens) > 1 and not any(first_names_compatible(r.tokens[0], f) for f in first_names[root]):
                continue
            if not _nations_agree(r.nation, majority[root]):
                continue
            if r.posts and post_sets[root] and not any(_posts_agree(r.posts, posts) for posts in post_sets[root]):
                continue
            fits.append(root)
        if len(fits) > 1 and r.posts:
            fits = [root for root in fits if any(_posts_agree(r.posts, posts) for posts in post_sets[root])] or fits
        if len(fits) > 1:
            # "Biden" in a corpus of readouts: the person the corpus names far more often than any namesake
            sizes = sorted(((doc_count[root], root) for root in fits), reverse=True)
            if sizes[0][0] >= 3 * sizes[1][0]:
                fits = [sizes[0][1]]
        if len(fits) == 1:
            uf.union(i, fits[0])
    # bare surnames with no full name anywhere: one node per surname and nation
    alone: dict[tuple[str, Optional[str]], int] = {}
    for i, r in enumerate(records):
        if uf.find(i) == i and len(r.tokens) == 1:
            key = (r.tokens[0], r.nation)
            if key in alone:
                uf.union(i, alone[key])
            else:
                alone[key] = i
    return [uf.find(i) for i in range(len(records))]


def _resolve_persons(extractions: list[Extraction], corpus: Corpus) -> dict[tuple[str, str], str]:
    """Person nodes of the corpus; returns (doc key, name in that document) -> person key."""
    records = []
    for ex in extractions:
        d = doc_key(ex.document)
        for p in ex.persons:
            records.append(_PersonRecord(d, p.name, name_tokens(p.name), p.nation, list(p.posts), list(p.aliases)))
    clusters = _cluster_persons(records)
    grouped: dict[int, list[_PersonRecord]] = {}
    for r, c in zip(records, clusters):
        grouped.setdefault(c, []).append(r)
    key_of: dict[tuple[str, str], str] = {}
    for c in sorted(grouped):
        members = grouped[c]
        rp = ResolvedPerson("")
        for r in members:
            rp.labels[r.name] += 1
            rp.aliases.update(a for a in r.aliases if a != r.name)
            if r.nation:
                rp.nations[r.nation] += 1
            for post in r.posts:
                rp.posts[post_key(post)] = post
                corpus.posts[post_key(post)] = post
            rp.docs.add(r.doc)
        key = f"person/{slug(rp.label)}"
        if key in corpus.persons:  # a namesake: another person of the same name
            key = f"{key}-{(rp.nation or 'x').lower()}"
            n = 2
            while key in corpus.persons:
                key, n = f"person/{slug(rp.label)}-{n}", n + 1
        rp.key = key
        corpus.persons[key] = rp
        for r in members:
            key_of[(r.doc, r.name)] = key
    return key_of


# -- meetings -----------------------------------------------------------------------------------------------------------
@dataclass
class _MeetingRecord:
    doc: str
    meeting: Meeting
    persons: set[str]
    refs: set[str]
    hosts: set[str]
    chairs: set[str]
    series: Optional[str]
    place: Optional[str]


def _same_meeting(a: _MeetingRecord, b: _MeetingRecord) -> bool:
    if a.doc == b.doc or not a.meeting.date or not b.meeting.date or a.meeting.date.value != b.meeting.date.value:
        return False
    if a.series and b.series:
        return a.series == b.series
    if a.place and b.place and a.place != b.place:
        return False
    shared = a.persons & b.persons
    return len(shared) >= 2 or (bool(shared) and a.persons == b.persons)


def _meeting_key(records: list[_MeetingRecord], corpus: Corpus) -> str:
    first = records[0]
    m = first.meeting
    date = m.date.value if m.date else f"undated/{first.doc.removeprefix('doc/')}"
    series = next((r.series for r in records if r.series), None)
    place = next((r.place for r in records if r.place), None)
    persons = sorted(set().union(*(r.persons for r in records)))
    if series:
        what = series.rsplit("/", 1)[-1]
    elif place:
        what = place.rsplit("/", 1)[-1]
    elif persons:
        what = "-".join(p.rsplit("/", 1)[-1] for p in persons[:3])
    else:
        nations = sorted({k.rsplit("/", 1)[-1].lower() for r in records for k in r.refs if k.startswith("nation/")})
        what = "-".join(nations[:3]) or "meeting"
    return f"meeting/{date}/{what}"


def _merged(records: list[_MeetingRecord]) -> Meeting:
    """One meeting from several reports: the most precise date, the first place, count, ordinal; held if any
    report says it was held."""
    meetings = [r.meeting for r in records]
    dated = [m.date for m in meetings if m.date]
    date: Optional[DateValue] = max(dated, key=lambda d: _PRECISION_RANK[d.precision]) if dated else None
    out = Meeting(date=date)
    out.place = next((m.place for m in meetings if m.place), None)
    out.nation_count = next((m.nation_count for m in meetings if m.nation_count), None)
    out.series = next((m.series for m in meetings if m.series), None)
    out.ordinal = next((m.ordinal for m in meetings if m.ordinal), None)
    out.mode = next((m.mode for m in meetings if m.mode != "in-person"), "in-person")
    out.status = "held" if any(m.status == "held" for m in meetings) else "planned"
    return out


def resolve(extractions: Iterable[Extraction]) -> Corpus:
    extractions = list(extractions)
    corpus = Corpus()
    person_key = _resolve_persons(extractions, corpus)
    records: list[_MeetingRecord] = []
    for ex in extractions:
        d = doc_key(ex.document)
        corpus.documents[d] = ex.document
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

        def ref_key(r: Ref) -> Optional[str]:
            if r.kind == "person":
                return person_key.get((d, r.key))
            if r.kind == "nation":
                corpus.nations.setdefault(r.key, set()).add(d)
                return nation_key(r.key)
            return org_keys.get(r.key)

        for m in ex.meetings:
            refs = {k for r in m.participants if (k := ref_key(r))}
            place = None
            if m.place:
                place = place_key(m.place)
                corpus.places[place] = m.place
            records.append(_MeetingRecord(
                d, m, {k for k in refs if k.startswith("person/")}, refs,
                {k for r in m.hosts if (k := ref_key(r))}, {k for r in m.chairs if (k := ref_key(r))},
                org_keys.get(m.series) if m.series else None, place))
    _resolve_meetings(records, corpus)
    return corpus


def _resolve_meetings(records: list[_MeetingRecord], corpus: Corpus) -> None:
    uf = _UnionFind(len(records))
    by_date: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r.meeting.date:
            by_date.setdefault(r.meeting.date.value, []).append(i)
    for members in by_date.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if _same_meeting(records[i], records[j]):
                    uf.union(i, j)
    grouped: dict[int, list[_MeetingRecord]] = {}
    for i, r in enumerate(records):
        grouped.setdefault(uf.find(i), []).append(r)
    for root in sorted(grouped):
        group = grouped[root]
        key = base = _meeting_key(group, corpus)
        n = 2
        while key in corpus.meetings:
            key, n = f"{base}-{n}", n + 1
        rm = ResolvedMeeting(key, _merged(group))
        for r in group:
            rm.participants |= r.refs | r.hosts | r.chairs
            rm.hosts |= r.hosts
            rm.chairs |= r.chairs
            rm.series = rm.series or r.series
            rm.place = rm.place or r.place
            rm.evidence.update(r.meeting.evidence)
            rm.docs.add(r.doc)
        corpus.meetings[key] = rm
