"""GraphML export of the seed graph: readable by networkx and igraph, named keys, deterministic bytes."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg.export.graphml import to_network, write_graphml

SAMPLE = Path(__file__).parent / "data" / "seed-sample.ttl"
NODE_COUNT = 1 + 6 + 7 + 7 + 4 + 2 + 4  # document, nations, persons, posts, organisations, places, meetings
EDGE_COUNT = 66


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(SAMPLE)


@pytest.fixture(scope="module")
def written(graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "graph.graphml"
    write_graphml(graph, path)
    return path


def test_network_nodes_and_attributes(graph: rdflib.Graph) -> None:
    net = to_network(graph)
    assert isinstance(net, nx.DiGraph)
    assert net.number_of_nodes() == NODE_COUNT
    assert net.number_of_edges() == EDGE_COUNT
    healey = net.nodes["person/john-healey"]
    assert healey == {
        "label": "John Healey",
        "type": "Person",
        "nation": "GBR",
        "iri": "https://w3id.org/ddkg/id/person/john-healey",
        "role": "DefenceMinister; Legislator",
    }
    udcg = net.nodes["meeting/2025-04-11/ukraine-defence-contact-group"]
    assert (udcg["type"], udcg["date"], udcg["mode"], udcg["status"]) == ("Meeting", "2025-04-11", "InPerson", "Planned")
    assert (udcg["nationCount"], udcg["ordinal"]) == (50, 27)
    kyiv = net.nodes["meeting/2025-04/kyiv"]
    assert (kyiv["date"], kyiv["nationCount"], kyiv["ordinal"]) == ("2025-04", 0, 0)
    assert net.nodes["nation/GBR"]["iso3"] == "GBR"
    assert net.nodes["nation/GBR"]["wikidata"] == "Q145"
    assert net.nodes["org/gbr/ministry-of-defence"]["type"] == "Ministry"
    assert net.nodes["org/gbr/ministry-of-defence"]["nation"] == "GBR"
    assert net.nodes["org/ukraine-defence-contact-group"]["type"] == "Group"
    assert net.nodes["org/gbr/permanent-joint-headquarters"]["type"] == "MilitaryBody"
    assert net.nodes["place/bel/brussels"]["nation"] == "BEL"
    assert net.nodes["post/gbr/defence-secretary"]["type"] == "Post"
    assert net.nodes["doc/uk-mod-2025-04-10-coalition-of-the-willing"]["type"] == "Document"


def test_network_edges_merge_parallel_relations(graph: rdflib.Graph) -> None:
    net = to_network(graph)
    edge = net.edges["meeting/2025-04-10/coalition-of-the-willing", "person/john-healey"]
    assert edge == {"relation": "host; participant", "weight": 2.0}
    edge = net.edges["meeting/2025-02/ukraine-defence-contact-group", "nation/GBR"]
    assert edge == {"relation": "chair; host; participant", "weight": 3.0}
    assert net.edges["person/john-healey", "post/gbr/mp"] == {"relation": "holds", "weight": 1.0}
    assert net.edges["post/gbr/defence-secretary", "org/gbr/ministry-of-defence"]["relation"] == "postIn"
    assert net.edges["meeting/2025-04/kyiv", "place/ukr/kyiv"]["relation"] == "place"
    assert net.edges["meeting/2025-04-11/ukraine-defence-contact-group", "org/ukraine-defence-contact-group"][
        "relation"
    ] == "series"
    relations = {name for _, _, r in net.edges(data="relation") for name in r.split("; ")}
    assert relations == {"nation", "holds", "postIn", "place", "participant", "host", "chair", "series", "mentionedIn"}


def test_literals_are_never_nodes(graph: rdflib.Graph) -> None:
    net = to_network(graph)
    assert all(node.split("/")[0] in {"doc", "nation", "person", "post", "org", "place", "meeting"} for node in net)


def test_read_back_with_networkx(graph: rdflib.Graph, written: Path) -> None:
    back = nx.read_graphml(written)
    net = to_network(graph)
    assert back.number_of_nodes() == NODE_COUNT
    assert back.number_of_edges() == EDGE_COUNT
    assert set(back.nodes) == set(net.nodes)
    for node, data in back.nodes(data=True):
        assert data["label"] == net.nodes[node]["label"]
        assert data["type"] == net.nodes[node]["type"]
        for value in data.values():
            assert value is not None and not isinstance(value, list)
    for _, _, data in back.edges(data=True):
        assert data["relation"] and data["weight"] >= 1.0
    assert back.nodes["person/sebastien-lecornu"]["label"] == "Sébastien Lecornu"
    assert back.nodes["meeting/2025-04-11/ukraine-defence-contact-group"]["nationCount"] == 50


def test_read_back_with_igraph(written: Path) -> None:
    igraph = pytest.importorskip("igraph")
    back = igraph.Graph.Read_GraphML(str(written))
    assert back.vcount() == NODE_COUNT
    assert back.ecount() == EDGE_COUNT
    by_id = {v["id"]: v for v in back.vs}
    assert by_id["person/boris-pistorius"]["label"] == "Boris Pistorius"
    assert by_id["person/boris-pistorius"]["type"] == "Person"
    assert by_id["person/boris-pistorius"]["nation"] == "DEU"
    assert by_id["meeting/2025-04-11/ukraine-defence-contact-group"]["ordinal"] == 27
    for vertex in back.vs:
        assert all(value is not None and not isinstance(value, list) for value in vertex.attributes().values())
    assert set(back.es["relation"]) >= {"participant", "host; participant", "mentionedIn"}


def test_named_key_ids(written: Path) -> None:
    text = written.read_text(encoding="utf-8")
    for key in ("label", "type", "nation", "iri", "role", "date", "nationCount", "relation", "weight"):
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
