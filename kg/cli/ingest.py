"""Commands that bring data in: ``ingest``, ``extract``, ``load``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kg.cli._options import open_for_writing, store_option

LANG_CHOICE = click.Choice(["auto", "fr", "en"])


@contextmanager
def _progress(enabled: bool, label: str) -> Iterator[Any]:
    """A rich progress line on a terminal (stderr); a no-op callback otherwise."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[last]}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, last="")

        def update(source: str, outcome: str) -> None:
            bar.update(task, advance=1, last=f"{outcome}: {Path(source).name}"[:60])

        yield update


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@store_option
@click.option("--lang", type=LANG_CHOICE, default="auto", show_default=True,
              help="Language of the articles; auto detects it per article (front matter 'lang' wins).")
@click.option("--date", metavar="YYYY-MM-DD", help="Publication date for articles that do not give one.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction processes (each loads the NLP models once).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first article that cannot be read or extracted.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def ingest(paths: tuple[str, ...], store: str | None, lang: str, date: str | None, workers: int,
           fail_fast: bool, quiet: bool) -> None:
    """Read articles, extract facts and store one named graph per article.

    PATH is a file (.txt, .md, .html, .json, .jsonl), a folder (read recursively) or - for stdin.
    Unchanged articles are skipped; a changed article replaces its own graph. A bad file is reported
    and skipped; the exit status is 1 if any article failed.

    \b
    Example:
      kg ingest articles/ --store .kg/store
      kg ingest news.jsonl --lang fr --workers 2
      cat article.md | kg ingest -
    """
    from kg.ingest import ingest as run_ingest

    with open_for_writing(store) as st, _progress(sys.stderr.isatty() and not quiet, "Ingesting") as progress:
        report = run_ingest(st, paths, lang=lang, date=date, workers=workers, fail_fast=fail_fast,
                            progress=progress)
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "jsonl"]), default="nquads",
              show_default=True, help="Output: RDF with one named graph per article, or extractions as JSON lines.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              help="Output file (default stdout).")
@click.option("--lang", type=LANG_CHOICE, default="auto", show_default=True, help="Language of the articles.")
@click.option("--date", metavar="YYYY-MM-DD", help="Publication date for articles that do not give one.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first bad article.")
def extract(paths: tuple[str, ...], fmt: str, out: str, lang: str, date: str | None, fail_fast: bool) -> None:
    """Extract facts without a store (the stateless map step of a distributed build).

    Writes each article's triples in its own named graph (TriG or N-Quads), ready for
    `kg load`, or the extractions as JSON lines.

    \b
    Example:
      kg extract articles/ --format nquads --out part-001.nq
      kg load part-*.nq --store .kg/store
    """
    from kg.extract import extract_to

    stream = click.open_file(out, "wb")
    with stream:
        failures = extract_to(paths, stream, fmt, lang=lang, date=date, fail_fast=fail_fast)
    for failure in failures:
        click.echo(f"error: {failure}", err=True)
    if failures:
        sys.exit(1)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=False))
@store_option
@click.option("--format", "fmt", default=None,
              help="RDF format (turtle, trig, nquads, ntriples, jsonld, rdfxml); default: from the file extension.")
@click.option("--graph", metavar="IRI", help="Named graph for triples outside any graph (default: one per file).")
def load(files: tuple[str, ...], store: str | None, fmt: str | None, graph: str | None) -> None:
    """Import RDF files as they are, named graphs kept.

    For moving graphs between stores (after `kg export --format nquads` or `kg extract`) and for
    reference data. Triples of a file's default graph go into a named graph of their own, and the
    merged graph that queries see is kept in step. A named graph that is already in the store is
    replaced (a re-extracted article replaces its old version, as with `kg ingest`).

    \b
    Example:
      kg load dump.nq --store .kg/store
      kg load reference.ttl --graph https://example.org/graph/reference
    """
    import time

    from kg.errors import KgError
    from kg.formats import rdf_format_for

    with open_for_writing(store) as st:
        total = 0
        for name in files:
            path = Path(name)
            started = time.perf_counter()
            try:
                rdf_format = rdf_format_for(path, fmt)
                replaced = st.replace_graphs_of(path, rdf_format, graph=graph)
                if replaced:
                    click.echo(f"{path}: replacing {len(replaced)} graph(s) already in the store", err=True)
                count = st.load(path, rdf_format, graph=graph)
            except (SyntaxError, ValueError) as err:
                raise KgError(f"{path}: not valid RDF: {err}") from err
            total += count
            click.echo(f"{path}: {count} quads in {time.perf_counter() - started:.1f} s", err=True)
    click.echo(f"loaded {total} quads from {len(files)} file(s)", err=True)
