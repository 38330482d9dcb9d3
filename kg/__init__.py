"""kg: a knowledge graph from French and English news articles.

The public API, for notebooks and scripts (nothing heavy is imported until used):

>>> import kg
>>> graph = kg.KnowledgeGraph()                 # in memory; kg.KnowledgeGraph(".kg/store") on disk
>>> graph.query("ASK { ?s ?p ?o }")
False

Functions: :func:`open_store`, :func:`ingest`, :func:`query`, :func:`export`, :func:`to_networkx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "open_store", "ingest", "query", "export", "to_networkx", "__version__"]

if TYPE_CHECKING:
    from kg.ingest import IngestReport
    from kg.store import Store


def open_store(location: Any = None, *, create: bool = True, read_only: bool = False) -> Store:
    """Open (or create) a store: ``None`` in memory, a directory, or an ``http(s)://`` SPARQL endpoint."""
    from kg.store import open_store as _open

    return _open(location, create=create, read_only=read_only)


def ingest(store: Store, paths: Any, **options: Any) -> IngestReport:
    """Read, extract and store articles (files, folders, ``-``); see :func:`kg.ingest.ingest`."""
    from kg.ingest import ingest as _ingest

    if isinstance(paths, str):
        paths = [paths]
    return _ingest(store, paths, **options)


def query(store: Store, sparql: str, **params: Any) -> Any:
    """Run a SPARQL query or saved query; rows as dicts (see :func:`kg.api.query`)."""
    from kg.api import query as _query

    return _query(store, sparql, **params)


def export(store: Store, fmt: str, out: Any, **options: Any) -> Any:
    """Write the graph in an RDF or graph format (see :func:`kg.api.export`)."""
    from kg.api import export as _export

    return _export(store, fmt, out, **options)


def to_networkx(store: Store, **options: Any) -> Any:
    """The graph as a networkx MultiDiGraph (see :func:`kg.netx.to_networkx`)."""
    from kg.netx import to_networkx as _to_nx

    return _to_nx(store, **options)


class KnowledgeGraph:
    """A store with the kg operations as methods.

    >>> KnowledgeGraph().count()
    0
    """

    def __init__(self, location: Any = None, *, create: bool = True, read_only: bool = False) -> None:
        self.store = open_store(location, create=create, read_only=read_only)

    def ingest(self, paths: Any, **options: Any) -> IngestReport:
        return ingest(self.store, paths, **options)

    def query(self, sparql: str, **params: Any) -> Any:
        return query(self.store, sparql, **params)

    def export(self, fmt: str, out: Any, **options: Any) -> Any:
        return export(self.store, fmt, out, **options)

    def to_networkx(self, **options: Any) -> Any:
        return to_networkx(self.store, **options)

    def count(self) -> int:
        """Triples in the merged graph."""
        return self.store.count()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
