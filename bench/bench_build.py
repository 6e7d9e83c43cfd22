"""Time `kg build` on a whole corpus: throughput against plain spaCy, --workers 2, the extraction cache, scaling.

Usage: python bench/bench_build.py --corpus path/to/whitehouse-readouts.jsonl [--scale-base 400] [--pairs 2]
                                   [--budget-minutes 35] [--git-ref REF] [--out bench/build-results.json]
       python bench/bench_build.py --markdown bench/build-results.json     (print the tables of a results file)

Every build is a `kg build` subprocess (`python -m kg.cli build ... --timings`, PYTHONPATH set here), so that the
peak memory of each build is its own: the parent reaps each child with os.wait4, whose rusage gives the peak RSS
(ru_maxrss, the figure `/usr/bin/time -v` prints as "Maximum resident set size": the largest single process, a
forked worker included) and the CPU time of the child and its workers. The summed PSS of the process tree (main
process and workers, shared pages split between them) is also sampled from /proc/PID/smaps_rollup every 0.25 s.
Wall times are time.perf_counter around each subprocess; CPU/wall shows how much of the machine a run got (one
process alone on a free core: ~1.0), which tells contention by other jobs from slowness of ddkg.

One run does, in this order:
  1. pair 1: `kg build --no-cache` (1 process) [A], then the plain spaCy model over the same paragraphs [B]:
     a subprocess that loads kg.nlp.pipeline.load_model() and runs nlp.pipe over kg.build.paragraphs(doc) of every
     document, batch_size = kg.build.BATCH_SIZE;
  2. the same build with --workers 2, compared byte for byte with A's graph.ttl and graph.graphml;
  3. the extraction cache: a cold build with the cache, an identical rebuild (warm), a rebuild with one new document;
  4. scaling: the first --scale-base documents x1, x4, x16 (repeats get new ids `<id>-r<k>`), --workers 2, --no-cache;
  5. further A/B pairs in alternating order (B then A, A then B, ...) up to --pairs, each only if it is expected to
     finish within --budget-minutes. Throughput figures are medians over the pairs run.

The code measured is a snapshot taken at the start (the working tree's kg/ and ontology/, or --git-ref REF via
git archive), so edits made to the checkout while the benchmark runs cannot change what it measures.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"kg_vs_spacy_ratio": 0.7, "workers2_speedup": 1.6, "warm_cold_ratio": 0.3, "scale_memory_ratio": 1.5}
SUMMARY = re.compile(r"^(\d+) documents read(?: \((\d+) from cache\))?, (\d+) skipped; .*?; (\d+) triples in ([\d.]+) s", re.M)
STAGE = re.compile(r"([a-z][a-z ]*?) ([\d.]+) s")


# -- the child that times plain spaCy ------------------------------------------------------------------------------
def plain_spacy_child(inputs: list[str], model: Optional[str]) -> int:
    """Runs in its own process (started by the parent): plain spaCy over kg's paragraphs; prints one JSON line."""
    t0 = time.perf_counter()
    from kg.build import BATCH_SIZE, BuildReport, paragraphs, read_documents
    from kg.nlp.pipeline import load_model

    t1 = time.perf_counter()
    nlp = load_model(model)
    t2 = time.perf_counter()
    docs = read_documents(inputs, BuildReport())
    t3 = time.perf_counter()
    texts = (text for document in docs for text in paragraphs(document) or [""])  # as kg.build.parse_documents
    tokens = entities = paragraphs_seen = 0
    for parsed in nlp.pipe(texts, batch_size=BATCH_SIZE):
        paragraphs_seen += 1
        tokens += len(parsed)
        entities += len(parsed.ents)
    t4 = time.perf_counter()
    print(json.dumps({"documents": len(docs), "paragraphs": paragraphs_seen, "tokens": tokens, "entities": entities,
                      "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
                      "pipe_names": nlp.pipe_names, "batch_size": BATCH_SIZE,
                      "stages": {"import": t1 - t0, "load model": t2 - t1, "ingest": t3 - t2, "pipe": t4 - t3}}))
    return 0


# -- running and measuring one subprocess --------------------------------------------------------------------------
def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def _pss_kib(pid: int) -> int:
    """Proportional set size: pages shared by the forked workers are split between them, so the sum is real use."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run cmd; wall seconds, peak RSS of the largest process (wait4), sampled peak PSS of the whole tree, CPU."""
    peak_tree = [0]
    done = threading.Event()
    with open(log.with_suffix(".out"), "w") as out, open(log.with_suffix(".err"), "w") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=log.parent)

        def sample() -> None:
            while not done.wait(0.25):
                peak_tree[0] = max(peak_tree[0], sum(_pss_kib(p) for p in _descendants(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = log.with_suffix(".out").read_text()
    stderr = log.with_suffix(".err").read_text()
    return {"cmd": cmd, "exit": proc.returncode, "wall_s": wall, "peak_rss_mib": usage.ru_maxrss / 1024,
            "peak_tree_pss_mib_sampled": peak_tree[0] / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
            "stdout": stdout, "stderr": stderr}


class Bench:
    def __init__(self, work: Path, src: Path, model: Optional[str]):
        self.work, self.model = work, model
        self.env = dict(os.environ, PYTHONPATH=str(src))
        self.env.pop("CI", None)
        self.n = 0

    def _log(self, label: str) -> Path:
        self.n += 1
        return self.work / f"{self.n:02d}-{label}"

    def kg_build(self, label: str, inputs: list[Path], out: Path, workers: int = 1, cache: bool = False) -> dict[str, Any]:
        cmd = [sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "--out", str(out), "--workers", str(workers),
               "--timings"] + ([] if cache else ["--no-cache"]) + (["--model", self.model] if self.model else [])
        r = run_measured(cmd, self.env, self._log(label))
        summary, stages = SUMMARY.search(r["stdout"]), re.search(r"^stages: (.*)$", r["stdout"], re.M)
        if r["exit"] not in (0, 1) or not summary or not stages:  # 1 = some input skipped: reported, not fatal
            raise SystemExit(f"{label}: kg build failed (exit {r['exit']})\n{r['stdout']}\n{r['stderr'][-3000:]}")
        r.update(label=label, workers=workers, cache=cache, out=str(out), documents=int(summary.group(1)),
                 cached=int(summary.group(2) or 0), skipped=int(summary.group(3)), triples=int(summary.group(4)),
                 summary=summary.group(0), stages={k.strip(): float(v) for k, v in STAGE.findall(stages.group(1))})
        print(f"  {label}: {r['wall_s']:.1f} s wall, {r['peak_rss_mib']:.0f} MiB peak, {r['summary']}", flush=True)
        return r

    def plain_spacy(self, label: str, inputs: list[Path]) -> dict[str, Any]:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--plain-spacy-child", *map(str, inputs)]
        cmd += ["--model", self.model] if self.model else []
        r = run_measured(cmd, self.env, self._log(label))
        if r["exit"] != 0:
            raise SystemExit(f"{label}: plain spaCy run failed (exit {r['exit']})\n{r['stderr'][-3000:]}")
        r.update(label=label, **json.loads(r["stdout"].strip().splitlines()[-1]))
        print(f"  {label}: {r['wall_s']:.1f} s wall ({r['stages']['pipe']:.1f} s nlp.pipe), {r['peak_rss_mib']:.0f} MiB peak",
              flush=True)
        return r


# -- corpus helpers --------------------------------------------------------------------------------------------------
def corpus_stats(inputs: list[Path]) -> tuple[int, int]:
    """(documents, words) as kg reads them; words = len(text.split()) of title + text."""
    from kg.build import BuildReport, read_documents

    docs = read_documents(inputs, BuildReport())
    return len(docs), sum(len(f"{d.title or ''} {d.text}".split()) for d in docs)


def jsonl_records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def repeated(records: list[dict], times: int) -> list[dict]:
    return [dict(r, id=r["id"] if k == 0 else f"{r['id']}-r{k}") for k in range(times) for r in records]


def snapshot_source(work: Path, git_ref: Optional[str]) -> dict[str, Any]:
    src = work / "src"
    src.mkdir()
    info: dict[str, Any] = {}
    try:
        info["head"] = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                                      check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        info["head"] = None
    if git_ref:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", git_ref, "kg", "ontology"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
        info["measured"] = "git " + subprocess.run(["git", "-C", str(ROOT), "rev-parse", git_ref], capture_output=True,
                                                    text=True, check=True).stdout.strip()
    else:
        for name in ("kg", "ontology"):
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "kg", "ontology"],
                               capture_output=True, text=True).stdout.split("\n")
        info["measured"] = "working tree"
        info["uncommitted"] = [line for line in dirty if line.strip()]
    info["path"] = str(src)
    return info


# -- reporting --------------------------------------------------------------------------------------------------------
def _r(x: float, n: int = 2) -> float:
    return round(x, n)


def build_row(r: dict[str, Any], docs: int, words: int) -> dict[str, Any]:
    return {"wall_s": _r(r["wall_s"]), "docs_per_s": _r(docs / r["wall_s"]), "words_per_s": round(words / r["wall_s"]),
            "peak_rss_mib": _r(r["peak_rss_mib"], 1), "peak_tree_pss_mib_sampled": _r(r["peak_tree_pss_mib_sampled"], 1),
            "cpu_s": _r(r["cpu_s"]), "documents": r.get("documents", docs), "triples": r.get("triples"),
            "cached": r.get("cached"), "skipped": r.get("skipped"),
            "stages_s": {k: _r(v) for k, v in r["stages"].items()}, "summary": r.get("summary")}


def markdown(res: dict[str, Any]) -> str:
    t, c = res["throughput"], res["corpus"]
    lines = [f"Corpus: {c['documents']:,} documents, {c['words']:,} words; {res['pairs_run']} A/B pair(s), medians.", "",
             "| run | wall s | CPU s | CPU/wall | docs/s | words/s | peak RSS MiB | triples |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    kg, sp, w2 = t["kg_build_1_worker"], t["plain_spacy"], res["workers2"]["build"]
    lines.append(f"| kg build, 1 process | {kg['wall_s']:.1f} | {kg['cpu_s']:.1f} | {kg['cpu_s'] / kg['wall_s']:.2f} | {kg['docs_per_s']:.2f} | {kg['words_per_s']:,} | "
                 f"{kg['peak_rss_mib']:.0f} | {kg['triples']:,} |")
    lines.append(f"| plain spaCy (`load_model()` + `nlp.pipe`) | {sp['wall_s']:.1f} | {sp['cpu_s']:.1f} | {sp['cpu_s'] / sp['wall_s']:.2f} | {sp['docs_per_s']:.2f} | "
                 f"{sp['words_per_s']:,} | {sp['peak_rss_mib']:.0f} | - |")
    lines.append(f"| kg build, --workers 2 | {w2['wall_s']:.1f} | {w2['cpu_s']:.1f} | {w2['cpu_s'] / w2['wall_s']:.2f} | {w2['docs_per_s']:.2f} | {w2['words_per_s']:,} | "
                 f"{w2['peak_rss_mib']:.0f} | {w2['triples']:,} |")
    lines += ["", "Stages of `kg build` (seconds, 1 process, median): " +
              ", ".join(f"{k} {v:.2f}" for k, v in kg["stages_s"].items()) +
              f"; plain spaCy `nlp.pipe` {sp['pipe_s']:.2f}.", ""]
    inc = res["incremental"]
    lines += ["| check | figure | target | met |", "|---|---:|---:|:-:|",
              f"| kg build / plain spaCy throughput (end to end) | {t['ratio_end_to_end']:.2f} | >= 0.7 | "
              f"{'yes' if t['ratio_end_to_end'] >= 0.7 else 'no'} |",
              f"| kg nlp+rules stages / plain spaCy `nlp.pipe` | {t['ratio_parse_only']:.2f} | (info) | |",
              f"| kg build / plain spaCy, by CPU time | {sp['cpu_s'] / kg['cpu_s']:.2f} | (info) | |",
              f"| --workers 2 speed-up over 1 | {res['workers2']['speedup']:.2f}x | >= 1.6x | "
              f"{'yes' if res['workers2']['speedup'] >= 1.6 else 'no'} |",
              f"| --workers 2 output byte-identical (graph.ttl, graph.graphml) | "
              f"{'yes' if res['workers2']['identical'] else 'NO'} | identical | {'yes' if res['workers2']['identical'] else 'no'} |",
              f"| warm rebuild / cold build (cache) | {inc['warm_cold_ratio']:.3f} | < 0.3 | "
              f"{'yes' if inc['warm_cold_ratio'] < 0.3 else 'no'} |",
              f"| rebuild after adding 1 document | {inc['plus_one']['wall_s']:.1f} s, ({inc['plus_one']['cached']} from cache) | "
              f"1 re-read | {'yes' if inc['plus_one_reread'] == 1 else 'no'} |",
              f"| peak RSS x16 / x1 (scaling series) | {res['scaling']['memory_ratio_x16_x1']:.2f}x | <= 1.5x | "
              f"{'yes' if res['scaling']['memory_ratio_x16_x1'] <= 1.5 else 'no'} |", ""]
    lines += [f"Cache series ({inc['workers']} workers): cold {inc['cold']['wall_s']:.1f} s "
              f"(CPU/wall {inc['cold']['cpu_s'] / inc['cold']['wall_s']:.2f}), warm {inc['warm']['wall_s']:.1f} s "
              f"({inc['warm']['cached']} from cache), +1 document {inc['plus_one']['wall_s']:.1f} s; outputs identical to the "
              f"--no-cache build: cold {'yes' if inc['cold_identical_to_no_cache'] else 'NO'}, warm "
              f"{'yes' if inc['warm_identical_to_cold'] else 'NO'}.", "",
              f"Scaling (first {res['scaling']['base_documents']} documents repeated with new ids; --workers 2 --no-cache):", "",
              "| corpus | documents | words | wall s | CPU s | CPU/wall | docs/s | peak RSS MiB (largest process) | whole tree PSS MiB (sampled) | triples |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in res["scaling"]["runs"]:
        lines.append(f"| x{s['factor']} | {s['documents']:,} | {s['words']:,} | {s['wall_s']:.1f} | {s['cpu_s']:.1f} | {s['cpu_s'] / s['wall_s']:.2f} | {s['docs_per_s']:.2f} | "
                     f"{s['peak_rss_mib']:.0f} | {s['peak_tree_pss_mib_sampled']:.0f} | {s['triples']:,} |")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="the corpus (JSONL, e.g. whitehouse-readouts.jsonl)")
    parser.add_argument("--scale-base", type=int, default=400, help="documents repeated x1, x4, x16 (default 400)")
    parser.add_argument("--pairs", type=int, default=2, help="A/B pairs of kg build vs plain spaCy (default 2, at least 1)")
    parser.add_argument("--budget-minutes", type=float, default=35.0, help="run extra pairs only if they fit (default 35)")
    parser.add_argument("--cache-workers", type=int, default=2, help="workers for the cache series (default 2)")
    parser.add_argument("--model", help="spaCy model (default: kg's default)")
    parser.add_argument("--git-ref", help="measure this commit (git archive) instead of the working tree")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "build-results.json")
    parser.add_argument("--markdown", type=Path, metavar="RESULTS", help="only print the tables of a results file")
    parser.add_argument("--plain-spacy-child", nargs="+", metavar="INPUT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.plain_spacy_child:
        return plain_spacy_child(args.plain_spacy_child, args.model)
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))))
        return 0
    if not args.corpus or not args.corpus.is_file():
        parser.error("--corpus FILE.jsonl is required (e.g. whitehouse-readouts.jsonl)")

    started = time.perf_counter()
    corpus = args.corpus.resolve()
    work = (args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="ddkg-bench-build-")))
    work.mkdir(parents=True, exist_ok=True)
    source = snapshot_source(work, args.git_ref)
    sys.path.insert(0, source["path"])
    bench = Bench(work, Path(source["path"]), args.model)
    docs, words = corpus_stats([corpus])
    load_start = os.getloadavg()
    print(f"{corpus.name}: {docs:,} documents, {words:,} words; code: {source['measured']}; work folder {work}", flush=True)

    kg_runs, spacy_runs = [], []

    def pair(k: int) -> None:
        order = ("A", "B") if k % 2 == 0 else ("B", "A")
        for which in order:
            if which == "A":
                kg_runs.append(bench.kg_build(f"kg-w1-pair{k + 1}", [corpus], work / f"w1-pair{k + 1}"))
            else:
                spacy_runs.append(bench.plain_spacy(f"spacy-pair{k + 1}", [corpus]))

    print("1. kg build (1 process) and plain spaCy", flush=True)
    t = time.perf_counter()
    pair(0)
    pair_seconds = time.perf_counter() - t

    print("2. --workers 2", flush=True)
    w2 = bench.kg_build("kg-w2", [corpus], work / "w2", workers=2)
    reference = Path(kg_runs[0]["out"])
    identical = {name: filecmp.cmp(reference / name, work / "w2" / name, shallow=False) for name in ("graph.ttl", "graph.graphml")}

    print("3. extraction cache", flush=True)
    cached_out = work / "cached"
    cold = bench.kg_build("cache-cold", [corpus], cached_out, workers=args.cache_workers, cache=True)
    cold_same = all(filecmp.cmp(reference / n, cached_out / n, shallow=False) for n in ("graph.ttl", "graph.graphml"))
    shutil.copy(cached_out / "graph.ttl", work / "cold-graph.ttl")
    warm = bench.kg_build("cache-warm", [corpus], cached_out, workers=args.cache_workers, cache=True)
    warm_same = filecmp.cmp(work / "cold-graph.ttl", cached_out / "graph.ttl", shallow=False)
    first = jsonl_records(corpus)[0]
    added = write_jsonl(work / "added.jsonl", [dict(first, id=f"{first['id']}-bench-added",
                                                    title=f"{first.get('title') or ''} (follow-up)")])
    plus_one = bench.kg_build("cache-plus-one", [corpus, added], cached_out, workers=args.cache_workers, cache=True)

    print(f"4. scaling: first {args.scale_base} documents x1, x4, x16 (--workers 2 --no-cache)", flush=True)
    base = jsonl_records(corpus)[:args.scale_base]
    scaling = []
    for factor in (1, 4, 16):
        path = write_jsonl(work / f"scale-x{factor}.jsonl", repeated(base, factor))
        s_docs, s_words = corpus_stats([path])
        r = bench.kg_build(f"scale-x{factor}", [path], work / f"scale-x{factor}", workers=2)
        scaling.append({"factor": factor, "words": s_words, **build_row(r, s_docs, s_words)})
        path.unlink()

    pairs_note = ""
    for k in range(1, max(args.pairs, 1)):
        elapsed = time.perf_counter() - started
        if elapsed + pair_seconds * 1.1 > args.budget_minutes * 60:
            pairs_note = (f"pair {k + 1} skipped: {elapsed / 60:.1f} min elapsed, a pair takes ~{pair_seconds / 60:.1f} min, "
                          f"budget {args.budget_minutes:g} min")
            print(f"5. {pairs_note}", flush=True)
            break
        print(f"5. pair {k + 1} (order {'A, B' if k % 2 == 0 else 'B, A'})", flush=True)
        pair(k)

    def median_row(runs: list[dict[str, Any]]) -> dict[str, Any]:
        rows = [build_row(r, docs, words) for r in runs]
        out = {key: _r(statistics.median(row[key] for row in rows)) for key in ("wall_s", "docs_per_s", "words_per_s",
                                                                                 "peak_rss_mib", "cpu_s")}
        out["words_per_s"] = round(out["words_per_s"])
        out["stages_s"] = {k: _r(statistics.median(row["stages_s"][k] for row in rows)) for k in rows[0]["stages_s"]}
        out.update(triples=rows[0]["triples"], documents=rows[0]["documents"], skipped=rows[0]["skipped"], runs=rows)
        return out

    kg_med = median_row(kg_runs)
    sp_rows = [{**build_row({**r, "stages": r["stages"]}, docs, words), "pipe_s": _r(r["stages"]["pipe"]),
                "tokens": r["tokens"], "paragraphs": r["paragraphs"]} for r in spacy_runs]
    sp_med = {key: _r(statistics.median(row[key] for row in sp_rows))
              for key in ("wall_s", "docs_per_s", "words_per_s", "peak_rss_mib", "cpu_s", "pipe_s")}
    sp_med["words_per_s"] = round(sp_med["words_per_s"])
    sp_med.update(model=spacy_runs[0]["model"], pipe_names=spacy_runs[0]["pipe_names"], batch_size=spacy_runs[0]["batch_size"],
                  paragraphs=spacy_runs[0]["paragraphs"], tokens=spacy_runs[0]["tokens"], runs=sp_rows)
    kg_parse = statistics.median(r["stages"].get("nlp", 0) + r["stages"].get("rules", 0) for r in kg_runs)
    w2_row = build_row(w2, docs, words)
    cold_row, warm_row, plus_row = build_row(cold, docs, words), build_row(warm, docs, words), build_row(plus_one, docs + 1, words)
    result: dict[str, Any] = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "loadavg_start": [round(x, 2) for x in load_start], "loadavg_end": [round(x, 2) for x in os.getloadavg()]},
        "code": {k: v for k, v in source.items() if k != "path"},
        "corpus": {"file": corpus.name, "documents": docs, "words": words, "words_counted_as": "len((title + ' ' + text).split())"},
        "pairs_requested": args.pairs, "pairs_run": len(kg_runs), "pairs_note": pairs_note,
        "targets": TARGETS,
        "throughput": {
            "kg_build_1_worker": kg_med, "plain_spacy": sp_med,
            "ratio_end_to_end": _r(kg_med["docs_per_s"] / sp_med["docs_per_s"], 3),
            "ratio_parse_only": _r(sp_med["pipe_s"] / kg_parse, 3),
            "ratio_definitions": {"end_to_end": "docs/s of kg build (process wall time: start, model load, ingest, nlp, "
                                                "rules, resolve, graph, write) / docs/s of the plain spaCy process "
                                                "(start, model load, ingest, nlp.pipe)",
                                  "parse_only": "plain spaCy nlp.pipe seconds / kg build's nlp + rules stage seconds"},
        },
        "workers2": {"build": w2_row, "speedup": _r(kg_med["wall_s"] / w2_row["wall_s"], 3), "identical": all(identical.values()),
                     "identical_files": identical},
        "incremental": {"workers": args.cache_workers, "cold": cold_row, "warm": warm_row, "plus_one": plus_row,
                        "warm_cold_ratio": _r(warm_row["wall_s"] / cold_row["wall_s"], 3),
                        "plus_one_reread": plus_row["documents"] - (plus_row["cached"] or 0),
                        "cold_identical_to_no_cache": cold_same, "warm_identical_to_cold": warm_same},
        "scaling": {"base_documents": len(base), "workers": 2, "runs": scaling,
                    "memory_ratio_x16_x1": _r(scaling[-1]["peak_rss_mib"] / scaling[0]["peak_rss_mib"], 3),
                    "tree_pss_ratio_x16_x1": _r(scaling[-1]["peak_tree_pss_mib_sampled"] / scaling[0]["peak_tree_pss_mib_sampled"], 3),
                    "triples_ratio_x16_x1": _r(scaling[-1]["triples"] / scaling[0]["triples"], 3)},
        "total_minutes": _r((time.perf_counter() - started) / 60, 1),
    }
    result["markdown"] = markdown(result)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(result["markdown"])
    print(f"\n{result['total_minutes']} min; -> {args.out}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
