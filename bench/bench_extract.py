"""Extraction throughput and peak memory: python bench/bench_extract.py [--articles N] [--workers W].

Articles come from ../shared/eval/dev/articles (or kg/samples/), repeated to N with a varying suffix so no cache helps.
Each worker process loads the pipelines once (not timed); the figure is articles per second at steady state.
The CPU time each article took in its worker is summed too: on a machine shared with other jobs the wall-clock
rate understates the rate on idle cores, which is W / (CPU seconds per article). The load average is printed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_extractor = None


def _init() -> None:
    global _extractor
    from kg.nlp import Extractor
    from kg.nlp.pipeline import load_pipeline

    _extractor = Extractor()
    for lang in ("fr", "en"):
        load_pipeline(lang)


def _work(article: object) -> tuple[int, float]:
    assert _extractor is not None
    t0 = time.process_time()
    n = len(_extractor(article).facts)  # type: ignore[arg-type]
    return n, time.process_time() - t0


def _articles(n: int) -> list:
    from kg.articles import read_file
    from kg.model import Article

    src = ROOT.parent / "shared" / "eval" / "dev" / "articles"
    if not src.is_dir():
        src = ROOT / "kg" / "samples"  # the demo articles, when ../shared is not beside the repository
    base = [a for p in sorted(src.rglob("*")) if p.is_file() for a in read_file(p) if isinstance(a, Article)]
    return [Article(text=f"{a.text}\n\n({i})", title=a.title, date=a.date, lang=a.lang)
            for i, a in zip(range(n), base * (n // max(1, len(base)) + 1), strict=False)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=260)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    arts = _articles(args.articles)
    words = sum(len(a.text.split()) for a in arts)
    with get_context("fork").Pool(args.workers, initializer=_init) as pool:
        pool.map(_work, arts[: args.workers * 2])  # warm-up: models loaded in every worker
        load = _loadavg()
        t0 = time.perf_counter()
        results = pool.map(_work, arts, chunksize=4)
        dt = time.perf_counter() - t0
        rss_workers = pool.map(_rss, range(args.workers))
    facts = sum(n for n, _ in results)
    cpu = sum(c for _, c in results) / len(arts)
    print(f"{len(arts)} articles ({words} words), {args.workers} workers: {dt:.2f} s, "
          f"{len(arts) / dt:.1f} articles/s, {words / dt:.0f} words/s, {facts} facts")
    print(f"CPU per article: {cpu * 1000:.1f} ms; on {args.workers} idle cores: {args.workers / cpu:.1f} articles/s; "
          f"load average before: {load}, after: {_loadavg()}")
    print(f"peak RSS per worker: {max(rss_workers) / 1024:.0f} MB; parent: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def _rss(_: int) -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
