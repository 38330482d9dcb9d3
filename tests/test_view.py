"""kg.view: the offline HTML page (self-contained, escaped), reduction and focus. Browser checks: test_view_browser."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KgError
from kg.netx import to_networkx
from kg.view import ViewReport, render_view
from kg.view.reduce import find_nodes, limit, reduce_graph

sys.path.insert(0, str(Path(__file__).parent))
from test_netx import HOSTILE, HOSTILE_IMG, ID, MemoryStore, sample_extractions  # noqa: E402

DATA_RE = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return to_networkx(MemoryStore(sample_extractions()))


@pytest.fixture(scope="module")
def page(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> tuple[ViewReport, str]:
    out = tmp_path_factory.mktemp("view") / "graph.html"
    report = render_view(graph, out, title=f"Graph {HOSTILE} \"quoted\" & more")
    return report, out.read_text(encoding="utf-8")


def page_data(text: str) -> dict:
    (raw,) = DATA_RE.findall(text)
    return json.loads(raw)


def _vis_js() -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js").read_text(encoding="utf-8")


def test_page_is_self_contained(page: tuple[ViewReport, str]) -> None:
    _, text = page
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", text, re.IGNORECASE)
    assert not re.search(r"<link\b", text, re.IGNORECASE)
    assert not re.search(r"cdn\.|//cdn|jsdelivr|unpkg|cloudflare|bootstrap", text, re.IGNORECASE)
    assert "vis.Network" in text and "DataSet" in text  # vis-network is inlined
    assert "default-src 'none'" in text and "connect-src 'none'" in text


def test_csp_hashes_match_every_executable_script(page: tuple[ViewReport, str]) -> None:
    _, text = page
    policy = re.search(r"script-src ([^;]+);", text).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", text, re.DOTALL)
    assert len(scripts) == 2  # vis-network and the page script; data is type=application/json
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_hostile_names_are_escaped(page: tuple[ViewReport, str]) -> None:
    _, text = page
    own = text.replace(_vis_js(), "")  # vis-network itself mentions "<script>" in a string
    assert len(re.findall(r"<script(\s[^>]*)?>", own)) == own.count("</script>") == 3
    assert HOSTILE not in text and "<img src=x" not in text
    assert "<title>Graph &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; more</title>" in text
    labels = {m["label"] for m in page_data(text)["meta"]}
    assert HOSTILE in labels  # the data round-trips exactly; only its encoding in the page changed
    assert any(label.startswith("<img src=x onerror=alert(1)>") for label in labels)
    sentences = [ev["sentence"] for m in page_data(text)["meta"] for ev in m["evidence"]]
    assert any(HOSTILE in s and HOSTILE_IMG in s for s in sentences)


def test_line_separators_and_script_close_cannot_break_out(tmp_path: Path) -> None:
    G = nx.MultiDiGraph(articles={})
    G.add_node("x", label="a\u2028b\u2029c</script><!-- & -->", type="Organisation", props={}, evidence=[],
               articles=[])
    text = (render_view(G, tmp_path / "p.html", title="t").path).read_text(encoding="utf-8")
    (raw,) = DATA_RE.findall(text)
    assert "\u2028" not in raw and "\u2029" not in raw and "<" not in raw and ">" not in raw and "&" not in raw
    assert page_data(text)["meta"][0]["label"] == "a\u2028b\u2029c</script><!-- & -->"


def test_page_data_carries_props_evidence_and_legend(page: tuple[ViewReport, str], graph: nx.MultiDiGraph) -> None:
    report, text = page
    data = page_data(text)
    assert report.nodes == len(data["nodes"]) == graph.number_of_nodes()
    assert report.dropped_nodes == 0 and data["notes"] == []
    funding = next(m for m in data["meta"] if m["type"] == "FundingRound")
    assert funding["props"]["amount"] == 12_000_000 and funding["props"]["currency"] == "EUR"
    assert ["2025-03-01", "2025-03-31"] in funding["dates"]  # announcedOn 2025-03 as a span
    article = data["articles"][funding["evidence"][0]["article"]]
    assert article["url"] == "https://news.example.org/lumora" and article["date"] == "2025-03-14"
    legend = {c["type"]: c["count"] for c in data["legend"]}
    assert legend["Organisation"] == 5 and legend["Office"] == 3
    sizes = {m["label"]: n["size"] for m, n in zip(data["meta"], data["nodes"], strict=True)}
    assert sizes["Lumora Robotics"] > sizes["Verdane Systems"]  # sized by degree
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["layout"]["improvedLayout"] is False
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 150


def test_focus_matches_without_case_or_accents(graph: nx.MultiDiGraph) -> None:
    assert find_nodes(graph, "ines MARCHETTI") == [ID + "person/ines-marchetti"]
    assert find_nodes(graph, "lumora robotics") == [ID + "org/lumora-robotics"]
    assert find_nodes(graph, "Genève") == [ID + "place/geonames-2660646"]  # alternative label
    with pytest.raises(KgError, match="no node named 'Nowhere Corp'"):
        find_nodes(graph, "Nowhere Corp")


def test_focus_depth_counts_entity_hops(graph: nx.MultiDiGraph) -> None:
    one, red = reduce_graph(graph, focus="Verdane Systems", depth=1)
    labels = {d["label"] for _, d in one.nodes(data=True)}
    assert labels == {"Verdane Systems", "Lumora Robotics", "Partnership of Lumora Robotics and Verdane Systems"}
    assert "Neighbourhood of Verdane Systems" in red.notes[0]
    two, _ = reduce_graph(graph, focus="Verdane Systems", depth=2)
    assert {"Lyon", "Inès Marchetti", "Castellan Ventures"} <= {d["label"] for _, d in two.nodes(data=True)}
    assert HOSTILE_IMG.split(" ")[0] not in {d["label"].split(" ")[0] for _, d in two.nodes(data=True)}


def test_types_turn_hidden_facts_into_edges(graph: nx.MultiDiGraph) -> None:
    H, red = reduce_graph(graph, types=["organisation,person"])
    assert {d["type"] for _, d in H.nodes(data=True)} == {"Organisation", "Person"}
    ines, lumora = ID + "person/ines-marchetti", ID + "org/lumora-robotics"
    labels = {d["label"] for d in (H.get_edge_data(ines, lumora) or H.get_edge_data(lumora, ines)).values()}
    assert labels == {"role"}
    assert "Only Organisation, Person" in red.notes[0]
    with pytest.raises(KgError, match="unknown type 'Company'"):
        reduce_graph(graph, types=["Company"])


def test_max_nodes_reduces_and_says_what_was_left_out(tmp_path: Path) -> None:
    G = kg_shaped(300)
    assert G.number_of_nodes() > 700
    report = render_view(G, tmp_path / "big.html", title="big", max_nodes=200)
    left = G.number_of_nodes() - 200
    assert (report.nodes, report.dropped_nodes) == (200, left)
    data = page_data(report.path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 200 and data["total"]["nodes"] == G.number_of_nodes()
    assert f"left out {left:,} nodes" in data["notes"][0]
    assert report.notes == data["notes"]


def kg_shaped(n_orgs: int, seed: int = 2) -> nx.MultiDiGraph:
    """Organisations with offices in places, roles of people and partnerships, skewed like news coverage."""
    import random

    rng = random.Random(seed)
    G = nx.MultiDiGraph(articles={})

    def node(iri: str, kind: str) -> str:
        G.add_node(iri, label=iri, type=kind, props={}, evidence=[], articles=[])
        return iri

    for i in range(n_orgs * 3):
        org = node(f"org/{int(n_orgs ** rng.random())}", "Organisation")
        kind = ("Office", "Role", "Partnership")[i % 3]
        fact = node(f"{kind.lower()}/{i}", kind)
        G.add_edge(org, fact) if kind == "Office" else G.add_edge(fact, org)
        other = {"Office": ("place", "Place"), "Role": ("person", "Person"), "Partnership": ("org", "Organisation")}
        prefix, cls = other[kind]
        G.add_edge(fact, node(f"{prefix}/{int(n_orgs ** rng.random())}", cls))
    return G


def test_limit_keeps_hubs_and_the_facts_between_them() -> None:
    G = kg_shaped(400)
    H = limit(G, 300)
    assert H.number_of_nodes() == 300
    top = sorted(G.degree(), key=lambda nd: -nd[1])[:20]
    assert all(n in H for n, _ in top)  # the best-connected entities
    kinds = {d["type"] for _, d in H.nodes(data=True)}
    assert {"Office", "Role", "Partnership", "Place", "Person", "Organisation"} <= kinds
    for n, d in H.nodes(data=True):
        if d["type"] in ("Office", "Role", "Partnership"):
            assert H.degree(n) == G.degree(n)  # every kept fact keeps both of its ends


def test_limit_never_shows_a_role_without_its_person() -> None:
    # hubs: one organisation and one city with many facts; each role names a person seen once, based in the city
    G = kg_shaped(60)
    G.add_node("org/hub", label="hub", type="Organisation", props={}, evidence=[], articles=[])
    G.add_node("place/hub", label="city", type="Place", props={}, evidence=[], articles=[])
    for i in range(40):
        G.add_node(f"based-role/{i}", label="r", type="Role", props={}, evidence=[], articles=[])
        G.add_node(f"once/{i}", label="p", type="Person", props={}, evidence=[], articles=[])
        G.add_edge(f"based-role/{i}", f"once/{i}")
        G.add_edge(f"based-role/{i}", "org/hub")
        G.add_edge(f"based-role/{i}", "place/hub")
    H = limit(G, 80)
    assert "org/hub" in H and "place/hub" in H
    for n, d in H.nodes(data=True):
        if d["type"] == "Role":
            assert any(H.nodes[m]["type"] == "Person" for m in H.successors(n)), n


def test_render_rejects_unknown_focus(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(KgError, match="no node named"):
        render_view(graph, tmp_path / "x.html", title="x", focus="Nobody At All")
    assert not (tmp_path / "x.html").exists()


def test_layout_is_deterministic_and_keeps_components_apart() -> None:
    from kg.view.layout import positions

    G = kg_shaped(60)
    G.add_edge("island/a", "island/b")
    G.add_nodes_from(["alone/1", "alone/2"])
    first, again = positions(G), positions(G)
    assert first == again and set(first) == set(G.nodes)
    main = [first[n] for n in G.nodes if not n.startswith(("island", "alone"))]
    xs, ys = [p[0] for p in main], [p[1] for p in main]
    for n in ("island/a", "island/b", "alone/1", "alone/2"):
        x, y = first[n]
        assert not (min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys))  # outside the main component's box
    a, b = first["island/a"], first["island/b"]
    assert 30 < ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 < 200  # about one edge length apart
