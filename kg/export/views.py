"""Network views of the graph for Gephi, written as GraphML or GEXF.

``full``: people, organisations, nations, meetings and places with their relations (posts and documents become
attributes); ``nations``: nation co-attendance; ``people``: who met whom; ``attendance``: persons and nations
(``bipartite`` 0) against meetings (``bipartite`` 1). Node ids are the IRI paths (``person/john-healey``); output is
sorted, so the same graph gives the same bytes. GEXF carries time (``timeformat="date"``) for Gephi's timeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Union

import networkx as nx
import rdflib
from networkx.readwrite.gexf import GEXFWriter
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Literal, Node, URIRef

from kg.export.rdf import write_atomically

DD = rdflib.Namespace("https://w3id.org/ddkg/ontology#")
BASE = "https://w3id.org/ddkg/id/"

VIEWS = ("full", "nations", "people", "attendance")
FORMATS = ("graphml", "gexf")

#: Node classes of the views, most specific first: a node's ``type`` is the first of these it has.
VIEW_TYPES = (
    "Ministry",
    "MilitaryBody",
    "Group",
    "InternationalOrganisation",
    "Organisation",
    "Person",
    "Nation",
    "Meeting",
    "Place",
)
#: Relations by which a resource takes part in a meeting (hosts and chairs are participants too).
PARTICIPATION = ("participant", "host", "chair")

#: Node colour per ``type`` in GEXF (``viz:color``), a fixed palette.
PALETTE: dict[str, tuple[int, int, int]] = {
    "Person": (31, 119, 180),
    "Nation": (214, 39, 40),
    "Meeting": (255, 127, 14),
    "Ministry": (44, 160, 44),
    "MilitaryBody": (140, 86, 75),
    "Group": (148, 103, 189),
    "InternationalOrganisation": (23, 190, 207),
    "Organisation": (127, 127, 127),
    "Place": (188, 189, 34),
}

Value = Union[str, int, float]

#: Every attribute a view may give a node, with its default: one type per key, never None.
NODE_DEFAULTS: dict[str, Value] = {
    "label": "",
    "type": "",
    "nation": "",
    "iri": "",
    "role": "",
    "posts": "",
    "date": "",
    "mode": "",
    "status": "",
    "nationCount": 0,
    "ordinal": 0,
    "iso3": "",
    "wikidata": "",
    "documents": 0,
    "meetings": 0,
    "bipartite": 0,
}
NODE_KEYS: dict[str, tuple[str, ...]] = {
    "full": ("label", "type", "nation", "iri", "role", "posts", "date", "mode", "status", "nationCount", "ordinal",
             "iso3", "wikidata", "documents"),
    "nations": ("label", "type", "nation", "iri", "iso3", "wikidata", "meetings"),
    "people": ("label", "type", "nation", "iri", "role", "posts", "meetings"),
    "attendance": ("label", "type", "nation", "iri", "role", "date", "bipartite"),
}
EDGE_DEFAULTS: dict[str, dict[str, Value]] = {
    "full": {"weight": 0.0, "relations": ""},
    "nations": {"weight": 0.0, "dates": "", "start": ""},
    "people": {"weight": 0.0, "dates": "", "start": ""},
    "attendance": {"weight": 0.0, "relation": "", "dates": "", "start": ""},
}

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def node_id(iri: Node) -> str:
    """The stable node id: the IRI after ``https://w3id.org/ddkg/id/`` (the whole IRI otherwise)."""
    text = str(iri)
    return text[len(BASE):] if text.startswith(BASE) else text


def day(date: str) -> str:
    """An ISO date, month or year as a day for GEXF time: ``2025-02`` -> ``2025-02-01``; "" if not a date."""
    match = _DATE.match(date)
    if not match:
        return ""
    year, month, dom = match.groups()
    return f"{year}-{month or '01'}-{dom or '01'}"


def _local(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def _values(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> list[Node]:
    return sorted(graph.objects(subject, predicate), key=str)


def _first(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> str:
    values = _values(graph, subject, predicate)
    return str(values[0]) if values else ""


def _int(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> int:
    for value in _values(graph, subject, predicate):
        if isinstance(value, Literal):
            try:
                return int(str(value))
            except ValueError:
                continue
    return 0


def _iso3(graph: rdflib.Graph, nation: Node) -> str:
    return _first(graph, nation, DD.iso3) or _local(nation)


def _joined(values: set[str]) -> str:
    return "; ".join(sorted(v for v in values if v))


def _kinds(graph: rdflib.Graph) -> dict[URIRef, str]:
    """The resources the views show, each with its most specific class (posts and documents are not among them)."""
    kinds: dict[URIRef, str] = {}
    for name in VIEW_TYPES:
        for subject in graph.subjects(RDF.type, DD[name]):
            if isinstance(subject, URIRef) and subject not in kinds:
                kinds[subject] = name
    return kinds


def _nations(graph: rdflib.Graph, iri: URIRef, kind: str) -> set[URIRef]:
    """The nations of a resource: its own ``dd:nation`` and, for a person, those of the posts held."""
    if kind == "Nation":
        return {iri}
    nations = {n for n in graph.objects(iri, DD.nation) if isinstance(n, URIRef)}
    for post in graph.objects(iri, DD.holds):
        nations.update(n for n in graph.objects(post, DD.nation) if isinstance(n, URIRef))
    return nations


def _attributes(graph: rdflib.Graph, iri: URIRef, kind: str) -> dict[str, Value]:
    """All node attributes of a resource (each view keeps those in ``NODE_KEYS``)."""
    attrs = dict(NODE_DEFAULTS)
    attrs.update(
        label=_first(graph, iri, RDFS.label) or node_id(iri),
        type=kind,
        nation=_joined({_iso3(graph, n) for n in _nations(graph, iri, kind)}),
        iri=str(iri),
        documents=len(set(graph.objects(iri, DD.mentionedIn))),
    )
    if kind == "Person":
        posts = list(graph.objects(iri, DD.holds))
        attrs["role"] = _joined({_local(r) for post in posts for r in graph.objects(post, DD.role)})
        attrs["posts"] = _joined({_first(graph, post, RDFS.label) for post in posts})
    elif kind == "Meeting":
        attrs.update(
            date=_first(graph, iri, DD.date),
            mode=_joined({_local(m) for m in graph.objects(iri, DD.mode)}),
            status=_joined({_local(s) for s in graph.objects(iri, DD.status)}),
            nationCount=_int(graph, iri, DD.nationCount),
            ordinal=_int(graph, iri, DD.ordinal),
        )
    elif kind == "Nation":
        wikidata = [str(o) for o in _values(graph, iri, OWL.sameAs) if "wikidata.org/" in str(o)]
        attrs.update(iso3=_iso3(graph, iri), wikidata=_local(wikidata[0]) if wikidata else "")
    return attrs


def _new(view: str, directed: bool = False) -> nx.Graph:
    network: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    network.graph["node_default"] = {key: NODE_DEFAULTS[key] for key in NODE_KEYS[view]}
    network.graph["edge_default"] = dict(EDGE_DEFAULTS[view])
    return network


def _add_nodes(network: nx.Graph, graph: rdflib.Graph, view: str, kinds: dict[URIRef, str],
               extra: dict[URIRef, dict[str, Value]]) -> None:
    """Add ``kinds``' resources in id order with the view's attributes (``extra`` overrides)."""
    for iri in sorted(kinds, key=node_id):
        attrs = _attributes(graph, iri, kinds[iri])
        attrs.update(extra.get(iri, {}))
        network.add_node(node_id(iri), **{key: attrs[key] for key in NODE_KEYS[view]})


def _add_edges(network: nx.Graph, edges: dict[tuple[str, str], dict[str, Value]]) -> None:
    """Add edges in sorted order (an undirected pair as (smaller, larger) id), so files list them sorted."""
    for (a, b), attrs in sorted(edges.items()):
        network.add_edge(a, b, **attrs)


def _timed(dates: set[str]) -> dict[str, Value]:
    """Edge time attributes: the distinct meeting dates and the earliest as a day ("" when undated)."""
    days = [d for d in (day(x) for x in dates) if d]
    return {"dates": _joined(dates), "start": min(days) if days else ""}


def _attendance(graph: rdflib.Graph, kinds: dict[URIRef, str]) -> dict[tuple[URIRef, URIRef], set[str]]:
    """(attendee, meeting) -> the participation relations linking them, for persons and nations."""
    links: dict[tuple[URIRef, URIRef], set[str]] = defaultdict(set)
    for name in PARTICIPATION:
        for meeting, attendee in graph.subject_objects(DD[name]):
            if kinds.get(meeting) == "Meeting" and kinds.get(attendee) in ("Person", "Nation"):
                links[(attendee, meeting)].add(name)
    return links


def _full(graph: rdflib.Graph, kinds: dict[URIRef, str]) -> nx.DiGraph:
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, p, o in graph:
        if s in kinds and o in kinds and isinstance(p, URIRef) and str(p).startswith(str(DD)):
            relations[(node_id(s), node_id(o))].add(_local(p))
    for person in (iri for iri, kind in kinds.items() if kind == "Person"):  # what the posts held say
        for nation in _nations(graph, person, "Person"):
            if nation in kinds:
                relations[(node_id(person), node_id(nation))].add("nation")
        for post in graph.objects(person, DD.holds):
            for org in graph.objects(post, DD.postIn):
                if org in kinds:
                    relations[(node_id(person), node_id(org))].add("postIn")
    network = _new("full", directed=True)
    _add_nodes(network, graph, "full", kinds, {})
    _add_edges(network, {pair: {"weight": float(len(names)), "relations": _joined(names)}
                         for pair, names in relations.items()})
    return network


def _met(graph: rdflib.Graph, kinds: dict[URIRef, str], kind: str, view: str) -> nx.Graph:
    """Co-attendance of resources of ``kind``: one edge per pair that shared meetings, weighted by how many."""
    attendees: dict[URIRef, set[URIRef]] = defaultdict(set)
    for attendee, meeting in _attendance(graph, kinds):
        if kinds[attendee] == kind:
            attendees[meeting].add(attendee)
    meetings: dict[URIRef, set[URIRef]] = defaultdict(set)
    shared: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for meeting, group in attendees.items():
        ids = sorted(node_id(a) for a in group)
        for attendee in group:
            meetings[attendee].add(meeting)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                shared[(a, b)].add(meeting)
    network = _new(view)
    counts: dict[URIRef, dict[str, Value]] = {a: {"meetings": len(m)} for a, m in meetings.items()}
    _add_nodes(network, graph, view, {a: kind for a in meetings}, counts)
    _add_edges(network, {pair: {"weight": float(len(ms)), **_timed({_first(graph, m, DD.date) for m in ms} - {""})}
                         for pair, ms in shared.items()})
    return network


def _bipartite(graph: rdflib.Graph, kinds: dict[URIRef, str]) -> nx.Graph:
    links = _attendance(graph, kinds)
    meetings = {iri: kind for iri, kind in kinds.items() if kind == "Meeting"}
    attendees = {attendee: kinds[attendee] for attendee, _ in links}
    network = _new("attendance")
    _add_nodes(network, graph, "attendance", {**meetings, **attendees},
               {**{m: {"bipartite": 1} for m in meetings}, **{a: {"bipartite": 0} for a in attendees}})
    edges: dict[tuple[str, str], dict[str, Value]] = {}
    for (attendee, meeting), names in links.items():
        a, b = sorted((node_id(attendee), node_id(meeting)))
        edges[(a, b)] = {"weight": float(len(names)), "relation": _joined(names),
                         **_timed({_first(graph, meeting, DD.date)} - {""})}
    _add_edges(network, edges)
    return network


def build_view(graph: rdflib.Graph, view: str) -> nx.Graph:
    """The network of one view (``full`` is directed, the others undirected); every attribute is a str or number."""
    kinds = _kinds(graph)
    if view == "full":
        return _full(graph, kinds)
    if view == "nations":
        return _met(graph, kinds, "Nation", view)
    if view == "people":
        return _met(graph, kinds, "Person", view)
    if view == "attendance":
        return _bipartite(graph, kinds)
    raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")


def _for_gexf(network: nx.Graph) -> nx.Graph:
    """A copy with GEXF's extras: node ``start``/``end`` from a meeting's date, edge ``start`` only when dated,
    edge ``label`` from the relation names, ``viz`` colour per node type."""
    out = network.copy()
    for _, attrs in out.nodes(data=True):
        when = day(str(attrs.get("date", "")))
        if when:
            attrs["start"] = attrs["end"] = when
        r, g, b = PALETTE.get(str(attrs["type"]), PALETTE["Organisation"])
        attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    for _, _, attrs in out.edges(data=True):
        if attrs.get("start") == "":
            del attrs["start"]
        if attrs.get("relations") or attrs.get("relation"):
            attrs["label"] = attrs.get("relations") or attrs.get("relation")
    return out


def _write_gexf(network: nx.Graph, view: str, path: Path) -> None:
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    network.graph["name"] = f"ddkg {view}"
    writer.add_graph(network)
    meta = writer.xml.find("meta")
    if meta is not None:  # networkx stamps today's date: drop it, so the same graph gives the same bytes
        meta.attrib.pop("lastmodifieddate", None)
    with path.open("wb") as handle:
        writer.write(handle)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(network: nx.Graph) -> nx.Graph:
    """Drop the characters XML 1.0 cannot carry from every string attribute (ids come from slugs: already safe)."""
    for data in [d for _, d in network.nodes(data=True)] + [d for _, _, d in network.edges(data=True)]:
        for key, value in data.items():
            if isinstance(value, str) and _XML_ILLEGAL.search(value):
                data[key] = _XML_ILLEGAL.sub("", value)
    return network


def write_view(graph: rdflib.Graph, view: str, fmt: str, path: Union[str, Path]) -> None:
    """Write one view of ``graph`` as ``graphml`` (named key ids) or ``gexf`` (1.2, dynamic), atomically."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    network = _xml_safe(build_view(graph, view))
    if fmt == "graphml":
        write_atomically(path, lambda tmp: nx.write_graphml(network, str(tmp), named_key_ids=True))
    else:
        write_atomically(path, lambda tmp: _write_gexf(_for_gexf(network), view, tmp))
