"""GraphML export of the seed graph: readable by networkx and igraph, named keys, deterministic bytes."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg.export.graphml import write_graphml
from kg.export.views import build_view

SAMPLE = Path(__file__).parent / "data" / "seed-sample.ttl"
# the `full` view: nations, persons, organisations, places, meetings (no posts, no documents)

# write_graphml writes the ``full`` view (kg.export.views): no posts, no documents; parallel relations -> "relations".
FULL_NODE_COUNT = 6 + 7 + 4 + 2 + 4
FULL_EDGE_COUNT = 32


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(SAMPLE)


@pytest.fixture(scope="module")
def written(graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "graph.graphml"
    write_graphml(graph, path)
    return path


def test_full_view_nodes_and_attributes(graph: rdflib.Graph) -> None:
    net = build_view(graph, "full")
    assert isinstance(net, nx.DiGraph)
    assert net.number_of_nodes() == FULL_NODE_COUNT
    healey = net.nodes["person/john-healey"]
    assert (healey["label"], healey["type"], healey["nation"]) == ("John Healey", "Person", "GBR")
    assert (healey["role"], healey["posts"]) == ("DefenceMinister; Legislator", "Defence Secretary; MP")
    udcg = net.nodes["meeting/2025-04-11/ukraine-defence-contact-group"]
    assert (udcg["type"], udcg["date"], udcg["mode"], udcg["status"]) == ("Meeting", "2025-04-11", "InPerson", "Planned")
    assert (udcg["nationCount"], udcg["ordinal"]) == (50, 27)
    kyiv = net.nodes["meeting/2025-04/kyiv"]
    assert (kyiv["date"], kyiv["nationCount"], kyiv["ordinal"]) == ("2025-04", 0, 0)
    assert net.nodes["nation/GBR"]["iso3"] == "GBR" and net.nodes["nation/GBR"]["wikidata"] == "Q145"
    assert net.nodes["org/gbr/ministry-of-defence"]["type"] == "Ministry"
    assert net.nodes["org/ukraine-defence-contact-group"]["type"] == "Group"
    assert net.nodes["org/gbr/permanent-joint-headquarters"]["type"] == "MilitaryBody"
    assert net.nodes["place/bel/brussels"]["nation"] == "BEL"


def test_full_view_merges_parallel_relations(graph: rdflib.Graph) -> None:
    net = build_view(graph, "full")
    assert net.edges["meeting/2025-04-10/coalition-of-the-willing", "person/john-healey"] == {"relations": "host; participant", "weight": 2.0}
    assert net.edges["meeting/2025-02/ukraine-defence-contact-group", "nation/GBR"] == {"relations": "chair; host; participant", "weight": 3.0}
    assert net.edges["meeting/2025-04/kyiv", "place/ukr/kyiv"]["relations"] == "place"
    assert net.edges["meeting/2025-04-11/ukraine-defence-contact-group", "org/ukraine-defence-contact-group"]["relations"] == "series"
    relations = {name for _, _, r in net.edges(data="relations") for name in r.split("; ")}
    assert relations == {"nation", "postIn", "place", "participant", "host", "chair", "series"}


def test_literals_posts_and_documents_are_never_nodes(graph: rdflib.Graph) -> None:
    net = build_view(graph, "full")
    assert all(node.split("/")[0] in {"nation", "person", "org", "place", "meeting"} for node in net)


def test_read_back_with_networkx(graph: rdflib.Graph, written: Path) -> None:
    back = nx.read_graphml(written)
    net = build_view(graph, "full")
    assert back.number_of_nodes() == FULL_NODE_COUNT
    assert back.number_of_edges() == FULL_EDGE_COUNT
    assert set(back.nodes) == set(net.nodes)
    for node, data in back.nodes(data=True):
        assert data["label"] == net.nodes[node]["label"]
        assert data["type"] == net.nodes[node]["type"]
        for value in data.values():
            assert value is not None and not isinstance(value, list)
    for _, _, data in back.edges(data=True):
        assert data["relations"] and data["weight"] >= 1.0
    assert back.nodes["person/sebastien-lecornu"]["label"] == "Sébastien Lecornu"
    assert back.nodes["meeting/2025-04-11/ukraine-defence-contact-group"]["nationCount"] == 50


def test_read_back_with_igraph(written: Path) -> None:
    igraph = pytest.importorskip("igraph")
    back = igraph.Graph.Read_GraphML(str(written))
    assert back.vcount() == FULL_NODE_COUNT
    assert back.ecount() == FULL_EDGE_COUNT
    by_id = {v["id"]: v for v in back.vs}
    assert by_id["person/boris-pistorius"]["label"] == "Boris Pistorius"
    assert by_id["person/boris-pistorius"]["type"] == "Person"
    assert by_id["person/boris-pistorius"]["nation"] == "DEU"
    assert by_id["meeting/2025-04-11/ukraine-defence-contact-group"]["ordinal"] == 27
    for vertex in back.vs:
        assert all(value is not None and not isinstance(value, list) for value in vertex.attributes().values())
    assert set(back.es["relations"]) >= {"participant", "host; participant", "nation", "place", "series"}


def test_named_key_ids(written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    for key in ("label", "type", "nation", "iri", "role", "date", "nationCount", "relations", "weight"):
        assert f'<key id="{key}"' in text
    assert not re.search(r'key id="d\d+"', text)
    assert 'key="d0"' not in text


def test_write_is_deterministic_and_atomic(graph: rdflib.Graph, tmp_path: Path) -> None:
    first, second = tmp_path / "a.graphml", tmp_path / "b.graphml"
    write_graphml(graph, first)
    write_graphml(graph, second)
    assert first.read_bytes() == second.read_bytes()
    write_graphml(graph, first)  # overwriting gives the same bytes
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.graphml", "b.graphml"]  # no temp files left
