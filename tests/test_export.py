"""kg.exports: every format written, read back and compared by meaning (rdflib isomorphism, parsed CSV/XML)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from query_graph import build, build_disk
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.exports import ExportError, export, write_jsonld
from kg.formats import RdfFormat
from kg.iris import MERGED_GRAPH, ONTOLOGY_IRI
from kg.store import open_store
from kg.store.base import LOAD_GRAPH_BASE

REPO = Path(__file__).resolve().parent.parent
TRIPLE_FORMATS = [RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD, RdfFormat.RDFXML]
DATASET_FORMATS = [RdfFormat.TRIG, RdfFormat.NQUADS]


def _load(path: Path, fmt: RdfFormat):
    """A fresh store holding ``path`` as ``kg load`` imports it (Store.load; given an open file)."""
    again = open_store(None)
    with open(path, "rb") as fh:
        again.load(fh, fmt.oxigraph)
    return again


@pytest.fixture
def store():
    return build(open_store(None))


def _graph_of(store, graph: str = MERGED_GRAPH) -> Graph:
    data = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def _article_graphs(store) -> dict[str, Graph]:
    reserved = {MERGED_GRAPH, ONTOLOGY_IRI}
    names = [g.value for g in store.oxigraph.named_graphs() if g.value not in reserved
             and not g.value.startswith(LOAD_GRAPH_BASE)]
    return {name: _graph_of(store, name) for name in names}


@pytest.mark.parametrize("fmt", TRIPLE_FORMATS, ids=lambda f: f.value)
def test_triple_formats_round_trip(store, tmp_path: Path, fmt: RdfFormat) -> None:
    out = tmp_path / f"graph.{fmt.extension}"
    export(store, fmt, out)
    again = _load(out, fmt)
    assert isomorphic(_graph_of(again), _graph_of(store))
    assert len(_graph_of(store)) == store.count() > 100


@pytest.mark.parametrize("fmt", DATASET_FORMATS, ids=lambda f: f.value)
def test_dataset_formats_keep_one_graph_per_article(store, tmp_path: Path, fmt: RdfFormat) -> None:
    out = tmp_path / f"graph.{fmt.extension}"
    export(store, fmt, out)
    again = _load(out, fmt)
    original, loaded = _article_graphs(store), _article_graphs(again)
    assert len(original) == 3
    assert set(loaded) == set(original)
    for name, graph in original.items():
        assert isomorphic(loaded[name], graph), name
    assert isomorphic(_graph_of(again), _graph_of(store))
    assert MERGED_GRAPH.encode() not in out.read_bytes()


@pytest.mark.parametrize("where", ["memory", "disk"])
def test_turtle_is_prefixed_and_grouped(store, tmp_path: Path, where: str) -> None:
    if where == "disk":
        store = open_store(build_disk(tmp_path / "store"), read_only=True)
    buf = io.BytesIO()
    export(store, "turtle", buf)
    text = buf.getvalue().decode("utf-8")
    assert "@prefix kg: <https://w3id.org/newskg/ontology#> ." in text
    assert "\norg:norvel-labs " in text
    assert "a kg:Organisation" in text
    assert "https://w3id.org/newskg/ontology#" not in text.split("\n", 20)[-1]
    subjects = [line.split(" ")[0] for line in text.splitlines() if line and not line[0].isspace()
                and not line.startswith("@")]
    assert len(subjects) == len(set(subjects))  # each subject written once, its triples grouped


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", [RdfFormat.TURTLE, RdfFormat.TRIG], ids=lambda f: f.value)
def test_rapper_parses_exports(store, tmp_path: Path, fmt: RdfFormat) -> None:
    out = tmp_path / f"graph.{fmt.extension}"
    export(store, fmt, out)
    proc = subprocess.run(["rapper", "-i", fmt.value, "-c", str(out)], capture_output=True, text=True, check=True)
    expected = store.count() if fmt is RdfFormat.TURTLE else sum(len(g) for g in _article_graphs(store).values())
    assert f"returned {expected} triples" in proc.stderr


def test_jsonld_has_a_context_and_compact_names(store) -> None:
    buf = io.BytesIO()
    export(store, "jsonld", buf)
    doc = json.loads(buf.getvalue())
    assert doc["@context"]["kg"] == "https://w3id.org/newskg/ontology#"
    nodes = {n["@id"]: n for n in doc["@graph"]}
    org = nodes["kgid:org/norvel-labs"]
    assert org["@type"] == ["kg:Organisation"]
    assert org["rdfs:label"] == ["Norvel Labs"]
    funding = nodes["kgid:funding/quitra-systems/eur-40000000"]
    assert funding["kg:amount"] == [{"@value": "40000000", "@type": "xsd:decimal"}]
    assert {"@value": "Allemagne", "@language": "fr"} in nodes["kgid:place/geonames-2921044"]["rdfs:label"]
    rdflib_graph = Graph().parse(data=buf.getvalue().decode("utf-8"), format="json-ld")
    assert isomorphic(rdflib_graph, _graph_of(store))


def test_jsonld_blank_nodes_and_iris_outside_prefixes() -> None:
    b = ox.BlankNode("n1")
    triples = [ox.Triple(b, ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/o")),
               ox.Triple(b, ox.NamedNode("http://example.org/q"), ox.Literal("x", language="en"))]
    buf = io.BytesIO()
    assert write_jsonld(triples, buf) == 2
    (node,) = json.loads(buf.getvalue())["@graph"]
    assert node == {"@id": "_:n1", "http://example.org/p": [{"@id": "http://example.org/o"}],
                    "http://example.org/q": [{"@value": "x", "@language": "en"}]}


def test_one_named_graph(store, tmp_path: Path) -> None:
    article = next(iter(_article_graphs(store)))
    out = tmp_path / "one.ttl"
    export(store, "turtle", out, graph=article)
    assert isomorphic(Graph().parse(out, format="turtle"), _graph_of(store, article))
    with pytest.raises(ExportError, match="not an IRI"):
        export(store, "turtle", tmp_path / "x.ttl", graph="norvel")


def test_with_ontology(store, tmp_path: Path) -> None:
    store.oxigraph.load(path=str(REPO / "ontology" / "kg.ttl"), format=ox.RdfFormat.TURTLE,
                        to_graph=ox.NamedNode(ONTOLOGY_IRI))
    plain, full = tmp_path / "plain.ttl", tmp_path / "full.ttl"
    export(store, "turtle", plain)
    export(store, "turtle", full, with_ontology=True)
    owl_ontology = "http://www.w3.org/2002/07/owl#Ontology"
    assert owl_ontology not in Graph().parse(plain).serialize(format="nt")
    assert owl_ontology in Graph().parse(full).serialize(format="nt")
    trig = tmp_path / "full.trig"
    export(store, "trig", trig, with_ontology=True)
    assert f"<{ONTOLOGY_IRI}>" in trig.read_text(encoding="utf-8")


def test_graphml_and_gexf(store, tmp_path: Path) -> None:
    import networkx as nx

    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        export(store, fmt, out)
        G = reader(out)
        node = G.nodes["https://w3id.org/newskg/id/org/norvel-labs"]
        assert node["type"] == "Organisation"
        assert node["label"] == "Norvel Labs"
        predicates = {d.get("predicate") for _, _, d in G.edges(data=True)}
        assert "https://w3id.org/newskg/ontology#hasOffice" in predicates
        assert "https://w3id.org/newskg/ontology#leadInvestor" in predicates
    with pytest.raises(ExportError, match="RDF formats"):
        export(store, "gexf", tmp_path / "x.gexf", with_ontology=True)


def test_csv_nodes_and_edges(store, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export(store, "csv", out)
    with open(out / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = {row["id"]: row for row in csv.DictReader(fh)}
    with open(out / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert nodes["https://w3id.org/newskg/id/org/norvel-labs"]["type"] == "Organisation"
    berlin = nodes["https://w3id.org/newskg/id/place/geonames-2950159"]
    assert (berlin["type"], berlin["label"], berlin["kg:geonamesId"]) == ("Place", "Berlin", "2950159")
    funding = nodes["https://w3id.org/newskg/id/funding/quitra-systems/eur-40000000"]
    assert funding["kg:amount"] == "40000000" and funding["kg:currency"] == "EUR"
    assert all(e["source"] in nodes and e["target"] in nodes for e in edges)
    assert {"source": "https://w3id.org/newskg/id/org/norvel-labs",
            "target": "https://w3id.org/newskg/id/office/norvel-labs/geonames-2996944",
            "predicate": "kg:hasOffice", "label": "has office"} in edges
    iri_objects = len(list(store.query("SELECT * WHERE { ?s ?p ?o FILTER(isIRI(?o) && ?p != rdf:type) }".replace(
        "rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"))))
    assert len(edges) == iri_objects
    with pytest.raises(ExportError, match="directory"):
        export(store, "csv", "-")


def test_default_output_under_exports(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert export(store, "nt") == "exports/graph.nt"
    assert (tmp_path / "exports" / "graph.nt").stat().st_size > 0
