"""Who an article is about: short forms of the subject's name, a name the headline introduces, and investors that
are named more often than the company they back (every fixture uses invented names)."""

from __future__ import annotations

import pytest

from kg.model import Article, FundingRound, Office, Role
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _run(ex: Extractor, text: str, lang: str, title: str = "") -> tuple[dict[str, str], list[object]]:
    x = ex(Article(text=text, title=title or None, lang=lang, date="2025-03-10"))
    return {e.name: e.kind for e in x.entities}, list(x.facts)


def test_short_form_after_the_full_name_is_the_same_company(ex: Extractor) -> None:
    text = ("A Cardiff maker of radar filters, Brackenfield Sensor Systems, has opened a second plant in Swansea. "
            "Brackenfield now employs 140 people, said chief executive Dilys Morgan.")
    entities, facts = _run(ex, text, "en")
    assert "Brackenfield Sensor Systems" in entities and "Brackenfield" not in entities
    assert {(f.organisation, f.place.name) for f in facts if isinstance(f, Office)} == {
        ("Brackenfield Sensor Systems", "Swansea")}


def test_a_longer_name_after_the_short_one_is_another_company(ex: Extractor) -> None:
    text = ("La start-up Velmora fabrique des onduleurs à Grenoble. Velmora a créé l'an dernier sa filiale "
            "espagnole, Velmora Iberia, qui emploie douze personnes.")
    entities, _ = _run(ex, text, "fr")
    assert entities.get("Velmora") == "Organisation"
    assert entities.get("Velmora Iberia") == "Organisation"


def test_a_country_after_the_name_is_a_subsidiary(ex: Extractor) -> None:
    text = ("Quenby France, la filiale du groupe, est installée à Lille. Le groupe Quenby emploie 900 personnes "
            "en Europe et Quenby a ouvert un bureau à Gand.")
    entities, _ = _run(ex, text, "fr")
    assert "Quenby France" in entities and "Quenby" in entities


@pytest.mark.parametrize("suffix", ["A/S", "ApS", "Oy", "AB"])
def test_nordic_legal_suffixes_stay_in_the_name(ex: Extractor, suffix: str) -> None:
    text = f"Skarholt Wind {suffix} said on Tuesday it would build a blade factory in Aarhus."
    entities, _ = _run(ex, text, "en")
    assert f"Skarholt Wind {suffix}" in entities


def test_a_name_the_headline_introduces_with_a_company_noun(ex: Extractor) -> None:
    title = "La fintech nantaise Ozalby lève 5 millions d'euros"
    text = ("Ozalby, qui développe un terminal de paiement pour les artisans, annonce avoir bouclé un tour de "
            "table de 5 millions d'euros. L'opération est menée par Corvane Capital.")
    entities, facts = _run(ex, text, "fr", title)
    assert entities.get("Ozalby") == "Organisation"
    assert [(f.organisation, f.amount) for f in facts if isinstance(f, FundingRound)] == [("Ozalby", 5_000_000)]


def test_an_investor_named_more_often_is_not_the_subject(ex: Extractor) -> None:
    text = ("À Arras, la PME Mavrin Logistique construit un entrepôt de 40 000 m². "
            "L'entreprise familiale a levé 6 millions d'euros auprès du fonds régional Artois Développement. "
            "« Avec Artois Développement, nous avons un actionnaire patient », "
            "explique Léa Mavrin, présidente de la société. Artois Développement détient désormais 20 % du capital.")
    _, facts = _run(ex, text, "fr")
    assert {f.organisation for f in facts if isinstance(f, FundingRound)} == {"Mavrin Logistique"}
    assert ("Léa Mavrin", "Mavrin Logistique") in {(f.person, f.organisation) for f in facts if isinstance(f, Role)}


def test_no_subject_rather_than_an_investor(ex: Extractor) -> None:
    text = ("La société familiale ouvre son capital au fonds régional Artois Développement. "
            "« Avec Artois Développement, nous avons un actionnaire patient », explique Léa Mavrin, présidente "
            "de la société.")
    _, facts = _run(ex, text, "fr")
    assert not [f for f in facts if isinstance(f, Role)]


@pytest.mark.parametrize("lang,text,currency", [
    ("fr", "La start-up montréalaise Brivelle lève 4 millions de dollars. Basée à Montréal, au Québec, elle vise "
           "le marché canadien.", "CAD"),
    ("fr", "La start-up montréalaise Brivelle lève 4 millions de dollars américains. Basée à Montréal, au Québec, "
           "elle vise le marché canadien.", "USD"),
    ("fr", "La start-up new-yorkaise Brivelle lève 4 millions de dollars pour s'étendre aux États-Unis.", "USD"),
    ("en", "Montreal-based Brivelle has raised $4 million to grow across Canada and Quebec.", "USD"),
])
def test_bare_dollars_in_quebec_french_news_are_canadian(ex: Extractor, lang: str, text: str, currency: str) -> None:
    _, facts = _run(ex, text, lang)
    assert [f.currency for f in facts if isinstance(f, FundingRound)] == [currency]


def test_a_capital_elided_article_is_part_of_the_name(ex: Extractor) -> None:
    text = ("Le groupe de cosmétiques L'Azurelle ouvre une usine à Tours. "
            "Sa directrice est arrivée chez L'Azurelle en 2020.")
    entities, _ = _run(ex, text, "fr")
    assert entities.get("L'Azurelle") == "Organisation" and "Azurelle" not in entities


def test_hyphenated_adjectives_are_not_names(ex: Extractor) -> None:
    text = ("Abu Dhabi-based Qassar Ports Group signed a partnership with Dellaert Haven on Monday. Lumbry plans to "
            "launch Portuguese-language shows through a partnership with Veltrano.")
    entities, _ = _run(ex, text, "en")
    assert "Qassar Ports Group" in entities
    assert not [n for n in entities if "-based" in n or "language" in n.lower()]


def test_an_elided_anaphor_that_raised_money_is_not_a_name(ex: Extractor) -> None:
    text = ("Helvorix ouvre un bureau à Genève. L'entreprise, dont le siège est à Lausanne, avait levé 45 millions de "
            "francs suisses en 2024 auprès de Vardane Capital.")
    entities, facts = _run(ex, text, "fr")
    assert "L'entreprise" not in entities
    assert {f.organisation for f in facts if isinstance(f, FundingRound)} == {"Helvorix"}
