"""Extraction: pure functions from a parsed spaCy `Doc` to the plain dataclasses of `kg.types` (no RDF here)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from kg.extract.meetings import read_meetings
from kg.extract.organisations import extract_organisations
from kg.extract.people import extract_people
from kg.nlp.components import DdkgEntities
from kg.nlp.gazetteer import Gazetteer, fold
from kg.types import Document, Extraction, Organisation, Post



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


def extract(doc: Doc, document: Document, entities: DdkgEntities) -> Extraction:
    gaz = entities.gazetteer
    entities.complete(doc)
    home = publisher_nation(document, gaz)
    people = extract_people(doc, gaz, home)
    organisations, org_of_token = extract_organisations(doc, gaz, entities.org_heads, home)
    publisher_org = gaz.org_by_name.get(fold(document.publisher).removeprefix("the ")) if document.publisher else None
    if publisher_org and publisher_org.kind in {"ministry", "military"} and all(o.name != publisher_org.name for o in organisations):
        organisations.append(Organisation(publisher_org.name, publisher_org.kind, publisher_org.nation))
    person_nation = {p.name: p.nation for p in people.persons}
    meetings, implied = read_meetings(doc, people.token_person, organisations, org_of_token, document.published, person_nation)
    for p in people.persons:
        if p.nation is None:
            p.nation = implied.get(p.name)
        if p.nation is None and home and p.posts and not any(gaz.is_international_post(q.title, q.org) for q in p.posts):
            p.nation = home  # a titled official in a government's release serves that government unless said otherwise
        p.posts = [Post(q.title, q.role, q.nation or p.nation, q.org) for q in p.posts]
    nations: list[str] = []
    for ent in doc.ents:
        if ent.label_ in {"NATION", "NORP"} and ent.kb_id_ and ent.kb_id_ not in nations:
            nations.append(ent.kb_id_)
    for p in people.persons:
        if p.nation and p.nation not in nations:
            nations.append(p.nation)
    # nations of persons whose nation came from the visit rule or the publisher must appear in meetings too
    nation_of = {p.name: p.nation for p in people.persons}
    from kg.types import Ref
    for m in meetings:
        for r in list(m.participants) + m.hosts + m.chairs:
            if r.kind == "person" and nation_of.get(r.key) and Ref("nation", nation_of[r.key]) not in m.participants:
                m.participants.append(Ref("nation", nation_of[r.key]))
        for r in m.hosts + m.chairs:
            if r not in m.participants:
                m.participants.append(r)
    return Extraction(document, people.persons, organisations, nations, meetings)
