"""Extraction: pure functions from a parsed spaCy `Doc` to the plain dataclasses of `kg.types` (no RDF here)."""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from kg.extract.meetings import read_meetings
from kg.extract.organisations import GOVERNMENT_OF, extract_organisations
from kg.extract.people import extract_people, private_post
from kg.nlp.components import DdkgEntities
from kg.nlp.gazetteer import PATTERNS_DIR, Gazetteer, fold
from kg.types import Document, Extraction, Organisation, Post, Ref



def document_text(document: Document) -> str:
    """What the pipeline reads: the title as its own sentence and paragraph, then the body."""
    if not document.title:
        return document.text
    title = document.title.strip()
    end = "" if title[-1:] in ".!?" else "."
    return f"{title}{end}\n\n{document.text}"


def publisher_nation(document: Document, gaz: Gazetteer) -> Optional[str]:
    """The nation whose government published the document ("Ministry of Defence" -> its gazetteer nation)."""
    if not document.publisher:
        return None
    name = fold(document.publisher)
    entry = gaz.org_by_name.get(name) or gaz.org_by_name.get(name.removeprefix("the "))
    if entry and entry.nation:
        return entry.nation
    return next((gaz.nation_of(w) for w in document.publisher.replace(",", " ").split() if gaz.nation_of(w)), None)


@lru_cache(maxsize=1)
def _metonym_words() -> tuple[dict[str, str], frozenset[str]]:
    with (PATTERNS_DIR / "metonyms.csv").open(encoding="utf-8", newline="") as fh:
        capitals = {fold(r["name"]): r["iso3"] for r in csv.DictReader(fh)}
    with (PATTERNS_DIR / "stance_verbs.csv").open(encoding="utf-8", newline="") as fh:
        verbs = frozenset(r["word"] for r in csv.DictReader(fh))
    return capitals, verbs


@lru_cache(maxsize=1)
def _leader_titles() -> dict[str, frozenset[str]]:
    """The titles of the heads of state and government a nation has (leader_titles.csv): a White House readout's
    "Prime Minister X" is someone else's prime minister."""
    titles: dict[str, set[str]] = {}
    with (PATTERNS_DIR / "leader_titles.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            titles.setdefault(row["nation"], set()).add(fold(row["title"]))
    return {k: frozenset(v) for k, v in titles.items()}


def foreign_leader(posts: list[Post], home: str) -> bool:
    """Are these only leaders' posts that the home nation's government does not have ("Prime Minister" in a US
    release)? Only for nations listed in leader_titles.csv."""
    known = _leader_titles().get(home)
    return bool(known and posts) and all(q.role in {"HeadOfState", "HeadOfGovernment"} for q in posts) \
        and not any(fold(q.title) in known for q in posts)


def government_metonyms(doc: Doc, gaz: Gazetteer) -> list[str]:
    """'Moscow rejected the proposal', 'Washington warned': a capital as the subject of a statement verb means its
    government. Conservative: only the subject of such a verb counts, never 'in Moscow'."""
    capitals, verbs = _metonym_words()
    found = []
    for ent in doc.ents:
        iso3 = capitals.get(fold(ent.text.removeprefix("the ").removeprefix("The ")))
        if iso3 and ent.root.dep_ == "nsubj" and ent.root.head.lower_ in verbs:
            found.append(iso3)
    return found


def extract(doc: Doc, document: Document, entities: DdkgEntities) -> Extraction:
    gaz = entities.gazetteer
    entities.complete(doc)
    home = publisher_nation(document, gaz)
    people = extract_people(doc, gaz, home)
    organisations, org_of_token = extract_organisations(doc, gaz, entities.org_heads, home)
    publisher_org = gaz.org_by_name.get(fold(document.publisher).removeprefix("the ")) if document.publisher else None
    if publisher_org and publisher_org.kind == "ministry" and all(o.canonical != publisher_org.name for o in organisations):
        # the ministry that issues the release speaks in it (a "Ministry of Defence" press release)
        organisations.append(Organisation(publisher_org.name, publisher_org.kind, publisher_org.nation, canonical=publisher_org.name))
    person_nation = {p.name: p.nation for p in people.persons}
    meetings, implied, visitors = read_meetings(doc, people.token_person, organisations, org_of_token, document.published, person_nation,
                                      home=home)
    leaders_by_title: set[str] = set()
    for p in people.persons:
        if p.nation is None:
            p.nation = implied.get(p.name)
        if p.nation is None and home and p.posts and p.name not in visitors \
                and not any(gaz.is_international_post(q.title, q.org) for q in p.posts) \
                and not all(private_post(q, gaz) for q in p.posts) and not foreign_leader(p.posts, home):
            head = next((fold(q.title) for q in p.posts if q.role in {"HeadOfState", "HeadOfGovernment"}), None)
            if head in leaders_by_title:
                continue  # "President Biden ... President Erdoğan": one nation has one president; the second is foreign
            if head:
                leaders_by_title.add(head)
            p.nation = home  # a titled official in a government's release serves that government unless said otherwise
        p.posts = [Post(q.title, q.role, q.nation or p.nation, q.org) for q in p.posts]
    nations: list[str] = []
    for ent in doc.ents:
        if ent.label_ in {"NATION", "NORP"} and ent.kb_id_ and ent.kb_id_ not in nations:
            nations.append(ent.kb_id_)
    for iso3 in government_metonyms(doc, gaz):
        if iso3 not in nations:
            nations.append(iso3)
    foreign = [n for n in nations if n != home]
    if home and len(foreign) == 1:
        # "Prime Minister Kishida" in a US readout that names one nation besides the publisher's: that nation's leader
        # (not a second one where that nation's is named: "President Niinistö of Finland ... Erdoğan"; nor any
        # "President": the publisher's own may be the one left without a nation)
        taken = {fold(q.title) for o in people.persons if o.nation == foreign[0] for q in o.posts}
        for p in people.persons:
            titles = {fold(q.title) for q in p.posts}
            if p.nation is None and p.posts and not titles & taken and foreign_leader(p.posts, home):
                p.nation = foreign[0]
                p.posts = [Post(q.title, q.role, q.nation or p.nation, q.org) for q in p.posts]
                taken |= titles
    for p in people.persons:
        if p.nation and p.nation not in nations:
            nations.append(p.nation)
    for o in organisations:  # "the Government of Kosovo" names Kosovo (the nation inside other names may be a state's)
        if o.nation and o.nation not in nations and GOVERNMENT_OF.search(o.name):
            nations.append(o.nation)
    # nations of persons whose nation came from the visit rule or the publisher must appear in meetings too
    nation_of = {p.name: p.nation for p in people.persons}
    for m in meetings:
        for r in list(m.participants) + m.hosts + m.chairs:
            if r.kind == "person" and nation_of.get(r.key) and Ref("nation", nation_of[r.key]) not in m.participants:
                m.participants.append(Ref("nation", nation_of[r.key]))
        for r in m.hosts + m.chairs:
            if r not in m.participants:
                m.participants.append(r)
    return Extraction(document, people.persons, organisations, nations, meetings)
