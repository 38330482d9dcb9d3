"""Deterministic IRIs for everything kg writes (SPEC §4), minted in this one place.

>>> slug("Société Générale S.A.")
'societe-generale'
>>> Minter().organisation("OpenAI Inc.")
'https://w3id.org/newskg/id/org/openai'
>>> Minter().partnership(["OpenAI", "AI Singapore"])
'https://w3id.org/newskg/id/partnership/ai-singapore+openai'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

DEFAULT_BASE = "https://w3id.org/newskg/id/"
ONTOLOGY_IRI = "https://w3id.org/newskg/ontology"
KG_NS = ONTOLOGY_IRI + "#"
MERGED_GRAPH = "https://w3id.org/newskg/graph/merged"

# Trailing legal forms dropped from names before slugging (also the eval metric's list, plus common others).
LEGAL_SUFFIXES = (
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "co",
    "sa", "sas", "sasu", "sarl", "se", "gmbh", "ag", "kg", "nv", "bv", "spa", "srl", "ab", "asa",
    "oy", "oyj", "as", "a/s", "pty", "pte", "kk", "lp", "sca", "eurl",
)
_SUFFIX_RE = re.compile(
    r"(?:[\s,]+(?:" + "|".join(re.escape(s).replace(r"\.", "") for s in LEGAL_SUFFIXES) + r")\.?)+\s*$",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Accents folded, lower case, typographic quotes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# The legal forms that are never part of how a company is named in prose ("Vextra Robotics SAS" is "Vextra Robotics"): the
# list of the evaluation metric. "Co", "Corporation", "Limited", "A/S"… stay in the preferred label, because names
# such as "Foundry Lane Brewing Co" or "Tourism Finance Corporation" are written with them.
LABEL_SUFFIXES = ("inc", "ltd", "sa", "sas", "gmbh", "ag", "corp", "plc", "llc", "nv", "bv", "spa", "se")
_LABEL_SUFFIX_RE = re.compile(
    r"(?:[\s,]+(?:" + "|".join(re.escape(s) for s in LABEL_SUFFIXES) + r")\.?)+\s*$", re.IGNORECASE)


def _compact(name: str) -> str:
    compact = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)", r"\1", name.strip())  # S.A.S. -> SAS.
    return re.sub(r"\b([A-Za-z])\.([A-Za-z])\.?$", r"\1\2", compact)


def strip_legal_suffix(name: str) -> str:
    """'OpenAI Inc.' -> 'OpenAI'; 'Air Liquide S.A.' -> 'Air Liquide'; 'Kaito A/S' -> 'Kaito' (every legal form, for
    comparing and slugging names). Never strips the whole name."""
    stripped = _SUFFIX_RE.sub("", _compact(name)).strip(" ,")
    return stripped if stripped else name.strip()


def label_name(name: str) -> str:
    """The preferred label of an organisation: its name without the common legal forms of ``LABEL_SUFFIXES``
    ('OpenAI Inc.' -> 'OpenAI'), keeping forms that belong to how the name is written ('Foundry Lane Brewing Co')."""
    stripped = _LABEL_SUFFIX_RE.sub("", _compact(name)).strip(" ,")
    return stripped if stripped else name.strip()


def slug(name: str) -> str:
    """A stable path segment from a name: accents folded, lower case, legal suffix dropped."""
    folded = fold(strip_legal_suffix(name))
    folded = folded.replace("&", " and ").replace("+", " plus ")
    out = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return out or "x"


class Minter:
    """Mints IRIs under a base (default https://w3id.org/newskg/id/)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def organisation(self, name: str) -> str:
        return f"{self.base}org/{slug(name)}"

    def person(self, name: str) -> str:
        return f"{self.base}person/{slug(name)}"

    def place(self, geonames_id: int | None, name: str) -> str:
        if geonames_id is not None:
            return f"{self.base}place/geonames-{geonames_id}"
        return f"{self.base}place/{slug(name)}"

    def office(self, organisation: str, place_segment: str) -> str:
        return f"{self.base}office/{slug(organisation)}/{place_segment}"

    def role(self, person: str, organisation: str) -> str:
        return f"{self.base}role/{slug(person)}/{slug(organisation)}"

    def partnership(self, partners: Iterable[str]) -> str:
        return f"{self.base}partnership/" + "+".join(sorted({slug(p) for p in partners}))

    def funding(self, organisation: str, currency: str, amount: Decimal) -> str:
        units = format(amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount.normalize(), "f")
        return f"{self.base}funding/{slug(organisation)}/{currency.lower()}-{units.replace('.', '-')}"

    def article(self, key: str) -> str:
        return f"{self.base}article/{key}"

    @staticmethod
    def place_segment(place_iri: str) -> str:
        return place_iri.rsplit("/", 1)[-1]
