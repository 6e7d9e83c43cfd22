"""Resolution across documents: one node per person and per meeting, namesakes kept apart."""

import pytest
import rdflib

from kg.build import build
from kg.resolve.names import first_names_compatible, full_names_compatible, name_tokens
from tests.conftest import ROOT

DD = rdflib.Namespace("https://w3id.org/ddkg/ontology#")
TWO_REPORTS = ROOT / "tests/data/two-reports"


@pytest.fixture(scope="module")
def graph(nlp):
    return build([TWO_REPORTS], nlp=nlp)[0]


def _persons(graph):
    return {str(graph.value(p, rdflib.RDFS.label)): p for p in graph.subjects(rdflib.RDF.type, DD.Person)}


def test_name_forms_of_one_person_are_compatible():
    assert name_tokens("Joseph R. Biden, Jr.") == ["joseph", "r", "biden"]
    assert first_names_compatible("joe", "joseph") and first_names_compatible("j", "joseph")
    assert not first_names_compatible("jill", "joe")
    assert full_names_compatible(name_tokens("Joe Biden"), name_tokens("Joseph R. Biden, Jr."))
    assert not full_names_compatible(name_tokens("Jill Biden"), name_tokens("Joe Biden"))
    assert not full_names_compatible(name_tokens("Joseph R. Biden"), name_tokens("Joseph K. Biden"))
    assert name_tokens("Mohammed Shia’ al-Sudani") == name_tokens("Mohammed Shia al-Sudani")  # a transliteration mark
    assert name_tokens("Beto O'Rourke") == ["beto", "o'rourke"]
    assert name_tokens("Nouri al-Maliki") == name_tokens("Nouri Maliki")  # an article's hyphenated form


def test_one_node_per_person_across_documents(graph):
    persons = _persons(graph)
    assert set(persons) == {"Joseph R. Biden, Jr.", "Rishi Sunak", "Jill Biden"}
    president = persons["Joseph R. Biden, Jr."]
    aliases = {str(a) for a in graph.objects(president, rdflib.SKOS.altLabel)}
    assert {"Joe Biden", "Biden"} <= aliases  # every surface form is kept
    assert len(set(graph.objects(president, DD.mentionedIn))) == 3


def test_a_namesake_with_another_first_name_stays_apart(graph):
    persons = _persons(graph)
    jill = persons["Jill Biden"]
    assert len(set(graph.objects(jill, DD.mentionedIn))) == 1
    assert jill != persons["Joseph R. Biden, Jr."]


def test_two_reports_of_one_call_are_one_meeting_with_both_documents(graph):
    calls = [m for m in graph.subjects(DD.mode, DD.Call)]
    assert len(calls) == 1
    call = calls[0]
    assert len(set(graph.objects(call, DD.mentionedIn))) == 2
    assert str(graph.value(call, DD.date)) == "2023-06-14"
    assert len(set(graph.objects(call, DD.evidence))) >= 2


def test_titles_alone_never_become_person_nodes(graph):
    labels = set(_persons(graph))
    assert not labels & {"President", "Prime Minister", "First Lady"}


@pytest.mark.parametrize("text, nations", [
    ("Moscow rejected the proposal on Tuesday.", ["RUS"]),
    ("The Kremlin said the talks had failed.", ["RUS"]),
    ("Washington warned against escalation.", ["USA"]),
    ("The talks were held in Moscow.", []),  # a place, not the government
    ("Officials from Washington arrived in Kyiv.", []),
])
def test_capitals_count_as_governments_only_as_the_subject_of_a_statement(nlp, text, nations):
    from kg.extract import government_metonyms

    assert government_metonyms(nlp(text), nlp.get_pipe("ddkg_entities").gazetteer) == nations
