"""Write the graph out: every RDF format through Oxigraph's own serialisers, GraphML/GEXF through networkx,
and a CSV nodes/edges pair.

- Turtle, N-Triples, JSON-LD and RDF/XML hold the merged graph (every supported triple once), or one ``graph``.
- TriG and N-Quads keep provenance: one named graph per article (the merged graph is not repeated).
- ``with_ontology`` adds the ontology (its own named graph in TriG/N-Quads, merged in otherwise).
- JSON-LD is written here, streamed subject by subject, with a ``@context`` of the standard prefixes
  (Oxigraph's JSON-LD writer emits no context).
- GraphML and GEXF hold the network of entities and facts of :func:`kg.netx.to_networkx` (types, labels and
  properties as node attributes, predicates as edge attributes).
- CSV is a directory with ``nodes.csv`` (id, type, label, one column per literal property) and ``edges.csv``
  (source, target, predicate, label): what Gephi, Neo4j or a spreadsheet import.

>>> import io
>>> from kg.store import open_store
>>> store = open_store(None)
>>> store.update('INSERT DATA { GRAPH <https://w3id.org/newskg/id/article/0> {'
...              ' <https://w3id.org/newskg/id/org/acme> a <https://w3id.org/newskg/ontology#Organisation> } }')
>>> buf = io.BytesIO()
>>> _ = export(store, "turtle", buf)
>>> print(buf.getvalue().decode().splitlines()[-1])
org:acme a kg:Organisation .
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.formats import PREFIXES, SERIALISATION_PREFIXES, GraphFormat, RdfFormat, export_format
from kg.iris import MERGED_GRAPH, ONTOLOGY_IRI

EXPORT_DIR = "exports"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ExportError(KgError):
    """An export could not be written as asked."""


def default_output(fmt: RdfFormat | GraphFormat) -> Path:
    """``exports/graph.<ext>`` (a directory ``exports/graph-csv/`` for CSV).

    >>> str(default_output(RdfFormat.TURTLE)), str(default_output(GraphFormat.CSV))
    ('exports/graph.ttl', 'exports/graph-csv')
    """
    if fmt is GraphFormat.CSV:
        return Path(EXPORT_DIR) / "graph-csv"
    return Path(EXPORT_DIR) / f"graph.{fmt.extension}"


# -- triples from any store ----------------------------------------------------------------------------------
def triples(store: Any, *, graph: str | None = None, with_ontology: bool = False) -> Iterator[ox.Triple]:
    """The triples of the merged graph (or ``graph``), plus the ontology if asked, grouped by subject within
    each graph. Reads the embedded store directly; any other store through an N-Triples dump in a temporary file."""
    native = getattr(store, "oxigraph", None)
    if isinstance(native, ox.Store):
        graphs = [graph or MERGED_GRAPH] + ([ONTOLOGY_IRI] if with_ontology and graph is None else [])
        for g in graphs:
            for q in native.quads_for_pattern(None, None, None, ox.NamedNode(g)):
                yield q.triple
        return
    with tempfile.TemporaryFile() as tmp:
        store.dump(tmp, ox.RdfFormat.N_TRIPLES, graph=graph, with_ontology=with_ontology)
        tmp.seek(0)
        yield from ox.parse(tmp, format=ox.RdfFormat.N_TRIPLES)


# -- JSON-LD -------------------------------------------------------------------------------------------------
def _compact(iri: str, prefixes: dict[str, str]) -> str:
    best = ""
    for ns in prefixes.values():
        if iri.startswith(ns) and len(ns) > len(best):
            best = ns
    if best and len(iri) > len(best) and not iri[len(best):].startswith("//"):
        name = next(k for k, v in prefixes.items() if v == best)
        return f"{name}:{iri[len(best):]}"
    return iri


def _node_ref(term: Any, prefixes: dict[str, str]) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return _compact(term.value, prefixes)


def _jsonld_value(term: Any, prefixes: dict[str, str]) -> Any:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": _compact(term.datatype.value, prefixes)}
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _node_ref(term, prefixes)}
    raise ExportError("RDF-star triple terms cannot be written as JSON-LD 1.1: export Turtle or N-Triples instead")


def write_jsonld(source: Iterable[ox.Triple], out: IO[bytes], prefixes: dict[str, str] | None = None) -> int:
    """Stream ``source`` as a JSON-LD document with a ``@context`` of ``prefixes``; one node object per run of
    triples with the same subject. Returns the number of triples written.

    >>> import io
    >>> t = ox.Triple(ox.NamedNode("https://w3id.org/newskg/id/org/acme"),
    ...               ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Acme"))
    >>> buf = io.BytesIO(); write_jsonld([t], buf)
    1
    >>> json.loads(buf.getvalue())["@graph"]
    [{'@id': 'kgid:org/acme', 'rdfs:label': ['Acme']}]
    """
    prefixes = PREFIXES if prefixes is None else prefixes
    writer = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True) \
        if not isinstance(out, io.TextIOBase) else out
    writer.write('{"@context": ' + json.dumps(prefixes, ensure_ascii=False) + ',\n "@graph": [')
    count = 0
    first = True
    subject: Any = None
    node: dict[str, Any] = {}

    def flush() -> None:
        nonlocal first
        if node:
            writer.write(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False))
            first = False

    for t in source:
        if t.subject != subject:
            flush()
            subject = t.subject
            node = {"@id": _node_ref(subject, prefixes)}
        p = t.predicate.value
        if p == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(t.object.value, prefixes))
        else:
            node.setdefault(_compact(p, prefixes), []).append(_jsonld_value(t.object, prefixes))
        count += 1
    flush()
    writer.write("\n]}\n")
    writer.flush()
    if writer is not out:
        writer.detach()
    return count


# -- CSV nodes / edges ---------------------------------------------------------------------------------------
def _prefixed(iri: str) -> str:
    from kg.formats import prefixed

    name = prefixed(iri)
    return name[1:-1] if name.startswith("<") else name


def write_csv(source_factory: Any, directory: Path) -> tuple[int, int]:
    """``nodes.csv`` and ``edges.csv`` in ``directory`` from the triples ``source_factory()`` yields (read twice:
    once for the columns, once for the rows). Returns (nodes, edges)."""
    from kg.netx import NODE_CLASSES, humanise, local_name

    directory.mkdir(parents=True, exist_ok=True)
    columns: dict[str, None] = {}
    for t in source_factory():
        if isinstance(t.object, ox.Literal) and t.predicate.value != RDFS_LABEL:
            columns.setdefault(_prefixed(t.predicate.value), None)
    prop_cols = sorted(columns)
    rank = {c: i for i, c in enumerate(NODE_CLASSES)}
    seen: set[str] = set()
    targets: set[str] = set()
    n_nodes = n_edges = 0
    with open(directory / "nodes.csv", "w", newline="", encoding="utf-8") as nf, \
            open(directory / "edges.csv", "w", newline="", encoding="utf-8") as ef:
        nodes = csv.writer(nf)
        edges = csv.writer(ef)
        nodes.writerow(["id", "type", "label", *prop_cols])
        edges.writerow(["source", "target", "predicate", "label"])
        current: str | None = None
        types: list[str] = []
        labels: list[tuple[str, str]] = []
        props: dict[str, list[str]] = {}

        def emit() -> None:
            nonlocal n_nodes
            if current is None:
                return
            kinds = sorted((local_name(t) for t in types), key=lambda k: (rank.get(k, len(rank)), k))
            label = sorted(labels, key=lambda v: (v[1] not in ("", "en"), v[1]))[0][0] if labels else ""
            nodes.writerow([current, kinds[0] if kinds else "", label,
                            *(" | ".join(props.get(c, [])) for c in prop_cols)])
            seen.add(current)
            n_nodes += 1

        for t in source_factory():
            s = t.subject.value if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
            if s != current:
                emit()
                current, types, labels, props = s, [], [], {}
            p, o = t.predicate.value, t.object
            if p == RDF_TYPE and isinstance(o, ox.NamedNode):
                types.append(o.value)
            elif isinstance(o, ox.Literal):
                if p == RDFS_LABEL:
                    labels.append((o.value, o.language or ""))
                else:
                    props.setdefault(_prefixed(p), []).append(o.value)
            else:
                target = o.value if isinstance(o, ox.NamedNode) else f"_:{o.value}"
                edges.writerow([s, target, _prefixed(p), humanise(local_name(p))])
                targets.add(target)
                n_edges += 1
        emit()
        for target in sorted(targets - seen):  # IRIs only pointed at (e.g. GeoNames): nodes without properties
            nodes.writerow([target, "", "", *([""] * len(prop_cols))])
            n_nodes += 1
    return n_nodes, n_edges


# -- the entry point -----------------------------------------------------------------------------------------
def _open_out(out: str | os.PathLike[str] | IO[bytes]) -> tuple[IO[bytes], bool]:
    if isinstance(out, (str, os.PathLike)):
        if str(out) == "-":
            return sys.stdout.buffer, False
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb"), True  # noqa: SIM115 - closed by the caller
    return out, False


def export(store: Any, fmt: str | RdfFormat | GraphFormat, out: str | os.PathLike[str] | IO[bytes] | None = None, *,
           graph: str | None = None, with_ontology: bool = False) -> str:
    """Write the graph of ``store`` as ``fmt`` to ``out`` (a path, ``"-"`` for stdout, or a binary stream;
    default ``exports/graph.<ext>``). Returns where it was written.

    ``graph`` exports one named graph (an article IRI) instead of the merged graph; ``with_ontology`` adds the
    ontology. CSV writes a directory (``out`` names it).
    """
    kind = export_format(fmt) if isinstance(fmt, str) else fmt
    if out is None:
        out = default_output(kind)
    where = "stdout" if str(out) == "-" else (str(out) if isinstance(out, (str, os.PathLike)) else "stream")

    if isinstance(kind, GraphFormat):
        if graph is not None or with_ontology:
            raise ExportError(f"--graph and --with-ontology apply to RDF formats, not to {kind.value}: "
                              "export Turtle or TriG for one article's graph")
        if kind is GraphFormat.CSV:
            if not isinstance(out, (str, os.PathLike)) or str(out) == "-":
                raise ExportError("CSV export writes a directory (nodes.csv, edges.csv): give --out DIRECTORY")
            write_csv(lambda: triples(store), Path(out))
            return where
        _write_network(store, kind, out)
        return where

    if graph is not None and not graph.startswith(("http://", "https://", "urn:")):
        raise ExportError(f"--graph {graph!r} is not an IRI: give the full IRI of a named graph (an article)")
    stream, close = _open_out(out)
    try:
        if kind is RdfFormat.JSONLD:
            write_jsonld(triples(store, graph=graph, with_ontology=with_ontology), stream, PREFIXES)
        else:
            use = SERIALISATION_PREFIXES if kind in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDFXML) else None
            if _in_memory(store):
                ox.serialize(_sorted_quads(store, kind, graph, with_ontology), stream, kind.oxigraph, prefixes=use)
            else:
                store.dump(stream, kind.oxigraph, graph=graph, with_ontology=with_ontology, prefixes=use)
        stream.flush()
    finally:
        if close:
            stream.close()
    return where


def _in_memory(store: Any) -> bool:
    """An embedded store in memory: its iteration order is insertion order, not grouped by subject."""
    return isinstance(getattr(store, "oxigraph", None), ox.Store) and getattr(store, "path", "") is None


def _sorted_quads(store: Any, kind: RdfFormat, graph: str | None, with_ontology: bool) -> list[Any]:
    """What ``Store.dump`` writes, sorted by graph and subject so Turtle/TriG group each subject's triples
    (the on-disk store already iterates in that order)."""
    native: ox.Store = store.oxigraph
    if kind.is_dataset and graph is None:
        skip = {MERGED_GRAPH} | (set() if with_ontology else {ONTOLOGY_IRI})
        quads = [q for q in native.quads_for_pattern(None, None, None, None)
                 if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name.value not in skip]
        quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate)))
        return quads
    items = sorted(triples(store, graph=graph, with_ontology=with_ontology),
                   key=lambda t: (str(t.subject), str(t.predicate)))
    if kind.is_dataset:
        name = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        return [ox.Quad(t.subject, t.predicate, t.object, name) for t in items]
    return items


def _write_network(store: Any, kind: GraphFormat, out: str | os.PathLike[str] | IO[bytes]) -> None:
    import networkx as nx

    from kg.netx import for_export, to_networkx

    G = for_export(to_networkx(store))
    writer = nx.write_graphml if kind is GraphFormat.GRAPHML else nx.write_gexf
    stream, close = _open_out(out)
    try:
        writer(G, stream)
        stream.flush()
    finally:
        if close:
            stream.close()


__all__ = ["export", "write_jsonld", "write_csv", "triples", "default_output", "ExportError", "EXPORT_DIR"]
