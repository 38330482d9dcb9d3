"""Crash safety: kill -9 a `kg ingest` of 13 articles at random points (marker ``stress``; KG_STRESS_COUNT runs).

After every kill the store opens, holds only whole articles (each article graph has its content hash and
exactly the triples of a clean build), its merged graph is the union of its article graphs, and a
re-ingest makes it equal to a clean build, quad for quad.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import KG_BIN
from synthetic import make_articles, write_markdown

from kg.iris import KG_NS, MERGED_GRAPH

pytestmark = pytest.mark.stress
HASH = ox.NamedNode(KG_NS + "contentHash")
MERGED = ox.NamedNode(MERGED_GRAPH)


def ingest(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(KG_BIN), "ingest", str(folder), "--store", str(store), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def quads(store: Path) -> set[ox.Quad]:
    db = ox.Store.read_only(str(store))
    found = set(db.quads_for_pattern(None, None, None, None))
    del db
    return found


ONTOLOGY = ox.NamedNode("https://w3id.org/newskg/ontology")


def per_graph(found: set[ox.Quad]) -> Counter[ox.NamedNode]:
    return Counter(q.graph_name for q in found if q.graph_name not in (MERGED, ONTOLOGY))


def test_kill_9_leaves_only_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_markdown(folder, make_articles(13, seed=61))
    clean_store = tmp_path / "clean"
    started = time.monotonic()
    clean = ingest(folder, clean_store)
    assert clean.wait(timeout=900) == 0
    duration = time.monotonic() - started
    reference = quads(clean_store)
    sizes = per_graph(reference)
    assert len(sizes) == 13
    rng = random.Random(int(os.environ.get("KG_STRESS_SEED", "0")) or None)
    for run in range(int(os.environ.get("KG_STRESS_COUNT", "3"))):
        store = tmp_path / f"run{run}"
        for _ in range(2):  # kill twice in a row on the same store, then finish
            proc = ingest(folder, store)
            time.sleep(rng.uniform(0.2, duration * 1.1))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            if not (store / "CURRENT").exists():
                continue  # killed before the store was created
            found = quads(store)  # opens after a kill
            graphs = per_graph(found)
            for graph, size in graphs.items():
                assert size == sizes[graph], f"run {run}: half an article in {graph}"
                assert any(q.predicate == HASH and q.graph_name == graph for q in found)
            merged = {q.triple for q in found if q.graph_name == MERGED}
            assert merged == {q.triple for q in found if q.graph_name not in (MERGED, ONTOLOGY)}
        finish = ingest(folder, store)
        assert finish.wait(timeout=900) == 0, finish.stderr.read() if finish.stderr else ""
        assert quads(store) == reference
