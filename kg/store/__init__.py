"""The only code that touches a graph store.

>>> store = open_store(None)      # in memory
>>> store.count()
0
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.store.base import ONTOLOGY_GRAPH, ArticleGraph, Store

DEFAULT_STORE = ".kg/store"
STORE_ENV = "KG_STORE"

__all__ = ["ArticleGraph", "Store", "open_store", "default_location", "DEFAULT_STORE", "ONTOLOGY_GRAPH", "is_remote"]


def default_location() -> str:
    """``$KG_STORE`` if set, else ``.kg/store`` in the current folder."""
    return os.environ.get(STORE_ENV) or DEFAULT_STORE


def is_remote(location: str | os.PathLike[str] | None) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def open_store(location: str | os.PathLike[str] | None = None, *, create: bool = False,
               read_only: bool = False, **options: object) -> Store:
    """Open a store: ``None`` or ``":memory:"`` in memory, an ``http(s)://`` SPARQL endpoint, or a directory.

    Reading commands pass ``create=False`` so a missing store is an error, never created.
    """
    if location is None or str(location) == ":memory:":
        from kg.store.embedded import EmbeddedStore

        return EmbeddedStore(None)
    if is_remote(location):
        from kg.store.remote import RemoteStore

        return RemoteStore(str(location), **options)  # type: ignore[arg-type]
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(Path(location), create=create, read_only=read_only,
                         **options)  # type: ignore[arg-type]
