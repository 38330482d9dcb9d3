"""Office facts on invented sentences: the many ways a text ties an organisation to a site in a city (French first,
then English), the owner when several organisations are named, the status, and the traps that are not offices
(services deployed in a city, events, markets, customers' sites, an investor's location, sites that closed).

Every company, person and sentence here is invented."""

from __future__ import annotations

import unicodedata

import pytest

from kg.model import Article, Office
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace("-", " ").replace("'", " ").split())


def _offices(ex: Extractor, text: str, lang: str) -> list[Office]:
    return [f for f in ex(Article(text=text, lang=lang, date="2025-03-10")).facts if isinstance(f, Office)]


def _has(offices: list[Office], org: str, city: str) -> Office | None:
    for o in offices:
        if _norm(org) in _norm(o.organisation) and _norm(city) in {_norm(o.place.name), _norm(o.place.as_written)}:
            return o
    return None


# (lang, text, organisation, city, status or None to leave the status unchecked)
POSITIVE = [
    # -- French: verbs of settling and opening
    ("fr", "La start-up Kovalo pose ses valises à Bordeaux.", "Kovalo", "Bordeaux", None),
    ("fr", "La société Vextrion s'installe à Lille, dans le quartier d'Euralille.", "Vextrion", "Lille", None),
    ("fr", "La fintech Paylune s'implantera à Nantes d'ici 2027.", "Paylune", "Nantes", "planned"),
    ("fr", "Le groupe Orvanel a inauguré lundi sa nouvelle usine de Vierzon.", "Orvanel", "Vierzon", "opening"),
    ("fr", "Le groupe Orvanel ouvre ce lundi un entrepôt à Chartres.", "Orvanel", "Chartres", "opening"),
    ("fr", "La société Brivalia a annoncé l'ouverture d'une agence à Toulouse.", "Brivalia", "Toulouse", "opening"),
    ("fr", "La start-up Kovalo prévoit d'ouvrir un bureau à Lyon en 2026.", "Kovalo", "Lyon", "planned"),
    ("fr", "La société Brivalia ouvrira un centre de R&D à Grenoble l'an prochain.", "Brivalia", "Grenoble", "planned"),
    ("fr", "Le groupe Orvanel va construire une usine à Dunkerque.", "Orvanel", "Dunkerque", "planned"),
    ("fr", "La société Vextrion déménage son siège à Marseille.", "Vextrion", "Marseille", None),
    ("fr", "La société Vextrion a transféré son siège social à Montpellier en janvier.", "Vextrion", "Montpellier",
     None),
    ("fr", "Le groupe Orvanel dispose déjà d'un laboratoire à Strasbourg.", "Orvanel", "Strasbourg", "existing"),
    ("fr", "La société Brivalia possède deux usines, à Angers et à Cholet.", "Brivalia", "Cholet", "existing"),
    ("fr", "La société Brivalia possède deux usines, à Angers et à Cholet.", "Brivalia", "Angers", "existing"),
    ("fr", "La start-up Kovalo est installée à Rennes depuis 2019.", "Kovalo", "Rennes", "existing"),
    ("fr", "La société Vextrion est implantée à Reims depuis sa création.", "Vextrion", "Reims", "existing"),
    ("fr", "La start-up Kovalo, basée à Brest, lève 3 millions d'euros.", "Kovalo", "Brest", "existing"),
    ("fr", "Basée à Poitiers, la société Brivalia emploie 40 personnes.", "Brivalia", "Poitiers", "existing"),
    ("fr", "Le groupe Orvanel, dont le siège est à Limoges, recrute.", "Orvanel", "Limoges", "existing"),
    ("fr", "Le groupe Orvanel a choisi Metz pour sa future plateforme logistique.", "Orvanel", "Metz", "planned"),
    ("fr", "Le groupe Orvanel a posé la première pierre de son usine de Saint-Nazaire.", "Orvanel", "Saint-Nazaire",
     "planned"),
    ("fr", "Le groupe Orvanel emploie 300 salariés sur son site de Roanne.", "Orvanel", "Roanne", "existing"),
    ("fr", "La société Brivalia compte des bureaux à Paris, Lyon et Bordeaux.", "Brivalia", "Bordeaux", "existing"),
    ("fr", "La société Brivalia compte des bureaux à Paris, Lyon et Bordeaux.", "Brivalia", "Lyon", "existing"),
    ("fr", "La société Vextrion a ouvert en 2021 un showroom à Nice.", "Vextrion", "Nice", "existing"),
    ("fr", "La start-up Kovalo vient d'ouvrir une antenne à Rouen.", "Kovalo", "Rouen", "opening"),
    ("fr", "La start-up Kovalo étend son implantation à Tours avec un deuxième site.", "Kovalo", "Tours", None),
    ("fr", "La société Brivalia a inauguré un magasin amiral à Bordeaux.", "Brivalia", "Bordeaux", "opening"),
    # -- French: demonyms and headlines
    ("fr", "La PME rennaise Talvéo lève 5 millions d'euros.", "Talvéo", "Rennes", "existing"),
    ("fr", "La biotech lyonnaise Seramis signe un accord avec un laboratoire.", "Seramis", "Lyon", "existing"),
    ("fr", "La société Vextrion, une PME nantaise, recrute 20 ingénieurs.", "Vextrion", "Nantes", "existing"),
    ("fr", "Toulouse : la start-up Aérolis ouvre un second site.", "Aérolis", "Toulouse", None),
    # -- French: owner among several organisations
    ("fr", "La start-up Kovalo, soutenue par le fonds Altaïr Capital, ouvrira un bureau à Lille.", "Kovalo", "Lille",
     "planned"),
    ("fr", "Après avoir levé 4 millions d'euros auprès d'Altaïr Capital, la société Vextrion ouvre un bureau à Lyon.",
     "Vextrion", "Lyon", None),
    ("fr", "La société Vextrion a racheté la PME Dalmor et prévoit un entrepôt à Orléans.", "Vextrion", "Orléans",
     "planned"),
    ("fr", "La société Vextrion lève 8 millions d'euros. La start-up ouvrira un bureau à Madrid en 2026.", "Vextrion",
     "Madrid", "planned"),
    ("fr", "La société Vextrion lève 8 millions d'euros. Elle prévoit d'ouvrir un bureau à Lisbonne.", "Vextrion",
     "Lisbonne", "planned"),
    ("fr", "L'usine de Valence a été inaugurée par la société Brivalia en présence du maire.", "Brivalia",
     "Valence", None),
    ("fr", "La société Brivalia, qui a ouvert un bureau à Genève, recrute.", "Brivalia", "Genève", None),
    ("fr", "Le groupe Orvanel et la société Brivalia, basée à Annecy, signent un partenariat.", "Brivalia",
     "Annecy", "existing"),
    ("fr", "La société Vextrion s'appuie sur sa filiale Vextrion Iberia SL, installée à Séville.", "Vextrion Iberia",
     "Séville", "existing"),
    # -- English
    ("en", "Halvorn Robotics Inc. opened an office in Austin on Monday.", "Halvorn Robotics", "Austin", "opening"),
    ("en", "Halvorn Robotics Inc. will open a research centre in Toronto next year.", "Halvorn Robotics", "Toronto",
     "planned"),
    ("en", "Halvorn Robotics Inc. plans to build a factory in Monterrey.", "Halvorn Robotics", "Monterrey",
     "planned"),
    ("en", "Pellucid Health Ltd. is moving its headquarters to Manchester.", "Pellucid Health", "Manchester", None),
    ("en", "Pellucid Health Ltd. has relocated its headquarters to Leeds.", "Pellucid Health", "Leeds", None),
    ("en", "London-based Pellucid Health Ltd. raised $20 million.", "Pellucid Health", "London", "existing"),
    ("en", "Pellucid Health Ltd., a Bristol-based startup, raised $20 million.", "Pellucid Health", "Bristol",
     "existing"),
    ("en", "Pellucid Health Ltd., which is headquartered in Cardiff, raised $20 million.", "Pellucid Health",
     "Cardiff", "existing"),
    ("en", "Based in Oslo, Fjordlight Energy Inc. makes solar inverters.", "Fjordlight", "Oslo", "existing"),
    ("en", "Fjordlight Energy Inc. has had an office in Bergen since 2018.", "Fjordlight", "Bergen", "existing"),
    ("en", "Fjordlight Energy Inc. employs 200 people at its plant in Trondheim.", "Fjordlight", "Trondheim", "existing"),
    ("en", "Fjordlight Energy Inc. broke ground on a new factory in Stavanger.", "Fjordlight", "Stavanger", "planned"),
    ("en", "Fjordlight Energy Inc. set up a warehouse in Rotterdam last year.", "Fjordlight", "Rotterdam", "existing"),
    ("en", "Fjordlight Energy Inc. has offices in Oslo, Stockholm and Copenhagen.", "Fjordlight", "Copenhagen", "existing"),
    ("en", "Fjordlight Energy Inc. has offices in Oslo, Stockholm and Copenhagen.", "Fjordlight", "Stockholm", "existing"),
    ("en", "Corvane Systems Inc. raised $12 million from Redwood Partners and will open an office in Denver.",
     "Corvane Systems", "Denver", "planned"),
    ("en", "Corvane Systems Inc. raised $12 million. The company will open an office in Dublin.", "Corvane Systems",
     "Dublin", "planned"),
    ("en", "Corvane Systems Inc., backed by Redwood Partners, is opening a lab in Boston.", "Corvane Systems",
     "Boston", None),
    ("en", "Corvane Systems Inc. unveiled its new headquarters in Atlanta on Tuesday.", "Corvane Systems", "Atlanta",
     None),
    ("en", "Corvane Systems Inc. will establish a European hub in Amsterdam.", "Corvane Systems", "Amsterdam",
     "planned"),
    ("en", "The Munich office of Corvane Systems Inc. employs 50 engineers.", "Corvane Systems", "Munich", None),
    ("en", "Corvane Systems Inc.'s Seattle office opened in 2020.", "Corvane Systems", "Seattle", None),
    # -- more phrasings (added after the first round of changes)
    ("fr", "La société Vextrion a son siège à Clermont-Ferrand.", "Vextrion", "Clermont-Ferrand", "existing"),
    ("fr", "La société Vextrion, qui a son siège à Besançon, recrute.", "Vextrion", "Besançon", "existing"),
    ("fr", "Le siège parisien du groupe Orvanel accueille 200 salariés.", "Orvanel", "Paris", "existing"),
    ("fr", "La start-up Kovalo est installée depuis 2015 à Pau.", "Kovalo", "Pau", "existing"),
    ("fr", "Le groupe Orvanel exploite trois entrepôts, à Arras, Douai et Lens.", "Orvanel", "Douai", "existing"),
    ("fr", "La société Brivalia inaugurera en septembre son nouveau campus à Sophia Antipolis.", "Brivalia",
     "Sophia Antipolis", "planned"),
    ("fr", "Le groupe Orvanel a implanté sa nouvelle usine à Béthune.", "Orvanel", "Béthune", None),
    ("en", "Corvane Systems Inc., whose headquarters are in Phoenix, raised $8 million.", "Corvane Systems",
     "Phoenix", "existing"),
    ("en", "Corvane Systems Inc., which operates a plant in Tulsa, hired 40 people.", "Corvane Systems", "Tulsa",
     "existing"),
    ("en", "Corvane Systems Inc. operates warehouses across Dallas, Houston and Austin.", "Corvane Systems",
     "Houston", "existing"),
    ("en", "Corvane Systems Inc. is headquartered in Denver and has a lab in Boulder.", "Corvane Systems",
     "Boulder", "existing"),
    # -- French: a site noun with an adjective before "de <city>"; a brand/retail anaphor with a demonym
    ("fr", "Maison Tilleray, maroquinier, recrute. La marque exploite l'atelier historique de Pantin depuis 2016.",
     "Maison Tilleray", "Pantin", None),
    ("fr", "Brevalis ouvre un second site. Son usine historique de Vierzon emploie 80 personnes.", "Brevalis",
     "Vierzon", None),
    ("fr", "La société Caronde & Fils recrute. L'enseigne bordelaise de chaussures, qui compte 40 boutiques, vise "
     "l'Espagne.", "Caronde & Fils", "Bordeaux", "existing"),
    ("fr", "La start-up Vellora lance une collection. La marque nantaise de prêt-à-porter a annoncé une levée de "
     "fonds.", "Vellora", "Nantes", "existing"),
    ("fr", "La société Pelissane recrute. L'enseigne toulousaine, qui compte 25 magasins, accélère.", "Pelissane",
     "Toulouse", "existing"),
    ("fr", "La start-up Brindalle lance un jeu. Le studio de jeu vidéo lyonnais annonce ce mardi une levée de "
     "fonds de 7,5 millions d'euros.", "Brindalle", "Lyon", "existing"),
    ("fr", "La start-up Vellora recrute. La marque de vêtements marseillaise, qui compte 12 boutiques, accélère.",
     "Vellora", "Marseille", "existing"),
    ("fr", "La start-up Vellora recrute. Deux ouvertures sont programmées en 2025 à Bruxelles et à Genève, ses "
     "premiers points de vente à l'étranger.", "Vellora", "Genève", None),
    ("fr", "La société Pelissane prépare l'ouverture d'une boutique à Nantes en juin.", "Pelissane", "Nantes", None),
]

# (lang, text, organisation, city): no Office fact for this pair
NEGATIVE = [
    ("fr", "La start-up Kovalo déploie ses trottinettes à Bordeaux.", "Kovalo", "Bordeaux"),
    ("fr", "La société Vextrion sera présente au salon VivaTech à Paris.", "Vextrion", "Paris"),
    ("fr", "À la veille du salon Gamexpo de Cologne, le studio Brumvale lève des fonds.", "Gamexpo", "Cologne"),
    ("fr", "La société Vextrion a fermé son usine de Vierzon en 2020.", "Vextrion", "Vierzon"),
    ("fr", "La start-up Kovalo s'attaque au marché allemand depuis Berlin, où elle a un client.", "Kovalo", "Munich"),
    ("fr", "La société Vextrion a livré le site de son client Dalmor Industries à Caen.", "Vextrion", "Caen"),
    ("fr", "La start-up Kovalo lève 3 millions d'euros auprès du fonds Altaïr Capital, basé à Genève.", "Kovalo",
     "Genève"),
    ("fr", "La directrice technique, basée à Castres, rejoindra la société Vextrion en juin.", "Vextrion", "Castres"),
    ("fr", "La société Vextrion lance son application à Marseille et à Nice.", "Vextrion", "Nice"),
    ("fr", "La société Vextrion a organisé une conférence à Lyon la semaine dernière.", "Vextrion", "Lyon"),
    ("fr", "Le groupe Orvanel a racheté la société Dalmor, basée à Quimper.", "Orvanel", "Quimper"),
    ("en", "Halvorn Robotics Inc. launched its ride-hailing service in Chicago.", "Halvorn Robotics", "Chicago"),
    ("en", "Halvorn Robotics Inc. will attend the CES trade show in Las Vegas.", "Halvorn Robotics", "Las Vegas"),
    ("en", "Halvorn Robotics Inc. closed its plant in Detroit last year.", "Halvorn Robotics", "Detroit"),
    ("en", "Halvorn Robotics Inc. raised $5 million from Boston-based Redwood Partners.", "Halvorn Robotics",
     "Boston"),
    ("en", "Last year Corvane Systems Inc. acquired Leeds-based Brantley Ltd.", "Corvane Systems", "Leeds"),
    ("en", "Corvane Systems Inc. will supply the steelmaker's plant in Bremen.", "Corvane Systems", "Bremen"),
    ("en", "The lease is one of the largest office deals in Austin this year, according to Brixton Realty data.",
     "Brixton Realty", "Austin"),
    ("en", "Corvane Systems Inc. expanded into Germany and now serves customers in Hamburg.", "Corvane Systems",
     "Hamburg"),
    ("en", "Corvane Systems Inc. shut down its Phoenix office in 2023.", "Corvane Systems", "Phoenix"),
    ("fr", "La société Vextrion exposera ses produits au salon Batimat, à Villepinte.", "Vextrion", "Villepinte"),
    ("fr", "La start-up Kovalo a quitté ses anciens bureaux de Nancy.", "Kovalo", "Nancy"),
    ("fr", "La société Vextrion équipe désormais les usines de la société Dalmor à Brest.", "Vextrion", "Brest"),
    ("en", "Corvane Systems Inc. sells its software to hospitals in Miami.", "Corvane Systems", "Miami"),
    ("en", "Corvane Systems Inc. raised $8 million led by Denver-based Aspen Ridge Capital.", "Corvane Systems",
     "Denver"),
    ("fr", "Dalvane Pharma recrute Anne Roux. Elle dirigeait jusqu'ici les usines européennes de Kestor.",
     "Dalvane", "Kestor"),
    ("fr", "La start-up Vellora recrute. L'enseigne parisienne Mardelle, sa concurrente, a ouvert un magasin à Lille.",
     "Vellora", "Paris"),
    ("fr", "La start-up Vellora recrute. La marque lyonnaise de Paul Mercier a lancé un sac.", "Vellora", "Paul"),
    ("fr", "La start-up Vellora recrute. La société de gestion parisienne, qui gère 2 milliards, a investi.",
     "Vellora", "Paris"),
    ("fr", "La start-up Vellora recrute. L'ouverture du capital à des fonds de Paris est envisagée.", "Vellora",
     "Paris"),
    ("fr", "La start-up Vellora sera présente à l'ouverture du salon à Lyon.", "Vellora", "Lyon"),
    ("fr", "La start-up Vellora annonce des ouvertures de postes à Lyon.", "Vellora", "Lyon"),
]


@pytest.mark.parametrize("lang,text,org,city,status", POSITIVE)
def test_office_found(ex: Extractor, lang: str, text: str, org: str, city: str, status: str | None) -> None:
    offices = _offices(ex, text, lang)
    found = _has(offices, org, city)
    assert found is not None, [(o.organisation, o.place.name, o.status) for o in offices]
    if status:
        assert found.status == status


@pytest.mark.parametrize("lang,text,org,city", NEGATIVE)
def test_not_an_office(ex: Extractor, lang: str, text: str, org: str, city: str) -> None:
    offices = _offices(ex, text, lang)
    assert _has(offices, org, city) is None, [(o.organisation, o.place.name, o.status) for o in offices]
