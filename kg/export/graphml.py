"""GraphML for `kg build`: the `full` network view (see kg.export.views), written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Union

import rdflib

from kg.export.views import write_view


def write_graphml(graph: rdflib.Graph, path: Union[str, Path]) -> None:
    """Write the `full` view of ``graph`` as GraphML (named key ids, deterministic bytes)."""
    write_view(graph, "full", "graphml", path)
