"""Read articles from files, folders and stdin into :class:`kg.model.Article` records.

Formats: ``.txt``/``.md`` with an optional front matter block (``title``, ``date``, ``url``, ``lang``),
``.html``/``.htm`` (main text extracted, boilerplate dropped), ``.json`` (one article object, or a list),
``.jsonl`` (one object per line). A file that cannot be read gives a :class:`ReadFailure` naming it and
the problem; reading goes on with the next file or line.

>>> art = parse_text("---\\ntitle: Hello\\ndate: 2024-10-03\\n---\\nAcme opens an office in Lyon.", "x.md")
>>> art.title, art.date, art.text
('Hello', '2024-10-03', 'Acme opens an office in Lyon.')
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.model import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
FRONT_MATTER_KEYS = ("title", "date", "url", "lang")
MAX_BYTES = 50 * 1024 * 1024
# News articles are a few thousand characters; past this, a text is a book or a dump and extraction would take
# minutes: it is refused with a message (override with the environment variable KG_MAX_ARTICLE_CHARS).
MAX_CHARS = 1_000_000

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LOOSE_DATE_RE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$")


@dataclass
class ReadFailure:
    """A file, or a line of a JSON lines file, that could not be read."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def normalise_date(value: Any) -> str | None:
    """'2024-10-03T08:00:00Z' -> '2024-10-03'; '2024-10' stays; anything unreadable -> None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = _LOOSE_DATE_RE.match(text)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return year
    mo = int(month)
    if not 1 <= mo <= 12:
        return None
    if day is None:
        return f"{year}-{mo:02d}"
    d = int(day)
    if not 1 <= d <= 31:
        return f"{year}-{mo:02d}"
    return f"{year}-{mo:02d}-{d:02d}"


def _norm_lang(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()[:2]
    return text if text in ("fr", "en") else None


def decode(data: bytes, source: str) -> tuple[str, str | None]:
    """Bytes -> text. UTF-8 (BOM allowed), else Windows-1252 with a note. Binary data is refused."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not UTF-8: read as Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8: read as Latin-1"


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a ``---`` front matter block from the body. An unterminated block is an error."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---"):
        return {}, text
    lines = stripped.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return meta, "\n".join(lines[i + 1:])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"bad front matter line {i + 1}: expected 'key: value', got {line.strip()[:60]!r}")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[key.strip().lower()] = value
    raise ValueError("front matter opened with '---' is never closed: add a closing '---' line")


def max_chars() -> int:
    try:
        return int(os.environ.get("KG_MAX_ARTICLE_CHARS", MAX_CHARS))
    except ValueError:
        return MAX_CHARS


def _article(text: str, meta: dict[str, Any], source: str) -> Article:
    body = text.strip("\n")
    if not body.strip():
        raise ValueError("empty article (no text)")
    limit = max_chars()
    if len(body) > limit:
        raise ValueError(f"article too long ({len(body):,} characters > {limit:,}): split it into articles, "
                         "or raise KG_MAX_ARTICLE_CHARS")
    title = meta.get("title")
    return Article(
        text=body,
        title=str(title).strip() or None if title is not None else None,
        date=normalise_date(meta.get("date") or meta.get("published") or meta.get("datePublished")),
        url=(str(meta.get("url")).strip() or None) if meta.get("url") else None,
        lang=_norm_lang(meta.get("lang") or meta.get("language")),
        source=source,
    )


def parse_text(text: str, source: str) -> Article:
    meta, body = parse_front_matter(text)
    return _article(body, meta, source)


def parse_html(html: str, source: str) -> Article:
    """Main text of a web page (trafilatura), with its title, date and URL when the page gives them."""
    import trafilatura

    # extensive date search guesses from any year in the text ("founded in 2015"): keep only declared dates
    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True,
                                            date_extraction_params={"extensive_search": False,
                                                                    "original_date": True})
    if extracted is None:
        raise ValueError("no article text found in the HTML")
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = doc.get("text") or ""
    meta = {"title": doc.get("title"), "date": doc.get("date"), "url": doc.get("url"),
            "lang": doc.get("language")}
    return _article(text, meta, source)


def parse_object(obj: Any, source: str) -> Article:
    """A JSON object with ``text`` (or ``body``/``content``) and optional title, date, url, lang."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object with a 'text' field, got {type(obj).__name__}")
    text = obj.get("text") or obj.get("body") or obj.get("content")
    if not isinstance(text, str):
        raise ValueError("JSON article has no 'text' string field")
    return _article(text, obj, source)


def _json_articles(text: str, source: str) -> Iterator[Article | ReadFailure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield ReadFailure(source, f"invalid JSON at line {err.lineno} column {err.colno}: {err.msg}")
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield ReadFailure(source, "empty JSON list: no articles")
        return
    for i, obj in enumerate(items):
        where = f"{source}[{i}]" if isinstance(data, list) else source
        try:
            yield parse_object(obj, where)
        except ValueError as err:
            yield ReadFailure(where, str(err))


def _jsonl_articles(text: str, source: str) -> Iterator[Article | ReadFailure]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            yield parse_object(json.loads(line), where)
        except json.JSONDecodeError as err:
            yield ReadFailure(where, f"invalid JSON line (column {err.colno}): {err.msg}")
        except ValueError as err:
            yield ReadFailure(where, str(err))


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{") or head.startswith("["):
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:3]) and head.startswith("{"):
            try:
                json.loads(text)
                return "json"
            except json.JSONDecodeError:
                return "jsonl"
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "html"
    return "text"


def parse_content(text: str, source: str, kind: str) -> Iterator[Article | ReadFailure]:
    try:
        if kind == "json":
            yield from _json_articles(text, source)
        elif kind == "jsonl":
            yield from _jsonl_articles(text, source)
        elif kind == "html":
            yield parse_html(text, source)
        else:
            yield parse_text(text, source)
    except ValueError as err:
        yield ReadFailure(source, str(err))


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def read_file(path: Path) -> Iterator[Article | ReadFailure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield ReadFailure(source, f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield ReadFailure(source, f"cannot read: {err.strerror or err}")
        return
    if not data.strip():
        yield ReadFailure(source, "empty file")
        return
    try:
        text, note = decode(data, source)
    except ValueError as err:
        yield ReadFailure(source, str(err))
        return
    for item in parse_content(text, source, _kind_of(path)):
        if note and isinstance(item, Article):
            item.source = f"{item.source} ({note})"
        yield item


def iter_files(root: Path) -> Iterator[Path]:
    """Supported article files under a folder, recursively, in a stable order; hidden entries skipped."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED:
            yield path


def read_articles(paths: Iterable[str | Path], stdin: Any = None) -> Iterator[Article | ReadFailure]:
    """Articles from files, folders (recursively) and ``-`` (stdin), in order; failures are yielded, not raised."""
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            if not data.strip():
                yield ReadFailure("-", "empty input on stdin")
                continue
            try:
                text, _ = decode(data, "-")
            except ValueError as err:
                yield ReadFailure("-", str(err))
                continue
            yield from parse_content(text, "-", _sniff(text))
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in iter_files(path):
                found = True
                yield from read_file(file)
            if not found:
                yield ReadFailure(str(path), f"no article files in this folder (looked for {', '.join(sorted(SUPPORTED))})")
        elif path.exists():
            yield from read_file(path)
        else:
            yield ReadFailure(str(path), "no such file or folder")
