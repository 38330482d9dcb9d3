"""The evaluation metric on tiny hand-made extractions and gold records."""

from __future__ import annotations

from decimal import Decimal

from kg.eval import normalise_name, score_article
from kg.iris import Minter
from kg.mapping import to_triples
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Partnership, Place, Role

EV = Evidence("A sentence.", 0, 11, "test.rule", 0.9)


def _extraction() -> Extraction:
    x = Extraction(article=Article(text="A sentence.", lang="fr"), lang="fr")
    x.entities = [Entity("Organisation", "Vextra SAS"), Entity("Organisation", "Orbalis"),
                  Entity("Organisation", "Spurious Org"), Entity("Person", "Julien Marchetti")]
    lyon = Place("Lyon", "city", 2996944, (("en", "Lyon"), ("fr", "Lyon")))
    nantes = Place("Nantes", "city", None, (("fr", "Nantes"),))
    france = Place("France", "country", 3017382, (("en", "France"),))
    x.facts = [Office("Vextra SAS", lyon, "opening", EV), Office("Vextra SAS", nantes, "planned", EV),
               Office("Vextra SAS", france, "existing", EV),
               Role("Julien Marchetti", "Vextra SAS", "CEO", "PDG", EV),
               Partnership(("Vextra SAS", "Orbalis"), EV),
               FundingRound("Vextra SAS", Decimal("12050000"), "EUR", EV)]
    return x


GOLD = {
    "lang": "fr",
    "organisations": ["Vextra", "Orbalis Group"],
    "persons": ["Julien Marchetti", "Zoé Arnaud"],
    "facts": [
        {"type": "Office", "organisation": "Vextra", "city": "Lyons", "status": "opening"},
        {"type": "Office", "organisation": "Vextra", "country": "France", "status": "existing"},
        {"type": "Role", "person": "Julien Marchetti", "organisation": "Vextra", "title": "CEO"},
        {"type": "Partnership", "partners": ["Orbalis Group", "Vextra"]},
        {"type": "FundingRound", "organisation": "Vextra", "amount": 12000000, "currency": "EUR"},
    ],
    "aliases": {"Orbalis Group": ["Orbalis"], "Lyons": ["Lyon"]},
}


def test_normalise_name() -> None:
    assert normalise_name("ChargeBox Inc.") == "chargebox"
    assert normalise_name("Société Générale S.A.") == normalise_name("societe generale sa")
    assert normalise_name("Émile d'Arcy") == "emile d arcy"


def test_scores_per_kind() -> None:
    r = score_article(to_triples(_extraction(), Minter()), GOLD, "t")
    s = r.scores
    assert (s["Organisation"].tp, s["Organisation"].fp, s["Organisation"].fn) == (2, 1, 0)  # alias + suffix
    assert (s["Person"].tp, s["Person"].fp, s["Person"].fn) == (1, 0, 1)
    # Lyon matches via the gold alias; Nantes is spurious; the country-only office is not scored
    assert (s["Office"].tp, s["Office"].fp, s["Office"].fn) == (1, 1, 0)
    assert (s["Role"].tp, s["Partnership"].tp, s["FundingRound"].tp) == (1, 1, 1)  # amount within 1%
    assert {m.item for m in r.misses if m.what == "FP"} >= {"spurious org"}


def test_funding_outside_tolerance_is_a_miss() -> None:
    x = _extraction()
    x.facts = [FundingRound("Vextra SAS", Decimal("12500000"), "EUR", EV)]
    s = score_article(to_triples(x, Minter()), GOLD, "t").scores["FundingRound"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
