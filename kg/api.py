"""The Python API for querying and exporting (re-exported by :mod:`kg`).

Rows come back as plain dicts of Python values, so a notebook needs neither pandas nor RDF terms:
IRIs are ``str``, strings ``str`` (language tag dropped), numbers ``int`` / ``Decimal`` / ``float``,
``xsd:date`` a ``datetime.date``, unbound variables ``None`` (see :func:`kg.sparql.to_python`).
Pass ``as_terms=True`` to get pyoxigraph terms instead (language tags and datatypes kept).

>>> from kg.store import open_store
>>> store = open_store(None)
>>> store.update('''PREFIX kg: <https://w3id.org/newskg/ontology#>
...   PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
...   INSERT DATA { GRAPH <https://w3id.org/newskg/id/article/1> {
...     <https://w3id.org/newskg/id/org/acme> a kg:Organisation ; rdfs:label "Acme" ; kg:founded 1999 } }''')
>>> query(store, "SELECT ?org ?name ?year WHERE { ?org rdfs:label ?name ; kg:founded ?year }", name="Acme")
[{'org': 'https://w3id.org/newskg/id/org/acme', 'name': 'Acme', 'year': 1999}]
"""

from __future__ import annotations

import os
from typing import IO, Any

from kg.formats import GraphFormat, RdfFormat
from kg.netx import to_networkx
from kg.sparql import QueryResult, rows, run_query

__all__ = ["query", "query_result", "export", "to_networkx", "Table"]


def query(store: Any, sparql: str, *, limit: int | None = None, as_terms: bool = False,
          **params: Any) -> list[dict[str, Any]]:
    """Run SPARQL text, ``@file.rq`` or a saved query's name over the merged graph; rows as dicts.

    Keyword arguments bind variables (or a saved query's parameters) through the engine: strings are typed as
    ``kg query --param`` values are (``"<iri>"``, ``'"x"@fr'``, ``"2024-10-01"``, ``"42"``...), other Python
    values by their type; pass a ``pyoxigraph.Literal`` to force a plain string. SELECT gives one dict per
    solution (every variable a key); ASK gives ``[{"result": bool}]``; CONSTRUCT/DESCRIBE one
    ``{"subject", "predicate", "object"}`` dict per triple.

    >>> from kg.store import open_store
    >>> query(open_store(None), "ASK { ?s ?p ?o }")
    [{'result': False}]
    """
    return rows(run_query(store, sparql, params, limit=limit), as_terms=as_terms)


class Table:
    """A pandas-free result table: ``columns`` and ``rows`` (tuples of Python values).

    >>> from kg.store import open_store
    >>> t = query_result(open_store(None), "SELECT ?x WHERE { VALUES ?x { 1 2 } }")
    >>> t.columns, t.rows
    (['x'], [(1,), (2,)])
    """

    def __init__(self, columns: list[str], data: list[tuple[Any, ...]]) -> None:
        self.columns = columns
        self.rows = data

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Any:
        return iter(self.rows)

    def __repr__(self) -> str:
        return f"Table(columns={self.columns!r}, rows={len(self.rows)})"


def query_result(store: Any, sparql: str, *, limit: int | None = None, **params: Any) -> Table:
    """Like :func:`query`, as a :class:`Table` (columns in the query's order)."""
    result: QueryResult = run_query(store, sparql, params, limit=limit)
    dicts = rows(result)
    columns = result.variables if result.kind == "select" else list(dicts[0]) if dicts else []
    return Table(columns, [tuple(d[c] for c in columns) for d in dicts])


def export(store: Any, fmt: str | RdfFormat | GraphFormat = "turtle",
           out: str | os.PathLike[str] | IO[bytes] | None = None, *, graph: str | None = None,
           with_ontology: bool = False) -> str:
    """Write the graph as ``fmt`` (turtle, trig, nquads, ntriples, jsonld, rdfxml, graphml, gexf, csv) to ``out``
    (a path, ``"-"``, or a binary stream; default ``exports/graph.<ext>``). Returns where it went.

    >>> import io
    >>> from kg.store import open_store
    >>> buf = io.BytesIO()
    >>> export(open_store(None), "nquads", buf)
    'stream'
    >>> buf.getvalue()
    b''
    """
    from kg.exports import export as _export

    return _export(store, fmt, out, graph=graph, with_ontology=with_ontology)
