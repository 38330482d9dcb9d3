"""Extraction throughput with 1 process vs N worker processes (``kg ingest --workers N``).

Target (issue 6): on 2 cores, 2 workers >= 1.7x the single-process throughput on 200+ articles.
Steady state: the models are loaded before the clock starts (once in-process for 1 worker, once per
worker for N); the load time is reported apart. Synthetic French and English articles (tests/synthetic.py).

    .venv/bin/python bench/bench_parallel.py                 # 240 articles, --workers 1 vs 2
    .venv/bin/python bench/bench_parallel.py --articles 400 --workers 2 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import make_articles  # noqa: E402

from kg.model import Article  # noqa: E402
from kg.parallel import extract_parallel, run_extractor, shutdown  # noqa: E402


def sequential(articles: list[Article]) -> tuple[float, float]:
    """(load seconds, extraction seconds) in this process."""
    from kg.nlp import Extractor

    started = time.perf_counter()
    extractor = Extractor(known_organisations=[])
    for warm in articles[:2]:  # load both languages' pipelines
        run_extractor(extractor, warm)
    loaded = time.perf_counter()
    for article in articles:
        run_extractor(extractor, article)
    return loaded - started, time.perf_counter() - loaded


def parallel(articles: list[Article], workers: int) -> tuple[float, float]:
    started = time.perf_counter()
    list(extract_parallel(articles[: workers * 2], workers, []))  # start the pool, load the models
    loaded = time.perf_counter()
    results = list(extract_parallel(articles, workers, []))
    elapsed = time.perf_counter() - loaded
    failed = [r for _, r in results if isinstance(r, Exception)]
    if failed:
        raise SystemExit(f"{len(failed)} article(s) failed: {failed[0]}")
    return loaded - started, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    articles = [Article(**a) for a in make_articles(args.articles)]
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles ({chars / len(articles):.0f} characters each on average), "
          f"{os.cpu_count()} CPU(s) visible")
    seq = [sequential(articles) for _ in range(args.repeat)]
    par = []
    for _ in range(args.repeat):
        par.append(parallel(articles, args.workers))
        shutdown()
    t1 = statistics.median(e for _, e in seq)
    tn = statistics.median(e for _, e in par)
    print(f"1 process : load {statistics.median(s for s, _ in seq):.1f} s, extraction {t1:.2f} s "
          f"= {len(articles) / t1:.1f} articles/s  (runs: {', '.join(f'{e:.2f}' for _, e in seq)})")
    print(f"{args.workers} workers : load {statistics.median(s for s, _ in par):.1f} s, extraction {tn:.2f} s "
          f"= {len(articles) / tn:.1f} articles/s  (runs: {', '.join(f'{e:.2f}' for _, e in par)})")
    print(f"speed-up: {t1 / tn:.2f}x")


if __name__ == "__main__":
    main()
