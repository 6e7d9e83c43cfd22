"""Plain-text and Markdown documents, with the seed's ` date YYYY-MM-DD Publisher` line or YAML front matter."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from kg.ingest.common import clean_line, clean_text, parse_date, read_utf8, slug
from kg.types import Document

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_FIELD = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` YAML front matter (the fields of SPEC §2) and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields = {}
    for line in m.group(1).splitlines():
        fm = _FIELD.match(line)
        if fm:
            fields[fm.group(1).lower()] = fm.group(2).strip().strip("'\"")
    return fields, text[m.end():]


def read_text(path: Path) -> Iterator[Document]:
    raw = read_utf8(path)
    fields, body = _front_matter(raw)
    lines = body.lstrip("\ufeff").splitlines()
    published, publisher = parse_date(fields.get("published") or fields.get("date")), fields.get("publisher", "")
    if lines and (m := _DATE_LINE.match(lines[0])):
        published, publisher = parse_date(m.group(1)), m.group(2)
        lines = lines[1:]
    title = fields.get("title", "")
    if not title:
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines:
            title = lines.pop(0).strip().lstrip("# ").strip()
    yield Document(
        doc_id=fields.get("id") or slug(path.stem),
        title=clean_line(title),
        text=clean_text("\n".join(lines)),
        published=published,
        publisher=publisher,
        url=fields.get("url", ""),
        source=str(path),
    )
