"""Ingest: files -> Documents. One reader per format; no spaCy here.

`read_inputs` yields a `Document` for every readable record and an `UnusableInputError` for every unreadable one,
so one bad file or line never stops the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Union

from kg.errors import UnusableInputError
from kg.ingest.html import read_html
from kg.ingest.records import read_json, read_jsonl
from kg.ingest.text import read_text
from kg.types import Document

READERS = {
    ".txt": read_text,
    ".md": read_text,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}

Item = Union[Document, UnusableInputError]


def _is_repo_note(path: Path) -> bool:
    """Hidden files and a folder's README / LICENSE notes are not documents."""
    return path.name.startswith(".") or path.stem.upper() in {"README", "LICENSE", "LICENCE", "ATTRIBUTION", "NOTICE"}


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | UnusableInputError]:
    """Files named directly, and the readable files inside named folders (sorted, recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in READERS and not _is_repo_note(child):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield UnusableInputError(str(path), "no such file or folder")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every document in the given files and folders, in a fixed order."""
    for path in expand_paths(paths):
        if isinstance(path, UnusableInputError):
            yield path
            continue
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            yield UnusableInputError(str(path), f"unsupported file type '{path.suffix}' (use .txt, .md, .json, .jsonl or .html)")
            continue
        try:
            yield from reader(path)
        except UnusableInputError as err:
            yield err
        except OSError as err:
            yield UnusableInputError(str(path), f"cannot read: {err.strerror or err}")
