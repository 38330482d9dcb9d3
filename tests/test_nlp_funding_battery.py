"""A battery of invented sentences for FundingRound and Partnership facts, French and English: the many ways
journalists phrase a raise or an agreement, and the traps the annotation conventions exclude (cumulative totals,
loans, grants, fund sizes, revenue, acquisition prices, contracts; acquisitions, supply deals, advisers, landlords).
Every name and sentence is invented."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kg.model import Article, FundingRound, Partnership
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _norm(name: str) -> str:
    return name.lower().replace("’", "'").strip()


def _same(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _facts(ex: Extractor, text: str, lang: str, kind: type) -> list[Any]:
    return [f for f in ex(Article(text=text, lang=lang, date="2025-03-10")).facts if isinstance(f, kind)]


# (lang, text, [(organisation, amount, currency, extra checks)])
FUNDING = [
    # -- French: verbs and nouns of a raise
    ("fr", "Nexalia lève 12 millions d'euros auprès d'Orvalis Capital.",
     [("Nexalia", 12_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "La start-up lyonnaise Brivane boucle un tour de table de 8 M€ mené par Kerbrat Ventures.",
     [("Brivane", 8_000_000, "EUR", {"lead": "Kerbrat Ventures"})]),
    ("fr", "Okavia Robotics réalise une levée de fonds de 3,5 millions d'euros en amorçage.",
     [("Okavia Robotics", 3_500_000, "EUR", {"series": "Seed"})]),
    ("fr", "Semaphor annonce une levée de 20 millions d'euros en série B, emmenée par Altaïr Invest, aux côtés de "
           "ses investisseurs historiques Sillon Capital et Noroît Ventures.",
     [("Semaphor", 20_000_000, "EUR", {"series": "Series B", "lead": "Altaïr Invest",
                                        "investors": ["Altaïr Invest", "Sillon Capital", "Noroît Ventures"]})]),
    ("fr", "Lumisol a finalisé une augmentation de capital de 5 M€ auprès de Bleu Azur Capital.",
     [("Lumisol", 5_000_000, "EUR", {"investors": ["Bleu Azur Capital"]})]),
    ("fr", "Vertigreen fait entrer Orvalis Capital à son capital pour 7 millions d'euros.",
     [("Vertigreen", 7_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "Orvalis Capital entre au capital de Vertigreen à hauteur de 7 millions d'euros.",
     [("Vertigreen", 7_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "Le fonds Kerbrat Ventures investit 4 millions d'euros dans la jeune pousse nantaise Hydrolis.",
     [("Hydrolis", 4_000_000, "EUR", {"investors": ["Kerbrat Ventures"]})]),
    ("fr", "Pixelame obtient 2 M€ auprès de Sillon Capital.",
     [("Pixelame", 2_000_000, "EUR", {"investors": ["Sillon Capital"]})]),
    ("fr", "Agrisens sécurise 15 millions d'euros pour accélérer à l'international.",
     [("Agrisens", 15_000_000, "EUR", {})]),
    ("fr", "La société Cortexia Santé lève 1,2 Md€ lors d'un tour de série D mené par Ardent Partners.",
     [("Cortexia Santé", 1_200_000_000, "EUR", {"series": "Series D", "lead": "Ardent Partners"})]),
    ("fr", "Fondée en 2019 à Lille, Hydrolis conçoit des membranes de filtration. La société vient de boucler un "
           "tour de table de 6 millions d'euros.",
     [("Hydrolis", 6_000_000, "EUR", {})]),
    ("fr", "La start-up Agrisens conçoit des capteurs pour les vignobles. Elle a levé 10 millions d'euros auprès de Sillon Capital.",
     [("Agrisens", 10_000_000, "EUR", {"investors": ["Sillon Capital"]})]),
    ("fr", "Pixelame, spécialiste de la retouche automatisée, a bouclé un tour de table de 4,5 millions d'euros "
           "auprès de Kerbrat Ventures et Sillon Capital.",
     [("Pixelame", 4_500_000, "EUR", {"investors": ["Kerbrat Ventures", "Sillon Capital"]})]),
    ("fr", "Lumisol lève 25 M€, une opération qui valorise la société 200 millions d'euros.",
     [("Lumisol", 25_000_000, "EUR", {"valuation": 200_000_000})]),
    ("fr", "Okavia Robotics lève 40 millions d'euros, pour une valorisation post-money de 300 millions d'euros.",
     [("Okavia Robotics", 40_000_000, "EUR", {"valuation": 300_000_000})]),
    ("fr", "Noroît Ventures mène un tour de 5 millions d'euros dans Agrisens, avec la participation de "
           "Bleu Azur Capital.",
     [("Agrisens", 5_000_000, "EUR", {"investors": ["Noroît Ventures", "Bleu Azur Capital"]})]),
    ("fr", "L'entreprise marseillaise Lumisol a annoncé mardi avoir levé 18 millions d'euros.",
     [("Lumisol", 18_000_000, "EUR", {})]),
    ("fr", "La biotech genevoise Helvacure Therapeutics lève 20 millions de francs suisses.",
     [("Helvacure Therapeutics", 20_000_000, "CHF", {})]),
    ("fr", "Brivane a levé 800 000 euros auprès de business angels.",
     [("Brivane", 800_000, "EUR", {})]),
    ("fr", "Semaphor, qui avait levé 20 M€ en 2023, ouvre un bureau à Lyon.",
     [("Semaphor", 20_000_000, "EUR", {})]),
    ("fr", "Hydrolis a réuni 6 millions d'euros auprès de Kerbrat Ventures.",
     [("Hydrolis", 6_000_000, "EUR", {"investors": ["Kerbrat Ventures"]})]),
    ("fr", "Pixelame a récolté 3 millions d'euros auprès d'Orvalis Capital.",
     [("Pixelame", 3_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "Cortexia Santé empoche 10 M€ pour financer ses essais cliniques.",
     [("Cortexia Santé", 10_000_000, "EUR", {})]),
    ("fr", "Okavia Robotics annonce un financement de 15 millions d'euros en série A.",
     [("Okavia Robotics", 15_000_000, "EUR", {"series": "Series A"})]),
    ("fr", "Kerbrat Ventures et Sillon Capital ont investi 8 millions d'euros dans Vertigreen.",
     [("Vertigreen", 8_000_000, "EUR", {"investors": ["Kerbrat Ventures", "Sillon Capital"]})]),
    ("fr", "Brivane lève 5 millions d'euros auprès de ses investisseurs historiques Orvalis Capital et "
           "Noroît Ventures.",
     [("Brivane", 5_000_000, "EUR", {"investors": ["Orvalis Capital", "Noroît Ventures"]})]),
    ("fr", "Nouvelle étape pour la start-up Vertigreen. La jeune pousse fait entrer Ardent Partners à son capital. Le fonds "
           "mène une opération de 9 millions d'euros, à laquelle participent aussi Sillon Capital et Kerbrat Ventures.",
     [("Vertigreen", 9_000_000, "EUR", {})]),
    ("fr", "Agrisens a conclu une levée de fonds de 2,5 M€ auprès de Bleu Azur Capital.",
     [("Agrisens", 2_500_000, "EUR", {"investors": ["Bleu Azur Capital"]})]),
    ("fr", "Une levée de 30 M€ pour Semaphor.",
     [("Semaphor", 30_000_000, "EUR", {})]),
    ("fr", "Vertigreen a levé 12 M€ en série A auprès d'Orvalis Capital et de Sillon Capital.",
     [("Vertigreen", 12_000_000, "EUR", {"series": "Series A"})]),
    ("fr", "Le tour de table de 14 millions d'euros de Nexalia a été mené par Kerbrat Ventures.",
     [("Nexalia", 14_000_000, "EUR", {"lead": "Kerbrat Ventures"})]),
    ("fr", "Hydrolis a bouclé un premier tour de table de 1,5 million d'euros.",
     [("Hydrolis", 1_500_000, "EUR", {})]),
    ("fr", "Le spécialiste lillois des batteries Cobaltis a levé 50 millions d'euros.",
     [("Cobaltis", 50_000_000, "EUR", {})]),
    # -- English
    ("en", "Quillwork raises $12 million to automate invoices.", [("Quillwork", 12_000_000, "USD", {})]),
    ("en", "London-based Ferrobyte has closed a £8m Series A round led by Larkspur Ventures.",
     [("Ferrobyte", 8_000_000, "GBP", {"series": "Series A", "lead": "Larkspur Ventures"})]),
    ("en", "Halcyon Grid lands €20 million in Series B funding from Osprey Growth Partners and Kestane Capital.",
     [("Halcyon Grid", 20_000_000, "EUR", {"series": "Series B",
                                           "investors": ["Osprey Growth Partners", "Kestane Capital"]})]),
    ("en", "Tidewell Robotics secured $3.5 million in seed funding, with participation from Meridian Arc Ventures.",
     [("Tidewell Robotics", 3_500_000, "USD", {"series": "Seed", "investors": ["Meridian Arc Ventures"]})]),
    ("en", "Redstone Peak Capital led the $40 million round in Northmoor Bio, with participation from "
           "Larkspur Ventures.",
     [("Northmoor Bio", 40_000_000, "USD", {"investors": ["Redstone Peak Capital", "Larkspur Ventures"]})]),
    ("en", "Larkspur Ventures invested $5 million in Cobaltix.",
     [("Cobaltix", 5_000_000, "USD", {"investors": ["Larkspur Ventures"]})]),
    ("en", "Brightmere bags £800,000 from Kestane Capital.",
     [("Brightmere", 800_000, "GBP", {"investors": ["Kestane Capital"]})]),
    ("en", "Investors pump £10m into Ferrobyte.", [("Ferrobyte", 10_000_000, "GBP", {})]),
    ("en", "Cobaltix pulls in $25 million Series C co-led by Osprey Growth Partners and Kestane Capital.",
     [("Cobaltix", 25_000_000, "USD", {"series": "Series C",
                                        "investors": ["Osprey Growth Partners", "Kestane Capital"]})]),
    ("en", "Northmoor Bio, a Boston-based biotech, announced on Tuesday that it has raised $60 million in a "
           "Series B round.",
     [("Northmoor Bio", 60_000_000, "USD", {"series": "Series B"})]),
    ("en", "The battery maker Halcyon Grid is expanding into Spain. The company, which makes grid batteries, raised $30m.",
     [("Halcyon Grid", 30_000_000, "USD", {})]),
    ("en", "Quillwork has raised $15 million at a valuation of $150 million.",
     [("Quillwork", 15_000_000, "USD", {"valuation": 150_000_000})]),
    ("en", "Tidewell Robotics raised $20 million. The round values the startup at $200 million.",
     [("Tidewell Robotics", 20_000_000, "USD", {"valuation": 200_000_000})]),
    ("en", "Brightmere has secured a €12m investment from Redstone Peak Capital.",
     [("Brightmere", 12_000_000, "EUR", {"investors": ["Redstone Peak Capital"]})]),
    ("en", "Kestane Capital has led a $7 million seed round in Halcyon Grid.",
     [("Halcyon Grid", 7_000_000, "USD", {"series": "Seed", "investors": ["Kestane Capital"]})]),
    ("en", "Cobaltix, which raised $4 million last year, is hiring engineers.", [("Cobaltix", 4_000_000, "USD", {})]),
    ("en", "Meridian Arc Ventures is pumping $50m into Northmoor Bio.",
     [("Northmoor Bio", 50_000_000, "USD", {"investors": ["Meridian Arc Ventures"]})]),
    ("en", "Tidewell Robotics has picked up $6 million in fresh funding.", [("Tidewell Robotics", 6_000_000, "USD", {})]),
    ("en", "Swiss startup Helvacure Therapeutics raised CHF 20 million.",
     [("Helvacure Therapeutics", 20_000_000, "CHF", {})]),
    ("en", "Halcyon Grid has completed an $18 million Series A extension.",
     [("Halcyon Grid", 18_000_000, "USD", {"series": "Series A"})]),
    ("en", "Ferrobyte announced a $14m funding round led by Osprey Growth Partners.",
     [("Ferrobyte", 14_000_000, "USD", {"lead": "Osprey Growth Partners"})]),
    ("en", "Northmoor Bio said it had raised $45 million from investors including Larkspur Ventures and "
           "Kestane Capital.",
     [("Northmoor Bio", 45_000_000, "USD", {"investors": ["Larkspur Ventures", "Kestane Capital"]})]),
    ("en", "Quillwork, the invoicing startup, has raised $9 million backed by Larkspur Ventures.",
     [("Quillwork", 9_000_000, "USD", {"investors": ["Larkspur Ventures"]})]),
    ("en", "Brightmere has received a $6 million investment from Meridian Arc Ventures.",
     [("Brightmere", 6_000_000, "USD", {"investors": ["Meridian Arc Ventures"]})]),
    ("en", "Cobaltix has attracted $11 million in new funding.", [("Cobaltix", 11_000_000, "USD", {})]),
    ("en", "Ferrobyte snags $3m seed round.", [("Ferrobyte", 3_000_000, "USD", {"series": "Seed"})]),
    ("en", "Tidewell Robotics today announced a $22 million Series B financing.",
     [("Tidewell Robotics", 22_000_000, "USD", {"series": "Series B"})]),
    ("en", "The $16 million round for Halcyon Grid was led by Redstone Peak Capital.",
     [("Halcyon Grid", 16_000_000, "USD", {"lead": "Redstone Peak Capital"})]),
    ("en", "Cobaltix has raised a $35 million Series B led by Kestane Capital, bringing its total funding to "
           "$50 million.",
     [("Cobaltix", 35_000_000, "USD", {"series": "Series B", "lead": "Kestane Capital"})]),
]

FUNDING += [
    ("fr", "Exclusif : Lumisol boucle une levée de 7 M€ auprès d'Orvalis Capital.",
     [("Lumisol", 7_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "C'est un tour de table de 9 M€ que vient de boucler la start-up Semaphor.",
     [("Semaphor", 9_000_000, "EUR", {})]),
    ("fr", "Pour financer sa croissance, la start-up Brivane a levé 6 M€ auprès de Noroît Ventures.",
     [("Brivane", 6_000_000, "EUR", {"investors": ["Noroît Ventures"]})]),
    ("fr", "La fintech Okavia Pay a annoncé ce mardi une levée de fonds de 11 M€ (série A).",
     [("Okavia Pay", 11_000_000, "EUR", {"series": "Series A"})]),
    ("fr", "La start-up Semaphor a levé 5 M€ en 2022 puis 20 M€ en 2024.",
     [("Semaphor", 5_000_000, "EUR", {}), ("Semaphor", 20_000_000, "EUR", {})]),
    ("fr", "La start-up Hydrolis lève 3 M€ en amorçage, complétés par 2 M€ de prêts bancaires.",
     [("Hydrolis", 3_000_000, "EUR", {"series": "Seed"})]),
    ("fr", "La medtech Cortexia Santé a obtenu 4 M€ de subventions et 6 M€ auprès d'Orvalis Capital.",
     [("Cortexia Santé", 6_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "La jeune pousse Pixelame a levé 4 M€. L'opération a été menée par Kerbrat Ventures, aux côtés de "
           "Sillon Capital.",
     [("Pixelame", 4_000_000, "EUR", {"lead": "Kerbrat Ventures", "investors": ["Sillon Capital"]})]),
    ("en", "Quillwork, a London fintech, has raised £5m in a round led by Larkspur Ventures, it said on Tuesday.",
     [("Quillwork", 5_000_000, "GBP", {"lead": "Larkspur Ventures"})]),
    ("en", "Investors including Kestane Capital have poured $30 million into Halcyon Grid.",
     [("Halcyon Grid", 30_000_000, "USD", {"investors": ["Kestane Capital"]})]),
    ("en", "Ferrobyte's $12m Series A was led by Osprey Growth Partners.",
     [("Ferrobyte", 12_000_000, "USD", {"series": "Series A", "lead": "Osprey Growth Partners"})]),
    ("en", "The startup Cobaltix has raised $8 million in a seed round, the company said.",
     [("Cobaltix", 8_000_000, "USD", {"series": "Seed"})]),
    ("en", "Northmoor Bio raised $20m in a Series A in 2021 and $45m in a Series B last year.",
     [("Northmoor Bio", 20_000_000, "USD", {"series": "Series A"}),
      ("Northmoor Bio", 45_000_000, "USD", {"series": "Series B"})]),
    ("en", "Tidewell Robotics secured €4m in equity and a €2m loan from a regional bank.",
     [("Tidewell Robotics", 4_000_000, "EUR", {})]),
    ("en", "Brightmere closed a $10 million round at a $90 million post-money valuation.",
     [("Brightmere", 10_000_000, "USD", {"valuation": 90_000_000})]),
]

FUNDING += [
    ("fr", "La pépite bordelaise Agrisens vient d'annoncer avoir finalisé une levée de fonds de 4 millions d'euros "
           "auprès de Bleu Azur Capital et de plusieurs business angels.",
     [("Agrisens", 4_000_000, "EUR", {"investors": ["Bleu Azur Capital"]})]),
    ("fr", "Nexalia, qui édite un logiciel de planification, annonce ce jeudi une levée de 8 M€.",
     [("Nexalia", 8_000_000, "EUR", {})]),
    ("fr", "Le fonds Orvalis Capital a pris une participation minoritaire dans Hydrolis pour un montant de 5 millions d'euros.",
     [("Hydrolis", 5_000_000, "EUR", {"investors": ["Orvalis Capital"]})]),
    ("fr", "La start-up Brivane change de braquet. Le tour de table, de 15 M€, associe Kerbrat Ventures et "
           "Sillon Capital.",
     [("Brivane", 15_000_000, "EUR", {"investors": ["Kerbrat Ventures", "Sillon Capital"]})]),
    ("fr", "La start-up Brivane annonce avoir levé 2,5 millions d'euros.", [("Brivane", 2_500_000, "EUR", {})]),
    ("fr", "La start-up Lumisol a été fondée à Nantes en 2019. La société a levé 1 million d'euros en 2021 auprès de "
           "business angels.", [("Lumisol", 1_000_000, "EUR", {})]),
    ("fr", "La start-up Semaphor double la mise avec une nouvelle levée de 40 M€.", [("Semaphor", 40_000_000, "EUR", {})]),
    ("fr", "Les 6 millions d'euros levés par la start-up Pixelame serviront à recruter.",
     [("Pixelame", 6_000_000, "EUR", {})]),
    ("en", "Cobaltix, the London-based battery recycler, said on Wednesday it had raised £15 million from investors led "
           "by Redstone Peak Capital.",
     [("Cobaltix", 15_000_000, "GBP", {"lead": "Redstone Peak Capital"})]),
    ("en", "Brightmere has raised $7m in funding led by Larkspur Ventures, bringing its total raised to $12m.",
     [("Brightmere", 7_000_000, "USD", {"lead": "Larkspur Ventures"})]),
    ("en", "The startup Quillwork has raised $40 million. The funding round, which values Quillwork at $300 million, "
           "was led by Kestane Capital.",
     [("Quillwork", 40_000_000, "USD", {"valuation": 300_000_000, "lead": "Kestane Capital"})]),
    ("en", "Tidewell Robotics, which makes underwater drones, has landed $9m.", [("Tidewell Robotics", 9_000_000, "USD", {})]),
    ("en", "Existing investors Larkspur Ventures and Kestane Capital also participated in the $25 million round for "
           "Halcyon Grid.",
     [("Halcyon Grid", 25_000_000, "USD", {"investors": ["Larkspur Ventures", "Kestane Capital"]})]),
    ("en", "Northmoor Bio today announced the close of a $32 million Series A financing.",
     [("Northmoor Bio", 32_000_000, "USD", {"series": "Series A"})]),
    ("en", "The startup Ferrobyte has new backers. The $6.5 million raise was led by Osprey Growth Partners.",
     [("Ferrobyte", 6_500_000, "USD", {"lead": "Osprey Growth Partners"})]),
    ("en", "Halcyon Grid has raised €3.2m in a pre-seed round.", [("Halcyon Grid", 3_200_000, "EUR", {"series": "Seed"})]),
    ("en", "Quillwork has secured $2.5 million in funding from the Northern Growth Fund.",
     [("Quillwork", 2_500_000, "USD", {"investors": ["Northern Growth Fund"]})]),
]

FUNDING += [
    ("fr", "« Cette levée de 5 M€ va nous permettre de doubler nos effectifs », explique Marc Olier, PDG de Lumisol.",
     [("Lumisol", 5_000_000, "EUR", {})]),
    ("en", "\"This $20 million round lets us expand into Europe,\" said Jane Roe, chief executive of Quillwork.",
     [("Quillwork", 20_000_000, "USD", {})]),
    ("fr", "Après une première levée de 2 M€ en 2022, Hydrolis boucle un nouveau tour de 8 M€.",
     [("Hydrolis", 2_000_000, "EUR", {}), ("Hydrolis", 8_000_000, "EUR", {})]),
    ("en", "Northmoor Bio has raised a further $12 million from Larkspur Ventures.",
     [("Northmoor Bio", 12_000_000, "USD", {"investors": ["Larkspur Ventures"]})]),
    pytest.param("fr", "La start-up Semaphor reçoit le soutien de Noroît Ventures pour 3 M€.",
                 [("Semaphor", 3_000_000, "EUR", {"investors": ["Noroît Ventures"]})],
                 marks=pytest.mark.xfail(reason="'soutien' as a trigger also catches public support (grants)")),
    ("en", "Halcyon Grid has raised $45m, led by Redstone Peak Capital, with participation from Larkspur Ventures and "
           "Kestane Capital.",
     [("Halcyon Grid", 45_000_000, "USD", {"lead": "Redstone Peak Capital",
                                           "investors": ["Larkspur Ventures", "Kestane Capital"]})]),
    ("fr", "Agrisens a levé 500 000 € auprès du fonds Bleu Azur Capital.",
     [("Agrisens", 500_000, "EUR", {"investors": ["Bleu Azur Capital"]})]),
    ("fr", "Okavia Robotics lève 7,5 M€ en série A auprès d'Orvalis Capital, Kerbrat Ventures et des business angels.",
     [("Okavia Robotics", 7_500_000, "EUR", {"series": "Series A", "investors": ["Orvalis Capital", "Kerbrat Ventures"]})]),
]

FUNDING += [
    ("fr", "La start-up Semaphor a racheté la start-up Pixelame, qui avait levé 3 M€ en 2021.",
     [("Pixelame", 3_000_000, "EUR", {})]),
    ("en", "Northwind Software is investing €150 million in Semaphor, the companies said.",
     [("Semaphor", 150_000_000, "EUR", {"investors": ["Northwind Software"]})]),
]

FUNDING += [
    ("fr", "La start-up Agrisens a levé 10 M€, dont 4 M€ auprès de Sillon Capital.", [("Agrisens", 10_000_000, "EUR", {})]),
    ("en", "The filtration startup Hydrolis is expanding. The Lille-based company raised €8m from Sillon Capital and "
           "Kerbrat Ventures, it said on Tuesday.",
     [("Hydrolis", 8_000_000, "EUR", {"investors": ["Sillon Capital", "Kerbrat Ventures"]})]),
]

FUNDING_NONE = [
    ("fr", "La start-up Lumisol prévoit de lever 20 M€ d'ici 2026."),
    ("fr", "La start-up Lumisol cherche à lever 20 millions d'euros pour financer son usine."),
    ("en", "The startup Quillwork is in talks to raise $100m at a $1bn valuation."),
    ("en", "The startup Quillwork plans to raise $30 million next year."),
    ("fr", "La start-up Brivane bénéficie d'un financement de 2 M€ sous forme d'avances remboursables."),
    ("en", "The startup Cobaltix said $5 million of the round came from Larkspur Ventures."),
    ("en", "The Lille-based company raised €8m from Sillon Capital and Kerbrat Ventures, it said on Tuesday."),
    ("fr", "Le groupe Nexalia investira 50 M€ d'ici 2027 dans ses usines."),
    ("fr", "Le groupe Nexalia investit 50 M€ d'ici 2027 pour moderniser ses usines."),
    ("en", "The startup Cobaltix is investing $30 million to expand its plant."),
    ("en", "Larkspur Ventures is investing $40m across ten startups this year."),
    ("fr", "La start-up Brivane, valorisée 100 M€, recrute vingt ingénieurs."),
    ("fr", "Kerbrat Ventures, qui a bouclé un fonds de 200 M€ l'an dernier, a investi dans la start-up Lumisol."),
    ("fr", "L'État a débloqué 30 M€ pour la filière hydrogène."),
    ("en", "The European Commission approved a €300 million state aid scheme for battery makers."),
    ("en", "The startup Cobaltix expects revenue of $50 million this year."),
    ("en", "The deal values Brightmere at $200 million."),
    ("en", "Northmoor Bio will receive $25 million upfront from Ferrobyte under a licensing deal."),
    ("en", "Halcyon Grid won a $40 million contract from the city of Eastmoor."),
    ("fr", "La start-up Lumisol a réalisé une croissance de 40 % et un chiffre d'affaires de 8 M€."),
    ("en", "Larkspur Ventures, which raised a $150m fund last year, led the round in Quillwork."),
    ("en", "Osprey Growth Partners manages more than $1 billion for pension funds."),
    ("fr", "La start-up Nexalia a levé des fonds, mais le montant de la levée n'a pas été communiqué."),
    ("en", "The startup Brightmere did not disclose the size of the round."),
    ("fr", "La start-up Lumisol vise un chiffre d'affaires de 20 M€ en 2026."),
    ("en", "The startup Quillwork is valued at $400 million."),
    ("fr", "La start-up Hydrolis prévoit d'investir 15 M€ dans son usine de Lille."),
    ("en", "Redstone Peak Capital sold its 20% stake in Northmoor Bio for $90 million."),
    ("fr", "La start-up Brivane a été rachetée par Nexalia pour 25 M€."),
    ("en", "The startup Ferrobyte paid $3 million to license the technology."),
    ("en", "The startup Halcyon Grid raised its revenue forecast to $40 million."),
    ("en", "Larkspur Ventures, which manages $2 billion, backs early-stage climate startups."),
    ("en", "Ferrobyte will use a $10m loan to build a plant."),
    ("en", "Kestane Capital has invested more than €500m in 40 startups since 2015."),
    ("fr", "Le fonds Orvalis Capital, doté de 300 M€, investit dans les start-up industrielles."),
    ("fr", "La start-up Lumisol a signé une commande de 3 M€ auprès d'un industriel."),
    ("fr", "Nexalia a levé 40 millions d'euros depuis sa création."),
    ("fr", "Brivane obtient un prêt de 2 millions d'euros auprès de sa banque."),
    ("fr", "Lumisol a reçu une subvention de 500 000 euros de la région."),
    ("fr", "Kerbrat Ventures lance un nouveau fonds de 150 millions d'euros."),
    ("fr", "Semaphor a réalisé un chiffre d'affaires de 12 millions d'euros en 2024."),
    ("fr", "Agrisens a racheté Pixelame pour 30 millions d'euros."),
    ("fr", "Hydrolis a décroché un contrat de 4 millions d'euros avec la métropole."),
    ("fr", "Okavia Robotics a obtenu un prêt d'innovation de 1 million d'euros de la banque publique."),
    ("fr", "Au total, Vertigreen a levé 25 M€ en trois tours."),
    ("fr", "Orvalis Capital gère 800 millions d'euros d'actifs et investit dans les start-up industrielles."),
    ("fr", "Cortexia Santé investit 30 millions d'euros dans une nouvelle usine."),
    ("fr", "Avec cette opération, Semaphor aura levé 45 millions d'euros depuis ses débuts."),
    ("en", "Quillwork has raised $40 million to date."),
    ("en", "Ferrobyte secured a $5 million loan from its bank."),
    ("en", "Halcyon Grid won a £2m grant from the government innovation agency."),
    ("en", "Larkspur Ventures closed a $300 million fund."),
    ("en", "Cobaltix reported revenue of $12 million last year."),
    ("en", "Brightmere acquired Tidewell Robotics for $80 million."),
    ("en", "Northmoor Bio signed a $10 million supply contract with a hospital group."),
    ("en", "Since its founding, Quillwork has raised $60 million."),
    ("en", "Halcyon Grid will invest $100 million in a new factory."),
    ("en", "Ferrobyte has now raised a total of $70 million."),
]

# (lang, text, [partners of each expected fact])
PARTNERS = [
    ("fr", "Nexalia noue un partenariat avec Brivane pour distribuer ses capteurs.", [["Nexalia", "Brivane"]]),
    ("fr", "Lumisol et Hydrolis annoncent une collaboration pour développer des panneaux recyclables.",
     [["Lumisol", "Hydrolis"]]),
    ("fr", "Vertigreen s'associe à Agrisens pour proposer une offre commune.", [["Vertigreen", "Agrisens"]]),
    ("fr", "Semaphor a signé un protocole d'accord avec Okavia Robotics.", [["Semaphor", "Okavia Robotics"]]),
    ("fr", "Pixelame et Cortexia Santé créent une coentreprise consacrée à l'imagerie médicale.",
     [["Pixelame", "Cortexia Santé"]]),
    ("fr", "Agrisens a conclu des partenariats avec Lumisol, Hydrolis et Brivane.",
     [["Agrisens", "Lumisol"], ["Agrisens", "Hydrolis"], ["Agrisens", "Brivane"]]),
    ("fr", "Semaphor, Okavia Robotics et Vertigreen ont signé un accord tripartite.",
     [["Semaphor", "Okavia Robotics", "Vertigreen"]]),
    ("fr", "Hydrolis a signé une lettre d'intention avec Nexalia.", [["Hydrolis", "Nexalia"]]),
    ("fr", "Brivane s'allie à Pixelame pour conquérir l'Allemagne.", [["Brivane", "Pixelame"]]),
    ("fr", "Okavia Robotics collabore avec Cortexia Santé sur un bras chirurgical.",
     [["Okavia Robotics", "Cortexia Santé"]]),
    ("fr", "Lumisol et Vertigreen unissent leurs forces dans le solaire.", [["Lumisol", "Vertigreen"]]),
    ("fr", "Le groupe Nexalia a annoncé la création d'une coentreprise avec Semaphor.", [["Nexalia", "Semaphor"]]),
    ("fr", "La start-up Agrisens conçoit des capteurs. La société a noué une alliance stratégique avec Hydrolis.",
     [["Agrisens", "Hydrolis"]]),
    ("fr", "Un partenariat a été signé entre Brivane et Lumisol.", [["Brivane", "Lumisol"]]),
    ("fr", "Cortexia Santé s'est associée à Pixelame pour développer un logiciel.", [["Cortexia Santé", "Pixelame"]]),
    ("fr", "Brivane, grossiste-distributeur installé à Lille, recrute. Le distributeur multiplie les accords. "
           "Depuis mars, il a signé des partenariats avec les enseignes Lumisol et Hydrolis.",
     [["Brivane", "Lumisol"], ["Brivane", "Hydrolis"]]),
    ("fr", "Hydrolis et Nexalia ont conclu un accord-cadre de coopération industrielle.", [["Hydrolis", "Nexalia"]]),
    ("fr", "La coentreprise créée par Semaphor et Okavia Robotics sera basée à Lyon.", [["Semaphor", "Okavia Robotics"]]),
    # -- English
    ("en", "Quillwork has partnered with Ferrobyte to offer invoice financing.", [["Quillwork", "Ferrobyte"]]),
    ("en", "Halcyon Grid teams up with Tidewell Robotics on battery inspection.",
     [["Halcyon Grid", "Tidewell Robotics"]]),
    ("en", "Northmoor Bio and Cobaltix signed a memorandum of understanding to develop new materials.",
     [["Northmoor Bio", "Cobaltix"]]),
    ("en", "Brightmere joins forces with Quillwork to target retailers.", [["Brightmere", "Quillwork"]]),
    ("en", "Ferrobyte formed a joint venture with Halcyon Grid.", [["Ferrobyte", "Halcyon Grid"]]),
    ("en", "Cobaltix announced partnerships with Tidewell Robotics, Brightmere and Northmoor Bio.",
     [["Cobaltix", "Tidewell Robotics"], ["Cobaltix", "Brightmere"], ["Cobaltix", "Northmoor Bio"]]),
    ("en", "Tidewell Robotics, Halcyon Grid and Quillwork have formed an alliance to share charging sites.",
     [["Tidewell Robotics", "Halcyon Grid", "Quillwork"]]),
    ("en", "Ferrobyte signed a letter of intent with Cobaltix.", [["Ferrobyte", "Cobaltix"]]),
    ("en", "Brightmere is collaborating with Northmoor Bio on a new assay.", [["Brightmere", "Northmoor Bio"]]),
    ("en", "Halcyon Grid struck a strategic partnership with Cobaltix.", [["Halcyon Grid", "Cobaltix"]]),
    ("en", "Northmoor Bio will work with Ferrobyte to develop sensors.", [["Northmoor Bio", "Ferrobyte"]]),
    ("en", "Quillwork makes invoicing software. The startup has also signed a partnership with Brightmere.",
     [["Quillwork", "Brightmere"]]),
    ("en", "Cobaltix has teamed up with Halcyon Grid to build a recycling plant.", [["Cobaltix", "Halcyon Grid"]]),
    ("en", "Tidewell Robotics is running a pilot with Ferrobyte and Brightmere under a three-way agreement signed in May.",
     [["Tidewell Robotics", "Ferrobyte", "Brightmere"]]),
    ("en", "Last year, Northmoor Bio inked a research collaboration with the University of Eastmoor.",
     [["Northmoor Bio", "University of Eastmoor"]]),
    ("en", "Quillwork and Cobaltix are partnering to sell bundled software to retailers.", [["Quillwork", "Cobaltix"]]),
    ("en", "Halcyon Grid said on Monday it had formed a 50-50 joint venture with Brightmere.",
     [["Halcyon Grid", "Brightmere"]]),
]

PARTNERS += [
    ("fr", "La start-up Lumisol a créé une coentreprise avec Hydrolis pour la fourniture d'hydrogène vert.",
     [["Lumisol", "Hydrolis"]]),
    ("en", "Ferrobyte and Cobaltix have signed a strategic cooperation agreement.", [["Ferrobyte", "Cobaltix"]]),
    ("fr", "La start-up Hydrolis a été choisie comme partenaire technologique par Nexalia.", [["Hydrolis", "Nexalia"]]),
    ("en", "Tidewell Robotics has been selected by Northmoor Bio as its technology partner.",
     [["Tidewell Robotics", "Northmoor Bio"]]),
    ("fr", "La start-up Nexalia est partenaire de Brivane depuis 2021.", [["Nexalia", "Brivane"]]),
    ("fr", "Grâce à un accord avec Pixelame, la start-up Agrisens pourra équiper 200 vignobles.",
     [["Agrisens", "Pixelame"]]),
    ("en", "Hydrolis has signed a memorandum of understanding (MoU) with Eastmoor Port Authority.",
     [["Hydrolis", "Eastmoor Port Authority"]]),
    ("en", "Northmoor Bio's partnership with Cobaltix, announced in March, covers three drugs.",
     [["Northmoor Bio", "Cobaltix"]]),
]

PARTNERS += [
    ("fr", "Nexalia et Brivane ont annoncé mardi la signature d'un partenariat stratégique.", [["Nexalia", "Brivane"]]),
    ("fr", "Le partenariat noué avec Pixelame permettra à la start-up Agrisens de vendre en Italie.",
     [["Agrisens", "Pixelame"]]),
    ("en", "Quillwork said the partnership with Ferrobyte would start in June.", [["Quillwork", "Ferrobyte"]]),
    ("en", "Brightmere has entered into a strategic alliance with Tidewell Robotics.", [["Brightmere", "Tidewell Robotics"]]),
    ("en", "Northmoor Bio, Cobaltix, Ferrobyte and Quillwork have formed a consortium to bid for the contract.",
     [["Northmoor Bio", "Cobaltix", "Ferrobyte", "Quillwork"]]),
    ("fr", "La start-up Lumisol a noué des partenariats avec plusieurs industriels, dont Hydrolis et Vertigreen.",
     [["Lumisol", "Hydrolis"], ["Lumisol", "Vertigreen"]]),
    ("en", "Halcyon Grid and Cobaltix have agreed to jointly develop a battery plant.", [["Halcyon Grid", "Cobaltix"]]),
]

# partners4: a possessive or an object of "to" is no signer; a place as the partner's descriptor; what a joint venture
# is set up to do ("to acquire") is no acquisition of the partner
PARTNERS += [
    ("en", "Quillwork Hotels raised $40 million this year. Quillwork Hotels has also formed a joint venture with "
     "Ferrobyte Capital to acquire heritage properties.", [["Quillwork Hotels", "Ferrobyte Capital"]]),
    ("fr", "C'est l'objet du partenariat de recherche signé lundi par Nexalia Énergies (NXE) et le groupe Brivane.",
     [["Nexalia Énergies", "Brivane"]]),
    ("en", "The partnership was signed on Monday by Cobaltix and Brightmere Energy.", [["Cobaltix", "Brightmere Energy"]]),
    ("fr", "La société Agrisens a signé un partenariat avec la société lyonnaise Pixelame.", [["Agrisens", "Pixelame"]]),
]

PARTNERS_NONE = [
    ("fr", "La start-up Lumisol mène un tour de table de 8 millions d'euros, auquel s'associent Hydrolis et Vertigreen."),
    ("fr", "La start-up Lumisol a signé un accord avec Hydrolis pour la fourniture de 500 panneaux."),
    ("en", "The startup Quillwork works with more than 300 firms, including Ashdown Legal."),
    ("en", "Cobaltix and Brightmere have agreed to merge."),
    ("fr", "Nexalia et Brivane vont fusionner."),
    ("en", "Halcyon Grid's customers include Cobaltix and Brightmere."),
    ("fr", "La start-up Semaphor a remporté un appel d'offres de Nexalia."),
    ("en", "Ferrobyte hired the consultancy Ashgrove Advisory to run the process."),
    ("fr", "Dans le cadre de ce partenariat, la start-up Lumisol fournira ses panneaux à Hydrolis."),
    ("fr", "La start-up Okavia Robotics a choisi le cabinet Vernier Associés pour l'accompagner."),
    ("en", "Halcyon Grid signed a power purchase agreement with Cobaltix."),
    ("en", "Jane Roe, a partner at Larkspur Ventures, joined the board of Quillwork."),
    ("fr", "Nexalia a finalisé l'acquisition de Brivane."),
    ("fr", "Lumisol a signé un contrat de fourniture avec Hydrolis."),
    ("fr", "Semaphor a été conseillée par le cabinet d'avocats Vernier Associés."),
    ("fr", "Vertigreen loue ses bureaux à la foncière Dorval Immobilier, son bailleur."),
    ("fr", "Okavia Robotics a signé un accord de rachat avec Cortexia Santé."),
    ("fr", "Agrisens a passé une commande de capteurs à Pixelame."),
    ("en", "Quillwork agreed to acquire Brightmere."),
    ("en", "Ferrobyte signed a supply agreement with Cobaltix."),
    ("en", "Halcyon Grid was advised by law firm Ashdown Pryce LLP."),
    ("en", "Tidewell Robotics signed a lease with landlord Greyfriars Estates for its new offices."),
    ("en", "Northmoor Bio signed a definitive agreement to merge with Cobaltix."),
    ("en", "Brightmere placed an order with Ferrobyte for 500 machines."),
    ("en", "Cobaltix, whose customers include Tidewell Robotics, did not comment on the agreement."),
    ("fr", "Pixelame a confié la gestion de sa paie au cabinet Dumas Conseil dans le cadre d'un contrat de service."),
    ("en", "Quillwork licensed its patents to Ferrobyte in exchange for royalties."),
]


# -- round 3: backers that bring the money together, parts of a round told apart, currency notes, project costs
FUNDING += [
    ("fr", "Le fabricant stéphanois Dumont Frères ouvre son capital.\nLe capital-investisseur lyonnais Parex, qui mène "
           "l'opération, et la Banque des Territoires, bras financier de la Caisse des Dépôts, apportent ensemble "
           "18 millions d'euros en fonds propres.",
     [("Dumont Frères", 18_000_000, "EUR", {"investors": ["Parex", "Banque des Territoires"]})]),
    ("fr", "Le fabricant de meubles Tarvel Design lève 9 millions d'euros auprès de Sorelis Capital. Le fonds régional "
           "Ouest Croissance entre par ailleurs au capital, à hauteur de 2 millions d'euros.",
     [("Tarvel Design", 9_000_000, "EUR", {"investors": ["Sorelis Capital"]}), ("Tarvel Design", 2_000_000, "EUR", {})]),
    ("fr", "Le fabricant namurois Rouleo Cycles lève 10 millions d'euros auprès de Namur Invest. L'entreprise complète son "
           "financement par un crédit de 2 millions d'euros de Belfius.",
     [("Rouleo Cycles", 10_000_000, "EUR", {"investors": ["Namur Invest"]})]),
    ("fr", "Créée en 2020, la société Hélior Energies avait déjà levé 20 millions d'euros en 2022 auprès de Capza, soit "
           "110 millions d'euros de fonds propres réunis en trois ans.",
     [("Hélior Energies", 20_000_000, "EUR", {"investors": ["Capza"]})]),
    ("en", "Leeds cider maker Orchard Row Ltd has secured £1.5m of investment to open a new bar. The funding round was "
           "led by Dale Capital Partners, a Leeds-based fund manager, which has put in £500,000. The remaining £1m came "
           "from more than 900 customers through a crowdfunding campaign.",
     [("Orchard Row Ltd", 1_500_000, "GBP", {"investors": ["Dale Capital Partners"]})]),
    ("en", "Perth-based Quokka Robotics has raised $25 million in a series A round led by Tallgum Ventures, while US "
           "rival Wombat Systems raised US$30 million last year. All figures are in Australian dollars unless stated "
           "otherwise.",
     [("Quokka Robotics", 25_000_000, "AUD", {"series": "Series A", "investors": ["Tallgum Ventures"]}),
      ("Wombat Systems", 30_000_000, "USD", {})]),
    ("fr", "La start-up montréalaise Boréalis lève 8 millions de dollars auprès de Fonds Nordet. Les montants sont "
           "exprimés en dollars canadiens.",
     [("Boréalis", 8_000_000, "CAD", {"investors": ["Fonds Nordet"]})]),
    ("en", "Bristol-based Fernwick Labs has landed £3m of investment from Severn Capital.",
     [("Fernwick Labs", 3_000_000, "GBP", {"investors": ["Severn Capital"]})]),
]

FUNDING_NONE += [
    ("fr", "L'investissement, de 9 M€, est financé en partie par un prêt de la Banque Populaire de l'Ouest."),
    ("en", "The new plant, worth £40m, will be funded by the company's own cash and a loan from Harlow Bank."),
    ("en", "The group plans £50m of investment in its plants over the next five years."),
    ("fr", "La Région Occitanie complète le dispositif par une avance remboursable de 1,5 M€ à la société Ferlane."),
]


@pytest.mark.parametrize("lang,text,expected", FUNDING)
def test_funding_round(ex: Extractor, lang: str, text: str, expected: list[Any]) -> None:
    rounds = _facts(ex, text, lang, FundingRound)
    for org, amount, currency, extra in expected:
        hit = [r for r in rounds if _same(r.organisation, org) and r.amount == Decimal(amount)
               and r.currency == currency]
        assert hit, f"missing {org} {amount} {currency}: {rounds}"
        r = hit[0]
        if "series" in extra:
            assert r.series == extra["series"]
        if "lead" in extra:
            assert r.investors and _same(r.investors[0], extra["lead"]), r.investors
        if "investors" in extra:
            assert all(any(_same(i, x) for i in r.investors) for x in extra["investors"]), r.investors
            assert not any(_same(i, org) for i in r.investors)
        if "valuation" in extra:
            assert r.valuation == Decimal(extra["valuation"])
    assert len(rounds) == len(expected), rounds


@pytest.mark.parametrize("lang,text", FUNDING_NONE)
def test_not_a_funding_round(ex: Extractor, lang: str, text: str) -> None:
    assert _facts(ex, text, lang, FundingRound) == []


@pytest.mark.parametrize("lang,text,expected", PARTNERS)
def test_partnership(ex: Extractor, lang: str, text: str, expected: list[list[str]]) -> None:
    facts = _facts(ex, text, lang, Partnership)
    for parties in expected:
        assert any(len(f.partners) == len(parties) and all(any(_same(p, x) for p in f.partners) for x in parties)
                   for f in facts), facts
    assert len(facts) == len(expected), facts


@pytest.mark.parametrize("lang,text", PARTNERS_NONE)
def test_not_a_partnership(ex: Extractor, lang: str, text: str) -> None:
    assert _facts(ex, text, lang, Partnership) == []
