"""The command line as a whole: help everywhere, one-line errors, reading never creates a store."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, cli, main


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert f"kg {name}" in result.output or name == "eval"


def test_top_level_help_lists_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("args", [["stats"], ["show", "X"], ["validate"], ["export", "--format", "turtle"],
                                  ["query", "ASK { ?s ?p ?o }"], ["view"]])
def test_reading_commands_never_create_a_store(tmp_path, args, capsys):
    store = tmp_path / "missing"
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--store", str(store)])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no store at" in err
    assert not store.exists()


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", "--workers", "0", "x"])
    assert exit_info.value.code == 2


def test_python_dash_m_kg_runs():
    out = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True)
    assert "kg" in out.stdout
