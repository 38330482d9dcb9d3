"""`kg --help` and `kg query` start light: no spaCy, pyvis, networkx or rdflib (checked with -X importtime)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from query_graph import build_disk

HEAVY = ("spacy", "pyvis", "networkx", "rdflib", "thinc", "torch", "pandas")


def imported(args: list[str]) -> set[str]:
    """Top-level packages a fresh `python -X importtime -m kg ARGS` imports."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", *args], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)", proc.stderr, re.MULTILINE)
    assert names, "no import trace"
    return {n.strip().split(".")[0] for n in names}


@pytest.mark.parametrize("args", [["--help"], ["query", "--help"], ["export", "--help"], ["queries", "--names"]])
def test_help_is_light(args: list[str]) -> None:
    assert not imported(args) & set(HEAVY)


def test_query_is_light(tmp_path: Path) -> None:
    store = str(build_disk(tmp_path / "store"))
    for fmt in ("json", "table", "csv"):
        found = imported(["query", "--store", store, "-f", fmt,
                          "SELECT ?o ?l WHERE { ?o a kg:Organisation ; rdfs:label ?l }"])
        assert not found & set(HEAVY), fmt
        assert "pyoxigraph" in found


def test_turtle_export_is_light(tmp_path: Path) -> None:
    store = str(build_disk(tmp_path / "store"))
    found = imported(["export", "--store", store, "-o", str(tmp_path / "g.ttl")])
    assert not found & set(HEAVY)
