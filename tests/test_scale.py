"""Incremental, idempotent and parallel builds."""

import shutil

import pytest

import kg.build as build_module
from kg.build import build
from kg.cache import ExtractionCache, extractor_version, from_json, to_json
from kg.export.graphml import write_graphml
from kg.export.rdf import turtle_bytes
from tests.conftest import ROOT, SEED_DOC

TWO_REPORTS = ROOT / "tests/data/two-reports"


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(TWO_REPORTS, folder)
    return folder


def test_rebuild_reads_only_new_documents(nlp, corpus, tmp_path):
    cache = ExtractionCache(tmp_path / "cache", extractor_version("test"))
    _, first = build([corpus], nlp=nlp, cache=cache)
    assert (first.documents, first.cached) == (3, 0)
    shutil.copy(SEED_DOC, corpus / SEED_DOC.name)
    graph, second = build([corpus], nlp=nlp, cache=cache)
    assert (second.documents, second.cached) == (4, 3)
    _, third = build([corpus], nlp=nlp, cache=cache)
    assert third.cached == 4 and "nlp" not in third.stages  # nothing new: no spaCy at all
    uncached, _ = build([corpus], nlp=nlp)
    assert turtle_bytes(graph) == turtle_bytes(uncached)


def test_changed_document_or_extractor_version_is_read_again(nlp, corpus, tmp_path):
    cache = ExtractionCache(tmp_path / "cache", "v1")
    build([corpus], nlp=nlp, cache=cache)
    doc = corpus / "b-release.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nThey agreed to speak again soon.\n", encoding="utf-8")
    assert build([corpus], nlp=nlp, cache=cache)[1].cached == 2
    assert build([corpus], nlp=nlp, cache=ExtractionCache(tmp_path / "cache", "v2"))[1].cached == 0


def test_cache_round_trips_an_extraction(nlp):
    from kg.build import extract_documents
    from kg.ingest import read_inputs

    (ex,) = extract_documents(list(read_inputs([SEED_DOC])), nlp)
    assert from_json(to_json(ex)) == ex


def test_workers_give_the_same_bytes_as_one_process(nlp, corpus, tmp_path, monkeypatch):
    shutil.copy(SEED_DOC, corpus / SEED_DOC.name)
    serial, _ = build([corpus], nlp=nlp)
    monkeypatch.setattr(build_module, "CHUNK_SIZE", 1)
    parallel, _ = build([corpus], nlp=nlp, workers=2)
    assert turtle_bytes(parallel) == turtle_bytes(serial)
    write_graphml(serial, tmp_path / "a.graphml")
    write_graphml(parallel, tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
