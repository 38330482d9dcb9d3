"""The graph as a networkx ``MultiDiGraph``: entities and fact nodes, for the HTML view, GraphML/GEXF and stats.

:func:`to_networkx` reads a store with a handful of bulk SELECT queries (never one query per node). Nodes are keyed
by IRI and carry ``label``, ``type`` (the class local name), ``props`` (literal properties), ``evidence`` (sentences
with their source article) and ``articles`` (the IRIs of the articles a node comes from). Edges carry ``predicate``
(IRI) and ``label`` (the property's English label from the ontology, else a humanised local name).
``G.graph["articles"]`` maps every article IRI to its ``headline``, ``url``, ``date`` and ``lang``.

:func:`for_export` flattens those attributes to the strings and numbers that GraphML and GEXF accept.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from kg.iris import KG_NS, MERGED_GRAPH, ONTOLOGY_IRI

if TYPE_CHECKING:
    import networkx as nx

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: The classes drawn as nodes, in priority order (a node typed twice takes the first).
NODE_CLASSES = ("Organisation", "Person", "Place", "Office", "Role", "Partnership", "FundingRound", "Article")
#: Classes whose nodes are facts (they sit between entities and carry evidence).
FACT_CLASSES = frozenset({"Office", "Role", "Partnership", "FundingRound"})

# Literal properties that are not node properties: the label has its own attribute, evidence its own list.
_SKIPPED_LITERALS = frozenset(
    {RDFS_LABEL, KG_NS + "evidence", KG_NS + "evidenceStart", KG_NS + "evidenceEnd", KG_NS + "contentHash"}
)
# Object properties that are not drawn as edges (provenance handled as node attributes unless articles are shown).
_ARTICLE_LINKS = frozenset({KG_NS + "mentionedIn", PROV_DERIVED})
# Sub-properties whose super-property is also written for the same pair: keep only the more specific edge.
_IMPLIED = {KG_NS + "leadInvestor": KG_NS + "investor"}

_PREFIXES = f"""PREFIX kg: <{KG_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <{SCHEMA}>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


class QueryableStore(Protocol):
    """Anything with kg's store ``query`` method (SELECT results iterate as rows indexable by variable name)."""

    def query(self, sparql: str, *, substitutions: dict[str, Any] | None = None) -> Any: ...


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/newskg/ontology#hasOffice")
    'hasOffice'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def humanise(name: str) -> str:
    """A readable label from a camelCase local name.

    >>> humanise("leadInvestor")
    'lead investor'
    >>> humanise("wasDerivedFrom")
    'was derived from'
    """
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


def _value(term: Any) -> Any:
    """A Python value for an RDF term: numbers for numeric literals, strings otherwise."""
    text = term.value
    datatype = getattr(getattr(term, "datatype", None), "value", "")
    if datatype in (XSD + "integer", XSD + "int", XSD + "long", XSD + "nonNegativeInteger"):
        try:
            return int(text)
        except ValueError:
            return text
    if datatype in (XSD + "decimal", XSD + "double", XSD + "float"):
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if datatype == XSD + "boolean":
        return text in ("true", "1")
    return text


def _lang(term: Any) -> str:
    return getattr(term, "language", None) or ""


def _rows(store: QueryableStore, sparql: str) -> Iterable[Any]:
    return store.query(_PREFIXES + sparql)


def _select_nodes(store: QueryableStore, classes: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Node IRI -> class local name, and Place IRI -> 'City'/'Country'."""
    wanted = " ".join(f"kg:{c}" for c in (*classes, "City", "Country"))
    rank = {c: i for i, c in enumerate(NODE_CLASSES)}
    types: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for row in _rows(store, f"SELECT ?s ?c WHERE {{ VALUES ?c {{ {wanted} }} ?s a ?c }}"):
        iri, cls = row["s"].value, local_name(row["c"].value)
        if cls in ("City", "Country"):
            kinds[iri] = cls
            continue
        if iri not in types or rank[cls] < rank[types[iri]]:
            types[iri] = cls
    return types, kinds


def _pick_label(labels: list[tuple[str, str]]) -> tuple[str | None, list[str]]:
    """The English (else plain, else first) label and the other distinct labels."""
    if not labels:
        return None, []
    order = {"en": 0, "": 1}
    best = sorted(labels, key=lambda lv: (order.get(lv[0], 2), lv[0], lv[1]))[0][1]
    others = sorted({text for _, text in labels if text != best})
    return best, others


def _edge_labels(store: QueryableStore) -> dict[str, str]:
    """Property IRI -> English label, from the ontology graph (or the default graph if the ontology is merged)."""
    sparql = f"""SELECT ?p ?l WHERE {{
      {{ GRAPH <{ONTOLOGY_IRI}> {{ ?p rdfs:label ?l }} }}
      UNION {{ VALUES ?c {{ owl:ObjectProperty owl:DatatypeProperty rdf:Property }} ?p a ?c ; rdfs:label ?l }}
    }}"""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    try:
        for row in _rows(store, sparql):
            found[row["p"].value].append((_lang(row["l"]), row["l"].value))
    except Exception:  # a remote endpoint without named-graph support: fall back to humanised names
        return {}
    labels: dict[str, str] = {}
    for iri, pairs in found.items():
        en = [text for lang, text in pairs if lang in ("en", "")]
        if en:
            labels[iri] = sorted(en)[0]
    return labels


def _articles(store: QueryableStore) -> dict[str, dict[str, Any]]:
    sparql = """SELECT ?a ?h ?u ?d ?lang WHERE { ?a a kg:Article .
      OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:url ?u }
      OPTIONAL { ?a schema:datePublished ?d } OPTIONAL { ?a schema:inLanguage ?lang } }"""
    out: dict[str, dict[str, Any]] = {}
    for row in _rows(store, sparql):
        rec = out.setdefault(row["a"].value, {"headline": None, "url": None, "date": None, "lang": None})
        for var, key in (("h", "headline"), ("u", "url"), ("d", "date"), ("lang", "lang")):
            term = row[var]
            if term is not None and rec[key] is None:
                rec[key] = term.value
    return out


def _evidence(
    store: QueryableStore, nodes: dict[str, str], articles: dict[str, dict[str, Any]]
) -> dict[str, list[tuple[str, str | None]]]:
    """Fact IRI -> [(sentence, article IRI)], paired through the article named graphs when the store has them."""
    paired: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    sparql = f"""SELECT ?s ?e ?g WHERE {{ GRAPH ?g {{ ?s kg:evidence ?e }}
      FILTER(?g != <{MERGED_GRAPH}> && ?g != <{ONTOLOGY_IRI}>) }}"""
    try:
        for row in _rows(store, sparql):
            if row["s"].value in nodes and row["g"].value in articles:  # not graphs imported by `kg load`
                paired[row["s"].value].add((row["e"].value, row["g"].value))
    except Exception:  # no named graphs on this endpoint: pair from the merged graph below
        paired.clear()
    sentences: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "SELECT ?s ?e ?a WHERE { ?s kg:evidence ?e OPTIONAL { ?s prov:wasDerivedFrom ?a } }"):
        s = row["s"].value
        if s in nodes and s not in paired:
            sentences[s].add(row["e"].value)
            if row["a"] is not None:
                sources[s].add(row["a"].value)
    for s, texts in sentences.items():
        # Without named graphs a sentence can only be tied to its article when the fact has a single source.
        only = next(iter(sources[s])) if len(sources[s]) == 1 else None
        paired[s] = {(text, only) for text in texts}
    return {s: sorted(pairs, key=lambda p: (p[1] or "", p[0])) for s, pairs in paired.items()}


def to_networkx(
    store: QueryableStore, *, types: Iterable[str] | None = None, include_articles: bool = False
) -> nx.MultiDiGraph:
    """The merged graph of ``store`` as a ``networkx.MultiDiGraph`` of entities and facts.

    ``types`` restricts the node classes (local names such as ``"Organisation"``; case-insensitive);
    ``include_articles`` adds Article nodes with their ``mentioned in`` / ``was derived from`` edges.
    """
    import networkx as nx

    classes = _resolve_types(types, include_articles)
    nodes, kinds = _select_nodes(store, classes)
    articles = _articles(store)
    edge_labels = _edge_labels(store)

    labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(store, "SELECT ?s ?l WHERE { ?s rdfs:label ?l }"):
        if row["s"].value in nodes:
            labels[row["s"].value].append((_lang(row["l"]), row["l"].value))

    props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"):
        s, p = row["s"].value, row["p"].value
        if s in nodes and p not in _SKIPPED_LITERALS:
            value = _value(row["o"])
            bucket = props[s][local_name(p)]
            if value not in bucket:
                bucket.append(value)

    links: list[tuple[str, str, str]] = []
    sources: dict[str, set[str]] = defaultdict(set)
    sparql = f"""SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(isIRI(?o))
      FILTER(STRSTARTS(STR(?p), "{KG_NS}") || ?p = prov:wasDerivedFrom) }}"""
    for row in _rows(store, sparql):
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if p in _ARTICLE_LINKS and s in nodes:
            sources[s].add(o)
            if not include_articles:
                continue
        if s in nodes and o in nodes:
            links.append((s, p, o))

    evidence = _evidence(store, nodes, articles)

    G = nx.MultiDiGraph(articles=articles)
    for iri in sorted(nodes):
        cls = nodes[iri]
        label, others = _pick_label(labels.get(iri, []))
        node_props: dict[str, Any] = {k: (v[0] if len(v) == 1 else v) for k, v in sorted(props.get(iri, {}).items())}
        if others:
            alt = node_props.get("altLabel", [])
            alt = alt if isinstance(alt, list) else [alt]
            node_props["altLabel"] = sorted(set(alt) | set(others))
        if iri in kinds:
            node_props["kind"] = kinds[iri]
        if label is None:
            label = (articles.get(iri) or {}).get("headline") or local_name(iri)
        G.add_node(
            iri,
            label=label,
            type=cls,
            props=node_props,
            evidence=[_evidence_record(text, art, articles) for text, art in evidence.get(iri, [])],
            articles=sorted(sources.get(iri, set())),
        )
    present = set(links)
    for s, p, o in sorted(present):
        if any(sup == p and (s, sub, o) in present for sub, sup in _IMPLIED.items()):
            continue  # the super-property edge duplicates a more specific one
        G.add_edge(s, o, key=local_name(p), predicate=p, label=edge_labels.get(p) or humanise(local_name(p)))
    return G


def _evidence_record(sentence: str, article: str | None, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    meta = articles.get(article or "", {})
    return {"sentence": sentence, "article": article, "headline": meta.get("headline"), "url": meta.get("url")}


def _resolve_types(types: Iterable[str] | None, include_articles: bool) -> tuple[str, ...]:
    """Validated class local names (case-insensitive input); raises KgError on an unknown class."""
    if types is None:
        return tuple(c for c in NODE_CLASSES if c != "Article" or include_articles)
    by_fold = {c.casefold(): c for c in NODE_CLASSES}
    chosen: list[str] = []
    for name in types:
        cls = by_fold.get(name.strip().casefold())
        if cls is None:
            from kg.errors import KgError

            raise KgError(f"unknown node type {name!r}; choose among {', '.join(NODE_CLASSES)}")
        chosen.append(cls)
    if include_articles and "Article" not in chosen:
        chosen.append("Article")
    return tuple(dict.fromkeys(chosen))


def for_export(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all strings or numbers, for ``write_graphml`` / ``write_gexf``.

    Properties become top-level attributes (``status``, ``amount``…); a key holding anything but numbers in some
    node becomes a string everywhere; lists, evidence and article lists become JSON strings.
    """
    import networkx as nx

    numeric: dict[str, bool] = {}
    for _, data in G.nodes(data=True):
        for key, value in data.get("props", {}).items():
            is_num = isinstance(value, (int, float)) and not isinstance(value, bool)
            numeric[key] = numeric.get(key, True) and is_num
    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        attrs: dict[str, Any] = {"label": data.get("label", ""), "type": data.get("type", "")}
        for key, value in data.get("props", {}).items():
            name = key if key not in ("label", "type", "evidence", "articles") else f"prop_{key}"
            if numeric.get(key):
                attrs[name] = float(value)
            elif isinstance(value, list):
                attrs[name] = json.dumps(value, ensure_ascii=False)
            else:
                attrs[name] = str(value)
        if data.get("evidence"):
            attrs["evidence"] = json.dumps(data["evidence"], ensure_ascii=False)
        if data.get("articles"):
            attrs["articles"] = json.dumps(data["articles"], ensure_ascii=False)
        H.add_node(node, **attrs)
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, predicate=str(data.get("predicate", "")), label=str(data.get("label", "")))
    return H


__all__ = ["to_networkx", "for_export", "NODE_CLASSES", "FACT_CLASSES", "local_name", "humanise"]
