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
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def turtle_bytes(graph: rdflib.Graph) -> bytes:
    """The graph as Turtle with the ddkg prefixes, triples in sorted order (same graph, same bytes)."""
    return ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_turtle(graph: rdflib.Graph, path: str | Path) -> None:
    data = turtle_bytes(graph)
    write_atomically(path, lambda tmp: tmp.write_bytes(data))
