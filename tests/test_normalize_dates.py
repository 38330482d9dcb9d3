"""kg.normalize.dates: expressions resolved against the article date; nothing invented from numbers or names."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize.dates import date_tense, find_dates, resolve_date


@pytest.mark.parametrize(
    ("expr", "lang", "article", "expected"),
    [
        ("en avril dernier", "fr", "2024-10", "2024-04"),
        ("en avril dernier", "fr", "2024-03", "2023-04"),
        ("last April", "en", "2024-10-02", "2024-04"),
        ("last April", "en", "2024-03-02", "2023-04"),
        ("in April", "en", "2024-10-02", "2024-04"),
        ("in April", "en", "2024-03-02", "2024-04"),
        ("in December", "en", "2024-01-20", "2023-12"),
        ("avril prochain", "fr", "2024-10-02", "2025-04"),
        ("le 3 mars 2023", "fr", None, "2023-03-03"),
        ("le 1er juillet 2022", "fr", None, "2022-07-01"),
        ("March 3, 2023", "en", None, "2023-03-03"),
        ("3 March 2023", "en", None, "2023-03-03"),
        ("avril 2023", "fr", None, "2023-04"),
        ("hier", "fr", "2024-06-12", "2024-06-11"),
        ("yesterday", "en", "2024-06-01", "2024-05-31"),
        ("aujourd'hui", "fr", "2024-06-12", "2024-06-12"),
        ("aujourd\u2019hui", "fr", "2024-06-12", "2024-06-12"),
        ("today", "en", "2024-06-12", "2024-06-12"),
        ("lundi", "fr", "2024-06-12", "2024-06-10"),
        ("on Monday", "en", "2024-06-12", "2024-06-10"),
        ("lundi prochain", "fr", "2024-06-12", "2024-06-17"),
        ("d'ici la fin de l'année", "fr", "2024-06-12", "2024"),
        ("by year-end", "en", "2024-06", "2024"),
        ("by the end of the year", "en", "2024-06-12", "2024"),
        ("later this year", "en", "2024-06-12", "2024"),
        ("l'an prochain", "fr", "2024-06-12", "2025"),
        ("next year", "en", "2024", "2025"),
        ("l'année dernière", "fr", "2024-06", "2023"),
        ("en 2025", "fr", "2024-06-12", "2025"),
        ("en 2024", "fr", None, "2024"),
        ("in Q3 2025", "en", "2024-06-12", "2025"),
        ("début 2025", "fr", None, "2025"),
        ("il y a deux ans", "fr", "2024-01-01", "2022"),
        ("le mois dernier", "fr", "2024-01-03", "2023-12"),
        ("2024-03-12", "en", None, "2024-03-12"),
        ("12/03/2024", "fr", None, "2024-03-12"),
    ],
)
def test_resolve_date(expr: str, lang: str, article: str | None, expected: str) -> None:
    assert resolve_date(expr, lang, article) == expected


@pytest.mark.parametrize(
    ("expr", "lang", "article"),
    [
        ("Sam", "en", "2024-06-12"), ("6,6", "fr", "2024-06-12"), ("", "fr", None), ("hier", "fr", "2024-06"),
        ("en avril dernier", "fr", None), ("lundi", "fr", "2024"), ("la société", "fr", "2024-06-12"),
    ],
)
def test_resolve_date_none(expr: str, lang: str, article: str | None) -> None:
    assert resolve_date(expr, lang, article) is None


def test_find_dates_ignores_numbers_and_names() -> None:
    text = "Sam Altman a levé 6,6 milliards hier, comme en 2023, avec 2000 salariés."
    found = find_dates(text, "fr", "2024-10-03")
    assert [(text[s:e], v) for s, e, v in found] == [("hier", "2024-10-02"), ("2023", "2023")]


def test_find_dates_english_month_names_need_a_capital_and_a_cue() -> None:
    text = "Theresa May said in May that the March 3 deal will march on; the team may grow by year-end."
    found = find_dates(text, "en", "2024-06-12")
    assert [(text[s:e], v) for s, e, v in found] == [
        ("May", "2024-05"), ("March 3", "2024-03-03"), ("year-end", "2024")]


def test_find_dates_bare_numbers_are_not_years() -> None:
    text = "Revenue rose 20% to $2,024m with 2024 guidance and 1999 employees."
    assert find_dates(text, "en", "2024-06-12") == []


@pytest.mark.parametrize(
    ("expr", "tense"),
    [
        ("en avril dernier", "past"), ("last year", "past"), ("hier", "past"), ("two years ago", "past"),
        ("l'an prochain", "future"), ("next month", "future"), ("d'ici 2027", "future"), ("by year-end", "future"),
        ("en 2025", None), ("le 3 mars 2023", None),
    ],
)
def test_date_tense(expr: str, tense: str | None) -> None:
    assert date_tense(expr) == tense


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["fr", "en", None]),
       st.sampled_from([None, "2024", "2024-02", "2024-02-29", "garbage", "2024-13-40"]))
def test_dates_never_raise(text: str, lang: str | None, article: str | None) -> None:
    for start, end, value in find_dates(text, lang, article):
        assert 0 <= start < end <= len(text)
        assert len(value) in (4, 7, 10)
    resolve_date(text, lang, article)
    date_tense(text)
