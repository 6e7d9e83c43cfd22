"""Select the documents of a held-out gold sample (fixed seed, reproducible).

24 White House readouts + 6 re3d documents (fewer re3d, and as many more readouts, once the re3d pool holds
fewer than 6), sampled with random.Random(SEED), excluding every doc_id already
annotated in shared/gold/dev/ and in the sample folders given with --exclude.

Pools:
  - White House: records whose title starts with "Readout" (readouts of meetings, calls, visits).
  - re3d: records whose text names at least one person, tested with a simple
    "title + capitalised name" pattern (checked by hand afterwards for the picks).

Run from the project root; each sample's README gives its exact command, e.g.
    python eval/select_sample.py --seed 20261127 --exclude eval/unseen-sample eval/unseen-sample-2
Paths can be overridden with SHARED=/path/to/shared.
"""
import argparse
import glob
import json
import os
import random
import re

SHARED = os.environ.get("SHARED", "/work/shared")

WH = os.path.join(SHARED, "corpus", "whitehouse-readouts.jsonl")
RE3D = os.path.join(SHARED, "corpus", "re3d-documents.jsonl")

PERSON_RE = re.compile(
    r"\b(?:President|Prime Minister|Minister|Secretary|Ambassador|Senator|King|Queen|Prince|"
    r"Gen\.|General|Lt\.|Colonel|Col\.|Admiral|Adm\.|Commander|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir)"
    r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z'\-]+"
)
NOT_NAMES = {"General", "Assembly", "Council", "Minister", "Secretary", "Office", "State",
             "States", "Nations", "Kingdom", "Staff", "Command", "Forces", "Department", "Government"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def excluded_ids(folders):
    ids = set()
    paths = glob.glob(os.path.join(SHARED, "gold", "dev", "*.json"))
    for folder in folders:
        paths += glob.glob(os.path.join(folder, "*.json"))
    for p in paths:
        with open(p, encoding="utf-8") as f:
            ids.add(json.load(f)["doc_id"])
    return ids


def names_person(text):
    for m in PERSON_RE.finditer(text):
        last = m.group(0).split()[-1]
        if last not in NOT_NAMES:
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--exclude", nargs="*", default=[], metavar="DIR", help="sample folders already annotated")
    args = ap.parse_args()
    excl = excluded_ids(args.exclude)
    wh, re3d = load(WH), load(RE3D)
    wh_pool = [i for i, d in enumerate(wh)
               if d["id"] not in excl and d["title"].startswith("Readout")]
    re_pool = [i for i, d in enumerate(re3d)
               if d["id"] not in excl and names_person(d["text"])]
    rng = random.Random(args.seed)
    n_re3d = min(6, len(re_pool))  # the re3d pool runs dry after seven samples: the rest are readouts
    wh_pick = rng.sample(wh_pool, 30 - n_re3d)
    re_pick = rng.sample(re_pool, n_re3d)
    picks = [("corpus/whitehouse-readouts.jsonl", wh[i]) for i in wh_pick] + \
            [("corpus/re3d-documents.jsonl", re3d[i]) for i in re_pick]
    print(f"# excluded {len(excl)} ids; pools: wh={len(wh_pool)} re3d={len(re_pool)}")
    for n, (src, d) in enumerate(picks):
        print(f"{n:02d}-{d['id'][:60]}.json\t{src}\t{d['published']}\t{d['title']}")


if __name__ == "__main__":
    main()
