"""The word lists keep the sort order patterns/README.md states for them (plain code-point order)."""

import csv

import pytest

from kg.nlp.gazetteer import PATTERNS_DIR


@pytest.mark.parametrize("name, columns", [
    ("nations.csv", ["iso3"]), ("places.csv", ["name"]), ("organisations.csv", ["name"]), ("titles.csv", ["title"]),
    ("org_list_nouns.csv", ["word"]), ("leader_titles.csv", ["nation", "title"]),
])
def test_pattern_files_keep_their_documented_sort_order(name, columns):
    with (PATTERNS_DIR / name).open(encoding="utf-8", newline="") as fh:
        keys = [tuple(row[c] for c in columns) for row in csv.DictReader(fh)]
    assert keys == sorted(keys), f"{name} is not sorted by {', '.join(columns)}"
