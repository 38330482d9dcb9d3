"""Benchmark querying, exporting and loading through ``kg`` against bare pyoxigraph on the same store.

Every measurement is a fresh process (``/usr/bin/time`` gives wall time and peak RSS), alternating kg and bare
runs, medians reported with their ratio. Needs the store built by ``bench/gen_graph.py``.

    python bench/bench_query.py --data bench/data --runs 5 [--skip-load] [--only queries|export|load]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
KG = [PY, "-m", "kg"]
MERGED = "https://w3id.org/newskg/graph/merged"
ONTOLOGY = "https://w3id.org/newskg/ontology"

BARE_QUERY = r"""
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
result = store.query(text, default_graph=ox.NamedNode(MERGED))
result.serialize(sys.stdout.buffer, ox.QueryResultsFormat.JSON)
""".replace("MERGED", repr(MERGED))

BARE_DUMP = r"""
import sys, pyoxigraph as ox
from kg.formats import SERIALISATION_PREFIXES
store = ox.Store.read_only(sys.argv[1])
kind, out = sys.argv[2], sys.argv[3]
if kind == "turtle":
    store.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(MERGED), prefixes=SERIALISATION_PREFIXES)
elif kind == "nquads-all":
    store.dump(out, ox.RdfFormat.N_QUADS)
else:
    skip = {ox.NamedNode(MERGED), ox.NamedNode(ONTOLOGY)}
    ox.serialize((q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name not in skip), out,
                 ox.RdfFormat.N_QUADS)
""".replace("MERGED", repr(MERGED)).replace("ONTOLOGY", repr(ONTOLOGY))

BARE_LOAD = r"""
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)
store.flush()
"""


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)  # users have cached bytecode; measure that
    e["PYTHONPATH"] = str(REPO)
    return e


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB, stderr) of one fresh process; stdout discarded."""
    proc = subprocess.run(["/usr/bin/time", "-f", "@@%e %M", *cmd], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=env(), cwd=REPO)
    lines = proc.stderr.strip().splitlines()
    m = re.match(r"@@([\d.]+) (\d+)", lines[-1] if lines else "")
    if proc.returncode != 0 or not m:
        raise RuntimeError(f"{' '.join(cmd[:6])}... failed ({proc.returncode}): {proc.stderr[-600:]}")
    return float(m[1]), int(m[2]) // 1024, "\n".join(lines[:-1])


def param_values(info: dict[str, str]) -> dict[str, dict[str, str]]:
    """--param values per saved query: the busiest organisation, person, city and investor of the graph (the
    hardest cases); optional parameters are given where a user would give them."""
    org = {"org": info["hub_org"]}
    return {"offices": org, "roles": org, "funding": org, "partners": org, "timeline": org,
            "investors": {"investor": info["investor"]}, "organisations-in-city": {"city": info["hub_city"]},
            "mentions": {"entity": info["hub_org"]}, "evidence": {"entity": info["hub_org"]}}


def compare(label: str, kg_cmd: list[str], bare_cmd: list[str], runs: int, results: list[dict]) -> None:
    timed(kg_cmd)  # warm-up (bytecode, page cache)
    timed(bare_cmd)
    kg_t, bare_t, kg_rss, bare_rss = [], [], [], []
    for _ in range(runs):
        t, r, _ = timed(kg_cmd)
        kg_t.append(t)
        kg_rss.append(r)
        t, r, _ = timed(bare_cmd)
        bare_t.append(t)
        bare_rss.append(r)
    row = {"what": label, "kg_median_s": statistics.median(kg_t), "bare_median_s": statistics.median(bare_t),
           "ratio": round(statistics.median(kg_t) / max(statistics.median(bare_t), 1e-3), 2),
           "kg_peak_rss_mb": max(kg_rss), "bare_peak_rss_mb": max(bare_rss), "kg_runs": kg_t, "bare_runs": bare_t}
    results.append(row)
    print(f"{label:28s} kg {row['kg_median_s']:6.2f} s  bare {row['bare_median_s']:6.2f} s  "
          f"ratio {row['ratio']:5.2f}  peak RSS kg {row['kg_peak_rss_mb']} MB / bare {row['bare_peak_rss_mb']} MB",
          flush=True)


def bench_queries(data: Path, runs: int, results: list[dict]) -> None:
    """Each saved query: `kg query NAME --param ...` against a bare pyoxigraph script running the same bound text."""
    sys.path.insert(0, str(REPO))
    from kg.ontology import saved_queries

    store = str(data / "store")
    values = param_values(json.loads((data / "info.json").read_text()))
    with tempfile.TemporaryDirectory() as tmp:
        for sq in saved_queries():
            params = values.get(sq.name, {})
            text_path = Path(tmp) / f"{sq.name}.rq"
            text_path.write_text(sq.bind(params), encoding="utf-8")
            kg_cmd = [*KG, "query", sq.name, "--store", store, "--format", "json"]
            for key, value in params.items():
                kg_cmd += ["--param", f"{key}={value}"]
            compare(f"query {sq.name}", kg_cmd, [PY, "-c", BARE_QUERY, store, str(text_path)], runs, results)


def bench_export(data: Path, runs: int, results: list[dict]) -> None:
    store = str(data / "store")
    with tempfile.TemporaryDirectory(dir=data) as tmp:
        for fmt, bare_kind in (("turtle", "turtle"), ("nquads", "nquads")):
            out_kg, out_bare = str(Path(tmp) / f"kg.{fmt}"), str(Path(tmp) / f"bare.{fmt}")
            compare(f"export {fmt}", [*KG, "export", "--store", store, "--format", fmt, "--out", out_kg],
                    [PY, "-c", BARE_DUMP, store, bare_kind, out_bare], runs, results)
        t, r, _ = timed([PY, "-c", BARE_DUMP, store, "nquads-all", str(Path(tmp) / "all.nq")])
        results.append({"what": "bare dump of the whole dataset (article graphs + merged), N-Quads",
                        "bare_median_s": t, "bare_peak_rss_mb": r})
        print(f"bare whole-dataset N-Quads dump: {t:.2f} s, {r} MB", flush=True)


def bench_load(data: Path, runs: int, results: list[dict]) -> None:
    nq = str(data / "articles.nq")
    with open(nq, "rb") as fh:
        quads = sum(1 for _ in fh)
    kg_t, bare_t, kg_rss, bare_rss = [], [], [], []
    for _ in range(runs):
        for which in ("kg", "bare"):
            target = data / f"load-{which}"
            shutil.rmtree(target, ignore_errors=True)
            cmd = [*KG, "load", nq, "--store", str(target)] if which == "kg" else [PY, "-c", BARE_LOAD, str(target), nq]
            t, r, _ = timed(cmd)
            (kg_t if which == "kg" else bare_t).append(t)
            (kg_rss if which == "kg" else bare_rss).append(r)
            shutil.rmtree(target, ignore_errors=True)
    kg_m, bare_m = statistics.median(kg_t), statistics.median(bare_t)
    row = {"what": f"load {quads} quads", "kg_median_s": kg_m, "bare_median_s": bare_m, "ratio": round(kg_m / bare_m, 2),
           "kg_quads_per_s": round(quads / kg_m), "bare_quads_per_s": round(quads / bare_m),
           "kg_peak_rss_mb": max(kg_rss), "bare_peak_rss_mb": max(bare_rss), "kg_runs": kg_t, "bare_runs": bare_t}
    results.append(row)
    print(f"load: kg {kg_m:.1f} s ({row['kg_quads_per_s']}/s)  bulk {bare_m:.1f} s ({row['bare_quads_per_s']}/s)  "
          f"ratio {row['ratio']}  RSS {max(kg_rss)} / {max(bare_rss)} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO / "bench" / "data")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load-runs", type=int, default=3)
    parser.add_argument("--only", choices=["queries", "export", "load"], action="append")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    run(args.data, args.runs, args.load_runs, set(args.only or ["queries", "export", "load"]), args.json)


def run(data: Path, runs: int, load_runs: int, only: set[str], json_out: Path | None = None) -> list[dict]:
    """Run the chosen parts; returns the result rows (also written to ``json_out``)."""
    if not (data / "store").exists():
        sys.exit(f"no store in {data}: run `python bench/gen_graph.py --out {data}` first")
    print(json.dumps(json.loads((data / "info.json").read_text())), flush=True)
    results: list[dict] = []
    if "queries" in only:
        bench_queries(data, runs, results)
    if "export" in only:
        bench_export(data, max(1, min(runs, 3)), results)
    if "load" in only:
        bench_load(data, load_runs, results)
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
