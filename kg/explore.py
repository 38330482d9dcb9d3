"""Summaries of a graph: counts by class (``kg stats``) and one entity in full (``kg show``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.errors import KgError
from kg.iris import KG_NS, fold
from kg.store import Store

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
CLASSES = ("Organisation", "Person", "Place", "Office", "Role", "Partnership", "FundingRound", "Article")


@dataclass
class Stats:
    classes: dict[str, int]
    articles: int
    triples: int
    top: list[tuple[str, str, str, float]] = field(default_factory=list)  # (label, type, iri, centrality)


def stats(store: Store, *, top: int = 10) -> Stats:
    """Counts by class, articles and merged triples; the ``top`` most connected entities (degree centrality)."""
    counts = {c: 0 for c in CLASSES}
    for row in store.query(f"SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?c FILTER(STRSTARTS(STR(?c), "
                           f"\"{KG_NS}\")) }} GROUP BY ?c"):
        name = row["c"].value[len(KG_NS):]
        if name in counts or name not in ("City", "Country"):
            counts[name] = int(row["n"].value)
    result = Stats(classes=counts, articles=counts.get("Article", 0), triples=store.count())
    if top and result.triples:
        import networkx as nx

        from kg.netx import to_networkx

        graph = to_networkx(store)
        simple = nx.Graph(graph)
        centrality = nx.degree_centrality(simple) if simple.number_of_nodes() > 1 else {}
        entities = [n for n, d in graph.nodes(data=True) if d.get("type") in ("Organisation", "Person", "Place")]
        ranked = sorted(entities, key=lambda n: (-centrality.get(n, 0.0), graph.nodes[n].get("label", "")))
        result.top = [(graph.nodes[n].get("label", n), graph.nodes[n].get("type", ""), n, centrality.get(n, 0.0))
                      for n in ranked[:top]]
    return result


@dataclass
class EntityReport:
    iri: str
    label: str
    types: list[str]
    properties: list[tuple[str, str]]  # (predicate, value)
    facts: list[dict[str, Any]]  # one per fact node pointing at the entity


def find_entity(store: Store, name: str) -> list[tuple[str, str]]:
    """Entities whose label or alternative label is ``name`` (exact, else accent- and case-insensitive)."""
    from pyoxigraph import Literal

    sparql = (f"SELECT DISTINCT ?e ?l WHERE {{ ?e <{RDFS_LABEL}>|<{SKOS_ALT}> ?name . "
              f"?e <{RDFS_LABEL}> ?l . ?e a ?c FILTER(?c IN (<{KG_NS}Organisation>, <{KG_NS}Person>, <{KG_NS}Place>)) }}")
    found = {(r["e"].value, r["l"].value) for r in store.query(sparql, substitutions={"name": Literal(name)})}
    if not found:
        for lang in ("en", "fr"):
            found |= {(r["e"].value, r["l"].value)
                      for r in store.query(sparql, substitutions={"name": Literal(name, language=lang)})}
    if not found:
        wanted = fold(name)
        scan = (f"SELECT DISTINCT ?e ?l ?n WHERE {{ ?e a ?c FILTER(?c IN (<{KG_NS}Organisation>, <{KG_NS}Person>, "
                f"<{KG_NS}Place>)) ?e <{RDFS_LABEL}> ?l . ?e <{RDFS_LABEL}>|<{SKOS_ALT}> ?n }}")
        found = {(r["e"].value, r["l"].value) for r in store.query(scan) if fold(r["n"].value) == wanted}
    best: dict[str, str] = {}
    for iri, label in sorted(found):
        best.setdefault(iri, label)
    return sorted(best.items(), key=lambda kv: kv[1])


def show(store: Store, name: str) -> EntityReport:
    """Everything known about one entity: labels, properties, and each fact with its evidence and sources."""
    from pyoxigraph import NamedNode

    matches = find_entity(store, name)
    if not matches:
        raise KgError(f"no organisation, person or place named {name!r} in the graph: try `kg query top-entities`")
    if len(matches) > 1 and len({m[1] for m in matches}) > 1:
        names = ", ".join(f"{label} <{iri}>" for iri, label in matches[:5])
        raise KgError(f"{name!r} matches several entities ({names}): use a fuller name")
    iri, label = matches[0]
    node = NamedNode(iri)
    types, props = [], []
    for row in store.query("SELECT ?p ?o WHERE { ?e ?p ?o }", substitutions={"e": node}):
        p, o = row["p"].value, row["o"]
        if p.endswith("#type"):
            types.append(o.value.rsplit("#", 1)[-1])
        elif p != f"{KG_NS}mentionedIn":
            props.append((p, o.value))
    fact_types = ", ".join(f"<{KG_NS}{c}>" for c in ("Office", "Role", "Partnership", "FundingRound"))
    facts_q = (
        "SELECT ?f ?flabel ?type ?p ?ev ?article ?headline ?url WHERE { { ?f ?p ?e } UNION { ?e ?p ?f } "
        f"?f a ?type FILTER(?type IN ({fact_types})) OPTIONAL {{ ?f <{RDFS_LABEL}> ?flabel }} "
        f"OPTIONAL {{ GRAPH ?article {{ ?f <{KG_NS}evidence> ?ev . ?article a <{KG_NS}Article> }} "
        "OPTIONAL { GRAPH ?article { ?article <https://schema.org/headline> ?headline } } "
        "OPTIONAL { GRAPH ?article { ?article <https://schema.org/url> ?url } } } }"
    )
    facts: dict[str, dict[str, Any]] = {}
    for row in store.query(facts_q, substitutions={"e": node}):
        f = row["f"].value
        entry = facts.setdefault(f, {"iri": f, "label": row["flabel"].value if row["flabel"] else f,
                                     "type": row["type"].value.rsplit("#", 1)[-1],
                                     "role": row["p"].value.rsplit("#", 1)[-1], "evidence": []})
        if row["ev"] is not None:
            item = {"sentence": row["ev"].value, "article": row["article"].value,
                    "headline": row["headline"].value if row["headline"] else None,
                    "url": row["url"].value if row["url"] else None}
            if item not in entry["evidence"]:
                entry["evidence"].append(item)
    props = [(p, o) for p, o in props if p != f"{KG_NS}hasOffice"]
    ordered = sorted(facts.values(), key=lambda f: (f["type"], f["label"]))
    return EntityReport(iri=iri, label=label, types=sorted(set(types)), properties=sorted(props), facts=ordered)
