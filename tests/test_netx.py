"""kg.netx: the store as a networkx graph (bulk queries, attributes, export-safe copy)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import networkx as nx
import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kg.mapping import article_iri, to_triples
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Partnership, Place, Role
from kg.netx import for_export, humanise, to_networkx

ID = "https://w3id.org/newskg/id/"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = '<img src=x onerror=alert(1)> "Quoted" Ltd'

LYON = Place("Lyon", "city", 2996944, (("en", "Lyon"), ("fr", "Lyon")), lat=45.75, long=4.85)
GENEVA = Place("Geneva", "city", 2660646, (("en", "Geneva"), ("fr", "Genève")), as_written="Genève")


def _ev(sentence: str, rule: str = "test.rule") -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence), rule=rule)


def sample_extractions() -> list[Extraction]:
    """Two hand-written articles about invented companies; the second carries hostile names."""
    s1 = "Lumora Robotics ouvre un bureau à Lyon, a annoncé sa PDG Inès Marchetti."
    s2 = "Lumora Robotics lève 12 millions d'euros en série A menée par Castellan Ventures."
    s3 = "Lumora Robotics s'associe à Verdane Systems."
    a1 = Extraction(
        article=Article(text=f"{s1} {s2} {s3}", title="Lumora grandit", date="2025-03-14",
                        url="https://news.example.org/lumora", lang="fr"),
        lang="fr",
        entities=[
            Entity("Organisation", "Lumora Robotics"),
            Entity("Person", "Inès Marchetti"),
            Entity("Organisation", "Castellan Ventures"),
            Entity("Organisation", "Verdane Systems"),
        ],
        places=[LYON],
        facts=[
            Office("Lumora Robotics", LYON, "opening", _ev(s1), start_date="2025-04"),
            Role("Inès Marchetti", "Lumora Robotics", "CEO", "PDG", _ev(s1)),
            FundingRound("Lumora Robotics", Decimal(12_000_000), "EUR", _ev(s2), series="Series A",
                         investors=("Castellan Ventures",), lead_investors=("Castellan Ventures",),
                         announced_on="2025-03"),
            Partnership(("Lumora Robotics", "Verdane Systems"), _ev(s3)),
        ],
    )
    s4 = f"{HOSTILE} and {HOSTILE_IMG} open an office in Geneva with Lumora Robotics."
    a2 = Extraction(
        article=Article(text=s4, title=f"Headline {HOSTILE}", date="2024-11-02",
                        url="javascript:alert(1)", lang="en"),
        lang="en",
        entities=[Entity("Organisation", HOSTILE), Entity("Organisation", HOSTILE_IMG),
                  Entity("Organisation", "Lumora Robotics")],
        places=[GENEVA],
        facts=[
            Office(HOSTILE_IMG, GENEVA, "existing", _ev(s4)),
            Office("Lumora Robotics", GENEVA, "planned", _ev(s4)),
            Partnership((HOSTILE, "Lumora Robotics"), _ev(s4)),
        ],
    )
    return [a1, a2]


class MemoryStore:
    """The store protocol over an in-memory pyoxigraph store: article graphs plus the merged default graph."""

    def __init__(self, extractions: list[Extraction], ontology: list[tuple[str, str, str]] = ()) -> None:
        self.store = Store()
        for ex in extractions:
            graph = NamedNode(article_iri(ex))
            for t in to_triples(ex):
                self.store.add(Quad(t.subject, t.predicate, t.object, graph))
                self.store.add(Quad(t.subject, t.predicate, t.object, DefaultGraph()))
        onto = NamedNode("https://w3id.org/newskg/ontology")
        for p, lang, label in ontology:
            self.store.add(Quad(NamedNode(p), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                                Literal(label, language=lang), onto))
        self.queries = 0

    def query(self, sparql: str, substitutions: dict[str, Any] | None = None) -> Any:
        self.queries += 1
        return self.store.query(sparql, substitutions=substitutions)


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return to_networkx(MemoryStore(sample_extractions()))


def test_to_networkx_nodes_and_types(graph: nx.MultiDiGraph) -> None:
    types = {d["type"] for _, d in graph.nodes(data=True)}
    assert types == {"Organisation", "Person", "Place", "Office", "Role", "Partnership", "FundingRound"}
    lumora = graph.nodes[ID + "org/lumora-robotics"]
    assert lumora["label"] == "Lumora Robotics"
    assert len(lumora["articles"]) == 2  # mentioned in both articles
    assert graph.nodes[ID + "place/geonames-2660646"]["label"] == "Geneva"
    assert "Genève" in graph.nodes[ID + "place/geonames-2660646"]["props"]["altLabel"]
    assert graph.nodes[ID + "place/geonames-2660646"]["props"]["kind"] == "City"


def test_to_networkx_props_are_typed(graph: nx.MultiDiGraph) -> None:
    funding = graph.nodes[ID + "funding/lumora-robotics/eur-12000000"]
    assert funding["props"]["amount"] == 12_000_000
    assert funding["props"]["currency"] == "EUR"
    assert funding["props"]["series"] == "Series A"
    assert funding["props"]["announcedOn"] == "2025-03"
    office = graph.nodes[ID + "office/lumora-robotics/geonames-2996944"]
    assert office["props"]["status"] == "opening"
    assert office["props"]["startDate"] == "2025-04"
    role = next(d for _, d in graph.nodes(data=True) if d["type"] == "Role")
    assert (role["props"]["title"], role["props"]["titleAsWritten"]) == ("CEO", "PDG")


def test_to_networkx_evidence_paired_with_its_article(graph: nx.MultiDiGraph) -> None:
    office = graph.nodes[ID + "office/lumora-robotics/geonames-2996944"]
    (ev,) = office["evidence"]
    assert ev["sentence"].startswith("Lumora Robotics ouvre un bureau")
    assert ev["headline"] == "Lumora grandit"
    assert ev["url"] == "https://news.example.org/lumora"
    assert ev["article"] == office["articles"][0]
    assert graph.graph["articles"][ev["article"]]["date"] == "2025-03-14"


def test_to_networkx_edges_labels_and_no_duplicate_investor(graph: nx.MultiDiGraph) -> None:
    funding = ID + "funding/lumora-robotics/eur-12000000"
    castellan = ID + "org/castellan-ventures"
    keys = set(graph[funding][castellan])
    assert keys == {"leadInvestor"}  # kg:investor is implied and not drawn twice
    assert graph[funding][castellan]["leadInvestor"]["label"] == "lead investor"
    assert graph.has_edge(ID + "org/lumora-robotics", ID + "office/lumora-robotics/geonames-2996944", "hasOffice")


def test_to_networkx_uses_ontology_labels() -> None:
    store = MemoryStore(sample_extractions(),
                        ontology=[("https://w3id.org/newskg/ontology#hasOffice", "en", "has office (ontology)"),
                                  ("https://w3id.org/newskg/ontology#hasOffice", "fr", "a pour bureau")])
    G = to_networkx(store)
    data = G.get_edge_data(ID + "org/lumora-robotics", ID + "office/lumora-robotics/geonames-2996944", "hasOffice")
    assert data["label"] == "has office (ontology)"
    assert store.queries <= 10  # bulk queries, not one per node


def test_to_networkx_types_and_articles() -> None:
    store = MemoryStore(sample_extractions())
    only = to_networkx(store, types=["organisation", "Person"])
    assert {d["type"] for _, d in only.nodes(data=True)} == {"Organisation", "Person"}
    with_articles = to_networkx(store, include_articles=True)
    arts = [n for n, d in with_articles.nodes(data=True) if d["type"] == "Article"]
    assert len(arts) == 2
    assert with_articles.nodes[arts[0]]["label"].startswith(("Lumora", "Headline"))
    assert any(k == "mentionedIn" for _, _, k in with_articles.in_edges(arts[0], keys=True))
    from kg.errors import KgError

    with pytest.raises(KgError, match="unknown node type"):
        to_networkx(store, types=["Company"])


def test_for_export_round_trips_graphml_and_gexf(graph: nx.MultiDiGraph, tmp_path) -> None:
    flat = for_export(graph)
    nx.write_graphml(flat, tmp_path / "g.graphml")
    nx.write_gexf(flat, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    funding = back.nodes[ID + "funding/lumora-robotics/eur-12000000"]
    assert funding["amount"] == 12_000_000.0
    assert json.loads(funding["evidence"])[0]["sentence"].startswith("Lumora Robotics lève")


def test_humanise() -> None:
    assert humanise("hasOffice") == "has office"


def test_to_networkx_on_the_embedded_store() -> None:
    from kg.store.base import ArticleGraph
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(None)
    store.write_articles([ArticleGraph(article_iri(ex), to_triples(ex))
                          for ex in sample_extractions()])
    G = to_networkx(store)
    reference = to_networkx(MemoryStore(sample_extractions()))
    assert sorted(G.nodes) == sorted(reference.nodes)
    assert sorted(G.edges(keys=True)) == sorted(reference.edges(keys=True))
    geneva = G.nodes[ID + "office/lumora-robotics/geonames-2660646"]
    assert geneva["evidence"] == reference.nodes[ID + "office/lumora-robotics/geonames-2660646"]["evidence"]
    assert geneva["evidence"][0]["headline"] == f"Headline {HOSTILE}"


def test_evidence_of_a_fact_reported_twice_keeps_each_sentence_with_its_article() -> None:
    again = "Le bureau lyonnais de Lumora Robotics ouvrira au printemps."
    third = Extraction(
        article=Article(text=again, title="Lumora à Lyon, suite", date="2025-04-01",
                        url="https://news.example.org/lumora-2", lang="fr"),
        lang="fr", entities=[Entity("Organisation", "Lumora Robotics")], places=[LYON],
        facts=[Office("Lumora Robotics", LYON, "opening", _ev(again))],
    )
    G = to_networkx(MemoryStore([*sample_extractions(), third]))
    office = G.nodes[ID + "office/lumora-robotics/geonames-2996944"]
    pairs = {(ev["sentence"][:20], ev["headline"]) for ev in office["evidence"]}
    assert pairs == {("Lumora Robotics ouvr", "Lumora grandit"), ("Le bureau lyonnais d", "Lumora à Lyon, suite")}
    assert len(office["articles"]) == 2
