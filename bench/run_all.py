"""Every benchmark, small enough for one sitting (`make bench`, under 30 minutes on 2 shared cores).

1. The 1M-triple graph (``bench/gen_graph.py``), generated once into ``bench/data/`` and reused;
2. saved queries, export and load through ``kg`` against bare pyoxigraph (``bench/bench_query.py``);
3. extraction, parallel extraction and the HTML view (``bench/bench_extract.py``, ``bench_parallel.py``,
   ``bench_view.py``) with small options.

Prints a summary table and writes ``bench/results/summary.json``.

    python bench/run_all.py [--runs 3] [--load-runs 1] [--skip-others]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DATA = BENCH / "data"
RESULTS = BENCH / "results"
OTHERS = [  # (name, script and small options, time limit in seconds)
    ("extract", ["bench_extract.py", "--articles", "60"], 600),
    ("parallel", ["bench_parallel.py", "--articles", "60", "--repeat", "1"], 600),
    ("view", ["bench_view.py", "--no-browser"], 600),
]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def ensure_graph() -> dict:
    """The 1M-triple store, generated unless ``bench/data/store`` already exists."""
    if not (DATA / "store").exists() or not (DATA / "info.json").exists():
        print("generating the 1M-triple graph into bench/data/ (a few minutes, done once)", flush=True)
        subprocess.run([sys.executable, str(BENCH / "gen_graph.py"), "--out", str(DATA)], check=True, env=_env(),
                       cwd=REPO)
    return json.loads((DATA / "info.json").read_text(encoding="utf-8"))


def run_other(name: str, args: list[str], limit: int) -> dict:
    """One of the other benchmarks as a subprocess: its output lines, or why it did not finish."""
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(BENCH / args[0]), *args[1:]], capture_output=True, text=True,
                              timeout=limit, env=_env(), cwd=REPO)
        lines = proc.stdout.strip().splitlines()
        status = "ok" if proc.returncode == 0 else f"failed ({proc.returncode}): {proc.stderr.strip()[-300:]}"
    except subprocess.TimeoutExpired:
        lines, status = [], f"stopped after {limit} s"
    return {"what": name, "status": status, "seconds": round(time.perf_counter() - started, 1), "output": lines}


def table(rows: list[dict]) -> str:
    """The kg-versus-bare rows as a Markdown table."""
    out = ["| what | kg median (s) | bare median (s) | ratio | peak RSS kg (MB) |", "|---|---|---|---|---|"]
    for r in rows:
        if "kg_median_s" not in r:
            out.append(f"| {r['what']} | – | {r['bare_median_s']:.2f} | – | – |")
            continue
        extra = f" ({r['kg_quads_per_s']:,} quads/s; bare {r['bare_quads_per_s']:,}/s)" if "kg_quads_per_s" in r else ""
        out.append(f"| {r['what']}{extra} | {r['kg_median_s']:.2f} | {r['bare_median_s']:.2f} | {r['ratio']:.2f} | "
                   f"{r['kg_peak_rss_mb']} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per saved query (export: at most this)")
    parser.add_argument("--load-runs", type=int, default=1)
    parser.add_argument("--skip-others", action="store_true", help="only queries, export and load")
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    import bench_query

    started = time.perf_counter()
    load_before = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    info = ensure_graph()
    rows = bench_query.run(DATA, args.runs, args.load_runs, {"queries", "export", "load"})
    others = [] if args.skip_others else [run_other(*o) for o in OTHERS]
    load_after = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    summary = {"graph": info, "loadavg_before": load_before, "loadavg_after": load_after, "cpus": os.cpu_count(),
               "seconds": round(time.perf_counter() - started), "store": rows, "others": others}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print()
    print(f"1M-triple graph: {info.get('merged_triples', '?'):,} merged triples, "
          f"{info.get('article_quads', '?'):,} article quads; load average {' '.join(load_before)} → "
          f"{' '.join(load_after)} on {os.cpu_count()} CPUs")
    print(table(rows))
    for o in others:
        print(f"\n{o['what']} ({o['status']}, {o['seconds']} s):")
        for line in o["output"]:
            print(f"  {line}")
    print(f"\nwritten: {RESULTS / 'summary.json'} ({summary['seconds']} s in all)")


if __name__ == "__main__":
    main()
