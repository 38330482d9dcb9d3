"""A remote store: any SPARQL 1.1 Query + Update endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph server, ...).

The layout is the embedded store's: one named graph per article, the merged graph, the ontology graph.
Queries are POSTed as ``query=`` (with ``default-graph-uri=<merged graph>`` when they run over the merged
graph); every write is ONE ``update=`` request, so an article is written whole or not at all.

Only the standard library speaks HTTP here (urllib). Connection errors, timeouts and 5xx answers are retried
with exponential backoff; 4xx answers are not. Every failure is a :class:`kg.errors.StoreError` (a rejected
query: :class:`kg.errors.QueryError`) naming the endpoint: an error is never an empty result.

Credentials come from the environment: ``KG_STORE_USER``, ``KG_STORE_PASSWORD`` and ``KG_STORE_AUTH``
(``basic``, the default, or ``digest``). ``KG_STORE_UPDATE_URL``, ``KG_STORE_TIMEOUT`` and ``KG_STORE_RETRIES``
give defaults for the constructor's options.

Differences from the standard that matter to kg, handled here:
- Virtuoso's default graph (when no ``default-graph-uri`` is sent) is the union of ALL graphs, so a
  ``FILTER NOT EXISTS { ?s ?p ?o }`` on the default graph is always false there. Remote writes therefore
  count only named graphs as supporting a merged triple (see :func:`replace_article_update_remote`).
- Virtuoso keeps system graphs (``http://www.openlinksw.com/schemas/virtrdf#`` ...); they are excluded from
  the resync of the merged graph, from counts and from dumps (``system_graphs``).
- Virtuoso refuses blank nodes in ``INSERT DATA``; triples with blank nodes are sent as ``INSERT {...} WHERE {}``.
- Virtuoso answers a CONSTRUCT in SPARQL JSON results if JSON is acceptable: the Accept header follows the query form.
- Virtuoso names blank nodes ``nodeID://b10000`` in results, which is not a valid blank node label: renamed.
- Virtuoso stores ``"12"^^xsd:decimal`` as an integer: integral decimals are sent as ``"12.0"`` (see term_text).
- Virtuoso's compiler is slow on big INSERT DATA: updates sent to Virtuoso (known from its Server header)
  start with the ``sql:big-data-const`` pragma, and requests are kept to a few thousand triples.
- Virtuoso caps the rows of an answer (``[SPARQL] ResultSetMaxRows``, 10,000 by default) without saying so,
  and refuses ORDER BY ... OFFSET past 10,000 rows: dumps are read in one answer and checked against a COUNT,
  so a capped answer is an error, never a short dump.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.iris import KG_NS, MERGED_GRAPH
from kg.store.base import ONTOLOGY_GRAPH, ArticleGraph, Store, load_graph_for

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
# graphs some servers keep for themselves; never part of the kg graph
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localhost:8890/sparql",
    "http://localhost:8890/DAV/",
)
_RESERVED = (MERGED_GRAPH, ONTOLOGY_GRAPH)
CHUNK_LINES = 1000  # triples per INSERT DATA request when loading files
REQUEST_LINES = 2000  # article triples (graph + merged copy) per write request; an article is never split
# Virtuoso compiles the constants of INSERT DATA into SQL text unless told otherwise: 1,200 triples take
# 3 s, 1,600 are refused ("generated SQL text has exceeded 10000 lines"). With this pragma: 0.07 s.
VIRTUOSO_PRAGMA = "define sql:big-data-const 1 "

_MERGED = ox.NamedNode(MERGED_GRAPH)
_ONTOLOGY = ox.NamedNode(ONTOLOGY_GRAPH)

def query_form(sparql: str) -> str:
    """'SELECT', 'CONSTRUCT', 'DESCRIBE' or 'ASK' (the first query keyword at top level); anything else is an error.

    >>> query_form('PREFIX s: <https://schema.org/> # a SELECT in a comment\\nCONSTRUCT WHERE { ?a s:name "ASK" }')
    'CONSTRUCT'
    """
    from kg.sparql import query_form as form_of

    form = form_of(sparql)
    if form not in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
        raise QueryError("not a SPARQL query (no SELECT, CONSTRUCT, DESCRIBE or ASK): check the query text")
    return form


def _graph_iri(quad: ox.Quad) -> str:
    """The named graph a quad is written to (loading puts default-graph triples in a named graph first)."""
    if isinstance(quad.graph_name, ox.DefaultGraph):
        raise StoreError("internal error: a default-graph quad reached a remote write")
    return quad.graph_name.value


def _graphs_in(values: Iterable[str]) -> str:
    return ", ".join(f"<{g}>" for g in values)


_XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_INTEGRAL = re.compile(r"[+-]?[0-9]+")


def term_text(term: Any) -> str:
    """N-Triples form of a term, with integral ``xsd:decimal`` values written ``N.0``.

    (Virtuoso turns ``"12"^^xsd:decimal`` into ``"12"^^xsd:integer`` but keeps ``"12.0"^^xsd:decimal``,
    which it then answers as ``"12"^^xsd:decimal``: the value kg wrote comes back unchanged.)

    >>> term_text(ox.Literal("12", datatype=ox.NamedNode(_XSD_DECIMAL)))
    '"12.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    if isinstance(term, ox.Literal) and term.datatype.value == _XSD_DECIMAL and _INTEGRAL.fullmatch(term.value):
        return f'"{term.value}.0"^^<{_XSD_DECIMAL}>'
    return str(term)


def _line(q: Any) -> str:
    return f"{term_text(q.subject)} {q.predicate} {term_text(q.object)} ."


def replace_article_update_remote(graph: ArticleGraph | None, iri: str,
                                  system_graphs: Sequence[str] = SYSTEM_GRAPHS) -> str:
    """Like :func:`kg.store.base.replace_article_update`, with only named graphs counting as support.

    (On Virtuoso the default graph is the union of all graphs: the base builder's ``FILTER NOT EXISTS
    { ?s ?p ?o }`` would keep every triple of a removed article in the merged graph.)
    """
    excluded = _graphs_in((iri, *_RESERVED, *system_graphs))
    parts = [
        f"DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other NOT IN ({excluded})) }} }}",
        f"DROP SILENT GRAPH <{iri}>",
    ]
    if graph is not None and graph.triples:
        body = "\n".join(_line(t) for t in graph.triples)
        parts.append(f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} GRAPH <{MERGED_GRAPH}> {{\n{body}\n}} }}")
    return " ;\n".join(parts)


def resync_merged_update_remote(system_graphs: Sequence[str] = SYSTEM_GRAPHS) -> str:
    """Rebuild the merged graph from the named graphs (not the reserved or system ones)."""
    excluded = _graphs_in((*_RESERVED, *system_graphs))
    return (
        f"DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({excluded})) }} }} ;\n"
        f"INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER(?g NOT IN ({excluded})) }}"
    )


def _fix_bnodes(data: bytes) -> bytes:
    """Rename blank nodes that are not valid labels (Virtuoso's ``nodeID://b10000``) in SPARQL JSON results."""
    if b'"bnode"' not in data:
        return data
    doc = json.loads(data)
    for row in doc.get("results", {}).get("bindings", []):
        for value in row.values():
            if value.get("type") == "bnode":
                value["value"] = re.sub(r"[^A-Za-z0-9_]", "_", value["value"].removeprefix("nodeID://")) or "b"
    return json.dumps(doc).encode()


def _fix_nt_bnodes(data: bytes) -> bytes:
    return re.sub(rb"<nodeID://([A-Za-z0-9_]+)>", rb"_:\1", data)


def _as_query_triples(triples: Iterable[ox.Triple]) -> Any:
    """A real :class:`pyoxigraph.QueryTriples` holding ``triples`` (what the embedded store returns)."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")


def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return url


def _server_message(body: bytes) -> str:
    """The first meaningful line of a server's error answer."""
    text = body.decode("utf-8", "replace")
    text = re.sub(r"<[^>]+>", " ", text) if "<html" in text.lower() else text
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:300]
    return "no details"


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint used as a kg store.

    >>> RemoteStore("http://127.0.0.1:1/sparql", timeout=0.5, retries=0).count()
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: the SPARQL endpoint http://127.0.0.1:1/sparql failed the query (unreachable: connection refused) ...
    """

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None, timeout: float | None = None,
                 retries: int | None = None, backoff: float = 0.5,
                 system_graphs: Sequence[str] = SYSTEM_GRAPHS) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or os.environ.get("KG_STORE_UPDATE_URL") or endpoint
        self.location = _redact(endpoint)
        self.timeout = float(timeout if timeout is not None else os.environ.get("KG_STORE_TIMEOUT") or 30.0)
        self.retries = int(retries if retries is not None else os.environ.get("KG_STORE_RETRIES") or 3)
        self.backoff = backoff
        self.system_graphs = tuple(system_graphs)
        self._headers: dict[str, str] = {"User-Agent": "kg (SPARQL 1.1 Protocol client)"}
        self._server: str | None = None  # the Server header of the endpoint's first answer
        self._opener = self._build_opener()

    # -- HTTP ------------------------------------------------------------------------------------
    def _build_opener(self) -> urllib.request.OpenerDirector:
        user = os.environ.get("KG_STORE_USER")
        password = os.environ.get("KG_STORE_PASSWORD", "")
        scheme = (os.environ.get("KG_STORE_AUTH") or "basic").strip().lower()
        if scheme not in ("basic", "digest"):
            raise StoreError(f"KG_STORE_AUTH={scheme!r} is not supported: use 'basic' or 'digest'")
        handlers: list[urllib.request.BaseHandler] = []
        if user:
            if scheme == "basic":
                token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
                self._headers["Authorization"] = f"Basic {token}"
            else:
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                for url in {self.endpoint, self.update_endpoint}:
                    manager.add_password(None, url, user, password)
                handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
        return urllib.request.build_opener(*handlers)

    def _post(self, url: str, fields: list[tuple[str, str]], accept: str, what: str) -> tuple[bytes, str]:
        """POST a form; returns (body, content type). Retries 5xx, timeouts and connection errors."""
        data = urllib.parse.urlencode(fields).encode("utf-8")
        headers = {**self._headers, "Accept": accept,
                   "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
        shown = _redact(url)
        reason = "no answer"
        attempts = self.retries + 1
        for attempt in range(attempts):
            request = urllib.request.Request(url, data=data, headers=headers, method="POST")
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    if self._server is None:
                        self._server = response.headers.get("Server", "")
                    return response.read(), response.headers.get_content_type()
            except urllib.error.HTTPError as err:
                try:
                    detail = _server_message(err.read())
                except (OSError, http.client.HTTPException):
                    detail = "no details"
                if err.code in (401, 403):
                    raise StoreError(
                        f"the SPARQL endpoint {shown} refused the {what} (HTTP {err.code}: {detail}): "
                        "set KG_STORE_USER / KG_STORE_PASSWORD (and KG_STORE_AUTH=digest if the server asks for it)"
                    ) from None
                if err.code in (400, 422) and what in ("query", "update"):
                    raise QueryError(f"the SPARQL endpoint {shown} rejected the {what} (HTTP {err.code}): {detail}") \
                        from None
                if 400 <= err.code < 500:
                    raise StoreError(
                        f"the SPARQL endpoint {shown} answered HTTP {err.code} to the {what} ({detail}): "
                        "check the --store URL (and the update URL for writes)"
                    ) from None
                reason = f"answered HTTP {err.code}: {detail}"
            except (TimeoutError, http.client.HTTPException, OSError) as err:
                reason = "unreachable: " + _describe(err, self.timeout)
            if attempt + 1 < attempts:
                time.sleep(self.backoff * (2 ** attempt))
        raise StoreError(
            f"the SPARQL endpoint {shown} failed the {what} ({reason}) after {attempts} attempt(s): "
            "check that the server is running and the URL is right, or raise KG_STORE_TIMEOUT"
        )

    # -- reading ---------------------------------------------------------------------------------
    def query(self, sparql: str, *, substitutions: dict[str, Any] | None = None, merged: bool = True) -> Any:
        form = query_form(sparql)
        if substitutions:
            from kg.sparql import bind_values

            sparql = bind_values(sparql, substitutions)
        fields = [("query", sparql)]
        if merged:
            fields.append(("default-graph-uri", MERGED_GRAPH))
        if form in ("CONSTRUCT", "DESCRIBE"):
            body, ctype = self._post(self.endpoint, fields, f"{N_TRIPLES}, text/turtle;q=0.8", "query")
            fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
            if ctype == "text/plain":
                fmt = ox.RdfFormat.N_TRIPLES
            if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
                body = _fix_nt_bnodes(body)
            try:
                return _as_query_triples(q.triple for q in ox.parse(body, format=fmt))
            except (SyntaxError, ValueError) as err:
                raise StoreError(f"the SPARQL endpoint {self.location} sent an unreadable {ctype} answer: {err}") \
                    from err
        body, ctype = self._post(self.endpoint, fields, f"{RESULTS_JSON}, application/json;q=0.9", "query")
        try:
            return ox.parse_query_results(_fix_bnodes(body), format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as err:
            raise StoreError(
                f"the SPARQL endpoint {self.location} sent an unreadable answer ({ctype}, not SPARQL JSON results: "
                f"{err}): check that --store points at a SPARQL endpoint"
            ) from err

    def count(self, graph: str | None = MERGED_GRAPH) -> int:
        if graph:
            return super().count(graph)
        system = _graphs_in(self.system_graphs)
        sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({system})) }}"
        for row in self.query(sparql, merged=False):
            return int(row["n"].value)
        return 0

    def _all_rows(self, pattern: str, variables: str) -> list[Any]:
        """Every solution of ``SELECT variables WHERE { pattern }``, checked against a COUNT of the same pattern.

        Endpoints may cap the rows of an answer silently (Virtuoso: ``ResultSetMaxRows``): a short answer is
        an error, never a partial result.
        """
        rows = list(self.query(f"SELECT {variables} WHERE {{ {pattern} }}", merged=False))
        expected = 0
        for row in self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", merged=False):
            expected = int(row["n"].value)
        if len(rows) != expected:
            raise StoreError(
                f"the SPARQL endpoint {self.location} answered {len(rows)} of {expected} rows: raise its limit on "
                "result rows (Virtuoso: [SPARQL] ResultSetMaxRows in virtuoso.ini) and retry"
            )
        return rows

    @property
    def is_virtuoso(self) -> bool:
        if self._server is None:
            self.query("ASK { }", merged=False)
        return "virtuoso" in (self._server or "").lower()

    # -- writing ---------------------------------------------------------------------------------
    def _update(self, sparql: str, *, pragma: bool = True) -> None:
        if pragma and self.is_virtuoso:  # (the pragma breaks Virtuoso's INSERT templates with blank nodes)
            sparql = VIRTUOSO_PRAGMA + sparql
        self._post(self.update_endpoint, [("update", sparql)], f"{RESULTS_JSON}, */*;q=0.5", "update")

    def write_articles(self, graphs: Sequence[ArticleGraph]) -> None:
        """Each article in one request with its merged-graph upkeep (several small articles per request)."""
        batch: list[str] = []
        lines = 0
        for g in graphs:
            size = 2 * len(g.triples) + 10
            if batch and lines + size > REQUEST_LINES:
                self._update(" ;\n".join(batch))
                batch, lines = [], 0
            batch.append(replace_article_update_remote(g, g.iri, self.system_graphs))
            lines += size
        if batch:
            self._update(" ;\n".join(batch))

    def remove_articles(self, iris: Iterable[str]) -> None:
        ops = [replace_article_update_remote(None, iri, self.system_graphs) for iri in iris]
        if ops:
            self._update(" ;\n".join(ops))

    def update(self, sparql: str) -> None:
        self._update(sparql + " ;\n" + resync_merged_update_remote(self.system_graphs))

    def _insert(self, quads: Sequence[ox.Quad]) -> None:
        """One INSERT DATA request writing ``quads`` (no blank nodes; graph names already resolved)."""
        by_graph: dict[str, list[str]] = defaultdict(list)
        for q in quads:
            by_graph[_graph_iri(q)].append(_line(q))
        body = " ".join(f"GRAPH <{g}> {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
        self._update(f"INSERT DATA {{ {body} }}")

    def _insert_blank(self, quads: Sequence[ox.Quad]) -> None:
        """Triples with blank nodes, in one request so a blank node stays one node.

        Virtuoso refuses blank nodes in INSERT DATA, and fails on a template naming one blank node in two
        GRAPH blocks: each graph gets an ``INSERT {...} WHERE {}``, then its blank-node triples are copied
        into the merged graph on the server.
        """
        by_graph: dict[str, list[str]] = defaultdict(list)
        for q in quads:
            by_graph[_graph_iri(q)].append(_line(q))
        ops = []
        for g, lines in by_graph.items():
            body = "\n".join(lines)
            ops.append(f"INSERT {{ GRAPH <{g}> {{\n{body}\n}} }} WHERE {{}}")
            if g not in _RESERVED:
                ops.append(f"INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
                           "FILTER(isBlank(?s) || isBlank(?o)) }")
        self._update(" ;\n".join(ops), pragma=False)

    def load(self, path: Path | IO[bytes], fmt: Any, *, graph: str | None = None) -> int:
        target = ox.NamedNode(load_graph_for(path, graph))
        plain: list[ox.Quad] = []
        with_bnodes: list[ox.Quad] = []
        count = 0
        try:
            parsed = ox.parse(path=str(path), format=fmt) if isinstance(path, Path) else ox.parse(path, format=fmt)
            for q in parsed:
                count += 1
                g = target if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
                quad = ox.Quad(q.subject, q.predicate, q.object, g)
                if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                    with_bnodes.append(quad)  # copied into the merged graph by _insert_blank
                    continue
                plain.append(quad)
                if g != _ONTOLOGY and g != _MERGED:
                    plain.append(ox.Quad(q.subject, q.predicate, q.object, _MERGED))
                if len(plain) >= CHUNK_LINES:
                    self._insert(plain)
                    plain = []
        except SyntaxError as err:
            raise StoreError(f"cannot parse {path}: {err} (the quads before the error were loaded)") from err
        if plain:
            self._insert(plain)
        if with_bnodes:  # one request, so a blank node stays one node
            self._insert_blank(with_bnodes)
        return count

    def named_graphs(self) -> set[str]:
        return super().named_graphs() - set(self.system_graphs)

    def ensure_ontology(self, ontology_ttl: Path) -> None:
        """Load the ontology into its graph, with a content-hash marker (as the embedded store), when it changed."""
        data = ontology_ttl.read_bytes()
        digest = ox.Literal(hashlib.sha256(data).hexdigest())
        marker = ox.NamedNode(KG_NS + "contentHash")
        if bool(self.query(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ONTOLOGY_GRAPH}> {marker} {digest} }} }}",
                           merged=False)):
            return
        fresh = [ox.Quad(t.subject, t.predicate, t.object, _ONTOLOGY)
                 for t in ox.parse(data, format=ox.RdfFormat.TURTLE)]
        fresh.append(ox.Quad(_ONTOLOGY, marker, digest, _ONTOLOGY))
        lines = "\n".join(_line(q) for q in fresh)
        self._update(f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\n"
                     f"INSERT {{ GRAPH <{ONTOLOGY_GRAPH}> {{\n{lines}\n}} }} WHERE {{}}", pragma=False)

    def _quads(self, with_ontology: bool) -> Iterator[ox.Quad]:
        skip = [MERGED_GRAPH, *self.system_graphs] + ([] if with_ontology else [ONTOLOGY_GRAPH])
        pattern = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({_graphs_in(skip)}))"
        for r in self._all_rows(pattern, "?g ?s ?p ?o"):
            yield ox.Quad(r["s"], r["p"], r["o"], r["g"])

    def _triples(self, graphs: Sequence[str]) -> Iterator[ox.Triple]:
        for g in graphs:
            for r in self._all_rows(f"GRAPH <{g}> {{ ?s ?p ?o }}", "?s ?p ?o"):
                yield ox.Triple(r["s"], r["p"], r["o"])

    def dump(self, output: IO[bytes], fmt: Any, *, graph: str | None = None, with_ontology: bool = False,
             prefixes: dict[str, str] | None = None) -> None:
        quad_format = fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
        if quad_format and graph is None:
            ox.serialize(self._quads(with_ontology), output, fmt, prefixes=prefixes)
            return
        default = [MERGED_GRAPH, ONTOLOGY_GRAPH] if with_ontology else [MERGED_GRAPH]
        sources = [graph] if graph else default
        triples: Iterator[Any] = self._triples(sources)
        if quad_format:
            name = ox.NamedNode(graph) if graph else ox.DefaultGraph()
            triples = (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        ox.serialize(triples, output, fmt, prefixes=prefixes)


def _describe(err: BaseException, timeout: float) -> str:
    if isinstance(err, TimeoutError) or "timed out" in str(err).lower():
        return f"no answer within {timeout:g} s"
    reason = getattr(err, "reason", None)
    if isinstance(reason, BaseException):
        return _describe(reason, timeout)
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    if isinstance(err, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    text = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return " ".join(str(text).split())[:200]
