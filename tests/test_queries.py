"""The shipped competency queries, run on the hand-written seed graph (tests/data/seed-sample.ttl)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import UsageError
from kg.graph.store import load_store
from kg.query import QueryResult, format_result, list_queries, load_query, run_query

SAMPLE = Path(__file__).parent / "data" / "seed-sample.ttl"
SEED_TEXT = Path(__file__).parents[1] / "seeds" / "uk-mod-2025-04-10-coalition-of-the-willing.txt"
ID = "https://w3id.org/ddkg/id/"
DOC = ID + "doc/uk-mod-2025-04-10-coalition-of-the-willing"
M_COW = ID + "meeting/2025-04-10/coalition-of-the-willing"
M_UDCG27 = ID + "meeting/2025-04-11/ukraine-defence-contact-group"
M_KYIV = ID + "meeting/2025-04/kyiv"
M_UDCG_FEB = ID + "meeting/2025-02/ukraine-defence-contact-group"

EXPECTED_NAMES = {
    "people-posts-nations",
    "meetings-between-dates",
    "whom-did-person-meet",
    "nation-co-attendance",
    "role-holders-around-date",
    "series-meetings",
    "meetings-hosted-or-chaired-by-nation",
    "meeting-evidence",
    "mentioned-in-several-documents",
    "defence-ministers-of-two-nations-met",
}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(SAMPLE)


def run(store: ox.Store, name: str, **replace: str) -> QueryResult:
    """Run a shipped query, optionally with text replacements (as a user editing the parameter line would)."""
    sparql = load_query(name)
    for old, new in replace.items():
        assert old in sparql, old
        sparql = sparql.replace(old, new)
    return run_query(store, sparql)


def sorted_list(value: str | None) -> list[str]:
    """A "; "-joined GROUP_CONCAT value as a sorted list (GROUP_CONCAT order is not guaranteed)."""
    return sorted(value.split("; ")) if value else []


# --- the query files ---------------------------------------------------------


def test_every_competency_question_has_a_query() -> None:
    assert set(list_queries()) == EXPECTED_NAMES


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_query_headers_and_runs(store: ox.Store, name: str) -> None:
    text = load_query(name)
    lines = text.splitlines()
    assert lines[0].startswith("# Question: ") and len(lines[0]) > len("# Question: ") + 10
    assert any(line.startswith("# Parameters:") for line in lines[:6])
    result = run_query(store, text)
    assert result.variables
    assert all(len(row) == len(result.variables) for row in result.rows)


def test_unknown_query_name_lists_the_available_ones() -> None:
    with pytest.raises(UsageError) as info:
        load_query("no-such-query")
    assert isinstance(info.value, KeyError)
    assert "series-meetings" in str(info.value)
    assert load_query("series-meetings.rq") == load_query("series-meetings")


def test_fixture_evidence_is_copied_from_the_seed_text(store: ox.Store) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    result = run_query(store, "SELECT ?e WHERE { ?m <https://w3id.org/ddkg/ontology#evidence> ?e }")
    assert len(result.rows) == 6
    for (sentence,) in result.rows:
        assert sentence in text


# --- one test per competency question ----------------------------------------


def test_people_posts_nations(store: ox.Store) -> None:
    result = run(store, "people-posts-nations")
    assert result.variables == ["name", "post", "role", "nation", "person"]
    assert [row[:4] for row in result.rows] == [
        ("Boris Pistorius", "Defence Minister", "DefenceMinister", "DEU"),
        ("Sébastien Lecornu", "Minister", "DefenceMinister", "FRA"),
        ("John Healey", "Defence Secretary", "DefenceMinister", "GBR"),
        ("John Healey", "MP", "Legislator", "GBR"),
        ("Tony Radakin", "Chief of the Defence Staff", "MilitaryOfficer", "GBR"),
        ("Umerov", "Defence Minister", "DefenceMinister", "UKR"),
        ("Zelenskyy", "President", "HeadOfState", "UKR"),
    ]
    assert result.rows[2][4] == ID + "person/john-healey"


def _meetings(result: QueryResult) -> list[tuple]:
    return [
        (date, meeting, place, mode, status, sorted_list(people), sorted_list(orgs), sorted_list(nations))
        for date, meeting, place, mode, status, people, orgs, nations in result.rows
    ]


def test_meetings_between_dates(store: ox.Store) -> None:
    result = run(store, "meetings-between-dates")
    assert result.variables == ["date", "meeting", "place", "mode", "status", "people", "organisations", "nations"]
    assert _meetings(result) == [
        ("2025-02", M_UDCG_FEB, None, "InPerson", "Held", [], [], ["GBR"]),
        ("2025-04", M_KYIV, "Kyiv", "InPerson", "Held", ["Tony Radakin", "Umerov", "Zelenskyy"], [],
         ["FRA", "GBR", "UKR"]),
        ("2025-04-10", M_COW, "Brussels", "InPerson", "Planned", ["John Healey", "Sébastien Lecornu"], [],
         ["FRA", "GBR"]),
        ("2025-04-11", M_UDCG27, None, "InPerson", "Planned", ["Boris Pistorius", "John Healey"], [],
         ["DEU", "GBR"]),
    ]


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ('("2025-04-05" "2025-04-10")', [M_KYIV, M_COW]),  # a month-precision date overlaps a day range
        ('("2025-04-11" "2025-12-31")', [M_KYIV, M_UDCG27]),
        ('("2025-02" "2025-02")', [M_UDCG_FEB]),  # month bounds include the days of that month
        ('("2025-04" "2025")', [M_KYIV, M_COW, M_UDCG27]),
        ('("2025-03-01" "2025-03-31")', []),
        ('("2024" "2024")', []),
    ],
)
def test_meetings_between_dates_bounds(store: ox.Store, bounds: str, expected: list[str]) -> None:
    result = run(store, "meetings-between-dates", **{'("2025-01-01" "2025-12-31")': bounds})
    assert [row[1] for row in result.rows] == expected


def test_whom_did_person_meet(store: ox.Store) -> None:
    result = run(store, "whom-did-person-meet")
    assert result.variables == ["date", "whom", "nation", "meeting", "other"]
    assert [row[:4] for row in result.rows] == [
        ("2025-04-10", "Sébastien Lecornu", "FRA", M_COW),
        ("2025-04-11", "Boris Pistorius", "DEU", M_UDCG27),
    ]
    by_alias = run(store, "whom-did-person-meet", **{'"John Healey"': '"Radakin"'})
    assert [row[:4] for row in by_alias.rows] == [
        ("2025-04", "Umerov", "UKR", M_KYIV),
        ("2025-04", "Zelenskyy", "UKR", M_KYIV),
    ]


def test_nation_co_attendance(store: ox.Store) -> None:
    result = run(store, "nation-co-attendance")
    assert result.variables == ["nationA", "nationB", "meetings"]
    assert result.rows == [
        ("FRA", "GBR", "2"),  # Brussels and Kyiv
        ("DEU", "GBR", "1"),
        ("FRA", "UKR", "1"),
        ("GBR", "UKR", "1"),
    ]


def test_role_holders_around_date(store: ox.Store) -> None:
    result = run(store, "role-holders-around-date")
    assert result.variables == ["name", "post", "published", "doc", "person"]
    assert result.rows == [("John Healey", "Defence Secretary", "2025-04-10", DOC, ID + "person/john-healey")]
    french = run(store, "role-holders-around-date", **{'"GBR"': '"FRA"'})
    assert [row[:2] for row in french.rows] == [("Sébastien Lecornu", "Minister")]
    too_late = run(store, "role-holders-around-date", **{'"2025-04-10"^^xsd:date': '"2026-04-10"^^xsd:date'})
    assert too_late.rows == []


def test_series_meetings(store: ox.Store) -> None:
    result = run(store, "series-meetings")
    assert result.variables == ["date", "ordinal", "nationCount", "status", "place", "meeting"]
    assert result.rows == [
        ("2025-02", None, "46", "Held", None, M_UDCG_FEB),
        ("2025-04-11", "27", "50", "Planned", None, M_UDCG27),
    ]
    coalition = run(store, "series-meetings", **{'"Ukraine Defence Contact Group"': '"Coalition of the Willing"'})
    assert coalition.rows == [("2025-04-10", "1", "30", "Planned", "Brussels", M_COW)]


def test_meetings_hosted_or_chaired_by_nation(store: ox.Store) -> None:
    result = run(store, "meetings-hosted-or-chaired-by-nation")
    assert result.variables == ["nation", "as", "date", "meeting", "via"]
    rows = [(*row[:4], sorted_list(row[4])) for row in result.rows]
    assert rows == [
        ("DEU", "chair", "2025-04-11", M_UDCG27, ["Boris Pistorius"]),
        ("FRA", "host", "2025-04-10", M_COW, ["France", "Sébastien Lecornu"]),
        ("GBR", "chair", "2025-02", M_UDCG_FEB, ["United Kingdom"]),
        ("GBR", "host", "2025-02", M_UDCG_FEB, ["United Kingdom"]),
        ("GBR", "host", "2025-04-10", M_COW, ["John Healey", "United Kingdom"]),
        ("GBR", "chair", "2025-04-11", M_UDCG27, ["John Healey"]),
    ]


def test_meeting_evidence(store: ox.Store) -> None:
    result = run(store, "meeting-evidence", **{"?meeting { UNDEF }": f"?meeting {{ <{M_UDCG27}> }}"})
    assert result.variables == ["meeting", "doc", "title", "published", "evidence"]
    assert len(result.rows) == 1
    meeting, doc, title, published, evidence = result.rows[0]
    assert (meeting, doc, published) == (M_UDCG27, DOC, "2025-04-10")
    assert title == "UK and France convene first Defence Ministers' Ukraine Coalition of the Willing meeting"
    assert evidence.startswith("Tomorrow, the Defence Secretary and German Defence Minister Boris Pistorius")
    everything = run(store, "meeting-evidence")
    assert len(everything.rows) == 6
    assert {row[0] for row in everything.rows} == {M_COW, M_UDCG27, M_KYIV, M_UDCG_FEB}


def test_mentioned_in_several_documents(store: ox.Store) -> None:
    assert run(store, "mentioned-in-several-documents").rows == []  # the seed is one document
    two_docs = load_store(SAMPLE)
    two_docs.update(
        f"""PREFIX dd: <https://w3id.org/ddkg/ontology#>
        INSERT DATA {{
          <{ID}doc/second> a dd:Document ; dd:docId "second" .
          <{ID}person/john-healey> dd:mentionedIn <{ID}doc/second> .
          <{M_UDCG27}> dd:mentionedIn <{ID}doc/second> .
          <{ID}nation/GBR> dd:mentionedIn <{ID}doc/second> .
        }}"""
    )
    result = run(two_docs, "mentioned-in-several-documents")
    assert result.variables == ["kind", "label", "documents", "resource"]
    assert result.rows == [
        ("Meeting", "Ukraine Defence Contact Group meeting 27, 2025-04-11", "2", M_UDCG27),
        ("Person", "John Healey", "2", ID + "person/john-healey"),
    ]


def test_defence_ministers_of_two_nations_met(store: ox.Store) -> None:
    result = run(store, "defence-ministers-of-two-nations-met")
    assert result.variables == ["date", "meeting", "nationA", "ministerA", "nationB", "ministerB"]
    assert result.rows == [
        ("2025-04-10", M_COW, "FRA", "Sébastien Lecornu", "GBR", "John Healey"),
        ("2025-04-11", M_UDCG27, "DEU", "Boris Pistorius", "GBR", "John Healey"),
    ]


# --- formats ----------------------------------------------------------------


def test_csv_is_parseable(store: ox.Store) -> None:
    result = run(store, "series-meetings")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == result.variables
    assert rows[1:] == [["" if v is None else v for v in row] for row in result.rows]


def test_json_is_sparql_results_json(store: ox.Store) -> None:
    result = run(store, "series-meetings")
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == result.variables
    first, second = doc["results"]["bindings"]
    assert "ordinal" not in first  # unbound
    assert second["meeting"] == {"type": "uri", "value": M_UDCG27}
    assert second["nationCount"] == {
        "type": "literal", "value": "50", "datatype": "http://www.w3.org/2001/XMLSchema#integer"
    }
    assert second["status"] == {"type": "literal", "value": "Planned"}


def test_table_has_header_and_separator(store: ox.Store) -> None:
    result = run(store, "nation-co-attendance")
    lines = format_result(result, "table").splitlines()
    assert lines[0].split() == ["nationA", "nationB", "meetings"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split() == ["FRA", "GBR", "2"]
    assert len(lines) == 2 + len(result.rows)


def test_ask_and_construct(store: ox.Store) -> None:
    ask = run_query(store, "ASK { ?s a <https://w3id.org/ddkg/ontology#Meeting> }")
    assert ask.rows == [("true",)]
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    construct = run_query(store, f"CONSTRUCT {{ <{M_COW}> ?p ?o }} WHERE {{ <{M_COW}> ?p ?o }}")
    assert construct.variables == ["subject", "predicate", "object"]
    assert len(construct.rows) > 10


def test_bad_sparql_is_a_usage_error(store: ox.Store) -> None:
    with pytest.raises(UsageError):
        run_query(store, "SELECT WHERE nonsense")
