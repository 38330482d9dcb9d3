"""The ``export`` command: the graph as RDF (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML), GraphML, GEXF
or CSV."""

from __future__ import annotations

import click

from kg.cli._options import open_for_reading, store_option

EXPORT_CHOICES = ["turtle", "ttl", "trig", "nquads", "nq", "ntriples", "nt", "jsonld", "rdfxml", "graphml", "gexf",
                  "csv"]


@click.command()
@store_option
@click.option("--format", "-f", "fmt", type=click.Choice(EXPORT_CHOICES, case_sensitive=False), default=None,
              help="turtle (prefixed, grouped by subject), trig / nquads (one named graph per article: provenance "
                   "kept), ntriples, jsonld (with a @context), rdfxml, graphml / gexf (for Gephi, yEd, Cytoscape), "
                   "csv (a directory with nodes.csv and edges.csv). Default: from --out's extension, else turtle.")
@click.option("--out", "-o", default=None, metavar="PATH",
              help="File to write ('-' for stdout; a directory for csv). Default: exports/graph.<ext> "
                   "(exports/graph-csv/ for csv).")
@click.option("--graph", "graph", default=None, metavar="IRI",
              help="Export only this named graph (an article's IRI) instead of the merged graph.")
@click.option("--with-ontology", is_flag=True, help="Include the ontology (its own named graph in TriG/N-Quads).")
def export(store: str | None, fmt: str | None, out: str | None, graph: str | None, with_ontology: bool) -> None:
    """Write the graph to a file (or stdout) in an RDF or network format.

    Turtle, N-Triples, JSON-LD and RDF/XML hold the merged graph (every fact once);
    TriG and N-Quads keep one named graph per article.

    \b
    Example:
      kg export                                   # exports/graph.ttl
      kg export --format trig --out graph.trig    # provenance kept
      kg export -f nquads -o - | gzip > graph.nq.gz
      kg export --format gexf                     # exports/graph.gexf, for Gephi
      kg export --format csv --out tables/        # tables/nodes.csv, tables/edges.csv
    """
    from kg.exports import default_output
    from kg.exports import export as run_export
    from kg.formats import GraphFormat, RdfFormat, export_format

    if fmt is None and out not in (None, "-"):
        guessed: RdfFormat | GraphFormat | None = RdfFormat.from_path(out)
        if out.endswith(("/", ".graphml", ".gexf")):
            guessed = export_format("graphml" if out.endswith(".graphml") else "gexf" if out.endswith(".gexf")
                                    else "csv")
        fmt = guessed.value if guessed is not None else None
    kind = export_format(fmt or "turtle")
    target = out if out is not None else str(default_output(kind))
    with open_for_reading(store) as st:
        where = run_export(st, kind, target, graph=graph, with_ontology=with_ontology)
    if where != "stdout":
        click.echo(f"Wrote {where} ({kind.value}).", err=True)
