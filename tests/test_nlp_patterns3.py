"""Extraction rules added in the third quality round, on invented fixture sentences."""

from __future__ import annotations

import pytest

from kg.model import Article, Role
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _kinds(ex: Extractor, text: str, lang: str) -> dict[str, str]:
    return {e.name: e.kind for e in ex(Article(text=text, lang=lang, date="2025-03-10")).entities}


def _facts(ex: Extractor, text: str, lang: str, kind: type) -> list:
    return [f for f in ex(Article(text=text, lang=lang, date="2025-03-10")).facts if isinstance(f, kind)]


@pytest.mark.parametrize("lang,text,org,person", [
    ("fr", "Le groupe Vasseur Logistique a nommé Hugo Lemarchand au poste de directeur général. "
           "Il succède à Paul Vasseur, fondateur de l'entreprise.", "Vasseur Logistique", "Paul Vasseur"),
    ("fr", "Selon Agnès Roubaud, la société Roubaud Transports recrute quarante chauffeurs.",
     "Roubaud Transports", "Agnès Roubaud"),
    ("en", "Kevin Brennan, chief executive of Brennan Construction, said the firm would hire 40 engineers.",
     "Brennan Construction", "Kevin Brennan"),
])
def test_surname_and_sector_noun_is_an_organisation(ex: Extractor, lang: str, text: str, org: str,
                                                    person: str) -> None:
    kinds = _kinds(ex, text, lang)
    assert kinds.get(org) == "Organisation"
    assert kinds.get(person) == "Person"


def test_appointee_role_goes_to_the_family_company(ex: Extractor) -> None:
    text = "Le groupe Vasseur Logistique a nommé Hugo Lemarchand au poste de directeur général."
    roles = {(r.person, r.organisation) for r in _facts(ex, text, "fr", Role)}
    assert roles == {("Hugo Lemarchand", "Vasseur Logistique")}
