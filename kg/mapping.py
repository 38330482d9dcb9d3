"""Extraction -> RDF triples, following the ontology contract (SPEC §3) and the IRIs of SPEC §4.

The triples of one article are returned as a list; :mod:`kg.store` writes them into the article's named
graph and keeps the merged graph in step.
"""

from __future__ import annotations

from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Triple

from kg.iris import Minter, label_name
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Partnership, Place, Role
from kg.vocab import GEO, KG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

RDF_TYPE = NamedNode(RDF.type)
RDFS_LABEL = NamedNode(RDFS.label)
SKOS_ALT = NamedNode(SKOS.altLabel)
OWL_SAME_AS = NamedNode(OWL.sameAs)
PROV_DERIVED = NamedNode(PROV.wasDerivedFrom)
GEONAMES = "https://sws.geonames.org/"


def _kg(term: str) -> NamedNode:
    """A term of the kg ontology; a name that is not in ontology/kg.ttl fails at once (kg.vocab)."""
    return NamedNode(getattr(KG, term))


def _xsd(term: str) -> NamedNode:
    return NamedNode(getattr(XSD, term))


def date_literal(iso: str) -> Literal:
    """'2024' -> xsd:gYear, '2024-10' -> xsd:gYearMonth, '2024-10-03' -> xsd:date."""
    kinds = {4: "gYear", 7: "gYearMonth", 10: "date"}
    kind = kinds.get(len(iso))
    if kind is None:
        raise ValueError(f"not an ISO date: {iso!r}")
    return Literal(iso, datatype=_xsd(kind))


def decimal_literal(value: Decimal | float) -> Literal:
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return Literal(text, datatype=_xsd("decimal"))


def _fmt_amount(amount: Decimal) -> str:
    return f"{amount:,.0f}" if amount == amount.to_integral() else f"{amount:,}"


class _Builder:
    def __init__(self, minter: Minter, article_iri: NamedNode) -> None:
        self.minter = minter
        self.article = article_iri
        self.triples: list[Triple] = []
        self._seen: set[Triple] = set()

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        t = Triple(s, p, o)
        if t not in self._seen:
            self._seen.add(t)
            self.triples.append(t)

    def provenance(self, node: NamedNode, ev: Evidence) -> None:
        self.add(node, PROV_DERIVED, self.article)
        self.add(node, _kg("evidence"), Literal(ev.sentence))
        self.add(node, _kg("evidenceStart"), Literal(str(ev.start), datatype=_xsd("integer")))
        self.add(node, _kg("evidenceEnd"), Literal(str(ev.end), datatype=_xsd("integer")))
        self.add(node, _kg("extractedBy"), Literal(ev.rule))
        self.add(node, _kg("confidence"), decimal_literal(Decimal(str(round(ev.confidence, 3)))))


def article_triples(b: _Builder, article: Article, lang: str) -> None:
    a = b.article
    b.add(a, RDF_TYPE, _kg("Article"))
    b.add(a, _kg("contentHash"), Literal(article.content_hash))
    b.add(a, NamedNode(SCHEMA.inLanguage), Literal(lang))
    if article.title:
        b.add(a, NamedNode(SCHEMA.headline), Literal(article.title))
    if article.date:
        b.add(a, NamedNode(SCHEMA.datePublished), date_literal(article.date))
    if article.url:
        b.add(a, NamedNode(SCHEMA.url), Literal(article.url, datatype=_xsd("anyURI")))


def entity_node(minter: Minter, entity: Entity) -> NamedNode:
    if entity.kind == "Person":
        return NamedNode(minter.person(entity.name))
    return NamedNode(minter.organisation(entity.name))


def entity_triples(b: _Builder, entity: Entity) -> NamedNode:
    node = entity_node(b.minter, entity)
    b.add(node, RDF_TYPE, _kg(entity.kind))
    label = label_name(entity.name) if entity.kind == "Organisation" else entity.name
    b.add(node, RDFS_LABEL, Literal(label))
    for alias in sorted({entity.name, *entity.aliases} - {label}):
        b.add(node, SKOS_ALT, Literal(alias))
    b.add(node, _kg("mentionedIn"), b.article)
    return node


def place_node(minter: Minter, place: Place) -> NamedNode:
    return NamedNode(minter.place(place.geonames_id, place.name))


def place_triples(b: _Builder, place: Place) -> NamedNode:
    node = place_node(b.minter, place)
    b.add(node, RDF_TYPE, _kg("Place"))
    b.add(node, RDF_TYPE, _kg("City" if place.kind == "city" else "Country"))
    labels = dict(place.labels) or {"en": place.name}
    labels.setdefault("en", place.name)
    for lang, label in sorted(labels.items()):
        b.add(node, RDFS_LABEL, Literal(label, language=lang))
    if place.as_written and place.as_written not in labels.values():
        b.add(node, SKOS_ALT, Literal(place.as_written))
    if place.geonames_id is not None:
        b.add(node, _kg("geonamesId"), Literal(str(place.geonames_id), datatype=_xsd("integer")))
        b.add(node, OWL_SAME_AS, NamedNode(f"{GEONAMES}{place.geonames_id}/"))
    if place.lat is not None and place.long is not None:
        b.add(node, NamedNode(GEO.lat), decimal_literal(Decimal(str(place.lat))))
        b.add(node, NamedNode(GEO.long), decimal_literal(Decimal(str(place.long))))
    if place.country is not None and place.country != place:
        country = place_triples(b, place.country)
        b.add(node, _kg("country"), country)
    return node


def _label(b: _Builder, node: NamedNode, text: str) -> None:
    b.add(node, RDFS_LABEL, Literal(text))


def _ref(b: _Builder, extraction: Extraction, name: str) -> NamedNode:
    """The node of an entity named by a fact; facts only name entities of the extraction, but be tolerant."""
    entity = extraction.entity(name) or Entity(kind="Organisation", name=name)
    if extraction.entity(name) is None:
        entity_triples(b, entity)
    return entity_node(b.minter, entity)


def office_triples(b: _Builder, ex: Extraction, fact: Office) -> None:
    org = _ref(b, ex, fact.organisation)
    place = place_triples(b, fact.place)
    node = NamedNode(b.minter.office(fact.organisation, Minter.place_segment(place.value)))
    b.add(org, _kg("hasOffice"), node)
    b.add(node, RDF_TYPE, _kg("Office"))
    _label(b, node, f"{label_name(fact.organisation)} office in {fact.place.name}")
    b.add(node, _kg("locatedIn"), place)
    b.add(node, _kg("status"), Literal(fact.status))
    if fact.start_date:
        b.add(node, _kg("startDate"), date_literal(fact.start_date))
    b.provenance(node, fact.evidence)


def role_triples(b: _Builder, ex: Extraction, fact: Role) -> None:
    person = _ref_kind(b, ex, fact.person, "Person")
    org = _ref(b, ex, fact.organisation)
    node = NamedNode(b.minter.role(fact.person, fact.organisation))
    b.add(node, RDF_TYPE, _kg("Role"))
    _label(b, node, f"{fact.person}, {fact.title} of {label_name(fact.organisation)}")
    b.add(node, _kg("person"), person)
    b.add(node, _kg("organisation"), org)
    b.add(node, _kg("title"), Literal(fact.title))
    b.add(node, _kg("titleAsWritten"), Literal(fact.title_as_written))
    if fact.based_at is not None:
        b.add(node, _kg("basedAt"), place_triples(b, fact.based_at))
    b.provenance(node, fact.evidence)


def _ref_kind(b: _Builder, ex: Extraction, name: str, kind: str) -> NamedNode:
    entity = ex.entity(name)
    if entity is None:
        entity = Entity(kind=kind, name=name)  # type: ignore[arg-type]
        entity_triples(b, entity)
    return entity_node(b.minter, entity)


def partnership_triples(b: _Builder, ex: Extraction, fact: Partnership) -> None:
    partners = sorted(set(fact.partners))
    node = NamedNode(b.minter.partnership(partners))
    b.add(node, RDF_TYPE, _kg("Partnership"))
    _label(b, node, "Partnership of " + " and ".join(label_name(p) for p in partners))
    for p in partners:
        b.add(node, _kg("partner"), _ref(b, ex, p))
    if fact.announced_on:
        b.add(node, _kg("announcedOn"), date_literal(fact.announced_on))
    if fact.purpose:
        b.add(node, _kg("purpose"), Literal(fact.purpose))
    b.provenance(node, fact.evidence)


def funding_triples(b: _Builder, ex: Extraction, fact: FundingRound) -> None:
    org = _ref(b, ex, fact.organisation)
    node = NamedNode(b.minter.funding(fact.organisation, fact.currency, fact.amount))
    b.add(node, RDF_TYPE, _kg("FundingRound"))
    series = f" ({fact.series})" if fact.series else ""
    _label(b, node, f"{label_name(fact.organisation)} raised {_fmt_amount(fact.amount)} {fact.currency}{series}")
    b.add(node, _kg("raisedBy"), org)
    b.add(node, _kg("amount"), decimal_literal(fact.amount))
    b.add(node, _kg("currency"), Literal(fact.currency))
    if fact.series:
        b.add(node, _kg("series"), Literal(fact.series))
    for inv in fact.investors:
        b.add(node, _kg("investor"), _ref(b, ex, inv))
    for inv in fact.lead_investors:
        ref = _ref(b, ex, inv)
        b.add(node, _kg("leadInvestor"), ref)
        b.add(node, _kg("investor"), ref)
    if fact.valuation is not None:
        b.add(node, _kg("valuation"), decimal_literal(fact.valuation))
    if fact.announced_on:
        b.add(node, _kg("announcedOn"), date_literal(fact.announced_on))
    b.provenance(node, fact.evidence)


def to_triples(extraction: Extraction, minter: Minter | None = None) -> list[Triple]:
    """All triples an article supports: the article, its entities, places and facts with provenance.

    >>> from kg.model import Article, Extraction
    >>> ex = Extraction(article=Article(text="Hello."), lang="en")
    >>> len(to_triples(ex))
    3
    """
    minter = minter or Minter()
    article_iri = NamedNode(minter.article(extraction.article.key))
    b = _Builder(minter, article_iri)
    article_triples(b, extraction.article, extraction.lang)
    for entity in extraction.entities:
        entity_triples(b, entity)
    for place in extraction.places:
        node = place_triples(b, place)
        b.add(node, _kg("mentionedIn"), article_iri)
    handlers = {Office: office_triples, Role: role_triples, Partnership: partnership_triples, FundingRound: funding_triples}
    for fact in extraction.facts:
        handlers[type(fact)](b, extraction, fact)  # type: ignore[operator]
    return b.triples


def article_iri(extraction_or_article: Extraction | Article, minter: Minter | None = None) -> str:
    art = extraction_or_article.article if isinstance(extraction_or_article, Extraction) else extraction_or_article
    return (minter or Minter()).article(art.key)


__all__ = ["to_triples", "article_iri", "date_literal", "decimal_literal"]
