"""The extraction cache: one JSON file per document, keyed by the document's content and the extractor's version.

Rebuilding a corpus re-reads only documents it has not seen with this version of ddkg (its code, word lists and
spaCy model); everything else comes from the cache. JSON, not pickle, so a shared cache folder cannot run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.types import DateValue, Document, Extraction, Meeting, Organisation, Person, Place, Post, Ref

PACKAGE_DIR = Path(__file__).resolve().parent


# What decides an extraction: reading the input, the spaCy components and word lists, the extraction rules.
# (Resolution, graph building and export run on every build, so changing them needs no new cache.)
EXTRACTOR_PARTS = ("ingest", "nlp", "extract", "types.py", "cache.py", "build.py")


@lru_cache(maxsize=4)
def extractor_version(model: str) -> str:
    """A digest of everything that decides what is extracted: that code, its word lists, and the model's name."""
    digest = hashlib.sha256(model.encode())
    paths = [p for part in EXTRACTOR_PARTS for p in ([PACKAGE_DIR / part] if part.endswith(".py") else (PACKAGE_DIR / part).rglob("*"))]
    for path in sorted(paths):
        if path.is_file() and path.suffix in {".py", ".csv", ".jsonl"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_key(document: Document, version: str) -> str:
    fields = [version, document.doc_id, document.title, document.text, document.published.isoformat() if document.published else "",
              document.publisher, document.url]
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


# -- (de)serialising extractions --------------------------------------------------------------------------------------
def _document(d: dict) -> Document:
    return Document(d["doc_id"], d["text"], d["title"], date.fromisoformat(d["published"]) if d["published"] else None,
                    d["publisher"], d["url"], d["source"])


def _post(d: dict) -> Post:
    return Post(d["title"], d["role"], d["nation"], d["org"])


def _refs(items: list) -> list[Ref]:
    return [Ref(r["kind"], r["key"]) for r in items]


def _meeting(d: dict) -> Meeting:
    return Meeting(
        date=DateValue(**d["date"]) if d["date"] else None,
        place=Place(**d["place"]) if d["place"] else None,
        participants=_refs(d["participants"]), hosts=_refs(d["hosts"]), chairs=_refs(d["chairs"]),
        nation_count=d["nation_count"], series=d["series"], ordinal=d["ordinal"], mode=d["mode"], status=d["status"],
        evidence=list(d["evidence"]),
    )


def to_json(ex: Extraction) -> str:
    data = asdict(ex)
    data["document"]["published"] = ex.document.published.isoformat() if ex.document.published else None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def from_json(text: str, document: Optional[Document] = None) -> Extraction:
    d = json.loads(text)
    return Extraction(
        document=document or _document(d["document"]),
        persons=[Person(p["name"], list(p["aliases"]), [_post(q) for q in p["posts"]], p["nation"]) for p in d["persons"]],
        organisations=[Organisation(o["name"], o["kind"], o["nation"], list(o["aliases"]), o.get("canonical", "")) for o in d["organisations"]],
        nations=list(d["nations"]),
        meetings=[_meeting(m) for m in d["meetings"]],
    )


class ExtractionCache:
    """A folder of cached extractions (`--cache DIR`, by default `OUT/.cache`)."""

    def __init__(self, folder: str | Path, version: str):
        self.folder = Path(folder)
        self.version = version

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> Optional[Extraction]:
        path = self._path(document_key(document, self.version))
        try:
            return from_json(path.read_text(encoding="utf-8"), document)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or unreadable: extract again

    def put(self, ex: Extraction) -> None:
        path = self._path(document_key(ex.document, self.version))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(to_json(ex))
        os.replace(tmp, path)
