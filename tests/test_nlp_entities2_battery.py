"""Organisation and Person recognition on invented sentences (French first, then English): single-word companies
named after a kind noun with a complement ("le spécialiste des logiciels comptables X"), companies in a set ("des
clients, dont X"), former employers ("l'ex-directrice de X"), public bodies and programmes (intercommunalities,
"Fonds d'aide à …", institutions named by lower-case words and an acronym), organisations named after a place
("X Habitat", "X Métropole", "Business X"), hyphenated given names, and the traps: products, places, services,
generic words, territories.

Every company, person and sentence here is invented."""

from __future__ import annotations

import unicodedata

import pytest

from kg.model import Article, Entity
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace("-", " ").replace("'", " ").replace("’", " ").split())


def _entities(ex: Extractor, text: str, lang: str) -> list[Entity]:
    return ex(Article(text=text, lang=lang, date="2025-03-10")).entities


def _kind_of(entities: list[Entity], name: str) -> str | None:
    for e in entities:
        if _norm(name) == _norm(e.name) or _norm(name) in {_norm(a) for a in e.aliases}:
            return e.kind
    return None


# (lang, text, name, kind): the name must be found with this kind and with its full written form
POSITIVE = [
    # -- French: a kind noun, then a complement, then the name
    ("fr", "Le bâtiment est porté par le promoteur Dalvane, qui en restera propriétaire.", "Dalvane", "Organisation"),
    ("fr", "Le site sera exploité par le logisticien Trevalo pendant neuf ans.", "Trevalo", "Organisation"),
    ("fr", "Il a fondé le spécialiste des logiciels comptables Ferlix Soft en 2004.", "Ferlix Soft", "Organisation"),
    ("fr", "Elle est cofondatrice de la plateforme de recrutement Jobrana.", "Jobrana", "Organisation"),
    ("fr", "Le fabricant de meubles Quenvel emploie 300 personnes.", "Quenvel", "Organisation"),
    ("fr", "L'éditeur de logiciels Pratimo a signé un contrat avec la ville.", "Pratimo", "Organisation"),
    ("fr", "Le distributeur de matériel agricole Sorbane ouvre une agence.", "Sorbane", "Organisation"),
    ("fr", "La commande a été passée par le grossiste Viandor, client historique.", "Viandor", "Organisation"),
    ("fr", "Membre du pôle de compétitivité Aérovalia, la start-up recrute.", "Aérovalia", "Organisation"),
    ("fr", "Le bailleur social Habitélia a réservé 40 logements.", "Habitélia", "Organisation"),
    ("fr", "Le club Étoile Bressane a signé un nouveau sponsor.", "Étoile Bressane", "Organisation"),
    ("fr", "La jeune pousse est accompagnée par le cluster Nautivia depuis 2021.", "Nautivia", "Organisation"),
    # -- French: one organisation of a set
    ("fr", "La solution est déjà déployée chez une soixantaine de clients, dont Morvalis et plusieurs franchisés.",
     "Morvalis", "Organisation"),
    ("fr", "Plusieurs enseignes, notamment Brikoplus, testent le dispositif.", "Brikoplus", "Organisation"),
    ("fr", "Le tour de table réunit plusieurs investisseurs, parmi lesquels Kapsenn, déjà actionnaire.",
     "Kapsenn", "Organisation"),
    ("fr", "Des industriels comme Tolvane ont déjà commandé des pièces.", "Tolvane", "Organisation"),
    ("fr", "La société a noué des partenariats avec Decalis, Jacques Vermont et La Brindille.", "Jacques Vermont",
     "Organisation"),
    ("en", "The app is sold through partnerships with Orvane, Simon Bellamy and Quickmart.", "Simon Bellamy",
     "Organisation"),
    # -- French: a former employer
    ("fr", "« Nous voulions un actionnaire patient », confie l'ex-cheffe d'atelier de Valombre.", "Valombre",
     "Organisation"),
    ("fr", "L'ancienne directrice de l'offre de Norvelle prendra ses fonctions le 1er octobre.", "Norvelle",
     "Organisation"),
    ("fr", "L'ex-directeur financier de Garvance rejoint la société.", "Garvance", "Organisation"),
    ("fr", "Elle est passée par la direction industrielle de Laitelys avant de rejoindre la coopérative.",
     "Laitelys", "Organisation"),
    # -- French: public bodies and programmes
    ("fr", "C'est une belle prise pour le Grand Montauban, qui a financé le terrain.", "Grand Montauban",
     "Organisation"),
    ("fr", "Le projet est soutenu par le Grand Poitiers et la région.", "Grand Poitiers", "Organisation"),
    ("fr", "Le studio a reçu une aide via le Fonds d'aide au jeu vidéo.", "Fonds d'aide au jeu vidéo",
     "Organisation"),
    ("fr", "La société a obtenu 300 000 euros du Fonds de soutien à l'innovation, géré par la région.",
     "Fonds de soutien à l'innovation", "Organisation"),
    ("fr", "Selon le Conseil interprofessionnel du cidre de Normandie (CICN), les ventes reculent.",
     "Conseil interprofessionnel du cidre de Normandie", "Organisation"),
    ("fr", "Le studio a obtenu une aide du Centre national du cinéma et de l'image animée (CNC) l'an dernier.",
     "Centre national du cinéma et de l'image animée", "Organisation"),
    ("fr", "Issue du Centre de recherche en biologie de Montpellier-Lavalette (CRBML), la biotech lève des fonds.",
     "Centre de recherche en biologie de Montpellier-Lavalette", "Organisation"),
    ("fr", "Le laboratoire dépend de l'Office national des forêts et des espaces naturels (ONFEN).",
     "Office national des forêts et des espaces naturels", "Organisation"),
    ("fr", "L'Union sportive de Montélimar Basket (USM Basket) a présenté son budget.",
     "Union sportive de Montélimar Basket", "Organisation"),
    ("fr", "Le projet reçoit 2 millions d'euros dans le cadre du plan France 2030.", "France 2030", "Organisation"),
    # -- French: organisations named after a place
    pytest.param("fr", "Premier client à s'engager, Vendée Logis a réservé une partie de la production.",
                 "Vendée Logis", "Organisation", marks=pytest.mark.xfail(reason="tagged PER by the NER", strict=False)),
    ("fr", "Le club a bouclé son budget grâce à une avance de Valenciennes Métropole.", "Valenciennes Métropole",
     "Organisation"),
    ("fr", "La ronde est menée par Cycle Capital, avec la participation du réseau Anges Québec.", "Anges Québec",
     "Organisation"),
    ("fr", "Issue d'un laboratoire de l'INSA Lyon, la société a signé un partenariat de trois ans.", "INSA Lyon",
     "Organisation"),
    ("fr", "Elle a signé un accord avec Orbilis, filiale du CNES spécialisée dans la surveillance maritime.",
     "CNES", "Organisation"),
    # -- French: persons with hyphenated given names
    ("fr", "Le ministre de l'Économie, Pierre-Luc Dufresnoy, présent à l'annonce, a salué le projet.",
     "Pierre-Luc Dufresnoy", "Person"),
    ("fr", "Le préfet, Jean-Baptiste Morlaix, a visité le chantier.", "Jean-Baptiste Morlaix", "Person"),
    ("fr", "« Nous doublons nos effectifs », explique Marie-Hélène Castagnol, présidente de Dorvik.",
     "Marie-Hélène Castagnol", "Person"),
    ("fr", "Anne-Sophie Lerebour, directrice générale de Tramelis, a présenté les résultats.",
     "Anne-Sophie Lerebour", "Person"),
    ("fr", "L'entrepreneur vaudois Marc-Antoine Ferrier a participé au tour de table.", "Marc-Antoine Ferrier",
     "Person"),
    # -- French: the ordinary cases keep working
    ("fr", "La start-up nantaise Ovalix lève 4 millions d'euros.", "Ovalix", "Organisation"),
    ("fr", "Claire Morvan, présidente et cofondatrice d'Ovalix, se félicite.", "Claire Morvan", "Person"),
    ("fr", "Le groupe Ferrandis a racheté la conserverie en mai.", "Ferrandis", "Organisation"),
    ("fr", "Bpifrance et Kalista Ventures complètent le tour de table.", "Kalista Ventures", "Organisation"),
    ("fr", "La biotech lyonnaise Genvalis recrute vingt chercheurs.", "Genvalis", "Organisation"),
    # -- English
    ("en", "The building is being developed by property developer Carraway, which will lease it.", "Carraway",
     "Organisation"),
    ("en", "The software is already used by several retailers, including Brambleton and two franchisees.",
     "Brambleton", "Organisation"),
    ("en", "The round drew backers such as Quillon, an existing shareholder.", "Quillon", "Organisation"),
    ("en", "The grant came from Trade Estonia, the state innovation agency.", "Trade Estonia",
     "Organisation"),
    ("en", "Clients include Harwick Foods and Pellmore.", "Harwick Foods", "Organisation"),
    ("en", "The company received support from the Office for Advanced Coastal Engineering (OACE) last year.",
     "Office for Advanced Coastal Engineering", "Organisation"),
    ("en", "It signed an agreement with the Kenyan Rail Catering and Tourism Board (KRCTB) last week.",
     "Kenyan Rail Catering and Tourism Board", "Organisation"),
    ("en", "Shares were bought by the Ontario Teachers Retirement Board (OTRB) in May.",
     "Ontario Teachers Retirement Board", "Organisation"),
    ("en", "Mary-Ellen Cartwright, chief executive of Dunmore Bank, said the deal was done.", "Mary-Ellen Cartwright",
     "Person"),
    ("en", "Jean-Luc Baptiste, a partner at Orlen Capital, will join the board.", "Jean-Luc Baptiste", "Person"),
    ("en", "The cluster Humber Energy Alliance backs the project.", "Humber Energy Alliance", "Organisation"),
    ("en", "The Leeds-based fintech Cobbleway raised £4m.", "Cobbleway", "Organisation"),
    ("en", "Sarah Whitlock, chief financial officer of Cobbleway, declined to comment.", "Sarah Whitlock", "Person"),
    ("en", "Investors including Marrow Ventures and Tessel Capital joined the round.", "Marrow Ventures",
     "Organisation"),
    pytest.param("en", "The firm is a member of the Northern Robotics Cluster network.", "Northern Robotics Cluster",
                 "Organisation", marks=pytest.mark.xfail(reason="'member of' votes for a non-name", strict=False)),
    ("en", "The project received backing from Sheffield City Council.", "Sheffield City Council", "Organisation"),
    ("en", "Harwick Robotics, a software company based in Leeds, raised $12 million.", "Harwick Robotics",
     "Organisation"),
    ("en", "Klarvik raised €20 million in a Series B led by German VC Earlybird.", "Earlybird", "Organisation"),
    ("en", "The round was led by Swedish VC Norrsken Partners, with participation from two angels.",
     "Norrsken Partners", "Organisation"),
    ("en", "The deal was backed by Harlow Alternate Asset Managers and an existing shareholder.",
     "Harlow Alternate Asset Managers", "Organisation"),
    ("en", "Brenton Rail will build 30 new trains for Eastern Trains in a deal worth £200m.", "Eastern Trains",
     "Organisation"),
    ("en", "The hotel group, founded in 1998 by his father Suresh Menon, who is its chairman, runs 20 hotels.",
     "Suresh Menon", "Person"),
    ("en", "The grant came from the British Business Bank, which manages the fund.", "British Business Bank",
     "Organisation"),
]


# (lang, text, name): the name must NOT be an organisation (a place, a product, a service, a generic word)
NOT_ORG = [
    ("fr", "Le studio développe Brumelune, un jeu d'exploration en monde ouvert.", "Brumelune"),
    ("fr", "Vextor, l'éditeur de l'application Plumio, recrute vingt personnes.", "Plumio"),
    ("fr", "L'éditeur du logiciel Comptalis a été racheté.", "Comptalis"),
    ("fr", "Les rames circulent sur le réseau TER Hauts-de-France depuis mai.", "TER Hauts-de-France"),
    ("fr", "Le siège est installé à Labège, au sud-est de Toulouse.", "Toulouse"),
    ("fr", "La coopérative collecte le lait de 400 fermes du Pays de Landerneau.", "Pays de Landerneau"),
    ("fr", "L'usine est située dans la Vallée de l'Arve, près de Cluses.", "Vallée de l'Arve"),
    ("fr", "La société emploie 40 personnes à Saint-Thonan, au nord de Brest.", "Saint-Thonan"),
    ("fr", "Le conseil d'administration a validé le projet.", "Conseil"),
    ("fr", "Le marché de la Côte d'Azur reste porteur.", "Côte d'Azur"),
    ("fr", "La Banque Alpine du Léman (BAL) a annoncé une prise de participation.", "Banque Alpine"),
    ("fr", "Elle a travaillé dix ans à l'étranger avant de rentrer en Bretagne.", "Bretagne"),
    ("fr", "Le maire de Montauban, Brigitte Arnal, a inauguré le site.", "Montauban"),
    ("fr", "La marque Solvie sera vendue en pharmacie.", "Solvie"),
    ("en", "The wind farm will be built off Chiba Prefecture, Japan.", "Chiba Prefecture"),
    ("en", "The plant is in County Durham, near the railway works.", "County Durham"),
    ("en", "Vyrex is a Pune-based maker of small Earth-observation satellites.", "Earth-observation"),
    ("en", "The warehouse sits in Greater Manchester, near the airport.", "Greater Manchester"),
    ("en", "The factory near Lake Geneva employs 80 people.", "Lake Geneva"),
    ("en", "The trains run on the South Western network.", "South Western"),
    pytest.param("en", "The firm expanded into North Yorkshire last year.", "North Yorkshire",
                 marks=pytest.mark.xfail(reason="a county no gazetteer knows", strict=False)),
    ("en", "Separately, the company said its Board of Directors had approved the plan.", "Board of Directors"),
    ("en", "Its app, Tallyroo, has two million users.", "Tallyroo"),
    ("en", "Vextra Chief Executive Officer (CEO) Jane Smith said the funding would help.", "Vextra Chief Executive Officer"),
    ("en", "It uses Artificial Intelligence (AI) to sort parcels.", "Artificial Intelligence"),
    ("en", "The firm opened an office in Berlin Mitte last year.", "Berlin Mitte"),
    ("en", "Trains will run on the Midland Main Line from May.", "Midland Main Line"),
    ("en", "Data presented at the ESMR annual meeting in Boston showed tumour regression.", "ESMR"),
    ("en", "LEEDS, Nov 4 (Reuters) - Harwick Foods said on Tuesday it would open a plant.", "Nov"),
]


# (lang, text, name): the name must be a person, not an organisation
PERSON = [
    ("fr", "Jean-François Malvoisin, fondateur de la société, reste au capital.", "Jean-François Malvoisin"),
    ("fr", "Le député, Marie-Claire Dubreuil, a salué l'investissement.", "Marie-Claire Dubreuil"),
    ("fr", "« C'est une étape », souligne Paul-Henri Verdier.", "Paul-Henri Verdier"),
    ("en", "Anna-Lena Brooks, head of research at Harrowgate, said the results were strong.", "Anna-Lena Brooks"),
    ("fr", "Elle a levé 2 millions d'euros auprès de Kalo Ventures, Xavier Brunel et Bpifrance.", "Xavier Brunel"),
    ("en", "The round was backed by Orwell Capital, Simon Bellamy and Tessel Ventures.", "Simon Bellamy"),
]


@pytest.mark.parametrize(("lang", "text", "name", "kind"), POSITIVE)
def test_found(ex: Extractor, lang: str, text: str, name: str, kind: str) -> None:
    assert _kind_of(_entities(ex, text, lang), name) == kind


@pytest.mark.parametrize(("lang", "text", "name"), NOT_ORG)
def test_not_organisation(ex: Extractor, lang: str, text: str, name: str) -> None:
    assert _kind_of(_entities(ex, text, lang), name) != "Organisation"


@pytest.mark.parametrize(("lang", "text", "name"), PERSON)
def test_person(ex: Extractor, lang: str, text: str, name: str) -> None:
    assert _kind_of(_entities(ex, text, lang), name) == "Person"
