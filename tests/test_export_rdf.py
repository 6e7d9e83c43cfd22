"""Other RDF formats: N-Triples, N-Quads and TriG with one named graph per document, compact JSON-LD."""

import json

import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic

from kg.build import build
from kg.export.rdf import rdf_bytes, write_rdf
from tests.conftest import ROOT

DOC = "https://w3id.org/ddkg/id/doc/"


def test_ntriples_and_jsonld_round_trip(seed_graph, tmp_path):
    write_rdf(seed_graph, tmp_path / "g.nt", "nt")
    assert isomorphic(rdflib.Graph().parse(tmp_path / "g.nt", format="nt"), seed_graph)
    data = rdf_bytes(seed_graph, "jsonld")
    doc = json.loads(data)
    assert doc["@context"]["label"] == "rdfs:label" and "@graph" in doc
    assert isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), seed_graph)


def test_trig_has_one_named_graph_per_document(nlp, tmp_path):
    graph, _ = build([ROOT / "tests/data/two-reports"], nlp=nlp)
    write_rdf(graph, tmp_path / "g.trig", "trig")
    store = ox.Store()
    store.load(path=str(tmp_path / "g.trig"), format=ox.RdfFormat.TRIG)
    names = sorted(str(g.value) for g in store.named_graphs())
    assert names == [DOC + "a-readout", DOC + "b-release", DOC + "c-first-lady"]
    # the union of the named graphs is the graph
    union = rdflib.Graph()
    for q in store:
        union.add(tuple(rdflib.util.from_n3(t.__str__()) for t in (q.subject, q.predicate, q.object)))
    assert len(union) == len(graph)


def test_dropping_one_document_keeps_what_others_also_say(nlp, tmp_path):
    graph, _ = build([ROOT / "tests/data/two-reports"], nlp=nlp)
    store = ox.Store()
    store.load(rdf_bytes(graph, "nq"), format=ox.RdfFormat.N_QUADS)
    store.remove_graph(ox.NamedNode(DOC + "b-release"))
    ask = """ASK { GRAPH ?g { ?call dd:mode dd:Call ; dd:participant ?p . ?p rdfs:label "Rishi Sunak" } }"""
    assert store.query(ask, prefixes={"dd": "https://w3id.org/ddkg/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
    gone = """ASK { GRAPH ?g { ?d dd:docId "b-release" } }"""
    assert not store.query(gone, prefixes={"dd": "https://w3id.org/ddkg/ontology#"})
