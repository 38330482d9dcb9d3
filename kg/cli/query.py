"""Commands to read and change the graph with SPARQL: ``query``, ``queries``, ``update``.

Only click and the light parts of kg are imported here: ``kg query`` must start fast (no spaCy, networkx,
pyvis or rdflib).
"""

from __future__ import annotations

import sys
import textwrap
from typing import IO, Any

import click

from kg.cli._options import open_for_reading, open_for_writing, store_option

FORMAT_CHOICES = ["table", "json", "xml", "csv", "tsv", "turtle", "ttl", "trig", "nt", "ntriples", "nq", "nquads",
                  "jsonld", "rdfxml"]


def _binary_stdout() -> IO[bytes]:
    sys.stdout.flush()
    return sys.stdout.buffer


@click.command()
@click.argument("query_spec", metavar="QUERY")
@store_option
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a variable (or a saved query's parameter) to a value, by the engine, never by pasting "
                   "text. Typed: <iri> or http(s)://… → IRI; '\"text\"@fr' → language string; "
                   "'\"x\"^^xsd:date' → typed literal; 42, 2.5 → numbers; 2024-10-01 → xsd:date; "
                   "'\"1789\"' → string; anything else → string. Repeatable.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_CHOICES, case_sensitive=False), default=None,
              help="SELECT/ASK: table (default on a terminal), json (default otherwise), xml, csv, tsv "
                   "(SPARQL 1.1 results). CONSTRUCT/DESCRIBE: turtle (default), trig, nt, nq, jsonld, rdfxml. "
                   "Without it, the extension of --out decides.")
@click.option("--out", "-o", default="-", show_default=True, metavar="FILE",
              help="Where to write the results ('-' for stdout).")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help="At most N solutions (lowers the query's own LIMIT, or adds one).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Give up after SECONDS (exit 1). The query runs in a worker thread that is abandoned, as "
                   "Oxigraph cannot cancel a query; output already written may be partial.")
@click.option("--explain", is_flag=True,
              help="Show the engine's query plan instead of running the query, where the engine offers one. "
                   "The embedded Oxigraph (pyoxigraph 0.5) exposes no plan: this then fails with a message.")
def query(query_spec: str, store: str | None, params: tuple[str, ...], fmt: str | None, out: str,
          limit: int | None, timeout: float | None, explain: bool) -> None:
    """Run a SPARQL query over the merged graph.

    QUERY is SPARQL text, @FILE.rq (@- for stdin), or the name of a saved query (see `kg queries`).
    Updates are refused here: use `kg update`. The store is opened read-only.

    \b
    Example:
      kg query offices --param org=OpenAI
      kg query 'SELECT ?name WHERE { ?o a kg:Organisation ; rdfs:label ?name }' -f csv
      kg query @my-query.rq --param year=2024 --out result.json
      kg query 'CONSTRUCT WHERE { ?s ?p ?o } LIMIT 10' --format turtle
    """
    from kg import sparql as q
    from kg.formats import SERIALISATION_PREFIXES, RdfFormat

    values = q.parse_params(params)
    resolved = q.resolve(query_spec)  # errors about the text come before the store is opened
    with open_for_reading(store) as st:
        if explain:
            explainer = getattr(st, "explain", None)
            if explainer is None:
                from kg.errors import QueryError

                raise QueryError("--explain: this store's engine (embedded Oxigraph, pyoxigraph 0.5) offers no "
                                 "query plan; run the query with --timeout and --limit to gauge its cost")
            click.echo(explainer(resolved.text))
            return

        terminal = out == "-" and sys.stdout.isatty()

        def work() -> int | None:
            result = q.run_query(st, resolved, values, limit=limit)
            chosen = q.output_format(fmt, result.kind, terminal=terminal, path=out)
            prefixes = SERIALISATION_PREFIXES if isinstance(chosen, RdfFormat) else None
            if out == "-":
                stream = _binary_stdout()
                shown = q.write_result(result, chosen, stream, prefixes=prefixes, width=_width(terminal))
                stream.flush()
                return shown
            with open(out, "wb") as fh:
                return q.write_result(result, chosen, fh, prefixes=prefixes)

        q.with_timeout(work, timeout)


def _width(terminal: bool) -> int | None:
    if not terminal:
        return None
    import shutil

    return shutil.get_terminal_size((160, 24)).columns


@click.command()
@click.option("--names", is_flag=True, help="Only the names, one per line (for scripts and completion).")
def queries(names: bool) -> None:
    """List the saved queries (ontology/queries/*.rq) with their parameters.

    Run one with `kg query NAME --param PARAM=VALUE`.

    \b
    Example:
      kg queries
      kg query partners --param org=OpenAI
    """
    from kg.ontology import saved_queries

    found: Any = saved_queries()
    items = list(found.values()) if isinstance(found, dict) else list(found)
    for sq in sorted(items, key=lambda s: s.name):
        if names:
            click.echo(sq.name)
            continue
        click.echo(click.style(sq.name, bold=True) + (f" — {sq.title}" if getattr(sq, "title", None) else ""))
        if getattr(sq, "description", None):
            click.echo(textwrap.fill(" ".join(sq.description.split()), width=96, initial_indent="    ",
                                     subsequent_indent="    "))
        for p in getattr(sq, "params", None) or []:
            pname = getattr(p, "name", p)
            desc = getattr(p, "description", "") or ""
            click.echo(f"    --param {pname}=…  {desc}".rstrip())
        example = getattr(sq, "example", None)
        if example:
            click.echo(f"    e.g. {example}")
        click.echo()


@click.command()
@click.argument("update_spec", metavar="UPDATE")
@store_option
def update(update_spec: str, store: str | None) -> None:
    """Run a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP…) in one transaction.

    UPDATE is SPARQL Update text, @FILE.ru or @- for stdin. The merged graph is brought back
    in step in the same transaction. Queries are refused here: use `kg query`.

    \b
    Example:
      kg update 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                 INSERT DATA { <https://w3id.org/newskg/id/org/acme> rdfs:label "Acme" }'
      kg update @fix-labels.ru
    """
    from kg.sparql import run_update

    with open_for_writing(store) as st:
        run_update(st, update_spec)
        total = st.count()
        click.echo(f"Update applied to {st.location}: the merged graph holds {total:,} triples.", err=True)
