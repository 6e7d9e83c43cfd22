"""Load a built graph into a running SPARQL store over the SPARQL 1.1 Graph Store HTTP Protocol (standard library only).

    push("out/graph.ttl", "http://localhost:7878/store")                     # PUT Turtle to ?default
    push("out/graph.ttl", "http://localhost:7878/store", graph_iri="urn:g")  # PUT Turtle to ?graph=urn:g
    push("out/graph.nq", "http://localhost:7878/store")                      # one named graph per document

`endpoint` is the store's Graph Store endpoint: Oxigraph `http://host:7878/store`, Fuseki `http://host:3030/DATASET/data`,
GraphDB `http://host:7200/repositories/REPO/rdf-graphs/service`. Credentials may be given in it (http://user:pass@host/...),
sent as HTTP Basic authentication and never shown in messages.

Triples (Turtle, N-Triples, RDF/XML files or an rdflib.Graph) go to one graph: `?default`, or `?graph=IRI`. Quads (N-Quads,
TriG files, e.g. `kg export --format nq`, one named graph per document) keep their graphs:
  * replace (PUT, the default): one PUT per graph in the data, so each of those graphs is replaced and every other
    graph on the server is left alone. (A PUT of a whole dataset to the bare endpoint, which Oxigraph and Fuseki
    support, would also empty every graph that is not in the data: not done.)
  * append (POST): one POST of the N-Quads to the bare endpoint (the dataset), which Oxigraph and Fuseki accept;
    a store that refuses it (405, 415, 501) gets one POST per graph instead.
With `graph_iri` set, quads are flattened into that one graph.
"""

from __future__ import annotations

import base64
import http.client
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import pyoxigraph as ox
import rdflib

from kg.errors import UsageError

USER_AGENT = "ddkg-push"
DATASET_REFUSED = {405, 415, 501}  # the store does not take a whole dataset at its bare endpoint: fall back per graph
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"
TURTLE = "text/turtle"


@dataclass
class PushResult:
    """What was sent: statements (triples, or quads of a dataset), graphs written, HTTP requests made, and the
    status of the last answer (200, 201 or 204)."""

    triples: int
    graphs: int
    status: int
    requests: int = 0
    method: str = "PUT"
    targets: list[str] = field(default_factory=list)  # "default", or graph IRIs, or "dataset"


# -- reading what to send --------------------------------------------------------------------------------------------
@dataclass
class _Payload:
    """Either triples (body + media type, for one graph) or quads grouped by graph."""

    triples: Optional[list[ox.Triple]] = None
    body: Optional[bytes] = None
    media_type: str = TURTLE
    quads: Optional[list[ox.Quad]] = None
    nquads: Optional[bytes] = None


def _read(source: Union[str, Path, rdflib.Graph]) -> _Payload:
    if isinstance(source, rdflib.Graph):
        from kg.export.rdf import turtle_bytes
        from kg.graph.store import oxigraph_triples

        if isinstance(source, rdflib.ConjunctiveGraph):  # (rdflib.Dataset is one too)
            raise UsageError("push an rdflib.Graph or a file; for named graphs write N-Quads (kg export --format nq)")
        return _Payload(triples=oxigraph_triples(source), body=turtle_bytes(source), media_type=TURTLE)
    path = Path(source)
    if not path.is_file():
        raise UsageError(f"{path}: no such graph file")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower()) if path.suffix else None
    if fmt is None:
        raise UsageError(f"{path}: unknown RDF file type '{path.suffix}' (use .ttl, .nt, .nq, .trig or .rdf)")
    data = path.read_bytes()
    try:
        quads = list(ox.parse(data, format=fmt))
    except (SyntaxError, ValueError) as err:
        raise UsageError(f"{path}: cannot parse the graph ({str(err).splitlines()[0] if str(err) else 'syntax error'})") from None
    if fmt.supports_datasets:
        return _Payload(quads=quads, nquads=data if fmt == ox.RdfFormat.N_QUADS else None)
    triples = [q.triple for q in quads]
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        return _Payload(triples=triples, body=data, media_type=fmt.media_type)
    return _Payload(triples=triples, body=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), media_type=N_TRIPLES)


# -- HTTP ------------------------------------------------------------------------------------------------------------
class _Endpoint:
    """The endpoint URL without credentials, and the Authorization header they make."""

    def __init__(self, url: str):
        parts = urllib.parse.urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"not an http(s) URL: {self._redact(url)!r} (e.g. http://localhost:7878/store)")
        self.auth: Optional[str] = None
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, netloc = netloc.rsplit("@", 1)
            user, _, password = userinfo.partition(":")
            token = f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(password)}".encode("utf-8")
            self.auth = "Basic " + base64.b64encode(token).decode("ascii")
        self.base = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))

    @staticmethod
    def _redact(url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        if parts.password:
            return url.replace(f":{parts.password}@", ":***@", 1)
        return url

    def url(self, target: Optional[str]) -> str:
        """`target` None: the bare endpoint (the dataset); "" the default graph; otherwise a graph IRI."""
        if target is None:
            return self.base
        query = "default" if target == "" else "graph=" + urllib.parse.quote(target, safe="")
        return self.base + ("&" if "?" in self.base else "?") + query


def _send(endpoint: _Endpoint, method: str, target: Optional[str], body: bytes, media_type: str, timeout: float) -> int:
    url = endpoint.url(target)
    headers = {"Content-Type": media_type, "User-Agent": USER_AGENT, "Accept": "*/*"}
    if endpoint.auth:
        headers["Authorization"] = endpoint.auth
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        raise _HttpStatus(err.code, f"{method} {url}: HTTP {err.code} {err.reason}{_detail(err)}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, ConnectionRefusedError):
            raise UsageError(f"cannot push to {url}: connection refused (is the SPARQL store running there?)") from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise UsageError(f"cannot push to {url}: no answer within {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise UsageError(f"cannot push to {url}: unknown host ({reason.strerror or reason})") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise UsageError(f"cannot push to {url}: {text}") from None
    except (TimeoutError, socket.timeout):
        raise UsageError(f"cannot push to {url}: no answer within {timeout:g} s") from None
    except (ConnectionError, OSError) as err:  # reset or closed while sending or reading the answer
        raise UsageError(f"cannot push to {url}: {err.strerror or err}") from None
    except http.client.HTTPException as err:  # not an HTTP answer at all
        raise UsageError(f"cannot push to {url}: not an HTTP answer ({type(err).__name__})") from None


class _HttpStatus(UsageError):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _detail(err: urllib.error.HTTPError) -> str:
    """The first line of the store's error body, if short, for the one-line message."""
    try:
        text = err.read(500).decode("utf-8", "replace").strip()
    except Exception:  # the body is a courtesy
        return ""
    first = text.splitlines()[0].strip() if text else ""
    if not first or first.lstrip().startswith("<"):
        return ""
    return f" ({first[:200]})"


def _hint(err: _HttpStatus, endpoint: _Endpoint) -> UsageError:
    message = str(err)
    if err.status == 404:
        message += " (is this the store's Graph Store endpoint? e.g. http://host:7878/store for Oxigraph)"
    elif err.status in (401, 403):
        message += " (credentials missing or refused: http://USER:PASS@host/...)"
    return UsageError(message)


# -- pushing ---------------------------------------------------------------------------------------------------------
def push(graph_path_or_graph: Union[str, Path, rdflib.Graph], endpoint: str, graph_iri: Optional[str] = None,
         replace: bool = True, timeout: float = 60, *, per_document: bool = False) -> PushResult:
    """Send a graph (file or rdflib.Graph) to a SPARQL store's Graph Store HTTP Protocol endpoint: PUT replaces, POST
    (`replace=False`) appends. Triples go to `?default` or `?graph=graph_iri`; quads (N-Quads, TriG) keep their named
    graphs unless `graph_iri` is given. `per_document` splits a ddkg graph of triples into one named graph per
    document first (as `kg export --format nq` does). Any failure (unreachable, HTTP 4xx/5xx) raises UsageError with
    one line."""
    if timeout <= 0:
        raise UsageError("the push timeout must be more than 0 seconds")
    if graph_iri is not None and not _is_iri(graph_iri):
        raise UsageError(f"not an absolute IRI for the graph: {graph_iri!r}")
    if graph_iri is not None and per_document:
        raise UsageError("give either a graph IRI or one graph per document, not both")
    target = _Endpoint(endpoint)
    payload = _read(graph_path_or_graph)
    if per_document and payload.triples is not None:
        payload = _per_document(graph_path_or_graph)
    method = "PUT" if replace else "POST"

    if payload.quads is not None and graph_iri is not None:  # flatten the dataset into one graph
        triples = sorted({q.triple for q in payload.quads}, key=str)
        payload = _Payload(triples=triples, body=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), media_type=N_TRIPLES)

    try:
        if payload.triples is not None:
            name = graph_iri or ""
            assert payload.body is not None
            status = _send(target, method, name, payload.body, payload.media_type, timeout)
            return PushResult(len(payload.triples), 1, status, 1, method, [graph_iri or "default"])
        return _push_dataset(target, payload.quads or [], payload.nquads, replace, timeout)
    except _HttpStatus as err:
        raise _hint(err, target) from None


def _per_document(source: Union[str, Path, rdflib.Graph]) -> _Payload:
    """A ddkg graph's triples as quads, one named graph per source document: what `kg export --format nq` writes."""
    from kg.export.rdf import oxigraph_quads

    if isinstance(source, rdflib.Graph):
        return _Payload(quads=oxigraph_quads(source))
    try:
        graph = rdflib.Graph().parse(str(source))
    except Exception as err:  # rdflib raises many parser-specific errors; ox parsed it already, so this is rare
        raise UsageError(f"{source}: cannot parse the graph ({str(err).splitlines()[0] if str(err) else type(err).__name__})") from None
    return _Payload(quads=oxigraph_quads(graph))


def _by_graph(quads: list[ox.Quad]) -> dict[str, list[ox.Triple]]:
    """Triples per graph: "" is the default graph, other keys are graph IRIs (blank-node graph names are refused)."""
    groups: dict[str, list[ox.Triple]] = {}
    for q in quads:
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph):
            key = ""
        elif isinstance(g, ox.NamedNode):
            key = g.value
        else:
            raise UsageError("a graph named by a blank node cannot be addressed over the Graph Store protocol")
        groups.setdefault(key, []).append(q.triple)
    return dict(sorted(groups.items()))


def _push_dataset(target: _Endpoint, quads: list[ox.Quad], nquads: Optional[bytes], replace: bool, timeout: float) -> PushResult:
    groups = _by_graph(quads)
    names = [name or "default" for name in groups]
    if not replace:
        body = nquads if nquads is not None else ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        try:
            status = _send(target, "POST", None, body, N_QUADS, timeout)
            return PushResult(len(quads), len(groups), status, 1, "POST", ["dataset"])
        except _HttpStatus as err:
            if err.status not in DATASET_REFUSED:
                raise
    method = "PUT" if replace else "POST"
    status, sent = 0, 0
    for name, triples in groups.items():
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        try:
            status = _send(target, method, name, body, N_TRIPLES, timeout)
        except UsageError as err:
            if not sent:
                raise
            message = str(_hint(err, target) if isinstance(err, _HttpStatus) else err)
            raise UsageError(f"{message} [after {sent} of {len(groups)} graphs were written]") from None
        sent += 1
    return PushResult(len(quads), len(groups), status, sent + (0 if replace else 1), method, names)


def _is_iri(text: str) -> bool:
    parts = urllib.parse.urlsplit(text)
    return bool(parts.scheme) and not any(c in text for c in ' <>"{}|\\^`') and text == text.strip()
