"""Options shared by the commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

STORE_HELP = (
    "Store: a directory (embedded Oxigraph) or an http(s):// SPARQL endpoint. "
    "Default: $KG_STORE, else .kg/store in the current folder."
)


def store_option(f: F) -> F:
    """``--store LOCATION`` (env ``KG_STORE``)."""
    return click.option("--store", "store", envvar="KG_STORE", default=None, metavar="LOCATION",
                        help=STORE_HELP)(f)


def resolve_store(location: str | None) -> str:
    from kg.store import default_location

    return location or default_location()


def open_for_reading(location: str | None) -> Any:
    """Open an existing store read-only; a missing store is an error (reading never creates)."""
    from kg.store import is_remote, open_store

    loc = resolve_store(location)
    return open_store(loc) if is_remote(loc) else open_store(loc, read_only=True)


def open_for_writing(location: str | None) -> Any:
    from kg.store import open_store

    return open_store(resolve_store(location), create=True)
