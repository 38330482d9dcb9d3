"""The formats kg reads and writes, as enums, and the standard prefixes.

Three families:

- :class:`RdfFormat` — graphs and datasets (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML), each tied to
  Oxigraph's own parser/serialiser and a file extension;
- :class:`ResultFormat` — SPARQL SELECT/ASK results (a rich ``table`` for people, and the four SPARQL 1.1 result
  formats JSON, XML, CSV and TSV);
- :class:`GraphFormat` — network formats for graph tools (GraphML, GEXF, a CSV nodes/edges pair).

>>> RdfFormat.parse("nt")
<RdfFormat.NTRIPLES: 'ntriples'>
>>> RdfFormat.TURTLE.extension
'ttl'
>>> ResultFormat.parse("json").oxigraph.media_type
'application/sparql-results+json'
>>> prefixed("https://w3id.org/newskg/ontology#Office")
'kg:Office'
"""

from __future__ import annotations

import os
from enum import Enum
from typing import TypeVar

import pyoxigraph as ox

from kg.iris import DEFAULT_BASE, KG_NS

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgid": DEFAULT_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}
"""Prefixes for the table's prefixed names and for ``--param`` values (``kgid:org/openai``)."""

ID_PREFIXES: dict[str, str] = {kind: f"{DEFAULT_BASE}{kind}/" for kind in ("org", "person", "place", "article")}
"""One prefix per kind of entity whose local names are plain slugs (``org:openai``, ``place:geonames-2800866``)."""

SERIALISATION_PREFIXES: dict[str, str] = {k: v for k, v in PREFIXES.items() if k != "kgid"} | ID_PREFIXES
"""Prefixes declared in Turtle, TriG, RDF/XML and JSON-LD. No prefix for the id base itself: its local names hold
``/`` (``office/openai/geonames-2800866``), which Turtle would have to escape; those IRIs are written in full."""

E = TypeVar("E", bound="_Named")


class _Named(Enum):
    """An enum whose members are chosen by name on the command line, with aliases."""

    @classmethod
    def aliases(cls) -> dict[str, str]:
        return {}

    @classmethod
    def parse(cls: type[E], name: str) -> E:
        """The member called ``name`` (case-insensitive, aliases allowed); ValueError otherwise."""
        key = name.strip().lower()
        key = cls.aliases().get(key, key)
        for member in cls:
            if member.value == key:
                return member
        raise ValueError(f"unknown format {name!r}: choose one of {', '.join(cls.choices())}")

    @classmethod
    def choices(cls) -> list[str]:
        """Names accepted by :meth:`parse` (values then aliases)."""
        return [m.value for m in cls] + list(cls.aliases())


class RdfFormat(_Named):
    """RDF serialisations, all read and written by Oxigraph."""

    TURTLE = "turtle"
    TRIG = "trig"
    NQUADS = "nquads"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @classmethod
    def aliases(cls) -> dict[str, str]:
        return {"ttl": "turtle", "nq": "nquads", "nt": "ntriples", "json-ld": "jsonld", "rdf": "rdfxml",
                "owl": "rdfxml"}

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return {
            "turtle": ox.RdfFormat.TURTLE,
            "trig": ox.RdfFormat.TRIG,
            "nquads": ox.RdfFormat.N_QUADS,
            "ntriples": ox.RdfFormat.N_TRIPLES,
            "jsonld": ox.RdfFormat.JSON_LD,
            "rdfxml": ox.RdfFormat.RDF_XML,
        }[self.value]

    @property
    def extension(self) -> str:
        return {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt", "jsonld": "jsonld",
                "rdfxml": "rdf"}[self.value]

    @property
    def is_dataset(self) -> bool:
        """True for the formats that keep named graphs (TriG, N-Quads)."""
        return self in (RdfFormat.TRIG, RdfFormat.NQUADS)

    @property
    def media_type(self) -> str:
        return self.oxigraph.media_type

    @classmethod
    def from_path(cls, path: str) -> RdfFormat | None:
        """The format a file name's extension implies, or None (``.gz`` is not handled)."""
        ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        by_ext = {m.extension: m for m in cls} | {"jsonld": cls.JSONLD, "json": cls.JSONLD, "owl": cls.RDFXML,
                                                  "xml": cls.RDFXML, "turtle": cls.TURTLE}
        return by_ext.get(ext)


class ResultFormat(_Named):
    """Formats for SELECT and ASK results."""

    TABLE = "table"
    JSON = "json"
    XML = "xml"
    CSV = "csv"
    TSV = "tsv"

    @property
    def oxigraph(self) -> ox.QueryResultsFormat | None:
        """The SPARQL 1.1 results format (None for ``table``)."""
        return {
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
        }.get(self.value)

    @property
    def extension(self) -> str:
        return "txt" if self is ResultFormat.TABLE else self.value

    @classmethod
    def from_path(cls, path: str) -> ResultFormat | None:
        ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        return {"json": cls.JSON, "srj": cls.JSON, "xml": cls.XML, "srx": cls.XML, "csv": cls.CSV,
                "tsv": cls.TSV, "txt": cls.TABLE}.get(ext)


class GraphFormat(_Named):
    """Network formats for graph tools (Gephi, Cytoscape, yEd, spreadsheets)."""

    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"

    @property
    def extension(self) -> str:
        return self.value


def rdf_format_for(path: str | os.PathLike[str], name: str | None = None) -> ox.RdfFormat:
    """The Oxigraph format to parse ``path`` with: ``name`` if given, else the file's extension.

    >>> rdf_format_for("dump.nq") == ox.RdfFormat.N_QUADS
    True
    """
    if name:
        return RdfFormat.parse(name).oxigraph
    found = RdfFormat.from_path(str(path))
    if found is None:
        raise ValueError(f"cannot tell the RDF format of {path} from its extension: give --format "
                         f"({', '.join(m.value for m in RdfFormat)})")
    return found.oxigraph


def export_format(name: str) -> RdfFormat | GraphFormat:
    """An ``kg export --format`` name: an RDF format or a graph format.

    >>> export_format("nq"), export_format("gexf")
    (<RdfFormat.NQUADS: 'nquads'>, <GraphFormat.GEXF: 'gexf'>)
    """
    try:
        return RdfFormat.parse(name)
    except ValueError:
        pass
    try:
        return GraphFormat.parse(name)
    except ValueError:
        raise ValueError(f"unknown export format {name!r}: choose one of {', '.join(export_choices())}") from None


def export_choices() -> list[str]:
    return [m.value for m in RdfFormat] + [m.value for m in GraphFormat]


def prefixed(iri: str, prefixes: dict[str, str] | None = None) -> str:
    """``iri`` as a prefixed name when a prefix covers it and the rest is a plain local name, else ``<iri>``.

    >>> prefixed("https://w3id.org/newskg/id/org/openai")
    'kgid:org/openai'
    >>> prefixed("http://example.org/x")
    '<http://example.org/x>'
    """
    best = ""
    best_prefix = ""
    for name, ns in (prefixes or PREFIXES).items():
        if iri.startswith(ns) and len(ns) > len(best):
            best, best_prefix = ns, name
    if best:
        local = iri[len(best):]
        if local and all(c.isalnum() or c in "-_./+" for c in local) and not local.endswith("."):
            return f"{best_prefix}:{local}"
    return f"<{iri}>"


__all__ = ["PREFIXES", "ID_PREFIXES", "SERIALISATION_PREFIXES", "RdfFormat", "ResultFormat", "GraphFormat", "export_format", "export_choices", "rdf_format_for", "prefixed"]
