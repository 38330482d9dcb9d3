"""Extraction rules added in the third quality round, on invented fixture sentences."""

from __future__ import annotations

import pytest

from kg.model import Article, FundingRound, Office, Partnership, Role
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


@pytest.mark.parametrize("lang,text", [
    ("en", "Sarah Okoro, chief operating officer at Velmont Bank until 2021, joined Tessaly last year."),
    ("en", "Velmont Bank chief operating officer Sarah Okoro left before joining Tessaly."),
    ("fr", "Élise Aubrac, directrice financière de Sarlat Finance jusqu'en 2020, a témoigné."),
    ("fr", "Élise Aubrac, directrice financière de Sarlat Finance avant de rejoindre Orvane, a témoigné."),
])
def test_roles_ended_later_in_the_clause_are_former(ex: Extractor, lang: str, text: str) -> None:
    assert not [r for r in _facts(ex, text, lang, Role) if r.person == "Sarah Okoro" or r.person == "Élise Aubrac"]


def test_current_role_in_apposition_is_kept(ex: Extractor) -> None:
    roles = _facts(ex, "Sarah Okoro, chief operating officer at Velmont Bank, said sales rose.", "en", Role)
    assert {(r.person, r.organisation) for r in roles} == {("Sarah Okoro", "Velmont Bank")}


@pytest.mark.parametrize("lang,text,person,org", [
    ("fr", "La société Garnier Distribution a nommé Élise Aubrac au poste de directrice générale. "
           "Elle succède à Louis Garnier, qui reste président du conseil de surveillance.",
     "Louis Garnier", "Garnier Distribution"),
    ("fr", "Louis Garnier, qui demeure président de la société Alvane, cède ses parts.", "Louis Garnier", "Alvane"),
    ("en", "Tessaly Capital named a new chief executive. She replaces Owen Hale, who remains chairman of the board.",
     "Owen Hale", "Tessaly Capital"),
    ("en", "Tessaly, the Leeds-based growth investor, has appointed Ruth Ambler as a managing partner.",
     "Ruth Ambler", "Tessaly"),
])
def test_remaining_and_appointed_roles(ex: Extractor, lang: str, text: str, person: str, org: str) -> None:
    assert (person, org) in {(r.person, r.organisation) for r in _facts(ex, text, lang, Role)}


def test_one_agreement_with_two_partners_named_with_a_cue_is_one_fact(ex: Extractor) -> None:
    text = ("Vasseur Logistique, qui possède également des entrepôts à Lille et Rouen, a signé en mai dernier un "
            "accord de collaboration avec Trelvia et la société belge Omnisol pour équiper ses camions.")
    parts = {frozenset(p.partners) for p in _facts(ex, text, "fr", Partnership)}
    assert parts == {frozenset({"Vasseur Logistique", "Trelvia", "Omnisol"})}
    offices = {(o.organisation, o.place.name) for o in _facts(ex, text, "fr", Office)}
    assert offices == {("Vasseur Logistique", "Lille"), ("Vasseur Logistique", "Rouen")}


def test_plural_partnerships_stay_bilateral(ex: Extractor) -> None:
    text = "La société Orvane a noué des partenariats avec Trelvia et la start-up Omnisol."
    parts = {frozenset(p.partners) for p in _facts(ex, text, "fr", Partnership)}
    assert parts == {frozenset({"Orvane", "Trelvia"}), frozenset({"Orvane", "Omnisol"})}


@pytest.mark.parametrize("lang,text,org", [
    ("en", "Harbor Lane Capital previously led the Series A of Quorvia and invested in the seed round of "
           "Tessaly Labs, which raised $4.5 million in 2022.", "Tessaly Labs"),
    ("fr", "Le fonds Alvane a investi dans la start-up Trelvia, qui a levé 3 millions d'euros en 2023.", "Trelvia"),
])
def test_relative_clause_antecedent_raises_the_round(ex: Extractor, lang: str, text: str, org: str) -> None:
    assert [f.organisation for f in _facts(ex, text, lang, FundingRound)] == [org]


@pytest.mark.parametrize("lang,text,investor", [
    ("en", "Harbor Lane Capital previously led the Series A of Quorvia and invested in the seed round of "
           "Tessaly Labs, which raised $4.5 million in 2022.", "Harbor Lane Capital"),
    ("fr", "Le fonds Alvane a investi dans la start-up Trelvia, qui a levé 3 millions d'euros en 2023.", "Alvane"),
])
def test_subject_investing_in_the_round_is_an_investor(ex: Extractor, lang: str, text: str, investor: str) -> None:
    rounds = _facts(ex, text, lang, FundingRound)
    assert len(rounds) == 1 and investor in rounds[0].investors
    assert "Quorvia" not in rounds[0].investors


def test_headquarters_of_the_group_and_former_employer(ex: Extractor) -> None:
    text = ("Le groupe Vasseur Logistique a nommé Hugo Lemarchand au poste de directeur général. Hugo Lemarchand "
            "était auparavant directeur financier de la banque Sarlat. Il sera basé au siège du groupe à Nantes. "
            "Vasseur Logistique, qui possède également des entrepôts à Lille, recrute.")
    article = ex(Article(text=text, lang="fr", date="2025-03-10"))
    offices = {(o.organisation, o.place.name) for o in article.facts if isinstance(o, Office)}
    assert offices == {("Vasseur Logistique", "Nantes"), ("Vasseur Logistique", "Lille")}
    roles = {(r.person, r.organisation) for r in article.facts if isinstance(r, Role)}
    assert roles == {("Hugo Lemarchand", "Vasseur Logistique")}
