"""Property-based tests (hypothesis): IRI minting and round trips through Turtle and GraphML."""

import networkx as nx
import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.export.graphml import write_graphml
from kg.export.rdf import turtle_bytes
from kg.graph.build import build_graph, iri
from kg.ingest.common import slug
from kg.nlp.gazetteer import load_gazetteer
from kg.resolve import resolve
from kg.types import DateValue, Document, Extraction, Meeting, Organisation, Person, Post, Ref

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=32), min_size=1, max_size=40).filter(str.strip)


@given(names)
def test_slugs_are_safe_iri_path_segments(name):
    s = slug(name)
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    assert not s.startswith("-") and not s.endswith("-")
    ox.NamedNode(str(iri(f"person/{s or 'x'}")))  # a valid IRI for the RDF store


@settings(deadline=None)
@given(st.lists(names, min_size=1, max_size=8))
def test_person_iris_are_valid_distinct_and_stable(person_names):
    doc = Document("d", "text")
    ex = Extraction(doc, [Person(n, nation=None) for n in person_names])
    keys = sorted(resolve([ex]).persons)
    assert keys == sorted(resolve([ex]).persons)  # same input, same IRIs
    assert len(set(keys)) == len(keys)
    for key in keys:
        ox.NamedNode(str(iri(key)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(["Bad\ufffeName", "Ok \x7f"], "Org\uffff", "sent\x85ence")  # characters XML 1.0 cannot carry
@given(st.lists(names, min_size=1, max_size=5, unique=True), names, names)
def test_any_labels_round_trip_through_turtle_and_graphml(person_names, org_name, sentence):
    doc = Document("d-1", "text", title=sentence, published=None, publisher="P")
    persons = [Person(n, posts=[Post("Minister", "OtherMinister", "FRA")], nation="FRA") for n in person_names]
    meeting = Meeting(date=DateValue("2024-05", "month"), participants=[Ref("person", n) for n in person_names],
                      evidence=[sentence])
    ex = Extraction(doc, persons, [Organisation(org_name, "group")], ["FRA"], [meeting])
    graph = build_graph(resolve([ex]), load_gazetteer())
    data = turtle_bytes(graph)
    assert isomorphic(rdflib.Graph().parse(data=data, format="turtle"), graph)
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.graphml"
        write_graphml(graph, path)
        net = nx.read_graphml(path)
    labels = {d["label"] for _, d in net.nodes(data=True)}
    expected = {str(o).replace("\ufffe", "").replace("\uffff", "")
                for s in graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/ddkg/ontology#Person"))
                for o in graph.objects(s, rdflib.RDFS.label)}
    assert expected <= labels
