"""A built wheel carries the ontology, saved queries, samples and models: `kg demo` works from it."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    [whl] = out.glob("kg-*.whl")
    return whl


def test_wheel_contains_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kg/_ontology/kg.ttl", "kg/_ontology/shapes.ttl", "kg/_ontology/queries/offices.rq",
                     "kg/samples/en-01-brightpath.md", "kg/lang/en/model/meta.json"):
        assert required in names, required


@pytest.mark.slow
def test_kg_demo_runs_from_an_installed_wheel(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run([sys.executable, "-c", "import kg.cli, sys; sys.argv[0] = 'kg'; kg.cli.main()", "demo"],
                            cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert str(target) in subprocess.run([sys.executable, "-c", "import kg; print(kg.__file__)"], env=env, cwd=work,
                                         capture_output=True, text=True).stdout
    assert (work / "exports" / "demo.ttl").stat().st_size > 1000
    assert (work / "exports" / "demo.html").stat().st_size > 10000
    assert "Nuvola" in result.stdout
