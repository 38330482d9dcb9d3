"""``kg demo``: the bundled sample articles into a fresh store, then exports/ (Turtle + HTML)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

SAMPLES = Path(__file__).parent / "samples"
DEMO_QUERY = "offices"
DEMO_PARAMS = {"org": "Nuvola"}


@dataclass
class DemoResult:
    store: str
    turtle: Path
    html: Path
    articles: int
    triples: int


def fresh_store_dir(location: Path) -> None:
    """Empty ``location`` for a new store, refusing to wipe a folder that is not a kg store."""
    if location.exists():
        if not location.is_dir():
            raise KgError(f"{location} is a file: choose another --store for the demo")
        entries = list(location.iterdir())
        if entries and not (location / "CURRENT").exists():
            raise KgError(f"{location} is not empty and not a kg store: choose another --store for the demo")
        shutil.rmtree(location)


def run_demo(store_dir: Path, exports: Path, *, progress: object = None) -> DemoResult:
    from kg.exports import export
    from kg.ingest import ingest
    from kg.netx import to_networkx
    from kg.store import open_store
    from kg.view import render_view

    fresh_store_dir(store_dir)
    exports.mkdir(parents=True, exist_ok=True)
    with open_store(store_dir, create=True) as store:
        report = ingest(store, [str(SAMPLES)], progress=progress)  # type: ignore[arg-type]
        if report.failed:
            raise KgError("; ".join(str(f) for f in report.failures))
        turtle = exports / "demo.ttl"
        export(store, "turtle", turtle)
        html = exports / "demo.html"
        render_view(to_networkx(store), html, title="kg demo — sample articles")
        return DemoResult(store=str(store_dir), turtle=turtle, html=html, articles=report.ok,
                          triples=store.count())
