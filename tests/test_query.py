"""kg.sparql: parameter typing and binding, update refusal, syntax errors, limits, timeouts, rows."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
import pytest
from query_graph import build

from kg.errors import QueryError
from kg.sparql import (
    QueryTimeout,
    apply_limit,
    bind_values,
    describe_syntax_error,
    parse_params,
    parse_value,
    query_form,
    rows,
    run_query,
    run_update,
    with_timeout,
)
from kg.store import open_store

XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = 'x" } ; DROP ALL ; #'


@pytest.fixture
def store():
    return build(open_store(None))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<https://example.org/x>", ox.NamedNode("https://example.org/x")),
        ("https://example.org/x", ox.NamedNode("https://example.org/x")),
        ("kgid:org/norvel-labs", ox.NamedNode("https://w3id.org/newskg/id/org/norvel-labs")),
        ('"Lyon"@fr', ox.Literal("Lyon", language="fr")),
        ('"2024-06"^^xsd:gYearMonth', ox.Literal("2024-06", datatype=ox.NamedNode(XSD + "gYearMonth"))),
        ('"7"^^<http://example.org/dt>', ox.Literal("7", datatype=ox.NamedNode("http://example.org/dt"))),
        ("42", ox.Literal("42", datatype=ox.NamedNode(XSD + "integer"))),
        ("-1.25", ox.Literal("-1.25", datatype=ox.NamedNode(XSD + "decimal"))),
        ("2024-10-01", ox.Literal("2024-10-01", datatype=ox.NamedNode(XSD + "date"))),
        ('"1789"', ox.Literal("1789")),
        ('"say \\"hi\\""', ox.Literal('say "hi"')),
        ("Norvel Labs", ox.Literal("Norvel Labs")),
        ("unknown:thing", ox.Literal("unknown:thing")),
        (HOSTILE, ox.Literal(HOSTILE)),
        ("<bad iri> DROP ALL", ox.Literal("<bad iri> DROP ALL")),
    ],
)
def test_parse_value_types(raw: str, expected: object) -> None:
    assert parse_value(raw) == expected


def test_parse_value_rejects_impossible_date_and_unknown_datatype_prefix() -> None:
    with pytest.raises(QueryError, match="bad parameter"):
        parse_value("2024-02-31")
    with pytest.raises(QueryError, match="unknown prefix"):
        parse_value('"x"^^nope:date')


def test_parse_params_needs_name_equals_value() -> None:
    assert parse_params(["?org=A=B"]) == {"org": "A=B"}
    with pytest.raises(QueryError, match="name=value"):
        parse_params(["org"])
    with pytest.raises(QueryError, match="name=value"):
        parse_params(["a b=c"])


def test_param_binds_typed_value(store) -> None:
    sparql = "SELECT ?office ?status WHERE { ?office kg:status ?status }"
    result = rows(run_query(store, sparql, {"status": "planned"}))
    assert result == [{"office": "https://w3id.org/newskg/id/office/norvel-labs/geonames-2950159", "status": "planned"}]
    by_lang = rows(run_query(store, "SELECT ?p ?l WHERE { ?p a kg:City ; rdfs:label ?l }", {"l": '"Berlin"@en'}))
    assert [r["p"] for r in by_lang] == ["https://w3id.org/newskg/id/place/geonames-2950159"]
    iri = rows(run_query(store, "SELECT ?org ?n WHERE { ?org rdfs:label ?n }", {"org": "kgid:org/quitra-systems"}))
    assert iri == [{"org": "https://w3id.org/newskg/id/org/quitra-systems", "n": "Quitra Systems"}]


def test_hostile_value_stays_one_literal(store) -> None:
    before = store.count()
    sparql = "SELECT ?s ?name WHERE { ?s rdfs:label ?name }"
    assert rows(run_query(store, sparql, {"name": HOSTILE})) == []
    assert store.count() == before
    run_update(store, f"INSERT DATA {{ <https://example.org/odd> rdfs:label {ox.Literal(HOSTILE)} }}")
    found = rows(run_query(store, sparql, {"name": HOSTILE}))
    assert found == [{"s": "https://example.org/odd", "name": HOSTILE}]
    assert store.count() == before + 1


def test_bind_values_escapes_terms() -> None:
    bound = bind_values("SELECT ?name ?org WHERE { }",
                        {"name": ox.Literal(HOSTILE), "org": ox.NamedNode("https://example.org/o")})
    s = ox.Store()
    got = list(s.query(bound))
    assert len(got) == 1
    assert got[0]["name"] == ox.Literal(HOSTILE)
    assert got[0]["org"] == ox.NamedNode("https://example.org/o")
    with pytest.raises(QueryError):
        bind_values("SELECT * { }", {"a b": ox.Literal("x")})


def test_unknown_params_are_errors_and_unprojected_ones_bind(store) -> None:
    with pytest.raises(QueryError, match=r"no variable \?nme"):
        run_query(store, "SELECT ?s ?name WHERE { ?s rdfs:label ?name }", {"nme": "x"})
    # a parameter need not be projected: it is bound in the WHERE group
    result = run_query(store, "SELECT ?s WHERE { ?s rdfs:label ?name }", {"name": "Quitra Systems"})
    assert len(list(result.results)) == 1


@pytest.mark.parametrize(
    "update",
    ["INSERT DATA { <https://e/a> <https://e/b> <https://e/c> }", "PREFIX e: <https://e/> DELETE WHERE { ?s ?p ?o }",
     "DROP ALL", "# comment SELECT\nCLEAR GRAPH <https://e/g>", "WITH <https://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"],
)
def test_query_refuses_updates(store, update: str) -> None:
    before = store.count()
    with pytest.raises(QueryError, match="kg update"):
        run_query(store, update)
    assert store.count() == before


def test_update_refuses_queries_and_runs_updates(store) -> None:
    with pytest.raises(QueryError, match="kg query"):
        run_update(store, "SELECT * WHERE { ?s ?p ?o }")
    run_update(store, 'INSERT DATA { <https://example.org/z> rdfs:label "Zed" }')
    assert rows(run_query(store, "SELECT ?s ?l WHERE { ?s rdfs:label ?l }", {"l": "Zed"}))[0]["s"] == \
        "https://example.org/z"


def test_query_form_skips_comments_strings_and_iris() -> None:
    assert query_form('# INSERT\nPREFIX x: <http://e/DELETE#> SELECT * { ?s ?p "DROP" }') == "SELECT"
    assert query_form("prefix x: <http://e/> construct { ?s ?p ?o } where { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form("BASE <http://e/> DESCRIBE <x>") == "DESCRIBE"


def test_syntax_error_has_line_column_and_text(store) -> None:
    with pytest.raises(QueryError) as err:
        run_query(store, "SELECT ?s\nWHERE {\n  ?s rdfs:label ?l .\n  FILTER(?l = ) }")
    message = str(err.value)
    assert "line 4, column" in message
    assert "FILTER(?l = )" in message
    assert "\n" not in message


def test_syntax_error_column_ignores_added_prefixes(store) -> None:
    with pytest.raises(QueryError, match=r"line 1, column 25:"):
        run_query(store, "SELECT * WHERE { ?s ?p }")


def test_describe_syntax_error_without_position() -> None:
    assert describe_syntax_error("something\nodd", "x") == "something odd"


def test_limit_lowers_or_adds() -> None:
    assert apply_limit("SELECT * { ?s ?p ?o } LIMIT 3", 10).endswith("LIMIT 3")
    assert apply_limit("SELECT * { ?s ?p ?o } LIMIT 30", 10).endswith("LIMIT 10")
    assert apply_limit("SELECT * { ?s ?p ?o } VALUES ?s { <http://e/a> }", 2) == \
        "SELECT * { ?s ?p ?o } LIMIT 2\nVALUES ?s { <http://e/a> }"
    assert apply_limit('SELECT * { ?s ?p "LIMIT 1" }', 4).endswith("LIMIT 4\n")
    with pytest.raises(QueryError):
        apply_limit("SELECT * {}", -1)


def test_limit_applies(store) -> None:
    assert len(rows(run_query(store, "SELECT * WHERE { ?s ?p ?o }", limit=5))) == 5
    assert len(rows(run_query(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 2", limit=5))) == 2
    assert len(rows(run_query(store, "SELECT * WHERE { ?s ?p ?o }", limit=0))) == 0


def test_rows_python_values_and_terms(store) -> None:
    sparql = """SELECT ?amount ?date ?currency ?start ?missing WHERE {
      ?f kg:raisedBy/rdfs:label "Quitra Systems" ; kg:amount ?amount ; kg:currency ?currency ;
         kg:announcedOn ?date . OPTIONAL { ?f kg:evidenceStart ?start } OPTIONAL { ?f kg:nothing ?missing } }"""
    (row,) = rows(run_query(store, sparql))
    assert row == {"amount": Decimal("40000000"), "date": "2024-09", "currency": "EUR", "start": 50, "missing": None}
    (terms,) = rows(run_query(store, sparql), as_terms=True)
    assert terms["amount"] == ox.Literal("40000000", datatype=ox.NamedNode(XSD + "decimal"))
    (pub,) = rows(run_query(store, 'SELECT ?d WHERE { ?a schema:headline "Norvel Labs heads to Lyon" ; '
                                    "schema:datePublished ?d }"))
    assert pub["d"] == date(2024, 3, 5)


def test_ask_and_construct_rows(store) -> None:
    assert rows(run_query(store, "ASK { ?o kg:status 'closed' }")) == [{"result": False}]
    triples = rows(run_query(store, "CONSTRUCT { ?o kg:status ?s } WHERE { ?o kg:status ?s }"))
    assert {t["object"] for t in triples} == {"opening", "existing", "planned"}
    assert all(set(t) == {"subject", "predicate", "object"} for t in triples)


def test_with_timeout_gives_up() -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="within 0.2 s"):
        with_timeout(lambda: time.sleep(3), 0.2)
    assert time.monotonic() - started < 2
    assert with_timeout(lambda: 7, 1.0) == 7
    with pytest.raises(ZeroDivisionError):
        with_timeout(lambda: 1 / 0, 1.0)


def test_missing_query_file_and_unknown_saved_query(store, tmp_path) -> None:
    with pytest.raises(QueryError, match="cannot read the query file"):
        run_query(store, f"@{tmp_path / 'nope.rq'}")
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?n WHERE { ?o a kg:Organisation ; rdfs:label ?n } ORDER BY ?n", encoding="utf-8")
    assert [r["n"] for r in rows(run_query(store, f"@{rq}"))] == ["Dexalum Capital", "Norvel Labs", "Quitra Systems"]
