"""Shared fixtures: stores of every kind (embedded on disk, in memory, a private Virtuoso) and fake extractors."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from virtuoso import Virtuoso, start_virtuoso, virtuoso_missing  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
KG_BIN = REPO / ".venv" / "bin" / "kg"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A private Virtuoso on 127.0.0.1 for the whole session (skipped when not installed,
    unless KG_REQUIRE_VIRTUOSO=1, as in CI, where a missing Virtuoso is a failure)."""
    reason = virtuoso_missing()
    if reason:
        if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(f"KG_REQUIRE_VIRTUOSO=1 but {reason}")
        pytest.skip(reason)
    directory = tmp_path_factory.mktemp("virtuoso")
    server = start_virtuoso(directory)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(params=["disk", "memory", pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """An empty, writable kg store of each kind: embedded on disk, in memory, remote (Virtuoso)."""
    if request.param == "disk":
        from kg.store.embedded import EmbeddedStore

        store: object = EmbeddedStore(tmp_path / "store", create=True)
    elif request.param == "memory":
        from kg.store.embedded import EmbeddedStore

        store = EmbeddedStore(None)
    else:
        from kg.store.remote import RemoteStore

        server: Virtuoso = request.getfixturevalue("virtuoso")
        server.clear()
        store = RemoteStore(server.endpoint, timeout=30, retries=1)
    yield store
    if request.param != "virtuoso":
        store.close()  # type: ignore[attr-defined]


class FakeExtractor:
    """A stand-in for kg.nlp.Extractor: one organisation per capitalised word, no NLP model needed."""

    def extract(self, article: object) -> object:
        from kg.model import Entity, Extraction

        text = article.text  # type: ignore[attr-defined]
        names = sorted({w.strip(".,;:!?\"'()") for w in text.split() if w[:1].isupper() and len(w) > 3})
        entities = [Entity("Organisation", n) for n in names if n]
        return Extraction(article=article, lang=article.lang or "en", entities=entities)  # type: ignore[arg-type]


@pytest.fixture
def fake_extractor() -> FakeExtractor:
    return FakeExtractor()
