"""SHACL validation of a graph file against the ddkg shapes (pySHACL, no inference).

Exit-code contract for the CLI: 0 the graph conforms, 1 it does not, 2 the input is unusable
(:class:`~kg.errors.UnusableInputError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Literal, Node, URIRef

from kg.graph.store import read_graph
from kg.namespaces import PREFIXES
from kg.resources import shapes_file


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of validating one graph: ``results`` counts the sh:ValidationResult nodes."""

    conforms: bool
    report: str
    results: int

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1


def _short(node: Node) -> str:
    """A node for humans: a prefixed name where a known prefix applies, else <IRI>, "literal" or _:bnode."""
    if isinstance(node, URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if node.startswith(ns) and len(node) > len(ns):
                return f"{prefix}:{node[len(ns):]}"
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    return f"_:{node}"


def _path(report: rdflib.Graph, path: Node | None) -> str:
    """A SHACL property path in SPARQL-like syntax (^inverse, a/b sequence, a|b alternative)."""
    if path is None:
        return "-"
    if isinstance(path, URIRef):
        return _short(path)
    if (path, RDF.first, None) in report:
        return "/".join(_path(report, p) for p in Collection(report, path))
    for predicate, template in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        inner = report.value(path, predicate)
        if inner is not None:
            return template.format(_path(report, inner))
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(report, p) for p in Collection(report, alternatives)) + ")"
    return "[path]"


def _result_line(report: rdflib.Graph, result: Node) -> str:
    focus = report.value(result, SH.focusNode)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    if not messages:
        component = report.value(result, SH.sourceConstraintComponent)
        messages = [f"violates {_short(component)}" if component is not None else "violation"]
    line = f"{_short(focus) if focus is not None else '-'}  {_path(report, report.value(result, SH.resultPath))}  "
    line += "; ".join(messages)
    value = report.value(result, SH.value)
    if value is not None and value != focus:
        line += f" (value: {_short(value)})"
    severity = report.value(result, SH.resultSeverity)
    if severity is not None and severity != SH.Violation:
        line = f"[{str(severity).rsplit('#', 1)[-1]}] {line}"
    return line


def validate_graph(graph: rdflib.Graph, name: str = "graph") -> ValidationResult:
    """Validate an rdflib graph against the ddkg SHACL shapes (inference "none")."""
    from pyshacl import validate as shacl_validate

    shapes = rdflib.Graph().parse(shapes_file())
    conforms, report, _text = shacl_validate(graph, shacl_graph=shapes, ont_graph=None, inference="none")
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    lines = sorted(_result_line(report, r) for r in results)
    if conforms:
        header = f"{name}: conforms ({len(graph)} triples)"
    else:
        plural = "" if len(results) == 1 else "s"
        header = f"{name}: does not conform, {len(results)} result{plural} ({len(graph)} triples)"
    report_text = "\n".join([header] + [f"  {line}" for line in lines]) + "\n"
    return ValidationResult(bool(conforms), report_text, len(results))


def validate_file(path: str | Path) -> ValidationResult:
    """Validate the graph in ``path``; raises UnusableInputError when the file cannot be read as RDF."""
    return validate_graph(read_graph(path), name=str(path))
