"""The library API for building a graph: files -> documents -> spaCy -> extractions -> resolved corpus -> RDF.

Nothing here prints or exits; `kg.cli` does that.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import rdflib

from kg.errors import UnusableInputError
from kg.extract import document_text, extract
from kg.graph.build import build_graph
from kg.ingest import read_inputs
from kg.nlp.components import DdkgEntities
from kg.resolve import resolve
from kg.types import Document, Extraction

BATCH_SIZE = 32


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list[UnusableInputError] = field(default_factory=list)
    persons: int = 0
    organisations: int = 0
    nations: int = 0
    meetings: int = 0
    triples: int = 0
    seconds: float = 0.0


def read_documents(inputs: Iterable[str | Path], report: BuildReport, published: Optional[date] = None) -> list[Document]:
    docs: list[Document] = []
    seen: set[str] = set()
    for item in read_inputs(inputs):
        if isinstance(item, UnusableInputError):
            report.skipped.append(item)
            continue
        if published and item.published is None:
            item = Document(item.doc_id, item.text, item.title, published, item.publisher, item.url, item.source)
        if item.doc_id in seen:
            report.skipped.append(UnusableInputError(item.source, f"duplicate document id '{item.doc_id}' (kept the first)"))
            continue
        seen.add(item.doc_id)
        docs.append(item)
    return docs


def paragraphs(document: Document) -> list[str]:
    """The title and each paragraph: parsed apart, so no sentence runs across a paragraph or list item."""
    return [p.strip() for p in document_text(document).split("\n\n") if p.strip()]


def parse_documents(docs: list[Document], nlp) -> Iterator[tuple[Document, "spacy.tokens.Doc"]]:
    """Each document parsed paragraph by paragraph (in batches) and joined into one spaCy Doc."""
    from spacy.tokens import Doc

    def texts():
        for n, document in enumerate(docs):
            for text in paragraphs(document) or [""]:
                yield text, n

    current, parts = 0, []
    for parsed, n in nlp.pipe(texts(), batch_size=BATCH_SIZE, as_tuples=True):
        if n != current:
            yield docs[current], Doc.from_docs(parts, ensure_whitespace=True)
            current, parts = n, []
        parts.append(parsed)
    if parts:
        yield docs[current], Doc.from_docs(parts, ensure_whitespace=True)


def extract_documents(docs: list[Document], nlp=None, progress: Optional[Callable[[int, int], None]] = None) -> list[Extraction]:
    """Run the spaCy pipeline over the documents in batches and extract from each."""
    from kg.nlp.pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    entities: DdkgEntities = nlp.get_pipe("ddkg_entities")
    out = []
    for document, doc in parse_documents(docs, nlp):
        out.append(extract(doc, document, entities))
        if progress:
            progress(len(out), len(docs))
    return out


def build(inputs: Iterable[str | Path], nlp=None, published: Optional[date] = None,
          progress: Optional[Callable[[int, int], None]] = None) -> tuple[rdflib.Graph, BuildReport]:
    """Build the graph of the given files and folders; unreadable inputs are reported, not fatal."""
    started = time.perf_counter()
    report = BuildReport()
    docs = read_documents(inputs, report, published)
    extractions = extract_documents(docs, nlp, progress) if docs else []
    corpus = resolve(extractions)
    from kg.nlp.gazetteer import load_gazetteer

    graph = build_graph(corpus, load_gazetteer())
    report.documents = len(docs)
    report.persons = len(corpus.persons)
    report.organisations = len(corpus.orgs)
    report.nations = len(corpus.nations)
    report.meetings = len(corpus.meetings)
    report.triples = len(graph)
    report.seconds = time.perf_counter() - started
    return graph, report
