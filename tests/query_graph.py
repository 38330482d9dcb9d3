"""A small, fixed graph for the query and export tests, built from hand-made extractions.

Invented organisations and people, sentences written for these tests. Three articles:
- A (en, 2024-03-05): Norvel Labs opens an office in Lyon; partners with Quitra Systems; Ines Carvalho is its CEO.
- B (fr, 2024-09-12): Quitra Systems' office in Berlin; Quitra raises 40 M EUR (Series B) led by Dexalum Capital,
  with Marc Olsen.
- C (en, 2025-01-20): Norvel Labs raises 12.5 M USD (Seed) from Dexalum Capital; plans an office in Berlin;
  the Lyon office is reported again (one office, two sources).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.mapping import article_iri, to_triples
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Partnership, Place, Role
from kg.store.base import ArticleGraph

FRANCE = Place("France", "country", 3017382, (("en", "France"), ("fr", "France")))
GERMANY = Place("Germany", "country", 2921044, (("en", "Germany"), ("fr", "Allemagne")))
LYON = Place("Lyon", "city", 2996944, (("en", "Lyon"), ("fr", "Lyon")), FRANCE, 45.75, 4.85)
BERLIN = Place("Berlin", "city", 2950159, (("en", "Berlin"), ("fr", "Berlin")), GERMANY, 52.52, 13.405)


def _ev(sentence: str, start: int, rule: str, confidence: float = 0.8) -> Evidence:
    return Evidence(sentence, start, start + len(sentence), rule, confidence)


def extractions() -> list[Extraction]:
    a_text = ("Norvel Labs will open an office in Lyon this June, the robotics start-up said. "
              "Norvel Labs and Quitra Systems agreed to build shared robotics tooling. "
              "Ines Carvalho, chief executive of Norvel Labs, will work from Lyon.")
    s1, s2, s3 = a_text.split(". ")[0] + ".", a_text.split(". ")[1] + ".", a_text.split(". ")[2]
    a = Extraction(
        Article(a_text, title="Norvel Labs heads to Lyon", date="2024-03-05", url="https://news.example/a", lang="en"),
        "en",
        entities=[Entity("Organisation", "Norvel Labs", {"Norvel"}), Entity("Organisation", "Quitra Systems"),
                  Entity("Person", "Ines Carvalho", {"Carvalho"})],
        places=[LYON],
        facts=[
            Office("Norvel Labs", LYON, "opening", _ev(s1, 0, "en.office.open-verb"), start_date="2024-06"),
            Partnership(("Norvel Labs", "Quitra Systems"), _ev(s2, a_text.index(s2), "en.partnership.agree"),
                        announced_on="2024-03-05", purpose="shared robotics tooling"),
            Role("Ines Carvalho", "Norvel Labs", "CEO", "chief executive", _ev(s3, a_text.index(s3), "en.role.apposition"),
                 based_at=LYON),
        ],
    )
    b_text = ("Quitra Systems dispose déjà d'un bureau à Berlin. "
              "Quitra Systems a levé 40 millions d'euros en série B, un tour mené par Dexalum Capital "
              "avec Marc Olsen.")
    t1, t2 = b_text.split(". ")[0] + ".", b_text.split(". ")[1]
    b = Extraction(
        Article(b_text, title="Quitra Systems lève 40 millions", date="2024-09-12", url="https://news.example/b",
                lang="fr"),
        "fr",
        entities=[Entity("Organisation", "Quitra Systems"), Entity("Organisation", "Dexalum Capital"),
                  Entity("Person", "Marc Olsen")],
        places=[BERLIN],
        facts=[
            Office("Quitra Systems", BERLIN, "existing", _ev(t1, 0, "fr.office.have")),
            FundingRound("Quitra Systems", Decimal("40000000"), "EUR", _ev(t2, b_text.index(t2), "fr.funding.lever"),
                         series="Series B", investors=("Marc Olsen",), lead_investors=("Dexalum Capital",),
                         announced_on="2024-09"),
        ],
    )
    c_text = ("Norvel Labs raised 12.5 million dollars in a seed round from Dexalum Capital. "
              "The company plans an office in Berlin next year. "
              "Its Lyon office opened in June.")
    u1, u2, u3 = (c_text.split(". ")[0] + ".", c_text.split(". ")[1] + ".", c_text.split(". ")[2])
    c = Extraction(
        Article(c_text, title="Norvel Labs raises a seed round", date="2025-01-20", url="https://news.example/c",
                lang="en"),
        "en",
        entities=[Entity("Organisation", "Norvel Labs"), Entity("Organisation", "Dexalum Capital")],
        places=[BERLIN, LYON],
        facts=[
            FundingRound("Norvel Labs", Decimal("12500000"), "USD", _ev(u1, 0, "en.funding.raise"), series="Seed",
                         investors=("Dexalum Capital",), announced_on="2025-01-20"),
            Office("Norvel Labs", BERLIN, "planned", _ev(u2, c_text.index(u2), "en.office.plan")),
            Office("Norvel Labs", LYON, "opening", _ev(u3, c_text.index(u3), "en.office.open-verb", 0.7),
                   start_date="2024-06"),
        ],
    )
    return [a, b, c]


def article_graphs() -> list[ArticleGraph]:
    return [ArticleGraph(article_iri(ex), to_triples(ex)) for ex in extractions()]


def build(store: object) -> object:
    """Write the three articles into ``store`` (any kg store) and return it."""
    store.write_articles(article_graphs())  # type: ignore[attr-defined]
    return store


def build_disk(path: Path) -> Path:
    """An on-disk embedded store at ``path`` holding the fixed graph (closed, so a command can open it)."""
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(path, create=True)
    build(store)
    store.close()
    return path
