"""The graph as a Gephi-ready network: resources are nodes, chosen relations are edges, literals are attributes."""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Union

import networkx as nx
import rdflib
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Literal, Node, URIRef

DD = rdflib.Namespace("https://w3id.org/ddkg/ontology#")
BASE = "https://w3id.org/ddkg/id/"

#: Node classes, most specific first: a node's ``type`` is the first of these it has.
NODE_TYPES = (
    "Ministry",
    "MilitaryBody",
    "Group",
    "InternationalOrganisation",
    "Organisation",
    "Person",
    "Nation",
    "Meeting",
    "Place",
    "Post",
    "Document",
)
EDGE_RELATIONS = ("nation", "holds", "postIn", "place", "participant", "host", "chair", "series", "mentionedIn")

#: Every node attribute and its default, so each GraphML key has one type and a default value.
NODE_DEFAULTS: dict[str, Union[str, int]] = {
    "label": "",
    "type": "",
    "nation": "",
    "iri": "",
    "role": "",
    "date": "",
    "mode": "",
    "status": "",
    "nationCount": 0,
    "ordinal": 0,
    "iso3": "",
    "wikidata": "",
}


def node_id(iri: Node) -> str:
    """The stable node id: the IRI after ``https://w3id.org/ddkg/id/`` (the whole IRI otherwise)."""
    text = str(iri)
    return text[len(BASE):] if text.startswith(BASE) else text


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


def _attributes(graph: rdflib.Graph, iri: URIRef, kind: str) -> dict[str, Union[str, int]]:
    nations = sorted({_iso3(graph, n) for n in graph.objects(iri, DD.nation)})
    attrs: dict[str, Union[str, int]] = {
        "label": _first(graph, iri, RDFS.label) or node_id(iri),
        "type": kind,
        "nation": "; ".join(nations),
        "iri": str(iri),
    }
    if kind == "Person":
        roles = {_local(r) for post in graph.objects(iri, DD.holds) for r in graph.objects(post, DD.role)}
        attrs["role"] = "; ".join(sorted(roles))
    elif kind == "Post":
        attrs["role"] = "; ".join(sorted({_local(r) for r in graph.objects(iri, DD.role)}))
    elif kind == "Meeting":
        attrs["date"] = _first(graph, iri, DD.date)
        attrs["mode"] = "; ".join(sorted({_local(m) for m in graph.objects(iri, DD.mode)}))
        attrs["status"] = "; ".join(sorted({_local(s) for s in graph.objects(iri, DD.status)}))
        attrs["nationCount"] = _int(graph, iri, DD.nationCount)
        attrs["ordinal"] = _int(graph, iri, DD.ordinal)
    elif kind == "Nation":
        attrs["iso3"] = _iso3(graph, iri)
        wikidata = [str(o) for o in _values(graph, iri, OWL.sameAs) if "wikidata.org/" in str(o)]
        attrs["wikidata"] = _local(wikidata[0]) if wikidata else ""
    return attrs


def to_network(graph: rdflib.Graph) -> nx.DiGraph:
    """A directed graph of the typed resources; parallel relations between two nodes merge into one edge
    (``weight`` = how many, ``relation`` = their names joined by "; ")."""
    kinds: dict[URIRef, str] = {}
    for name in NODE_TYPES:
        for subject in graph.subjects(RDF.type, DD[name]):
            if isinstance(subject, URIRef) and subject not in kinds:
                kinds[subject] = name  # most specific first, so the first hit wins

    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name in EDGE_RELATIONS:
        for s, o in graph.subject_objects(DD[name]):
            if s in kinds and o in kinds:
                relations[(node_id(s), node_id(o))].add(name)

    network = nx.DiGraph()
    network.graph["node_default"] = dict(NODE_DEFAULTS)
    network.graph["edge_default"] = {"relation": "", "weight": 0.0}
    for iri in sorted(kinds, key=node_id):
        network.add_node(node_id(iri), **_attributes(graph, iri, kinds[iri]))
    for (source, target), names in sorted(relations.items()):
        network.add_edge(source, target, relation="; ".join(sorted(names)), weight=float(len(names)))
    return network


def write_graphml(graph: rdflib.Graph, path: Union[str, Path]) -> None:
    """Write the network of ``graph`` as GraphML (named key ids, deterministic bytes), atomically."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            nx.write_graphml(to_network(graph), handle, named_key_ids=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
