"""A read-only SPARQL 1.1 Protocol endpoint over an in-memory pyoxigraph store (standard library HTTP server).

Routes: ``GET|POST /sparql`` (the endpoint), ``GET /`` (a query page with the shipped competency queries),
``OPTIONS *`` (CORS preflight). Each query is evaluated in one of a few pre-forked worker processes that
inherit the store copy-on-write; pyoxigraph cannot cancel a running query, so a worker running past the time
limit is killed and replaced, and the server answers 503. The parent never queries or modifies its store.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple, TypeVar
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.graph.store import load_store, open_store  # noqa: F401  (open_store: part of this module's API)
from kg.namespaces import PREFIXES
from kg.query import list_queries

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 2
MAX_BODY = 1 << 20  # bytes of a POST body
STATIC_DIR = Path(__file__).parent / "static"

TEXT = "text/plain; charset=utf-8"
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "n3": ox.RdfFormat.N3,
    "xml": ox.RdfFormat.RDF_XML,
    "rdf+xml": ox.RdfFormat.RDF_XML,
    "json-ld": ox.RdfFormat.JSON_LD,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
}
ResultFormat = ox.QueryResultsFormat | ox.RdfFormat


class Reply(NamedTuple):
    """An HTTP answer: status code, Content-Type and body."""

    status: int
    content_type: str
    body: bytes


def _text_reply(status: int, message: str) -> Reply:
    return Reply(status, TEXT, (message.rstrip("\n") + "\n").encode("utf-8"))


# --- query evaluation (runs in a worker process) ------------------------------------------------------------

_IGNORED = re.compile(  # IRIs, long and short strings, comments
    r"<[^<>\"{}|^`\\\s]*>"
    r"|\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''"
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"
    r"|#[^\n]*"
)
_BARE_WORD = re.compile(r"(?<![\w?$:@-])[A-Za-z][\w-]*(?![\w:-])")


def _keywords(sparql: str) -> list[str]:
    """The bare words of a SPARQL text (upper-cased), skipping IRIs, strings, comments, variables, prefixed names."""
    return [w.upper() for w in _BARE_WORD.findall(_IGNORED.sub(" ", sparql))]


def is_update(sparql: str) -> bool:
    """True if the text reads as a SPARQL Update (its first keyword after the prologue is an update operation)."""
    words = [w for w in _keywords(sparql) if w not in {"BASE", "PREFIX"}]
    return bool(words) and words[0] in UPDATE_KEYWORDS


def _media_types(accept: str | None) -> list[str]:
    """The media ranges of an Accept header, best first (q=0 dropped)."""
    ranges: list[tuple[float, int, str]] = []
    for i, item in enumerate((accept or "").split(",")):
        parts = [p.strip() for p in item.split(";")]
        q = 1.0
        for param in parts[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if parts[0] and q > 0:
            ranges.append((-q, i, parts[0].lower()))
    return [media for _q, _i, media in sorted(ranges)]


T = TypeVar("T", ox.QueryResultsFormat, ox.RdfFormat)


def _pick(names: dict[str, T], from_media: Callable[[str], T | None], default: T, accept: str | None,
          formats: tuple[str, ...]) -> T:
    for value in formats:
        value = value.strip().lower()
        found = names.get(value) or (from_media(value) if "/" in value else None)
        if found is not None:
            return found
    for media in _media_types(accept):
        if media.endswith("/*"):
            return default
        found = from_media(media)
        if found is not None:
            return found
    return default


def _rdf_format(accept: str | None, formats: tuple[str, ...]) -> ox.RdfFormat:
    return _pick(RDF_FORMATS, ox.RdfFormat.from_media_type, ox.RdfFormat.TURTLE, accept, formats)


def _results_format(accept: str | None, formats: tuple[str, ...]) -> ox.QueryResultsFormat:
    return _pick(RESULTS_FORMATS, ox.QueryResultsFormat.from_media_type, ox.QueryResultsFormat.JSON, accept, formats)


def negotiate(graph_result: bool, accept: str | None = None, formats: tuple[str, ...] = ()) -> ResultFormat:
    """The serialisation for a result: a ``format`` parameter value first, then the Accept header, else the
    default (SPARQL JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE). Unknown values are ignored."""
    return _rdf_format(accept, formats) if graph_result else _results_format(accept, formats)


def _content_type(fmt: ResultFormat) -> str:
    media = fmt.media_type
    return f"{media}; charset=utf-8" if media.startswith("text/") and "charset" not in media else media


def evaluate(store: ox.Store, sparql: str, accept: str | None = None, formats: tuple[str, ...] = ()) -> Reply:
    """Run one read-only query on ``store`` and serialise its result (the ddkg prefixes are predeclared)."""
    if "SERVICE" in _keywords(sparql):
        return _text_reply(403, "SERVICE (federated query) is disabled on this endpoint")
    try:
        result = store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        if is_update(sparql):
            return _text_reply(403, "SPARQL Update is not allowed: this endpoint is read-only")
        return _text_reply(400, f"malformed query: {exc}")
    except (OSError, ValueError) as exc:
        return _text_reply(500, f"query failed: {exc}")
    fmt: ResultFormat
    try:
        if isinstance(result, ox.QueryTriples):
            fmt = _rdf_format(accept, formats)
            body = result.serialize(format=fmt)
        else:
            fmt = _results_format(accept, formats)
            body = result.serialize(format=fmt)
    except (OSError, ValueError, SyntaxError) as exc:
        return _text_reply(500, f"query evaluation failed: {exc}")
    return Reply(200, _content_type(fmt), body or b"")


# --- worker processes ----------------------------------------------------------------------------------------


def _close_fds_except(keep: int) -> None:
    """Close every inherited descriptor but stdio and ``keep`` (sockets and other workers' pipes)."""
    try:
        fds = [int(fd) for fd in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 1024))
    for fd in fds:
        if fd > 2 and fd != keep:
            try:
                os.close(fd)
            except OSError:
                pass


def _worker_main(store: ox.Store, conn: Connection) -> None:
    """A forked worker: answer (query, accept, formats) requests until the pipe closes. Never returns."""
    code = 0
    try:
        _close_fds_except(conn.fileno())
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops the workers
        while True:
            try:
                sparql, accept, formats = conn.recv()
            except EOFError:
                break
            try:
                reply = evaluate(store, sparql, accept, formats)
            except Exception as exc:  # noqa: BLE001 - a worker must answer, not die
                reply = _text_reply(500, f"query failed: {type(exc).__name__}: {exc}")
            conn.send(reply)
    except BaseException:  # noqa: BLE001
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no stdio flush: the parent's locks may be held in this copy


@dataclass
class _Worker:
    pid: int
    conn: Connection


class WorkerPool:
    """A few pre-forked query workers; one that overruns the time limit is killed and replaced."""

    def __init__(self, store: ox.Store, size: int = DEFAULT_WORKERS):
        self._store = store
        self._lock = threading.Lock()
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()  # reuse the warmest worker first
        self._workers: dict[int, _Worker] = {}
        self._closed = False
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise RuntimeError("worker pool is closed")
            parent_conn, child_conn = Pipe(duplex=True)
            with warnings.catch_warnings():  # Python >= 3.12 warns about fork() in a threaded process
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:
                _worker_main(self._store, child_conn)
            child_conn.close()
            worker = _Worker(pid, parent_conn)
            self._workers[pid] = worker
            return worker

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            if self._workers.pop(worker.pid, None) is None:
                return  # already discarded (its pid may have been reused since)
        try:
            os.kill(worker.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(worker.pid, 0)
        except ChildProcessError:
            pass
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        self._discard(worker)
        try:
            self._idle.put(self._spawn())
        except RuntimeError:
            pass  # closed meanwhile

    def run(self, sparql: str, accept: str | None, formats: tuple[str, ...], timeout: float) -> Reply:
        """Evaluate a query in a worker, waiting at most ``timeout`` seconds for a free worker and as long for it."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return _text_reply(503, f"server busy: no query worker became free within {timeout:g} s")
        try:
            worker.conn.send((sparql, accept, formats))
            if worker.conn.poll(timeout):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return _text_reply(500, "the query worker stopped unexpectedly")
        self._replace(worker)
        return _text_reply(503, f"query cut off: it ran longer than the {timeout:g} s time limit")

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(self._workers)

    def close(self) -> None:
        """Stop every worker (idle or busy); later calls to run() fail with 500 or 503."""
        with self._lock:
            self._closed = True
            workers = list(self._workers.values())
        for worker in workers:
            self._discard(worker)


# --- HTTP ------------------------------------------------------------------------------------------------------


def query_catalogue() -> list[dict[str, str]]:
    """The shipped queries for the query page: name, question (from the '# Question:' line) and text."""
    out = []
    for name, path in list_queries().items():
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^#\s*Question:\s*(.+)$", text, re.MULTILINE)
        out.append({"name": name, "question": match.group(1).strip() if match else name, "query": text})
    return out


def index_page() -> bytes:
    """The query page (kg/static/index.html) with the shipped queries and prefixes embedded."""
    template = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    data = json.dumps({"queries": query_catalogue(), "prefixes": PREFIXES}, ensure_ascii=False)
    return template.replace("/*DDKG_DATA*/null", data.replace("</", "<\\/")).encode("utf-8")


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the worker pool, the per-query time limit and the rendered query page."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], pool: WorkerPool, query_timeout: float, quiet: bool):
        self.pool = pool
        self.query_timeout = query_timeout
        self.quiet = quiet
        self.page = index_page()
        super().__init__(address, SparqlHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        host = str(self.server_address[0])
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "ddkg-sparql/0.1"
    timeout = 60  # seconds an idle keep-alive connection may hold its thread

    # -- plumbing

    def log_message(self, format: str, *args: object) -> None:  # 'format' is the base class's parameter name
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} [{self.log_date_time_string()}] {format % args}\n")

    def log_request(self, code: object = "-", size: object = "-") -> None:
        pass  # _send logs one line per request with its timing

    def _send(self, reply: Reply, extra: dict[str, str] | None = None) -> None:
        self.send_response(reply.status)
        if reply.status != 204:
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)
        elapsed = (time.perf_counter() - self._started) * 1000
        path = urlsplit(self.path).path
        self.log_message('"%s %s" %d %d B %.1f ms', self.command, path, reply.status, len(reply.body), elapsed)

    def _body(self) -> bytes | None:
        """The request body, or None after answering 411/413."""
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            self._send(_text_reply(411, "a POST needs a Content-Length"))
            return None
        if int(length) > MAX_BODY:
            self.close_connection = True
            self._send(_text_reply(413, f"request body larger than {MAX_BODY} bytes"))
            return None
        return self.rfile.read(int(length))

    def _query(self, sparql: str | None, params: dict[str, list[str]]) -> None:
        if sparql is None or not sparql.strip():
            self._send(_text_reply(400, "missing query: pass query=... (GET or form POST) or a SPARQL body"))
            return
        formats = tuple(params.get("format", []))
        self._send(self.server.pool.run(sparql, self.headers.get("Accept"), formats, self.server.query_timeout))

    def _refuse_update(self) -> None:
        self._send(_text_reply(403, "SPARQL Update is not allowed: this endpoint is read-only"))

    # -- methods

    def do_GET(self) -> None:
        self._started = time.perf_counter()
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            self._send(Reply(200, "text/html; charset=utf-8", self.server.page))
        elif url.path == "/sparql":
            if "update" in params:
                self._refuse_update()
            else:
                self._query(params.get("query", [None])[0], params)
        else:
            self._send(_text_reply(404, f"not found: {url.path} (the endpoint is /sparql)"))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        self._started = time.perf_counter()
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(_text_reply(404, f"not found: {url.path} (the endpoint is /sparql)"))
            return
        params = parse_qs(url.query)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        if body is None:
            return
        if media == "application/sparql-update":
            self._refuse_update()
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"))
            if "update" in form:
                self._refuse_update()
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            self._query(form.get("query", [None])[0], params)
        elif media == "application/sparql-query":
            self._query(body.decode("utf-8", "replace"), params)
        else:
            self._send(
                _text_reply(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query"),
            )

    def do_OPTIONS(self) -> None:
        self._started = time.perf_counter()
        self._send(
            Reply(204, TEXT, b""),
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "86400",
                "Allow": "GET, HEAD, POST, OPTIONS",
            },
        )

    def _not_allowed(self) -> None:
        self._started = time.perf_counter()
        self._send(_text_reply(405, "read-only endpoint: use GET or POST"), {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed


# --- entry points ------------------------------------------------------------------------------------------------


def make_server(
    store: ox.Store,
    host: str = DEFAULT_HOST,
    port: int = 0,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    quiet: bool = False,
) -> SparqlServer:
    """Bind a SPARQL server (port 0 picks a free port; see ``.port`` and ``.url``) and fork its workers.

    Call ``.serve_forever()`` (e.g. in a thread), then ``.shutdown()`` and ``.server_close()`` to stop it and
    its workers. ``timeout`` is the limit in seconds for each query; ``quiet`` turns the request log off.
    """
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    pool = WorkerPool(store, workers)
    try:
        return SparqlServer((host, port), pool, timeout, quiet)
    except BaseException:
        pool.close()
        raise


def serve_forever(
    store: ox.Store,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    quiet: bool = False,
    on_ready: Callable[[SparqlServer], None] | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C / SIGTERM), then stop the workers. ``on_ready(server)`` is called once
    the socket is bound (e.g. to print ``server.url``)."""
    server = make_server(store, host, port, timeout, workers, quiet)

    def _stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop) if threading.current_thread() is threading.main_thread() else None
    try:
        if on_ready is not None:
            on_ready(server)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
