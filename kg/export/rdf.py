"""RDF serialisation through pyoxigraph (fast, deterministic), written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
import rdflib

from kg.graph.store import oxigraph_triples
from kg.namespaces import PREFIXES


def write_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place: never a half-written file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Individuals are written as full IRIs (<https://w3id.org/ddkg/id/person/john-healey>): a prefixed name would have
# to escape the slashes of their paths (ddr:person\/john-healey).
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "ddr"}


def turtle_bytes(graph: rdflib.Graph) -> bytes:
    """The graph as Turtle with the ddkg prefixes, triples in sorted order (same graph, same bytes)."""
    return ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)


def write_turtle(graph: rdflib.Graph, path: str | Path) -> None:
    data = turtle_bytes(graph)
    write_atomically(path, lambda tmp: tmp.write_bytes(data))


# -- per-document named graphs (TriG, N-Quads) and JSON-LD ----------------------------------------------------------------
def _dd(local: str) -> rdflib.URIRef:
    return rdflib.URIRef("https://w3id.org/ddkg/ontology#" + local)


def document_graphs(graph: rdflib.Graph) -> dict[tuple, list[rdflib.URIRef]]:
    """For each triple, the documents whose named graph holds it: a node's statements belong to every document that
    mentions the node (posts: their holders' documents; places: their meetings'; nations: also every document whose
    nodes point to them), so dropping one document's graph leaves what other documents also say."""
    RDF_TYPE = rdflib.RDF.type
    mentioned = _dd("mentionedIn")
    docs: dict[rdflib.term.Node, set[rdflib.URIRef]] = {}
    for s, d in graph.subject_objects(mentioned):
        docs.setdefault(s, set()).add(d)
    for d in graph.subjects(RDF_TYPE, _dd("Document")):
        docs.setdefault(d, set()).add(d)
    for person, post in graph.subject_objects(_dd("holds")):
        docs.setdefault(post, set()).update(docs.get(person, ()))
    for meeting, place in graph.subject_objects(_dd("place")):
        docs.setdefault(place, set()).update(docs.get(meeting, ()))
    for s, o in graph.subject_objects(_dd("nation")):
        docs.setdefault(o, set()).update(docs.get(s, ()))
    for s, o in graph.subject_objects(_dd("participant")):
        docs.setdefault(o, set()).update(docs.get(s, ()))
    out: dict[tuple, list[rdflib.URIRef]] = {}
    for triple in graph:
        owners = docs.get(triple[0]) or docs.get(triple[2]) or set()
        out[triple] = sorted(owners)
    return out


def oxigraph_quads(graph: rdflib.Graph) -> list[ox.Quad]:
    """The graph as quads, one named graph per source document (triples no document owns stay in the default graph)."""
    from kg.graph.store import _term

    quads = []
    for (s, p, o), owners in document_graphs(graph).items():
        triple = (_term(s), _term(p), _term(o))
        for owner in owners or [None]:
            quads.append(ox.Quad(*triple, ox.NamedNode(str(owner)) if owner is not None else ox.DefaultGraph()))
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


JSONLD_CONTEXT = {
    "dd": "https://w3id.org/ddkg/ontology#", "ddr": "https://w3id.org/ddkg/id/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#", "xsd": "http://www.w3.org/2001/XMLSchema#", "wd": "http://www.wikidata.org/entity/",
    "label": "rdfs:label", "altLabel": "skos:altLabel", "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    **{name: {"@id": f"dd:{name}", "@type": "@id"} for name in
       ("nation", "holds", "role", "postIn", "place", "participant", "host", "chair", "series", "mode", "status", "mentionedIn")},
    **{name: f"dd:{name}" for name in ("iso3", "datePrecision", "dateText", "evidence", "docId", "publisher")},
    "nationCount": {"@id": "dd:nationCount", "@type": "xsd:integer"}, "ordinal": {"@id": "dd:ordinal", "@type": "xsd:integer"},
    "published": {"@id": "dd:published", "@type": "xsd:date"}, "url": {"@id": "dd:url", "@type": "xsd:anyURI"},
}


def rdf_bytes(graph: rdflib.Graph, fmt: str) -> bytes:
    """Serialise to ttl, nt, nq, trig or jsonld (N-Quads and TriG with one named graph per document)."""
    if fmt == "ttl":
        return turtle_bytes(graph)
    if fmt == "nt":
        return ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.N_TRIPLES)
    if fmt == "nq":
        return ox.serialize(oxigraph_quads(graph), format=ox.RdfFormat.N_QUADS)
    if fmt == "trig":
        return ox.serialize(oxigraph_quads(graph), format=ox.RdfFormat.TRIG, prefixes=TURTLE_PREFIXES)
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True, sort_keys=True, indent=1).encode("utf-8")
    raise ValueError(f"unknown RDF format {fmt!r}")


RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")


def write_rdf(graph: rdflib.Graph, path: str | Path, fmt: str) -> None:
    data = rdf_bytes(graph, fmt)
    write_atomically(path, lambda tmp: tmp.write_bytes(data))
