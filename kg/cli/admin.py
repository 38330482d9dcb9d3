"""Commands around the graph's quality: ``validate``, ``eval``, ``demo``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli._options import open_for_reading, store_option


@click.command()
@store_option
@click.option("--quiet", "-q", is_flag=True, help="Only the verdict line.")
def validate(store: str | None, quiet: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations.

    \b
    Example:
      kg validate --store .kg/store
    """
    from kg.validate import validate as run

    with open_for_reading(store) as st:
        result = run(st)
    if result.conforms:
        click.echo("the graph conforms to the shapes")
        return
    if not quiet:
        click.echo(result.text)
    click.echo(f"{result.violations} violation(s) of the shapes", err=True)
    sys.exit(1)


@click.command()
@click.argument("articles", type=click.Path(exists=True, file_okay=False))
@click.argument("gold", type=click.Path(exists=True, file_okay=False))
@click.option("--verbose", "-v", is_flag=True, help="List every miss and false positive with its sentence.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(articles: str, gold: str, verbose: bool, as_json: bool) -> None:
    """Precision, recall and F1 per kind against gold annotations.

    ARTICLES holds <id>.txt files and GOLD the <id>.json annotations (the format of the
    eval README). Each article is extracted alone into a fresh graph and read back with SPARQL.

    \b
    Example:
      kg eval ../shared/eval/dev/articles ../shared/eval/dev/gold --verbose
    """
    from kg.eval import evaluate

    report = evaluate(Path(articles), Path(gold))
    if as_json:
        import json

        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    click.echo(report.format_table())
    if verbose:
        click.echo(report.format_misses())


@click.command()
@click.option("--store", "store", default=".kg/demo", show_default=True, metavar="DIR",
              help="Where to build the demo store (emptied first; must be a kg store or empty).")
@click.option("--exports", "exports", default="exports", show_default=True, type=click.Path(file_okay=False),
              help="Folder for demo.ttl and demo.html.")
def demo(store: str, exports: str) -> None:
    """Build a graph from the bundled sample articles, write exports/ and run a saved query.

    \b
    Example:
      kg demo
      kg query offices --param org=Nuvola --store .kg/demo
    """
    from kg.demo import DEMO_PARAMS, DEMO_QUERY, run_demo
    from kg.formats import ResultFormat
    from kg.sparql import run_query, write_result
    from kg.store import open_store

    result = run_demo(Path(store), Path(exports))
    click.echo(f"ingested {result.articles} sample articles into {result.store} ({result.triples} triples)", err=True)
    click.echo(f"wrote {result.turtle} and {result.html}", err=True)
    params = " ".join(f"--param {k}={v}" for k, v in DEMO_PARAMS.items())
    click.echo(f"\n$ kg query {DEMO_QUERY} {params} --store {store}", err=True)
    with open_store(store, read_only=True) as st:
        res = run_query(st, DEMO_QUERY, DEMO_PARAMS)
        write_result(res, ResultFormat.TABLE, sys.stdout.buffer)
