"""Plain records passed between the parts of kg.

Readers produce :class:`Article`; the extractor turns an article into an
:class:`Extraction` (entities and facts, each fact with its :class:`Evidence`);
:mod:`kg.mapping` turns an extraction into RDF.  Nothing here imports a heavy library.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

OfficeStatus = Literal["existing", "opening", "planned", "closed"]
EntityKind = Literal["Organisation", "Person"]


@dataclass
class Article:
    """One source article, as read from a file, a JSON object or stdin."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    lang: str | None = None  # "fr", "en" or None (detect)
    source: str | None = None  # where it was read from (path, "path:line", "-")

    @property
    def key(self) -> str:
        """First 16 hex digits of the SHA-256 of the URL, or of the text when there is no URL."""
        basis = self.url.strip() if self.url and self.url.strip() else self.text
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]

    @property
    def content_hash(self) -> str:
        """SHA-256 of everything that can change what is extracted from the article."""
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.date or "", self.url or "", self.lang or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True)
class Place:
    """A city or a country, resolved to GeoNames when possible."""

    name: str  # preferred English name ("Brussels")
    kind: Literal["city", "country"] = "city"
    geonames_id: int | None = None
    labels: tuple[tuple[str, str], ...] = ()  # ((lang, label), ...), e.g. (("en", "Brussels"), ("fr", "Bruxelles"))
    country: Place | None = None  # the country of a city
    lat: float | None = None
    long: float | None = None
    as_written: str | None = None  # the form seen in the article ("Bruxelles")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence as written and its character offsets in Article.text."""

    sentence: str
    start: int
    end: int
    rule: str  # the rule or model that produced the fact, e.g. "fr.office.open-verb"
    confidence: float = 0.8


@dataclass
class Entity:
    """An organisation or a person named in the article (one per canonical name)."""

    kind: EntityKind
    name: str  # canonical written form, fullest seen ("Sam Altman", "OpenAI Inc.")
    aliases: set[str] = field(default_factory=set)  # other forms seen ("Altman", "la société OpenAI")
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets in Article.text


@dataclass
class Office:
    organisation: str  # canonical name of an Entity of kind Organisation
    place: Place
    status: OfficeStatus
    evidence: Evidence
    start_date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD


@dataclass
class Role:
    person: str  # canonical name of a Person entity
    organisation: str  # canonical name of an Organisation entity
    title: str  # normalised English ("CEO", "managing director", "co-founder")
    title_as_written: str  # as in the text ("PDG", "directeur général")
    evidence: Evidence
    based_at: Place | None = None


@dataclass
class Partnership:
    partners: tuple[str, ...]  # canonical organisation names, two or more
    evidence: Evidence
    announced_on: str | None = None
    purpose: str | None = None


@dataclass
class FundingRound:
    organisation: str  # who raised
    amount: Decimal  # in units of currency
    currency: str  # ISO 4217
    evidence: Evidence
    series: str | None = None  # "Seed", "Series A", ...
    investors: tuple[str, ...] = ()  # canonical names (organisations or persons), lead first
    lead_investors: tuple[str, ...] = ()
    valuation: Decimal | None = None
    announced_on: str | None = None


Fact = Office | Role | Partnership | FundingRound


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    lang: str
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def entity(self, name: str) -> Entity | None:
        for e in self.entities:
            if e.name == name:
                return e
        return None
