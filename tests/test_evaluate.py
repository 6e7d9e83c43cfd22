"""`kg eval`: scoring against gold files, and the re3d entity table."""

import copy
import json
import subprocess
import sys


from kg.evaluate import evaluate, evaluate_re3d, score_document, total
from kg.graph.build import build_graph, iri
from kg.nlp.gazetteer import load_gazetteer
from kg.resolve import resolve
from kg.types import DateValue, Document, Extraction, Meeting, Person, Post, Ref
from tests.conftest import ROOT, SEEDS

GOLD_DIR = ROOT / "tests/data/gold"
GOLD = json.loads((GOLD_DIR / "uk-mod-2025-04-10-coalition-of-the-willing.json").read_text(encoding="utf-8"))

MINI_GOLD = {
    "doc_id": "d1", "published": "2024-05-01",
    "persons": [{"name": "Joe Biden", "aliases": ["President Biden"], "posts": [{"title": "President", "role": "HeadOfState"}], "nation": "USA"},
                {"name": "Kishida Fumio", "aliases": [], "posts": [{"title": "Prime Minister", "role": "HeadOfGovernment"}], "nation": "JPN"}],
    "organisations": [{"name": "NATO", "kind": "international", "nation": None}],
    "nations": ["USA", "JPN"],
    "meetings": [{"date": "2024-05", "date_precision": "month", "place": "Tokyo", "mode": "in-person",
                  "participants": ["Joe Biden", "Kishida Fumio"], "nations": ["USA", "JPN"], "hosts": ["Kishida Fumio"],
                  "chairs": [], "nation_count": None, "status": "held"}],
}


def _graph(persons, meetings, orgs=()):
    doc = Document("d1", "text", published=None)
    return build_graph(resolve([Extraction(doc, persons, list(orgs), ["USA", "JPN"], meetings)]), load_gazetteer()), iri("doc/d1")


def _people():
    return [Person("Biden", posts=[Post("President", "HeadOfState", "USA")], nation="USA"),
            Person("Kishida Fumio", posts=[Post("Prime Minister", "HeadOfGovernment", "JPN")], nation="JPN")]


def _meeting(date="2024-05-14"):
    from kg.types import Place
    refs = [Ref("person", "Biden"), Ref("person", "Kishida Fumio"), Ref("nation", "USA"), Ref("nation", "JPN")]
    return Meeting(date=DateValue(date, "day"), place=Place("Tokyo", "JPN"), participants=refs,
                   hosts=[Ref("person", "Kishida Fumio")], evidence=["s"])


def test_last_name_counts_as_the_person_and_meeting_matches_at_gold_precision():
    g, doc = _graph(_people(), [_meeting()])
    ds = score_document(MINI_GOLD, g, doc)
    for c in ("persons", "person_nation", "person_role", "nations", "meetings", "meeting_participants",
              "meeting_nations", "meeting_hosts_chairs", "meeting_place"):
        assert ds.scores[c].f1 == 1.0, (c, ds.misses, ds.extras)
    assert ds.scores["organisations"].fn == 1  # NATO not predicted


def test_a_second_node_for_the_same_person_is_a_false_positive():
    people = _people() + [Person("Joe Biden", nation="GBR")]  # a namesake node the resolver keeps apart
    g, doc = _graph(people, [])
    s = score_document(MINI_GOLD, g, doc).scores["persons"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)


def test_meeting_in_another_month_does_not_match():
    g, doc = _graph(_people(), [_meeting("2024-06-02")])
    s = score_document(MINI_GOLD, g, doc).scores["meetings"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_eval_of_the_seed_gold_scores_every_category():
    results = evaluate(GOLD_DIR, [SEEDS])
    scores = total(results)
    assert scores["persons"].f1 == 1.0 and scores["meetings"].f1 == 1.0
    assert scores["meeting_hosts_chairs"].f1 == 1.0 and scores["organisations"].f1 == 1.0


def test_eval_command_prints_a_table_and_misses(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(GOLD_DIR), "--corpus", str(SEEDS), "-v"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "persons" in r.stdout and "1.000" in r.stdout
    assert "miss  person_nation: ('Putin', 'RUS')" in r.stdout


def test_eval_reports_a_missing_document_clearly(tmp_path):
    gold = copy.deepcopy(GOLD)
    gold["doc_id"] = "not-in-corpus"
    (tmp_path / "g.json").write_text(json.dumps(gold), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(tmp_path), "--corpus", str(SEEDS)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "not-in-corpus" in r.stderr


def test_re3d_table_beats_the_plain_model_on_persons_and_organisations(nlp):
    from kg.nlp.pipeline import load_model

    table = evaluate_re3d(ROOT / "tests/data/re3d", nlp, load_model())
    ours, plain = table["Person"]
    assert ours.tp > 0 and ours.f1 > plain.f1
    ours, plain = table["Organisation"]
    assert ours.f1 > plain.f1
