"""A battery of invented sentences for Role facts and the Organisation/Person entities they rest on, French and
English: appositions in both orders, appointments, quotes, possessive titles, founders, lists, and the traps the
annotation conventions exclude (former posts, ministers, affiliation without title, boards of other companies).

Every name here is invented for the battery."""

from __future__ import annotations

import pytest

from kg.model import Article, Role
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _run(ex: Extractor, text: str, lang: str):  # type: ignore[no-untyped-def]
    return ex(Article(text=text, lang=lang, date="2025-04-02"))


def _roles(ex: Extractor, text: str, lang: str) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for f in _run(ex, text, lang).facts:
        if isinstance(f, Role):
            out.setdefault((f.person, f.organisation), set()).add(f.title)
    return out


FR = ("Brenvale, une start-up rennaise spécialisée dans les batteries, lève 9 millions d'euros auprès de "
      "Solvane Capital Partners. ")
EN = "Quillmark, a Bristol-based logistics software start-up, has raised $15 million from Harrowgate Ventures. "

# (lang, text, person, organisation, title or None)
POSITIVE = [
    # --- French appositions, name first
    ("fr", FR + "Adèle Morvan, PDG de Brenvale, se félicite de l'opération.", "Adèle Morvan", "Brenvale", "CEO"),
    ("fr", FR + "Adèle Morvan, présidente et cofondatrice de Brenvale, se félicite.", "Adèle Morvan", "Brenvale",
     None),
    ("fr", FR + "Adèle Morvan, cofondatrice et directrice technique de Brenvale, détaille le procédé.",
     "Adèle Morvan", "Brenvale", "CTO"),
    ("fr", FR + "Corentin Lagarde, associé chez Solvane Capital Partners, rejoindra le conseil.",
     "Corentin Lagarde", "Solvane Capital Partners", "partner"),
    ("fr", FR + "Corentin Lagarde, directeur des investissements de Solvane Capital Partners, salue le dossier.",
     "Corentin Lagarde", "Solvane Capital Partners", None),
    ("fr", FR + "Adèle Morvan, 41 ans, directrice générale de Brenvale, vise l'Allemagne.", "Adèle Morvan",
     "Brenvale", None),
    # --- French, title first
    ("fr", FR + "La présidente de Brenvale, Adèle Morvan, vise l'Allemagne.", "Adèle Morvan", "Brenvale", None),
    ("fr", FR + "Le directeur financier de Brenvale, Théo Quillec, prépare l'introduction en Bourse.",
     "Théo Quillec", "Brenvale", "CFO"),
    ("fr", FR + "Pour le directeur général de Brenvale Théo Quillec, l'enjeu est industriel.", "Théo Quillec",
     "Brenvale", None),
    # --- French quotes
    ("fr", FR + "« Nous allons doubler nos effectifs », explique Adèle Morvan, présidente de Brenvale.",
     "Adèle Morvan", "Brenvale", None),
    ("fr", FR + "« C'est une étape », a déclaré Adèle Morvan, directrice générale de Brenvale.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "« Le marché est mûr », souligne Corentin Lagarde, associé de Solvane Capital Partners.",
     "Corentin Lagarde", "Solvane Capital Partners", "partner"),
    ("fr", FR + "Selon Adèle Morvan, directrice générale de Brenvale, la demande double chaque année.",
     "Adèle Morvan", "Brenvale", None),
    ("fr", FR + "D'après Théo Quillec, directeur commercial de Brenvale, les commandes affluent.", "Théo Quillec",
     "Brenvale", None),
    ("fr", FR + "« Nous recrutons », confie Théo Quillec, responsable des ventes de Brenvale.", "Théo Quillec",
     "Brenvale", None),
    # --- French appointments
    ("fr", FR + "Théo Quillec a été nommé directeur financier de Brenvale.", "Théo Quillec", "Brenvale", "CFO"),
    ("fr", FR + "Théo Quillec est nommé au poste de directeur financier de Brenvale.", "Théo Quillec",
     "Brenvale", "CFO"),
    ("fr", FR + "Brenvale a nommé Théo Quillec au poste de directeur financier.", "Théo Quillec", "Brenvale",
     "CFO"),
    ("fr", FR + "Brenvale recrute Théo Quillec comme directeur commercial.", "Théo Quillec", "Brenvale", None),
    ("fr", FR + "Théo Quillec a été promu directeur des opérations de Brenvale.", "Théo Quillec", "Brenvale",
     "COO"),
    ("fr", FR + "Théo Quillec prend la tête de Brenvale.", "Théo Quillec", "Brenvale", None),
    ("fr", FR + "Théo Quillec prendra la direction générale de Brenvale le 1er mai.", "Théo Quillec", "Brenvale",
     None),
    ("fr", FR + "Théo Quillec rejoint Brenvale en tant que directeur financier.", "Théo Quillec", "Brenvale",
     "CFO"),
    ("fr", FR + "Théo Quillec arrive chez Brenvale au poste de directeur financier.", "Théo Quillec", "Brenvale",
     "CFO"),
    ("fr", FR + "Théo Quillec, nommé directeur financier de Brenvale en janvier, pilotera la levée.",
     "Théo Quillec", "Brenvale", "CFO"),
    ("fr", FR + "Théo Quillec succède à Paul Arzel au poste de directeur général de Brenvale.", "Théo Quillec",
     "Brenvale", None),
    # --- French possessive and anaphora
    ("fr", FR + "Sa présidente, Adèle Morvan, veut ouvrir une usine.", "Adèle Morvan", "Brenvale", None),
    ("fr", FR + "Son directeur général, Théo Quillec, table sur 40 embauches.", "Théo Quillec", "Brenvale", None),
    ("fr", FR + "« Nous visons l'export », indique son fondateur, Paul Arzel.", "Paul Arzel", "Brenvale",
     "founder"),
    ("fr", FR + "Adèle Morvan, directrice générale de la start-up, prévoit 30 recrutements.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "Adèle Morvan, qui dirige Brenvale depuis 2021, prévoit 30 recrutements.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "Adèle Morvan est la présidente de Brenvale.", "Adèle Morvan", "Brenvale", None),
    # --- French founders
    ("fr", FR + "Fondée en 2020 par Adèle Morvan et Paul Arzel, Brenvale emploie 40 personnes.", "Paul Arzel",
     "Brenvale", "co-founder"),
    ("fr", FR + "Brenvale a été fondée par Adèle Morvan en 2020.", "Adèle Morvan", "Brenvale", "founder"),
    ("fr", FR + "Adèle Morvan a cofondé Brenvale en 2020 avec Paul Arzel.", "Adèle Morvan", "Brenvale", None),
    ("fr", FR + "Créée par Paul Arzel, ancien ingénieur chez Tolvane, Brenvale emploie 40 personnes.",
     "Paul Arzel", "Brenvale", "founder"),
    # --- French lists
    ("fr", FR + "Adèle Morvan et Paul Arzel, cofondateurs de Brenvale, ont quitté la recherche en 2019.",
     "Paul Arzel", "Brenvale", "co-founder"),
    ("fr", FR + "Adèle Morvan, présidente, et Paul Arzel, directeur technique, ont fondé Brenvale.", "Paul Arzel",
     "Brenvale", None),
    # --- institutions with a title
    ("fr", FR + "« C'est une chance pour le territoire », estime Lucie Bréhat, vice-présidente de la Région "
                "Bretagne.", "Lucie Bréhat", "Région Bretagne", None),
    ("fr", FR + "Yann Kerdoncuff, président de l'université de Rennes, salue le partenariat.", "Yann Kerdoncuff",
     "université de Rennes", None),
    pytest.param("fr", FR + "Gildas Morin, directeur du laboratoire Lumen du CNRS, accompagne le projet.",
                 "Gildas Morin", "CNRS", None,
                 marks=pytest.mark.xfail(strict=True, reason="the organisation runs on: 'Lumen du CNRS'")),
    # --- English appositions
    ("en", EN + "Mara Olsen, chief executive of Quillmark, said demand had doubled.", "Mara Olsen", "Quillmark",
     "CEO"),
    ("en", EN + "Mara Olsen, Quillmark's chief executive, said demand had doubled.", "Mara Olsen", "Quillmark",
     None),
    ("en", EN + "Quillmark's CEO Mara Olsen said demand had doubled.", "Mara Olsen", "Quillmark", "CEO"),
    ("en", EN + "Quillmark CEO Mara Olsen said demand had doubled.", "Mara Olsen", "Quillmark", "CEO"),
    ("en", EN + "\"We are hiring,\" said Mara Olsen, co-founder and CEO of Quillmark.", "Mara Olsen",
     "Quillmark", None),
    ("en", EN + "\"The market is ready,\" said Devon Pryce, a partner at Harrowgate Ventures.", "Devon Pryce",
     "Harrowgate Ventures", "partner"),
    ("en", EN + "Devon Pryce, managing partner at Harrowgate Ventures, will join the board.", "Devon Pryce",
     "Harrowgate Ventures", "managing partner"),
    ("en", EN + "The chief financial officer of Quillmark, Ravi Sandhu, said the cash would last four years.",
     "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "Mara Olsen, who heads Quillmark, said demand had doubled.", "Mara Olsen", "Quillmark", None),
    ("en", EN + "Mara Olsen, who runs Quillmark from Bristol, said demand had doubled.", "Mara Olsen",
     "Quillmark", None),
    ("en", EN + "According to Ravi Sandhu, Quillmark's chief financial officer, the cash will last four years.",
     "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "Mara Olsen, founder and chief executive of Quillmark, said demand had doubled.", "Mara Olsen",
     "Quillmark", None),
    # --- English appointments
    ("en", EN + "Quillmark has appointed Ravi Sandhu as chief financial officer.", "Ravi Sandhu", "Quillmark",
     None),
    ("en", EN + "Ravi Sandhu has been named chief operating officer of Quillmark.", "Ravi Sandhu", "Quillmark",
     None),
    ("en", EN + "Ravi Sandhu joins Quillmark as chief financial officer.", "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "Ravi Sandhu will take over as chief executive of Quillmark in June.", "Ravi Sandhu",
     "Quillmark", None),
    ("en", EN + "Quillmark named Ravi Sandhu its new chief financial officer.", "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "Ravi Sandhu, who was appointed chief operating officer of Quillmark in January, leads the "
                "expansion.", "Ravi Sandhu", "Quillmark", None),
    # --- English possessive and anaphora
    ("en", EN + "Its chief executive, Mara Olsen, said demand had doubled.", "Mara Olsen", "Quillmark", None),
    ("en", EN + "\"We are hiring,\" said the company's chief executive, Mara Olsen.", "Mara Olsen", "Quillmark",
     None),
    ("en", EN + "Mara Olsen, the firm's chief executive, said demand had doubled.", "Mara Olsen", "Quillmark",
     None),
    ("en", EN + "\"We are hiring,\" said Mara Olsen, the start-up's founder and chief executive.", "Mara Olsen",
     "Quillmark", None),
    # --- English founders
    ("en", EN + "Quillmark was co-founded in 2019 by Mara Olsen and Ravi Sandhu.", "Ravi Sandhu", "Quillmark",
     "co-founder"),
    ("en", EN + "Founded by Mara Olsen in 2019, Quillmark employs 60 people.", "Mara Olsen", "Quillmark",
     "founder"),
    ("en", EN + "Mara Olsen founded Quillmark in 2019 after a decade at a freight broker.", "Mara Olsen",
     "Quillmark", "founder"),
    # --- English lists
    ("en", EN + "Mara Olsen and Ravi Sandhu, Quillmark's co-founders, met at university.", "Ravi Sandhu",
     "Quillmark", "co-founder"),
    ("en", EN + "Mara Olsen, chief executive, and Ravi Sandhu, chief financial officer, will stay on.",
     "Ravi Sandhu", "Quillmark", None),
    # --- harder phrasings
    ("fr", FR + "« Le marché suit », a déclaré Adèle Morvan, responsable de l'activité industrielle en Europe de "
                "Brenvale, lors d'une conférence.", "Adèle Morvan", "Brenvale", None),
    ("fr", FR + "La Région Bretagne apporte 2 millions d'euros. « Nous suivrons », insiste Lucie Bréhat, "
                "vice-présidente de la Région chargée de l'économie.", "Lucie Bréhat", "Région Bretagne", None),
    pytest.param("fr", FR + "Côté allemand, Jonas Keller, Geschäftsführer (directeur général) de Kelmor Logistik, "
                       "promet des livraisons.", "Jonas Keller", "Kelmor Logistik", None,
                 marks=pytest.mark.xfail(strict=True, reason="a foreign title glossed in brackets is not read")),
    ("fr", FR + "« Nous avons tenu », résume Adèle Morvan, présidente de Brenvale depuis 2019.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "Ma cofondatrice Adèle Morvan, notre directrice technique, rencontre des clients.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "Adèle Morvan, directrice du pôle batteries de Brenvale, détaille le calendrier.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "Cofondée en 2020 par Adèle Morvan et Paul Arzel, Brenvale emploie 40 personnes.", "Adèle Morvan",
     "Brenvale", "co-founder"),
    ("fr", FR + "Le directeur général Théo Quillec prévoit 40 embauches chez Brenvale.", "Théo Quillec",
     "Brenvale", None),
    ("fr", FR + "« Nous allons vite », assure la présidente de Brenvale, Adèle Morvan.", "Adèle Morvan",
     "Brenvale", None),
    ("fr", FR + "Théo Quillec, actuel directeur financier de Brenvale, prépare la suite.", "Théo Quillec",
     "Brenvale", "CFO"),
    ("fr", FR + "Théo Quillec, directeur général délégué de Brenvale, prépare la suite.", "Théo Quillec",
     "Brenvale", None),
    ("fr", FR + "Brenvale annonce l'arrivée de Théo Quillec au poste de directeur financier.", "Théo Quillec",
     "Brenvale", "CFO"),
    ("fr", FR + "Théo Quillec occupera le poste de directeur financier de Brenvale à partir de mai.",
     "Théo Quillec", "Brenvale", "CFO"),
    ("fr", FR + "Entré chez Brenvale en 2021, Théo Quillec en est devenu le directeur financier.", "Théo Quillec",
     "Brenvale", "CFO"),
    ("en", EN + "Finance chief Ravi Sandhu said the cash would last four years.", "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "\"We are hiring,\" said Mara Olsen, Ph.D., Chief Executive Officer of Quillmark.", "Mara Olsen",
     "Quillmark", None),
    ("en", EN + "\"We are hiring,\" said Mara Olsen, Quillmark's founder and chief executive.", "Mara Olsen",
     "Quillmark", None),
    ("en", EN + "\"We are hiring,\" said Mara Olsen, the company's interim chief executive.", "Mara Olsen",
     "Quillmark", None),
    ("en", EN + "The research comes from the lab of co-founder Ravi Sandhu at a local university.", "Ravi Sandhu",
     "Quillmark", "co-founder"),
    ("en", EN + "Quillmark chief operating officer Ravi Sandhu will run the new Leeds office.", "Ravi Sandhu",
     "Quillmark", None),
    ("en", EN + "Ravi Sandhu, Quillmark's head of product, demonstrated the tool.", "Ravi Sandhu", "Quillmark",
     None),
    ("en", EN + "Ravi Sandhu, vice president of engineering at Quillmark, demonstrated the tool.", "Ravi Sandhu",
     "Quillmark", None),
    ("en", EN + "Ravi Sandhu, senior vice president, sales, at Quillmark, demonstrated the tool.", "Ravi Sandhu",
     "Quillmark", None),
    ("en", EN + "Ravi Sandhu takes the helm at Quillmark next month.", "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "Ravi Sandhu has been promoted to chief operating officer.", "Ravi Sandhu", "Quillmark", None),
    ("en", EN + "\"We are hiring,\" Quillmark chief executive Mara Olsen told reporters.", "Mara Olsen",
     "Quillmark", None),
    # --- frroles5: a founder described with his company's kind ("la société de X Y"): Y, not the funded one
    ("fr", FR + "Le tour associe aussi le business angel Gaspard Lunel, fondateur de la société de paiement Orvix.",
     "Gaspard Lunel", "Orvix", "founder"),
    ("fr", FR + "Y participe Maëlle Fontan, cofondatrice de la plateforme de location Tivrel.",
     "Maëlle Fontan", "Tivrel", "co-founder"),
    # --- frroles5: "associé gérant" (two titles, no separator); a club's coach introduced as "l'entraîneur X"
    ("fr", FR + "« Le marché est mûr », estime Hugo Varenne, associé gérant de Solvane Capital Partners.",
     "Hugo Varenne", "Solvane Capital Partners", "managing partner"),
    ("fr", FR + "« Le marché est mûr », estime Inès Varenne, associée gérante de Solvane Capital Partners.",
     "Inès Varenne", "Solvane Capital Partners", None),
    ("fr", "Le club Stade Olvanais Handball vise la montée. Sur le terrain, l'entraîneur Bastien Rudel, arrivé en juin, "
     "attend deux recrues.", "Bastien Rudel", "Stade Olvanais Handball", None),
    # --- frroles5: "qui en demeure le conseiller scientifique": a multi-word title after a relative clause
    ("fr", FR + "La chimiste a fondé la société avec son ancien professeur, Tanguy Orhan, qui en demeure le "
     "conseiller scientifique.", "Tanguy Orhan", "Brenvale", None),
    ("fr", FR + "Clotilde Sarzeau, conseillère scientifique de Brenvale, a validé le procédé.", "Clotilde Sarzeau",
     "Brenvale", None),
    # --- frroles5: investment-team titles of a fund ("gestionnaire de participations chez X")
    ("fr", FR + "« Le marché est porteur », estime Odile Quéré, gestionnaire de participations chez Solvane Capital "
     "Partners.", "Odile Quéré", "Solvane Capital Partners", "investment manager"),
    ("fr", FR + "Loïc Trémeur, chargé d'investissement chez Solvane Capital Partners, suivra le dossier.",
     "Loïc Trémeur", "Solvane Capital Partners", "investment manager"),
]

# (lang, text, person, organisation): no Role between them
NEGATIVE = [
    # --- frroles5: an investor's own company named with a descriptor is not the funded company
    ("fr", FR + "Le tour associe aussi le business angel Gaspard Lunel, fondateur de la société de paiement Orvix.",
     "Gaspard Lunel", "Brenvale"),
    ("fr", FR + "Y participe Maëlle Fontan, cofondatrice de la plateforme de location Tivrel.",
     "Maëlle Fontan", "Brenvale"),
    ("fr", FR + "« Le marché est mûr », estime Hugo Varenne, associé gérant de Solvane Capital Partners.",
     "Hugo Varenne", "Brenvale"),
    ("fr", FR + "Adèle Morvan, ex-directrice financière de Tolvane, préside Brenvale.", "Adèle Morvan", "Tolvane"),
    ("fr", FR + "Adèle Morvan, ancienne PDG de Tolvane, préside Brenvale.", "Adèle Morvan", "Tolvane"),
    ("fr", FR + "Ancien directeur général de Tolvane, Paul Arzel a rejoint Brenvale en 2022.", "Paul Arzel",
     "Tolvane"),
    ("fr", FR + "Paul Arzel a été directeur de Tolvane pendant dix ans avant de rejoindre Brenvale.", "Paul Arzel",
     "Tolvane"),
    ("fr", FR + "Paul Arzel, passé par Tolvane, dirige les ventes.", "Paul Arzel", "Tolvane"),
    ("fr", FR + "« C'est une bonne nouvelle », a réagi Hélène Garrec, ministre de l'Industrie.", "Hélène Garrec",
     "Brenvale"),
    ("fr", FR + "Le maire, Hervé Lozac'h, a salué l'arrivée de l'usine.", "Hervé Lozac'h", "Brenvale"),
    ("fr", FR + "Corentin Lagarde (Solvane Capital Partners) rejoint le conseil.", "Corentin Lagarde",
     "Solvane Capital Partners"),
    ("fr", FR + "Paul Arzel, administrateur de Tolvane, salue l'opération.", "Paul Arzel", "Brenvale"),
    ("fr", FR + "Adèle Morvan a quitté ses fonctions de directrice générale de Tolvane en 2023.", "Adèle Morvan",
     "Tolvane"),
    ("fr", FR + "Paul Arzel, qui a dirigé Tolvane de 2010 à 2018, conseille Brenvale.", "Paul Arzel", "Tolvane"),
    ("en", EN + "Mara Olsen, former chief executive of Tollgard, now advises Quillmark.", "Mara Olsen",
     "Tollgard"),
    ("en", EN + "Mara Olsen, who previously ran Tollgard, now advises Quillmark.", "Mara Olsen", "Tollgard"),
    ("en", EN + "Ravi Sandhu was chief financial officer of Tollgard before joining Quillmark.", "Ravi Sandhu",
     "Tollgard"),
    ("en", EN + "The ex-Tollgard chief executive Ravi Sandhu joined Quillmark last year.", "Ravi Sandhu",
     "Tollgard"),
    ("en", EN + "\"This is good news,\" said Helen Broadway, the business secretary.", "Helen Broadway",
     "Quillmark"),
    ("en", EN + "Devon Pryce (Harrowgate Ventures) will join the board.", "Devon Pryce", "Harrowgate Ventures"),
    ("en", EN + "Devon Pryce, a board member at Tollgard, welcomed the deal.", "Devon Pryce", "Quillmark"),
    ("en", EN + "Mara Olsen left her post as chief executive of Tollgard in 2021.", "Mara Olsen", "Tollgard"),
    ("en", EN + "Quillmark's former chief executive Ravi Sandhu has left for a rival.", "Ravi Sandhu",
     "Quillmark"),
    ("fr", FR + "Paul Arzel, ancien directeur de Tolvane, dirige désormais les ventes de Brenvale.", "Paul Arzel",
     "Tolvane"),
    ("fr", FR + "Adèle Morvan, qui a longtemps présidé Tolvane, rejoint Brenvale.", "Adèle Morvan", "Tolvane"),
    ("fr", FR + "Avant de rejoindre Brenvale, Théo Quillec était directeur financier de Tolvane.", "Théo Quillec",
     "Tolvane"),
    ("fr", FR + "« Nous soutenons la filière », a indiqué le préfet de région, Marc Olivier Daval.",
     "Marc Olivier Daval", "Brenvale"),
    ("en", EN + "Mara Olsen, previously chief operating officer at Tollgard, joined Quillmark in 2022.",
     "Mara Olsen", "Tollgard"),
    ("en", EN + "Ravi Sandhu, a Tollgard veteran, joined Quillmark in 2022.", "Ravi Sandhu", "Tollgard"),
    ("en", EN + "\"It is good for jobs,\" said Mayor Jon Trelawny.", "Jon Trelawny", "Quillmark"),
]

# (lang, text, organisations expected, names that must not be organisations, persons expected)
ENTITIES = [
    ("fr", FR + "Le projet associe la Région Bretagne et l'université de Rennes.",
     ["Brenvale", "Région Bretagne"], [], []),
    ("fr", FR + "Solvane Capital Partners a mené le tour. Solvane avait déjà investi en 2022.",
     ["Solvane Capital Partners"], ["Solvane"], []),
    ("fr", FR + "Adèle Morvan, présidente de Brenvale, précise que Morvan restera majoritaire.",
     ["Brenvale"], [], ["Adèle Morvan"]),
    ("fr", FR + "Le fabricant Maison Delorme, du nom de son fondateur, équipe les usines.",
     ["Maison Delorme"], [], []),
    ("fr", FR + "« Nous changeons d'échelle », confie à Armor-Matin Maëlle Kerhervé, présidente de Brenvale.",
     ["Brenvale", "Armor-Matin"], [], ["Maëlle Kerhervé"]),
    ("fr", FR + "La société prépare une série C. Maëlle Kerhervé, associée chez Solvane Capital Partners, suit le "
                "dossier.", ["Solvane Capital Partners"], [], ["Maëlle Kerhervé"]),
    ("fr", FR + "Brenvale a signé une convention avec l'université Jules-Ferrand Nantes 2 pour former ses ingénieurs.",
     ["Brenvale", "université Jules-Ferrand Nantes 2"], [], []),
    ("en", EN + "Finance chief Ravi Sandhu said the cash would last four years.", ["Quillmark"], ["Finance"],
     ["Ravi Sandhu"]),
    ("en", EN + "Harrowgate Ventures led the round. Harrowgate has backed six logistics firms.",
     ["Harrowgate Ventures"], ["Harrowgate"], []),
    ("en", EN + "Mara Olsen, Quillmark's chief executive, said Olsen would stay on as chair.",
     ["Quillmark"], [], ["Mara Olsen"]),
    ("en", EN + "\"Demand is strong,\" Mara Olsen told the Financial Times.",
     ["Quillmark", "Financial Times"], [], ["Mara Olsen"]),
]


@pytest.mark.parametrize("lang,text,person,org,title", POSITIVE)
def test_role_found(ex: Extractor, lang: str, text: str, person: str, org: str, title: str | None) -> None:
    roles = _roles(ex, text, lang)
    assert (person, org) in roles, roles
    if title is not None:
        assert title in roles[(person, org)], roles


@pytest.mark.parametrize("lang,text,person,org", NEGATIVE)
def test_role_not_found(ex: Extractor, lang: str, text: str, person: str, org: str) -> None:
    roles = _roles(ex, text, lang)
    assert (person, org) not in roles, roles


@pytest.mark.parametrize("lang,text,orgs,not_orgs,persons", ENTITIES)
def test_entities(ex: Extractor, lang: str, text: str, orgs: list[str], not_orgs: list[str],
                  persons: list[str]) -> None:
    r = _run(ex, text, lang)
    found_orgs = {e.name for e in r.entities if e.kind == "Organisation"}
    found_pers = {e.name for e in r.entities if e.kind == "Person"}
    for o in orgs:
        assert o in found_orgs, (found_orgs, found_pers)
    for o in not_orgs:
        assert o not in found_orgs, found_orgs
    for p in persons:
        assert p in found_pers, found_pers
    assert not found_pers & set(orgs), found_pers
