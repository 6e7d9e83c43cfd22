"""The one conversion point between rdflib (building, SHACL) and pyoxigraph (serialising, SPARQL)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Literal, URIRef


def _term(t: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"unsupported RDF term {t!r}")


def oxigraph_triples(graph: rdflib.Graph) -> list[ox.Triple]:
    """The graph's triples as pyoxigraph triples, in a fixed (sorted) order."""
    triples = [ox.Triple(_term(s), _term(p), _term(o)) for s, p, o in graph]
    triples.sort(key=str)
    return triples


def load_store(path: str | Path) -> ox.Store:
    """Parse a Turtle (or other RDF) file into an in-memory pyoxigraph store."""
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".")) or ox.RdfFormat.TURTLE)
    return store
