"""Files shipped with ddkg: the ontology and SHACL shapes (`ontology/`, installed as the package `kg.ontology`)."""

from __future__ import annotations

from pathlib import Path

_REPO_ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


def ontology_dir() -> Path:
    """The folder holding ddkg.ttl, ddkg-shapes.ttl and examples/ (installed package data, else the source tree)."""
    try:
        from importlib.resources import files

        folder = Path(str(files("kg.ontology")))
        if (folder / "ddkg.ttl").is_file():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return _REPO_ONTOLOGY


def ontology_file(name: str = "ddkg.ttl") -> Path:
    return ontology_dir() / name


def shapes_file() -> Path:
    return ontology_file("ddkg-shapes.ttl")
