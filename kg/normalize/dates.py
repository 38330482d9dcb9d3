"""Dates in French and English news, resolved against the article date, at the precision the text gives.

A small grammar (regular expressions over accent-folded text): dateparser returns None for "en avril dernier" or
"by year-end", and run over whole sentences it invents dates from "6,6" or "Sam". Every rule needs a month or
weekday name, a date cue word or a four-digit year, so plain numbers never become dates.

>>> resolve_date("en avril dernier", "fr", "2024-10-15")
'2024-04'
>>> resolve_date("en avril dernier", "fr", "2024-03")
'2023-04'
>>> resolve_date("March 3, 2023", "en", None)
'2023-03-03'
>>> resolve_date("hier", "fr", "2024-06-12")
'2024-06-11'
>>> resolve_date("by year-end", "en", "2024-06-12")
'2024'
>>> find_dates("Le groupe a levé 6,6 milliards en octobre.", "fr", "2024-11-02")
[(34, 41, '2024-10')]
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

__all__ = ["date_tense", "find_dates", "resolve_date"]

Tense = str  # "past" | "future"

# --- data ------------------------------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations: only accepted next to a day or a year ("3 janv. 2024", "Oct 3"), never alone.
_MONTH_ABBR: dict[str, int] = {
    "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
}
_WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_SMALL_NUMBERS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}
# Seasons: the month a season mostly falls in (northern hemisphere), for "last summer" and the like.
_SEASONS: dict[str, int] = {
    "printemps": 4, "ete": 7, "automne": 10, "hiver": 1, "spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1,
}

_PAST_CUES = re.compile(
    r"\b(?:dernier|derniere|derniers|passe|passee|precedente?|hier|avant-hier|il y a|depuis|ago|last|yesterday|"
    r"since|earlier|previous|previously|past|ce matin|this morning)\b"
)
_FUTURE_CUES = re.compile(
    r"(?:\b(?:prochain|prochaine|prochains|suivante?|demain|apres-demain|d'ici|a venir|a partir de|plus tard|"
    r"next|tomorrow|by|later|coming|upcoming|following|until|jusqu'a|jusqu'en|within)\b|\bdans (?:\w+ )?(?:ans?|mois|"
    r"semaines?|jours?)\b|\bin (?:\w+ )(?:years?|months?|weeks?|days?)(?: time)?\b|\bfrom now\b)"
)

# Words before a bare year that make it a date ("en 2025", "début 2025", "Q3 2025", "since 2019").
_YEAR_CUES = re.compile(
    r"(?:\b(?:en|in|depuis|since|from|until|till|jusqu'en|jusqu'a|by|d'ici|d'ici a|debut|fin|mi|early|late|mid|courant|"
    r"during|pendant|avant|apres|before|after|vers|circa|annee|year|l'an|exercice|fiscal|fy|q[1-4]|t[1-4]|h[12]|s[12]|"
    r"trimestre|semestre|quarter|half|end of|start of|beginning of|of|de|d'|printemps|ete|automne|hiver|spring|summer|"
    r"autumn|fall|winter|au|et|and|or|ou|a|to|dans|for|pour)\s*-?\s*|[-/(])$"
)
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|€|\$|£|[,.]\d|(?:[a-z]+\s+)?(?:salaries|employes|employees|people|personnes|emplois|jobs|postes|"
    r"clients|customers|users|utilisateurs|habitants|residents|m2|km|metres|meters|euros|dollars|unites|units|"
    r"points|actions|shares|magasins|stores|sites|vehicules|vehicles|voitures|cars|bornes|chargers)\b)"
)
# Words before a month name used alone that make it a date ("en mai", "fin mars", "in May", "since March").
_MONTH_CUES = re.compile(
    r"(?:\b(?:en|in|depuis|since|from|until|till|jusqu'en|jusqu'a|by|d'ici|debut|fin|mi|early|late|mid|courant|"
    r"during|pendant|avant|apres|before|after|vers|this|last|next|of|mois de|month of|de|d'|au|et|and|or|ou|a|to|"
    r"through|through to|end of|start of|beginning of)\s*-?\s*|-)$"
)

# --- text helpers ----------------------------------------------------------------------------------------------------


class _FoldTable(dict):
    """str.translate table built on demand: each character to its lower-case, accent-free single character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "\u2019\u2018\u02bc":
            out = "'"
        elif ch in "\u00a0\u202f\u2009\u2007":
            out = " "
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
            out = base if len(base) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def _fold(text: str) -> str:
    """Lower case, accents dropped, ’ made ', same length as the input (so offsets carry over)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class _Ref:
    """The article date: a year, maybe a month, maybe a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> _dt.date | None:
        if self.month is None or self.day is None:
            return None
        return _dt.date(self.year, self.month, self.day)


def _parse_ref(article_date: str | None) -> _Ref | None:
    if not article_date:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", article_date)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return _Ref(year)
    if day is not None:
        try:
            _dt.date(year, month or 1, day)
        except ValueError:
            return _Ref(year, month)
    return _Ref(year, month, day)


def _iso_day(d: _dt.date) -> str:
    return d.isoformat()


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _valid_day(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _SMALL_NUMBERS.get(word)


def _month_of(word: str) -> int | None:
    word = word.rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBR.get(word)


def _bias(expr: str) -> Tense | None:
    return date_tense(expr)


def _nearest_month(month: int, ref: _Ref, bias: Tense | None) -> str | None:
    """The occurrence of ``month`` nearest the article month; ties and "past" cues go back in time."""
    if ref.month is None:
        return _iso_month(ref.year, month)
    here = ref.year * 12 + ref.month - 1
    candidates = [(y * 12 + month - 1, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if bias == "past":
        candidates = [c for c in candidates if c[0] <= here] or candidates
    elif bias == "future":
        candidates = [c for c in candidates if c[0] >= here] or candidates
    index, year = min(candidates, key=lambda c: (abs(c[0] - here), c[0]))
    return _iso_month(year, month)


def _nearest_day(month: int, day: int, ref: _Ref, bias: Tense | None) -> str | None:
    here = ref.date
    if here is None:
        if ref.month is None:
            return None
        here = _dt.date(ref.year, ref.month, 15)
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _valid_day(y, month, day))]
    if not candidates:
        return None
    if bias == "past":
        candidates = [d for d in candidates if d <= here] or candidates
    elif bias == "future":
        candidates = [d for d in candidates if d >= here] or candidates
    return _iso_day(min(candidates, key=lambda d: (abs((d - here).days), d)))


# --- rules -----------------------------------------------------------------------------------------------------------

_MONTH_RX = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_MONTH_ANY = "(?:" + "|".join(sorted(list(_MONTHS) + [a + r"\.?" for a in _MONTH_ABBR], key=len, reverse=True)) + ")"
_DAY = r"(1er|premier|\d{1,2})(?:st|nd|rd|th|er)?"
_YEAR = r"((?:19|20|21)\d{2})"
_NUMW = r"(\d{1,2}|" + "|".join(_SMALL_NUMBERS) + ")"

Handler = Callable[[re.Match[str], _Ref | None, str], str | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    month_group: int | None = None  # group holding an English month or weekday name (capital required in text)


def _h_iso(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    d = _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return _iso_day(d) if d else None


def _h_numeric(m: re.Match[str], ref: _Ref | None, expr: str, lang: str | None = None) -> str | None:
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    d = _valid_day(y, b, a) if lang != "en" or a > 12 else _valid_day(y, a, b)
    return _iso_day(d) if d else None


def _day_number(word: str) -> int:
    return 1 if word in ("1er", "premier") else int(word)


def _h_dmy(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(2))
    d = _valid_day(int(m.group(3)), month, _day_number(m.group(1))) if month else None
    return _iso_day(d) if d else None


def _h_mdy(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    d = _valid_day(int(m.group(3)), month, int(m.group(2))) if month else None
    return _iso_day(d) if d else None


def _h_my(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    return _iso_month(int(m.group(2)), month) if month else None


def _h_dm(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(2))
    if not month or ref is None:
        return None
    return _nearest_day(month, _day_number(m.group(1)), ref, _bias(expr))


def _h_md(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    if not month or ref is None:
        return None
    return _nearest_day(month, int(m.group(2)), ref, _bias(expr))


def _month_relative(month: int, ref: _Ref | None, direction: int) -> str | None:
    """Month + dernier/last (-1) or prochain/next (+1): the previous or next such month, strictly."""
    if ref is None or ref.month is None:
        return None
    if direction < 0:
        return _iso_month(ref.year if month < ref.month else ref.year - 1, month)
    return _iso_month(ref.year if month > ref.month else ref.year + 1, month)


def _h_month_last(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    return _month_relative(month, ref, -1) if month else None


def _h_month_next(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    return _month_relative(month, ref, +1) if month else None


def _h_last_month_en(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(2))
    if not month:
        return None
    word = m.group(1)
    if word == "this":
        return _nearest_month(month, ref, None) if ref else None
    return _month_relative(month, ref, -1 if word in ("last", "this past") else +1)


def _h_month_year_offset(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    if not month or ref is None:
        return None
    word = m.group(2)
    offset = -1 if word in ("last", "derniere", "dernier", "passee", "passe", "precedente") else (
        1 if word in ("next", "prochaine", "prochain", "suivante") else 0
    )
    return _iso_month(ref.year + offset, month)


def _h_month(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    month = _month_of(m.group(1))
    if not month or ref is None:
        return None
    return _nearest_month(month, ref, _bias(expr))


def _h_year(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    return m.group(1)


def _year_offset(offset: int) -> Handler:
    def handler(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
        return f"{ref.year + offset:04d}" if ref else None

    return handler


def _h_years_ago(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    n = _number(m.group(1))
    return f"{ref.year - n:04d}" if ref and n is not None else None


def _h_years_ahead(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    n = _number(m.group(1))
    return f"{ref.year + n:04d}" if ref and n is not None else None


def _day_offset(offset: int) -> Handler:
    def handler(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
        here = ref.date if ref else None
        return _iso_day(here + _dt.timedelta(days=offset)) if here else None

    return handler


def _week_offset(weeks: int) -> Handler:
    def handler(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
        here = ref.date if ref else None
        if here is None:
            return None
        d = here + _dt.timedelta(weeks=weeks)
        return _iso_month(d.year, d.month)

    return handler


def _month_offset(months: int) -> Handler:
    def handler(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
        if ref is None or ref.month is None:
            return None
        return _iso_month(*_shift_month(ref.year, ref.month, months))

    return handler


def _h_weekday(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    here = ref.date if ref else None
    if here is None:
        return None
    words = m.group(0)
    name = next((w for w in re.findall(r"[a-z]+", words) if w in _WEEKDAYS), None)
    if name is None:
        return None
    target = _WEEKDAYS[name]
    back = (here.weekday() - target) % 7  # days since the most recent such weekday (0 = today)
    ahead = (target - here.weekday()) % 7
    if re.search(r"\b(?:dernier|last|passe)\b", words):
        return _iso_day(here - _dt.timedelta(days=back or 7))
    if re.search(r"\b(?:prochain|next|coming)\b", words):
        return _iso_day(here + _dt.timedelta(days=ahead or 7))
    if re.search(r"\bthis\b", words):  # the same week
        return _iso_day(here + _dt.timedelta(days=target - here.weekday()))
    return _iso_day(here - _dt.timedelta(days=back))


def _h_season(m: re.Match[str], ref: _Ref | None, expr: str) -> str | None:
    if ref is None:
        return None
    text = m.group(0)
    season = next((w for w in re.findall(r"[a-z]+", text) if w in _SEASONS), None)
    if season is None:
        return None
    peak = _SEASONS[season]
    month = ref.month or 6
    if re.search(r"\b(?:dernier|derniere|last|passe)\b", text):
        return f"{ref.year if month > peak + 1 else ref.year - 1:04d}"
    if re.search(r"\b(?:prochain|prochaine|next|coming)\b", text):
        return f"{ref.year if month < peak - 1 else ref.year + 1:04d}"
    return f"{ref.year:04d}"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_WEEKDAY_RX = "(?:" + "|".join(_WEEKDAYS) + ")"
_SEASON_RX = "(?:" + "|".join(_SEASONS) + ")"

# Ordered most specific first; in a tie on length the earlier rule wins.
_RULES: list[_Rule] = [
    _Rule("iso", _rx(r"\b(\d{4})-(\d{2})-(\d{2})\b"), _h_iso),
    _Rule("numeric", _rx(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20|21)\d{2})\b"), _h_year),  # lang-aware below
    _Rule("dmy", _rx(rf"\b(?:le\s+)?{_DAY}\s+(?:of\s+)?({_MONTH_ANY})(?![a-z])\s*,?\s*{_YEAR}\b"), _h_dmy, 2),
    _Rule("mdy", _rx(rf"\b({_MONTH_ANY})(?![a-z])\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{_YEAR}\b"), _h_mdy, 1),
    _Rule("my", _rx(rf"\b({_MONTH_ANY})(?![a-z])\s*(?:de\s+l'annee\s+|of\s+|,\s*)?{_YEAR}\b"), _h_my, 1),
    _Rule("month-year-offset", _rx(
        rf"\b({_MONTH_RX})\s+(?:de\s+l'an(?:nee)?\s+(derniere|dernier|passee|passe|precedente|prochaine|prochain|"
        rf"suivante)|(last|next|this)\s+year)\b"), lambda m, r, e: _h_month_year_offset(
            cast(Any, _Shim(m, m.group(1), m.group(2) or m.group(3))), r, e), 1),
    _Rule("dm", _rx(rf"\b(?:le\s+)?{_DAY}\s+(?:of\s+)?({_MONTH_ANY})(?![a-z])"), _h_dm, 2),
    _Rule("md", _rx(rf"\b({_MONTH_ANY})(?![a-z])\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d)"), _h_md, 1),
    _Rule("month-last", _rx(rf"\b({_MONTH_RX})\s+(?:dernier|passe)\b"), _h_month_last),
    _Rule("month-next", _rx(rf"\b({_MONTH_RX})\s+prochain\b"), _h_month_next),
    _Rule("last-month-en", _rx(rf"\b(last|next|this past|this coming|this)\s+({_MONTH_RX})\b"), _h_last_month_en, 2),
    _Rule("month", _rx(rf"\b({_MONTH_RX})\b"), _h_month, 1),
    _Rule("day-before-yesterday", _rx(r"\b(?:avant-hier|the day before yesterday)\b"), _day_offset(-2)),
    _Rule("day-after-tomorrow", _rx(r"\b(?:apres-demain|the day after tomorrow)\b"), _day_offset(2)),
    _Rule("yesterday", _rx(r"\b(?:hier|yesterday)\b"), _day_offset(-1)),
    _Rule("today", _rx(
        r"(?:\baujourd'hui\b|\btoday\b|\bce matin\b|\bthis morning\b|\bce soir\b|\btonight\b|\bthis evening\b|"
        r"\bcet apres-midi\b|\bthis afternoon\b|\bce jour\b)"), _day_offset(0)),
    _Rule("tomorrow", _rx(r"\b(?:demain|tomorrow)\b"), _day_offset(1)),
    _Rule("weekday", _rx(
        rf"\b(?:(?:last|next|this|on|this coming|this past)\s+)?({_WEEKDAY_RX})(?:\s+(?:dernier|prochain))?\b"),
        _h_weekday, 1),
    _Rule("last-week", _rx(r"\b(?:la semaine (?:derniere|passee)|last week|the previous week)\b"), _week_offset(-1)),
    _Rule("this-week", _rx(r"\b(?:cette semaine|this week|earlier this week|later this week)\b"), _week_offset(0)),
    _Rule("next-week", _rx(r"\b(?:la semaine prochaine|next week|the following week)\b"), _week_offset(1)),
    _Rule("last-month", _rx(r"\b(?:le mois (?:dernier|passe)|last month|the previous month)\b"), _month_offset(-1)),
    _Rule("this-month", _rx(
        r"\b(?:ce mois-ci|ce mois|this month|earlier this month|later this month|(?:d'ici )?(?:la )?fin du mois|"
        r"the end of the month|month-end)\b"), _month_offset(0)),
    _Rule("next-month", _rx(r"\b(?:le mois prochain|next month|the following month)\b"), _month_offset(1)),
    _Rule("last-year", _rx(
        r"(?:\bl'an(?:nee)? (?:dernier|derniere|passe|passee)\b|\blast year\b|\bthe previous year\b|"
        r"\bl'annee precedente\b|\bun an plus tot\b|\ba year earlier\b|\ba year ago\b)"), _year_offset(-1)),
    _Rule("this-year", _rx(
        r"(?:\bcette annee\b|\bthis year\b|\b(?:d'ici (?:a )?)?(?:la )?fin (?:de l'annee|d'annee)\b|"
        r"\b(?:by |at )?(?:the )?end of (?:the |this )?year\b|\byear[- ]end\b|\bplus tard dans l'annee\b|"
        r"\b(?:au )?courant (?:de l'annee|d'annee)\b|\bau cours de l'annee\b|\ben debut d'annee\b|"
        r"\bdebut (?:de l'annee|d'annee)\b|\bin the coming months\b|\bdans les prochains mois\b)"), _year_offset(0)),
    _Rule("next-year", _rx(
        r"(?:\bl'an(?:nee)? (?:prochain|prochaine)\b|\bnext year\b|\bthe following year\b|\bl'annee suivante\b)"),
        _year_offset(1)),
    _Rule("years-ago", _rx(rf"(?:\bil y a {_NUMW} ans\b|\b{_NUMW} years? ago\b)"),
          lambda m, r, e: _h_years_ago(cast(Any, _Shim(m, m.group(1) or m.group(2))), r, e)),
    _Rule("years-ahead", _rx(rf"(?:\bdans {_NUMW} ans\b|\bin {_NUMW} years(?:' time)?\b)"),
          lambda m, r, e: _h_years_ahead(cast(Any, _Shim(m, m.group(1) or m.group(2))), r, e)),
    _Rule("season", _rx(
        rf"(?:\b(?:l'|cet |ce |au |en |cet |this |last |next |in the |the )?{_SEASON_RX}"
        rf"(?: (?:dernier|prochain|passe))?\b)"), _h_season),
    _Rule("year", _rx(rf"(?<![\d.,]){_YEAR}(?![\d])(?!\s?\d{{3}})(?![.,]\d)"), _h_year),
]
# The "this-year" rule and "season" rule need a cue word, so they are fine in strict mode; see _strict_ok for the rest.
# "later this year" and "earlier this year" are matched by the "this year" alternative of "this-year".


class _Shim:
    """Re-expose chosen groups of a match as groups 1, 2, ... (to reuse a handler on another pattern)."""

    def __init__(self, m: re.Match[str], *groups: str | None) -> None:
        self._m = m
        self._groups = groups

    def group(self, index: int = 0) -> str:
        return self._m.group(0) if index == 0 else (self._groups[index - 1] or "")


def _strict_ok(rule: _Rule, m: re.Match[str], folded: str, original: str, lang: str | None) -> bool:
    """In running text (find_dates), demand the cues that keep names and numbers from becoming dates."""
    if rule.month_group is not None:
        start = m.start(rule.month_group)
        word = m.group(rule.month_group)
        is_english = word.rstrip(".") in _MONTHS and _MONTHS[word.rstrip(".")] and word not in _FRENCH_NAMES
        if (is_english or word in _WEEKDAYS_EN) and not original[start].isupper():
            return False
    before = folded[max(0, m.start() - 24):m.start()]
    if rule.name == "month":
        return bool(_MONTH_CUES.search(before))
    if rule.name == "year":
        return bool(_YEAR_CUES.search(before)) and not _NOT_YEAR_AFTER.match(folded[m.end():m.end() + 30])
    return True


_FRENCH_NAMES = frozenset(list(_MONTHS)[:12] + list(_WEEKDAYS)[:7] + list(_MONTH_ABBR)[:9])
_WEEKDAYS_EN = frozenset(list(_WEEKDAYS)[7:])


def _candidates(text: str, lang: str | None, ref: _Ref | None, strict: bool) -> list[tuple[int, int, int, str]]:
    """(start, end, rule rank, iso) for every rule match that resolves."""
    folded = _fold(text)
    out: list[tuple[int, int, int, str]] = []
    for rank, rule in enumerate(_RULES):
        for m in rule.pattern.finditer(folded):
            if strict and not _strict_ok(rule, m, folded, text, lang):
                continue
            if rule.name == "numeric":
                value = _h_numeric(m, ref, folded, lang)
            else:
                value = rule.handler(m, ref, folded[max(0, m.start() - 24):m.end() + 16] if strict else folded)
            if value:
                out.append((m.start(), m.end(), rank, value))
    return out


def _select(cands: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """Non-overlapping matches, longest first, then by rule rank."""
    chosen: list[tuple[int, int, int, str]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen)


def resolve_date(expr: str, lang: str | None, article_date: str | None) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for a date expression, resolved against the article date.

    >>> resolve_date("le 3 mars 2023", "fr", None)
    '2023-03-03'
    >>> resolve_date("l'an prochain", "fr", "2024-05-02")
    '2025'
    >>> resolve_date("Sam", "en", "2024-05-02") is None
    True
    """
    if not expr or not expr.strip():
        return None
    chosen = _select(_candidates(expr, lang, _parse_ref(article_date), strict=False))
    if not chosen:
        return None
    # The expression is one date: take the longest reading (e.g. "3 mars 2023" over "2023").
    return max(chosen, key=lambda c: (c[1] - c[0], -c[2]))[3]


def find_dates(text: str, lang: str | None, article_date: str | None) -> list[tuple[int, int, str]]:
    """Date expressions in running text: (start, end, ISO value). Plain numbers and names are never dates.

    >>> text = "Sam Durand a levé 6,6 milliards hier, comme en 2023."
    >>> [(text[s:e], iso) for s, e, iso in find_dates(text, "fr", "2024-10-03")]
    [('hier', '2024-10-02'), ('2023', '2023')]
    """
    if not text:
        return []
    return [(s, e, v) for s, e, _, v in _select(_candidates(text, lang, _parse_ref(article_date), strict=True))]


def date_tense(expr: str, lang: str | None = None) -> Tense | None:
    """"past" or "future" when the expression says so ("dernier", "last", "hier" / "prochain", "next", "d'ici").

    >>> date_tense("en avril dernier"), date_tense("by year-end"), date_tense("en 2025")
    ('past', 'future', None)
    """
    folded = _fold(expr)
    if _PAST_CUES.search(folded):
        return "past"
    if _FUTURE_CUES.search(folded) or re.search(r"\b(?:fin (?:de l'annee|d'annee)|year[- ]end)\b", folded):
        return "future"
    return None
