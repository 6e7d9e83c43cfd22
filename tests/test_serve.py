"""kg.serve end to end: a real server on 127.0.0.1 (in a thread, free port), SPARQLWrapper as the client."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import UnusableInputError
from kg.graph.store import load_store
from kg.query import list_queries, load_query, run_query
from kg.serve import SparqlServer, is_update, make_server, negotiate, open_store

SAMPLE = Path(__file__).parent / "data" / "seed-sample.ttl"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
INSERT = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }"
ASK_INSERTED = "ASK { <urn:x:s> <urn:x:p> <urn:x:o> }"
HTTP_TIMEOUT = 20


@contextmanager
def running(store: ox.Store, **options: object) -> Iterator[SparqlServer]:
    """A server in a background thread; stopped (with its workers) on exit."""
    server = make_server(store, quiet=True, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        pids = server.pool.pids()
        server.shutdown()
        server.server_close()
        thread.join(5)
        for pid in pids:  # every worker was killed and reaped
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(SAMPLE)


@pytest.fixture(scope="module")
def server(store: ox.Store) -> Iterator[SparqlServer]:
    with running(store, timeout=10.0) as srv:
        yield srv


@pytest.fixture()
def endpoint(server: SparqlServer) -> str:
    return server.url + "sparql"


def client(endpoint: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint)
    sparql.setTimeout(HTTP_TIMEOUT)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def converted(sparql: SPARQLWrapper) -> Any:
    """The converted result (JSON dict, CSV/TSV/Turtle bytes, XML DOM)."""
    return sparql.queryAndConvert()


def json_rows(doc: dict) -> set[tuple[str | None, ...]]:
    """SPARQL JSON results as a set of tuples of plain strings (None = unbound), as kg.query renders them."""

    def text(term: dict | None) -> str | None:
        if term is None:
            return None
        return "_:" + term["value"] if term["type"] == "bnode" else term["value"]

    variables = doc["head"]["vars"]
    return {tuple(text(b.get(v)) for v in variables) for b in doc["results"]["bindings"]}


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None):
    """(status, headers, body) of one request, HTTP errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(endpoint: str, query: str, **params: str):
    return http(endpoint + "?" + urllib.parse.urlencode({"query": query, **params}))


def count_triples(endpoint: str) -> int:
    status, _, body = get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# --- results ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(list_queries()))
def test_competency_query_matches_run_query(store: ox.Store, endpoint: str, name: str) -> None:
    sparql = load_query(name)
    expected = run_query(store, sparql)
    doc = converted(client(endpoint, sparql))
    assert doc["head"]["vars"] == expected.variables
    assert json_rows(doc) == set(expected.rows)
    assert len(doc["results"]["bindings"]) == len(expected.rows)


def test_competency_queries_are_not_all_empty(store: ox.Store) -> None:
    assert sum(bool(run_query(store, load_query(n)).rows) for n in list_queries()) >= 8


def test_csv_and_tsv(store: ox.Store, endpoint: str) -> None:
    sparql = load_query("people-posts-nations")
    expected = {tuple("" if v is None else v for v in row) for row in run_query(store, sparql).rows}
    body = converted(client(endpoint, sparql, CSV))
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == run_query(store, sparql).variables
    assert {tuple(r) for r in rows[1:]} == expected
    tsv = converted(client(endpoint, sparql, TSV)).decode("utf-8")
    assert tsv.splitlines()[0].split("\t") == ["?" + v for v in rows[0]]
    assert len(tsv.splitlines()) == len(rows)


def test_xml(store: ox.Store, endpoint: str) -> None:
    sparql = load_query("people-posts-nations")
    document = converted(client(endpoint, sparql, XML))
    assert document.documentElement.tagName == "sparql"
    assert len(document.getElementsByTagName("result")) == len(run_query(store, sparql).rows)


def test_format_parameter_and_accept_header(endpoint: str) -> None:
    query = "SELECT ?n WHERE { ?x dd:iso3 ?n }"
    status, headers, body = get(endpoint, query, format="csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0] == "n"
    status, headers, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": query}),
                              headers={"Accept": "application/sparql-results+xml"})
    assert headers["Content-Type"].startswith("application/sparql-results+xml")
    status, headers, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(body)["boolean"] is True


def test_construct_gives_turtle_or_ntriples(endpoint: str) -> None:
    query = "CONSTRUCT { ?n dd:iso3 ?c } WHERE { ?n dd:iso3 ?c }"
    body = converted(client(endpoint, query, TURTLE))
    assert b"iso3" in body
    status, headers, body = http(endpoint + "?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert all(line.endswith(" .") for line in body.decode().splitlines())
    status, headers, _ = get(endpoint, query)
    assert headers["Content-Type"].startswith("text/turtle")


def test_post_form_and_post_direct(store: ox.Store, endpoint: str) -> None:
    sparql = load_query("nation-co-attendance")
    expected = set(run_query(store, sparql).rows)
    form = client(endpoint, sparql)
    form.setMethod(POST)
    assert json_rows(converted(form)) == expected
    direct = client(endpoint, sparql)
    direct.setMethod(POST)
    direct.setRequestMethod(POSTDIRECTLY)
    assert json_rows(converted(direct)) == expected


# --- errors and the read-only guarantee --------------------------------------------------------------------------


def test_malformed_query_is_400_and_server_stays_up(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed):
        converted(client(endpoint, "SELECT * WHERE { ?s ?p }"))
    status, headers, body = get(endpoint, "SELECT * WHERE { ?s ?p }")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith("malformed query: ") and "1:" in body.decode()
    assert count_triples(endpoint) > 0


def test_updates_are_refused_and_store_unchanged(store: ox.Store, endpoint: str) -> None:
    before = len(store)
    update = client(endpoint, INSERT)
    update.setMethod(POST)  # SPARQLWrapper sends update=...
    with pytest.raises(urllib.error.HTTPError) as info:
        update.query()
    assert info.value.code == 403
    attempts = [
        get(endpoint, INSERT),  # an update sent as a query
        http(endpoint, INSERT.encode(), {"Content-Type": "application/sparql-update"}),
        http(endpoint, urllib.parse.urlencode({"update": INSERT}).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"}),
        http(endpoint, ("PREFIX x: <urn:x:> # a comment\n" + INSERT).encode(),
             {"Content-Type": "application/sparql-query"}),
    ]
    for status, _headers, body in attempts:
        assert status == 403
        assert b"read-only" in body
    assert len(store) == before
    assert json.loads(get(endpoint, ASK_INSERTED)[2])["boolean"] is False


def test_slow_query_is_cut_off_and_next_query_succeeds(store: ox.Store) -> None:
    with running(store, timeout=0.5, workers=1) as srv:
        endpoint = srv.url + "sparql"
        worker_before = srv.pool.pids()
        started = time.monotonic()
        status, _headers, body = get(endpoint, SLOW_QUERY)
        elapsed = time.monotonic() - started
        assert status == 503
        assert b"time limit" in body
        assert elapsed < 5
        assert srv.pool.pids() != worker_before  # the overrunning worker was replaced
        assert count_triples(endpoint) == len(store)
        sparql = load_query("people-posts-nations")
        assert json_rows(converted(client(endpoint, sparql))) == set(run_query(store, sparql).rows)


def test_other_methods_and_paths(endpoint: str, server: SparqlServer) -> None:
    assert http(endpoint, b"", method="PUT")[0] == 405
    assert http(server.url + "nothing")[0] == 404
    assert http(endpoint)[0] == 400  # no query
    assert http(endpoint, b"query=ASK{}", {"Content-Type": "text/plain"})[0] == 415


def test_service_is_disabled(endpoint: str) -> None:
    status, _, body = get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body


# --- page, CORS, binding -----------------------------------------------------------------------------------------


def test_query_page(server: SparqlServer) -> None:
    status, headers, body = http(server.url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    for name in list_queries():
        assert name in page
    assert "<textarea" in page and "fetch(" in page
    assert 'src="http' not in page and 'href="http' not in page  # no external assets


def test_cors(endpoint: str) -> None:
    status, headers, _ = get(endpoint, "ASK {}")
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, body = http(endpoint, method="OPTIONS", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and body == b""
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()


def test_binds_loopback_and_free_port(server: SparqlServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.port > 0 and server.url == f"http://127.0.0.1:{server.port}/"


# --- helpers -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("INSERT DATA { <a:b> <a:c> <a:d> }", True),
        ("PREFIX dd: <https://w3id.org/ddkg/ontology#>\n# SELECT in a comment\ndelete where { ?s ?p ?o }", True),
        ("BASE <http://x/> WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("SELECT ?insert WHERE { ?insert dd:delete ?o }", False),
        ("# INSERT DATA\nASK { ?s ?p \"DROP ALL\" }", False),
        ("SELECT * WHERE { ?s ?p ?o }", False),
    ],
)
def test_is_update(text: str, expected: bool) -> None:
    assert is_update(text) is expected


def test_negotiate() -> None:
    assert negotiate(False) == ox.QueryResultsFormat.JSON
    assert negotiate(True) == ox.RdfFormat.TURTLE
    assert negotiate(False, "text/csv;q=0.5, application/sparql-results+xml") == ox.QueryResultsFormat.XML
    assert negotiate(False, "text/html, */*;q=0.8") == ox.QueryResultsFormat.JSON
    assert negotiate(False, None, ("bogus", "tsv")) == ox.QueryResultsFormat.TSV
    assert negotiate(True, "application/n-triples") == ox.RdfFormat.N_TRIPLES
    assert negotiate(True, None, ("csv",)) == ox.RdfFormat.TURTLE


def test_open_store_rejects_unusable_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("not rdf at all\n")
    with pytest.raises(UnusableInputError):
        open_store(bad)
    with pytest.raises(UnusableInputError, match="no such file"):
        open_store(tmp_path / "missing.ttl")
    assert len(open_store(SAMPLE)) > 0
