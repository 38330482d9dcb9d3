"""What every store offers, and the SPARQL that keeps the merged graph in step.

Layout (SPEC §3): one named graph per article (its IRI), the materialised merged graph
``MERGED_GRAPH`` holding every article triple once, the ontology in ``ONTOLOGY_GRAPH``.
Triples written to the store's default graph by ``kg update`` count as supported too.
Every write is one SPARQL Update request, so it runs as one transaction on Oxigraph
and on any SPARQL 1.1 endpoint: an article is written whole or not at all.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pyoxigraph import Triple

from kg.iris import KG_NS, MERGED_GRAPH, ONTOLOGY_IRI

ONTOLOGY_GRAPH = ONTOLOGY_IRI
_RESERVED = (MERGED_GRAPH, ONTOLOGY_GRAPH)


LOAD_GRAPH_BASE = "https://w3id.org/newskg/graph/load/"


def load_graph_for(path: Path | IO[bytes], graph: str | None) -> str:
    """The named graph that ``kg load`` gives the default-graph triples of ``path``: ``graph``, or one per file."""
    if graph is not None:
        return graph
    name = path.name if isinstance(path, Path) else "stdin"
    return LOAD_GRAPH_BASE + hashlib.sha256(str(name).encode()).hexdigest()[:16]


@dataclass
class ArticleGraph:
    """The triples one article supports, to be stored in the named graph ``iri``."""

    iri: str
    triples: Sequence[Triple]  # include the article's kg:contentHash triple (what re-ingest compares)


def _nt(triple: Triple) -> str:
    return f"{triple.subject} {triple.predicate} {triple.object} ."


def _not_elsewhere(graph: str) -> str:
    """SPARQL filter: the triple ?s ?p ?o is held by no other supporting graph than ``graph``."""
    excluded = ", ".join(f"<{g}>" for g in (graph, *_RESERVED))
    return (
        "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } "
        f"FILTER(?other NOT IN ({excluded})) }} "
        "FILTER NOT EXISTS { ?s ?p ?o }"
    )


def replace_article_update(graph: ArticleGraph | None, iri: str) -> str:
    """SPARQL Update that removes article ``iri`` (and what only it supported) then writes ``graph``."""
    parts = [
        f"DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} {_not_elsewhere(iri)} }}",
        f"DROP SILENT GRAPH <{iri}>",
    ]
    if graph is not None and graph.triples:
        body = "\n".join(_nt(t) for t in graph.triples)
        parts.append(f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} GRAPH <{MERGED_GRAPH}> {{\n{body}\n}} }}")
    return " ;\n".join(parts)


def resync_merged_update() -> str:
    """SPARQL Update rebuilding the merged graph from every supporting graph (after a free-form update or load)."""
    reserved = ", ".join(f"<{g}>" for g in _RESERVED)
    return (
        f"DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({reserved})) }} "
        "FILTER NOT EXISTS { ?s ?p ?o } } ;\n"
        f"INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER(?g NOT IN ({reserved})) }} ;\n"
        f"INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"
    )


HASHES_QUERY = (f"SELECT ?a ?h WHERE {{ GRAPH ?a {{ ?a <{KG_NS}contentHash> ?h }} "
                f"FILTER(?a != <{ONTOLOGY_IRI}>) }}")


class Store(ABC):
    """A kg graph store: embedded Oxigraph (disk or memory) or a remote SPARQL endpoint."""

    location: str

    # -- reading ---------------------------------------------------------------------------------
    @abstractmethod
    def query(self, sparql: str, *, substitutions: dict[str, Any] | None = None, merged: bool = True) -> Any:
        """Run a SPARQL query (the merged graph as default graph unless ``merged`` is false).

        Returns pyoxigraph results: ``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``.
        ``substitutions`` maps variable names to pyoxigraph terms, bound with a VALUES block
        (:func:`kg.sparql.bind_values`): values are serialised terms, never query text.
        """

    def content_hashes(self, iris: Iterable[str] | None = None) -> dict[str, str]:
        """Content hash of each stored article (all articles when ``iris`` is None)."""
        wanted = None if iris is None else set(iris)
        if wanted is not None and not wanted:
            return {}
        sparql = HASHES_QUERY
        if wanted is not None:
            values = " ".join(f"<{i}>" for i in sorted(wanted))
            sparql = HASHES_QUERY.replace("WHERE {", f"WHERE {{ VALUES ?a {{ {values} }}", 1)
        return {row["a"].value: row["h"].value for row in self.query(sparql, merged=False)}

    def count(self, graph: str | None = MERGED_GRAPH) -> int:
        sparql = (
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            if graph
            else "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        )
        for row in self.query(sparql, merged=False):
            return int(row["n"].value)
        return 0

    def article_iris(self) -> list[str]:
        return sorted(self.content_hashes())

    # -- writing ---------------------------------------------------------------------------------
    @abstractmethod
    def _update(self, sparql: str) -> None:
        """Run one SPARQL Update request as one transaction."""

    def write_articles(self, graphs: Sequence[ArticleGraph]) -> None:
        """Replace each article's named graph and keep the merged graph in step, all in one transaction."""
        if graphs:
            self._update(" ;\n".join(replace_article_update(g, g.iri) for g in graphs))

    def remove_articles(self, iris: Iterable[str]) -> None:
        """Remove articles and every merged triple that only they supported."""
        ops = [replace_article_update(None, iri) for iri in iris]
        if ops:
            self._update(" ;\n".join(ops))

    def named_graphs(self) -> set[str]:
        """IRIs of the named graphs holding data, the merged and ontology graphs excepted."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", merged=False)
        return {row["g"].value for row in rows} - set(_RESERVED)

    def replace_graphs_of(self, path: Path, fmt: Any, *, graph: str | None = None) -> list[str]:
        """Before loading ``path``: remove the graphs it holds that the store already has (with what only they
        supported in the merged graph), so that loading a re-extracted article replaces it instead of adding to
        its old triples. Returns the graphs removed. Reads the file once more only when the store has graphs."""
        import pyoxigraph as ox

        existing = self.named_graphs()
        if not existing:
            return []
        default = load_graph_for(path, graph)
        in_file = {default if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
                   for q in ox.parse(path=str(path), format=fmt)}
        replaced = sorted(in_file & existing)
        self.remove_articles(replaced)
        return replaced

    def update(self, sparql: str) -> None:
        """A free-form SPARQL Update; the merged graph is rebuilt in the same transaction."""
        self._update(sparql + " ;\n" + resync_merged_update())

    @abstractmethod
    def load(self, path: Path | IO[bytes], fmt: Any, *, graph: str | None = None) -> int:
        """Import an RDF file as it is (named graphs kept; default-graph triples into ``graph``).

        Returns the number of quads read. The merged graph is kept in step.
        """

    @abstractmethod
    def ensure_ontology(self, ontology_ttl: Path) -> None:
        """Load (or refresh) the ontology into its own named graph."""

    @abstractmethod
    def dump(self, output: IO[bytes], fmt: Any, *, graph: str | None = None, with_ontology: bool = False,
             prefixes: dict[str, str] | None = None) -> None:
        """Serialise the merged graph (or one ``graph``; all article graphs for quad formats)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store (flush, unlock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

