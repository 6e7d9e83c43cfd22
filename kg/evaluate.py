"""Scoring a built graph against gold annotations (the format of `gold/README.md`).

Each gold document is built on its own; its graph is read back through SPARQL-free rdflib lookups into the gold
shape, and compared category by category: persons, person-nation, person-role, organisations, nations, meetings,
meeting participants / nations / hosts+chairs / place / nation count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import UsageError
from kg.namespaces import DD
from kg.nlp.gazetteer import fold

CATEGORIES = ("persons", "person_nation", "person_role", "organisations", "nations", "meetings",
              "meeting_participants", "meeting_nations", "meeting_hosts_chairs", "meeting_place", "meeting_nation_count")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocScore:
    doc_id: str
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    misses: list[str] = field(default_factory=list)  # gold facts not found
    extras: list[str] = field(default_factory=list)  # predicted facts not in gold


def _compare(category: str, gold: set, pred: set, ds: DocScore) -> None:
    s = ds.scores[category]
    s.tp += len(gold & pred)
    s.fp += len(pred - gold)
    s.fn += len(gold - pred)
    ds.misses += [f"{category}: {x}" for x in sorted(map(str, gold - pred))]
    ds.extras += [f"{category}: {x}" for x in sorted(map(str, pred - gold))]


# -- reading a graph back into the gold shape ----------------------------------------------------------------------
def _label(g: rdflib.Graph, node) -> str:
    return str(g.value(node, RDFS.label) or "")


def _iso3(g: rdflib.Graph, node) -> Optional[str]:
    value = g.value(node, DD.iso3)
    return str(value) if value else None


def predicted(g: rdflib.Graph, doc_node) -> dict:
    """The document's facts from the graph, in the gold format's terms."""
    persons = []
    for p in sorted(set(g.subjects(DD.mentionedIn, doc_node)) & set(g.subjects(RDF.type, DD.Person))):
        nation = g.value(p, DD.nation)
        persons.append({
            "node": p,
            "name": _label(g, p),
            "aliases": sorted(str(a) for a in g.objects(p, SKOS.altLabel)),
            "nation": _iso3(g, nation) if nation else None,
            "roles": sorted({str(g.value(post, DD.role)).rsplit("#", 1)[-1] for post in g.objects(p, DD.holds) if g.value(post, DD.role)}),
        })
    orgs = []
    for o in sorted(set(g.subjects(DD.mentionedIn, doc_node)) & set(g.subjects(RDF.type, DD.Organisation))):
        orgs.append({"name": _label(g, o), "aliases": [str(a) for a in g.objects(o, SKOS.altLabel)]})
    nations = sorted({_iso3(g, n) for n in set(g.subjects(DD.mentionedIn, doc_node)) & set(g.subjects(RDF.type, DD.Nation))} - {None})
    meetings = []
    for m in sorted(set(g.subjects(DD.mentionedIn, doc_node)) & set(g.subjects(RDF.type, DD.Meeting))):
        def parties(prop):
            out = []
            for x in g.objects(m, prop):
                if (x, RDF.type, DD.Nation) in g:
                    out.append(("nation", _iso3(g, x)))
                elif (x, RDF.type, DD.Person) in g:
                    out.append(("person", x))
            return out
        place = g.value(m, DD.place)
        count = g.value(m, DD.nationCount)
        date = g.value(m, DD.date)
        meetings.append({
            "node": m,
            "date": str(date) if date is not None else None,
            "participants": [x for k, x in parties(DD.participant) if k == "person"],
            "nations": sorted({x for k, x in parties(DD.participant) if k == "nation"}),
            "hosts_chairs": parties(DD.host) + parties(DD.chair),
            "place": _label(g, place) if place else None,
            "nation_count": int(count) if count is not None else None,
        })
    return {"persons": persons, "organisations": orgs, "nations": nations, "meetings": meetings}


# -- matching ---------------------------------------------------------------------------------------------------------
def _person_matches(pred_name: str, gold: dict) -> int:
    """2 for the gold name itself, 1 for an alias or the gold name's last word, 0 for no match."""
    name = fold(pred_name)
    if name == fold(gold["name"]):
        return 2
    if name in {fold(a) for a in gold.get("aliases", [])} or name == fold(gold["name"].replace(",", " ").split()[-1]):
        return 1
    return 0


def _date_agrees(gold_date: Optional[str], precision: Optional[str], pred_date: Optional[str]) -> bool:
    if not gold_date:
        return True
    if not pred_date:
        return False
    n = {"day": 10, "month": 7, "year": 4}.get(precision or "day", 10)
    return len(pred_date) >= n and pred_date[:n] == gold_date[:n]


def score_document(gold: dict, g: rdflib.Graph, doc_node) -> DocScore:
    ds = DocScore(gold["doc_id"])
    pred = predicted(g, doc_node)
    # persons: one node per person
    person_of: dict = {}  # predicted node -> gold name (or its own name when unmatched)
    matched: set[str] = set()
    tp_persons = fp_persons = 0
    for p in sorted(pred["persons"], key=lambda p: -max([_person_matches(p["name"], gp) for gp in gold["persons"]] or [0])):
        best = max(gold["persons"], key=lambda gp: _person_matches(p["name"], gp), default=None)
        if best is not None and _person_matches(p["name"], best) and best["name"] not in matched:
            matched.add(best["name"])
            person_of[p["node"]] = best["name"]
            tp_persons += 1
        else:
            person_of[p["node"]] = "~" + p["name"]
            fp_persons += 1
            ds.extras.append(f"persons: {p['name']}")
    ds.scores["persons"] = Score(tp_persons, fp_persons, len(gold["persons"]) - tp_persons)
    ds.misses += [f"persons: {gp['name']}" for gp in gold["persons"] if gp["name"] not in matched]
    _compare("person_nation", {(gp["name"], gp["nation"]) for gp in gold["persons"] if gp.get("nation")},
             {(person_of[p["node"]], p["nation"]) for p in pred["persons"] if p["nation"]}, ds)
    _compare("person_role", {(gp["name"], post["role"]) for gp in gold["persons"] for post in gp.get("posts", [])},
             {(person_of[p["node"]], r) for p in pred["persons"] for r in p["roles"]}, ds)
    # organisations by name or alias
    gold_orgs = {fold(o["name"]): o["name"] for o in gold.get("organisations", [])}
    pred_orgs = set()
    for o in pred["organisations"]:
        hit = next((gold_orgs[fold(n)] for n in [o["name"], *o["aliases"]] if fold(n) in gold_orgs), None)
        pred_orgs.add(hit or "~" + o["name"])
    _compare("organisations", set(gold_orgs.values()), pred_orgs, ds)
    _compare("nations", set(gold.get("nations", [])), set(pred["nations"]), ds)
    _score_meetings(gold, pred, person_of, ds)
    return ds


def _score_meetings(gold: dict, pred: dict, person_of: dict, ds: DocScore) -> None:
    def names(ps):
        return {person_of.get(x, str(x)) for x in ps}

    gold_ms = gold.get("meetings", [])
    pairs: list[tuple[float, int, int]] = []
    for gi, gm in enumerate(gold_ms):
        need = len(gm["participants"]) / 2
        for pi, pm in enumerate(pred["meetings"]):
            if not _date_agrees(gm.get("date"), gm.get("date_precision"), pm["date"]):
                continue
            found = len(set(gm["participants"]) & names(pm["participants"]))
            if found < need:
                continue
            overlap = found + len(set(gm["nations"]) & set(pm["nations"])) * 0.5 + (gm.get("place") is not None and pm["place"] is not None and fold(gm["place"]) == fold(pm["place"]))
            pairs.append((overlap, -gi, -pi))
    match: dict[int, int] = {}
    used: set[int] = set()
    for overlap, gi, pi in sorted(pairs, reverse=True):
        if -gi not in match and -pi not in used:
            match[-gi] = -pi
            used.add(-pi)
    ds.scores["meetings"] = Score(len(match), len(pred["meetings"]) - len(match), len(gold_ms) - len(match))
    ds.misses += [f"meetings: {gm.get('date')} {gm['participants']}" for gi, gm in enumerate(gold_ms) if gi not in match]
    ds.extras += [f"meetings: {pm['date']} {sorted(names(pm['participants']))}" for pi, pm in enumerate(pred["meetings"]) if pi not in used]

    gold_f = {c: set() for c in ("meeting_participants", "meeting_nations", "meeting_hosts_chairs", "meeting_place", "meeting_nation_count")}
    pred_f = {c: set() for c in gold_f}
    for gi, gm in enumerate(gold_ms):
        key = gi
        gold_f["meeting_participants"] |= {(key, x) for x in gm["participants"]}
        gold_f["meeting_nations"] |= {(key, x) for x in gm["nations"]}
        gold_f["meeting_hosts_chairs"] |= {(key, x) for x in gm.get("hosts", []) + gm.get("chairs", [])}
        if gm.get("place"):
            gold_f["meeting_place"].add((key, fold(gm["place"])))
        if gm.get("nation_count"):
            gold_f["meeting_nation_count"].add((key, gm["nation_count"]))
    gold_of_pred = {pi: gi for gi, pi in match.items()}
    for pi, pm in enumerate(pred["meetings"]):
        key = gold_of_pred.get(pi, f"~{pi}")
        pred_f["meeting_participants"] |= {(key, x) for x in names(pm["participants"])}
        pred_f["meeting_nations"] |= {(key, x) for x in pm["nations"]}
        pred_f["meeting_hosts_chairs"] |= {(key, person_of.get(x, x) if k == "person" else x) for k, x in pm["hosts_chairs"]}
        if pm["place"]:
            pred_f["meeting_place"].add((key, fold(pm["place"])))
        if pm["nation_count"]:
            pred_f["meeting_nation_count"].add((key, pm["nation_count"]))
    for c in gold_f:
        _compare(c, gold_f[c], pred_f[c], ds)


# -- gold files and their documents ----------------------------------------------------------------------------------
def load_gold(gold_dir: str | Path) -> list[tuple[Path, dict]]:
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such gold folder")
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            out.append((path, json.loads(path.read_text(encoding="utf-8"))))
        except json.JSONDecodeError as err:
            raise UsageError(f"{path}:{err.lineno}: malformed gold file ({err.msg})") from None
    if not out:
        raise UsageError(f"{folder}: no gold files (*.json)")
    return out


def find_source(gold_path: Path, source: str) -> Optional[Path]:
    """The gold file's `source` (relative to shared/), looked up in the folders above the gold file."""
    for parent in gold_path.resolve().parents:
        candidate = parent / source
        if candidate.exists():
            return candidate
    return None


def total(scores: Iterable[DocScore]) -> dict[str, Score]:
    out = {c: Score() for c in CATEGORIES}
    for ds in scores:
        for c in CATEGORIES:
            out[c].add(ds.scores[c])
    return out


def evaluate(gold_dir: str | Path, corpus: Optional[list[str | Path]] = None, nlp=None) -> list[DocScore]:
    """Build each gold document on its own and score it. `corpus`: files or folders holding the documents
    (default: each gold file's `source`)."""
    from kg.build import extract_documents
    from kg.graph.build import build_graph, iri
    from kg.ingest import read_inputs
    from kg.nlp.gazetteer import load_gazetteer
    from kg.resolve import doc_key, resolve
    from kg.types import Document, Extraction

    golds = load_gold(gold_dir)
    sources: list[Path] = [Path(c) for c in corpus] if corpus else []
    if not corpus:
        for path, gold in golds:
            src = find_source(path, gold.get("source", ""))
            if src is None:
                raise UsageError(f"{path}: cannot find its source {gold.get('source')!r}; name it with --corpus")
            if src not in sources:
                sources.append(src)
    wanted = {gold["doc_id"] for _, gold in golds}
    docs: dict[str, Document] = {}
    for item in read_inputs(sources):
        if isinstance(item, Document) and item.doc_id in wanted:
            docs.setdefault(item.doc_id, item)
    missing = sorted(wanted - set(docs))
    if missing:
        raise UsageError(f"documents not found in the corpus: {', '.join(missing)}")
    ordered = [docs[gold["doc_id"]] for _, gold in golds]
    extractions = extract_documents(ordered, nlp)
    gaz = load_gazetteer()
    results = []
    for (path, gold), ex in zip(golds, extractions):
        if not isinstance(ex, Extraction):  # extraction failed: the document scores as if nothing was found
            ex = Extraction(docs[gold["doc_id"]])
        graph = build_graph(resolve([ex]), gaz)
        results.append(score_document(gold, graph, iri(doc_key(ex.document))))
    return results


# -- re3d: entity-level scoring on Dstl's defence-domain gold ---------------------------------------------------------
RE3D_TYPES = ("Person", "Organisation", "Location", "Nationality")
OURS_TO_RE3D = {"PERSON": "Person", "TITLE": "Person", "RANK": "Person", "ORG": "Organisation", "GPE": "Location",
                "LOC": "Location", "FAC": "Location", "NATION": "Location", "NORP": "Nationality"}
MODEL_TO_RE3D = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location", "FAC": "Location",
                 "NORP": "Nationality"}


def is_re3d(folder: str | Path) -> bool:
    """A re3d release: folders (or one folder) holding documents.json and entities.json."""
    root = Path(folder)
    return (root / "entities.json").is_file() or any(p.is_file() for p in root.glob("*/entities.json"))


def _mongo_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_re3d(folder: str | Path, min_confidence: float = 0.5) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, gold spans) per document; spans (begin, end, type) of the four entity types at >= min_confidence."""
    root = Path(folder)
    parts = [root] if (root / "entities.json").is_file() else sorted(p.parent for p in root.glob("*/entities.json"))
    out = []
    for part in parts:
        docs = {d["_id"]: d["text"] for d in _mongo_lines(part / "documents.json")}
        spans: dict[str, list[tuple[int, int, str]]] = {k: [] for k in docs}
        for e in _mongo_lines(part / "entities.json"):
            if e["type"] in RE3D_TYPES and float(e.get("confidence", 1)) >= min_confidence and e["documentId"] in spans:
                spans[e["documentId"]].append((int(e["begin"]), int(e["end"]), e["type"]))
        out += [(docs[k], sorted(set(spans[k]))) for k in sorted(docs)]
    return out


def _overlap_score(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]], scores: dict[str, Score]) -> None:
    """One-to-one matching of same-type spans that overlap."""
    for t in RE3D_TYPES:
        g = [x for x in gold if x[2] == t]
        p = [x for x in pred if x[2] == t]
        matched = 0
        taken: set[int] = set()
        for gb, ge, _ in g:
            hit = next((i for i, (pb, pe, _) in enumerate(p) if i not in taken and pb < ge and gb < pe), None)
            if hit is not None:
                taken.add(hit)
                matched += 1
        scores[t].tp += matched
        scores[t].fp += len(p) - matched
        scores[t].fn += len(g) - matched


def evaluate_re3d(folder: str | Path, nlp, baseline_nlp) -> dict[str, tuple[Score, Score]]:
    """Per re3d type: (ddkg's score, the plain spaCy model's score), spans matched by overlap."""
    data = load_re3d(folder)
    ours = {t: Score() for t in RE3D_TYPES}
    plain = {t: Score() for t in RE3D_TYPES}
    texts = [text for text, _ in data]
    for (text, gold), doc, base in zip(data, nlp.pipe(texts), baseline_nlp.pipe(texts)):
        _overlap_score(gold, [(e.start_char, e.end_char, OURS_TO_RE3D[e.label_]) for e in doc.ents if e.label_ in OURS_TO_RE3D], ours)
        _overlap_score(gold, [(e.start_char, e.end_char, MODEL_TO_RE3D[e.label_]) for e in base.ents if e.label_ in MODEL_TO_RE3D], plain)
    return {t: (ours[t], plain[t]) for t in RE3D_TYPES}
