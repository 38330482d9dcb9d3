"""Benchmark of the HTML view: write time, and time to first draw / stabilisation in headless Chromium.

Targets (SPEC §7, issue 5): a 2,000-node graph is written in < 1 s and stabilises in < 5 s in headless Chromium;
a 10,000-node graph is reduced automatically. The graphs are synthetic but shaped like kg's: articles whose
extractions go through kg.mapping into an in-memory store, then kg.netx.to_networkx.

    .venv/bin/python bench/bench_view.py            # 2,000 and 10,000 nodes, with the browser
    .venv/bin/python bench/bench_view.py --no-browser
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from kg.mapping import article_iri, to_triples
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Partnership, Place, Role
from kg.netx import to_networkx
from kg.view import render_view

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import ARGS, CHROMIUM, wait_until_drawn  # noqa: E402


class _Store:
    def __init__(self) -> None:
        self.store = Store()

    def query(self, sparql: str, substitutions: dict[str, Any] | None = None) -> Any:
        return self.store.query(sparql, substitutions=substitutions)


def synthetic_store(articles: int, seed: int = 3) -> _Store:
    """``articles`` invented articles, each with a few organisations, a place and one to three facts."""
    rng = random.Random(seed)
    n_orgs, n_people, n_places = articles, articles // 2, max(articles // 6, 5)

    def org() -> str:  # Zipf-like: a few organisations appear often
        return f"Org {int(n_orgs ** rng.random()):05d}"

    def place() -> Place:
        i = int(n_places ** rng.random())
        return Place(f"City {i:04d}", "city", 900_000 + i, (("en", f"City {i:04d}"),))

    store = _Store()
    for a in range(articles):
        sentence = f"Synthetic sentence number {a} about companies."
        ev = Evidence(sentence, 0, len(sentence), "bench.synthetic")
        o1, o2 = org(), org()
        person = f"Person {rng.randrange(n_people):05d}"
        where = place()
        entities = [Entity("Organisation", o1), Entity("Person", person)]
        if o2 != o1:
            entities.append(Entity("Organisation", o2))
        facts: list[Any] = [Office(o1, where, rng.choice(["existing", "opening", "planned"]), ev)]
        if rng.random() < 0.5:
            facts.append(Role(person, o1, "CEO", "PDG", ev, based_at=where if rng.random() < 0.3 else None))
        if o2 != o1 and rng.random() < 0.4:
            facts.append(Partnership((o1, o2), ev))
        if o2 != o1 and rng.random() < 0.3:
            facts.append(FundingRound(o1, Decimal(rng.randrange(1, 500)) * 1_000_000, "EUR", ev,
                                      investors=(o2,), announced_on=f"202{rng.randrange(5)}-0{rng.randrange(1, 10)}"))
        ex = Extraction(
            article=Article(text=sentence, title=f"Article {a}", date=f"202{a % 5}-0{a % 9 + 1}-1{a % 9}",
                            url=f"https://news.example.org/{a}"),
            lang="en", entities=entities, places=[where], facts=facts,
        )
        graph = NamedNode(article_iri(ex))
        for t in to_triples(ex):
            store.store.add(Quad(t.subject, t.predicate, t.object, graph))
            store.store.add(Quad(t.subject, t.predicate, t.object, DefaultGraph()))
    return store


def browser_times(path: Path) -> dict[str, float]:
    """Milliseconds from navigation start to the first drawing and to stabilisation, with all network blocked."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True, args=ARGS,
                                                       viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page = context.new_page()
        started = time.perf_counter()
        page.goto(path.as_uri())
        wait_until_drawn(page, timeout=60_000)
        wall = (time.perf_counter() - started) * 1000
        first, stable, nodes = page.evaluate("[kgView.firstDraw, kgView.stabilized, kgView.nodeCount]")
        context.close()
    return {"first_draw_ms": first, "stabilized_ms": stable, "wall_ms": wall, "nodes": nodes}


def run(articles: int, out: Path, browser: bool) -> None:
    t0 = time.perf_counter()
    store = synthetic_store(articles)
    t1 = time.perf_counter()
    G = to_networkx(store)
    t2 = time.perf_counter()
    report = render_view(G, out, title=f"Benchmark, {G.number_of_nodes():,} nodes")
    t3 = time.perf_counter()
    render_view(G, out, title=f"Benchmark, {G.number_of_nodes():,} nodes")
    t4 = time.perf_counter()
    size = out.stat().st_size / 1e6
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges (store built in {t1 - t0:.1f} s)")
    print(f"  to_networkx: {t2 - t1:.2f} s   render_view: {t3 - t2:.2f} s first call (imports pyvis, numpy), "
          f"{t4 - t3:.2f} s again")
    print(f"  page: {size:.1f} MB, {report.nodes:,} nodes, {report.edges:,} edges, {report.dropped_nodes:,} left out")
    for note in report.notes:
        print(f"  note: {note}")
    if browser:
        times = browser_times(out)
        print(f"  chromium: first draw {times['first_draw_ms'] / 1000:.2f} s, stabilised "
              f"{times['stabilized_ms'] / 1000:.2f} s after navigation start (wall {times['wall_ms'] / 1000:.2f} s), "
              f"{times['nodes']:,} nodes in the page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium measurement")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-view")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for articles in (620, 3300):  # about 2,000 and 10,000 nodes
        run(articles, args.out / f"view-{articles}.html", browser=not args.no_browser)


if __name__ == "__main__":
    main()
