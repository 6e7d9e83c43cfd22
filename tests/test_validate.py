"""kg.validate: SHACL validation of graph files, its readable report and the unusable-input errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import UnusableInputError
from kg.validate import ValidationResult, validate_file

EXAMPLES = Path(__file__).parents[1] / "ontology" / "examples"

# Each invalid example and the sh:message(s) its report must name (as in test_ontology.py).
from tests.conftest import INVALID_EXAMPLES  # noqa: E402


def test_built_seed_graph_conforms(seed_graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    seed_graph.serialize(destination=path, format="turtle")
    result = validate_file(path)
    assert isinstance(result, ValidationResult)
    assert result.conforms, result.report
    assert result.results == 0
    assert result.exit_code == 0
    assert "conforms" in result.report.splitlines()[0]


def test_valid_example_conforms() -> None:
    result = validate_file(EXAMPLES / "valid-seed-excerpt.ttl")
    assert result.conforms and result.results == 0, result.report


def test_every_invalid_example_is_covered() -> None:
    assert {p.name for p in EXAMPLES.glob("invalid-*.ttl")} == set(INVALID_EXAMPLES)


@pytest.mark.parametrize("name", sorted(INVALID_EXAMPLES))
def test_invalid_example_does_not_conform(name: str) -> None:
    result = validate_file(EXAMPLES / name)
    assert not result.conforms
    assert result.exit_code == 1
    assert result.results >= len(INVALID_EXAMPLES[name])
    lines = result.report.rstrip("\n").splitlines()
    assert "does not conform" in lines[0]
    assert len(lines) == 1 + result.results  # a header, then one line per result
    for message in INVALID_EXAMPLES[name]:
        assert message in result.report
    for line in lines[1:]:
        assert line.startswith("  ddr:"), line  # the focus node comes first, compacted


def test_report_names_focus_path_and_value() -> None:
    report = validate_file(EXAMPLES / "invalid-bad-role-and-iso3.ttl").report
    iso_line = next(line for line in report.splitlines() if "dd:iso3," in line)
    assert iso_line.split()[:2] == ["ddr:nation/GBR", "dd:iso3"]
    assert '(value: "UK")' in iso_line


@pytest.mark.parametrize(
    "name, content",
    [
        ("notes.txt", b"hello world, this is not RDF\n"),
        ("prose.ttl", b"Defence ministers met in Brussels on Tuesday.\n"),
        ("binary.ttl", bytes(range(256))),
        ("empty.ttl", b""),
        ("only-prefixes.ttl", b"@prefix dd: <https://w3id.org/ddkg/ontology#> .\n"),
        ("data.json", b'{"a": 1}'),
    ],
)
def test_unusable_input_raises(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnusableInputError) as info:
        validate_file(path)
    assert info.value.exit_code == 2
    assert info.value.source == str(path)
    assert "\n" not in str(info.value) and info.value.reason


def test_missing_file_and_directory_raise(tmp_path: Path) -> None:
    with pytest.raises(UnusableInputError, match="no such file"):
        validate_file(tmp_path / "missing.ttl")
    with pytest.raises(UnusableInputError, match="not a regular file"):
        validate_file(tmp_path)
