"""Money expressions in French and English news: amount in units, ISO 4217 currency, hedges.

A small grammar rather than a library: the French magnitudes ("6,6 milliards de dollars", "1,5 Md€") and the
hedges ("plus de", "près de", "about") are what the extractor needs, and no installable parser handles them.

>>> parse_money("6,6 milliards de dollars", "fr")
Money(amount=Decimal('6600000000'), currency='USD', approximate=False, lower_bound=False)
>>> parse_money("about $5m", "en")
Money(amount=Decimal('5000000'), currency='USD', approximate=True, lower_bound=False)
>>> parse_money("20 %", "fr") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["Money", "find_money", "parse_money"]


@dataclass(frozen=True)
class Money:
    """An amount of money, in units of its currency."""

    amount: Decimal
    currency: str  # ISO 4217
    approximate: bool = False  # "près de", "environ", "about", "nearly"
    lower_bound: bool = False  # "plus de", "more than", "at least"


# --- data ------------------------------------------------------------------------------------------------------------

# Symbols and codes written next to the number ("$6.6bn", "600 M€", "CHF 20m"). Longest first in the regex.
_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "₩": "KRW", "₽": "RUB", "₪": "ILS", "₺": "TRY", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "A$": "AUD",
    "AU$": "AUD", "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "Rs": "INR", "Rs.": "INR", "RMB": "CNY",
}
_CODES = ["USD", "EUR", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "CAD", "AUD", "HKD", "SGD", "NZD", "BRL", "INR", "CNY", "KRW", "RUB", "ILS", "TRY", "ZAR", "PLN", "CZK", "HUF", "MXN", "AED", "SAR", "QAR", "TWD", "THB", "IDR", "MYR", "PHP", "VND", "NGN", "KES", "EGP", "MAD", "XOF", "XAF", "ARS", "CLP", "COP"]

# Currency words, written after the number. Keys are regexes (matched case-insensitively), checked longest first.
_WORDS: list[tuple[str, str]] = [
    # French
    (r"dollars?\s+(?:am[ée]ricains?|US|des\s+[ÉE]tats-Unis)", "USD"),
    (r"dollars?\s+canadiens?", "CAD"),
    (r"dollars?\s+australiens?", "AUD"),
    (r"dollars?\s+n[ée]o-z[ée]landais", "NZD"),
    (r"dollars?\s+de\s+Hong\s?Kong", "HKD"),
    (r"dollars?\s+(?:de\s+Singapour|singapouriens?)", "SGD"),
    (r"dollars?\s+ta[ïi]wanais", "TWD"),
    (r"livres?\s+sterling", "GBP"),
    (r"francs?\s+suisses?", "CHF"),
    (r"francs?\s+CFA", "XOF"),
    (r"couronnes?\s+su[ée]doises?", "SEK"),
    (r"couronnes?\s+norv[ée]giennes?", "NOK"),
    (r"couronnes?\s+danoises?", "DKK"),
    (r"couronnes?\s+tch[èe]ques?", "CZK"),
    (r"roupies?(?:\s+indiennes?)?", "INR"),
    (r"r[ée]als?(?:\s+br[ée]siliens?)?", "BRL"),
    (r"yuans?|renminbis?", "CNY"),
    (r"yens?", "JPY"),
    (r"wons?", "KRW"),
    (r"roubles?", "RUB"),
    (r"zlotys?", "PLN"),
    (r"rands?", "ZAR"),
    (r"dirhams?", "AED"),
    (r"euros?", "EUR"),
    (r"dollars?", "USD"),
    (r"livres?", "GBP"),
    (r"francs?", "CHF"),
    # English (qualifier first)
    (r"(?:US|U\.S\.|American)\s+dollars?", "USD"),
    (r"Canadian\s+dollars?", "CAD"),
    (r"Australian\s+dollars?", "AUD"),
    (r"New\s+Zealand\s+dollars?", "NZD"),
    (r"Hong\s+Kong\s+dollars?", "HKD"),
    (r"Singapore(?:an)?\s+dollars?", "SGD"),
    (r"Taiwan(?:ese)?\s+dollars?", "TWD"),
    (r"Swiss\s+francs?", "CHF"),
    (r"Swedish\s+(?:kronor|krona|crowns?)", "SEK"),
    (r"Norwegian\s+(?:kroner|krone|crowns?)", "NOK"),
    (r"Danish\s+(?:kroner|krone|crowns?)", "DKK"),
    (r"(?:Indian\s+)?rupees?", "INR"),
    (r"Brazilian\s+reais|reais", "BRL"),
    (r"pounds?\s+sterling|pounds?|sterling", "GBP"),
    (r"kronor", "SEK"),
]

_MAGNITUDES: dict[str, int] = {
    # words
    "mille": 10**3, "thousand": 10**3,
    "million": 10**6, "millions": 10**6,
    "milliard": 10**9, "milliards": 10**9,
    "billion": 10**9, "billions": 10**9,  # French "billion" (10**12) is handled in _magnitude()
    "trillion": 10**12, "trillions": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,  # Indian English
    # abbreviations
    "k": 10**3, "md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9, "mdr": 10**9, "mdrs": 10**9,
    "m": 10**6, "mn": 10**6, "mio": 10**6, "mln": 10**6, "millions.": 10**6,
    "bn": 10**9, "b": 10**9, "bln": 10**9, "tn": 10**12, "tr": 10**12, "trn": 10**12,
}

# Number words that may stand for the figure ("un milliard d'euros", "a billion dollars").
_NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "cent": 100, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "hundred": 100,
}

_LOWER_BOUND = [
    r"plus\s+de", r"plus\s+d'", r"au\s+moins", r"au-del[àa]\s+de", r"sup[ée]rieure?s?\s+[àa]", r"pas\s+moins\s+de",
    r"more\s+than", r"over", r"at\s+least", r"upwards\s+of", r"in\s+excess\s+of", r"north\s+of", r"no\s+less\s+than",
    r"above",
]
_APPROXIMATE = [
    r"pr[èe]s\s+de", r"pr[èe]s\s+d'", r"environ", r"quelque", r"autour\s+de", r"autour\s+d'", r"presque",
    r"[àa]\s+peu\s+pr[èe]s", r"approximativement", r"quasiment", r"pas\s+loin\s+de", r"pas\s+loin\s+d'",
    r"aux\s+alentours\s+de", r"aux\s+alentours\s+d'", r"de\s+l'ordre\s+de", r"de\s+l'ordre\s+d'", r"grosso\s+modo",
    r"about", r"around", r"nearly", r"almost", r"roughly", r"approximately", r"some", r"close\s+to",
    r"an\s+estimated", r"circa", r"c\.", r"~", r"an?\s+approximate", r"just\s+under", r"just\s+over",
]

# --- regex -----------------------------------------------------------------------------------------------------------

_SPACE = "[ \u00a0\u202f\u2009\u2007]"
_OPT_SPACE = _SPACE + "?"
# A figure: digits with thousands groups (spaces only before exactly three digits) and one decimal mark.
_NUM = rf"(?<![\w.,])\d+(?:(?:[.,]|{_SPACE}(?=\d{{3}}(?!\d)))\d+)*"
_NUMWORD = r"(?<![\w])(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


def _alt(items: list[str]) -> str:
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


_SYM = _alt([re.escape(s) for s in _SYMBOLS if not s[0].isalpha()])
_ALPHA_SYM = "(?-i:" + _alt([re.escape(s) for s in _SYMBOLS if s[0].isalpha()] + _CODES) + ")"  # case matters
_MAG_WORD = r"(?:milliards?|millions?|mille|billions?|trillions?|thousand|crores?|lakhs?)"
_MAG_ABBR = r"(?:Mds|Mrds|Mdrs|Mrd|Mdr|Md|Mio|mln|bln|trn|Mn|mn|bn|tn|tr|[kKmMbB])"
_MAG = rf"(?:{_MAG_WORD}|{_MAG_ABBR}\.?)(?![\w])"
_MAG_BEFORE_SYM = rf"(?:{_MAG_WORD}|{_MAG_ABBR})"  # "600 M€", "1,5 Md€": no lookahead, a symbol follows
_CUR_WORD = "(?:" + "|".join(w for w, _ in sorted(_WORDS, key=lambda p: len(p[0]), reverse=True)) + ")"
_FIGURE = rf"(?:{_NUM}|{_NUMWORD})"
_OF = r"(?:\s+de\s+|\s+d'|\s+of\s+|\s+)"

_PATTERN = re.compile(
    rf"""
    (?P<hedge>(?<![\w']){_alt(_LOWER_BOUND + _APPROXIMATE)}\s*)?
    (?:
        # prefix symbol or code: "$6.6bn", "US$ 2 billion", "CHF 20m", "€ 600 M"
        (?:(?P<psym>{_SYM})|(?<![\w$€£¥])(?P<pcode>{_ALPHA_SYM})(?:{_OPT_SPACE}|\.?)(?=\s?\d))
        {_OPT_SPACE}(?P<pnum>{_NUM})(?:(?:{_OPT_SPACE}|-(?={_MAG_WORD}))(?P<pmag>{_MAG}))?  # "$5-million"
      |
        # figure then symbol or code: "600 M€", "1,5 Md€", "100 000 €", "20 millions USD"
        (?P<snum>{_NUM})(?:{_OPT_SPACE}(?P<smag>{_MAG_BEFORE_SYM}))?{_OPT_SPACE}
        (?:(?P<ssym>€|\$|£|¥|₹|₩|₽)|(?P<scode>(?<![\w])(?-i:{"|".join(_CODES)}))(?![\w]))
      |
        # figure then currency word: "6,6 milliards de dollars", "1 million de livres", "300 million Swedish kronor"
        (?P<wnum>{_FIGURE})(?:{_OPT_SPACE}(?P<wmag>{_MAG_WORD}|{_MAG_ABBR}(?=\s)))?{_OF}(?P<word>{_CUR_WORD})(?![\w])
    )
    (?P<post>\s+environ(?![\w]))?
    """,
    re.VERBOSE | re.IGNORECASE,
)

_WORD_RES = [(re.compile(rf"^{w}$", re.IGNORECASE), code) for w, code in _WORDS]
_BARE_AMBIGUOUS = re.compile(r"^(?:livres?|pounds?)$", re.IGNORECASE)
_LOWER_RE = re.compile(_alt(_LOWER_BOUND), re.IGNORECASE)


def _currency_of_word(word: str) -> str | None:
    plain = re.sub(r"\s+", " ", word.strip())
    for rx, code in _WORD_RES:
        if rx.match(plain):
            return code
    return None


def _magnitude(word: str | None, lang: str | None) -> int | None:
    """Multiplier for a magnitude word or abbreviation; None when it is not one."""
    if not word:
        return 1
    key = word.rstrip(".").lower()
    if lang == "fr" and key in ("billion", "billions"):
        return 10**12
    return _MAGNITUDES.get(key)


def _figure(text: str, lang: str | None) -> Decimal | None:
    """A written figure as a Decimal: "1 500 000", "1,500,000", "6,6", "6.6", "1.500" (fr), "un"."""
    word = _NUMBER_WORDS.get(text.lower())
    if word is not None:
        return Decimal(word)
    digits = re.sub(_SPACE, "", text)
    marks = [c for c in digits if c in ".,"]
    if not marks:
        number = digits
    elif len(set(marks)) == 2:  # both: the last one is the decimal mark
        dec = marks[-1]
        other = "," if dec == "." else "."
        if digits.count(dec) > 1:
            return None
        number = digits.replace(other, "").replace(dec, ".")
    else:
        mark = marks[0]
        parts = digits.split(mark)
        groups_of_three = all(len(p) == 3 for p in parts[1:])
        decimal_mark = "," if lang == "fr" else "."
        if len(parts) > 2:
            if not groups_of_three:
                return None
            number = "".join(parts)
        elif mark != decimal_mark and groups_of_three:
            number = "".join(parts)
        else:
            number = ".".join(parts)
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> Decimal:
    """6600000000.0 -> 6600000000; keep real fractions (12.5)."""
    integral = value.to_integral_value()
    return integral if integral == value else value.normalize()


def _from_match(m: re.Match[str], lang: str | None) -> Money | None:
    if m.group("pnum") is not None:
        num, mag = m.group("pnum"), m.group("pmag")
        currency = _SYMBOLS.get(m.group("psym") or "") or _SYMBOLS.get(m.group("pcode") or "")
        if currency is None and m.group("pcode"):
            currency = m.group("pcode").upper()
    elif m.group("snum") is not None:
        num, mag = m.group("snum"), m.group("smag")
        currency = _SYMBOLS.get(m.group("ssym") or "") or (m.group("scode") or "").upper()
    else:
        num, mag = m.group("wnum"), m.group("wmag")
        currency = _currency_of_word(m.group("word"))
        if not mag and (num.lower() in _NUMBER_WORDS or _BARE_AMBIGUOUS.match(m.group("word"))):
            return None  # "un euro"; "3 livres" (books), "5 pounds" (weight) need a magnitude to be money
    if not currency:
        return None
    figure = _figure(num, lang)
    multiplier = _magnitude(mag, lang)
    if figure is None or multiplier is None:
        return None
    hedge = m.group("hedge") or ""
    lower = bool(hedge and _LOWER_RE.fullmatch(hedge.strip()))
    approximate = bool(hedge and not lower) or bool(m.group("post"))
    return Money(_plain(figure * multiplier), currency, approximate=approximate, lower_bound=lower)


def find_money(text: str, lang: str | None) -> list[tuple[int, int, Money]]:
    """Every money expression in ``text``: (start, end, Money). The span includes a leading hedge ("plus de").

    >>> [(text[s:e], m.amount) for text in ["Elle lève 600 M€ et plus de 1,5 Md€."]
    ...  for s, e, m in find_money(text, "fr")]
    [('600 M€', Decimal('600000000')), ('plus de 1,5 Md€', Decimal('1500000000'))]
    """
    out: list[tuple[int, int, Money]] = []
    text = text.replace("\u2019", "'")  # same length: offsets unchanged
    for m in _PATTERN.finditer(text):
        money = _from_match(m, lang)
        if money is not None:
            start, end = m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            out.append((start, end, money))
    return out


def parse_money(text: str, lang: str | None) -> Money | None:
    """The money expression in ``text`` (the first one when there are several), or None.

    >>> parse_money("1,5 milliard d'euros", "fr").amount
    Decimal('1500000000')
    >>> parse_money("$6.6 billion", "en").currency
    'USD'
    """
    found = find_money(text, lang)
    return found[0][2] if found else None
