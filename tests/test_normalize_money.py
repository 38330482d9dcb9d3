"""kg.normalize.money: amounts, currencies, hedges; nothing else is money."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize.money import find_money, parse_money

CASES = [
    ("6,6 milliards de dollars", "fr", "6600000000", "USD"),
    ("$6.6bn", "en", "6600000000", "USD"),
    ("$6.6 billion", "en", "6600000000", "USD"),
    ("US$2bn", "en", "2000000000", "USD"),
    ("€600m", "en", "600000000", "EUR"),
    ("€ 600 M", "fr", "600000000", "EUR"),
    ("1,5 Md€", "fr", "1500000000", "EUR"),
    ("1,5 milliard d'euros", "fr", "1500000000", "EUR"),
    ("1,5 milliard d\u2019euros", "fr", "1500000000", "EUR"),
    ("£3.2m", "en", "3200000", "GBP"),
    ("£3.2 million", "en", "3200000", "GBP"),
    ("600 M€", "fr", "600000000", "EUR"),
    ("600 millions d'euros", "fr", "600000000", "EUR"),
    ("$ 50 million", "en", "50000000", "USD"),
    ("25 millions de francs suisses", "fr", "25000000", "CHF"),
    ("100 000 euros", "fr", "100000", "EUR"),
    ("100\u202f000 euros", "fr", "100000", "EUR"),
    ("100\u00a0000\u00a0€", "fr", "100000", "EUR"),
    ("1 million de livres", "fr", "1000000", "GBP"),
    ("¥5bn", "en", "5000000000", "JPY"),
    ("CHF 20m", "en", "20000000", "CHF"),
    ("SEK 300 million", "en", "300000000", "SEK"),
    ("$1.2 trillion", "en", "1200000000000", "USD"),
    ("1,500,000 dollars", "en", "1500000", "USD"),
    ("$1,500,000", "en", "1500000", "USD"),
    ("1 500 000 euros", "fr", "1500000", "EUR"),
    ("20 millions USD", "fr", "20000000", "USD"),
    ("300 million Swedish kronor", "en", "300000000", "SEK"),
    ("a billion dollars", "en", "1000000000", "USD"),
    ("un milliard d'euros", "fr", "1000000000", "EUR"),
    ("1 billion de dollars", "fr", "1000000000000", "USD"),  # French "billion" is 10^12
    ("12 M$", "fr", "12000000", "USD"),
    ("$6.6bn", "fr", "6600000000", "USD"),
]


@pytest.mark.parametrize(("text", "lang", "amount", "currency"), CASES)
def test_money_amount_and_currency(text: str, lang: str, amount: str, currency: str) -> None:
    money = parse_money(text, lang)
    assert money is not None
    assert money.amount == Decimal(amount)
    assert money.currency == currency
    assert not money.approximate and not money.lower_bound


def test_money_amount_is_plain_integer() -> None:
    assert str(parse_money("6,6 milliards de dollars", "fr").amount) == "6600000000"


@pytest.mark.parametrize(
    ("text", "lang", "approximate", "lower_bound"),
    [
        ("plus de 100 millions d'euros", "fr", False, True),
        ("plus d'un milliard d'euros", "fr", False, True),
        ("more than $5m", "en", False, True),
        ("at least €10 million", "en", False, True),
        ("près de 5 M€", "fr", True, False),
        ("environ 5 millions de dollars", "fr", True, False),
        ("aux alentours de 2 milliards d'euros", "fr", True, False),
        ("about $5m", "en", True, False),
        ("nearly $5m", "en", True, False),
        ("roughly £40 million", "en", True, False),
    ],
)
def test_money_hedges(text: str, lang: str, approximate: bool, lower_bound: bool) -> None:
    money = parse_money(text, lang)
    assert money is not None
    assert (money.approximate, money.lower_bound) == (approximate, lower_bound)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("6,6", "fr"), ("20 %", "fr"), ("20%", "en"), ("en 2024", "fr"), ("in 2024", "en"), ("1 500 000", "fr"),
        ("6,6 milliards", "fr"), ("il a écrit 3 livres", "fr"), ("he lost 5 pounds", "en"), ("try 5 times", "en"),
        ("600m from the coast", "en"), ("", "fr"), ("Series A", "en"),
    ],
)
def test_not_money(text: str, lang: str) -> None:
    assert parse_money(text, lang) is None
    assert find_money(text, lang) == []


def test_find_money_spans_in_a_sentence() -> None:
    text = "La société, qui emploie 250 personnes, lève 600 M€ en 2024 après plus de 1,5 Md€ et 20 % de croissance."
    found = find_money(text, "fr")
    assert [text[s:e] for s, e, _ in found] == ["600 M€", "plus de 1,5 Md€"]
    assert [m.amount for _, _, m in found] == [Decimal("600000000"), Decimal("1500000000")]
    assert found[1][2].lower_bound


def test_find_money_english_sentence() -> None:
    text = "The startup, founded in 2019, raised $50 million at a $1.2bn valuation, up 30% on the year."
    found = find_money(text, "en")
    assert [(text[s:e], m.amount) for s, e, m in found] == [
        ("$50 million", Decimal("50000000")), ("$1.2bn", Decimal("1200000000"))]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["fr", "en", None]))
def test_money_never_raises(text: str, lang: str | None) -> None:
    for start, end, money in find_money(text, lang):
        assert 0 <= start < end <= len(text)
        assert money.amount >= 0
    parse_money(text, lang)


@pytest.mark.parametrize("text,amount", [("Rs 500 crore", 5_000_000_000), ("₹1,200 crore", 12_000_000_000),
                                         ("Rs 40 lakh", 4_000_000)])
def test_indian_magnitudes(text: str, amount: int) -> None:
    m = parse_money(text, "en")
    assert m is not None and (m.amount, m.currency) == (amount, "INR")


@pytest.mark.parametrize("text,amount,currency", [("a C$22-million Series A", 22_000_000, "CAD"),
                                                  ("its $5-million seed round", 5_000_000, "USD"),
                                                  ("a US$1.5-billion deal", 1_500_000_000, "USD")])
def test_hyphenated_magnitude(text: str, amount: int, currency: str) -> None:
    m = parse_money(text, "en")
    assert m is not None and (m.amount, m.currency) == (amount, currency)
