"""FundingRound and Partnership rules (invented names and sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article, FundingRound, Partnership
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _facts(ex: Extractor, text: str, lang: str, kind: type) -> list:
    return [f for f in ex.extract(Article(text=text, lang=lang, date="2025-06-02")).facts if isinstance(f, kind)]


def _rounds(ex: Extractor, text: str, lang: str) -> set[tuple[str, Decimal]]:
    return {(r.organisation, r.amount) for r in _facts(ex, text, lang, FundingRound)}


@pytest.mark.parametrize("lang,text", [
    ("fr", "La start-up Vextra a obtenu une aide de 4 millions d'euros de la région."),
    ("fr", "Le rachat de la société Morvane, finalisé en mars pour 3 millions d'euros, renforce la start-up Vextra."),
    ("fr", "La start-up Vextra a sécurisé un financement global de 90 millions d'euros pour ses usines."),
    ("fr", "La start-up Vextra a levé 12 millions d'euros en 2020, ce qui porte à 20 millions d'euros le total."),
    ("en", "Brightwell Systems said its Series C brings the company's total funding to $90 million."),
    ("en", "The state approved a $500 million venture fund for robotics startups, which has not yet invested in "
           "Brightwell Systems."),
    ("en", "Brightwell Systems has raised $90 million since then from several investors."),
])
def test_money_that_is_not_a_round(ex: Extractor, lang: str, text: str) -> None:
    assert _facts(ex, text, lang, FundingRound) == []


def test_exclusion_cue_of_a_previous_amount_does_not_spill_over(ex: Extractor) -> None:
    text = ("La start-up Vextra, qui a réalisé 3 millions d'euros de chiffre d'affaires en 2023, avait levé 2 millions "
            "d'euros en amorçage en 2021.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal(2_000_000))}
    text = "Brightwell Systems has raised $90 million since then, including a $20 million Series B in 2022."
    assert _rounds(ex, text, "en") == {("Brightwell Systems", Decimal(20_000_000))}


def test_investment_into_a_company(ex: Extractor) -> None:
    text = "Le groupe Irvanis a annoncé un investissement de 25 millions d'euros dans Orbalis, une start-up lyonnaise."
    rounds = _facts(ex, text, "fr", FundingRound)
    assert [(r.organisation, r.amount) for r in rounds] == [("Orbalis", Decimal(25_000_000))]
    assert "Irvanis" in rounds[0].investors


def test_investor_verbs_do_not_make_a_raiser(ex: Extractor) -> None:
    text = ("La start-up Vextra lève 20 millions d'euros. Le fonds Kerlan Capital, qui avait mené en 2021 un premier "
            "tour de table de 6 millions d'euros, reste au capital.")
    assert ("Vextra", Decimal(6_000_000)) in _rounds(ex, text, "fr")
    text = ("La start-up Vextra fabrique des batteries à Nantes. Le groupe Irvanis entre à son capital à hauteur de "
            "10 millions d'euros.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal(10_000_000))}
    text = ("La start-up Solvane construit des centrales solaires. Le montage associe une augmentation de capital "
            "de 300 millions d'euros, souscrite par Kerlan Capital et par Dovren Invest.")
    assert _rounds(ex, text, "fr") == {("Solvane", Decimal(300_000_000))}


def test_sources_and_appositions_are_not_raisers(ex: Extractor) -> None:
    text = ("La start-up Vextra fabrique des batteries. Elle a levé 45 millions de dollars en série C, "
            "selon Norvel Media.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal(45_000_000))}
    text = "Orvane Systems, a startup Dravon Motors spun off in 2019, said on Monday it had raised $20 million in a Series B round."
    assert _rounds(ex, text, "en") == {("Orvane Systems", Decimal(20_000_000))}


def test_valuation_in_the_next_sentence(ex: Extractor) -> None:
    text = ("La start-up Vextra a levé 30 millions d'euros en série B. "
            "L'opération valorise la société 200 millions d'euros.")
    rounds = _facts(ex, text, "fr", FundingRound)
    assert [(r.organisation, r.valuation) for r in rounds] == [("Vextra", Decimal(200_000_000))]
    text = "Brightwell Systems raised $40 million in a Series B round. The round values the company at $300 million."
    rounds = _facts(ex, text, "en", FundingRound)
    assert [(r.organisation, r.valuation) for r in rounds] == [("Brightwell Systems", Decimal(300_000_000))]


def _pairs(ex: Extractor, text: str, lang: str) -> set[frozenset[str]]:
    return {frozenset(p.partners) for p in _facts(ex, text, lang, Partnership)}


def test_each_agreement_of_a_sentence_and_s_allier_a(ex: Extractor) -> None:
    text = ("Côté industriel, la start-up Vextra a signé un protocole d'accord avec le groupe Irvanis pour ses "
            "emballages, et s'est alliée à la société Orbalis pour ses essais.")
    assert _pairs(ex, text, "fr") == {frozenset({"Vextra", "Irvanis"}), frozenset({"Vextra", "Orbalis"})}


def test_partnership_subject_is_not_after_a_preposition(ex: Extractor) -> None:
    text = ("La start-up Vextra fabrique des drones. En marge du salon organisé par Norvel Media, la start-up a signé "
            "un protocole d'accord avec le groupe Irvanis.")
    assert _pairs(ex, text, "fr") == {frozenset({"Vextra", "Irvanis"})}


def test_pronoun_continues_the_previous_subject(ex: Extractor) -> None:
    text = ("La start-up Orbalis lève 20 millions d'euros. La start-up Orbalis recrute 40 ingénieurs à Lyon. "
            "La foodtech Vextra boucle un tour d'amorçage de 5 millions d'euros. "
            "Elle a aussi noué un partenariat avec le groupe Irvanis.")
    assert _pairs(ex, text, "fr") == {frozenset({"Vextra", "Irvanis"})}


def test_exclusions_are_read_near_the_agreement(ex: Extractor) -> None:
    text = ("Brightwell Systems signed a memorandum of understanding with Kemper Industries in May, and last month won "
            "a $20 million contract from the army for imaging services.")
    assert _pairs(ex, text, "en") == {frozenset({"Brightwell Systems", "Kemper Industries"})}
    text = "Brightwell Systems signed an agreement with Kemper Industries to acquire its sensor unit."
    assert _pairs(ex, text, "en") == set()


def test_working_with_a_described_partner(ex: Extractor) -> None:
    text = "Brightwell Systems is working with the city's business growth agency Kemper Partners on a pilot."
    assert _pairs(ex, text, "en") == {frozenset({"Brightwell Systems", "Kemper Partners"})}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon la start-up Vextra, le marché des batteries devrait dépasser 3 milliards d'euros d'ici 2030, "
           "ce qui justifie une nouvelle levée de fonds."),
    ("en", "Brightwell Systems expects the market for its sensors to reach $2 billion by 2030, it said after "
           "its funding round."),
    ("en", "Brightwell Systems will receive an upfront payment of $30 million under the licensing deal."),
])
def test_market_sizes_and_licence_payments_are_not_rounds(ex: Extractor, lang: str, text: str) -> None:
    assert _facts(ex, text, lang, FundingRound) == []


def test_investors_of_each_amount(ex: Extractor) -> None:
    text = ("La start-up Vextra avait levé 12 millions d'euros en série A en 2021 auprès de Kerlan Capital, puis "
            "20 millions d'euros en série B en 2023, lors d'un tour mené par Dovren Invest.")
    rounds = {r.amount: r.investors for r in _facts(ex, text, "fr", FundingRound)}
    assert rounds == {Decimal(12_000_000): ("Kerlan Capital",), Decimal(20_000_000): ("Dovren Invest",)}


def test_joint_subjects_and_between(ex: Extractor) -> None:
    text = ("Le groupe Irvanis, la société Orbalis et la start-up Vextra ont signé mardi un protocole d'accord "
            "tripartite, selon Norvel Media.")
    assert _pairs(ex, text, "fr") == {frozenset({"Irvanis", "Orbalis", "Vextra"})}
    text = ("Brightwell Systems said on Monday that the joint venture between Kemper Industries and Aldon Motors "
            "would start production in 2026.")
    assert _pairs(ex, text, "en") == {frozenset({"Kemper Industries", "Aldon Motors"})}


def test_valuation_written_after_the_amount(ex: Extractor) -> None:
    text = "Brightwell Systems raised $50 million at a $400 million post-money valuation, led by Kemper Ventures."
    rounds = _facts(ex, text, "en", FundingRound)
    assert [(r.organisation, r.amount, r.valuation) for r in rounds] == [
        ("Brightwell Systems", Decimal(50_000_000), Decimal(400_000_000))]


def test_pronoun_raiser_in_a_round_up(ex: Extractor) -> None:
    text = ("La start-up Orbalis lève 20 millions d'euros. La start-up Orbalis recrute 40 ingénieurs à Lyon. "
            "La foodtech Vextra fabrique des protéines végétales à Nantes. Elle a levé 5 millions d'euros en amorçage.")
    assert ("Vextra", Decimal(5_000_000)) in _rounds(ex, text, "fr")


def test_new_partnership_words(ex: Extractor) -> None:
    text = "La start-up Vextra et le groupe Irvanis ont créé une société commune pour recycler les batteries."
    assert _pairs(ex, text, "fr") == {frozenset({"Vextra", "Irvanis"})}


def test_valuation_goes_to_the_round_announced_now(ex: Extractor) -> None:
    text = ("Brightwell Systems has raised $30 million in a Series B round led by Kemper Ventures. "
            "Brightwell Systems previously raised a $10 million Series A in 2021. "
            "The round values Brightwell Systems at $250 million, according to a person familiar with the matter.")
    rounds = {r.amount: r.valuation for r in _facts(ex, text, "en", FundingRound)}
    assert rounds == {Decimal(30_000_000): Decimal(250_000_000), Decimal(10_000_000): None}


def test_customer_agreements_are_not_partnerships(ex: Extractor) -> None:
    text = "Brightwell Systems and Kemper Industries signed a multi-year agreement under which Kemper will buy 500 units."
    assert _pairs(ex, text, "en") == set()


def test_investing_into_a_described_company(ex: Extractor) -> None:
    text = "Le groupe Irvanis injecte 8 millions d'euros dans la jeune pousse nantaise Vextra."
    rounds = _facts(ex, text, "fr", FundingRound)
    assert [(r.organisation, r.amount, r.investors) for r in rounds] == [("Vextra", Decimal(8_000_000), ("Irvanis",))]
    text = "Quintex Capital led the $12 million round in the Dutch startup Zorvia Energy."
    rounds = _facts(ex, text, "en", FundingRound)
    assert [(r.organisation, r.investors) for r in rounds] == [("Zorvia Energy", ("Quintex Capital",))]


def test_next_sentence_investors_only_without_another_round(ex: Extractor) -> None:
    text = ("Orvane Labs raises $20 million to expand in Asia. Dravon Health has landed $4.5 million in seed funding "
            "from Aldon Capital.")
    rounds = {r.organisation: r.investors for r in _facts(ex, text, "en", FundingRound)}
    assert rounds == {"Orvane Labs": (), "Dravon Health": ("Aldon Capital",)}


def test_a_restated_round_adds_its_investors(ex: Extractor) -> None:
    text = ("La start-up Vextra a levé 30 millions d'euros. « Vextra boucle un tour de table de 30 millions d'euros "
            "auprès de Kerlan Capital et de Dovren Invest », indique la société, selon le journal Norvel Media.")
    rounds = _facts(ex, text, "fr", FundingRound)
    assert [(r.organisation, r.investors) for r in rounds] == [("Vextra", ("Kerlan Capital", "Dovren Invest"))]


@pytest.mark.parametrize("text", [
    "\"We love the team,\" said Dana Morrow, a partner at Quillfield Capital who will join Brightwell Systems' board.",
    "Quillfield Capital partner Dana Morrow will join the board of Brightwell Systems.",
    "\"It is a big market,\" said Dana Morrow, the Quillfield Capital partner who led the round for Brightwell Systems.",
])
def test_a_partner_as_a_person_s_title(ex: Extractor, text: str) -> None:
    assert _pairs(ex, text, "en") == set()


def test_a_verb_coordinated_after_and_shares_the_first_subject(ex: Extractor) -> None:
    text = ("Brightwell Systems said it had agreed to buy the software maker Kemper Labs, and had signed a "
            "partnership with Norvel Bank to reach its clients.")
    assert _pairs(ex, text, "en") == {frozenset({"Brightwell Systems", "Norvel Bank"})}


def test_a_hyphenated_agreement_with_two_parties_and_a_reference_back(ex: Extractor) -> None:
    text = ("La société Vextra annonce la signature d'un accord-cadre tripartite avec le groupe Irvanis et la "
            "Région Normandie pour ses usines. Dans le cadre de cet accord, Vextra livrera les ateliers de Orbalis.")
    assert _pairs(ex, text, "fr") == {frozenset({"Vextra", "Irvanis", "Région Normandie"})}


def test_speaker_of_a_quote_and_a_person_s_apposition(ex: Extractor) -> None:
    text = ("\"Working with Kemper Labs and Norvel Bank lets us reach new clients,\" said Dana Morrow, head of sales "
            "at Brightwell Systems.")
    assert _pairs(ex, text, "en") == {frozenset({"Brightwell Systems", "Kemper Labs", "Norvel Bank"})}
    text = ("Brightwell Systems chief executive Dana Morrow, a former Quillfield Motors engineer, said its engine is "
            "being developed in partnership with Kemper Labs.")
    assert _pairs(ex, text, "en") == {frozenset({"Brightwell Systems", "Kemper Labs"})}


@pytest.mark.parametrize("text", [
    "Brightwell Systems says it works with more than 200 firms, and counts the legal team at Kemper Labs among its users.",
    "Brightwell Systems has also lined up long-term charter agreements with Kemper Labs for its vessels.",
])
def test_customers_and_charters_are_not_partnerships(ex: Extractor, text: str) -> None:
    assert _pairs(ex, text, "en") == set()


def test_an_investor_s_share_of_a_larger_round(ex: Extractor) -> None:
    text = ("Le groupe Irvanis a investi 5 millions d'euros dans Vextra, une start-up basée à Lyon, dans le cadre "
            "d'une levée de fonds de série A de 20 millions d'euros menée par Orbalis Capital.")
    rounds = _facts(ex, text, "fr", FundingRound)
    assert [(r.organisation, r.amount) for r in rounds] == [("Vextra", Decimal("20000000"))]
    assert set(rounds[0].investors) == {"Orbalis Capital", "Irvanis"}
    text = "Kemper Industries invested $5 million in Brightwell Systems as part of a $20 million Series A round."
    assert _rounds(ex, text, "en") == {("Brightwell Systems", Decimal("20000000"))}


@pytest.mark.parametrize("lang,text", [
    ("fr", "La Région Normandie investit 18 millions d'euros dans un nouveau terminal portuaire."),
    ("en", "Brightwell Systems invested $40 million in a new plant near the port."),
    ("fr", "Montant levé depuis la création : 30 M€"),
    ("en", "Including a grant from the state, the startup Brightwell Systems has now raised $22 million."),
])
def test_spending_and_totals_are_not_rounds(ex: Extractor, lang: str, text: str) -> None:
    assert _facts(ex, text, lang, FundingRound) == []


def test_raiser_after_appositions_participles_and_a_fund(ex: Extractor) -> None:
    text = ("La société Vextra, qui édite la plateforme Orbalis destinée aux artisans, a annoncé avoir levé "
            "10 millions d'euros.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("10000000"))}
    text = ("L'insurtech Vextra, courtier spécialisé dans l'assurance des PME et des artisans, annonce une levée "
            "de 10 millions d'euros.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("10000000"))}
    text = ("La biotech lilloise Vextra a obtenu une subvention de 2 millions d'euros. Fondée en 2018 par Jean Morel, "
            "elle avait levé 6 millions d'euros en 2021 auprès du fonds Orbalis.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("6000000"))}


def test_an_investor_that_had_already_taken_part(ex: Extractor) -> None:
    text = ("La start-up Vextra lève 20 millions d'euros. Le tour est mené par Orbalis, avec Irvanis, qui avait déjà "
            "participé à l'amorçage de 2 millions d'euros bouclé en 2022.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("20000000")), ("Vextra", Decimal("2000000"))}


def test_cues_of_the_previous_amount_and_other_raisers(ex: Extractor) -> None:
    text = ("Vextra a levé 16 millions d'euros depuis sa création, sans compter un prêt de 1,5 million d'euros "
            "accordé par Orbalis et une subvention de 800 000 euros de la région.")
    assert _facts(ex, text, "fr", FundingRound) == []
    text = "Brightwell Systems pulled in $30 million to expand, while Paul Kemper raised $100 million in July."
    assert _rounds(ex, text, "en") == {("Brightwell Systems", Decimal("30000000"))}  # a person raises no round
    text = "Brightwell Systems pulled in $30 million to expand, while US rival Kemper raised $100 million in July."
    assert _rounds(ex, text, "en") == {("Brightwell Systems", Decimal("30000000")), ("Kemper", Decimal("100000000"))}
    text = ("Pour financer l'opération, la société Vextra fondée en 2011 par l'ingénieur Jean Morel a levé "
            "20 millions d'euros auprès d'Orbalis.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("20000000"))}


def test_the_start_up_opening_a_round_up_paragraph(ex: Extractor) -> None:
    text = ("La start-up Vextra lève 30 millions d'euros auprès d'Orbalis.\n\n"
            "Basée à Nancy, la foodtech Kemper Foods cultive des protéines. La start-up a bouclé une série A de "
            "9 millions d'euros menée par Irvanis.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("30000000")), ("Kemper Foods", Decimal("9000000"))}


def _pairs(ex: Extractor, text: str, lang: str) -> set[frozenset[str]]:
    return {frozenset(p.partners) for p in _facts(ex, text, lang, Partnership)}


def test_partnership_subject_of_a_paragraph_about_another_company(ex: Extractor) -> None:
    # the main organisation is Vextra; the second paragraph is about Kemper Foods
    text = ("La start-up Vextra lève 30 millions d'euros auprès d'Orbalis. Vextra recrute 40 personnes.\n\n"
            "Basée à Nancy, Kemper Foods cultive des protéines végétales. Son procédé est déjà utilisé grâce à "
            "des partenariats avec Maravel et Ostrand.")
    assert _pairs(ex, text, "fr") >= {frozenset({"Kemper Foods", "Maravel"}), frozenset({"Kemper Foods", "Ostrand"})}
    assert not any("Vextra" in p for p in _pairs(ex, text, "fr"))


def test_partnership_subject_anaphor_and_customers(ex: Extractor) -> None:
    text = ("Orbalis Capital a investi dans plusieurs sociétés. Orbalis Capital a cette année soutenu la start-up "
            "Vextra, qui recycle le verre.\n\nLa start-up a par ailleurs créé une coentreprise avec le groupe "
            "Maravel pour collecter le verre usagé.")
    assert frozenset({"Vextra", "Maravel"}) in _pairs(ex, text, "fr")
    text = ("Brightwell Systems sells identity software to banks. The startup counts Kemper Bank and Ostrand "
            "among its customers, and last year announced partnerships with Maravel and Quillon.")
    pairs = _pairs(ex, text, "en")
    assert pairs >= {frozenset({"Brightwell Systems", "Maravel"}), frozenset({"Brightwell Systems", "Quillon"})}
    assert not any("Kemper Bank" in p for p in pairs)


def test_raiser_is_not_a_gloss_a_lead_manager_or_an_apposed_lead(ex: Extractor) -> None:
    text = ("La start-up Vextra conçoit des anticorps. Vextra emploie 30 personnes à Lyon, où Vextra a ouvert un "
            "laboratoire. La biotech lyonnaise, issue de l'Institut Morvane de "
            "Lyon (IML), annonce une levée de fonds de 12 millions d'euros en série A.")
    assert _rounds(ex, text, "fr") == {("Vextra", Decimal("12000000"))}
    text = ("Kemper Foods has kept its plant in Ohio running. It raised $40 million in a share placement last year, "
            "on which Orbalis Securities and Quillon Partners acted as joint lead managers.")
    assert _rounds(ex, text, "en") == {("Kemper Foods", Decimal("40000000"))}
    text = ("Vextra makes skin sensors. Orbalis Ventures, Maravel's corporate venture fund, led the $12 million "
            "investment, with existing investors Quillon Capital and Ostrand also putting in money.")
    rounds = _facts(ex, text, "en", FundingRound)
    assert {(r.organisation, r.amount) for r in rounds} == {("Vextra", Decimal("12000000"))}
    assert "Orbalis Ventures" in rounds[0].investors


@pytest.mark.parametrize("text", [
    "Vextra is backed by Orbalis Capital, which has $3 billion under management.",
    "Vextra said its $1.2 billion of new borrowing will refinance bonds, after it raised money from Orbalis.",
])
def test_assets_under_management_and_borrowing_are_not_rounds(ex: Extractor, text: str) -> None:
    assert _facts(ex, text, "en", FundingRound) == []


def test_partner_lists_with_names_the_entity_layer_missed(ex: Extractor) -> None:
    text = ("La start-up Vextra loue des vélos cargo à Lille. Vextra s'est imposée grâce à des partenariats de "
            "distribution avec Paul Ferrand, Lenoir et Bricomarge. Et elle a signé un partenariat avec les Ateliers "
            "du Morvan pour former chaque année 40 apprentis.")
    pairs = _pairs(ex, text, "fr")
    assert pairs >= {frozenset({"Vextra", n}) for n in ("Lenoir", "Bricomarge", "Ateliers du Morvan")}
    text = ("La start-up Vextra loue des vélos cargo à Lille. Vextra a signé un partenariat avec une entreprise "
            "locale pour former des apprentis.")
    assert _pairs(ex, text, "fr") == set()


def test_partner_after_a_country_possessive(ex: Extractor) -> None:
    text = ("Brightwell Systems, an Oslo-based shipping startup, has raised $20 million. In March, the startup signed "
            "a memorandum of understanding with Japan's Quillon O.S.K. Lines and the Port of Brevik Authority to "
            "develop a container corridor.")
    assert any({"Brightwell Systems", "Quillon O.S.K. Lines"} <= p for p in _pairs(ex, text, "en"))


@pytest.mark.parametrize("text", [
    "Brightwell Systems has kept its mine running, helped by an offtake agreement with Kemper Motors.",
    "Brightwell Systems signed a five-year supply agreement with Kemper Motors for its cathodes.",
])
def test_supply_and_offtake_agreements_are_not_partnerships(ex: Extractor, text: str) -> None:
    assert _facts(ex, text, "en", Partnership) == []


@pytest.mark.parametrize("lang,text", [
    ("fr", "La maison Vextra, qui a réalisé 40 millions d'euros de chiffre d'affaires, vend sa cuvée phare autour "
           "de 90 euros la bouteille."),
    ("en", "Brightwell Systems closed its funding round after selling new shares at $12 a share to Orbalis."),
])
def test_unit_prices_are_not_rounds(ex: Extractor, lang: str, text: str) -> None:
    assert _facts(ex, text, lang, FundingRound) == []
