"""Shared fixtures: the real spaCy pipeline (loaded once) and the seed graph built from seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_DOC = SEEDS / "uk-mod-2025-04-10-coalition-of-the-willing.txt"

# Each invalid example and the sh:message(s) its validation report must contain.
INVALID_EXAMPLES = {
    "invalid-meeting-without-evidence.ttl": [
        "A meeting must have at least one dd:evidence",
    ],
    "invalid-bad-role-and-iso3.ttl": [
        "A post must have exactly one dd:role, a concept of dd:RoleScheme.",
        "A nation must have exactly one dd:iso3, an ISO 3166-1 alpha-3 code",
    ],
    "invalid-meeting-participants.ttl": [
        "Each dd:participant of a meeting must be a dd:Person, dd:Nation or dd:Organisation.",
        "Every dd:host and dd:chair of a meeting must also be one of its dd:participant values",
        "A meeting has at most one dd:date, typed xsd:date, xsd:gYearMonth or xsd:gYear.",
    ],
}


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
