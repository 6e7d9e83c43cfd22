"""Bad input, nothing lost: every class of bad input gets a clear message naming the file (and line), the rest of
the build completes, and the exit code says some input was skipped."""

import json
import subprocess
import sys

import networkx as nx
import pytest
import rdflib

from tests.conftest import ROOT, SEED_DOC


def kg_build(inputs, out):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "--out", str(out), "--no-cache"],
                       capture_output=True, text=True, cwd=ROOT)
    return r


@pytest.fixture()
def good(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_DOC.read_bytes())
    return folder


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty.txt: empty file"),
    ("binary.txt", bytes(range(256)) * 4, "binary.txt: binary file"),
    ("latin1.txt", "Réunion des ministres à Paris".encode("latin-1"), "latin1.txt: not UTF-8"),
    ("bad.jsonl", b'{"text": "President Biden met Chancellor Scholz today."}\n{"text": broken\n', "bad.jsonl:2: malformed JSON line"),
    ("notext.json", b'{"title": "no text here"}', "notext.json: record has no 'text'"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "photo.png: unsupported file type"),
])
def test_each_bad_input_is_named_and_the_rest_is_built(good, tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    r = kg_build([good, tmp_path / name], tmp_path / "out")
    assert r.returncode == 1, r.stderr
    assert message in r.stderr
    assert "4 meetings" in r.stdout or "5 meetings" in r.stdout
    assert rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")


def test_a_50_megabyte_document_is_refused_with_a_reason(good, tmp_path):
    big = good / "huge.txt"
    line = "The minister met the ambassador in the capital to discuss cooperation. " * 20 + "\n"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("Huge\n")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(line)
    r = kg_build([good], tmp_path / "out")
    assert r.returncode == 1
    assert "huge.txt: document too long" in r.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_broken_html_is_read(good, tmp_path):
    (good / "page.html").write_text("<html><head><title>Readout</title><body><p>President Biden met "
                                    "<b>Prime Minister Kishida Fumio of Japan today.<div><p>Unclosed <i>tags</p>",
                                    encoding="utf-8")
    r = kg_build([good], tmp_path / "out")
    assert r.returncode == 0, r.stderr
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    assert "Kishida Fumio" in labels


def test_non_english_text_builds_without_error(good, tmp_path):
    (good / "fr.txt").write_text("Réunion\nLe ministre des Armées a rencontré son homologue allemand à Berlin. "
                                 "Министр обороны встретился с коллегой. 国防部长会见了同事。", encoding="utf-8")
    r = kg_build([good], tmp_path / "out")
    assert r.returncode == 0, r.stderr


def test_names_with_quotes_brackets_emoji_and_diacritics_survive_every_format(good, tmp_path):
    (good / "odd.jsonl").write_text(json.dumps({
        "id": "odd <1> \"quoted\"", "title": "Readout 🇺🇦 <b>", "published": "2024-05-01",
        "text": "President Biden met with Prime Minister Jean-Yves O'Brien-Müller of France and "
                "Foreign Minister Zoë Ångström-Łukasiewicz of Poland 🤝 in Paris today. "
                "They discussed \"<script>alert(1)</script>\" & other matters."}) + "\n", encoding="utf-8")
    r = kg_build([good], tmp_path / "out")
    assert r.returncode == 0, r.stderr
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    assert "Readout 🇺🇦 <b>" in labels
    assert any("Ångström" in label for label in labels)
    net = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    assert any("Ångström" in d.get("label", "") for _, d in net.nodes(data=True))


def test_a_document_with_500_people(good, tmp_path):
    first = ["James", "Maria", "Ahmed", "Olena", "Kenji", "Fatima", "Lars", "Chen", "Amara", "Diego", "Ingrid", "Ravi",
             "Sofia", "Tomasz", "Aylin", "Kwame", "Elena", "Hiroshi", "Nadia", "Pieter"]
    last = ["Anderson", "Kowalski", "Haddad", "Petrenko", "Tanaka", "Okafor", "Lindqvist", "Moreau", "Rossi", "Novak",
            "Schmidt", "Costa", "Yilmaz", "Jensen", "Dubois", "Mensah", "Ivanova", "Fischer", "Silva", "Horvath",
            "Larsen", "Nakamura", "Bianchi", "Kaya", "Murphy"]
    names = [f"{f} {l}" for l in last for f in first][:500]
    text = "President Biden hosted a summit in Paris today with " + ", ".join(f"Minister {n}" for n in names) + "."
    (good / "crowd.txt").write_text("A crowded summit\n" + text, encoding="utf-8")
    r = kg_build([good], tmp_path / "out")
    assert r.returncode == 0, r.stderr
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    persons = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/ddkg/ontology#Person")))
    assert len(persons) >= 400
