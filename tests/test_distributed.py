"""Extraction sharded over a real Dask LocalCluster (worker processes) gives the graph of a local build, byte for byte."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

import pyoxigraph as ox  # noqa: E402

from kg.build import build, read_documents, BuildReport  # noqa: E402
from kg.distributed import build_distributed, extract_shard, shard_files, shards, worker_pipeline  # noqa: E402
from kg.errors import UsageError  # noqa: E402
from kg.export.rdf import turtle_bytes  # noqa: E402
from kg.namespaces import DD  # noqa: E402

from tests.conftest import ROOT, SEEDS  # noqa: E402

TWO_REPORTS = ROOT / "tests" / "data" / "two-reports"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The two-reports set and the seed, plus documents written here: a release naming people of the other
    documents (so resolution across shards matters), a JSON Lines file of two records and an empty file (skipped)."""
    folder = tmp_path_factory.mktemp("more-docs")
    (folder / "d-visit.txt").write_text(
        "Prime Minister Rishi Sunak meets President Biden in Washington\n\n"
        "Prime Minister Rishi Sunak met President Joseph R. Biden, Jr. at the White House in Washington on 8 June 2023. "
        "The leaders discussed support for Ukraine and the NATO Summit in Vilnius.\n", encoding="utf-8")
    (folder / "e-records.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "e1", "title": "Defence Secretary hosts Polish counterpart", "published": "2025-03-03",
         "text": "Defence Secretary John Healey hosted the Polish Defence Minister Wladyslaw Kosiniak-Kamysz in London "
                 "on 3 March 2025. The ministers discussed support for Ukraine."},
        {"id": "e2", "title": "Defence Secretary meets French counterpart", "published": "2025-03-05",
         "text": "Defence Secretary John Healey met French Minister of the Armed Forces Sebastien Lecornu in Paris "
                 "on 5 March 2025."},
    ]) + "\n", encoding="utf-8")
    (folder / "f-empty.txt").write_text("", encoding="utf-8")
    return [TWO_REPORTS, SEEDS, folder]


@pytest.fixture(scope="module")
def local_build(inputs, nlp):
    return build(inputs, nlp=nlp)


def _quads(path: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def _check_shards(shard_dir: Path, inputs, shard_size: int, graph) -> None:
    docs = read_documents(inputs, BuildReport())
    parts = shards(docs, shard_size)
    files = shard_files(shard_dir)
    assert [f.name for f in files] == [f"shard-{n:05d}.nq" for n in range(1, len(parts) + 1)]
    documents = {str(s) for s, _, _ in graph.triples((None, None, DD.Document))}
    seen: set[str] = set()
    for path, part in zip(files, parts):
        quads = _quads(path)
        assert quads, f"{path.name} is empty"
        names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        assert names and names <= documents, f"{path.name}: named graphs that are not documents: {names - documents}"
        typed = {q.subject.value for q in quads if q.predicate.value == RDF_TYPE and q.object.value == str(DD.Document)}
        assert names == typed  # one named graph per document of the shard
        assert len(names) == len(part)  # every document of the shard (none failed extraction)
        seen |= names
    assert seen == documents  # shards, in order, cover every document exactly once


def test_shards_keep_input_order():
    docs = list(range(7))
    assert shards(docs, 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert shards(docs, 1) == [[d] for d in docs]
    assert shards([], 4) == []


def test_local_cluster_build_is_byte_identical(inputs, local_build, tmp_path):
    """2 worker processes, 1 thread each, shards of 2 documents: same Turtle bytes as kg.build.build. With an
    extraction cache, a second build without shard files needs no cluster at all."""
    from kg.cache import ExtractionCache, extractor_version
    from kg.nlp.pipeline import model_name

    cache = ExtractionCache(tmp_path / "cache", extractor_version(model_name(None)))
    shard_dir = tmp_path / "shards"
    graph, report = build_distributed(inputs, n_workers=2, shard_size=2, shard_dir=shard_dir, cache=cache)
    expected_graph, expected_report = local_build
    assert len(graph) > 200
    assert turtle_bytes(graph) == turtle_bytes(expected_graph)
    assert (report.documents, report.persons, report.organisations, report.nations, report.meetings, report.triples) == \
        (expected_report.documents, expected_report.persons, expected_report.organisations, expected_report.nations,
         expected_report.meetings, expected_report.triples)
    assert [str(e) for e in report.skipped] == [str(e) for e in expected_report.skipped]
    assert any("f-empty.txt" in str(e) for e in report.skipped)
    _check_shards(shard_dir, inputs, 2, graph)
    assert report.cached == 0

    closed = _closed_port()  # every document is cached: the (unreachable) scheduler is never asked
    again, report = build_distributed(inputs, scheduler=f"tcp://127.0.0.1:{closed}", shard_size=2, cache=cache)
    assert report.cached == report.documents == expected_report.documents
    assert turtle_bytes(again) == turtle_bytes(expected_graph)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_given_scheduler_one_document_per_shard(inputs, local_build, tmp_path):
    """An existing cluster, addressed by its scheduler address (as a real cluster would be), shards of 1 document;
    a second run with larger shards into the same folder leaves no stale shard files behind."""
    from dask.distributed import LocalCluster

    shard_dir = tmp_path / "shards"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        graph, report = build_distributed(inputs, scheduler=cluster.scheduler_address, shard_size=1, shard_dir=shard_dir)
        assert turtle_bytes(graph) == turtle_bytes(local_build[0])
        _check_shards(shard_dir, inputs, 1, graph)
        assert len(shard_files(shard_dir)) == report.documents
        graph, _ = build_distributed(inputs, scheduler=cluster.scheduler_address, shard_size=4, shard_dir=shard_dir)
        assert turtle_bytes(graph) == turtle_bytes(local_build[0])
        _check_shards(shard_dir, inputs, 4, graph)


def test_shard_task_in_process(inputs, nlp, tmp_path):
    """The task itself: JSON that kg.cache reads back to the same extraction, and the pipeline loaded once."""
    from kg.build import extract_documents
    from kg.cache import from_json, to_json

    docs = read_documents(inputs, BuildReport())[:2]
    result = extract_shard(7, docs, str(tmp_path), None)
    assert result["shard"] == 7 and result["errors"] == []
    assert Path(result["path"]) == tmp_path / "shard-00007.nq"
    assert worker_pipeline(None) is worker_pipeline(None)
    direct = extract_documents(docs, nlp)
    assert [to_json(from_json(t, d)) for t, d in zip(result["extractions"], docs)] == [to_json(e) for e in direct]
    with pytest.raises(UsageError, match="runs a different ddkg or spaCy model"):
        extract_shard(1, docs, None, None, version="0000000000000000")  # a worker with other code refuses


def test_unreachable_scheduler_is_a_usage_error(tmp_path):
    port = _closed_port()
    with pytest.raises(UsageError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:\d+ \(connection refused\)"):
        build_distributed([SEEDS], scheduler=f"tcp://127.0.0.1:{port}")
    with pytest.raises(UsageError, match="shard size"):
        build_distributed([SEEDS], shard_size=0)
