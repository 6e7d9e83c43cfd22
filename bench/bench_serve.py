"""Time the competency queries through the SPARQL endpoint (kg.serve) over HTTP.

Usage: python bench/bench_serve.py [GRAPH] [--runs N] [--out bench/serve-results.json]

Loads GRAPH (default bench/out/graph.ttl), starts the server on a free 127.0.0.1 port, and for each shipped
query does one warm-up request and N timed ones (POST application/sparql-query, JSON results, a new connection
per request, full body read). Prints median/min/max per query, whether the median is under the 100 ms budget,
the cost of forking a query worker, and writes everything as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph.store import load_store  # noqa: E402 (after sys.path)
from kg.query import list_queries, load_query, run_query  # noqa: E402 (after sys.path)
from kg.serve import WorkerPool, make_server  # noqa: E402 (after sys.path)

BUDGET_MS = 100.0
FORK_PROBE = "people-posts-nations"  # the query used to measure the cost of a fresh fork


def http_query(url: str, sparql: str) -> tuple[float, int, bytes]:
    """One request: (milliseconds, status, body)."""
    request = urllib.request.Request(
        url,
        data=sparql.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        status = response.status
    return (time.perf_counter() - started) * 1000, status, body


def fork_overhead(store: object, sparql: str, rounds: int = 10) -> dict[str, float]:
    """Median ms of a query answered by a freshly forked worker (what forking per query would cost) and by a
    warm one, for ASK {} and for ``sparql``; the gap on a real query is mostly copy-on-write page faults."""
    out: dict[str, float] = {}
    for label, text in (("ask", "ASK {}"), ("query", sparql)):
        fresh, warm = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            pool = WorkerPool(store, 1)  # type: ignore[arg-type]
            pool.run(text, None, (), 60.0)
            fresh.append((time.perf_counter() - started) * 1000)
            for _ in range(3):
                started = time.perf_counter()
                pool.run(text, None, (), 60.0)
                warm.append((time.perf_counter() - started) * 1000)
            pool.close()
        out[f"{label}_fresh_fork_ms"] = statistics.median(fresh)
        out[f"{label}_warm_worker_ms"] = statistics.median(warm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", default="bench/out/graph.ttl")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "bench" / "serve-results.json"))
    args = parser.parse_args(argv)
    if not Path(args.graph).is_file():
        print(f"no graph at {args.graph}; pass a graph.ttl path", file=sys.stderr)
        return 2

    started = time.perf_counter()
    store = load_store(args.graph)
    load_s = time.perf_counter() - started
    print(f"{args.graph}: {len(store)} triples loaded in {load_s:.2f} s")
    overhead = fork_overhead(store, load_query(FORK_PROBE))
    print(
        f"fresh fork vs warm worker: ASK {{}} {overhead['ask_fresh_fork_ms']:.1f} vs "
        f"{overhead['ask_warm_worker_ms']:.1f} ms; {FORK_PROBE} {overhead['query_fresh_fork_ms']:.1f} vs "
        f"{overhead['query_warm_worker_ms']:.1f} ms"
    )

    server = make_server(store, timeout=60.0, workers=args.workers, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = server.url + "sparql"
    rows = []
    try:
        for name in list_queries():
            sparql = load_query(name)
            in_process = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                expected = run_query(store, sparql)
                in_process.append((time.perf_counter() - t0) * 1000)
            _ms, status, body = http_query(url, sparql)  # warm-up
            if status != 200:
                raise SystemExit(f"{name}: HTTP {status}")
            times = [http_query(url, sparql)[0] for _ in range(args.runs)]
            n_rows = len(json.loads(body)["results"]["bindings"])
            median = statistics.median(times)
            rows.append(
                {
                    "query": name,
                    "rows": n_rows,
                    "rows_run_query": len(expected.rows),
                    "bytes": len(body),
                    "http_median_ms": round(median, 2),
                    "http_min_ms": round(min(times), 2),
                    "http_max_ms": round(max(times), 2),
                    "in_process_median_ms": round(statistics.median(in_process), 2),
                    "under_100ms": median < BUDGET_MS,
                }
            )
    finally:
        server.shutdown()
        server.server_close()

    header = f"{'query':40s} {'rows':>6s} {'bytes':>9s} {'http ms':>8s} {'min':>7s} {'max':>7s} {'run_query':>9s}"
    header += "  <100ms"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['query']:40s} {r['rows']:6d} {r['bytes']:9d} {r['http_median_ms']:8.1f} {r['http_min_ms']:7.1f} "
            f"{r['http_max_ms']:7.1f} {r['in_process_median_ms']:9.1f}  {'yes' if r['under_100ms'] else 'NO'}"
        )
    slow = [str(r["query"]) for r in rows if not r["under_100ms"]]
    print(f"all {len(rows)} queries under {BUDGET_MS:.0f} ms" if not slow else f"over budget: {', '.join(slow)}")

    result = {
        "graph": str(args.graph),
        "triples": len(store),
        "load_seconds": round(load_s, 2),
        "runs": args.runs,
        "workers": args.workers,
        "python": platform.python_version(),
        "machine": platform.platform(),
        "fork_overhead": {"probe_query": FORK_PROBE, **{k: round(v, 2) for k, v in overhead.items()}},
        "queries": rows,
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.out}")
    return 0 if not slow else 1


if __name__ == "__main__":
    raise SystemExit(main())
