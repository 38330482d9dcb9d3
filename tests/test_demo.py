"""`kg demo` rebuilds exports/ exactly as committed (run `make demo` and commit exports/ after a change)."""

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    work = tmp_path_factory.mktemp("demo")
    main(["demo", "--store", str(work / "store"), "--exports", str(work / "exports")])  # raises SystemExit on error
    return work / "exports"


def test_demo_turtle_is_reproducible(demo_out):
    fresh, committed = demo_out / "demo.ttl", ROOT / "exports" / "demo.ttl"
    a = rdflib.Graph().parse(fresh, format="turtle")
    b = rdflib.Graph().parse(committed, format="turtle")
    assert isomorphic(a, b), "exports/demo.ttl is stale: run `make demo` and commit exports/"
    assert fresh.read_bytes() == committed.read_bytes(), "same graph, different bytes: the Turtle writer is unstable"


def test_demo_html_is_reproducible_and_offline(demo_out):
    fresh = (demo_out / "demo.html").read_text(encoding="utf-8")
    assert fresh == (ROOT / "exports" / "demo.html").read_text(encoding="utf-8"), \
        "exports/demo.html is stale: run `make demo` and commit exports/"
    assert re.search(r"<(script|link)\b[^>]*\b(src|href)\s*=", fresh) is None, "the page loads an external file"


def test_demo_graph_has_every_kind_of_fact(demo_out):
    g = rdflib.Graph().parse(demo_out / "demo.ttl", format="turtle")
    kg = rdflib.Namespace("https://w3id.org/newskg/ontology#")
    for cls in ("Organisation", "Person", "Office", "Role", "Partnership", "FundingRound", "Place", "Article"):
        assert any(g.subjects(rdflib.RDF.type, kg[cls])), cls
