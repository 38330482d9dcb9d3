"""The 13 dev articles end to end on disk: exports parse with Debian's rapper, validate, re-ingest is a no-op."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.cli import main

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev" / "articles"
RAPPER = shutil.which("rapper")

pytestmark = [
    pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev is not beside the repository"),
    pytest.mark.slow,
]


def _rapper_count(path: Path, syntax: str) -> int:
    if RAPPER is None:
        if os.environ.get("CI"):
            pytest.fail("rapper (raptor2-utils) is required in CI")
        pytest.skip("rapper (Debian raptor2-utils) is not installed")
    done = subprocess.run([RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # rapper: "Parsing returned N triples"
    return int(done.stderr.rsplit("returned", 1)[1].split()[0])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("dev")
    store = work / "store"
    main(["ingest", str(DEV), "--store", str(store), "--quiet"])
    return work, store


def _snapshot(store: Path) -> set[str]:
    from kg.store import open_store

    with open_store(store, read_only=True) as st:
        return {str(q) for q in st.oxigraph.quads_for_pattern(None, None, None, None)}


def test_turtle_and_trig_parse_with_rapper_with_every_triple(built):
    from kg.store import open_store

    work, store = built
    with open_store(store, read_only=True) as st:
        merged = st.count()
        articles = st.article_iris()
        per_article = sum(st.count(a) for a in articles)
    assert len(articles) == 13
    main(["export", "--format", "turtle", "--store", str(store), "--out", str(work / "g.ttl")])
    main(["export", "--format", "trig", "--store", str(store), "--out", str(work / "g.trig")])
    assert _rapper_count(work / "g.ttl", "turtle") == merged
    assert _rapper_count(work / "g.trig", "trig") == per_article
    graphs = {line.split()[0] for line in (work / "g.trig").read_text().splitlines()
              if line.endswith("{") and not line.startswith(" ")}
    assert len(graphs) == 13


def test_validate_passes(built, capsys):
    _, store = built
    main(["validate", "--store", str(store)])
    assert "conforms" in capsys.readouterr().out


def test_reingest_changes_nothing(built, capsys):
    _, store = built
    before = _snapshot(store)
    main(["ingest", str(DEV), "--store", str(store)])
    assert "0 article(s) ingested, 13 unchanged" in capsys.readouterr().err
    assert _snapshot(store) == before
