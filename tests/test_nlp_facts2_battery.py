"""Battery of invented sentences for Office and Role facts (French and English): site lists, nearby cities,
streets and districts, former employers, anaphoric organisations, quote attributions, relative clauses.
Every name and sentence is invented. Positive cases expect the fact; negative cases expect its absence."""

from __future__ import annotations

import pytest

from kg.model import Article, Office, Role
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _facts(ex: Extractor, text: str, lang: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    facts = ex(Article(text=text, lang=lang, date="2025-03-10")).facts
    offices = set()
    for f in facts:
        if isinstance(f, Office):
            for n in {f.place.name, f.place.as_written or f.place.name}:
                offices.add((f.organisation, n))
    roles = {(f.person, f.organisation) for f in facts if isinstance(f, Role)}
    return offices, roles


FR = ("Le fabricant de meubles Ravelin Bois a annoncé mardi un investissement de 20 millions d'euros. "
      "Ravelin Bois emploie 300 personnes. ")
EN = ("Coldmere Robotics, the warehouse automation company, said on Monday it had raised $40 million. "
      "Coldmere Robotics employs 210 people. ")
FR_COOP = ("La coopérative agricole Terres de Vellane a inauguré jeudi une nouvelle malterie. "
           "Le distributeur Marchal Frères, son principal client, a salué l'investissement.\n")
EN_FIRM = ("Brannock Tools, a maker of garden equipment, has agreed to supply Helvery Retail. "
           "Helvery Retail runs 80 stores.\n")

CASES = [
    # -- offices: several sites in one sentence
    ("fr", FR + "Ses usines de Limoges et de Brive tournent à plein régime.", "o", "Ravelin Bois", "Brive", True),
    ("fr", FR + "Ses usines de Limoges et de Brive tournent à plein régime.", "o", "Ravelin Bois", "Limoges", True),
    ("fr", FR + "L'entreprise partage ses équipes entre le siège de Lausanne et le bureau de Zurich ouvert en 2022.",
     "o", "Ravelin Bois", "Zurich", True),
    ("fr", FR + "L'entreprise partage ses équipes entre le siège de Lausanne et le bureau de Zurich ouvert en 2022.",
     "o", "Ravelin Bois", "Lausanne", True),
    ("fr", FR + "Elle emploie 300 salariés répartis entre Tulle et Ussel, où une seconde usine a ouvert en 2012.",
     "o", "Ravelin Bois", "Ussel", True),
    ("fr", FR + "Deux magasins ouvriront en 2026 à Nantes et à Angers.", "o", "Ravelin Bois", "Angers", True),
    ("fr", FR + "Deux magasins ouvriront en 2026 à Nantes et à Angers.", "o", "Ravelin Bois", "Nantes", True),
    ("fr", FR + "Le groupe exploite des ateliers à Cholet, à Angers et à Saumur.", "o", "Ravelin Bois", "Saumur",
     True),
    ("en", EN + "The company runs plants in Leeds and in Bradford.", "o", "Coldmere Robotics", "Bradford", True),
    ("en", EN + "It has offices in Lisbon, Porto and Madrid.", "o", "Coldmere Robotics", "Porto", True),
    ("en", EN + "Its factories in Derby and Nottingham will double output.", "o", "Coldmere Robotics",
     "Nottingham", True),
    ("en", EN + "Coldmere Robotics will split its staff between its Glasgow headquarters and a new Dundee office.",
     "o", "Coldmere Robotics", "Glasgow", True),
    # -- offices: a village near a city; the city is not the office
    ("fr", FR + "Ravelin Bois a inauguré son usine de Plouvien, au nord de Brest.", "o", "Ravelin Bois", "Brest",
     False),
    ("fr", FR + "Le groupe construit un entrepôt à Carvin, au sud de Lille.", "o", "Ravelin Bois", "Lille", False),
    ("fr", FR + "Le groupe construit un entrepôt à Carvin, au sud de Lille.", "o", "Ravelin Bois", "Carvin", True),
    ("fr", FR + "Le site, situé à une vingtaine de kilomètres à l'est de Rennes, emploie 80 personnes.", "o",
     "Ravelin Bois", "Rennes", False),
    ("fr", FR + "La nouvelle scierie se trouve à Égletons, non loin de Tulle.", "o", "Ravelin Bois", "Tulle",
     False),
    ("fr", FR + "La nouvelle scierie se trouve à Égletons, dans la banlieue de Tulle.", "o", "Ravelin Bois", "Tulle",
     False),
    ("en", EN + "The plant is in Shildon, north of Darlington.", "o", "Coldmere Robotics", "Darlington", False),
    ("en", EN + "The firm opened a depot in Wath, 10 miles east of Sheffield.", "o", "Coldmere Robotics",
     "Sheffield", False),
    ("en", EN + "It opened a warehouse in Bristol last year, a few miles from Bath.", "o", "Coldmere Robotics",
     "Bristol", True),
    # -- offices: streets and districts are not cities
    ("fr", FR + "L'enseigne a inauguré une boutique rue de Rennes, à Paris.", "o", "Ravelin Bois", "Rennes", False),
    ("fr", FR + "L'enseigne a inauguré une boutique rue de Rennes, à Paris.", "o", "Ravelin Bois", "Paris", True),
    ("fr", FR + "Le showroom ouvrira avenue de Lyon, à Grenoble.", "o", "Ravelin Bois", "Lyon", False),
    ("fr", FR + "Son siège se trouve boulevard de Strasbourg, à Toulouse.", "o", "Ravelin Bois", "Strasbourg",
     False),
    ("fr", FR + "Le magasin amiral est situé place de Bordeaux, à Nantes.", "o", "Ravelin Bois", "Bordeaux", False),
    ("fr", FR + "Un showroom ouvrira quai de Lyon, à Caen.", "o", "Ravelin Bois", "Caen", True),
    ("en", EN + "It opened a showroom on London Road in Leicester.", "o", "Coldmere Robotics", "London", False),
    ("en", EN + "Its headquarters are on Bristol Street in Birmingham.", "o", "Coldmere Robotics", "Bristol", False),
    # -- offices: status
    ("fr", FR + "Une succursale à Genève devrait suivre en 2026.", "o", "Ravelin Bois", "Geneva", True),
    ("fr", FR + "L'usine de Tarbes, en service depuis 1974, sera modernisée.", "o", "Ravelin Bois", "Tarbes", True),
    ("en", EN + "Coldmere Robotics also plans to open a lab in Manchester next year.", "o", "Coldmere Robotics",
     "Manchester", True),
    # -- offices: negatives (deployments, closures, other companies' sites)
    ("fr", FR + "Ravelin Bois a fermé son usine de Tarbes en 2019.", "o", "Ravelin Bois", "Tarbes", False),
    ("en", EN + "Coldmere Robotics shut down its Cardiff office last year.", "o", "Coldmere Robotics", "Cardiff",
     False),
    ("en", EN + "Its robots are deployed in Oslo and Bergen.", "o", "Coldmere Robotics", "Oslo", False),
    ("fr", FR + "Ses meubles sont vendus à Marseille et à Nice.", "o", "Ravelin Bois", "Nice", False),
    # -- roles: the organisation is an anaphor for a described organisation
    ("fr", FR_COOP + "« C'est un tournant », souligne Nadège Perrot, directrice générale de la coopérative depuis "
                     "2021.", "r", "Nadège Perrot", "Terres de Vellane", True),
    ("fr", FR_COOP + "« C'est un tournant », souligne Nadège Perrot, directrice générale de la coopérative depuis "
                     "2021.", "r", "Nadège Perrot", "Marchal Frères", False),
    ("fr", FR_COOP + "Nadège Perrot, présidente de la coopérative, a coupé le ruban.", "r", "Nadège Perrot",
     "Terres de Vellane", True),
    ("en", EN_FIRM + "\"We are delighted,\" said Lorna Piggott, managing director of the toolmaker.", "r",
     "Lorna Piggott", "Helvery Retail", False),
    # -- roles: former employers do not get the role
    ("fr", FR + "Nadège Perrot, directrice générale de Ravelin Bois, passée auparavant par Solvane, a signé "
                "l'accord.", "r", "Nadège Perrot", "Solvane", False),
    ("fr", FR + "Nadège Perrot, directrice générale de Ravelin Bois, passée auparavant par Solvane, a signé "
                "l'accord.", "r", "Nadège Perrot", "Ravelin Bois", True),
    ("fr", FR + "« Le marché repart », estime Nadège Perrot, directrice générale depuis 2022, passée auparavant "
                "par la direction industrielle de Solvane.", "r", "Nadège Perrot", "Solvane", False),
    ("fr", FR + "« Le marché repart », estime Nadège Perrot, directrice générale depuis 2022, passée auparavant "
                "par la direction industrielle de Solvane.", "r", "Nadège Perrot", "Ravelin Bois", True),
    ("fr", FR + "L'ex-directrice de Solvane, Nadège Perrot, rejoint Ravelin Bois.", "r", "Nadège Perrot",
     "Solvane", False),
    ("fr", FR + "Ravelin Bois a recruté Nadège Perrot, ex-DRH de Solvane.", "r", "Nadège Perrot", "Solvane", False),
    ("fr", FR + "Nadège Perrot, ancienne directrice financière de Solvane, a rejoint Ravelin Bois.", "r",
     "Nadège Perrot", "Solvane", False),
    ("en", EN + "Coldmere Robotics hired Paul Denby, formerly chief financial officer at Strayline.", "r",
     "Paul Denby", "Strayline", False),
    ("en", EN + "Paul Denby, a former Strayline executive, is chief financial officer.", "r", "Paul Denby",
     "Strayline", False),
    ("en", EN + "Paul Denby, ex-CFO of Strayline, joined in May.", "r", "Paul Denby", "Strayline", False),
    # -- roles: quote attributions with an organisation inside the quote
    ("fr", FR + "« Avec Bancelle Capital, nous avons un actionnaire patient », explique Nadège Perrot, présidente "
                "du directoire.", "r", "Nadège Perrot", "Ravelin Bois", True),
    ("fr", FR + "« Avec Bancelle Capital, nous avons un actionnaire patient », explique Nadège Perrot, présidente "
                "du directoire.", "r", "Nadège Perrot", "Bancelle Capital", False),
    ("fr", FR + "« Les formations seront montées avec Pôle Sud Emploi », précise Yvon Ravelin, président du conseil "
                "de surveillance.", "r", "Yvon Ravelin", "Ravelin Bois", True),
    ("fr", FR + "« Les formations seront montées avec Pôle Sud Emploi », précise Yvon Ravelin, président du conseil "
                "de surveillance.", "r", "Yvon Ravelin", "Pôle Sud Emploi", False),
    ("en", EN + "\"Working with Ferrand Logistics changes everything,\" said Paul Denby, chief operating officer.",
     "r", "Paul Denby", "Coldmere Robotics", True),
    ("en", EN + "\"Working with Ferrand Logistics changes everything,\" said Paul Denby, chief operating officer.",
     "r", "Paul Denby", "Ferrand Logistics", False),
    ("en", EN + "\"Ferrand Logistics is a great partner,\" chief operating officer Paul Denby said.", "r",
     "Paul Denby", "Ferrand Logistics", False),
    ("fr", FR + "« Nous n'irons pas chez Solvane », assure Yvon Ravelin, PDG.", "r", "Yvon Ravelin", "Solvane",
     False),
    # -- roles: relative clauses
    ("fr", FR + "Nadège Perrot a fondé la société avec Luc Artigue, qui en reste le directeur technique.", "r",
     "Luc Artigue", "Ravelin Bois", True),
    ("fr", FR + "Nadège Perrot a cofondé Ravelin Bois avec Luc Artigue, qui en demeure le conseiller "
                "scientifique.", "r", "Luc Artigue", "Ravelin Bois", True),
    ("fr", FR + "Luc Artigue, qui dirige Ravelin Bois depuis 2015, a signé l'accord.", "r", "Luc Artigue",
     "Ravelin Bois", True),
    ("fr", FR + "Luc Artigue, qui est directeur financier de Ravelin Bois, a signé.", "r", "Luc Artigue",
     "Ravelin Bois", True),
    ("en", EN + "Dana Whitlow founded the company with Omar Reyes, who remains chief technology officer.", "r",
     "Omar Reyes", "Coldmere Robotics", True),
    ("en", EN + "Omar Reyes, who is chief technology officer at Coldmere Robotics, said the robots were ready.", "r",
     "Omar Reyes", "Coldmere Robotics", True),
    ("en", EN + "Omar Reyes, who was previously chief technology officer at Strayline, joined in June.", "r",
     "Omar Reyes", "Strayline", False),
    # -- roles: titles
    ("fr", FR + "Yvon Ravelin, président du conseil de surveillance de Ravelin Bois, a salué l'opération.", "r",
     "Yvon Ravelin", "Ravelin Bois", True),
    ("fr", FR + "Nadège Perrot, présidente du directoire, a présenté les comptes.", "r", "Nadège Perrot",
     "Ravelin Bois", True),
    ("fr", FR + "La présidente de Ravelin Bois, Nadège Perrot, a présenté les comptes.", "r", "Nadège Perrot",
     "Ravelin Bois", True),
    ("fr", FR + "Nadège Perrot, fondatrice et présidente de Ravelin Bois, a présenté les comptes.", "r",
     "Nadège Perrot", "Ravelin Bois", True),
    ("fr", FR + "Nadège Perrot, directrice des opérations, pilotera le site.", "r", "Nadège Perrot", "Ravelin Bois",
     True),
    ("en", EN + "Dana Whitlow, Coldmere Robotics' chief executive, said demand was strong.", "r", "Dana Whitlow",
     "Coldmere Robotics", True),
    ("en", EN + "Chief executive Dana Whitlow said the round was oversubscribed.", "r", "Dana Whitlow",
     "Coldmere Robotics", True),
    ("en", EN + "Dana Whitlow, currently Coldmere Robotics' UK managing director, will become chief executive.",
     "r", "Dana Whitlow", "Coldmere Robotics", True),
    ("en", EN + "The round was led by Tarvis Capital, whose partner Gina Holt joins the board.", "r", "Gina Holt",
     "Tarvis Capital", True),
    ("fr", FR + "Le tour est mené par Tarvis Capital, avec des business angels dont Gina Holt, cofondatrice de la "
                "plateforme Lumeo.", "r", "Gina Holt", "Ravelin Bois", False),
    # -- roles: state offices and affiliations are not roles
    ("fr", FR + "Le maire de Tulle, Bernard Lachaux, a salué l'investissement.", "r", "Bernard Lachaux",
     "Ravelin Bois", False),
    ("en", EN + "Business secretary Alan Pryce welcomed the news.", "r", "Alan Pryce", "Coldmere Robotics", False),
    ("fr", FR + "Le ministre de l'Industrie, Alain Peyrol, a salué l'investissement.", "r", "Alain Peyrol",
     "Ravelin Bois", False),
    # -- offices: headquarters forms and anaphors
    ("fr", FR + "L'entreprise familiale, dont le siège est à Brive, va construire une usine à Tulle.", "o",
     "Ravelin Bois", "Brive", True),
    ("fr", FR + "L'entreprise familiale, dont le siège est à Brive, va construire une usine à Tulle.", "o",
     "Ravelin Bois", "Tulle", True),
    ("en", EN + "The Leeds-based company plans a second plant in Hull.", "o", "Coldmere Robotics", "Hull", True),
    ("en", EN + "Its corporate office is in Sheffield.", "o", "Coldmere Robotics", "Sheffield", True),
    ("fr", FR + "Ravelin Bois occupe depuis 2020 un local de 800 mètres carrés à Limoges.", "o", "Ravelin Bois",
     "Limoges", True),
    ("fr", FR + "Le groupe a signé un accord avec Marchal Frères, à Poitiers, pour distribuer ses meubles.", "o",
     "Ravelin Bois", "Poitiers", False),
    ("en", EN + "The company signed a supply deal with Helvery Retail, based in York.", "o", "Coldmere Robotics",
     "York", False),
]


# known misses left open (indexes into CASES): an unresolved village in "entre X et Y", a title whose organisation
# is only implied after a quote and a "passée par" clause, "currently X's UK managing director", "occupe un local
# à X", a partner's "based in X" read as the subject's office
OPEN = {4, 43, 72, 82, 84}


@pytest.mark.parametrize("lang,text,kind,a,b,expected", [
    pytest.param(*c, marks=pytest.mark.xfail(reason="known miss", strict=True)) if i in OPEN else c
    for i, c in enumerate(CASES)])
def test_battery(ex: Extractor, lang: str, text: str, kind: str, a: str, b: str, expected: bool) -> None:
    offices, roles = _facts(ex, text, lang)
    found = (a, b) in (offices if kind == "o" else roles)
    assert found == expected, (offices if kind == "o" else roles)
