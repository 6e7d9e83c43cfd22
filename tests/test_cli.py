"""The `kg` command as a user runs it: build, query, exit codes and one-line errors."""

import csv
import io
import json
import subprocess
import sys

import pytest

from kg.query import list_queries
from tests.conftest import ROOT, SEEDS


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd or ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run("build", str(SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result


def test_build_writes_turtle_and_graphml_and_a_summary(built):
    out, result = built
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "graph.graphml").stat().st_size > 0
    assert "1 documents read" in result.stdout and "4 meetings" in result.stdout and "triples" in result.stdout
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def _rows(out, name):
    r = run("query", str(out / "graph.ttl"), "--name", name, "--format", "csv")
    assert r.returncode == 0, r.stderr
    return list(csv.DictReader(io.StringIO(r.stdout)))


def test_every_competency_query_runs_on_the_built_seed_graph(built):
    out, _ = built
    assert len(list_queries()) == 10
    for name in list_queries():
        _rows(out, name)


def test_competency_queries_return_the_seed_rows(built):
    out, _ = built
    people = {(r["name"], r["post"], r["role"], r["nation"]) for r in _rows(out, "people-posts-nations")}
    assert ("Boris Pistorius", "Defence Minister", "DefenceMinister", "DEU") in people
    assert ("John Healey", "Defence Secretary", "DefenceMinister", "GBR") in people
    assert ("Sébastien Lecornu", "Minister", "DefenceMinister", "FRA") in people
    assert ("Tony Radakin", "Chief of the Defence Staff", "MilitaryOfficer", "GBR") in people
    meetings = {r["date"]: r for r in _rows(out, "meetings-between-dates")}
    assert set(meetings) == {"2025-02", "2025-04", "2025-04-10", "2025-04-11"}
    assert meetings["2025-04-10"]["place"] == "Brussels" and meetings["2025-04"]["place"] == "Kyiv"
    assert set(meetings["2025-04"]["nations"].split("; ")) == {"FRA", "GBR", "UKR"}
    met = {(r["date"], r["whom"]) for r in _rows(out, "whom-did-person-meet")}
    assert met == {("2025-04-10", "Sébastien Lecornu"), ("2025-04-11", "Boris Pistorius")}
    pairs = {(r["nationA"], r["nationB"]): int(r["meetings"]) for r in _rows(out, "nation-co-attendance")}
    assert pairs == {("FRA", "GBR"): 2, ("DEU", "GBR"): 1, ("FRA", "UKR"): 1, ("GBR", "UKR"): 1}
    holders = {r["name"] for r in _rows(out, "role-holders-around-date")}
    assert holders == {"John Healey"}
    series = [(r["date"], r["ordinal"], r["nationCount"]) for r in _rows(out, "series-meetings")]
    assert series == [("2025-02", "", "46"), ("2025-04-11", "27", "50")]
    hosted = {(r["nation"], r["as"], r["date"]) for r in _rows(out, "meetings-hosted-or-chaired-by-nation")}
    assert {("GBR", "host", "2025-02"), ("GBR", "chair", "2025-02"), ("FRA", "host", "2025-04-10"), ("DEU", "chair", "2025-04-11")} <= hosted
    evidence = _rows(out, "meeting-evidence")
    assert any("27th meeting of the Ukraine Defence Contact Group" in r["evidence"] for r in evidence)
    assert _rows(out, "mentioned-in-several-documents") == []
    ministers = {(r["date"], r["nationA"], r["nationB"]) for r in _rows(out, "defence-ministers-of-two-nations-met")}
    assert ministers == {("2025-04-10", "FRA", "GBR"), ("2025-04-11", "DEU", "GBR")}


def test_query_formats_and_inline_sparql(built):
    out, _ = built
    r = run("query", str(out / "graph.ttl"), "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/ddkg/ontology#Meeting> }", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"] == "4"
    table = run("query", str(out / "graph.ttl"), "--name", "series-meetings").stdout
    assert table.splitlines()[1].startswith("---")


def test_unknown_query_name_is_a_one_line_usage_error(built):
    out, _ = built
    r = run("query", str(out / "graph.ttl"), "--name", "no-such-query")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "available" in r.stderr


def test_malformed_sparql_is_a_clear_error(built):
    out, _ = built
    r = run("query", str(out / "graph.ttl"), "-e", "SELEC nonsense")
    assert r.returncode == 2 and r.stderr.startswith("kg: ") and len(r.stderr.strip().splitlines()) == 1


def test_unusable_graph_file_is_exit_2(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    r = run("query", str(bad), "--name", "series-meetings")
    assert r.returncode == 2 and "cannot parse" in r.stderr


def test_build_skips_bad_input_keeps_the_rest_and_exits_1(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "seed.txt").write_bytes((SEEDS / "uk-mod-2025-04-10-coalition-of-the-willing.txt").read_bytes())
    r = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert r.returncode == 1
    assert "empty.txt: empty file" in r.stderr
    assert "4 meetings" in r.stdout and (tmp_path / "out" / "graph.ttl").exists()


def test_build_with_no_readable_input_is_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = run("build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("view", ["full", "nations", "people", "attendance"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_every_view_in_both_formats(built, tmp_path, view, fmt):
    import networkx as nx

    out, _ = built
    target = tmp_path / f"{view}.{fmt}"
    r = run("export", str(out / "graph.ttl"), "--view", view, "--format", fmt, "-o", str(target))
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    assert g.number_of_nodes() > 0 and g.number_of_edges() > 0


@pytest.mark.parametrize("fmt", ["nt", "nq", "trig", "jsonld"])
def test_export_rdf_formats(built, tmp_path, fmt):
    import rdflib

    out, _ = built
    target = tmp_path / f"graph.{fmt}"
    r = run("export", str(out / "graph.ttl"), "--format", fmt, "-o", str(target))
    assert r.returncode == 0, r.stderr
    parsed = rdflib.Dataset().parse(target, format={"nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt])
    assert len(parsed) > 100 or sum(len(g) for g in parsed.graphs()) > 100


def test_export_view_with_an_rdf_format_is_a_usage_error(built, tmp_path):
    out, _ = built
    r = run("export", str(out / "graph.ttl"), "--view", "nations", "--format", "trig", "-o", str(tmp_path / "x"))
    assert r.returncode == 2 and "--view" in r.stderr


def test_validate_exit_codes(built, tmp_path):
    out, _ = built
    ok = run("validate", str(out / "graph.ttl"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    invalid = run("validate", str(ROOT / "ontology/examples/invalid-meeting-without-evidence.ttl"))
    assert invalid.returncode == 1 and invalid.stdout.strip()
    (tmp_path / "junk.ttl").write_text("not rdf at all <<<", encoding="utf-8")
    unusable = run("validate", str(tmp_path / "junk.ttl"))
    assert unusable.returncode == 2 and len(unusable.stderr.strip().splitlines()) == 1


def test_serve_answers_on_localhost_and_stops(built):
    import json
    import signal
    import time
    import urllib.parse
    import urllib.request

    out, _ = built
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out / "graph.ttl"), "--port", "0", "--quiet"],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stderr.readline()
        assert "http://127.0.0.1:" in line, line
        url = line.split("SPARQL endpoint ", 1)[1].split(",", 1)[0]
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?m a dd:Meeting }"})
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"{url}?{query}", timeout=5) as resp:
                    body = json.loads(resp.read())
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert body["results"]["bindings"][0]["n"]["value"] == "4"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def test_build_is_quiet_in_pipes(tmp_path):
    r = run("build", str(SEEDS), "--out", str(tmp_path / "out"), "--no-cache")
    assert r.returncode == 0 and "docs/s" not in r.stderr and "ETA" not in r.stderr


def test_progress_shows_rate_and_eta_on_a_terminal(monkeypatch, capsys):
    from kg import cli

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    show = cli._progress_printer()
    assert show is not None
    show(5, 10)
    show(10, 10)
    err = capsys.readouterr().err
    assert "10/10 documents" in err and "docs/s" in err and "ETA" in err
