"""Write the graph as one self-contained, offline HTML page (vis-network from the pyvis package, our own template).

pyvis holds the nodes, edges and options; the page itself comes from ``template.html`` because pyvis's templates
link CDNs. Nodes and edges are filled in directly (``Network.add_node`` and ``from_nx`` check membership in a
list, which is quadratic). All data enters the page as JSON in a ``<script type="application/json">`` element,
escaped so that no name can close the element, and the page script builds every text with ``textContent``.
A Content-Security-Policy allows only the page's own scripts (by hash) and no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.netx import NODE_CLASSES
from kg.view.reduce import reduce_graph

if TYPE_CHECKING:
    import networkx as nx

VIS_VERSION = "vis-9.1.2"
TEMPLATE = Path(__file__).with_name("template.html")

#: Colour, vis-network shape and legend glyph per class.
STYLE: dict[str, tuple[str, str, str]] = {
    "Organisation": ("#2f6fb0", "dot", "\u25cf"),
    "Person": ("#d9822b", "diamond", "\u25c6"),
    "Place": ("#3a9a4a", "triangle", "\u25b2"),
    "Office": ("#7b5ea7", "square", "\u25a0"),
    "Role": ("#c0504d", "triangleDown", "\u25bc"),
    "Partnership": ("#1f9e9a", "hexagon", "\u2b22"),
    "FundingRound": ("#c9a100", "star", "\u2605"),
    "Article": ("#7f8793", "dot", "\u25cb"),
}
LABELS = {"FundingRound": "Funding round"}
DATE_PROPS = ("startDate", "announcedOn", "datePublished")
MAX_LABEL = 48


@dataclass
class ViewReport:
    """What :func:`render_view` wrote."""

    nodes: int
    edges: int
    dropped_nodes: int
    path: Path
    notes: list[str] = field(default_factory=list)


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _span(date: str) -> list[str] | None:
    """An ISO date, year-month or year as its first and last day (lexically comparable)."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        return None
    return [date + "0000-01-01"[len(date) :], date + "9999-12-31"[len(date) :]]


def escape_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and U+2029 as \\u escapes.

    >>> escape_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                       ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the copy shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if re.search(r"</script|<!--", js, re.IGNORECASE) or re.search(r"</style", css, re.IGNORECASE):
        raise RuntimeError(f"{lib} cannot be inlined safely")
    return js, css


def _options(n: int) -> dict[str, Any]:
    """vis-network options: straight edges, a short Barnes-Hut stabilisation from precomputed positions.

    The positions come from :mod:`kg.view.layout`, so vis-network only polishes them (its own improvedLayout
    and 1,000 default iterations made a 500-node page first draw after ~25 s); the page then turns physics off.
    """
    iterations = max(10, min(150, 30_000 // max(n, 1)))  # ~1 s of vis-network physics on a slow machine
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "smooth": False,
            "width": 1,
            "color": {"color": "#a3acb9", "highlight": "#333333", "hover": "#555555"},
            "font": {"size": 10, "color": "#4a5260", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "scaling": {"label": {"drawThreshold": 7}},
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -2500, "centralGravity": 0.05, "springLength": 90,
                          "springConstant": 0.04, "damping": 0.5, "avoidOverlap": 0.1},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
            "maxVelocity": 30,
            "minVelocity": 1.5,
            "timestep": 0.5,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "hideEdgesOnDrag": n > 1000, "tooltipDelay": 120, "keyboard": False},
    }


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "\u2026"


def build_page_data(H: nx.MultiDiGraph, *, title: str, notes: list[str], total: tuple[int, int]) -> dict[str, Any]:
    """The JSON the page reads: vis nodes/edges/options (held by a pyvis ``Network``), node details, articles."""
    from pyvis.network import Network

    from kg.view.layout import positions

    order = sorted(H.nodes, key=lambda n: (NODE_CLASSES.index(H.nodes[n].get("type", "Article"))
                                           if H.nodes[n].get("type") in NODE_CLASSES else 99, n))
    index = {node: i for i, node in enumerate(order)}
    xy = positions(H)
    degree = dict(H.degree())
    known_articles: dict[str, dict[str, Any]] = H.graph.get("articles", {})
    article_index: dict[str, int] = {}
    articles: list[dict[str, Any]] = []

    def article_ref(iri: str) -> int:
        if iri not in article_index:
            article_index[iri] = len(articles)
            meta = known_articles.get(iri, {})
            articles.append({"iri": iri, "headline": meta.get("headline"), "url": meta.get("url"),
                             "date": meta.get("date")})
        return article_index[iri]

    colours = {cls: {"background": colour, "border": _darker(colour),
                     "highlight": {"background": colour, "border": "#111111"},
                     "hover": {"background": colour, "border": "#111111"}} for cls, (colour, _, _) in STYLE.items()}
    vis_nodes: list[dict[str, Any]] = []
    meta_nodes: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for node in order:
        data = H.nodes[node]
        cls = data.get("type") if data.get("type") in STYLE else "Article"
        counts[cls] = counts.get(cls, 0) + 1
        label = str(data.get("label") or node)
        x, y = xy[node]
        vis_nodes.append({
            "id": index[node], "label": _short(label), "shape": STYLE[cls][1], "x": x, "y": y,
            "size": round(min(10 + 3.2 * math.sqrt(degree[node]), 42), 1), "color": colours[cls],
        })
        props = dict(data.get("props", {}))
        source_refs = [article_ref(a) for a in data.get("articles", [])]
        evidence = []
        for ev in data.get("evidence", []):
            evidence.append({"sentence": ev.get("sentence"),
                             "article": article_ref(ev["article"]) if ev.get("article") else None})
        dates = []
        for key in DATE_PROPS:
            values = props.get(key)
            for value in values if isinstance(values, list) else [values]:
                span = _span(str(value)) if value is not None else None
                if span:
                    dates.append(span)
        for ref in source_refs:
            span = _span(str(articles[ref]["date"])) if articles[ref]["date"] else None
            if span:
                dates.append(span)
        meta_nodes.append({"iri": node, "label": label, "type": cls, "props": props, "evidence": evidence,
                           "articles": source_refs, "dates": dates, "degree": degree[node]})

    merged: dict[tuple[int, int], list[str]] = {}
    for u, v, data in H.edges(data=True):
        labels = merged.setdefault((index[u], index[v]), [])
        text = str(data.get("label") or "")
        if text and text not in labels:
            labels.append(text)
    vis_edges = [{"id": i, "from": u, "to": v, "label": ", ".join(labels)}
                 for i, ((u, v), labels) in enumerate(sorted(merged.items()))]

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges = vis_nodes, vis_edges
    net.node_ids = list(range(len(vis_nodes)))
    net.node_map = {n["id"]: n for n in vis_nodes}
    net.options = _options(len(vis_nodes))
    nodes_out, edges_out, _, _, _, options_json = net.get_network_data()

    legend = [{"type": c, "name": LABELS.get(c, c), "colour": STYLE[c][0], "glyph": STYLE[c][2], "count": counts[c]}
              for c in STYLE if c in counts]
    return {
        "title": title, "nodes": nodes_out, "edges": edges_out, "options": json.loads(options_json),
        "meta": meta_nodes, "articles": articles, "legend": legend, "notes": notes,
        "total": {"nodes": total[0], "edges": total[1]},
    }


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def write_page(page: dict[str, Any], out_path: Path) -> None:
    """Fill the template: title (HTML-escaped), vis assets, data (escaped JSON) and a hash-based CSP."""
    js, css = _vis_assets()
    template = TEMPLATE.read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", template, re.DOTALL)
    hashes = " ".join(_script_hash(s) for s in [js, *(s for s in scripts if "__KG_VIS_JS__" not in s)])
    values = {
        "__KG_TITLE__": html.escape(page["title"], quote=True),
        "__KG_CSP_SCRIPTS__": hashes,
        "__KG_VIS_CSS__": css,
        "__KG_VIS_JS__": js,
        "__KG_DATA__": escape_json(page),
    }
    text = re.sub("|".join(values), lambda m: values[m.group(0)], template)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")


def render_view(
    G: nx.MultiDiGraph,
    out_path: str | Path,
    *,
    title: str = "kg network",
    focus: str | None = None,
    depth: int = 1,
    types: list[str] | tuple[str, ...] | None = None,
    max_nodes: int = 2000,
) -> ViewReport:
    """Write ``G`` (from :func:`kg.netx.to_networkx`) as one offline HTML page at ``out_path``.

    ``focus`` (a name, matched ignoring case and accents) and ``depth`` keep an ego network; ``types`` keeps
    some classes; past ``max_nodes`` the best-connected part is kept and the page says what was left out.
    Raises :class:`kg.errors.KgError` for an unknown focus name or type.
    """
    H, reduction = reduce_graph(G, focus=focus, depth=depth, types=types, max_nodes=max_nodes)
    page = build_page_data(H, title=title, notes=reduction.notes,
                           total=(reduction.total_nodes, reduction.total_edges))
    path = Path(out_path)
    write_page(page, path)
    return ViewReport(nodes=len(page["nodes"]), edges=len(page["edges"]), dropped_nodes=reduction.dropped_nodes,
                      path=path, notes=reduction.notes)


__all__ = ["render_view", "ViewReport", "escape_json", "build_page_data", "write_page", "STYLE"]
