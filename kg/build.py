"""The library API for building a graph: files -> documents -> spaCy -> extractions -> resolved corpus -> RDF.

Nothing here prints or exits; `kg.cli` does that.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

import rdflib

from kg.errors import UnusableInputError
from kg.extract import document_text, extract
from kg.graph.build import build_graph
from kg.ingest import read_inputs
from kg.resolve import resolve
from kg.types import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.cache import ExtractionCache

BATCH_SIZE = 32
MAX_DOCUMENT_CHARS = 1_000_000  # a press release is far shorter; longer input is a concatenation or not text
CHUNK_SIZE = 16  # documents per task when extracting in worker processes
Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list[UnusableInputError] = field(default_factory=list)
    cached: int = 0  # documents taken from the extraction cache
    persons: int = 0
    organisations: int = 0
    nations: int = 0
    meetings: int = 0
    triples: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # ingest, nlp, rules, resolve, graph (seconds)


def read_documents(inputs: Iterable[str | Path], report: BuildReport, published: Optional[date] = None) -> list[Document]:
    docs: list[Document] = []
    seen: set[str] = set()
    for item in read_inputs(inputs):
        if isinstance(item, UnusableInputError):
            report.skipped.append(item)
            continue
        if published and item.published is None:
            item = Document(item.doc_id, item.text, item.title, published, item.publisher, item.url, item.source)
        if len(item.text) > MAX_DOCUMENT_CHARS:
            report.skipped.append(UnusableInputError(item.source, f"document too long ({len(item.text):,} characters; "
                                                                  f"the limit is {MAX_DOCUMENT_CHARS:,}): split it into documents"))
            continue
        if item.doc_id in seen:
            report.skipped.append(UnusableInputError(item.source, f"duplicate document id '{item.doc_id}' (kept the first)"))
            continue
        seen.add(item.doc_id)
        docs.append(item)
    return docs


def paragraphs(document: Document) -> list[str]:
    """The title and each paragraph: parsed apart, so no sentence runs across a paragraph or list item."""
    return [p.strip() for p in document_text(document).split("\n\n") if p.strip()]


def parse_documents(docs: list[Document], nlp: "Language") -> Iterator[tuple[Document, "Doc"]]:
    """Each document parsed paragraph by paragraph (in batches) and joined into one spaCy Doc."""
    from spacy.tokens import Doc, Span

    from kg.nlp.components import PARAGRAPHS
    from kg.nlp.pipeline import straighten_quotes, with_original_text

    def texts():
        for n, document in enumerate(docs):
            for text in paragraphs(document) or [""]:
                yield straighten_quotes(text), (n, text)

    current, parts = 0, []
    for parsed, (n, original) in nlp.pipe(texts(), batch_size=BATCH_SIZE, as_tuples=True):
        if n != current:
            yield docs[current], Doc.from_docs(parts, ensure_whitespace=True)
            current, parts = n, []
        part = with_original_text(parsed, original)
        part.spans[PARAGRAPHS] = [Span(part, 0, len(part))]  # kept through the join: lists are read line by line
        parts.append(part)
    if parts:
        yield docs[current], Doc.from_docs(parts, ensure_whitespace=True)


def _extract_serial(docs: list[Document], nlp: "Language", progress: Optional[Progress], timings: dict[str, float]) -> list:
    entities = nlp.get_pipe("ddkg_entities")
    out: list = []
    rules = 0.0
    started = time.perf_counter()
    for document, doc in parse_documents(docs, nlp):
        t = time.perf_counter()
        try:
            out.append(extract(doc, document, entities))
        except Exception as err:  # a bug on one document must not lose the others
            out.append(UnusableInputError(document.source or document.doc_id, f"extraction failed ({type(err).__name__}: {err})"))
        rules += time.perf_counter() - t
        if progress:
            progress(len(out), len(docs))
    timings["rules"] = timings.get("rules", 0.0) + rules
    timings["nlp"] = timings.get("nlp", 0.0) + time.perf_counter() - started - rules
    return out


_WORKER_NLP: Optional["Language"] = None  # the pipeline a forked worker inherits from its parent


def _extract_chunk(docs: list[Document]) -> tuple[list, dict[str, float]]:
    timings: dict[str, float] = {}
    assert _WORKER_NLP is not None
    return _extract_serial(docs, _WORKER_NLP, None, timings), timings


def extract_documents(docs: list[Document], nlp: Optional["Language"] = None, progress: Optional[Progress] = None,
                      workers: int = 1, timings: Optional[dict[str, float]] = None) -> list:
    """Run the spaCy pipeline and the extraction rules over the documents, in input order: an Extraction per
    document, or an UnusableInputError where extraction failed.

    With `workers` > 1 the documents are split into chunks handled by forked processes that share the loaded
    pipeline (copy-on-write); the result is the same as with one process."""
    from kg.nlp.pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    timings = timings if timings is not None else {}
    if workers <= 1 or len(docs) <= CHUNK_SIZE or "fork" not in multiprocessing.get_all_start_methods():
        return _extract_serial(docs, nlp, progress, timings)
    global _WORKER_NLP
    _WORKER_NLP = nlp
    chunks = [docs[i:i + CHUNK_SIZE] for i in range(0, len(docs), CHUNK_SIZE)]
    out: list = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk_result, chunk_timings in pool.map(_extract_chunk, chunks):
                out.extend(chunk_result)
                for stage, seconds in chunk_timings.items():
                    timings[stage] = timings.get(stage, 0.0) + seconds / workers  # wall-clock share
                if progress:
                    progress(len(out), len(docs))
    finally:
        _WORKER_NLP = None
    return out


def build(inputs: Iterable[str | Path], nlp: Optional["Language"] = None, published: Optional[date] = None,
          progress: Optional[Progress] = None, workers: int = 1, cache: Optional["ExtractionCache"] = None,
          model: Optional[str] = None) -> tuple[rdflib.Graph, BuildReport]:
    """Build the graph of the given files and folders; unreadable inputs are reported, not fatal.

    With a `cache`, documents extracted before (same content, same extractor version) are not read again."""
    started = time.perf_counter()
    report = BuildReport()
    docs = read_documents(inputs, report, published)
    report.stages["ingest"] = time.perf_counter() - started
    extractions: list[Optional[Extraction]] = [cache.get(d) if cache else None for d in docs]
    todo = [i for i, ex in enumerate(extractions) if ex is None]
    report.cached = len(docs) - len(todo)
    if todo:
        from kg.nlp.pipeline import load_pipeline

        t = time.perf_counter()
        nlp = nlp or load_pipeline(model)
        report.stages["load model"] = time.perf_counter() - t
        fresh = extract_documents([docs[i] for i in todo], nlp, progress, workers, report.stages)
        for i, ex in zip(todo, fresh):
            if isinstance(ex, UnusableInputError):
                report.skipped.append(ex)
                continue
            extractions[i] = ex
            if cache:
                cache.put(ex)
    return finish_build(extractions, report, started), report


def finish_build(extractions: Iterable[Optional[Extraction]], report: BuildReport, started: float) -> rdflib.Graph:
    """Resolve the extractions across documents and build the graph; fill in the report's counts and times."""
    from kg.nlp.gazetteer import load_gazetteer

    found = [ex for ex in extractions if ex is not None]
    t = time.perf_counter()
    corpus = resolve(found)
    report.stages["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = build_graph(corpus, load_gazetteer())
    report.stages["graph"] = time.perf_counter() - t
    report.documents = len(found)
    report.persons = len(corpus.persons)
    report.organisations = len(corpus.orgs)
    report.nations = len(corpus.nations)
    report.meetings = len(corpus.meetings)
    report.triples = len(graph)
    report.seconds = time.perf_counter() - started
    return graph
