"""Saved web pages: title, publication date and the article body, with the standard library's HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from kg.errors import UnusableInputError
from kg.ingest.common import clean_line, clean_text, parse_date, read_utf8, slug
from kg.types import Document

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg", "template"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr", "blockquote"}
_DATE_META = ("article:published_time", "date", "dc.date", "dcterms.date", "datePublished", "og:published_time")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.meta, self.time = "", {}, ""
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self._stack: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop")
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "time" and a.get("datetime") and not self.time:
            self.time = a["datetime"]
        if tag in ("br", "img", "hr", "input", "link"):
            self._text("\n")
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK:
            self._text("\n\n")

    def handle_endtag(self, tag):
        if tag not in self._stack:
            return  # broken HTML: a stray end tag
        while self._stack:
            top = self._stack.pop()
            if top in _SKIP:
                self._skip -= 1
            if top == "title":
                self._in_title = False
            if top == tag:
                break
        if tag in _BLOCK:
            self._text("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._text(data)

    def _text(self, data: str) -> None:
        for part in ("article", "main", "body"):
            if part in self._stack or part == "body":
                self.parts[part].append(data)


def read_html(path: Path) -> Iterator[Document]:
    parser = _PageParser()
    parser.feed(read_utf8(path))
    parser.close()
    body = next((t for t in ("".join(parser.parts[k]) for k in ("article", "main", "body")) if t.strip()), "")
    text = clean_text(body)
    if not text:
        raise UnusableInputError(str(path), "no article text found in the HTML page")
    title = (parser.meta.get("og:title") or parser.title).strip()
    if text.startswith(title) and title:
        text = text[len(title):].lstrip()
    published = next((parse_date(parser.meta[k]) for k in _DATE_META if k in parser.meta), None) or parse_date(parser.time)
    yield Document(
        doc_id=slug(path.stem),
        title=clean_line(title),
        text=text,
        published=published,
        publisher=parser.meta.get("og:site_name", ""),
        url=parser.meta.get("og:url", ""),
        source=str(path),
    )
