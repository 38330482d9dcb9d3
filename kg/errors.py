"""The few exceptions kg raises. Each message says what went wrong and what to do next."""

from __future__ import annotations


class KgError(Exception):
    """Base class: the CLI prints the message on one line and exits with status 1."""


class StoreError(KgError):
    """The store is missing, locked, unreachable or refused an operation."""


class StoreNotFound(StoreError):
    """A reading command was pointed at a store that does not exist."""


class StoreLocked(StoreError):
    """Another process holds the embedded store for writing."""


class QueryError(KgError):
    """A SPARQL query or update is malformed or not allowed here."""


class ArticleError(KgError):
    """An article could not be read: the message names the file and the problem."""


class ExtractionError(KgError):
    """The NLP pipeline failed on an article or could not be loaded."""
