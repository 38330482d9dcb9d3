"""Parallel extraction (kg.parallel): ordered results, failures isolated, same graph as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from synthetic import failing_factory, make_articles, word_extractor_factory, write_markdown

from kg.errors import ExtractionError
from kg.ingest import ingest
from kg.model import Article
from kg.parallel import extract_parallel, run_extractor, shutdown
from kg.store import open_store


@pytest.fixture(autouse=True)
def _stop_pool():
    yield
    shutdown()


def test_results_in_input_order_and_failures_isolated() -> None:
    articles = [Article(**a) for a in make_articles(24)]
    articles[5] = Article(text="Acme BOOM Globex", lang="en", source="bad.txt")
    results = list(extract_parallel(articles, 2, ["Knownco"], factory=word_extractor_factory))
    assert [a for a, _ in results] == articles
    bad = results[5][1]
    assert isinstance(bad, ExtractionError) and "exploded" in str(bad)
    expected = word_extractor_factory(["Knownco"])
    for article, result in results[:5] + results[6:]:
        assert not isinstance(result, Exception)
        assert result.entities == run_extractor(expected, article).entities
        assert "Knownco" in {e.name for e in result.entities}


def test_a_worker_that_cannot_load_the_extractor_fails_every_article_without_hanging() -> None:
    articles = [Article(**a) for a in make_articles(4)]
    results = list(extract_parallel(articles, 2, [], factory=failing_factory))
    assert len(results) == 4
    assert all(isinstance(r, ExtractionError) and "model directory missing" in str(r) for _, r in results)


def test_pool_is_reused_while_the_gazetteer_only_grows() -> None:
    import kg.parallel as par

    list(extract_parallel([Article(text="Alpha Beta")] * 2, 2, ["Acme"], factory=word_extractor_factory))
    first = par._current
    list(extract_parallel([Article(text="Gamma Delta")] * 2, 2, ["Acme", "Newco"], factory=word_extractor_factory))
    assert par._current is first
    results = list(extract_parallel([Article(text="Gamma")] * 2, 2, ["Other"], factory=word_extractor_factory))
    assert par._current is not first
    assert "Other" in {e.name for e in results[0][1].entities}


def _quads(store) -> set:
    from kg.iris import MERGED_GRAPH

    rows = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", merged=False)
    return {(r["g"], r["s"], r["p"], r["o"]) for r in rows if r["g"].value != MERGED_GRAPH}


def test_ingest_with_two_workers_equals_one_process(tmp_path: Path) -> None:
    """The real extractor (spaCy) in 2 workers gives the same graph, triple for triple, as 1 process."""
    paths = write_markdown(tmp_path / "articles", make_articles(10, seed=3))
    one, two = open_store(None), open_store(None)
    r1 = ingest(one, [str(p) for p in paths], workers=1)
    r2 = ingest(two, [str(p) for p in paths], workers=2)
    assert (r1.ok, r1.failed) == (10, 0), r1.failures
    assert (r2.ok, r2.failed) == (10, 0), r2.failures
    assert _quads(one) == _quads(two)
    assert len(_quads(one)) > 100
