"""Extraction in several processes; the caller stays the one writer.

``kg ingest --workers N`` extracts in N worker processes (``forkserver`` start method, or ``spawn`` where
there is no forkserver), each loading the extractor, and so the spaCy pipelines, once, in the pool's
initializer. Results come back in input order, so commits stay ordered. The pool is kept between
calls (an ingest extracts batch after batch) and closed at exit or by :func:`shutdown`.

Like the single-process path, the workers' gazetteer is the list of known organisations given when
the pool starts: organisations added by later batches of the same ingest do not change it, so
``--workers 1`` and ``--workers N`` give the same graph.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import multiprocessing.pool
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from kg.errors import ExtractionError
from kg.model import Article, Extraction

ExtractorFactory = Callable[[list[str]], Any]


def default_factory(known_organisations: list[str]) -> Any:
    """The real extractor (imports spaCy: call it in a worker, not at import time)."""
    from kg.nlp import Extractor

    return Extractor(known_organisations=known_organisations)


def run_extractor(extractor: Any, article: Article) -> Extraction:
    """``extractor.extract(article)``, or ``extractor(article)`` for a callable extractor."""
    method = getattr(extractor, "extract", None)
    result = method(article) if callable(method) else extractor(article)
    return cast(Extraction, result)


# -- in the worker processes -----------------------------------------------------------------------
_worker_extractor: Any = None
_worker_error: str | None = None


def _init_worker(factory: ExtractorFactory, known: list[str], warm_up: bool) -> None:
    """Build the extractor once per worker. A failure is remembered, not raised (a raising initializer
    makes multiprocessing restart the worker forever)."""
    global _worker_extractor, _worker_error
    try:
        _worker_extractor = factory(known)
        if warm_up:
            from kg.nlp.pipeline import load_pipeline

            for lang in ("fr", "en"):
                load_pipeline(lang)
    except Exception as err:  # noqa: BLE001 - reported with every article of this worker
        _worker_error = f"the extractor could not be loaded in a worker: {type(err).__name__}: {err}"


def _work(article: Article) -> Extraction | ExtractionError:
    if _worker_error is not None:
        return ExtractionError(_worker_error)
    try:
        return run_extractor(_worker_extractor, article)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
        return ExtractionError(f"{type(err).__name__}: {err}")


# -- in the caller ---------------------------------------------------------------------------------
@dataclass
class _Pool:
    pool: multiprocessing.pool.Pool
    workers: int
    factory: ExtractorFactory
    known: frozenset[str]


_current: _Pool | None = None


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _pool_for(workers: int, known: list[str], factory: ExtractorFactory, warm_up: bool) -> multiprocessing.pool.Pool:
    """The running pool if it fits (same size and extractor, gazetteer grown at most), else a new one."""
    global _current
    wanted = frozenset(known)
    if (_current is not None and _current.workers == workers and _current.factory is factory
            and _current.known <= wanted):
        return _current.pool
    shutdown()
    pool = _context().Pool(workers, initializer=_init_worker, initargs=(factory, sorted(wanted), warm_up))
    _current = _Pool(pool, workers, factory, wanted)
    return pool


def shutdown() -> None:
    """Stop the worker processes (also done at interpreter exit)."""
    global _current
    if _current is not None:
        _current.pool.terminate()
        _current.pool.join()
        _current = None


atexit.register(shutdown)


def extract_parallel(articles: Iterable[Article], workers: int, known_orgs: Iterable[str], *,
                     factory: ExtractorFactory | None = None, chunksize: int = 2,
                     warm_up: bool = True) -> Iterator[tuple[Article, Extraction | Exception]]:
    """Extract ``articles`` in ``workers`` processes; yields ``(article, extraction or error)`` in input order.

    ``factory(known_orgs)`` builds the extractor in each worker (default: :class:`kg.nlp.Extractor`); it must
    be picklable (a module-level function). An article that fails gives its exception, never stops the rest.
    """
    items = list(articles)
    if not items:
        return
    make = factory or default_factory
    pool = _pool_for(max(1, workers), list(known_orgs), make, warm_up and factory is None)
    try:
        yield from zip(items, pool.imap(_work, items, chunksize=max(1, chunksize)), strict=True)
    except (OSError, EOFError, mp.ProcessError) as err:
        shutdown()
        raise ExtractionError(f"the extraction workers failed ({type(err).__name__}: {err}): retry with --workers 1")\
            from err
