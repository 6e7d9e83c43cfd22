"""Extraction sharded over a Dask cluster: the same graph as `kg.build.build`, with the spaCy work spread over machines.

Why Dask (dask.distributed) rather than Ray: it is a pure-Python install from PyPI with no extra daemon, and the same
code runs on a `LocalCluster` of worker processes on one machine or on a real cluster (`dask scheduler` / `dask worker`).
Ray's wheels are several hundred MB and bring their own object store and raylet processes, which this job (independent
per-document extraction, small JSON results) has no use for.

The client reads the documents and cuts them into shards of `shard_size` (in input order); one task per shard loads the
spaCy pipeline once per worker process, runs `kg.build.extract_documents`, writes the shard's N-Quads (one named graph
per document) to `shard_dir/shard-00001.nq` and returns the extractions as JSON (`kg.cache.to_json`). The client then
resolves all extractions together, exactly as a local build does, so the graph is byte-for-byte the same (Turtle).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, TypeVar

import rdflib

from kg.build import BuildReport, Progress, extract_documents, finish_build, read_documents
from kg.errors import UnusableInputError, UsageError
from kg.types import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.cache import ExtractionCache

T = TypeVar("T")
SHARD_NAME = "shard-{:05d}.nq"
_SHARD_FILE = re.compile(r"^shard-(\d{5,})\.nq$")

# -- worker side -----------------------------------------------------------------------------------------------------
_PIPELINES: dict[str, "Language"] = {}  # per worker process: model name -> loaded pipeline
_PIPELINE_LOCK = threading.Lock()


def worker_pipeline(model: Optional[str] = None) -> "Language":
    """The spaCy pipeline of this (worker) process, loaded on first use and kept for every later shard."""
    key = model or ""
    with _PIPELINE_LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            from kg.nlp.pipeline import load_pipeline

            nlp = _PIPELINES[key] = load_pipeline(model)
        return nlp


def extract_shard(number: int, docs: list[Document], shard_dir: Optional[str], model: Optional[str],
                  cached: Optional[list[Optional[str]]] = None, version: Optional[str] = None) -> dict[str, Any]:
    """One shard, run on a worker: the extractions as JSON strings (None where extraction failed), the failures as
    (position, source, reason) (UnusableInputError does not pickle back: two-argument constructor), the path of the
    shard's N-Quads file and timings. Only plain types cross the wire.

    `cached` holds, per document, its extraction as JSON when the client's cache had it: not extracted again, but
    still part of the shard's N-Quads. `version` is the client's `kg.cache.extractor_version`: a worker whose ddkg
    code, word lists or model differ refuses the shard rather than make a different graph."""
    from kg.cache import extractor_version, from_json, to_json
    from kg.nlp.pipeline import model_name

    if version is not None and extractor_version(model_name(model)) != version:
        raise UsageError(f"a Dask worker (pid {os.getpid()}) runs a different ddkg or spaCy model (extractor version "
                         f"{extractor_version(model_name(model))}, the client's is {version}): install the same ddkg "
                         "and model on every worker")

    cached = cached or [None] * len(docs)
    todo = [i for i, text in enumerate(cached) if text is None]
    timings: dict[str, float] = {}
    extractions: list[Optional[Extraction]] = [from_json(text, d) if text is not None else None for d, text in zip(docs, cached)]
    texts: list[Optional[str]] = list(cached)
    errors: list[tuple[int, str, str]] = []
    if todo:
        t = time.perf_counter()
        loaded = (model or "") in _PIPELINES
        nlp = worker_pipeline(model)
        if not loaded:
            timings["load model"] = time.perf_counter() - t
        for i, ex in zip(todo, extract_documents([docs[i] for i in todo], nlp, timings=timings)):
            if isinstance(ex, UnusableInputError):
                errors.append((i, ex.source, ex.reason))
            else:
                extractions[i] = ex
                texts[i] = to_json(ex)
    path = None
    if shard_dir is not None:
        from kg.export.rdf import rdf_bytes, write_atomically
        from kg.graph.build import build_graph
        from kg.nlp.gazetteer import load_gazetteer
        from kg.resolve import resolve

        t = time.perf_counter()
        data = rdf_bytes(build_graph(resolve(ex for ex in extractions if ex is not None), load_gazetteer()), "nq")
        path = Path(shard_dir) / SHARD_NAME.format(number)
        write_atomically(path, lambda tmp: tmp.write_bytes(data))
        timings["shard graph"] = time.perf_counter() - t
    return {"shard": number, "extractions": texts, "errors": errors, "path": str(path) if path else None,
            "timings": timings, "worker": os.getpid()}


# -- client side -----------------------------------------------------------------------------------------------------
def shards(items: list[T], shard_size: int) -> list[list[T]]:
    """The items (documents) cut into consecutive shards of `shard_size` (the last one shorter), in input order."""
    return [items[i:i + shard_size] for i in range(0, len(items), shard_size)]


def _client(scheduler: Optional[str], n_workers: int):
    """A Client on the given scheduler, or on a LocalCluster of `n_workers` single-threaded processes (returned too,
    so the caller closes it)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("distributed builds need Dask: pip install 'ddkg[dask]' (or 'dask[distributed]')") from None
    if scheduler:
        _check_reachable(scheduler)
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError, ValueError) as err:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({str(err).splitlines()[0] if str(err) else type(err).__name__})") from None
    try:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.WARNING)
    except RuntimeError as err:  # "Nanny failed to start": mostly a script without a __main__ guard (spawned workers)
        raise UsageError(f"cannot start {n_workers} local Dask worker processes ({err}); a script that calls "
                         "build_distributed must do so under `if __name__ == \"__main__\":`") from None
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


def _check_reachable(scheduler: str, timeout: float = 5.0) -> None:
    """Fail at once, with one line, when a tcp:// scheduler refuses connections (the Client would retry for 20 s)."""
    import socket
    from urllib.parse import urlsplit

    address = scheduler if "://" in scheduler else f"tcp://{scheduler}"
    parts = urlsplit(address)
    if parts.scheme != "tcp" or not parts.hostname:
        return  # tls://, ucx://, inproc://: left to Dask
    try:
        port = parts.port or 8786
        socket.create_connection((parts.hostname, port), timeout=timeout).close()
    except ValueError:
        raise UsageError(f"not a Dask scheduler address: {scheduler!r} (e.g. tcp://host:8786)") from None
    except OSError as err:
        reason = "connection refused" if isinstance(err, ConnectionRefusedError) else (err.strerror or str(err) or type(err).__name__)
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({reason})") from None


def _remove_stale_shards(shard_dir: Path, count: int) -> None:
    """Shard files numbered above `count`, left by an earlier, larger run (they would be taken for this run's)."""
    if not shard_dir.is_dir():
        return
    for path in shard_dir.iterdir():
        m = _SHARD_FILE.match(path.name)
        if m and int(m.group(1)) > count:
            path.unlink(missing_ok=True)


def build_distributed(inputs: Iterable[str | Path], scheduler: str | None = None, n_workers: int = 2, shard_size: int = 64,
                      shard_dir: Path | None = None, model: str | None = None, *, published: Optional[date] = None,
                      progress: Optional[Progress] = None, cache: Optional["ExtractionCache"] = None) -> tuple[rdflib.Graph, BuildReport]:
    """Build the graph of the given files and folders with extraction sharded over Dask; the result is the graph
    `kg.build.build` makes of the same inputs.

    `scheduler` is a Dask scheduler address (tcp://host:8786; `n_workers` is then ignored); without one a
    LocalCluster of `n_workers` processes (one thread each) is started and closed here. With `shard_dir`, each shard's N-Quads (one named graph per
    document) are written there as shard-00001.nq, shard-00002.nq ... in input order (on a real cluster: a folder
    every worker can write). Workers need ddkg and the spaCy model installed; each loads the pipeline once.
    With a `cache` (read and written by the client only), cached documents are not extracted again; without a
    `shard_dir`, shards that are wholly cached do not go to the cluster at all."""
    if n_workers < 1:
        raise UsageError("the number of Dask workers must be 1 or more")
    if shard_size < 1:
        raise UsageError("the shard size must be 1 or more")
    from kg.cache import extractor_version, from_json, to_json
    from kg.nlp.pipeline import model_name

    started = time.perf_counter()
    version = extractor_version(model_name(model))
    report = BuildReport()
    docs = read_documents(inputs, report, published)
    report.stages["ingest"] = time.perf_counter() - started
    extractions: list[Optional[Extraction]] = [cache.get(d) if cache else None for d in docs]
    report.cached = sum(ex is not None for ex in extractions)
    cached_json = [to_json(ex) if ex is not None else None for ex in extractions]
    parts = shards(list(range(len(docs))), shard_size)  # positions of each shard's documents
    folder = None
    if shard_dir is not None:
        folder = Path(shard_dir).resolve()
        folder.mkdir(parents=True, exist_ok=True)
    submit = [n for n, part in enumerate(parts, start=1)
              if folder is not None or any(cached_json[i] is None for i in part)]
    failures: list[tuple[int, UnusableInputError]] = []
    if submit:
        t = time.perf_counter()
        client, cluster = _client(scheduler, n_workers)
        report.stages["cluster"] = time.perf_counter() - t
        t = time.perf_counter()
        try:
            from dask.distributed import as_completed

            futures = []
            for n in submit:
                part = parts[n - 1]
                futures.append(client.submit(extract_shard, n, [docs[i] for i in part], str(folder) if folder else None,
                                             model, [cached_json[i] for i in part], version, pure=False,
                                             key=f"ddkg-shard-{n:05d}-{uuid.uuid4().hex[:12]}"))
            done = report.cached
            for future in as_completed(futures):
                result = future.result()  # a worker's exception (e.g. model not installed) is raised here
                part = parts[result["shard"] - 1]
                for i, text in zip(part, result["extractions"]):
                    if text is not None and extractions[i] is None:
                        extractions[i] = from_json(text, docs[i])
                        if cache:
                            cache.put(extractions[i])
                failures.extend((part[i], UnusableInputError(source, reason)) for i, source, reason in result["errors"])
                for stage, seconds in result["timings"].items():
                    key = f"workers: {stage}"  # summed over workers (CPU time, not wall-clock)
                    report.stages[key] = report.stages.get(key, 0.0) + seconds
                done += sum(cached_json[i] is None for i in part)
                if progress:
                    progress(done, len(docs))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        report.stages["extract"] = time.perf_counter() - t
    report.skipped.extend(err for _, err in sorted(failures, key=lambda f: f[0]))  # in input order, as kg.build
    if folder is not None:
        _remove_stale_shards(folder, len(parts))
    return finish_build(extractions, report, started), report


def shard_files(shard_dir: str | Path) -> list[Path]:
    """The shard N-Quads files in a folder, in shard order."""
    return sorted((p for p in Path(shard_dir).iterdir() if _SHARD_FILE.match(p.name)), key=lambda p: int(p.name[6:-3]))
