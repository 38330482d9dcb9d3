"""``kg query``, ``kg queries``, ``kg update``, ``kg export`` through click's CliRunner on a fixed graph.

Golden results of the saved queries live in ``tests/golden/queries/NAME.json`` (SPARQL 1.1 JSON results) and are
compared as parsed, order-insensitive multisets of bindings (ordered when the query has ORDER BY).
Regenerate after a deliberate change with ``KG_UPDATE_GOLDEN=1 pytest tests/test_cli_query.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from query_graph import build_disk
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "queries"
SRX = "{http://www.w3.org/2005/sparql-results#}"

# saved query -> --param values on the fixed graph of tests/query_graph.py
SAVED = {
    "offices": {"org": "Norvel Labs"},
    "roles": {"org": "Norvel Labs"},
    "partners": {"org": "Quitra Systems"},
    "partnership-network": {},
    "funding": {"org": "Quitra Systems"},
    "funding-totals": {},
    "investors": {"investor": "Dexalum Capital"},
    "timeline": {"org": "Norvel Labs"},
    "organisations-in-city": {"city": "Berlin"},
    "mentions": {"entity": "Norvel"},
    "evidence": {"entity": "Quitra Systems"},
    "top-entities": {},
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_disk(tmp_path_factory.mktemp("cliq") / "store"))


def kg(store: str, command: str, *args: str, input: str | None = None):
    return CliRunner().invoke(cli, [command, "--store", store, *args], input=input, catch_exceptions=False)


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The real entry point (one-line errors, exit status)."""
    from kg.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
        raise SystemExit(0)
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


def _bindings(doc: dict) -> list[dict[str, tuple]]:
    return [{k: tuple(sorted(v.items())) for k, v in b.items()} for b in doc["results"]["bindings"]]


def _ordered(name: str) -> bool:
    return bool(re.search(r"\bORDER\s+BY\b", (REPO / "ontology" / "queries" / f"{name}.rq").read_text(), re.I))


@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_query_golden(store_dir: str, name: str) -> None:
    args = ["query", name, "--format", "json"]
    for key, value in SAVED[name].items():
        args += ["--param", f"{key}={value}"]
    result = kg(store_dir, *args)
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got["head"]["vars"] == expected["head"]["vars"]
    assert got["results"]["bindings"], f"{name} found nothing on the fixed graph"
    if _ordered(name):
        assert _bindings(got) == _bindings(expected)
    else:
        key = lambda b: json.dumps(b, sort_keys=True)  # noqa: E731
        assert sorted(_bindings(got), key=key) == sorted(_bindings(expected), key=key)


def test_every_saved_query_has_a_golden_test() -> None:
    assert {p.stem for p in (REPO / "ontology" / "queries").glob("*.rq")} == set(SAVED)


def test_queries_lists_names_and_params() -> None:
    result = CliRunner().invoke(cli, ["queries"], catch_exceptions=False)
    assert result.exit_code == 0
    for name in SAVED:
        assert name in result.output
    assert "--param org=" in result.output
    names = CliRunner().invoke(cli, ["queries", "--names"]).output.split()
    assert sorted(names) == sorted(SAVED)


SELECT_ORGS = "SELECT ?org ?name WHERE { ?org a kg:Organisation ; rdfs:label ?name } ORDER BY ?name"
ORG_NAMES = ["Dexalum Capital", "Norvel Labs", "Quitra Systems"]


def test_select_json(store_dir: str) -> None:
    doc = json.loads(kg(store_dir, "query", SELECT_ORGS, "-f", "json").stdout)
    assert doc["head"]["vars"] == ["org", "name"]
    assert [b["name"]["value"] for b in doc["results"]["bindings"]] == ORG_NAMES
    assert doc["results"]["bindings"][0]["org"] == {"type": "uri",
                                                    "value": "https://w3id.org/newskg/id/org/dexalum-capital"}


def test_select_xml(store_dir: str) -> None:
    root = ET.fromstring(kg(store_dir, "query", SELECT_ORGS, "-f", "xml").stdout_bytes)
    names = [b.find(f"{SRX}literal").text for b in root.iter(f"{SRX}binding") if b.get("name") == "name"]
    assert names == ORG_NAMES


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_select_csv_tsv(store_dir: str, fmt: str, delimiter: str) -> None:
    rows = list(csv.reader(io.StringIO(kg(store_dir, "query", SELECT_ORGS, "-f", fmt).stdout), delimiter=delimiter))
    assert rows[0] in (["org", "name"], ["?org", "?name"])
    assert [r[1] for r in rows[1:]] == ORG_NAMES
    iri = "https://w3id.org/newskg/id/org/dexalum-capital"
    assert rows[1][0] == (f"<{iri}>" if fmt == "tsv" else iri)  # TSV writes IRIs in RDF term syntax


def test_select_table_uses_prefixed_names(store_dir: str) -> None:
    out = kg(store_dir, "query", SELECT_ORGS, "-f", "table").stdout
    assert "kgid:org/norvel-labs" in out
    assert "Norvel Labs" in out
    assert "3 rows" in out


def test_ask(store_dir: str) -> None:
    doc = json.loads(kg(store_dir, "query", "ASK { ?o kg:status 'planned' }").stdout)
    assert doc["boolean"] is True
    assert "no" in kg(store_dir, "query", "ASK { ?o kg:status 'closed' }", "-f", "table").stdout


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                                                    ("rdfxml", "xml"), ("trig", "trig"), ("nq", "nquads")])
def test_construct_formats(store_dir: str, fmt: str, rdflib_format: str) -> None:
    sparql = "CONSTRUCT { ?o kg:locatedIn ?p ; rdfs:label ?l } WHERE { ?o kg:locatedIn ?p ; rdfs:label ?l }"
    reference = Graph().parse(data=kg(store_dir, "query", sparql, "-f", "nt").stdout, format="nt")
    assert len(reference) == 6  # three offices: a place and a label each
    data = kg(store_dir, "query", sparql, "-f", fmt).stdout
    if fmt in ("trig", "nq"):
        from rdflib import Dataset

        graph = Graph()
        for s, p, o, _ in Dataset().parse(data=data, format=rdflib_format).quads():
            graph.add((s, p, o))
    else:
        graph = Graph().parse(data=data, format=rdflib_format)
    assert isomorphic(graph, reference)


def test_params_bind_and_cannot_inject(store_dir: str) -> None:
    sparql = "SELECT ?org ?name WHERE { ?org rdfs:label ?name }"
    doc = json.loads(kg(store_dir, "query", sparql, "-p", "name=Norvel Labs").stdout)
    assert [b["org"]["value"] for b in doc["results"]["bindings"]] == ["https://w3id.org/newskg/id/org/norvel-labs"]
    hostile = json.loads(kg(store_dir, "query", sparql, "-p", 'name=x" } ; DROP ALL ; #').stdout)
    assert hostile["results"]["bindings"] == []
    assert len(json.loads(kg(store_dir, "query", SELECT_ORGS).stdout)["results"]["bindings"]) == 3


def test_limit_and_out_file(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    result = kg(store_dir, "query", SELECT_ORGS, "--limit", "2", "--out", str(out))
    assert result.exit_code == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert [r[1] for r in rows[1:]] == ORG_NAMES[:2]


def test_query_file_and_stdin(store_dir: str, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(SELECT_ORGS, encoding="utf-8")
    assert json.loads(kg(store_dir, "query", f"@{rq}").stdout)["head"]["vars"] == ["org", "name"]
    assert json.loads(kg(store_dir, "query", "@-", input=SELECT_ORGS).stdout)["head"]["vars"] == ["org", "name"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "INSERT DATA { <https://e/a> <https://e/b> <https://e/c> }"], "use `kg update`|run it with `kg update`"),
        (["query", "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }"], r"line 3, column \d+: .* near 'FILTER\(\?o = \) }'"),
        (["query", "no-such-query"], "no saved query (called|named) 'no-such-query'"),
        (["query", SELECT_ORGS, "-p", "nme=x"], r"no variable \?nme"),
        (["query", SELECT_ORGS, "-f", "turtle"], "is for graphs"),
        (["query", "CONSTRUCT WHERE { ?s ?p ?o }", "-f", "csv"], "is for SELECT/ASK"),
        (["query", SELECT_ORGS, "--explain"], "offers no query plan"),
        (["update", "SELECT * WHERE { ?s ?p ?o }"], "run it with `kg query`"),
    ],
)
def test_errors_are_one_line(store_dir: str, capsys: pytest.CaptureFixture[str], args: list[str],
                             message: str) -> None:
    code, _, err = run_main([args[0], "--store", store_dir, *args[1:]], capsys)
    assert code == 1
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert re.search(message, err), err


def test_missing_store_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["query", "--store", str(tmp_path / "none"), "ASK {}"], capsys)
    assert code == 1 and "no store" in err
    assert not (tmp_path / "none").exists()


def test_timeout(store_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
            "FILTER(STR(?c) != STR(?l)) }")
    code, _, err = run_main(["query", "--store", store_dir, slow, "--timeout", "0.3"], capsys)
    assert code == 1
    assert "did not finish within 0.3 s" in err


def test_update_then_query(tmp_path: Path) -> None:
    store = str(build_disk(tmp_path / "store"))
    result = kg(store, "update", 'INSERT DATA { GRAPH <https://w3id.org/newskg/id/article/extra> { '
                                 '<https://w3id.org/newskg/id/org/zeta> a kg:Organisation ; rdfs:label "Zeta" } }')
    assert result.exit_code == 0, result.output
    doc = json.loads(kg(store, "query", SELECT_ORGS).stdout)
    assert "Zeta" in [b["name"]["value"] for b in doc["results"]["bindings"]]


def test_export_command(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    result = kg(store_dir, "export", "--out", str(out))
    assert result.exit_code == 0
    assert "Wrote" in result.stderr
    assert len(Graph().parse(out, format="turtle")) > 100
    nq = kg(store_dir, "export", "-f", "nq", "-o", "-").stdout_bytes
    assert nq.count(b"\n") > len(Graph().parse(out, format="turtle"))  # one copy per article graph
    gexf = tmp_path / "g.gexf"
    assert kg(store_dir, "export", "--out", str(gexf)).exit_code == 0
    assert gexf.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_every_command_has_help_with_example() -> None:
    for name in ("query", "queries", "update", "export"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output
