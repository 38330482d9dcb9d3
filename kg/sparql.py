"""SPARQL queries: resolve the text, bind typed parameters, run, and write the results.

A query is SPARQL text, ``@file.rq``, or the name of a saved query (``ontology/queries/NAME.rq``).
Parameter values are typed by :func:`parse_value` and bound by the engine (pyoxigraph ``substitutions``;
a remote store binds them with a VALUES block of serialised terms): a value is always one RDF term and can
never change the structure of the query.

>>> from kg.store import open_store
>>> store = open_store(None)
>>> store.update('INSERT DATA { <https://example.org/a> <https://example.org/name> "Ada" }')
>>> result = run_query(store, "SELECT ?s ?name WHERE { ?s ?p ?name }", {"name": "Ada"})
>>> result.kind, [row["s"].value for row in result]
('select', ['https://example.org/a'])
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, TypeVar, cast

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.formats import PREFIXES, RdfFormat, ResultFormat, prefixed

XSD = "http://www.w3.org/2001/XMLSchema#"
TABLE_MAX_ROWS = 1000
"""Rows a ``table`` shows at most (the rest is counted and the user told to use --limit or another format)."""

T = TypeVar("T")


class QueryTimeout(QueryError):
    """The query ran past its ``--timeout``."""


# -- SPARQL text, token by token (strings, IRIs and comments skipped) ------------------------------------------
_TOKEN_RE = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*)'
    r"|(?P<var>[?$][A-Za-z_0-9\u00b7\u00c0-\uffff]+)"
    r"|(?P<word>[A-Za-z_][A-Za-z_0-9]*(?::[^\s{}();,]*)?)|(?P<num>[0-9]+)|(?P<brace>[{}])",
    re.DOTALL,
)
_QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


@dataclass
class _Token:
    kind: str  # var | word | num | brace
    text: str
    start: int
    end: int
    depth: int  # brace depth before the token


def _tokens(sparql: str) -> Iterator[_Token]:
    depth = 0
    for m in _TOKEN_RE.finditer(sparql):
        kind = m.lastgroup or ""
        if kind == "skip":
            continue
        text = m.group(kind)
        if kind == "brace":
            if text == "}":
                depth -= 1
                yield _Token(kind, text, m.start(), m.end(), depth)
            else:
                yield _Token(kind, text, m.start(), m.end(), depth)
                depth += 1
            continue
        yield _Token(kind, text, m.start(), m.end(), depth)


def query_form(sparql: str) -> str:
    """The first top-level keyword that says what the text is: a query form or an update operation.

    >>> query_form("PREFIX ex: <http://e/> # SELECT in a comment\\nASK { ?s ex:p 'INSERT' }")
    'ASK'
    >>> query_form("PREFIX ex: <http://e/> DELETE WHERE { ?s ex:p ?o }")
    'DELETE'
    """
    for tok in _tokens(sparql):
        if tok.kind == "word" and tok.depth == 0:
            word = tok.text.upper()
            if word in _QUERY_FORMS or word in _UPDATE_WORDS:
                return word
    return ""


def is_update(sparql: str) -> bool:
    """True when the text is a SPARQL Update rather than a query."""
    return query_form(sparql) in _UPDATE_WORDS


def variables(sparql: str) -> set[str]:
    """Names of the variables the text mentions (``?x`` or ``$x``).

    >>> sorted(variables('SELECT ?a WHERE { ?a ?b "?c" }'))
    ['a', 'b']
    """
    return {t.text[1:] for t in _tokens(sparql) if t.kind == "var"}


def with_prefixes(sparql: str, prefixes: dict[str, str] | None = None) -> tuple[str, int]:
    """The text with the standard prefixes it does not declare itself prepended on its first line (so line
    numbers in error messages stay right); returns the new text and how many characters were prepended.

    >>> with_prefixes("PREFIX kg: <http://other/> SELECT * { ?s kg:p ?o }", {"kg": "x#", "rdfs": "y#"})[0]
    'PREFIX rdfs: <y#> PREFIX kg: <http://other/> SELECT * { ?s kg:p ?o }'
    """
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", sparql)}
    missing = [(name, ns) for name, ns in (prefixes or PREFIXES).items() if name not in declared]
    if not missing:
        return sparql, 0
    head = " ".join(f"PREFIX {name}: <{ns}>" for name, ns in missing) + " "
    return head + sparql, len(head)


def apply_limit(sparql: str, limit: int) -> str:
    """The query with at most ``limit`` solutions: an existing top-level LIMIT is lowered, otherwise one is added
    (before a trailing VALUES block if there is one).

    >>> apply_limit("SELECT * WHERE { ?s ?p ?o } # the end", 5)
    'SELECT * WHERE { ?s ?p ?o } # the end\\nLIMIT 5\\n'
    >>> apply_limit("SELECT * WHERE { { SELECT * { ?s ?p ?o } LIMIT 50 } } LIMIT 100 OFFSET 2", 10)
    'SELECT * WHERE { { SELECT * { ?s ?p ?o } LIMIT 50 } } LIMIT 10 OFFSET 2'
    """
    if limit < 0:
        raise QueryError("--limit must be zero or more")
    toks = list(_tokens(sparql))
    for i, tok in enumerate(toks):
        if tok.depth == 0 and tok.kind == "word" and tok.text.upper() == "LIMIT" and i + 1 < len(toks):
            num = toks[i + 1]
            if num.kind == "num":
                value = min(int(num.text), limit)
                return sparql[: num.start] + str(value) + sparql[num.end:]
    for tok in toks:
        if tok.depth == 0 and tok.kind == "word" and tok.text.upper() == "VALUES":
            # the trailing VALUES block of a query (a VALUES inside the WHERE group has depth >= 1)
            return sparql[: tok.start] + f"LIMIT {limit}\n" + sparql[tok.start:]
    return f"{sparql}\nLIMIT {limit}\n"


# -- parameters -------------------------------------------------------------------------------------------
_LANG_RE = re.compile(r'^"(?P<v>(?:[^"\\]|\\.)*)"@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)$', re.DOTALL)
_TYPED_RE = re.compile(r'^"(?P<v>(?:[^"\\]|\\.)*)"\^\^(?:<(?P<iri>[^<>"\s]+)>|(?P<pn>[A-Za-z][\w-]*:[\w\-.]*))$',
                       re.DOTALL)
_QUOTED_RE = re.compile(r'^"(?P<v>(?:[^"\\]|\\.)*)"$', re.DOTALL)
_INT_RE = re.compile(r"^[+-]?[0-9]+$")
_DEC_RE = re.compile(r"^[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\t": "\t", "\\r": "\r"}


def _unescape(text: str) -> str:
    return re.sub(r'\\[\\"ntr]', lambda m: _ESCAPES[m.group(0)], text)


def _expand(name: str) -> str | None:
    prefix, _, local = name.partition(":")
    ns = PREFIXES.get(prefix)
    return ns + local if ns is not None else None


def parse_value(value: str) -> ox.NamedNode | ox.Literal:
    """A ``--param`` value as an RDF term.

    ``<iri>`` or a full ``http(s)://`` IRI → IRI; a prefixed name with a standard prefix (``kgid:org/openai``) →
    IRI; ``"text"@fr`` → language-tagged string; ``"x"^^xsd:date`` or ``"x"^^<datatype>`` → typed literal;
    ``"text"`` → string (use quotes to keep ``1789`` a string); integers and decimals → ``xsd:integer`` /
    ``xsd:decimal``; ``YYYY-MM-DD`` → ``xsd:date``; anything else → a plain string.

    >>> parse_value("<https://example.org/x>")
    <NamedNode value=https://example.org/x>
    >>> parse_value('"Bruxelles"@fr')
    <Literal value=Bruxelles language=fr>
    >>> parse_value("2024").datatype.value, parse_value("2.5").datatype.value, parse_value("2024-10-01").datatype.value
    ('http://www.w3.org/2001/XMLSchema#integer', 'http://www.w3.org/2001/XMLSchema#decimal', 'http://www.w3.org/2001/XMLSchema#date')
    >>> parse_value('x" } ; DROP ALL ; #')
    <Literal value=x" } ; DROP ALL ; # datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    try:
        if value.startswith("<") and value.endswith(">") and len(value) > 2:
            return ox.NamedNode(value[1:-1])
        if re.match(r"^https?://\S+$", value):
            return ox.NamedNode(value)
        if m := _LANG_RE.match(value):
            return ox.Literal(_unescape(m["v"]), language=m["lang"].lower())
        if m := _TYPED_RE.match(value):
            dt = m["iri"] or _expand(m["pn"])
            if dt is None:
                raise QueryError(f"unknown prefix in the datatype of {value!r}: use ^^<full IRI> or one of "
                                 f"{', '.join(PREFIXES)}")
            return ox.Literal(_unescape(m["v"]), datatype=ox.NamedNode(dt))
        if m := _QUOTED_RE.match(value):
            return ox.Literal(_unescape(m["v"]))
        if re.match(r"^[A-Za-z][\w-]*:[^\s:/][^\s]*$", value) and (iri := _expand(value)) is not None:
            return ox.NamedNode(iri)
        if _INT_RE.match(value):
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
        if _DEC_RE.match(value):
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "decimal"))
        if _DATE_RE.match(value):
            date.fromisoformat(value)
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    except ValueError as err:
        raise QueryError(f"bad parameter value {value!r}: {err}") from err
    return ox.Literal(value)


def to_term(value: Any) -> ox.NamedNode | ox.Literal:
    """A parameter value from Python: strings typed by :func:`parse_value`; ``bool``, ``int``, ``float``,
    ``Decimal``, ``date`` and ``datetime`` as the matching xsd literal; pyoxigraph terms as they are.

    >>> to_term(True).datatype.value, to_term(Decimal("1.5")).value
    ('http://www.w3.org/2001/XMLSchema#boolean', '1.5')
    """
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, str):
        return parse_value(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, Decimal):
        return ox.Literal(format(value, "f"), datatype=ox.NamedNode(XSD + "decimal"))
    if isinstance(value, datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    raise QueryError(f"cannot bind a {type(value).__name__} as a parameter: give a string, a number, a date "
                     "or a pyoxigraph term")


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["name=value", ...]`` → ``{name: value}`` (the value keeps any ``=`` it contains).

    >>> parse_params(["org=OpenAI", "q=a=b"])
    {'org': 'OpenAI', 'q': 'a=b'}
    """
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", name):
            raise QueryError(f"bad --param {pair!r}: write it as name=value (e.g. --param org=OpenAI)")
        out[name] = value
    return out


def where_brace(sparql: str) -> int:
    """Position of the ``{`` that opens the query's WHERE group (outside strings, IRIs and comments).

    >>> where_brace("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    29
    """
    form = ""
    after_where = False
    for tok in _tokens(sparql):
        if tok.depth != 0:
            continue
        word = tok.text.upper() if tok.kind == "word" else tok.text
        if not form and word in _QUERY_FORMS:
            form = word
        elif word == "WHERE":
            after_where = True
        elif word == "{" and form and (after_where or form != "CONSTRUCT"):
            return tok.start
    raise QueryError("cannot find the WHERE clause of the query to bind --param values into")


def bind_values(sparql: str, substitutions: dict[str, Any] | None) -> str:
    """Bind variables with a ``VALUES`` block at the start of the WHERE group.

    This is how kg binds parameters on every store: Oxigraph's optimiser sees a VALUES block (a lookup stays an
    index lookup, where its substitution API was measured ~100x slower) and any SPARQL endpoint accepts it. Each
    value is an RDF term serialised by pyoxigraph (N-Triples syntax, escaped), so it can never become query syntax.

    >>> bind_values('SELECT ?o WHERE { ?o ?p ?name }', {"name": ox.Literal('x" } DROP ALL {')})
    'SELECT ?o WHERE { VALUES (?name) { ("x\\\\" } DROP ALL {") } ?o ?p ?name }'
    """
    if not substitutions:
        return sparql
    names, terms = [], []
    for name, term in substitutions.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", name):
            raise QueryError(f"invalid variable name for a parameter: {name!r}")
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"?{name} can only be bound to an IRI or a literal")
        names.append(f"?{name}")
        terms.append(str(term))
    brace = where_brace(sparql)
    return f"{sparql[: brace + 1]} VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}{sparql[brace + 1:]}"


# -- resolving the query text ------------------------------------------------------------------------------
@dataclass
class ResolvedQuery:
    """The SPARQL text to run and, for a saved query, how its parameter names map to variables."""

    text: str
    name: str | None = None  # the saved query's name
    param_vars: dict[str, str] = field(default_factory=dict)  # parameter name -> variable name
    source: str = "text"
    saved: Any = None  # the kg.ontology.SavedQuery, which binds its own VALUES placeholders


def _saved(name: str) -> Any:
    from kg import ontology

    try:
        return ontology.load_saved_query(name)
    except KgError:
        raise
    except (FileNotFoundError, KeyError, LookupError):
        return None


def resolve(text_or_name: str) -> ResolvedQuery:
    """SPARQL text, ``@file.rq`` (``@-`` for stdin) or a saved query's name → the text to run."""
    spec = text_or_name.strip()
    if not spec:
        raise QueryError("empty query: give SPARQL text, @file.rq or a saved query name (see `kg queries`)")
    if spec.startswith("@"):
        path = spec[1:]
        if path == "-":
            return ResolvedQuery(sys.stdin.read(), source="stdin")
        try:
            return ResolvedQuery(Path(path).read_text(encoding="utf-8"), source=path)
        except OSError as err:
            raise QueryError(f"cannot read the query file {path}: {err.strerror or err}") from err
        except UnicodeDecodeError as err:
            raise QueryError(f"the query file {path} is not UTF-8 text") from err
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", spec):
        saved = _saved(spec)
        if saved is None:
            raise QueryError(f"no saved query called {spec!r}: run `kg queries` to list them, or give SPARQL text")
        param_vars: dict[str, str] = {}
        for p in getattr(saved, "params", []) or []:
            pname = getattr(p, "name", p)
            var = str(getattr(p, "variable", None) or pname).lstrip("?$")
            param_vars[str(pname)] = var
        return ResolvedQuery(saved.text, name=spec, param_vars=param_vars, source=f"saved query {spec}", saved=saved)
    return ResolvedQuery(text_or_name)


def _check_params(resolved: ResolvedQuery, params: dict[str, Any]) -> dict[str, ox.NamedNode | ox.Literal]:
    present = variables(resolved.text)
    subs: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, raw in params.items():
        var = resolved.param_vars.get(name, name)
        if var not in present:
            known = sorted(resolved.param_vars) if resolved.param_vars else sorted(present)
            hint = f"parameters of {resolved.name}: {', '.join(known) or 'none'}" if resolved.name else \
                f"variables in the query: {', '.join('?' + v for v in known) or 'none'}"
            raise QueryError(f"--param {name}: the query has no variable ?{var} ({hint})")
        subs[var] = to_term(raw)
    return subs


# -- syntax errors -----------------------------------------------------------------------------------------
_POS_RE = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.DOTALL)


def describe_syntax_error(message: str, text: str, shift: int = 0) -> str:
    """One readable message from pyoxigraph's ``error at L:C: expected ...``: line, column and the offending text.

    >>> describe_syntax_error("error at 2:9: expected one of ...", "SELECT *\\nWHERE { ?s ?p }")
    "line 2, column 9: expected one of ... near 'WHERE { ?s ?p }'"
    """
    m = _POS_RE.search(message)
    if not m:
        return " ".join(message.split())
    line_no, col = int(m[1]), int(m[2])
    if line_no == 1:
        col = max(1, col - shift)
    expected = " ".join(m[3].split())
    if len(expected) > 160:
        expected = expected[:157].rsplit(",", 1)[0] + ", ..."
    lines = text.splitlines() or [""]
    line = lines[min(line_no, len(lines)) - 1]
    near = line[max(0, col - 30): col + 20].strip() if len(line) > 50 else line.strip()
    return f"line {line_no}, column {col}: {expected} near {near!r}"


def _syntax_error(err: BaseException, text: str, what: str = "SPARQL syntax error", *, shift: int = 0) -> QueryError:
    cause = err.__cause__ if isinstance(err, QueryError) and isinstance(err.__cause__, SyntaxError) else err
    return QueryError(f"{what}, {describe_syntax_error(str(cause), text, shift)}")


# -- running -----------------------------------------------------------------------------------------------
@dataclass
class QueryResult:
    """What a query returned: ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    results: Any  # pyoxigraph QuerySolutions | QueryBoolean | QueryTriples
    text: str
    variables: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.results)

    def __bool__(self) -> bool:
        return bool(self.results) if self.kind == "ask" else True


def _kind(results: Any) -> str:
    if isinstance(results, ox.QuerySolutions):
        return "select"
    if isinstance(results, ox.QueryBoolean):
        return "ask"
    if isinstance(results, ox.QueryTriples):
        return "graph"
    if isinstance(results, bool):
        return "ask"
    return "select" if hasattr(results, "variables") else "graph"


def run_query(store: Any, text_or_name: str | ResolvedQuery, params: dict[str, Any] | None = None, *,
              limit: int | None = None) -> QueryResult:
    """Run a query (SPARQL text, ``@file.rq`` or a saved query name) over the merged graph.

    ``params`` maps parameter (or variable) names to values typed by :func:`parse_value` and bound by the engine.
    ``limit`` caps the number of solutions. Updates are refused: they go through ``kg update``.
    """
    resolved = text_or_name if isinstance(text_or_name, ResolvedQuery) else resolve(text_or_name)
    text = resolved.text
    form = query_form(text)
    if form in _UPDATE_WORDS:
        raise QueryError(f"this is a SPARQL Update ({form}), and `kg query` only reads: run it with `kg update`")
    if resolved.saved is not None and hasattr(resolved.saved, "bind"):
        # saved queries bind their parameters in `VALUES ?var { UNDEF }` placeholders, as escaped literals
        # (kg.ontology.SavedQuery.bind): no projection constraint, and optional parameters stay optional
        text = resolved.saved.bind({k: str(v.value if isinstance(v, ox.Literal) else v)
                                    for k, v in (params or {}).items()})
        subs: dict[str, ox.NamedNode | ox.Literal] = {}
    else:
        subs = _check_params(resolved, params or {})
    if limit is not None:
        text = apply_limit(text, limit)
    full, shift = with_prefixes(text)
    try:
        results = store.query(full, substitutions=subs or None)
    except QueryError as err:
        if isinstance(err.__cause__, SyntaxError):
            raise _syntax_error(err, text, shift=shift) from err
        raise
    except SyntaxError as err:
        raise _syntax_error(err, text, shift=shift) from err
    except RuntimeError as err:
        raise QueryError(f"the query failed: {err}") from err
    kind = _kind(results)
    names = [v.value for v in results.variables] if kind == "select" else []
    return QueryResult(kind, results, text, names)


def run_update(store: Any, text_or_file: str) -> None:
    """Run a SPARQL Update (text, ``@file.ru`` or ``@-``); queries are refused with a pointer to ``kg query``."""
    resolved = resolve(text_or_file) if text_or_file.strip().startswith("@") else ResolvedQuery(text_or_file)
    form = query_form(resolved.text)
    if form in _QUERY_FORMS:
        raise QueryError(f"this is a SPARQL query ({form}), not an update: run it with `kg query`")
    full, shift = with_prefixes(resolved.text)
    try:
        store.update(full)
    except QueryError as err:
        if isinstance(err.__cause__, SyntaxError):
            raise _syntax_error(err, resolved.text, "SPARQL Update syntax error", shift=shift) from err
        raise


def with_timeout(fn: Callable[[], T], seconds: float | None) -> T:
    """Run ``fn`` in a worker thread and give up after ``seconds`` with :class:`QueryTimeout`.

    Oxigraph cannot cancel a running query: the worker is a daemon thread that is abandoned (it stops when the
    process exits, which the CLI does at once). Output already written stays written.
    """
    if not seconds or seconds <= 0:
        return fn()
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as err:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = err

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise QueryTimeout(f"the query did not finish within {seconds:g} s: make it more selective "
                           "(filters, --limit) or raise --timeout")
    if "error" in box:
        raise box["error"]
    return cast(T, box["value"])


# -- rows for the Python API --------------------------------------------------------------------------------
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                                "unsignedShort", "unsignedByte")}


def to_python(term: Any) -> Any:
    """A term as a Python value: IRIs → ``str``; blank nodes → ``"_:id"``; strings (with or without a language)
    → ``str``; xsd integers → ``int``; ``xsd:decimal`` → ``Decimal``; double/float → ``float``; boolean → ``bool``;
    ``xsd:date`` → ``datetime.date``; ``xsd:dateTime`` → ``datetime``; other literals (``gYear``…) → their lexical
    ``str``; ``None`` stays ``None``.

    >>> to_python(ox.Literal("6600000000", datatype=ox.NamedNode(XSD + "decimal")))
    Decimal('6600000000')
    >>> to_python(ox.NamedNode("https://w3id.org/newskg/id/org/openai"))
    'https://w3id.org/newskg/id/org/openai'
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return term
    dt, value = term.datatype.value, term.value
    try:
        if dt in _INTEGERS:
            return int(value)
        if dt == XSD + "decimal":
            return Decimal(value)
        if dt in (XSD + "double", XSD + "float"):
            return float(value)
        if dt == XSD + "boolean":
            return value in ("true", "1")
        if dt == XSD + "date":
            return date.fromisoformat(value)
        if dt == XSD + "dateTime":
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        return value
    return value


def rows(result: QueryResult, *, as_terms: bool = False) -> list[dict[str, Any]]:
    """Result rows as dicts: SELECT → one dict per solution, every variable a key (``None`` when unbound);
    ASK → ``[{"result": bool}]``; CONSTRUCT/DESCRIBE → ``{"subject", "predicate", "object"}`` per triple.
    Values go through :func:`to_python` unless ``as_terms``."""
    conv: Callable[[Any], Any] = (lambda t: t) if as_terms else to_python
    if result.kind == "ask":
        return [{"result": bool(result.results)}]
    if result.kind == "graph":
        return [{"subject": conv(t.subject), "predicate": conv(t.predicate), "object": conv(t.object)}
                for t in result.results]
    names = result.variables
    return [{n: conv(sol[n]) for n in names} for sol in result.results]


# -- writing results ---------------------------------------------------------------------------------------
GRAPH_FORMATS = ("turtle", "trig", "ntriples", "nquads", "jsonld", "rdfxml")


def output_format(name: str | None, kind: str, *, terminal: bool, path: str | None = None) -> ResultFormat | RdfFormat:
    """The format to write a ``kind`` result in: the one asked for, else one implied by ``path``'s extension,
    else ``table`` on a terminal / SPARQL JSON otherwise (Turtle for CONSTRUCT/DESCRIBE)."""
    graph = kind == "graph"
    if name:
        key = name.lower()
        if graph:
            try:
                return RdfFormat.parse(key)
            except ValueError:
                raise QueryError(f"--format {name} is for SELECT/ASK results; a CONSTRUCT/DESCRIBE result is a graph: "
                                 "use turtle, trig, nt, nq, jsonld or rdfxml") from None
        try:
            return ResultFormat.parse(key)
        except ValueError:
            raise QueryError(f"--format {name} is for graphs; a {kind.upper()} result is a table: "
                             "use table, json, xml, csv or tsv") from None
    if path and path != "-":
        guessed = RdfFormat.from_path(path) if graph else ResultFormat.from_path(path)
        if guessed is not None:
            return guessed
    if graph:
        return RdfFormat.TURTLE
    return ResultFormat.TABLE if terminal else ResultFormat.JSON


def write_result(result: QueryResult, fmt: ResultFormat | RdfFormat, out: IO[bytes], *,
                 prefixes: dict[str, str] | None = None, width: int | None = None) -> int | None:
    """Write ``result`` to the binary stream ``out``; returns the number of rows shown for a table."""
    prefixes = PREFIXES if prefixes is None else prefixes
    if isinstance(fmt, RdfFormat):
        if result.kind != "graph":
            raise QueryError(f"a {result.kind.upper()} result cannot be written as {fmt.value}: use table, json, "
                             "xml, csv or tsv")
        if fmt is RdfFormat.JSONLD:
            from kg.exports import write_jsonld

            write_jsonld(iter(result.results), out, prefixes)
            return None
        triples: Any = result.results
        if fmt.is_dataset:
            triples = (ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        use = prefixes if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDFXML) else None
        ox.serialize(triples, out, fmt.oxigraph, prefixes=use)
        return None
    if result.kind == "graph":
        raise QueryError(f"a CONSTRUCT/DESCRIBE result is a graph and cannot be written as {fmt.value}: "
                         "use turtle, trig, nt, nq, jsonld or rdfxml")
    if fmt is ResultFormat.TABLE:
        return write_table(result, out, prefixes=prefixes, width=width)
    result.results.serialize(out, fmt.oxigraph)
    if fmt in (ResultFormat.JSON, ResultFormat.XML):
        out.write(b"\n")
    return None


def term_text(term: Any, prefixes: dict[str, str] | None = None) -> str:
    """A term as shown in a table: prefixed names for IRIs, plain text for strings, ``"x"@fr`` kept short.

    >>> term_text(ox.Literal("Bruxelles", language="fr"))
    'Bruxelles @fr'
    >>> term_text(ox.NamedNode("https://w3id.org/newskg/id/place/geonames-2800866"))
    'kgid:place/geonames-2800866'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return prefixed(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{term.value} @{term.language}"
        return term.value
    return str(term)


def write_table(result: QueryResult, out: IO[bytes], *, prefixes: dict[str, str] | None = None,
                width: int | None = None, max_rows: int = TABLE_MAX_ROWS) -> int:
    """A rich table (IRIs as prefixed names); at most ``max_rows`` rows, then a note saying how many more."""
    import io

    from rich.console import Console
    from rich.table import Table

    text = io.StringIO()
    console = Console(file=text, width=width or 160, force_terminal=False, color_system=None, soft_wrap=False)
    if result.kind == "ask":
        console.print("yes" if bool(result.results) else "no")
        out.write(text.getvalue().encode("utf-8"))
        return 1
    table = Table(*result.variables, show_lines=False, header_style="bold")
    shown = 0
    more = 0
    for sol in result.results:
        if shown >= max_rows:
            more += 1
            continue
        table.add_row(*(term_text(sol[v], prefixes) for v in result.variables))
        shown += 1
    console.print(table)
    note = f"{shown} row{'s' if shown != 1 else ''}"
    if more:
        note += f" shown, {more} more not shown: use --limit, or --format csv|tsv|json for everything"
    console.print(note)
    out.write(text.getvalue().encode("utf-8"))
    return shown


__all__ = [
    "QueryResult", "QueryTimeout", "ResolvedQuery", "run_query", "run_update", "resolve", "parse_value",
    "parse_params", "to_term", "bind_values", "where_brace", "apply_limit", "with_prefixes", "query_form", "is_update", "variables", "rows", "to_python",
    "output_format", "write_result", "write_table", "term_text", "with_timeout", "describe_syntax_error",
]
