"""`kg.push` against a real Oxigraph server (the `oxigraph` command from PyPI), started and stopped here."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from importlib import metadata
from pathlib import Path
from typing import Optional

import pyoxigraph as ox
import pytest

from kg.errors import UsageError
from kg.export.rdf import rdf_bytes, write_turtle
from kg.graph.store import load_store
from kg.namespaces import PREFIXES
from kg.push import push
from kg.query import list_queries, load_query, run_query

STARTUP_SECONDS = 20


def _oxigraph_command() -> Optional[str]:
    """The `oxigraph` executable of the installed PyPI package (beside this Python, or on PATH)."""
    try:
        for f in metadata.distribution("oxigraph").files or []:
            if f.name in ("oxigraph", "oxigraph.exe") and ("bin" in f.parts or "Scripts" in f.parts):
                path = Path(f.locate()).resolve()
                if path.is_file():
                    return str(path)
    except metadata.PackageNotFoundError:
        pass
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, base: str):
        self.base = base
        self.store = base + "/store"

    def query(self, sparql: str) -> dict:
        request = urllib.request.Request(self.base + "/query", data=sparql.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def rows(self, sparql: str, variables: list[str]) -> list[tuple[Optional[str], ...]]:
        """A SELECT's rows as tuples of plain strings (None = unbound) in the order of `variables`, like
        kg.query.QueryResult.rows."""
        # the shipped queries declare their prefixes; run_query also predefines ddkg's, so do the same here
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        result = self.query(prologue + sparql)
        assert sorted(result["head"]["vars"]) == sorted(variables)

        def text(term: Optional[dict]) -> Optional[str]:
            if term is None:
                return None
            return "_:" + term["value"] if term["type"] == "bnode" else term["value"]

        return [tuple(text(b.get(v)) for v in variables) for b in result["results"]["bindings"]]

    def count(self, pattern: str = "?s ?p ?o") -> int:
        result = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        return int(result["results"]["bindings"][0]["n"]["value"])

    def graphs(self) -> dict[str, int]:
        result = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in result["results"]["bindings"]}


@pytest.fixture
def oxigraph(tmp_path):
    """A fresh Oxigraph server on 127.0.0.1 and a free port, with its data in a temporary folder."""
    command = _oxigraph_command()
    if command is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = _free_port()
    log = (tmp_path / "oxigraph.log").open("wb")
    proc = subprocess.Popen([command, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                log.flush()
                pytest.fail(f"oxigraph exited with {proc.returncode}: {(tmp_path / 'oxigraph.log').read_text(errors='replace')[-500:]}")
            try:
                server.query("ASK {}")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"oxigraph did not answer on port {port} within {STARTUP_SECONDS} s")
                time.sleep(0.05)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def seed_files(seed_graph, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("push")
    ttl, nq = folder / "graph.ttl", folder / "graph.nq"
    write_turtle(seed_graph, ttl)
    nq.write_bytes(rdf_bytes(seed_graph, "nq"))
    return {"ttl": ttl, "nq": nq}


GROUP_CONCAT = re.compile(r'GROUP_CONCAT\s*\((?:DISTINCT\s+)?\?\w+\s*;\s*SEPARATOR\s*=\s*"([^"]*)"\s*\)\s+AS\s+\?(\w+)', re.I)


def comparable(sparql: str, variables: list[str], rows) -> set[tuple[Optional[str], ...]]:
    """Rows as a set, with each GROUP_CONCAT value's parts sorted: SPARQL leaves the order of a group undefined, and an
    on-disk store and an in-memory one do return them in different orders."""
    concat = {variables.index(var): sep for sep, var in GROUP_CONCAT.findall(sparql) if var in variables}
    return {tuple(sep.join(sorted(v.split(sep))) if (sep := concat.get(i)) and v else v for i, v in enumerate(row))
            for row in rows}


def test_competency_queries_match_local_store(oxigraph, seed_graph, seed_files):
    result = push(seed_files["ttl"], oxigraph.store)
    assert (result.triples, result.graphs, result.method, result.targets) == (len(seed_graph), 1, "PUT", ["default"])
    assert result.status in (200, 201, 204)
    assert oxigraph.count() == len(seed_graph)
    local = load_store(seed_files["ttl"])
    queries = list_queries()
    assert len(queries) == 10
    answered = 0
    for name in queries:
        sparql = load_query(name)
        result = run_query(local, sparql)
        expected = comparable(sparql, result.variables, result.rows)
        remote = oxigraph.rows(sparql, result.variables)
        assert len(remote) == len(result.rows), name
        assert comparable(sparql, result.variables, remote) == expected, name
        answered += bool(expected)
    assert answered >= 8  # most competency queries have answers on the seed graph: the comparison is not vacuous


def test_replace_twice_does_not_duplicate_and_append_adds(oxigraph, seed_graph, seed_files, tmp_path):
    push(seed_files["ttl"], oxigraph.store)
    push(seed_files["ttl"], oxigraph.store, replace=True)
    assert oxigraph.count() == len(seed_graph)
    small = tmp_path / "small.ttl"
    small.write_text('<urn:ddkg:test:s> <urn:ddkg:test:p> "small" .\n', encoding="utf-8")
    push(small, oxigraph.store)  # replace: the default graph is now only the small one
    assert oxigraph.count() == 1
    result = push(seed_graph, oxigraph.store, replace=False)  # an rdflib.Graph, appended (POST)
    assert (result.method, result.triples) == ("POST", len(seed_graph))
    assert oxigraph.count() == len(seed_graph) + 1
    result = push(seed_files["ttl"], oxigraph.store, graph_iri="urn:ddkg:test:graph")
    assert result.targets == ["urn:ddkg:test:graph"]
    push(seed_files["ttl"], oxigraph.store, graph_iri="urn:ddkg:test:graph")
    assert oxigraph.graphs() == {"urn:ddkg:test:graph": len(seed_graph)}
    assert oxigraph.count() == len(seed_graph) + 1  # the default graph is untouched


def test_named_graph_per_document(oxigraph, seed_graph, seed_files):
    """N-Quads keep one named graph per document; replace re-PUTs each of those graphs and leaves other graphs alone."""
    quads = list(ox.parse(path=str(seed_files["nq"]), format=ox.RdfFormat.N_QUADS))
    expected: dict[str, int] = {}
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            expected[q.graph_name.value] = expected.get(q.graph_name.value, 0) + 1
    assert expected and all(g.startswith("https://w3id.org/ddkg/id/doc/") for g in expected)
    push(seed_files["ttl"], oxigraph.store, graph_iri="urn:ddkg:test:other")
    for _ in range(2):
        result = push(seed_files["nq"], oxigraph.store)
        assert (result.triples, result.graphs, result.method) == (len(quads), len(expected) + (len(quads) > sum(expected.values())), "PUT")
        assert oxigraph.graphs() == {**expected, "urn:ddkg:test:other": len(seed_graph)}
    # the same split made from a Turtle file or an in-memory graph
    assert push(seed_files["ttl"], oxigraph.store, per_document=True).triples == len(quads)
    assert push(seed_graph, oxigraph.store, per_document=True).triples == len(quads)
    assert oxigraph.graphs() == {**expected, "urn:ddkg:test:other": len(seed_graph)}


def test_append_dataset_in_one_request(oxigraph, seed_files):
    quads = list(ox.parse(path=str(seed_files["nq"]), format=ox.RdfFormat.N_QUADS))
    result = push(seed_files["nq"], oxigraph.store, replace=False)
    assert (result.requests, result.method, result.targets, result.triples) == (1, "POST", ["dataset"], len(quads))
    named = sum(1 for q in quads if isinstance(q.graph_name, ox.NamedNode))
    assert sum(oxigraph.graphs().values()) == named


def test_closed_port_is_a_usage_error(seed_files):
    port = _free_port()
    with pytest.raises(UsageError, match=rf"cannot push to http://127\.0\.0\.1:{port}/store\?default: connection refused") as info:
        push(seed_files["ttl"], f"http://127.0.0.1:{port}/store")
    assert info.value.exit_code == 2 and "\n" not in str(info.value)


def test_http_errors_are_usage_errors(oxigraph, seed_files, tmp_path):
    with pytest.raises(UsageError, match=r"HTTP 404 .*Graph Store endpoint"):
        push(seed_files["ttl"], oxigraph.base + "/no-such-endpoint")
    with pytest.raises(UsageError, match="not an absolute IRI"):
        push(seed_files["ttl"], oxigraph.store, graph_iri="not an iri")
    with pytest.raises(UsageError, match="no such graph file"):
        push(tmp_path / "missing.ttl", oxigraph.store)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> ", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot parse"):
        push(bad, oxigraph.store)
    with pytest.raises(UsageError, match="not an http"):
        push(seed_files["ttl"], "ftp://example.org/store")
    assert oxigraph.count() == 0  # nothing was sent
