"""Choosing what the HTML view shows: a focus neighbourhood, a subset of classes, and a size limit.

Each step returns a new graph; :func:`reduce_graph` chains them and says in plain words what was left out.
Depth counts entity hops: a fact node (office, role, partnership, funding round) sits half-way between the
entities it links, so ``depth=1`` around an organisation shows its facts *and* the places, people and partners
those facts name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.iris import fold
from kg.netx import FACT_CLASSES, NODE_CLASSES

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class Reduction:
    """What the reductions removed, for the page and the CLI summary."""

    total_nodes: int
    total_edges: int
    dropped_nodes: int = 0  # removed by the size limit
    dropped_by_type: dict[str, int] = field(default_factory=dict)  # removed by the size limit, per class
    notes: list[str] = field(default_factory=list)  # one sentence per reduction applied


def _names(data: dict[str, Any]) -> list[str]:
    alt = data.get("props", {}).get("altLabel", [])
    return [str(data.get("label", "")), *([alt] if isinstance(alt, str) else alt)]


def find_nodes(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose label (or alternative label) matches ``name``, ignoring case and accents.

    Exact matches win; otherwise labels containing ``name``. Raises :class:`KgError` when nothing matches.
    """
    wanted = fold(name).strip()
    if not wanted:
        raise KgError("--focus needs a name, e.g. --focus 'OpenAI'")
    exact, partial = [], []
    for node, data in G.nodes(data=True):
        names = [fold(n) for n in _names(data)]
        if wanted in names:
            exact.append(node)
        elif any(wanted in n for n in names):
            partial.append(node)
    found = exact or partial
    if not found:
        raise KgError(f"no node named {name!r} in the graph; check the spelling or list names with `kg query`")
    entities = [n for n in found if G.nodes[n].get("type") not in FACT_CLASSES]
    return sorted(entities or found)


def _hop(G: nx.MultiDiGraph) -> Any:
    def weight(u: str, v: str, _data: dict[str, Any]) -> float:
        facts = (G.nodes[u].get("type") in FACT_CLASSES) + (G.nodes[v].get("type") in FACT_CLASSES)
        return 0.5 if facts else 1.0

    return weight


def ego(G: nx.MultiDiGraph, centres: Iterable[str], depth: int) -> nx.MultiDiGraph:
    """The nodes within ``depth`` entity hops of any centre (edges followed in both directions)."""
    import networkx as nx

    if depth < 0:
        raise KgError("--depth must be 0 or more")
    undirected = G.to_undirected(as_view=True)
    keep: set[str] = set()
    weight = _hop(G)
    for centre in centres:
        keep.update(nx.single_source_dijkstra_path_length(undirected, centre, cutoff=depth, weight=weight))
    return G.subgraph(keep).copy()


def resolve_types(types: Iterable[str]) -> set[str]:
    """Class local names from user input (case-insensitive); :class:`KgError` names the valid ones."""
    by_fold = {c.casefold(): c for c in NODE_CLASSES}
    chosen = set()
    for raw in types:
        for name in raw.split(","):
            if not name.strip():
                continue
            cls = by_fold.get(name.strip().casefold())
            if cls is None:
                raise KgError(f"unknown type {name.strip()!r} for --types; choose among {', '.join(NODE_CLASSES)}")
            chosen.add(cls)
    return chosen


def keep_types(G: nx.MultiDiGraph, types: set[str], *, max_fanout: int = 12) -> nx.MultiDiGraph:
    """Only nodes of ``types``; a hidden fact that linked shown nodes becomes direct edges between them."""
    keep = {n for n, d in G.nodes(data=True) if d.get("type") in types}
    H = G.subgraph(keep).copy()
    for fact, data in G.nodes(data=True):
        if fact in keep or data.get("type") not in FACT_CLASSES:
            continue
        linked = sorted({n for n in (*G.predecessors(fact), *G.successors(fact)) if n in keep})
        if len(linked) > max_fanout:
            continue
        label = _humanise_class(data["type"])
        for i, u in enumerate(linked):
            for v in linked[i + 1 :]:
                H.add_edge(u, v, key=f"via {fact}", predicate="", label=label, via=fact)
    return H


def _humanise_class(name: str) -> str:
    return "funding round" if name == "FundingRound" else name.lower()


def limit(G: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """At most ``max_nodes`` nodes: the best-connected entities and the facts that link them.

    Entities (everything but fact nodes) are taken by decreasing degree, i.e. by how many facts name them; a
    fact joins as soon as two of the entities it links are kept (or its only one), so what is shown stays
    linked and no fact hangs loose. O(E log E).
    """
    if G.number_of_nodes() <= max_nodes:
        return G
    degree = dict(G.degree())
    is_fact = {n: d.get("type") in FACT_CLASSES for n, d in G.nodes(data=True)}
    entities = sorted((n for n in G.nodes if not is_fact[n]), key=lambda n: (-degree[n], n))
    need = {}
    counts: dict[str, set[str]] = {}  # the ends of each fact that count towards showing it
    for n, data in G.nodes(data=True):
        if is_fact[n]:
            ends = {m for m in (*G.successors(n), *G.predecessors(n)) if not is_fact[m]}
            if data.get("type") == "Role":  # a role needs its person and its organisation, not just a place
                ends = {m for m in ends if G.nodes[m].get("type") != "Place"}
            counts[n] = ends
            need[n] = min(2, len(ends))
    kept: list[str] = [f for f, k in need.items() if k == 0][: max_nodes // 10]  # facts naming nobody: a few
    seen = set(kept)
    for entity in entities:
        if len(kept) >= max_nodes:
            break
        kept.append(entity)
        seen.add(entity)
        for fact in sorted({*G.successors(entity), *G.predecessors(entity)}):
            if fact in seen or not is_fact.get(fact) or entity not in counts[fact]:
                continue
            need[fact] -= 1
            if need[fact] <= 0 and len(kept) < max_nodes:
                kept.append(fact)
                seen.add(fact)
    if len(kept) < max_nodes:  # only facts remain (e.g. facts between facts): fill by degree
        rest = sorted((n for n in G.nodes if n not in seen), key=lambda n: (-degree[n], n))
        kept.extend(rest[: max_nodes - len(kept)])
    return G.subgraph(kept).copy()


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def reduce_graph(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    max_nodes: int = 2000,
) -> tuple[nx.MultiDiGraph, Reduction]:
    """Apply focus, then types, then the size limit; the :class:`Reduction` describes each step."""
    if max_nodes < 1:
        raise KgError("--max-nodes must be at least 1")
    red = Reduction(total_nodes=G.number_of_nodes(), total_edges=G.number_of_edges())
    H = G
    if focus:
        centres = find_nodes(G, focus)
        H = ego(G, centres, depth)
        names = ", ".join(sorted({str(G.nodes[c].get("label")) for c in centres})[:5])
        red.notes.append(
            f"Neighbourhood of {names} within {_count(depth, 'hop')}: "
            f"{_count(H.number_of_nodes(), 'node')} of the graph's {red.total_nodes:,}."
        )
    if types:
        wanted = resolve_types(types)
        before = H.number_of_nodes()
        H = keep_types(H, wanted)
        red.notes.append(
            f"Only {', '.join(sorted(wanted))}: {_count(before - H.number_of_nodes(), 'node')} of other types hidden"
            " (facts between shown nodes are drawn as direct edges)."
        )
    if H.number_of_nodes() > max_nodes:
        before_types = Counter(d.get("type", "?") for _, d in H.nodes(data=True))
        before_nodes, before_edges = H.number_of_nodes(), H.number_of_edges()
        H = limit(H, max_nodes)
        after_types = Counter(d.get("type", "?") for _, d in H.nodes(data=True))
        red.dropped_nodes = before_nodes - H.number_of_nodes()
        red.dropped_by_type = {t: n - after_types.get(t, 0) for t, n in sorted(before_types.items())
                               if n > after_types.get(t, 0)}
        detail = ", ".join(f"{n:,} {t}" for t, n in red.dropped_by_type.items())
        red.notes.append(
            f"Reduced to the {H.number_of_nodes():,} best-connected nodes (limit {max_nodes:,}): left out "
            f"{_count(red.dropped_nodes, 'node')} ({detail}) and {_count(before_edges - H.number_of_edges(), 'edge')}."
        )
    return H, red


__all__ = ["Reduction", "reduce_graph", "find_nodes", "ego", "keep_types", "limit", "resolve_types"]
