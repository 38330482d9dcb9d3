"""The scaling recipes of the README (Scaling out), run as written: Dask extract + kg load, and kg on Virtuoso."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import KG_BIN, REPO
from synthetic import make_articles, write_markdown

from kg.iris import MERGED_GRAPH

DOC = REPO / "README.md"
ARTICLE_BASE = "https://w3id.org/newskg/id/article/"


def kg(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(KG_BIN), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, check=False)


def recipe() -> str:
    """The python block after the ``recipe: scale_out.py`` marker in the README."""
    text = DOC.read_text(encoding="utf-8")
    marker = text.index("<!-- recipe: scale_out.py")
    match = re.compile(r"```python\n(.*?)```", re.DOTALL).search(text, marker)
    assert match, "no python block after the recipe marker"
    return match.group(1)


def quads_of(location: str | Path) -> tuple[set[Any], set[Any]]:
    """(quads of every graph but the merged one, triples of the merged graph)."""
    from kg.store import open_store

    store = open_store(str(location)) if str(location).startswith("http") else open_store(location, read_only=True)
    try:
        rows = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                           f"FILTER(STRSTARTS(STR(?g), \"{ARTICLE_BASE}\")) }}", merged=False)
        graphs = {(r["g"], r["s"], r["p"], r["o"]) for r in rows}
        merged = {(r["s"], r["p"], r["o"]) for r in store.query(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?s ?p ?o }} }}", merged=False)}
    finally:
        store.close()
    return graphs, merged


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    write_markdown(directory / "a", make_articles(8, seed=11))
    write_markdown(directory / "b", make_articles(6, seed=12))
    return directory


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain `kg ingest` of the corpus, the reference."""
    store = tmp_path_factory.mktemp("ingest") / "store"
    done = kg("ingest", str(corpus), "--store", str(store), "--quiet")
    assert done.returncode == 0, done.stderr
    return store


def test_dask_recipe_equals_plain_ingest(corpus: Path, ingested: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    script = tmp_path / "scale_out.py"
    script.write_text(recipe(), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(corpus), str(tmp_path / "parts"), "3"],
                          capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "14 article file(s) in 3 part(s), 0 failure(s)" in done.stderr
    parts = sorted((tmp_path / "parts").glob("*.nq"))
    assert len(parts) == 3 and all(p.stat().st_size > 0 for p in parts)
    store = tmp_path / "store"
    loaded = kg("load", *map(str, parts), "--store", str(store))
    assert loaded.returncode == 0, loaded.stderr
    got, want = quads_of(store), quads_of(ingested)
    assert len(want[0]) > 14 * 10
    assert got[0] == want[0]  # every article graph, quad for quad
    assert got[1] == want[1]  # the merged graph


@pytest.mark.virtuoso
def test_kg_cli_on_virtuoso_equals_embedded(corpus: Path, ingested: Path, virtuoso: Any) -> None:
    virtuoso.clear()
    env = {"KG_STORE": virtuoso.endpoint}
    first = kg("ingest", str(corpus), "--quiet", env=env)
    assert first.returncode == 0, first.stderr
    got, want = quads_of(virtuoso.endpoint), quads_of(ingested)
    assert got == want
    again = kg("ingest", str(corpus), env=env)
    assert again.returncode == 0, again.stderr
    assert "0 article(s) ingested, 14 unchanged" in again.stderr
    assert quads_of(virtuoso.endpoint) == want
    count = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", env=env)
    assert count.returncode == 0, count.stderr
    assert count.stdout.split()[-1] == str(len(want[1]))


def test_cli_on_a_down_endpoint_is_one_line_and_exit_1(corpus: Path) -> None:
    env = {"KG_STORE": "http://127.0.0.1:9/sparql", "KG_STORE_RETRIES": "1", "KG_STORE_TIMEOUT": "2"}
    for args in (("query", "SELECT * WHERE { ?s ?p ?o }"), ("ingest", str(corpus / "a")), ("stats",)):
        done = kg(*args, env=env, timeout=120)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
        assert any("http://127.0.0.1:9/sparql" in ln and "connection refused" in ln for ln in lines), done.stderr
        assert "Traceback" not in done.stderr
        assert done.stdout.strip() == ""
