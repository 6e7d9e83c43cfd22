"""JSON (one record) and JSON Lines (one record per line): {"id", "title", "published", "publisher", "url", "text"}."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Union

from kg.errors import UnusableInputError
from kg.ingest.common import clean_line, clean_text, parse_date, read_utf8, slug
from kg.types import Document


def _record(obj: object, source: str, default_id: str) -> Document:
    if not isinstance(obj, dict):
        raise UnusableInputError(source, "a record must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UnusableInputError(source, "record has no 'text'")
    return Document(
        doc_id=str(obj.get("id") or default_id),
        title=clean_line(str(obj.get("title") or "")),
        text=clean_text(text),
        published=parse_date(obj.get("published")),
        publisher=str(obj.get("publisher") or ""),
        url=str(obj.get("url") or ""),
        source=source,
    )


def read_json(path: Path) -> Iterator[Union[Document, UnusableInputError]]:
    try:
        obj = json.loads(read_utf8(path))
    except json.JSONDecodeError as err:
        raise UnusableInputError(f"{path}:{err.lineno}", f"malformed JSON: {err.msg}") from None
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, 1):
        default_id = slug(path.stem) if len(records) == 1 else f"{slug(path.stem)}-{i}"
        try:
            yield _record(rec, str(path), default_id)
        except UnusableInputError as err:
            yield err


def read_jsonl(path: Path) -> Iterator[Union[Document, UnusableInputError]]:
    text = read_utf8(path)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{lineno}"
        try:
            yield _record(json.loads(line), source, f"{slug(path.stem)}-{lineno}")
        except json.JSONDecodeError as err:
            yield UnusableInputError(source, f"malformed JSON line: {err.msg}")
        except UnusableInputError as err:
            yield err
