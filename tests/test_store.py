"""Store behaviour, identical for the embedded store (disk, memory) and a remote SPARQL endpoint (Virtuoso)."""

from __future__ import annotations

import http.server
import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, StoreError, StoreNotFound
from kg.iris import KG_NS, MERGED_GRAPH
from kg.sparql import bind_values
from kg.store import ONTOLOGY_GRAPH, ArticleGraph, open_store
from kg.store.remote import RemoteStore, query_form

EX = "https://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
ART = "https://w3id.org/newskg/id/article/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ONTOLOGY_TTL = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"


def n(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


def t(s: str, p: str, o: Any) -> ox.Triple:
    return ox.Triple(n(s), n(p), o if isinstance(o, (ox.Literal, ox.NamedNode)) else n(o))


def article(key: str, *triples: ox.Triple, content_hash: str = "h0") -> ArticleGraph:
    iri = ART + key
    hashed = ox.Triple(ox.NamedNode(iri), ox.NamedNode(KG_NS + "contentHash"), ox.Literal(content_hash))
    return ArticleGraph(iri, [hashed, *triples])


def graph_triples(store: Any, graph: str) -> set[ox.Triple]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", merged=False)
    return {ox.Triple(r["s"], r["p"], r["o"]) for r in rows}


def merged(store: Any) -> set[ox.Triple]:
    return graph_triples(store, MERGED_GRAPH)


def union(*graphs: ArticleGraph) -> set[ox.Triple]:
    return {tr for g in graphs for tr in g.triples}


SHARED = t("acme", "type", "Organisation")
A = article("a", SHARED, t("acme", "office", "paris"), t("paris", "name", ox.Literal("Paris")), content_hash="ha")
B = article("b", SHARED, t("acme", "partner", "globex"), content_hash="hb")


def test_write_keeps_merged_graph_exact(any_store: Any) -> None:
    any_store.write_articles([A, B])
    assert merged(any_store) == union(A, B)
    assert graph_triples(any_store, A.iri) == set(A.triples)
    assert graph_triples(any_store, B.iri) == set(B.triples)
    assert any_store.count() == len(union(A, B))
    assert any_store.count(None) == len(union(A, B)) + len(set(A.triples)) + len(set(B.triples))


def test_rewrite_is_idempotent(any_store: Any) -> None:
    any_store.write_articles([A, B])
    before = (merged(any_store), graph_triples(any_store, A.iri))
    any_store.write_articles([A])
    any_store.write_articles([A, A])
    assert (merged(any_store), graph_triples(any_store, A.iri)) == before


def test_replace_drops_only_what_the_article_alone_supported(any_store: Any) -> None:
    any_store.write_articles([A, B])
    changed = article("a", SHARED, t("acme", "office", "lyon"), content_hash="ha2")
    any_store.write_articles([changed])
    assert merged(any_store) == union(changed, B)
    assert t("acme", "office", "paris") not in merged(any_store)
    assert any_store.content_hashes() == {A.iri: "ha2", B.iri: "hb"}


def test_remove_keeps_triples_other_articles_support(any_store: Any) -> None:
    any_store.write_articles([A, B])
    any_store.remove_articles([A.iri])
    assert merged(any_store) == union(B)
    assert SHARED in merged(any_store)
    assert graph_triples(any_store, A.iri) == set()
    any_store.remove_articles([B.iri])
    assert merged(any_store) == set()
    assert any_store.article_iris() == []


def test_content_hashes(any_store: Any) -> None:
    assert any_store.content_hashes() == {}
    any_store.write_articles([A, B])
    assert any_store.content_hashes() == {A.iri: "ha", B.iri: "hb"}
    assert any_store.content_hashes([B.iri, ART + "missing"]) == {B.iri: "hb"}
    assert any_store.content_hashes([]) == {}
    assert any_store.article_iris() == sorted([A.iri, B.iri])


def test_update_resyncs_merged_graph(any_store: Any) -> None:
    any_store.write_articles([A])
    extra = t("globex", "type", "Organisation")
    any_store.update(f"INSERT DATA {{ GRAPH <{EX}manual> {{ {extra.subject} {extra.predicate} {extra.object} }} }}")
    assert merged(any_store) == union(A) | {extra}
    any_store.update(f"DELETE DATA {{ GRAPH <{A.iri}> {{ {SHARED.subject} {SHARED.predicate} {SHARED.object} }} }}")
    assert SHARED not in merged(any_store)
    any_store.update(f"DROP SILENT GRAPH <{EX}manual>")
    assert merged(any_store) == union(A) - {SHARED}


def test_update_syntax_error_is_a_clear_error(any_store: Any) -> None:
    with pytest.raises((QueryError, StoreError)):
        any_store.update("INSERT DATTA { }")


TRICKY = [
    "Société Générale à Zürich — «guillemets» “curly” ’",
    'quote " and \\ backslash and \'single\'',
    "line one\nline two\r\ttab",
    "<script>alert('x')</script> & <b>",
    '"} ; DROP ALL ; { <x> >',
    "emoji 🚀 and CJK 東京 and RTL עברית",
    "x" * 200_000,
]


def test_literals_round_trip(any_store: Any) -> None:
    typed = [
        ox.Literal("6600000000", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("0.8", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("2800866", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("2024-10-03", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("2024-10", datatype=ox.NamedNode(XSD + "gYearMonth")),
        ox.Literal("2024", datatype=ox.NamedNode(XSD + "gYear")),
        ox.Literal("https://example.org/a?b=1&c=2", datatype=ox.NamedNode(XSD + "anyURI")),
        ox.Literal("Bruxelles", language="fr"),
        ox.Literal("Brussels", language="en"),
    ]
    triples = [ox.Triple(n("thing"), LABEL, ox.Literal(text)) for text in TRICKY]
    triples += [ox.Triple(n("thing"), n(f"v{i}"), lit) for i, lit in enumerate(typed)]
    graph = article("tricky", *triples)
    any_store.write_articles([graph])
    assert graph_triples(any_store, graph.iri) == set(graph.triples)
    assert merged(any_store) == set(graph.triples)


def test_query_result_types_and_safe_substitutions(any_store: Any) -> None:
    evil = article("evil", ox.Triple(n("evil"), LABEL, ox.Literal(TRICKY[4])))
    any_store.write_articles([A, evil])
    solutions = any_store.query("SELECT ?s WHERE { ?s ?p ?o }")
    assert isinstance(solutions, ox.QuerySolutions)
    assert [v.value for v in solutions.variables] == ["s"]
    assert isinstance(any_store.query("ASK { ?s ?p ?o }"), ox.QueryBoolean)
    triples = any_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(triples, ox.QueryTriples)
    assert {ox.Triple(x.subject, x.predicate, x.object) for x in triples} == merged(any_store)
    # a bound value is a value, whatever it contains; a FILTER in the group sees it
    query = f"SELECT ?s ?name WHERE {{ ?s <{LABEL.value}> ?l FILTER(?l = ?name) }}"
    rows = list(any_store.query(query, substitutions={"name": ox.Literal(TRICKY[4])}))
    assert [r["s"] for r in rows] == [n("evil")]
    rows = list(any_store.query(query, substitutions={"name": ox.Literal('"} ; DROP ALL ; {')}))
    assert rows == []
    assert merged(any_store) == union(A, evil)


def test_query_over_merged_or_all_graphs(any_store: Any) -> None:
    any_store.write_articles([A, B])
    count = "SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }"
    assert int(next(iter(any_store.query(count)))["c"].value) == len(union(A, B))
    per_graph = "SELECT ?s ?base WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?base)) }"
    rows = any_store.query(per_graph, merged=False, substitutions={"base": ox.Literal(ART)})
    assert len(list(rows)) == len(set(A.triples)) + len(set(B.triples))


def test_load_keeps_named_graphs(any_store: Any, tmp_path: Path) -> None:
    nq = tmp_path / "data.nq"
    nq.write_text(
        f"<{EX}s1> <{EX}p> \"one\" <{EX}g1> .\n"
        f"<{EX}s2> <{EX}p> \"two\" <{EX}g2> .\n"
        f"<{EX}s1> <{EX}p> \"one\" <{EX}g2> .\n"
        f"<{EX}s3> <{EX}p> \"default\" .\n",
        encoding="utf-8",
    )
    assert any_store.load(nq, ox.RdfFormat.N_QUADS) == 4
    assert graph_triples(any_store, EX + "g1") == {t("s1", "p", ox.Literal("one"))}
    assert graph_triples(any_store, EX + "g2") == {t("s1", "p", ox.Literal("one")), t("s2", "p", ox.Literal("two"))}
    assert merged(any_store) == {t("s1", "p", ox.Literal("one")), t("s2", "p", ox.Literal("two")),
                                 t("s3", "p", ox.Literal("default"))}
    assert any_store.load(nq, ox.RdfFormat.N_QUADS, graph=EX + "g3") == 4
    assert t("s3", "p", ox.Literal("default")) in graph_triples(any_store, EX + "g3")


def test_loading_a_graph_again_replaces_it(any_store: Any, tmp_path: Path) -> None:
    # a re-extracted article loaded over its old version: the old triples only it supported must go
    any_store.write_articles([A, B])
    nq = tmp_path / "a-again.nq"
    nq.write_text(f"<{EX}acme> <{EX}office> <{EX}lyon> <{A.iri}> .\n", encoding="utf-8")
    assert any_store.replace_graphs_of(nq, ox.RdfFormat.N_QUADS) == [A.iri]
    any_store.load(nq, ox.RdfFormat.N_QUADS)
    assert graph_triples(any_store, A.iri) == {t("acme", "office", "lyon")}
    assert graph_triples(any_store, B.iri) == set(B.triples)
    assert merged(any_store) == union(B) | {t("acme", "office", "lyon")}  # SHARED stays: B supports it
    assert any_store.replace_graphs_of(tmp_path / "a-again.nq", ox.RdfFormat.N_QUADS) == [A.iri]


def test_replacing_needs_no_second_read_of_a_file_on_an_empty_store(any_store: Any, tmp_path: Path) -> None:
    missing = tmp_path / "never-read.nq"  # an empty store has nothing to replace: the file is not opened
    assert any_store.replace_graphs_of(missing, ox.RdfFormat.N_QUADS) == []


def test_load_with_blank_nodes_and_many_chunks(any_store: Any, tmp_path: Path) -> None:
    ttl = tmp_path / "data.ttl"
    rows = "\n".join(f"<{EX}n{i}> <{EX}p> \"value {i}\" ." for i in range(4500))
    ttl.write_text(f"{rows}\n<{EX}list> <{EX}items> ( <{EX}a> <{EX}b> ) .\n_:x <{EX}q> _:y .\n", encoding="utf-8")
    count = any_store.load(ttl, ox.RdfFormat.TURTLE, graph=EX + "big")
    assert count == 4500 + 5 + 1
    assert any_store.count(EX + "big") == count
    assert any_store.count() == count
    ask = f"ASK {{ <{EX}list> <{EX}items> ?l . ?l ?first <{EX}a> ; ?rest ?l2 . ?l2 ?first2 <{EX}b> }}"
    assert bool(any_store.query(ask))


def test_ensure_ontology_is_its_own_graph(any_store: Any) -> None:
    expected = len(list(ox.parse(path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE))) + 1  # + its hash marker
    any_store.ensure_ontology(ONTOLOGY_TTL)
    any_store.ensure_ontology(ONTOLOGY_TTL)
    assert any_store.count(ONTOLOGY_GRAPH) == expected
    assert any_store.count() == 0
    assert any_store.content_hashes() == {}


def test_dump_round_trips(any_store: Any) -> None:
    any_store.write_articles([A, B])
    out = io.BytesIO()
    any_store.dump(out, ox.RdfFormat.N_QUADS)
    quads = set(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))
    expected = {ox.Quad(x.subject, x.predicate, x.object, ox.NamedNode(g.iri)) for g in (A, B) for x in g.triples}
    assert quads == expected
    out = io.BytesIO()
    any_store.dump(out, ox.RdfFormat.N_TRIPLES)
    assert {q.triple for q in ox.parse(out.getvalue(), format=ox.RdfFormat.N_TRIPLES)} == union(A, B)
    out = io.BytesIO()
    any_store.dump(out, ox.RdfFormat.TURTLE, graph=B.iri)
    assert {q.triple for q in ox.parse(out.getvalue(), format=ox.RdfFormat.TURTLE)} == set(B.triples)


def test_reading_a_missing_store_is_store_not_found(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        open_store(tmp_path / "nothing-here")
    with pytest.raises(StoreNotFound):
        open_store(tmp_path / "nothing-here", read_only=True)
    assert not (tmp_path / "nothing-here").exists()



def test_folder_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("not a database")
    with pytest.raises(StoreError, match="not a kg store"):
        open_store(tmp_path / "notes", create=True)
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["todo.txt"]


def test_store_being_created_by_another_process_is_opened(tmp_path: Path) -> None:
    # a second writer can arrive after the first wrote RocksDB's LOG and LOCK files but before CURRENT: that folder is
    # a store in the making, so it must be opened (waiting on the lock), not refused as "not a kg store"
    (tmp_path / "store").mkdir()
    for name in ("LOG", "LOCK"):
        (tmp_path / "store" / name).write_bytes(b"")
    store = open_store(tmp_path / "store", create=True)
    assert (tmp_path / "store" / "CURRENT").exists()
    assert not bool(store.query("ASK { ?s ?p ?o }"))


# -- a remote endpoint that fails ----------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    mode = "500"
    hits: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).hits.append(self.path)
        if self.mode == "slow":
            time.sleep(2)
            self._send(200, b'{"head":{"vars":[]},"results":{"bindings":[]}}', "application/sparql-results+json")
        elif self.mode == "500":
            self._send(500, b"<html><body><h1>Internal Server Error</h1>disk full</body></html>", "text/html")
        elif self.mode == "404":
            self._send(404, b"Not Found", "text/plain")
        elif self.mode == "400":
            self._send(400, b"syntax error at line 1\nmore", "text/plain")
        elif self.mode == "401":
            self._send(401, b"Unauthorized", "text/plain")
        elif self.mode == "html":
            self._send(200, b"<html>a login page</html>", "text/html")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def bad_endpoint() -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("Handler", (_Handler,), {"hits": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", handler
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("operation", ["select", "ask", "construct", "count", "hashes", "write", "dump"])
def test_failing_endpoint_is_an_error_not_an_empty_result(bad_endpoint: Any, operation: str) -> None:
    url, handler = bad_endpoint
    handler.mode = "500"
    store = RemoteStore(url, timeout=5, retries=2, backoff=0.01)
    actions = {
        "select": lambda: list(store.query("SELECT * WHERE { ?s ?p ?o }")),
        "ask": lambda: bool(store.query("ASK { ?s ?p ?o }")),
        "construct": lambda: list(store.query("CONSTRUCT WHERE { ?s ?p ?o }")),
        "count": store.count,
        "hashes": store.content_hashes,
        "write": lambda: store.write_articles([A]),
        "dump": lambda: store.dump(io.BytesIO(), ox.RdfFormat.N_QUADS),
    }
    with pytest.raises(StoreError) as err:
        actions[operation]()
    message = str(err.value)
    assert "\n" not in message
    assert url in message and "HTTP 500" in message and "disk full" in message
    assert len(handler.hits) == 3  # retried twice


def test_slow_endpoint_times_out(bad_endpoint: Any) -> None:
    url, handler = bad_endpoint
    handler.mode = "slow"
    store = RemoteStore(url, timeout=0.3, retries=1, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"no answer within 0.3 s.*2 attempt"):
        store.query("SELECT * WHERE { ?s ?p ?o }")
    assert time.monotonic() - started < 2.0


def test_unreachable_endpoint() -> None:
    store = RemoteStore("http://127.0.0.1:9/sparql", timeout=1, retries=1, backoff=0.01)
    with pytest.raises(StoreError, match=r"endpoint http://127.0.0.1:9/sparql failed the query.*connection refused"):
        store.count()


@pytest.mark.parametrize(("mode", "error", "text"), [
    ("404", StoreError, "HTTP 404"),
    ("400", QueryError, "syntax error at line 1"),
    ("401", StoreError, "KG_STORE_USER"),
    ("html", StoreError, "not SPARQL JSON results"),
])
def test_client_errors_are_not_retried(bad_endpoint: Any, mode: str, error: type[Exception], text: str) -> None:
    url, handler = bad_endpoint
    handler.mode = mode
    store = RemoteStore(url, timeout=5, retries=3, backoff=0.01)
    with pytest.raises(error, match=text):
        store.query("SELECT * WHERE { ?s ?p ?o }")
    assert len(handler.hits) == 1


def test_credentials_never_shown(bad_endpoint: Any) -> None:
    url, handler = bad_endpoint
    store = RemoteStore(url.replace("http://", "http://alice:s3cret@"), timeout=5, retries=0)
    with pytest.raises(StoreError) as err:
        store.count()
    assert "s3cret" not in str(err.value) and "alice" not in str(err.value)


# -- SPARQL text helpers -------------------------------------------------------------------------


def test_query_form_ignores_strings_iris_and_comments() -> None:
    assert query_form("# SELECT\nASK { ?s <http://x/SELECT> 'CONSTRUCT' }") == "ASK"
    assert query_form('PREFIX ex: <http://x/> DESCRIBE ex:a') == "DESCRIBE"
    assert query_form('prefix ex: <http://x/> select * { ?s ex:construct ?o }') == "SELECT"
    with pytest.raises(QueryError):
        query_form("INSERT DATA { <a> <b> <c> }")


def test_bind_values_goes_into_the_where_group() -> None:
    q = bind_values("CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?o }", {"x": ox.NamedNode("http://x/y")})
    assert q == "CONSTRUCT { ?s ?p ?x } WHERE { VALUES (?x) { (<http://x/y>) } ?s ?p ?o }"
    q = bind_values("SELECT * { ?s ?p '{' }", {"o": ox.Literal("a\"b")})
    assert q == "SELECT * { VALUES (?o) { (\"a\\\"b\") } ?s ?p '{' }"
    with pytest.raises(QueryError):
        bind_values("SELECT * { }", {"bad name": ox.Literal("x")})
