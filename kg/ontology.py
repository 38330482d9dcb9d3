"""Where the ontology, the SHACL shapes and the saved queries live, and how saved queries are read and bound.

In a source checkout the files are in ``ontology/`` next to the ``kg`` package; in an installed wheel they are
in ``kg/_ontology`` (pyproject force-includes ``ontology/`` there).

Saved queries
-------------
A saved query is ``ontology/queries/NAME.rq``: a SPARQL SELECT whose first comment lines are a header::

    # title: Offices of an organisation
    # description: Where an organisation has offices: city, country, status and evidence.
    #   A description may go on over lines that start with "#" and two spaces.
    # param: org ?org_name  Name or alias of the organisation (e.g. "OpenAI")
    # param: person ?person_name optional  Name or alias of the person (e.g. "Sam Altman")
    # param: city ?city_name any-language  Name of the place in English or French (e.g. "Bruxelles")
    # example: kg query offices --param org=OpenAI

The header ends at the first line that does not start with ``#``. ``title`` and ``description`` are required;
``param`` and ``example`` may repeat. A param line reads ``NAME ?VARIABLE [optional] [any-language] DESCRIPTION``:
the user writes ``--param NAME=value`` and the value is bound to ``?VARIABLE`` as a plain string literal; an
``any-language`` value is also bound as ``"value"@en`` and ``"value"@fr`` so that it matches language-tagged
labels of places. A ``(e.g. "...")`` at the end of the description is the example value.

Binding. The query body holds, for every param, exactly one placeholder line ``VALUES ?VARIABLE { UNDEF }`` at
the start of its WHERE clause; :meth:`SavedQuery.bind` replaces it with the escaped value(s). A value is always a
single escaped string literal, so it cannot change the query's structure. Unbound (optional) params stay UNDEF.
A body line that ends with the comment ``# only-if: NAME`` is dropped when the optional param NAME is not given
(the pattern that looks the value up: with UNDEF it would match every label, a scan of the whole graph); the
text as written stays a correct, if slower, query.
A placeholder at the start of the WHERE clause lets Oxigraph's optimizer start from the bound value (measured on
a 1.1M-quad store: ~1-30 ms), whereas pyoxigraph's ``substitutions=`` are invisible to its optimizer (the same
queries take 0.2 s to minutes) and do not exist on remote SPARQL endpoints.

>>> q = load_saved_query("offices")
>>> q.title
'Offices of an organisation'
>>> [(p.name, p.variable, p.required) for p in q.params]
[('org', 'org_name', True)]
>>> 'VALUES ?org_name { "Open\\\\"AI" }' in q.bind({"org": 'Open"AI'})
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, QueryError

__all__ = [
    "LABEL_LANGUAGES",
    "QueryParam",
    "QueryParameterError",
    "SavedQuery",
    "SavedQueryError",
    "load_saved_query",
    "ontology_dir",
    "ontology_path",
    "queries_dir",
    "saved_queries",
    "shapes_path",
    "sparql_string",
]

#: Languages of the tagged labels an ``any-language`` parameter also matches.
LABEL_LANGUAGES = ("en", "fr")

_PACKAGE_DIR = Path(__file__).resolve().parent
_HEADER_KEY = re.compile(r"^#\s*(title|description|param|example):\s?(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][\w-]*)\s+\?(?P<var>[A-Za-z_]\w*)(?P<flags>(?:\s+(?:optional|any-language))*)"
                    r"(?:\s+(?P<desc>.*))?$")
_ONLY_IF = re.compile(r"^[^\n]*#\s*only-if:\s*([A-Za-z_][\w-]*)\s*$\n?", re.MULTILINE)
_EXAMPLE_VALUE = re.compile(r"\(e\.g\.\s+\"([^\"]*)\"\)\s*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


class SavedQueryError(KgError, LookupError):
    """A saved query is missing or its file is malformed."""


class QueryParameterError(QueryError, ValueError):
    """A parameter given to a saved query is unknown, missing or repeated."""


def ontology_dir() -> Path:
    """The directory holding kg.ttl, shapes.ttl and queries/ (installed wheel first, then source checkout)."""
    for candidate in (_PACKAGE_DIR / "_ontology", _PACKAGE_DIR.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError(
        f"kg ontology files not found in {_PACKAGE_DIR / '_ontology'} or {_PACKAGE_DIR.parent / 'ontology'}; "
        "reinstall kg or run it from a source checkout"
    )


def ontology_path() -> Path:
    """The OWL ontology, ``kg.ttl``."""
    return ontology_dir() / "kg.ttl"


def shapes_path() -> Path:
    """The SHACL shapes, ``shapes.ttl``."""
    return ontology_dir() / "shapes.ttl"


def queries_dir() -> Path:
    """The directory of saved queries (``NAME.rq``)."""
    return ontology_dir() / "queries"


def sparql_string(value: str) -> str:
    """A SPARQL string literal for ``value``, escaped so that it can never end early.

    >>> print(sparql_string('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    return '"' + "".join(_ESCAPES.get(c, c) for c in value) + '"'


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a saved query: ``--param NAME=value`` binds ``?variable``."""

    name: str
    variable: str
    description: str
    required: bool = True
    any_language: bool = False
    example: str | None = None


@dataclass(frozen=True)
class SavedQuery:
    """A saved SPARQL query and its header."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[QueryParam, ...]
    examples: tuple[str, ...]
    text: str

    @property
    def example(self) -> str | None:
        """The first example command line, if any."""
        return self.examples[0] if self.examples else None

    def param(self, name: str) -> QueryParam:
        """The parameter called ``name`` (the CLI name, e.g. ``org``)."""
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryParameterError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")

    def bind(self, values: Mapping[str, str]) -> str:
        """The query text with ``values`` (param name -> value) bound in place of the placeholders.

        Raises :class:`QueryParameterError` for an unknown parameter or a missing required one.
        """
        chosen = {self.param(name).name: value for name, value in values.items()}
        missing = [p.name for p in self.params if p.required and p.name not in chosen]
        if missing:
            raise QueryParameterError(
                f"query {self.name!r} needs --param {missing[0]}=VALUE ({self.param(missing[0]).description})"
            )
        text = _ONLY_IF.sub(lambda m: m.group(0) if m.group(1) in chosen else "", self.text)
        for p in self.params:
            if p.name not in chosen:
                continue
            literal = sparql_string(chosen[p.name])
            forms = [literal] + ([f"{literal}@{lang}" for lang in LABEL_LANGUAGES] if p.any_language else [])
            block = f"VALUES ?{p.variable} {{ {' '.join(forms)} }}"
            text = _placeholder(p.variable).sub(block.replace("\\", "\\\\"), text)
        return text


def _placeholder(variable: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(variable) + r"\s*\{\s*UNDEF\s*\}")


def parse_saved_query(path: Path) -> SavedQuery:
    """Read a ``NAME.rq`` file and its header (see the module docstring)."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": [], "example": []}
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header = _HEADER_KEY.match(line)
        if header:
            last = header.group(1)
            fields[last].append(header.group(2).strip())
        elif last is not None and (cont := _CONTINUATION.match(line)):
            fields[last][-1] += " " + cont.group(1).strip()
    for key in ("title", "description"):
        if len(fields[key]) != 1 or not fields[key][0]:
            raise SavedQueryError(f"{path}: the header needs exactly one '# {key}: ...' line")
    params = tuple(_parse_param(path, line) for line in fields["param"])
    for p in params:
        if len(_placeholder(p.variable).findall(text)) != 1:
            raise SavedQueryError(f"{path}: parameter {p.name!r} needs exactly one 'VALUES ?{p.variable} {{ UNDEF }}'")
    optional = {p.name for p in params if not p.required}
    for m in _ONLY_IF.finditer(text):
        if m.group(1) not in optional:
            raise SavedQueryError(f"{path}: '# only-if: {m.group(1)}' names no optional parameter")
    return SavedQuery(
        name=path.stem,
        path=path,
        title=fields["title"][0],
        description=fields["description"][0],
        params=params,
        examples=tuple(fields["example"]),
        text=text,
    )


def _parse_param(path: Path, line: str) -> QueryParam:
    m = _PARAM.match(line)
    if not m:
        raise SavedQueryError(f"{path}: bad param line {line!r}; expected 'NAME ?VARIABLE [optional] DESCRIPTION'")
    flags = m.group("flags").split()
    description = (m.group("desc") or "").strip()
    example = _EXAMPLE_VALUE.search(description)
    return QueryParam(
        name=m.group("name"),
        variable=m.group("var"),
        description=description,
        required="optional" not in flags,
        any_language="any-language" in flags,
        example=example.group(1) if example else None,
    )


def saved_queries() -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    return [parse_saved_query(p) for p in sorted(queries_dir().glob("*.rq"))]


def load_saved_query(name: str) -> SavedQuery:
    """The saved query called ``name`` (the file ``queries/NAME.rq``)."""
    path = queries_dir() / f"{name}.rq"
    if not re.fullmatch(r"[\w-]+", name) or not path.is_file():
        known = ", ".join(q.stem for q in sorted(queries_dir().glob("*.rq")))
        raise SavedQueryError(f"no saved query named {name!r}; saved queries: {known} (see `kg queries`)")
    return parse_saved_query(path)
