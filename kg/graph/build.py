"""Types -> rdflib Graph under dd:. The only module that mints IRIs (from the keys made in `kg.resolve`)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.namespaces import DD, DDR, WD, bind_prefixes
from kg.nlp.gazetteer import Gazetteer
from kg.resolve import Corpus, nation_key

ORG_CLASS = {"ministry": DD.Ministry, "military": DD.MilitaryBody, "group": DD.Group, "international": DD.InternationalOrganisation}
MODE = {"in-person": DD.InPerson, "call": DD.Call, "video": DD.Video}
STATUS = {"held": DD.Held, "planned": DD.Planned}
DATE_TYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def iri(key: str) -> URIRef:
    return DDR[key]


def new_graph() -> Graph:
    return bind_prefixes(Graph())


def _nation(g: Graph, iso3: str, gaz: Gazetteer) -> URIRef:
    node = iri(nation_key(iso3))
    if (node, RDF.type, DD.Nation) not in g:
        g.add((node, RDF.type, DD.Nation))
        g.add((node, RDFS.label, Literal(gaz.nation_label(iso3))))
        g.add((node, DD.iso3, Literal(iso3)))
        entry = gaz.nations.get(iso3)
        if entry and entry.wikidata:
            g.add((node, OWL.sameAs, WD[entry.wikidata]))
    return node


def _named(g: Graph, key: str, cls: URIRef, entity, gaz: Gazetteer) -> URIRef:
    """A person or organisation node: class, label, every other surface form, nation, the documents naming it."""
    node = iri(key)
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(entity.label)))
    for alias in sorted(entity.aliases | set(entity.labels)):
        if alias != entity.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if entity.nation:
        g.add((node, DD.nation, _nation(g, entity.nation, gaz)))
    for d in entity.docs:
        g.add((node, DD.mentionedIn, iri(d)))
    return node


def build_graph(corpus: Corpus, gaz: Gazetteer) -> Graph:
    g = new_graph()
    for key, doc in corpus.documents.items():
        node = iri(key)
        g.add((node, RDF.type, DD.Document))
        g.add((node, DD.docId, Literal(doc.doc_id)))
        if doc.title:
            g.add((node, RDFS.label, Literal(doc.title)))
        if doc.published:
            g.add((node, DD.published, Literal(doc.published.isoformat(), datatype=XSD.date)))
        if doc.publisher:
            g.add((node, DD.publisher, Literal(doc.publisher)))
        if doc.url:
            g.add((node, DD.url, Literal(doc.url, datatype=XSD.anyURI)))
    for iso3, docs in corpus.nations.items():
        node = _nation(g, iso3, gaz)
        for d in docs:
            g.add((node, DD.mentionedIn, iri(d)))
    for key, post in corpus.posts.items():
        node = iri(key)
        g.add((node, RDF.type, DD.Post))
        g.add((node, RDFS.label, Literal(post.title)))
        g.add((node, DD.role, DD[post.role]))
        if post.nation:
            g.add((node, DD.nation, _nation(g, post.nation, gaz)))
        if post.org:
            org = next((k for k, o in corpus.orgs.items() if post.org in o.labels), None)
            if org:
                g.add((node, DD.postIn, iri(org)))
    for key, person in corpus.persons.items():
        node = _named(g, key, DD.Person, person, gaz)
        for pk in person.posts:
            g.add((node, DD.holds, iri(pk)))
    for key, org in corpus.orgs.items():
        node = _named(g, key, DD.Organisation, org, gaz)
        if org.kind in ORG_CLASS:
            g.add((node, RDF.type, ORG_CLASS[org.kind]))
    for key, place in corpus.places.items():
        node = iri(key)
        g.add((node, RDF.type, DD.Place))
        g.add((node, RDFS.label, Literal(place.name)))
        if place.nation:
            g.add((node, DD.nation, _nation(g, place.nation, gaz)))
    for key, rm in corpus.meetings.items():
        m = rm.meeting
        node = iri(key)
        g.add((node, RDF.type, DD.Meeting))
        g.add((node, RDFS.label, Literal(meeting_label(rm, corpus))))
        if m.date:
            g.add((node, DD.date, Literal(m.date.value, datatype=DATE_TYPE[m.date.precision])))
            g.add((node, DD.datePrecision, Literal(m.date.precision)))
            if m.date.text:
                g.add((node, DD.dateText, Literal(m.date.text)))
        if rm.place:
            g.add((node, DD.place, iri(rm.place)))
        for prop, keys in ((DD.participant, rm.participants), (DD.host, rm.hosts), (DD.chair, rm.chairs)):
            for k in keys:
                g.add((node, prop, iri(k)))
        if m.nation_count:
            g.add((node, DD.nationCount, Literal(m.nation_count, datatype=XSD.integer)))
        if rm.series:
            g.add((node, DD.series, iri(rm.series)))
        if m.ordinal:
            g.add((node, DD.ordinal, Literal(m.ordinal, datatype=XSD.integer)))
        g.add((node, DD.mode, MODE[m.mode]))
        g.add((node, DD.status, STATUS[m.status]))
        for sentence in rm.evidence:
            g.add((node, DD.evidence, Literal(sentence)))
        for d in rm.docs:
            g.add((node, DD.mentionedIn, iri(d)))
    return g


def meeting_label(rm, corpus: Corpus) -> str:
    """A readable name: '27th Ukraine Defence Contact Group meeting, 2025-04-11'."""
    m = rm.meeting
    parts = []
    if rm.series and rm.series in corpus.orgs:
        parts.append(corpus.orgs[rm.series].label + " meeting")
        if m.ordinal:
            parts[-1] += f" {m.ordinal}"
    else:
        names = sorted(corpus.persons[k].label for k in rm.participants if k in corpus.persons)
        if not names:
            names = sorted(k.rsplit("/", 1)[-1] for k in rm.participants if k.startswith("nation/"))
        kind = {"call": "Call", "video": "Video call"}.get(m.mode, "Meeting")
        parts.append(f"{kind}: {', '.join(names[:4])}{' and others' if len(names) > 4 else ''}" if names else kind)
    if rm.place and rm.place in corpus.places:
        parts.append(corpus.places[rm.place].name)
    parts.append(m.date.value if m.date else "undated")
    return ", ".join(parts)
