"""The HTML view in a real headless Chromium (Debian's /usr/bin/chromium through Playwright; no browser download).

Every network request is aborted: the page must work from file:// alone, with no console error, and hostile
labels must be shown as text, never run (also on hover).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.model import Article, Entity, Evidence, Extraction, Office, Partnership
from kg.netx import to_networkx
from kg.view import render_view

sys.path.insert(0, str(Path(__file__).parent))
from browser import ARGS, CHROMIUM, wait_until_drawn  # noqa: E402
from test_netx import GENEVA, MemoryStore, sample_extractions  # noqa: E402

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TRAP_SCRIPT = "<script>window.__pwned = 1</script>"
TRAP_IMG = "<img src=x onerror=\"window.__pwned = 2\">"

if not CHROMIUM.exists():
    if os.environ.get("KG_REQUIRE_BROWSER"):
        raise RuntimeError("KG_REQUIRE_BROWSER is set but /usr/bin/chromium is missing (apt-get install chromium)")
    pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def trap_extraction() -> Extraction:
    sentence = f"{TRAP_SCRIPT} partners with {TRAP_IMG} in Geneva."
    ev = Evidence(sentence=sentence, start=0, end=len(sentence), rule="test.trap")
    return Extraction(
        article=Article(text=sentence, title=f"Trap {TRAP_IMG}", date="2024-05-06",
                        url="javascript:window.__pwned=3", lang="en"),
        lang="en",
        entities=[Entity("Organisation", TRAP_SCRIPT), Entity("Organisation", TRAP_IMG)],
        places=[GENEVA],
        facts=[Partnership((TRAP_SCRIPT, TRAP_IMG), ev), Office(TRAP_SCRIPT, GENEVA, "existing", ev)],
    )


@dataclass
class Browser:
    context: Any
    requests: list[str]  # every URL the pages asked for


@dataclass
class Loaded:
    page: Any
    graph: Any
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium for the module, fresh profile, every non-file:// request aborted and recorded."""
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=ARGS, viewport={"width": 1400, "height": 900},
        )
        requests: list[str] = []

        def route(r: Any) -> None:
            requests.append(r.request.url)
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                r.abort()

        context.route("**/*", route)
        yield Browser(context, requests)
        context.close()


def open_view(browser: Browser, graph: Any, path: Path) -> Loaded:
    """Render ``graph`` to ``path``, open it in a new tab and wait until it is drawn and stabilised."""
    render_view(graph, path, title="Browser test")
    state = Loaded(page=browser.context.new_page(), graph=graph, requests=browser.requests)
    state.page.on("console", lambda m: state.console.append((m.type, m.text)))
    state.page.on("pageerror", lambda e: state.console.append(("pageerror", str(e))))
    state.page.on("dialog", lambda d: (state.dialogs.append(d.message), d.dismiss()))
    state.page.goto(path.as_uri())
    wait_until_drawn(state.page, timeout=30_000)
    return state


@pytest.fixture(scope="module")
def loaded(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    graph = to_networkx(MemoryStore([*sample_extractions(), trap_extraction()]))
    return open_view(browser, graph, tmp_path_factory.mktemp("view") / "graph.html")


def test_page_loads_offline_without_errors(loaded: Loaded) -> None:
    assert loaded.requests and all(url.startswith("file://") for url in loaded.requests), loaded.requests
    errors = [c for c in loaded.console if c[0] in ("error", "pageerror", "warning")]
    assert errors == []
    assert loaded.page.evaluate("kgView.physics") is False  # physics stopped after stabilisation


def test_node_count_matches_graph(loaded: Loaded) -> None:
    n = loaded.graph.number_of_nodes()
    assert loaded.page.evaluate("kgView.nodeCount") == n
    assert loaded.page.evaluate("kgView.nodes.length") == n
    assert loaded.page.get_attribute("#stats", "data-nodes") == str(n)


def test_search_finds_a_node(loaded: Loaded) -> None:
    page = loaded.page
    page.fill("#search", "verdane")
    assert "Verdane Systems" in page.inner_text("#results")
    page.press("#search", "Enter")
    assert page.inner_text("#panel h2") == "Verdane Systems"
    faded = page.evaluate("kgView.nodes.get().filter(n => n.color.background.startsWith('rgba')).length")
    assert faded == loaded.graph.number_of_nodes() - 2  # only Verdane and its partnership stay lit
    page.fill("#search", "INES marchetti")  # case and accents ignored
    assert "Inès Marchetti" in page.inner_text("#results")


def test_panel_shows_amount_evidence_and_only_http_links(loaded: Loaded) -> None:
    page = loaded.page
    page.evaluate("kgView.choose(kgView.meta.findIndex(m => m.type === 'FundingRound'))")
    panel = page.inner_text("#panel")
    assert "12,000,000 EUR" in panel and "Lumora Robotics lève" in panel
    assert page.get_attribute("#panel a", "href") == "https://news.example.org/lumora"
    page.evaluate("kgView.choose(kgView.meta.findIndex(m => m.type === 'Partnership' && m.label.includes('__pwned')))")
    assert page.evaluate("document.querySelectorAll('#panel a').length") == 0  # javascript: URL is plain text
    assert "Trap <img" in page.inner_text("#panel")


def _hover(page: Any, node_id: int) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    page.evaluate("id => kgView.network.moveTo({position: kgView.network.getPositions([id])[id], scale: 1.5})",
                  node_id)
    point = page.evaluate("id => kgView.network.canvasToDOM(kgView.network.getPositions([id])[id])", node_id)
    box = page.locator("#canvas").bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.wait_for_selector("#tooltip", state="hidden", timeout=5_000)
    page.mouse.move(box["x"] + point["x"] + 1, box["y"] + point["y"] + 1)
    page.wait_for_selector("#tooltip", state="visible", timeout=5_000)
    return page.inner_text("#tooltip")


def test_hostile_labels_are_text_also_on_hover(loaded: Loaded) -> None:
    page = loaded.page
    page.evaluate("kgView.network.unselectAll()")
    org = page.evaluate("name => kgView.meta.findIndex(m => m.label === name)", TRAP_IMG)
    page.evaluate("id => kgView.choose(id)", org)
    assert page.inner_text("#panel h2") == TRAP_IMG
    assert _hover(page, org).startswith(TRAP_IMG)
    assert page.inner_text("#tooltip strong") == TRAP_IMG
    fact = page.evaluate("kgView.meta.findIndex(m => m.type === 'Partnership' && m.label.includes('__pwned = 1'))")
    assert TRAP_SCRIPT in _hover(page, fact) and TRAP_IMG in page.inner_text("#tooltip")  # the evidence, as text
    page.fill("#search", "window.__pwned")
    assert TRAP_SCRIPT in page.inner_text("#results")
    assert page.evaluate("Array.from(document.querySelectorAll('#tooltip *, #panel *, #results *, #legend *'))"
                         ".some(e => ['IMG', 'SCRIPT'].includes(e.tagName))") is False
    assert page.evaluate("window.__pwned") is None
    assert loaded.dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view.png"))
    assert (ARTIFACTS / "view.png").stat().st_size > 10_000
    page.fill("#search", "")


def test_filters_hide_by_class_date_and_article(loaded: Loaded) -> None:
    page = loaded.page
    page.fill("#search", "")
    page.click("#reset")
    total = loaded.graph.number_of_nodes()
    hidden = "kgView.nodes.get().filter(n => n.hidden).length"
    page.uncheck("#legend input[value=Office]")
    offices = sum(1 for _, d in loaded.graph.nodes(data=True) if d["type"] == "Office")
    assert page.evaluate(hidden) == offices
    page.click("#reset")
    page.fill("#date-from", "2025-01")
    visible_labels = page.evaluate("kgView.nodes.get().filter(n => !n.hidden).map(n => n.label)")
    assert "Verdane Systems" in visible_labels and TRAP_IMG not in visible_labels  # 2025 article only
    page.click("#reset")
    assert page.evaluate(hidden) == 0
    page.select_option("#article", index=1)
    assert 0 < page.evaluate(hidden) < total
    page.click("#reset")


def test_empty_graph_page_says_so(browser: Browser, tmp_path: Path) -> None:
    import networkx as nx

    state = open_view(browser, nx.MultiDiGraph(), tmp_path / "empty.html")
    assert state.page.evaluate("kgView.nodeCount") == 0
    assert state.page.evaluate("kgView.stabilized") < 5_000
    assert "graph is empty" in state.page.inner_text("#panel")
    assert [c for c in state.console if c[0] in ("error", "pageerror")] == []
    state.page.close()
