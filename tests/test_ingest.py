"""Readers for every input format, and clear errors for unusable input."""

import json
from datetime import date

from kg.errors import UnusableInputError
from kg.ingest import read_inputs
from kg.ingest.common import clean_text
from kg.types import Document

from tests.conftest import SEED_DOC


def _read(*paths):
    return list(read_inputs(paths))


def test_seed_text_reads_date_line_publisher_and_title():
    (doc,) = _read(SEED_DOC)
    assert doc.doc_id == "uk-mod-2025-04-10-coalition-of-the-willing"
    assert doc.published == date(2025, 4, 10)
    assert doc.publisher == "Ministry of Defence"
    assert doc.title.startswith("UK and France convene first Defence Ministers")
    assert doc.text.startswith("UK and France convene defence ministers")
    assert "\n\n" in doc.text  # one paragraph per line kept apart


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "note.md"
    p.write_text("---\ntitle: A readout\npublished: 2024-01-02\npublisher: Someone\nurl: https://example.org/x\n---\nBody text.\n", encoding="utf-8")
    (doc,) = _read(p)
    assert (doc.title, doc.published, doc.publisher, doc.url, doc.text) == ("A readout", date(2024, 1, 2), "Someone", "https://example.org/x", "Body text.")


def test_json_and_jsonl_records(tmp_path):
    rec = {"id": "a1", "title": "T", "published": "2022-03-26", "publisher": "P", "url": "u", "text": "Hello there.\nwrapped line\n\nSecond paragraph."}
    (tmp_path / "one.json").write_text(json.dumps(rec), encoding="utf-8")
    (tmp_path / "many.jsonl").write_text(json.dumps(rec | {"id": "a2"}) + "\n\n" + json.dumps({"text": "Only text."}) + "\n", encoding="utf-8")
    docs = _read(tmp_path / "one.json", tmp_path / "many.jsonl")
    assert [d.doc_id for d in docs] == ["a1", "a2", "many-3"]
    assert docs[0].text == "Hello there. wrapped line\n\nSecond paragraph."
    assert docs[0].published == date(2022, 3, 26)
    assert docs[2].published is None


def test_html_article_title_and_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("""<html><head><title>Readout of a call</title>
      <meta property="article:published_time" content="2023-10-11T10:00:00Z"></head>
      <body><nav>Menu</nav><article><h1>Readout of a call</h1><p>The President spoke today.</p>
      <script>var x = 1;</script><p>Second &amp; last.</p></article><footer>Footer</footer></body></html>""", encoding="utf-8")
    (doc,) = _read(p)
    assert doc.title == "Readout of a call"
    assert doc.published == date(2023, 10, 11)
    assert doc.text == "The President spoke today.\n\nSecond & last."


def test_unusable_inputs_give_errors_and_the_rest_is_read(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\n{not json\n{"title": "no text"}\n', encoding="utf-8")
    (tmp_path / "good.txt").write_text("Title\nBody.", encoding="utf-8")
    items = _read(tmp_path, tmp_path / "missing.txt")
    errors = {str(e) for e in items if isinstance(e, UnusableInputError)}
    docs = [d for d in items if isinstance(d, Document)]
    assert sorted(d.doc_id for d in docs) == ["bad-1", "good"]
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.txt: binary file" in e for e in errors)
    assert any("latin1.txt: not UTF-8" in e for e in errors)
    assert any("bad.jsonl:2: malformed JSON line" in e for e in errors)
    assert any("bad.jsonl:3: record has no 'text'" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)


def test_folder_readme_and_licence_files_are_not_documents(tmp_path):
    (tmp_path / "README.md").write_text("# about this folder", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("licence", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("Title\nBody.", encoding="utf-8")
    assert [d.doc_id for d in _read(tmp_path)] == ["doc"]


def test_markdown_links_keep_their_text_and_lose_their_address(tmp_path):
    record = {"id": "r1", "text": "The panel heard [David\nLaibson](https://example.gov/David-Laibson-remarks.pdf), "
                                  "Professor at Harvard, and [opening remarks](/briefing-room/x/ \"Remarks\")."}
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = list(read_inputs([path]))
    assert doc.text == "The panel heard David Laibson, Professor at Harvard, and opening remarks."


def test_no_break_and_doubled_spaces_become_one_plain_space():
    # each would be a token of its own in the parse and cut "National Security Advisor" off its name
    assert clean_text("Today,\xa0National\nSecurity  Advisor\u2009Jake Sullivan met.\n\nNext") == \
        "Today, National Security Advisor Jake Sullivan met.\n\nNext"


def test_a_markdown_hard_line_break_ends_a_paragraph():
    # "Participants included:  \nJessica Blue, ...  \nElise Bryant, ...": one attendee per line, not one run-on line
    text = "Participants included:  \nJessica Blue, Registered Nurse, SEIU 1199  \nElise Bryant, President, Coalition of Labor Union Women"
    assert clean_text(text).split("\n\n") == ["Participants included:", "Jessica Blue, Registered Nurse, SEIU 1199",
                                              "Elise Bryant, President, Coalition of Labor Union Women"]
    assert clean_text("a line broken  \nin the middle of a sentence") == "a line broken in the middle of a sentence"


def test_a_hard_line_break_inside_a_sentence_keeps_the_sentence_whole():
    assert clean_text("President Biden spoke today with  \nPrime Minister Kishida of Japan  \nabout the G7 Summit.") == \
        "President Biden spoke today with Prime Minister Kishida of Japan about the G7 Summit."
    assert clean_text("x\n\n***  \nDomestic Manufacturers  \n***  \nPeter Rawlinson, CEO, Lucid Motors") == \
        "x\n\n*\n\nDomestic Manufacturers\n\n*\n\nPeter Rawlinson, CEO, Lucid Motors"
