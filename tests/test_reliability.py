"""Reliability: bad input, two writers, idempotence, hostile article text and parameters (SPEC §8).

Runs the real command line (``.venv/bin/kg``): one line per problem on stderr naming the file, the batch goes
on, good files are stored, exit status 1, no traceback without --debug.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from conftest import KG_BIN
from synthetic import make_articles, write_markdown

from kg.iris import MERGED_GRAPH

HOSTILE = 'Quantel "} ; DROP ALL ; { <x> > \\ \\" <script>alert(1)</script>'


def kg(*args: str, timeout: float = 600, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(KG_BIN), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, check=False)


def all_quads(store_dir: Path) -> set[Any]:
    store = ox.Store.read_only(str(store_dir))
    quads = set(store.quads_for_pattern(None, None, None, None))
    del store
    return quads


def literals(store_dir: Path) -> set[str]:
    return {q.object.value for q in all_quads(store_dir) if isinstance(q.object, ox.Literal)}


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str], Path]:
    folder = tmp_path_factory.mktemp("bad")
    good = write_markdown(folder / "good", make_articles(2, seed=21))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4)
    (folder / "windows1252.txt").write_bytes(
        "Dubreuil Énergie ouvre un bureau à Genève – « coût » 5 €.".encode("cp1252"))
    (folder / "truncated.json").write_text('{"title": "Cut", "text": "Velnor Labs opens an off', encoding="utf-8")
    lines = [json.dumps({"text": "Velnor Labs opened an office in Madrid.", "url": "https://x.example/1"}),
             '{"text": "broken line',
             json.dumps({"text": "Kaltic Cloud hired a new chief executive.", "url": "https://x.example/2"})]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "frontmatter.md").write_text("---\ntitle: Never closed\ndate: 2024-01-02\nBody text.\n",
                                           encoding="utf-8")
    (folder / "page.html").write_text(
        "<!doctype html><html><head><title>Trazen opens in Lisbon</title><script>alert('head')</script></head>"
        "<body><nav>Home | About</nav><article><h1>Trazen opens in Lisbon</h1>"
        "<p>Trazen Analytics said on Monday it had opened an office in Lisbon, its first in Portugal.</p>"
        "<script>document.write('injected')</script>"
        "<p>The company, led by its chief executive Grace Novak, plans to hire forty engineers there.</p>"
        "</article><footer>© 2024</footer></body></html>", encoding="utf-8")
    (folder / "nothing.txt").write_text("it rained all day and nobody did anything of note.\n", encoding="utf-8")
    (folder / "hostile.md").write_text(f"---\ntitle: {HOSTILE}\n---\nQuantel Robotics a ouvert un bureau à Lyon "
                                       f"({HOSTILE}).\n", encoding="utf-8")
    (folder / "emptydir").mkdir()
    store = folder / "store"
    done = kg("ingest", str(folder), str(folder / "missing.md"), str(folder / "emptydir"), "--store", str(store))
    assert good
    return folder, done, store


def test_bad_batch_exits_1_without_traceback(bad_batch: Any) -> None:
    _, done, _ = bad_batch
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout


@pytest.mark.parametrize(("name", "problem"), [
    ("empty.txt", "empty"),
    ("binary.txt", "binary"),
    ("truncated.json", "invalid JSON"),
    ("lines.jsonl:2", "invalid JSON"),
    ("frontmatter.md", "front matter"),
    ("missing.md", "no such file"),
    ("emptydir", "no article files"),
])
def test_each_bad_input_gets_one_line_naming_file_and_problem(bad_batch: Any, name: str, problem: str) -> None:
    _, done, _ = bad_batch
    lines = [ln for ln in done.stderr.splitlines() if name in ln]
    assert len(lines) == 1, done.stderr
    assert problem.lower() in lines[0].lower()


def test_good_files_of_the_batch_are_stored(bad_batch: Any) -> None:
    folder, done, store = bad_batch
    texts = literals(store)
    for article in make_articles(2, seed=21):
        assert article["title"] in texts, article["title"]
    assert any("Genève" in t for t in texts)  # Windows-1252 read as such, accents intact
    assert any("Trazen" in t for t in texts)  # the HTML article
    assert not any("alert('head')" in t or "injected" in t or "Home | About" in t for t in texts)  # scripts, boilerplate
    lines_ok = [ln for ln in done.stderr.splitlines() if "lines.jsonl:1" in ln or "lines.jsonl:3" in ln]
    assert lines_ok == []  # the good lines of a JSONL file are not reported
    assert "8 article(s) ingested" in done.stderr, done.stderr


def test_article_with_no_entities_is_stored_not_failed(bad_batch: Any) -> None:
    _, done, store = bad_batch
    assert "nothing.txt" not in done.stderr
    count = len({q.subject for q in all_quads(store)
                 if q.predicate.value == "https://w3id.org/newskg/ontology#contentHash"
                 and q.subject.value != "https://w3id.org/newskg/ontology"})
    # 2 good .md + windows1252 + 2 JSONL lines + html + nothing + hostile
    assert count == 8, done.stderr


def test_hostile_text_is_stored_verbatim_and_store_intact(bad_batch: Any) -> None:
    _, _, store = bad_batch
    quads = all_quads(store)
    texts = {q.object.value for q in quads if isinstance(q.object, ox.Literal)}
    assert HOSTILE in texts  # the headline, verbatim
    assert any(q.graph_name == ox.NamedNode(MERGED_GRAPH) for q in quads)
    query = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", "--store", str(store))
    assert query.returncode == 0, query.stderr
    assert int(query.stdout.split()[-1]) == sum(1 for q in quads if q.graph_name == ox.NamedNode(MERGED_GRAPH))


def test_param_values_never_change_a_query(bad_batch: Any) -> None:
    _, _, store = bad_batch
    before = all_quads(store)
    for value in ['x" } ; DROP ALL ; { "', "x> } DROP ALL { <y", '\\" ) } } DELETE WHERE { ?s ?p ?o } #']:
        done = kg("query", "SELECT ?o ?name WHERE { ?o ?p ?name }", "--param", f"name={value}", "--format", "csv",
                  "--store", str(store))
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() in ("o,name", "")
    refused = kg("query", "DROP ALL", "--store", str(store))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert all_quads(store) == before


def test_ten_megabyte_article(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = ("Velnor Labs said it would expand its research team in Munich over the coming years. " * 12) + "\n\n"
    big.write_text(paragraph * (10 * 1024 * 1024 // len(paragraph)), encoding="utf-8")
    good = write_markdown(tmp_path / "good", make_articles(1, seed=31))
    started = time.monotonic()
    done = kg("ingest", str(big), str(good[0]), "--store", str(tmp_path / "store"), timeout=900)
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 900
    if done.returncode == 1:  # refused: one clear line naming the file
        lines = [ln for ln in done.stderr.splitlines() if "big.txt" in ln]
        assert len(lines) == 1, done.stderr
    else:
        assert done.returncode == 0, done.stderr
    assert make_articles(1, seed=31)[0]["title"] in literals(tmp_path / "store")


def test_two_writers_at_once_serialise_or_fail_clearly(tmp_path: Path) -> None:
    paths_a = write_markdown(tmp_path / "a", make_articles(4, seed=41))
    paths_b = write_markdown(tmp_path / "b", make_articles(4, seed=42))
    store = tmp_path / "store"
    procs = [subprocess.Popen([str(KG_BIN), "ingest", str(folder), "--store", str(store), "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (tmp_path / "a", tmp_path / "b")]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in procs]
    for code, err in results:
        assert "Traceback" not in err
        if code != 0:
            assert "in use" in err or "lock" in err.lower(), err
            assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert any(code == 0 for code, _ in results)
    hashes = {q.subject.value for q in all_quads(store)
              if q.predicate.value == "https://w3id.org/newskg/ontology#contentHash"
                 and q.subject.value != "https://w3id.org/newskg/ontology"}
    expected = sum(4 for code, _ in results if code == 0)
    assert len(hashes) == expected
    assert len(paths_a) == len(paths_b) == 4


def test_ingest_twice_or_in_another_order_gives_the_same_graph(tmp_path: Path) -> None:
    from kg.ingest import ingest
    from kg.store import open_store

    paths = [str(p) for p in write_markdown(tmp_path / "arts", make_articles(6, seed=51))]
    first, second = open_store(None), open_store(None)
    r1 = ingest(first, paths)
    snapshot = set(first.oxigraph.quads_for_pattern(None, None, None, None))
    again = ingest(first, paths)
    assert (r1.ok, again.ok, again.unchanged) == (6, 0, 6)
    assert set(first.oxigraph.quads_for_pattern(None, None, None, None)) == snapshot
    ingest(second, list(reversed(paths)))
    assert set(second.oxigraph.quads_for_pattern(None, None, None, None)) == snapshot
