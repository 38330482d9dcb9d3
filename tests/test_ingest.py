"""Ingest orchestration with a stand-in extractor: idempotence, replacement, failures, merged graph."""

from decimal import Decimal

import pytest

from kg.errors import ArticleError
from kg.ingest import ingest
from kg.iris import MERGED_GRAPH
from kg.model import Entity, Evidence, Extraction, FundingRound
from kg.store import open_store


class WordExtractor:
    """Every capitalised word is an organisation; 'raised N' gives a funding round of the first one."""

    def __init__(self):
        self.calls = 0

    def extract(self, article):
        self.calls += 1
        if "EXPLODE" in article.text:
            raise RuntimeError("model crashed")
        names = sorted({w.strip(".,") for w in article.text.split() if w[:1].isupper()})
        ex = Extraction(article=article, lang="en", entities=[Entity("Organisation", n) for n in names])
        words = article.text.split()
        if "raised" in words and names:
            amount = Decimal(words[words.index("raised") + 1].strip("."))
            ev = Evidence(article.text, 0, len(article.text), "test.raised", 0.9)
            ex.facts.append(FundingRound(names[0], amount, "EUR", ev))
        return ex


def _graph_sets(store):
    out = {}
    for q in store.oxigraph.quads_for_pattern(None, None, None, None):
        out.setdefault(q.graph_name.value, set()).add((q.subject, q.predicate, q.object))
    return out


def _assert_merged_is_union(store):
    graphs = _graph_sets(store)
    merged = graphs.pop(MERGED_GRAPH, set())
    union = set().union(*[g for name, g in graphs.items() if name != "https://w3id.org/newskg/ontology"])
    assert merged == union


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.md").write_text("---\nurl: https://e.org/a\n---\nAlpha raised 10.")
    (tmp_path / "b.md").write_text("---\nurl: https://e.org/b\n---\nBeta and Alpha raised 20.")
    return tmp_path


def test_ingest_writes_one_graph_per_article_and_the_merged_union(corpus):
    store, fx = open_store(None), WordExtractor()
    report = ingest(store, [str(corpus)], extractor=fx)
    assert (report.ok, report.failed, report.unchanged, report.facts) == (2, 0, 0, 2)
    assert len(store.article_iris()) == 2
    _assert_merged_is_union(store)


def test_reingest_unchanged_is_skipped_and_changes_nothing(corpus):
    store, fx = open_store(None), WordExtractor()
    ingest(store, [str(corpus)], extractor=fx)
    before = _graph_sets(store)
    report = ingest(store, [str(corpus)], extractor=fx)
    assert (report.ok, report.unchanged, fx.calls) == (0, 2, 2)
    assert _graph_sets(store) == before


def test_changed_article_replaces_its_graph_and_drops_what_only_it_supported(corpus):
    store, fx = open_store(None), WordExtractor()
    ingest(store, [str(corpus)], extractor=fx)
    (corpus / "b.md").write_text("---\nurl: https://e.org/b\n---\nGamma raised 30.")
    report = ingest(store, [str(corpus)], extractor=fx)
    assert (report.ok, report.unchanged) == (1, 1)
    labels = {r["l"].value for r in store.query(
        "SELECT ?l WHERE { ?o a <https://w3id.org/newskg/ontology#Organisation> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")}
    assert labels == {"Alpha", "Gamma"}  # Beta was only in the old b.md; Alpha still supported by a.md
    _assert_merged_is_union(store)


def test_bad_files_and_failed_extraction_are_reported_and_others_ingested(corpus):
    (corpus / "empty.txt").write_text("")
    (corpus / "boom.txt").write_text("Delta EXPLODE.")
    store = open_store(None)
    report = ingest(store, [str(corpus)], extractor=WordExtractor())
    assert (report.ok, report.failed) == (2, 2)
    messages = sorted(str(f) for f in report.failures)
    assert any("boom.txt: extraction failed: model crashed" in m for m in messages)
    assert any("empty.txt: empty file" in m for m in messages)


def test_fail_fast_stops_at_first_failure(corpus):
    (corpus / "0-empty.txt").write_text("")
    with pytest.raises(ArticleError, match="0-empty.txt"):
        ingest(open_store(None), [str(corpus)], extractor=WordExtractor(), fail_fast=True)


def test_forced_language_and_default_date(corpus):
    seen = []

    class Spy(WordExtractor):
        def extract(self, article):
            seen.append((article.lang, article.date))
            return super().extract(article)

    ingest(open_store(None), [str(corpus / "a.md")], extractor=Spy(), lang="fr", date="2023-04-05")
    assert seen == [("fr", "2023-04-05")]


def test_same_url_with_other_content_keeps_the_first_in_ingest_and_extract(corpus):
    import pyoxigraph as ox

    from kg.extract import extract_to
    from kg.ontology import ontology_path

    (corpus / "c.md").write_text("---\nurl: https://e.org/a\n---\nDelta raised 40.")  # a.md's URL, other text
    (corpus / "d.md").write_text((corpus / "a.md").read_text())  # an identical copy of a.md
    store, fx = open_store(None), WordExtractor()
    report = ingest(store, [str(corpus)], extractor=fx)
    assert (report.ok, report.unchanged, report.failed) == (2, 1, 1)
    assert report.failures[0].source.endswith("c.md") and "same URL as" in report.failures[0].message
    assert "a.md" in report.failures[0].message
    labels = {str(o) for (_, _, o) in set().union(*_graph_sets(store).values())}
    assert '"Delta"' not in labels and '"Alpha"' in labels

    out = corpus / "out.nq"
    with open(out, "wb") as fh:
        failures = extract_to([str(corpus / n) for n in ("a.md", "b.md", "c.md", "d.md")], fh, "nquads",
                              extractor=WordExtractor())
    assert [f.source.endswith("c.md") for f in failures] == [True]
    loaded = open_store(None)
    loaded.ensure_ontology(ontology_path())
    loaded.load(out, ox.RdfFormat.N_QUADS)
    assert _graph_sets(loaded) == _graph_sets(store)
