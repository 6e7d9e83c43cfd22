"""Helpers shared by the readers: decoding bytes and parsing dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Optional

from kg.errors import UnusableInputError

MAX_BYTES = 64 * 1024 * 1024  # a larger file is not a press release


def read_utf8(path: Path) -> str:
    """The file's text; a clear error for empty, binary, oversized or non-UTF-8 files."""
    size = path.stat().st_size
    if size == 0:
        raise UnusableInputError(str(path), "empty file")
    if size > MAX_BYTES:
        raise UnusableInputError(str(path), f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise UnusableInputError(str(path), "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnusableInputError(str(path), f"not UTF-8 text (bad byte at offset {err.start})") from None
    if not text.strip():
        raise UnusableInputError(str(path), "empty file")
    return text


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> Optional[date]:
    """An ISO date (or the date part of an ISO timestamp); None when absent or unreadable."""
    if not value or not isinstance(value, str):
        return None
    m = _ISO_DATE.search(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_ESCAPED_CHAR = re.compile(r"\\x([0-9A-Fa-f]{2})|\\u([0-9A-Fa-f]{4})")


def _unescape(m: re.Match[str]) -> str:
    return chr(int(m.group(1) or m.group(2), 16))


_MARKDOWN_LINK = re.compile(r"\[([^\[\]]{1,300})\]\(\s*(?:https?://|mailto:|/)[^()\s]*(?:\s+\"[^\"]*\")?\s*\)")


_EMPHASIS = re.compile(r"\*\*|__|</?(?:u|b|i|em|strong)>", re.IGNORECASE)


def clean_text(text: str) -> str:
    """Normalise Unicode (NFC), undo literal escapes left by scrapers ("Ant\\xF3nio" -> "António"), keep the text of
    Markdown links ("[David Laibson](https://...pdf)" -> "David Laibson"), unify line ends and unwrap hard-wrapped
    lines inside paragraphs, one plain space between words."""
    text = _ESCAPED_CHAR.sub(_unescape, text)
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub("", text)  # "**<u>Participants</u>**"
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in {"Cf", "Cc", "Cs"} and c not in "\ufffe\uffff")
    if not re.search(r"\n\s*\n", text.strip()):
        # no blank lines: a line that ends a sentence ends a paragraph (the seed press release); others are wrapped
        text = re.sub(r"([.!?:;\"”’)\]])[ \t]*\n", "\\1\n\n", text)
    text = _HARD_BREAK.sub(_hard_break, text)  # "Participants included:  \nJessica Blue, Registered Nurse, SEIU 1199  \n..."
    text = _BULLET.sub("\n\n", text)  # each list item is a paragraph of its own
    paragraphs = re.split(r"\n\s*\n", text)
    # one plain space between words: no-break and other Unicode spaces, doubled spaces and wraps would each become
    # a token of their own in the parse and split "National\xa0Security Advisor" from its name
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


# a Markdown hard line break (two spaces at the end of a line) before a line that does not go on in lower case
_HARD_BREAK = re.compile(r"(?m)^([^\n]*?)[ \t\xa0]{2,}\n(?![ \t]*\n)(?=[ \t]*[^\sa-z])")


def _hard_break(m: re.Match[str]) -> str:
    """End the line as a paragraph where it heads or is an item of a list ("Participants included:", "Jessica Blue,
    Registered Nurse, SEIU 1199"), not inside a sentence ("spoke today with  \nPrime Minister Kishida")."""
    line = m.group(1).rstrip()
    words = line.split()
    listed = line.endswith(":") or not any(c.isalnum() for c in line) \
        or "," in line and bool(re.search(r"(?:^|\s)[A-Z0-9(][^\s]*\)?$", line)) \
        or 0 < len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() for w in words)  # "***", a heading
    return line + ("\n\n" if listed else "\n")  # a wrap: joined into its paragraph later, a bullet after it kept


_BULLET = re.compile(r"\n[ \t]*(?:[-*•·▪–]|\d{1,2}[.)])[ \t]+")


def clean_line(text: str) -> str:
    """A title or name: escapes undone, NFC, whitespace collapsed."""
    text = unicodedata.normalize("NFC", _ESCAPED_CHAR.sub(_unescape, text))
    return " ".join("".join(c for c in text if unicodedata.category(c) not in {"Cf", "Cc", "Cs"} and c not in "\ufffe\uffff").split())


def slug(text: str) -> str:
    """A readable identifier: ASCII, lower case, hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
