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
