"""Rewrite tests/data/seed-expected.ttl from a fresh build of seeds/ (run deliberately, then review the diff)."""

from kg.build import build
from kg.export.rdf import write_turtle
from tests.conftest import ROOT, SEEDS

if __name__ == "__main__":
    graph, _ = build([SEEDS])
    write_turtle(graph, ROOT / "tests" / "data" / "seed-expected.ttl")
    print("wrote tests/data/seed-expected.ttl")
