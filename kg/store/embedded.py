"""The embedded store: Oxigraph on disk (the default) or in memory."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreLocked, StoreNotFound
from kg.iris import KG_NS, MERGED_GRAPH
from kg.store.base import ONTOLOGY_GRAPH, Store, load_graph_for

_MERGED = ox.NamedNode(MERGED_GRAPH)
_ONTOLOGY = ox.NamedNode(ONTOLOGY_GRAPH)


_ROCKSDB_FILE = re.compile(r"CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|(MANIFEST|OPTIONS)-\d+|\d+\.(log|sst|blob)|.*\.dbtmp")


def _holds_rocksdb(path: Path) -> bool:
    """True if every file in the non-empty folder ``path`` is one RocksDB writes.

    A store that another process is creating right now has its ``LOG`` and ``LOCK`` before ``CURRENT``
    exists; such a folder is a store, and opening it waits on the lock. A folder with anything else in it
    is refused, so kg never writes a database into someone's documents.
    """
    return all(_ROCKSDB_FILE.fullmatch(entry.name) for entry in path.iterdir())


def _is_lock_error(err: OSError) -> bool:
    text = str(err).lower()
    return "lock" in text or "resource temporarily unavailable" in text


class EmbeddedStore(Store):
    """Oxigraph in a directory (``path``) or in memory (``path=None``)."""

    def __init__(self, path: Path | None = None, *, create: bool = False, read_only: bool = False,
                 lock_timeout: float = 30.0) -> None:
        self.path = path
        self.location = str(path) if path else ":memory:"
        self.read_only = read_only
        if path is None:
            self._store = ox.Store()
            return
        if not path.exists() or (path.is_dir() and not any(path.iterdir())):
            if not create:
                raise StoreNotFound(
                    f"no store at {path}: run `kg ingest` or `kg load` first, or point --store / KG_STORE at one"
                )
        elif not path.is_dir():
            raise StoreError(f"{path} is a file, not a store directory: choose another --store")
        elif not _holds_rocksdb(path):
            raise StoreError(f"{path} is not a kg store (no Oxigraph database in it): choose another --store")
        self._store = self._open(path, read_only, lock_timeout)

    @staticmethod
    def _open(path: Path, read_only: bool, lock_timeout: float) -> ox.Store:
        deadline = time.monotonic() + lock_timeout
        while True:
            try:
                if read_only:
                    return ox.Store.read_only(str(path))
                path.mkdir(parents=True, exist_ok=True)
                return ox.Store(str(path))
            except OSError as err:
                if not _is_lock_error(err):
                    raise StoreError(f"cannot open the store at {path}: {err}") from err
                if time.monotonic() >= deadline:
                    raise StoreLocked(
                        f"the store at {path} is in use by another kg process (waited {lock_timeout:.0f} s): "
                        "wait for it to finish, or use another --store"
                    ) from err
                time.sleep(0.2)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers that need its full API."""
        return self._store

    # -- reading ---------------------------------------------------------------------------------
    def query(self, sparql: str, *, substitutions: dict[str, Any] | None = None, merged: bool = True) -> Any:
        if substitutions:
            from kg.sparql import bind_values

            sparql = bind_values(sparql, substitutions)
        try:
            if merged:
                return self._store.query(sparql, default_graph=_MERGED)
            return self._store.query(sparql)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err

    # -- writing ---------------------------------------------------------------------------------
    def _update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("this store was opened read-only")
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise QueryError(f"SPARQL Update syntax error: {err}") from err

    def load(self, path: Path | IO[bytes], fmt: Any, *, graph: str | None = None) -> int:
        target = ox.NamedNode(load_graph_for(path, graph))
        counter = [0]

        def quads() -> Iterator[ox.Quad]:
            # one pass: each parsed quad and its copy in the merged graph go to Oxigraph's bulk writer together.
            # Measured at 1.9M quads against Store.bulk_load of the file followed by a refill of the merged graph
            # (by quads_for_pattern, or a CONSTRUCT dumped as N-Triples and bulk-loaded): as fast, and this one
            # needs no second read of the store and keeps the merged graph in step for stores that had data.
            parsed = ox.parse(path=str(path), format=fmt) if isinstance(path, Path) else ox.parse(path, format=fmt)
            skip = (_ONTOLOGY, _MERGED)
            for q in parsed:
                counter[0] += 1
                g = q.graph_name
                if isinstance(g, ox.DefaultGraph):
                    q = ox.Quad(q.subject, q.predicate, q.object, target)
                    g = target
                yield q
                if g not in skip:
                    yield ox.Quad(q.subject, q.predicate, q.object, _MERGED)

        try:
            self._store.bulk_extend(quads())
        except SyntaxError as err:
            raise StoreError(f"cannot parse {path}: {err}") from err
        self._store.flush()
        return counter[0]

    def named_graphs(self) -> set[str]:
        return {g.value for g in self._store.named_graphs()} - {MERGED_GRAPH, ONTOLOGY_GRAPH}

    def ensure_ontology(self, ontology_ttl: Path) -> None:
        data = ontology_ttl.read_bytes()
        digest = ox.Literal(hashlib.sha256(data).hexdigest())
        marker = ox.NamedNode(KG_NS + "contentHash")
        if any(self._store.quads_for_pattern(_ONTOLOGY, marker, digest, _ONTOLOGY)):
            return
        # blank nodes (OWL lists) get canonical ids, so every store holds the same ontology quads
        dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object, _ONTOLOGY)
                             for t in ox.parse(data, format=ox.RdfFormat.TURTLE))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        fresh = [*dataset, ox.Quad(_ONTOLOGY, marker, digest, _ONTOLOGY)]
        self._store.update(f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}>")
        self._store.extend(fresh)

    def _article_quads(self, with_ontology: bool) -> Iterator[ox.Quad]:
        """Every quad but the merged graph's, graph by graph (never materialising the merged graph's quads)."""
        yield from self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        for g in self._store.named_graphs():
            if g == _MERGED or (g == _ONTOLOGY and not with_ontology):
                continue
            yield from self._store.quads_for_pattern(None, None, None, g)

    def dump(self, output: IO[bytes], fmt: Any, *, graph: str | None = None, with_ontology: bool = False,
             prefixes: dict[str, str] | None = None) -> None:
        quad_format = fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
        if quad_format and graph is None:
            ox.serialize(self._article_quads(with_ontology), output, fmt, prefixes=prefixes)
            return
        source = ox.NamedNode(graph) if graph else _MERGED
        if with_ontology and graph is None:
            triples: Any = (q.triple for g in (_MERGED, _ONTOLOGY)
                            for q in self._store.quads_for_pattern(None, None, None, g))
            if quad_format:
                triples = (ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            ox.serialize(triples, output, fmt, prefixes=prefixes)
            return
        if quad_format:
            ox.serialize((ox.Quad(q.subject, q.predicate, q.object, q.graph_name)
                          for q in self._store.quads_for_pattern(None, None, None, source)), output, fmt,
                         prefixes=prefixes)
            return
        self._store.dump(output, fmt, from_graph=source, prefixes=prefixes)

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        # pyoxigraph releases the database (and its lock) when the object is dropped
        del self._store
