"""The dd: ontology, its SHACL shapes, the example graphs and kg.namespaces.DD agree with each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg.namespaces import DD, DDR, PREFIXES, WD, bind_prefixes

ROOT = Path(__file__).parents[1]
ONTOLOGY = ROOT / "ontology" / "ddkg.ttl"
SHAPES = ROOT / "ontology" / "ddkg-shapes.ttl"
EXAMPLES = ROOT / "ontology" / "examples"
ONTOLOGY_IRI = URIRef("https://w3id.org/ddkg/ontology")
NS = str(DD._NS)

from tests.conftest import INVALID_EXAMPLES  # noqa: E402  (the sh:message(s) each invalid example must raise)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


def dd_terms(graph: Graph) -> set[URIRef]:
    """Every IRI in the dd: namespace that the ontology describes (is the subject of triples)."""
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(NS)}


def validate(data: Graph, shapes: Graph, **options) -> tuple[bool, list[str]]:
    from pyshacl import validate as shacl_validate

    options = {"ont_graph": None, "inference": "none", **options}
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, **options)
    messages = [str(m) for m in report.objects(None, SH.resultMessage)]
    return conforms, messages


# --- ontology ---------------------------------------------------------------------------------------------


def test_ontology_parses(ontology: Graph) -> None:
    assert len(ontology) > 0


def test_ontology_has_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    dcterms = "http://purl.org/dc/terms/"
    for prop in ("title", "description", "license", "created"):
        assert ontology.value(ONTOLOGY_IRI, URIRef(dcterms + prop)) is not None, prop
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")


def test_every_term_has_label_and_definition(ontology: Graph) -> None:
    for term in dd_terms(ontology):
        for prop in (RDFS.label, SKOS.definition):
            values = list(ontology.objects(term, prop))
            assert values, f"{term} has no {prop}"
            assert all(isinstance(v, Literal) and v.language == "en" for v in values), f"{term} {prop} not @en"
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, f"{term} has no rdfs:isDefinedBy"


def test_every_term_is_typed(ontology: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme, SKOS.Concept}
    for term in dd_terms(ontology):
        assert kinds & set(ontology.objects(term, RDF.type)), f"{term} is not a class, property or concept"


def test_properties_have_domain_and_range(ontology: Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            assert ontology.value(prop, RDFS.domain) is not None, f"{prop} has no rdfs:domain"
            assert ontology.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"


def test_concepts_are_in_their_schemes(ontology: Graph) -> None:
    schemes = {
        DD.RoleScheme: {
            DD.HeadOfState, DD.HeadOfGovernment, DD.DefenceMinister, DD.ForeignMinister, DD.OtherMinister,
            DD.MilitaryOfficer, DD.NationalSecurityAdviser, DD.Diplomat, DD.Legislator, DD.Official, DD.Other,
        },
        DD.ModeScheme: {DD.InPerson, DD.Call, DD.Video},
        DD.StatusScheme: {DD.Held, DD.Planned},
    }
    for scheme, concepts in schemes.items():
        assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
        assert set(ontology.subjects(SKOS.inScheme, scheme)) == concepts
        for concept in concepts:
            assert (concept, RDF.type, SKOS.Concept) in ontology
            assert ontology.value(concept, SKOS.prefLabel) is not None, f"{concept} has no skos:prefLabel"


def test_organisation_subclasses_and_participant_subproperties(ontology: Graph) -> None:
    for sub in (DD.Ministry, DD.MilitaryBody, DD.Group, DD.InternationalOrganisation):
        assert (sub, RDFS.subClassOf, DD.Organisation) in ontology
    for sub in (DD.host, DD.chair):
        assert (sub, RDFS.subPropertyOf, DD.participant) in ontology


def test_no_equivalent_class_alignments(ontology: Graph) -> None:
    """Alignments are one-way (subClassOf / subPropertyOf), so inference never types outside nodes as dd: ones."""
    assert not list(ontology.triples((None, OWL.equivalentClass, None)))
    assert not list(ontology.triples((None, OWL.equivalentProperty, None)))


# --- kg.namespaces ----------------------------------------------------------------------------------------


def test_namespace_terms_match_ontology(ontology: Graph) -> None:
    in_python = set(dir(DD))
    in_ontology = dd_terms(ontology)
    assert in_python - in_ontology == set(), "terms of kg.namespaces.DD missing from ddkg.ttl"
    assert in_ontology - in_python == set(), "terms of ddkg.ttl missing from kg.namespaces.DD"


def test_namespace_is_closed() -> None:
    assert DD.Person == URIRef(NS + "Person")
    with pytest.raises(AttributeError):
        DD.NoSuchTerm  # noqa: B018


def test_prefixes() -> None:
    assert PREFIXES["dd"] == NS
    assert PREFIXES["ddr"] == str(DDR) == "https://w3id.org/ddkg/id/"
    assert PREFIXES["wd"] == str(WD) == "http://www.wikidata.org/entity/"
    for prefix in ("rdfs", "skos", "owl", "xsd"):
        assert prefix in PREFIXES
    graph = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    assert all(bound[prefix] == ns for prefix, ns in PREFIXES.items())


# --- shapes -----------------------------------------------------------------------------------------------


def test_shapes_parse(shapes: Graph) -> None:
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_every_shape_has_message_and_label(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = set(shapes.objects(None, SH.property))
    sparql_constraints = set(shapes.objects(None, SH.sparql))
    assert property_shapes and sparql_constraints
    for shape in node_shapes | property_shapes | sparql_constraints:
        name = shapes.value(shape, SH.path) if isinstance(shape, BNode) else shape
        assert shapes.value(shape, SH.message) is not None, f"shape {name} has no sh:message"
        assert shapes.value(shape, RDFS.label) is not None, f"shape {name} has no rdfs:label"


def test_shapes_use_only_defined_terms(ontology: Graph, shapes: Graph) -> None:
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(NS)}
    assert used <= dd_terms(ontology), f"undefined dd: terms in shapes: {used - dd_terms(ontology)}"


def test_role_shape_lists_every_role_concept(ontology: Graph, shapes: Graph) -> None:
    role_shape = next(s for s in shapes.objects(None, SH.property) if shapes.value(s, SH.path) == DD.role)
    listed = set(shapes.items(shapes.value(role_shape, SH["in"])))
    assert listed == set(ontology.subjects(SKOS.inScheme, DD.RoleScheme))


# --- examples ---------------------------------------------------------------------------------------------


def test_valid_example_conforms(shapes: Graph) -> None:
    data = Graph().parse(EXAMPLES / "valid-seed-excerpt.ttl")
    conforms, messages = validate(data, shapes)
    assert conforms, messages


def test_valid_example_conforms_with_ontology_and_rdfs_inference(ontology: Graph, shapes: Graph) -> None:
    """The alignment axioms must not make a conforming graph fail when a validator mixes in the ontology."""
    data = Graph().parse(EXAMPLES / "valid-seed-excerpt.ttl")
    conforms, messages = validate(data, shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, messages


def test_every_invalid_example_is_tested() -> None:
    assert {p.name for p in EXAMPLES.glob("invalid-*.ttl")} == set(INVALID_EXAMPLES)


@pytest.mark.parametrize("name", sorted(INVALID_EXAMPLES))
def test_invalid_example_starts_with_comment_naming_shape(name: str) -> None:
    first_line = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# INVALID: breaks ddsh:")


@pytest.mark.parametrize("name", sorted(INVALID_EXAMPLES))
def test_invalid_example_fails_with_expected_messages(shapes: Graph, name: str) -> None:
    data = Graph().parse(EXAMPLES / name)
    conforms, messages = validate(data, shapes)
    assert not conforms
    for expected in INVALID_EXAMPLES[name]:
        assert any(m.startswith(expected) for m in messages), f"{expected!r} not in {messages}"
