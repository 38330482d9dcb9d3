"""kg stats and kg show on a small hand-made graph."""

from decimal import Decimal

import pytest

from kg.errors import KgError
from kg.explore import find_entity, show, stats
from kg.mapping import to_triples
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Place, Role
from kg.store import ArticleGraph, open_store

LYON = Place(name="Lyon", geonames_id=2996944, labels=(("en", "Lyon"), ("fr", "Lyon")))


def _article(text, url, facts, entities):
    art = Article(text=text, url=url, title="Headline " + url[-1], date="2025-01-02")
    return Extraction(article=art, lang="en", entities=entities, facts=facts)


@pytest.fixture
def store():
    st = open_store(None)
    ev1 = Evidence("Zorvia opened an office in Lyon.", 0, 32, "test", 0.9)
    ev2 = Evidence("Zorvia, led by Élise Marchand, raised €5m.", 0, 43, "test", 0.8)
    ents = [Entity("Organisation", "Zorvia SAS", {"Zorvia"}), Entity("Person", "Élise Marchand")]
    ex1 = _article(ev1.sentence, "https://e.org/1", [Office("Zorvia SAS", LYON, "opening", ev1)], ents[:1])
    ex2 = _article(ev2.sentence, "https://e.org/2",
                   [FundingRound("Zorvia SAS", Decimal(5_000_000), "EUR", ev2),
                    Role("Élise Marchand", "Zorvia SAS", "CEO", "CEO", ev2)], ents)
    st.write_articles([ArticleGraph(f"https://w3id.org/newskg/id/article/{e.article.key}", to_triples(e))
                       for e in (ex1, ex2)])
    return st


def test_stats_counts_classes_and_ranks_entities(store):
    result = stats(store, top=3)
    assert result.articles == 2
    assert result.classes["Organisation"] == 1 and result.classes["Person"] == 1
    assert result.classes["Office"] == result.classes["FundingRound"] == result.classes["Role"] == 1
    assert result.top[0][0] == "Zorvia"  # the hub of every fact


@pytest.mark.parametrize("name", ["Zorvia", "Zorvia SAS", "zorvia", "ELISE MARCHAND"])
def test_find_entity_by_label_alias_or_folded(store, name):
    assert len(find_entity(store, name)) == 1


def test_show_lists_facts_with_evidence_and_sources(store):
    report = show(store, "Zorvia")
    assert report.label == "Zorvia" and "Organisation" in report.types
    kinds = sorted(f["type"] for f in report.facts)
    assert kinds == ["FundingRound", "Office", "Role"]
    office = next(f for f in report.facts if f["type"] == "Office")
    assert office["evidence"] == [{"sentence": "Zorvia opened an office in Lyon.",
                                   "article": office["evidence"][0]["article"], "headline": "Headline 1",
                                   "url": "https://e.org/1"}]


def test_show_unknown_name_is_a_clear_error(store):
    with pytest.raises(KgError, match="no organisation, person or place named 'Nobody'"):
        show(store, "Nobody")
