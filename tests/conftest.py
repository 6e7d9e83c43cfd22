"""Shared fixtures: the real spaCy pipeline (loaded once) and the seed graph built from seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_DOC = SEEDS / "uk-mod-2025-04-10-coalition-of-the-willing.txt"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(nlp):
    from kg.build import build

    return build([SEEDS], nlp=nlp)


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    return seed_build[0]
