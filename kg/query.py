"""SPARQL over a built graph: the shipped competency queries, running them, formatting the results."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional, Union

import pyoxigraph as ox

from kg.errors import UsageError

QUERY_DIR = Path(__file__).parent / "queries"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]
Format = Literal["table", "csv", "json"]


class UnknownQueryError(UsageError, KeyError):
    """A query name that is not among the shipped queries."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


@dataclass
class QueryResult:
    """A query's result: variable names and rows of plain strings (None = unbound).

    ``terms`` keeps the pyoxigraph terms behind ``rows`` (for typed JSON output);
    ``boolean`` is set for ASK queries, whose single row is ("true",) or ("false",).
    """

    variables: list[str]
    rows: list[tuple[Optional[str], ...]]
    terms: list[tuple[Optional[Term], ...]] = field(default_factory=list, repr=False, compare=False)
    boolean: Optional[bool] = None


def list_queries() -> dict[str, Path]:
    """The shipped queries by name (the file stem), sorted."""
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def load_query(name: str) -> str:
    """The text of the shipped query ``name`` (with or without ``.rq``)."""
    queries = list_queries()
    stem = name[:-3] if name.endswith(".rq") else name
    if stem not in queries:
        raise UnknownQueryError(f"unknown query {name!r}; available: {', '.join(queries) or '(none)'}")
    return queries[stem].read_text(encoding="utf-8")


def _text(term: Optional[Term]) -> Optional[str]:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def run_query(store: ox.Store, sparql: str) -> QueryResult:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on ``store``."""
    from kg.namespaces import PREFIXES

    try:
        result = store.query(sparql, prefixes=PREFIXES)  # dd:, ddr:, rdfs:, skos: ... work without PREFIX lines
    except SyntaxError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise UsageError(f"invalid SPARQL: {first_line}") from None
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return QueryResult(["boolean"], [(str(value).lower(),)], [], value)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        terms = [tuple(solution[i] for i in range(len(variables))) for solution in result]
    else:  # QueryTriples
        variables = ["subject", "predicate", "object"]
        terms = [(t.subject, t.predicate, t.object) for t in result]
    rows = [tuple(_text(t) for t in row) for row in terms]
    return QueryResult(variables, rows, terms)


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _to_json(result: QueryResult) -> str:
    if result.boolean is not None:
        doc: dict[str, Any] = {"head": {}, "boolean": result.boolean}
    else:
        bindings = []
        for row, terms in zip(result.rows, result.terms or [None] * len(result.rows)):
            binding = {}
            for i, var in enumerate(result.variables):
                if row[i] is None:
                    continue
                term = terms[i] if terms else None
                binding[var] = _json_term(term) if term is not None else {"type": "literal", "value": row[i]}
            bindings.append(binding)
        doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _to_csv(result: QueryResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(["" if v is None else v for v in row] for row in result.rows)
    return buf.getvalue()


def _to_table(result: QueryResult) -> str:
    cells = [["" if v is None else v.replace("\n", " ") for v in row] for row in result.rows]
    widths = [max([len(var)] + [len(row[i]) for row in cells]) for i, var in enumerate(result.variables)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    lines = [line(result.variables), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: Format = "table") -> str:
    """Render ``result`` as an aligned text table, CSV, or SPARQL 1.1 Query Results JSON."""
    if fmt == "table":
        return _to_table(result)
    if fmt == "csv":
        return _to_csv(result)
    if fmt == "json":
        return _to_json(result)
    raise UsageError(f"unknown format {fmt!r}; choose table, csv or json")
