"""Stateless extraction: articles in, RDF quads (one named graph per article) or JSON lines out.

This is the map step of a distributed build: run it on partitions of a corpus anywhere, then
``kg load`` the outputs into one store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from decimal import Decimal
from typing import IO, Any

from kg.articles import ReadFailure, read_articles
from kg.errors import ArticleError
from kg.iris import Minter
from kg.model import Article, Extraction


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set):
        return sorted(value)
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def extraction_to_json(extraction: Extraction, minter: Minter | None = None) -> dict[str, Any]:
    """A JSON-ready view of an extraction: the article IRI, entities, places and typed facts."""
    minter = minter or Minter()
    data: dict[str, Any] = asdict(extraction)
    data["article"]["iri"] = minter.article(extraction.article.key)
    data["facts"] = [{"type": type(f).__name__, **asdict(f)} for f in extraction.facts]
    result: dict[str, Any] = _jsonable(data)
    return result


def extract_articles(items: Iterable[Article | ReadFailure], *, extractor: Any = None,
                     fail_fast: bool = False) -> Iterator[Extraction | ReadFailure]:
    """Extractions for the articles, failures passed through (or raised with ``fail_fast``)."""
    for item in items:
        if isinstance(item, ReadFailure):
            if fail_fast:
                raise ArticleError(str(item))
            yield item
            continue
        if extractor is None:
            from kg.nlp import Extractor

            extractor = Extractor()
        try:
            yield extractor.extract(item)
        except Exception as err:  # noqa: BLE001 - reported per article
            failure = ReadFailure(item.source or "-", f"extraction failed: {err}")
            if fail_fast:
                raise ArticleError(str(failure)) from err
            yield failure


def extract_to(paths: Iterable[str], out: IO[bytes], fmt: str, *, lang: str | None = None, date: str | None = None,
               fail_fast: bool = False, extractor: Any = None, minter: Minter | None = None) -> list[ReadFailure]:
    """Extract the articles under ``paths`` and write ``fmt`` (trig, nquads, jsonl) to ``out``; return failures."""
    import pyoxigraph as ox

    from kg.ingest import first_per_article, prepare
    from kg.mapping import to_triples

    minter = minter or Minter()
    failures: list[ReadFailure] = []
    items = first_per_article((prepare(i, lang, date) if isinstance(i, Article) else i for i in read_articles(paths)),
                              minter, drop_identical=True)
    rdf_format = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}.get(fmt)
    for result in extract_articles(items, extractor=extractor, fail_fast=fail_fast):
        if isinstance(result, ReadFailure):
            failures.append(result)
            continue
        if rdf_format is None:
            out.write(json.dumps(extraction_to_json(result, minter), ensure_ascii=False).encode("utf-8") + b"\n")
            continue
        graph = ox.NamedNode(minter.article(result.article.key))
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in to_triples(result, minter)]
        ox.serialize(quads, out, rdf_format)
    out.flush()
    return failures
