"""Commands to look at a graph: ``view``, ``stats``, ``show``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli._options import open_for_reading, store_option

TYPES = ["Organisation", "Person", "Place", "Office", "Role", "Partnership", "FundingRound", "Article"]


@click.command()
@store_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, writable=True), default="exports/graph.html",
              show_default=True, help="HTML file to write.")
@click.option("--focus", metavar="NAME", help="Show only the neighbourhood of this entity.")
@click.option("--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Hops around --focus.")
@click.option("--types", metavar="CLASS,...", help=f"Only these classes (comma-separated: {', '.join(TYPES)}).")
@click.option("--max-nodes", type=click.IntRange(10, 100_000), default=2000, show_default=True,
              help="Larger graphs are reduced to the most connected entities; the page says what was left out.")
@click.option("--title", default="kg — knowledge graph", show_default=True, help="Page title.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def view(store: str | None, out: str, focus: str | None, depth: int, types: str | None, max_nodes: int,
         title: str, open_browser: bool) -> None:
    """Write one self-contained, offline HTML view of the graph.

    Nodes are coloured and shaped by class and sized by degree; hover or click for properties,
    evidence sentences and source links; search, filter by class, date or article.

    \b
    Example:
      kg view --open
      kg view --focus OpenAI --depth 2 --out openai.html
      kg view --types Organisation,Person,Role --max-nodes 500
    """
    from kg.errors import KgError

    wanted = None
    if types:
        wanted = [t.strip() for t in types.split(",") if t.strip()]
        unknown = sorted(set(wanted) - set(TYPES))
        if unknown:
            raise click.BadParameter(f"unknown class {', '.join(unknown)}; choose from {', '.join(TYPES)}",
                                     param_hint="--types")
    with open_for_reading(store) as st:
        from kg.netx import to_networkx

        graph = to_networkx(st, include_articles=bool(wanted and "Article" in wanted))
    from kg.view import render_view

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        report = render_view(graph, path, title=title, focus=focus, depth=depth, types=wanted, max_nodes=max_nodes)
    except LookupError as err:
        raise KgError(str(err).strip("'\"")) from err
    dropped = f" ({report.dropped_nodes} left out, see the page)" if report.dropped_nodes else ""
    click.echo(f"wrote {path}: {report.nodes} nodes, {report.edges} edges{dropped}", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


@click.command()
@store_option
@click.option("--top", type=click.IntRange(0, 1000), default=10, show_default=True,
              help="How many of the most connected entities to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(store: str | None, top: int, as_json: bool) -> None:
    """Counts by class, articles and triples; the most connected entities (degree centrality).

    \b
    Example:
      kg stats --top 20
    """
    from kg.explore import stats as compute

    with open_for_reading(store) as st:
        result = compute(st, top=top)
    if as_json:
        click.echo(json.dumps({"classes": result.classes, "articles": result.articles, "triples": result.triples,
                               "top": [{"label": lbl, "type": t, "iri": i, "degree_centrality": round(c, 4)}
                                       for lbl, t, i, c in result.top]}, indent=2, ensure_ascii=False))
        return
    click.echo(f"articles: {result.articles}    triples (merged graph): {result.triples}")
    for name, n in result.classes.items():
        click.echo(f"  {name:<14}{n:>8}")
    if result.top:
        click.echo("most connected:")
        for label, kind, _, centrality in result.top:
            click.echo(f"  {centrality:7.3f}  {label}  ({kind})")


@click.command()
@click.argument("name")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def show(name: str, store: str | None, as_json: bool) -> None:
    """Everything known about one organisation, person or place, with evidence and sources.

    NAME is matched against labels and alternative labels (exactly, then ignoring case and accents).

    \b
    Example:
      kg show OpenAI
      kg show "Sam Altman" --json
    """
    from dataclasses import asdict

    from kg.explore import show as describe

    with open_for_reading(store) as st:
        report = describe(st, name)
    if as_json:
        click.echo(json.dumps(asdict(report), indent=2, ensure_ascii=False))
        return
    click.echo(f"{report.label}  <{report.iri}>  [{', '.join(report.types)}]")
    for p, o in report.properties:
        click.echo(f"  {p.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}: {o}")
    for fact in report.facts:
        click.echo(f"- {fact['type']}: {fact['label']}")
        for ev in fact["evidence"]:
            source = ev.get("url") or ev.get("headline") or ev["article"]
            click.echo(f"    \u201c{ev['sentence']}\u201d  \u2014 {source}")
