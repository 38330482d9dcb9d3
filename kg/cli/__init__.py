"""The ``kg`` command line: a thin layer over the library.

Each command parses its options, makes one library call and formats the result; library errors
(:class:`kg.errors.KgError`) become one line on stderr and exit status 1 (usage errors: 2).
Command modules are imported lazily so ``kg --help`` and ``kg query`` start fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

# command name -> (module, function, short help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ingest": ("kg.cli.ingest", "ingest", "Read articles, extract facts, store one named graph per article."),
    "extract": ("kg.cli.ingest", "extract", "Extract without a store: TriG, N-Quads or JSON lines."),
    "load": ("kg.cli.ingest", "load", "Import RDF files as they are (named graphs kept)."),
    "query": ("kg.cli.query", "query", "Run a SPARQL query (text, @file.rq or a saved query)."),
    "queries": ("kg.cli.query", "queries", "List the saved queries."),
    "update": ("kg.cli.query", "update", "Run a SPARQL Update (explicit writes)."),
    "export": ("kg.cli.export", "export", "Write the graph as Turtle, TriG, N-Quads, JSON-LD, GraphML, GEXF or CSV."),
    "view": ("kg.cli.explore", "view", "Write an offline, interactive HTML view of the graph."),
    "stats": ("kg.cli.explore", "stats", "Counts by class and the most connected entities."),
    "show": ("kg.cli.explore", "show", "Everything known about one entity, with evidence."),
    "validate": ("kg.cli.admin", "validate", "Check the graph against the SHACL shapes."),
    "eval": ("kg.cli.admin", "eval_cmd", "Score extraction against gold annotations."),
    "demo": ("kg.cli.admin", "demo", "Build the sample graph, write exports/ and run a saved query."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = importlib.import_module(spec[0])
        command: click.Command = getattr(module, spec[1])
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, spec[2]) for name, spec in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kg", prog_name="kg")
@click.option("--debug", is_flag=True, envvar="KG_DEBUG", help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kg: a knowledge graph from French and English news articles.

    Articles in, RDF out: organisations, people, places, offices, roles,
    partnerships and funding rounds, each fact with its evidence sentence.

    \b
    Example:
      kg ingest articles/            # build the graph in ./.kg/store
      kg query offices --param org=OpenAI
      kg export --format turtle      # exports/graph.ttl
      kg view --open                 # offline HTML network
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: KgError -> one line on stderr, exit 1; tracebacks only with --debug."""
    from kg.errors import KgError

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        return cli.main(args=args, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except KgError as err:
        if debug:
            raise
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as err:  # noqa: BLE001 - last resort: one line, traceback with --debug
        if debug:
            raise
        click.echo(f"Error: {type(err).__name__}: {err} (run with --debug for the traceback)", err=True)
        sys.exit(1)
