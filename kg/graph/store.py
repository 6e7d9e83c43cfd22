"""The one conversion point between rdflib (building, SHACL) and pyoxigraph (serialising, SPARQL)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, Node, URIRef

from kg.errors import UnusableInputError


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


def _graph_file(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise UnusableInputError(str(path), "no such file")
    if not path.is_file():
        raise UnusableInputError(str(path), "not a regular file")
    return path


def open_store(path: str | Path) -> ox.Store:
    """A graph file in a store, for SPARQL; UnusableInputError when it is missing or not parseable RDF."""
    path = _graph_file(path)
    try:
        return load_store(path)
    except (SyntaxError, ValueError, OSError) as exc:
        reason = (str(exc).strip().splitlines() or ["unreadable"])[0]
        raise UnusableInputError(str(path), f"cannot parse the graph ({reason})") from None


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, source: str) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise UnusableInputError(source, "RDF-star quoted triples are not supported")


def read_graph(path: str | Path) -> rdflib.Graph:
    """Parse an RDF file (format from the extension, else Turtle) into an rdflib graph.

    Named graphs are merged into one graph. Raises UnusableInputError for a missing, unreadable,
    malformed or empty file.
    """
    path = _graph_file(path)
    source = str(path)
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    graph = rdflib.Graph()
    try:
        for quad in ox.parse(path=str(path), format=fmt or ox.RdfFormat.TURTLE):
            s, p, o = (_rdflib_term(t, source) for t in (quad.subject, quad.predicate, quad.object))
            graph.add((s, p, o))
    except (SyntaxError, ValueError, OSError) as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise UnusableInputError(source, f"cannot parse the graph as {(fmt or ox.RdfFormat.TURTLE).name} ({reason})") from None
    if len(graph) == 0:
        raise UnusableInputError(source, "contains no RDF triples")
    return graph
