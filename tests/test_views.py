"""Network views of the seed graph (kg.export.views): the seed's co-attendance, GEXF time and colours, and every
file read back alike by networkx, igraph (GraphML) and graphology, the parsers of Gephi Lite (under Node)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import networkx as nx
import pytest
import rdflib

from kg.export.graphml import write_graphml
from kg.export.views import FORMATS, PALETTE, VIEWS, build_view, day, write_view

ROOT = Path(__file__).resolve().parents[1]
JS = Path(__file__).parent / "js"
FILES = [(view, fmt) for view in VIEWS for fmt in FORMATS]
COUNTS = {"full": (23, 30), "nations": (4, 4), "people": (6, 5), "attendance": (14, 15)}  # nodes, edges (seed)
UDCG_FEB = "meeting/2025-02/ukraine-defence-contact-group"
UDCG_APR = "meeting/2025-04-11/ukraine-defence-contact-group"
COALITION = "meeting/2025-04-10/coalition-of-the-willing"
KYIV = "meeting/2025-04/kyiv"

Summary = dict[str, Any]


@pytest.fixture(scope="module")
def files(seed_graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("views")
    written = {}
    for view, fmt in FILES:
        written[(view, fmt)] = folder / f"{view}.{fmt}"
        write_view(seed_graph, view, fmt, written[(view, fmt)])
    return written


@pytest.fixture(scope="session")
def graphology() -> Callable[[Path], Summary]:
    """Run tests/js/load.mjs under Node, installing its packages (npm ci) on first use."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are not installed: cannot load the views with graphology (Gephi Lite's parsers)")
    if not (JS / "node_modules").is_dir():
        install = "ci" if (JS / "package-lock.json").exists() else "install"
        done = subprocess.run([npm, install, "--no-audit", "--no-fund"], cwd=JS, capture_output=True, text=True)
        if done.returncode:
            pytest.fail(f"npm {install} in {JS} failed:\n{done.stdout}\n{done.stderr}")

    def load(path: Path) -> Summary:
        done = subprocess.run([node, str(JS / "load.mjs"), str(path)], cwd=JS, capture_output=True, text=True)
        assert done.returncode == 0, f"graphology could not load {path.name}:\n{done.stderr}"
        return json.loads(done.stdout)

    return load


def _pairs(weights: list[tuple[str, str, float]], directed: bool) -> list[tuple[str, str, float]]:
    """Edges as sorted (source, target, weight), an undirected pair in id order."""
    return sorted((a, b, float(w)) if directed or a <= b else (b, a, float(w)) for a, b, w in weights)


def _summary(net: nx.Graph) -> Summary:
    return {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "ids": sorted(net.nodes),
        "labels": sorted(label for _, label in net.nodes(data="label")),
        "weights": _pairs([(a, b, w) for a, b, w in net.edges(data="weight")], net.is_directed()),
    }


def _weights(net: nx.Graph) -> dict[frozenset[str], float]:
    return {frozenset((a, b)): w for a, b, w in net.edges(data="weight")}


# --- what the views say about the seed -------------------------------------------------------------------------


def test_nations_view_is_co_attendance(seed_graph: rdflib.Graph) -> None:
    net = build_view(seed_graph, "nations")
    assert not net.is_directed()
    assert dict(net.nodes(data="meetings")) == {"nation/GBR": 4, "nation/FRA": 2, "nation/DEU": 1, "nation/UKR": 1}
    assert _weights(net) == {
        frozenset({"nation/FRA", "nation/GBR"}): 2.0,
        frozenset({"nation/DEU", "nation/GBR"}): 1.0,
        frozenset({"nation/FRA", "nation/UKR"}): 1.0,
        frozenset({"nation/GBR", "nation/UKR"}): 1.0,
    }
    fra_gbr = {"weight": 2.0, "dates": "2025-04; 2025-04-10", "start": "2025-04-01"}  # Kyiv (April), Brussels
    assert net.edges["nation/FRA", "nation/GBR"] == fra_gbr
    assert net.edges["nation/DEU", "nation/GBR"]["start"] == "2025-04-11"
    assert net.nodes["nation/GBR"]["label"] == "United Kingdom"
    assert (net.nodes["nation/GBR"]["iso3"], net.nodes["nation/GBR"]["wikidata"]) == ("GBR", "Q145")


def test_people_view_is_who_met_whom(seed_graph: rdflib.Graph) -> None:
    net = build_view(seed_graph, "people")
    healey, lecornu, pistorius = "person/john-healey", "person/sebastien-lecornu", "person/boris-pistorius"
    radakin, umerov, zelenskyy = "person/tony-radakin", "person/umerov", "person/zelenskyy"
    assert _weights(net) == {
        frozenset({healey, lecornu}): 1.0,
        frozenset({healey, pistorius}): 1.0,
        frozenset({radakin, zelenskyy}): 1.0,
        frozenset({radakin, umerov}): 1.0,
        frozenset({umerov, zelenskyy}): 1.0,
    }
    assert "person/putin" not in net  # mentioned, met no one
    assert net.nodes[healey] == {
        "label": "John Healey",
        "type": "Person",
        "nation": "GBR",
        "iri": "https://w3id.org/ddkg/id/person/john-healey",
        "role": "DefenceMinister; Legislator",
        "posts": "Defence Secretary; MP",
        "meetings": 2,
    }
    assert (net.nodes[zelenskyy]["nation"], net.nodes[zelenskyy]["role"]) == ("UKR", "HeadOfState")
    assert net.edges[healey, pistorius]["start"] == "2025-04-11"


def test_attendance_view_is_bipartite(seed_graph: rdflib.Graph) -> None:
    net = build_view(seed_graph, "attendance")
    side = dict(net.nodes(data="bipartite"))
    assert {n for n, s in side.items() if s == 1} == {UDCG_FEB, UDCG_APR, COALITION, KYIV}
    assert all(side[a] != side[b] for a, b in net.edges)
    assert nx.is_bipartite(net)
    assert net.edges[UDCG_FEB, "nation/GBR"]["relation"] == "chair; host; participant"
    assert net.edges[UDCG_FEB, "nation/GBR"]["weight"] == 3.0
    assert net.edges[UDCG_FEB, "nation/GBR"]["start"] == "2025-02-01"
    assert net.edges[COALITION, "person/john-healey"]["relation"] == "host; participant"
    assert net.edges[KYIV, "person/zelenskyy"] == {"weight": 1.0, "relation": "participant", "dates": "2025-04",
                                                   "start": "2025-04-01"}
    assert net.nodes[UDCG_APR]["date"] == "2025-04-11"


def test_full_view_drops_posts_and_documents(seed_graph: rdflib.Graph) -> None:
    net = build_view(seed_graph, "full")
    assert net.is_directed()
    assert {n.split("/")[0] for n in net} == {"person", "org", "nation", "meeting", "place"}
    types = {t for _, t in net.nodes(data="type")}
    assert types == {"Person", "Nation", "Meeting", "Ministry", "MilitaryBody", "Group", "Place"}
    healey = net.nodes["person/john-healey"]
    assert (healey["nation"], healey["role"], healey["posts"]) == ("GBR", "DefenceMinister; Legislator",
                                                                 "Defence Secretary; MP")
    udcg = net.nodes[UDCG_APR]
    assert (udcg["date"], udcg["mode"], udcg["status"], udcg["nationCount"], udcg["ordinal"]) == (
        "2025-04-11", "InPerson", "Planned", 50, 27)
    assert (net.nodes["nation/FRA"]["iso3"], net.nodes["nation/FRA"]["wikidata"]) == ("FRA", "Q142")
    assert net.edges[UDCG_FEB, "nation/GBR"] == {"weight": 3.0, "relations": "chair; host; participant"}
    assert net.edges[UDCG_APR, "person/john-healey"] == {"weight": 2.0, "relations": "chair; participant"}
    assert net.edges["person/john-healey", "nation/GBR"]["relations"] == "nation"
    assert net.edges[KYIV, "place/ukr/kyiv"]["relations"] == "place"
    assert net.edges[UDCG_APR, "org/ukraine-defence-contact-group"]["relations"] == "series"


def test_attributes_are_never_none_or_lists(seed_graph: rdflib.Graph) -> None:
    for view in VIEWS:
        net = build_view(seed_graph, view)
        assert (net.number_of_nodes(), net.number_of_edges()) == COUNTS[view]
        values = [v for _, d in net.nodes(data=True) for v in d.values()]
        values += [v for *_, d in net.edges(data=True) for v in d.values()]
        assert values and all(isinstance(v, (str, int, float)) for v in values)
        assert len({frozenset(d) for _, d in net.nodes(data=True)}) == 1  # every node has the same keys


def test_day() -> None:
    assert [day(d) for d in ("2025-04-11", "2025-02", "2025", "", "soon")] == [
        "2025-04-11", "2025-02-01", "2025-01-01", "", ""]


def test_unknown_view_or_format(seed_graph: rdflib.Graph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown view"):
        build_view(seed_graph, "documents")
    with pytest.raises(ValueError, match="unknown format"):
        write_view(seed_graph, "full", "json", tmp_path / "x.json")
    assert list(tmp_path.iterdir()) == []


# --- the files -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("view", "fmt"), FILES)
def test_read_back_with_networkx(seed_graph: rdflib.Graph, files: dict, view: str, fmt: str) -> None:
    back = nx.read_graphml(files[view, fmt]) if fmt == "graphml" else nx.read_gexf(files[view, fmt])
    assert _summary(back) == _summary(build_view(seed_graph, view))
    assert back.is_directed() == (view == "full")
    for _, data in back.nodes(data=True):
        assert all(v is not None and not isinstance(v, list) for k, v in data.items() if k != "viz")


@pytest.mark.parametrize("view", VIEWS)
def test_read_back_with_igraph(seed_graph: rdflib.Graph, files: dict, view: str) -> None:
    igraph = pytest.importorskip("igraph")
    back = igraph.Graph.Read_GraphML(str(files[view, "graphml"]))
    ids = back.vs["id"]
    summary = {
        "nodes": back.vcount(),
        "edges": back.ecount(),
        "ids": sorted(ids),
        "labels": sorted(back.vs["label"]),
        "weights": _pairs([(ids[e.source], ids[e.target], e["weight"]) for e in back.es], back.is_directed()),
    }
    assert summary == _summary(build_view(seed_graph, view))
    for vertex in back.vs:
        assert all(v is not None and not isinstance(v, list) for v in vertex.attributes().values())


@pytest.mark.parametrize(("view", "fmt"), FILES)
def test_read_back_with_graphology(graphology: Callable[[Path], Summary], seed_graph: rdflib.Graph, files: dict,
                                   view: str, fmt: str) -> None:
    loaded = graphology(files[view, fmt])
    net = build_view(seed_graph, view)
    assert loaded["type"] == ("directed" if view == "full" else "undirected")
    assert {k: loaded[k] for k in ("nodes", "edges", "ids", "labels")} == {
        k: v for k, v in _summary(net).items() if k != "weights"}
    assert _pairs([tuple(w) for w in loaded["weights"]], net.is_directed()) == _summary(net)["weights"]
    if fmt == "gexf":
        types = {t for _, t in net.nodes(data="type")}
        assert loaded["colors"] == sorted("rgba({},{},{},1.0)".format(*PALETTE[t]) for t in types)


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_key_ids_are_names(files: dict, view: str) -> None:
    text = files[view, "graphml"].read_text(encoding="utf-8")
    assert '<key id="label" for="node"' in text and '<key id="weight" for="edge"' in text
    assert not re.search(r'key(?: id)?="d\d+"', text)
    ids = re.findall(r'<key id="([^"]+)"', text)
    assert len(ids) == len(set(ids))  # one key per name: no node/edge clash


def test_gexf_carries_time(files: dict) -> None:
    for view in VIEWS:
        text = files[view, "gexf"].read_text(encoding="utf-8")
        assert re.search(r'<graph defaultedgetype="\w+" mode="dynamic" name="ddkg \w+" timeformat="date">', text)
        assert "lastmodifieddate" not in text  # networkx stamps today's date; dropped for stable bytes
    attendance = nx.read_gexf(files["attendance", "gexf"])
    assert (attendance.nodes[UDCG_APR]["start"], attendance.nodes[UDCG_APR]["end"]) == ("2025-04-11", "2025-04-11")
    assert attendance.nodes[UDCG_FEB]["start"] == "2025-02-01"  # month precision: the first day
    assert attendance.nodes[KYIV]["start"] == "2025-04-01"
    assert "start" not in attendance.nodes["person/john-healey"]  # undated nodes are static
    assert attendance.edges[UDCG_FEB, "nation/GBR"]["start"] == "2025-02-01"
    nations = nx.read_gexf(files["nations", "gexf"])
    assert nations.edges["nation/DEU", "nation/GBR"]["start"] == "2025-04-11"
    assert nations.edges["nation/FRA", "nation/GBR"]["start"] == "2025-04-01"
    people = nx.read_gexf(files["people", "gexf"])
    assert people.edges["person/boris-pistorius", "person/john-healey"]["start"] == "2025-04-11"
    full = nx.read_gexf(files["full", "gexf"])
    assert full.nodes[UDCG_FEB]["start"] == "2025-02-01"
    assert full.edges[UDCG_FEB, "nation/GBR"]["label"] == "chair; host; participant"


def test_gexf_colours_nodes_by_type(files: dict) -> None:
    full = nx.read_gexf(files["full", "gexf"])
    for _, data in full.nodes(data=True):
        colour = data["viz"]["color"]
        assert (colour["r"], colour["g"], colour["b"]) == PALETTE[data["type"]]


def test_files_are_deterministic(seed_graph: rdflib.Graph, files: dict, tmp_path: Path) -> None:
    for view, fmt in FILES:
        again = tmp_path / f"{view}.{fmt}"
        write_view(seed_graph, view, fmt, again)
        assert again.read_bytes() == files[view, fmt].read_bytes(), (view, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{v}.{f}" for v, f in FILES)  # no temp files


def test_files_do_not_depend_on_hash_seed(seed_graph: rdflib.Graph, files: dict, tmp_path: Path) -> None:
    """Sets and dicts iterate differently under another PYTHONHASHSEED: the bytes must not change."""
    source = tmp_path / "seed.nt"
    seed_graph.serialize(source, format="nt", encoding="utf-8")
    script = (
        "import sys, rdflib\n"
        "from kg.export.views import FORMATS, VIEWS, write_view\n"
        "g = rdflib.Graph().parse(sys.argv[1], format='nt')\n"
        "for v in VIEWS:\n"
        "    for f in FORMATS:\n"
        "        write_view(g, v, f, f'{sys.argv[2]}/{v}.{f}')\n"
    )
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", script, str(source), str(out)], check=True, env=env)
        for view, fmt in FILES:
            assert (out / f"{view}.{fmt}").read_bytes() == files[view, fmt].read_bytes(), (seed, view, fmt)


def test_write_graphml_is_the_full_view(seed_graph: rdflib.Graph, files: dict, tmp_path: Path) -> None:
    write_graphml(seed_graph, tmp_path / "graph.graphml")
    assert (tmp_path / "graph.graphml").read_bytes() == files["full", "graphml"].read_bytes()
