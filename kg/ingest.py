"""Articles in, named graphs out: read -> skip unchanged -> extract -> map -> write in batches.

One article is one named graph. Batches of articles are written in one transaction each, so an
interrupted ingest never leaves half an article in the store. An article whose content hash is
already stored is skipped (re-ingesting changes nothing); a changed article replaces its graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from kg.articles import ReadFailure, normalise_date, read_articles
from kg.errors import ArticleError, KgError
from kg.iris import KG_NS, Minter
from kg.model import Article, Extraction
from kg.store import ArticleGraph, Store

ProgressFn = Callable[[str, str], None]  # (source, outcome) with outcome in ok|unchanged|failed


@dataclass
class IngestReport:
    """What an ingest did."""

    ok: int = 0
    unchanged: int = 0
    failed: int = 0
    entities: int = 0  # distinct organisations and persons in the articles written
    facts: int = 0  # facts written
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.ok + self.unchanged + self.failed

    def summary(self) -> str:
        return (
            f"{self.ok} article(s) ingested, {self.unchanged} unchanged (skipped), {self.failed} failed; "
            f"{self.entities} entities and {self.facts} facts written"
        )


def known_organisations(store: Store) -> list[str]:
    """Names of the organisations already in the graph (the graph is a gazetteer, SPEC §6)."""
    sparql = (
        f"SELECT DISTINCT ?l WHERE {{ ?o a <{KG_NS}Organisation> . "
        "{ ?o <http://www.w3.org/2000/01/rdf-schema#label> ?l } UNION "
        "{ ?o <http://www.w3.org/2004/02/skos/core#altLabel> ?l } }"
    )
    return sorted({row["l"].value for row in store.query(sparql)})


def prepare(article: Article, lang: str | None, date: str | None) -> Article:
    """Apply the command-line defaults: a forced language, a date for articles that have none."""
    changes: dict[str, Any] = {}
    if lang and lang != "auto":
        changes["lang"] = lang
    if date and not article.date:
        changes["date"] = normalise_date(date)
    return replace(article, **changes) if changes else article


def first_per_article(items: Iterable[Article | ReadFailure], minter: Minter, *,
                      drop_identical: bool = False) -> Iterator[Article | ReadFailure]:
    """Pass ``items`` on, except a later article with the IRI (same URL) but other content than an earlier one in
    the same run: that one becomes a :class:`ReadFailure` naming the first, so ``ingest`` and ``extract`` + ``load``
    both keep the first. An identical copy (same content hash) passes, or is dropped with ``drop_identical``."""
    first: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, ReadFailure):
            yield item
            continue
        iri = minter.article(item.key)
        seen = first.get(iri)
        if seen is None:
            first[iri] = (item.content_hash, item.source or "-")
        elif seen[0] != item.content_hash:
            yield ReadFailure(item.source or "-", f"same URL as {seen[1]} but other content: skipped (the first is kept)")
            continue
        elif drop_identical:
            continue
        yield item


class Ingestor:
    """Ingests articles into a store, loading the NLP pipeline once (lazily, and only if something changed)."""

    def __init__(self, store: Store, *, minter: Minter | None = None, extractor: Any = None,
                 workers: int = 1, batch_size: int = 16) -> None:
        self.store = store
        self.minter = minter or Minter()
        self._extractor = extractor
        self.workers = max(1, workers)
        self.batch_size = max(1, batch_size)
        self._known: list[str] | None = None

    @property
    def known(self) -> list[str]:
        """The graph's organisation names, read once per run (the gazetteer the extractor starts from)."""
        if self._known is None:
            self._known = known_organisations(self.store)
        return self._known

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from kg.nlp import Extractor

            self._extractor = Extractor(known_organisations=self.known)
        return self._extractor

    def _extract_all(self, articles: list[Article]) -> Iterator[tuple[Article, Extraction | Exception]]:
        if self.workers > 1 and len(articles) > 1:
            from kg.parallel import extract_parallel

            yield from extract_parallel(articles, self.workers, self.known)
            return
        for article in articles:
            try:
                yield article, self.extractor.extract(article)
            except KgError as err:
                yield article, err
            except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
                yield article, err

    def run(self, items: Iterable[Article | ReadFailure], *, fail_fast: bool = False,
            progress: ProgressFn | None = None) -> IngestReport:
        from kg.ontology import ontology_path

        report = IngestReport()
        pending: list[Article] = []
        self.store.ensure_ontology(ontology_path())

        def flush() -> None:
            if pending:
                self._process(pending, report, fail_fast, progress)
                pending.clear()

        for item in first_per_article(items, self.minter):
            if isinstance(item, ReadFailure):
                report.failed += 1
                report.failures.append(item)
                if progress:
                    progress(item.source, "failed")
                if fail_fast:
                    flush()
                    raise ArticleError(str(item))
                continue
            pending.append(item)
            if len(pending) >= self.batch_size * self.workers:
                flush()
        flush()
        return report

    def _process(self, articles: list[Article], report: IngestReport, fail_fast: bool,
                 progress: ProgressFn | None) -> None:
        stored = self.store.content_hashes({self.minter.article(a.key) for a in articles})
        todo: list[Article] = []
        in_batch: dict[str, str] = {}
        for article in articles:
            iri = self.minter.article(article.key)
            if stored.get(iri) == article.content_hash or in_batch.get(iri) == article.content_hash:
                report.unchanged += 1
                if progress:
                    progress(article.source or "", "unchanged")
                continue
            in_batch[iri] = article.content_hash
            todo.append(article)
        graphs: list[ArticleGraph] = []
        sources: list[str] = []
        entity_iris: set[str] = set()
        facts = 0
        from kg.mapping import to_triples

        for article, result in self._extract_all(todo):
            source = article.source or ""
            if isinstance(result, Exception):
                report.failed += 1
                report.failures.append(ReadFailure(source, f"extraction failed: {result}"))
                if progress:
                    progress(source, "failed")
                if fail_fast:
                    self._write(graphs, report, sources, progress)
                    raise ArticleError(f"{source}: extraction failed: {result}") from result
                continue
            graphs.append(ArticleGraph(self.minter.article(article.key), to_triples(result, self.minter)))
            sources.append(source)
            entity_iris.update(
                (self.minter.person(e.name) if e.kind == "Person" else self.minter.organisation(e.name))
                for e in result.entities
            )
            facts += len(result.facts)
        self._write(graphs, report, sources, progress)
        report.entities += len(entity_iris)
        report.facts += facts

    def _write(self, graphs: list[ArticleGraph], report: IngestReport, sources: list[str],
               progress: ProgressFn | None) -> None:
        if not graphs:
            return
        self.store.write_articles(graphs)
        report.ok += len(graphs)
        if progress:
            for source in sources:
                progress(source, "ok")
        graphs.clear()
        sources.clear()


def ingest(store: Store, paths: Iterable[str], *, lang: str | None = None, date: str | None = None,
           workers: int = 1, fail_fast: bool = False, progress: ProgressFn | None = None,
           extractor: Any = None, minter: Minter | None = None, stdin: Any = None) -> IngestReport:
    """Read articles from ``paths`` (files, folders, ``-``) and write them into ``store``.

    >>> from kg.store import open_store
    >>> report = ingest(open_store(None), ["/no/such/file.txt"])
    >>> report.failed, report.failures[0].message
    (1, 'no such file or folder')
    """
    items = (prepare(i, lang, date) if isinstance(i, Article) else i for i in read_articles(paths, stdin=stdin))
    return Ingestor(store, minter=minter, extractor=extractor, workers=workers).run(
        items, fail_fast=fail_fast, progress=progress)
