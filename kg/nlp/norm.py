"""Adapter over kg.normalize (money, dates, places, titles) with small fallbacks.

The extractor calls these functions only; when a normaliser module is missing (a partial install, or during
development) a minimal built-in version keeps extraction working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from kg.model import Place


@dataclass(frozen=True)
class _Money:
    amount: Decimal
    currency: str
    approximate: bool = False
    lower_bound: bool = False


_SCALE = {
    "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9, "billion": 10**9,
    "billions": 10**9, "bn": 10**9, "b": 10**9, "million": 10**6, "millions": 10**6, "m": 10**6, "mn": 10**6,
    "mln": 10**6, "k": 10**3, "mille": 10**3, "thousand": 10**3,
}
_CUR = {"$": "USD", "us$": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD", "€": "EUR", "euros": "EUR",
        "euro": "EUR", "eur": "EUR", "£": "GBP", "livres": "GBP", "gbp": "GBP", "pounds": "GBP"}
_NUM = r"\d{1,3}(?:[ .,]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SC = r"milliards?|millions?|mds?|mrd|md|billions?|bn|mln|mn|m|k|thousand"
_FALLBACK_RE = re.compile(
    rf"(?P<pre>US\$|\$|€|£)\s?(?P<n1>{_NUM})\s?(?P<s1>{_SC})?\b"
    rf"|(?P<n2>{_NUM})\s?(?P<s2>{_SC})?\s?(?:d[e']\s?)?(?P<post>dollars?|euros?|livres|pounds|USD|EUR|GBP|€|\$|£)",
    re.IGNORECASE,
)


def _number(text: str, lang: str) -> Decimal | None:
    t = text.replace(" ", "")
    if lang == "fr":
        t = t.replace(".", "").replace(",", ".") if re.search(r",\d{1,2}$", t) or "." in t else t.replace(",", ".")
    else:
        t = t.replace(",", "")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _fallback_find_money(text: str, lang: str) -> list[tuple[int, int, Any]]:
    out = []
    for m in _FALLBACK_RE.finditer(text):
        num = _number(m.group("n1") or m.group("n2"), lang)
        scale = (m.group("s1") or m.group("s2") or "").lower()
        cur = _CUR.get((m.group("pre") or m.group("post") or "").lower())
        if num is None or cur is None:
            continue
        out.append((m.start(), m.end(), _Money(num * _SCALE.get(scale, 1), cur)))
    return out


def find_money(text: str, lang: str) -> list[tuple[int, int, Any]]:
    """``[(start, end, Money)]`` for every money expression in ``text``."""
    try:
        from kg.normalize.money import find_money as real
    except ImportError:
        return _fallback_find_money(text, lang)
    return list(real(text, lang))


def find_dates(text: str, lang: str, article_date: str | None) -> list[tuple[int, int, str]]:
    """``[(start, end, iso)]`` for the date expressions of ``text`` (empty without the normaliser)."""
    try:
        from kg.normalize.dates import find_dates as real
    except ImportError:
        return []
    try:
        return list(real(text, lang, article_date))
    except Exception:  # noqa: BLE001 - a date normaliser failure must not lose the article
        return []


@lru_cache(maxsize=4096)
def resolve_place(name: str, lang: str | None = None) -> Place | None:
    """A GeoNames-resolved place for ``name``, or None."""
    try:
        from kg.normalize.places import resolve_place as real
    except ImportError:
        return None
    try:
        return real(name, lang)
    except Exception:  # noqa: BLE001
        return None


@lru_cache(maxsize=1024)
def demonym_place(word: str, lang: str) -> Place | None:
    """The city or country a demonym adjective refers to ("lyonnaise" -> Lyon), or None."""
    try:
        from kg.normalize.places import demonym_place as real
    except ImportError:
        return None
    try:
        return real(word, lang)
    except Exception:  # noqa: BLE001
        return None


def normalise_title(title: str, lang: str) -> str:
    """The English normalised form of a job title ("PDG" -> "CEO")."""
    try:
        from kg.normalize.titles import normalise_title as real
    except ImportError:
        return title.strip()
    try:
        return real(title, lang) or title.strip()
    except Exception:  # noqa: BLE001
        return title.strip()
