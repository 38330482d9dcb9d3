"""Varied synthetic news articles (French and English) for benchmarks and reliability tests.

Invented organisations and people, real cities; sentences written for kg's tests, not taken from any corpus.
Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

_SYLLABLES = ["vel", "tra", "nor", "qui", "lum", "dex", "ora", "zen", "mar", "tic", "sol", "pha", "ber", "kal", "ondo"]
_SUFFIXES = ["Labs", "Systems", "Robotics", "Analytics", "Bio", "Energy", "Cloud", "Capital", "Ventures", ""]
_FIRST = ["Claire", "Hugo", "Amina", "Lucas", "Sofia", "Malik", "Elena", "Thomas", "Yuki", "Nadia", "Pierre", "Grace"]
_LAST = ["Marchetti", "Okafor", "Lindqvist", "Dubreuil", "Haddad", "Novak", "Ferreira", "Castellan", "Moreau"]
_CITIES = [("Paris", "Paris"), ("Lyon", "Lyon"), ("Berlin", "Berlin"), ("Madrid", "Madrid"), ("Tokyo", "Tokyo"),
           ("Brussels", "Bruxelles"), ("London", "Londres"), ("Montreal", "Montréal"), ("Lisbon", "Lisbonne"),
           ("Singapore", "Singapour"), ("Munich", "Munich"), ("Geneva", "Genève")]
_ROLES_EN = ["chief executive", "chief technology officer", "managing director", "co-founder"]
_ROLES_FR = ["directrice générale", "directeur technique", "présidente", "cofondateur"]

_EN = [
    "{org} said on Tuesday it would open an office in {city} next spring, its third outside its home market.",
    "The company, led by its {role} {person}, plans to hire about {n} engineers there over two years.",
    "{org} and {org2} announced a partnership to build shared tooling for industrial customers.",
    "{org} raised {amount} million dollars in a Series {series} round led by {org2}.",
    "Analysts noted that the sector has cooled since last year, with fewer deals above {n} million.",
    "{person}, who joined {org} as {role} in {year}, described the move as a long-term bet.",
    "A spokesperson for {org2} declined to comment on the terms of the agreement.",
    "The new site in {city} will also host a small research team working on energy efficiency.",
]
_FR = [
    "{org} a annoncé mardi l'ouverture d'un bureau à {city_fr} au printemps prochain.",
    "L'entreprise, dirigée par sa {role_fr} {person}, prévoit d'y recruter environ {n} ingénieurs.",
    "{org} et {org2} ont conclu un partenariat pour développer des outils communs destinés à l'industrie.",
    "{org} a levé {amount} millions d'euros lors d'un tour de série {series} mené par {org2}.",
    "Selon plusieurs analystes, le secteur a ralenti depuis l'an dernier, avec moins d'opérations d'envergure.",
    "{person}, arrivée chez {org} en {year}, parle d'un pari sur le long terme.",
    "Un porte-parole de {org2} n'a pas souhaité commenter les conditions de l'accord.",
    "Le nouveau site de {city_fr} accueillera aussi une petite équipe de recherche sur l'efficacité énergétique.",
]


def _org(rng: random.Random) -> str:
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    suffix = rng.choice(_SUFFIXES)
    return f"{name} {suffix}".strip()


def make_article(rng: random.Random, index: int, seed: int = 0) -> dict[str, str]:
    """One article as a JSON-able dict: title, date, url, lang, text."""
    lang = "fr" if index % 2 else "en"
    city_en, city_fr = rng.choice(_CITIES)
    values = {
        "org": _org(rng), "org2": _org(rng), "person": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        "city": city_en, "city_fr": city_fr, "role": rng.choice(_ROLES_EN), "role_fr": rng.choice(_ROLES_FR),
        "n": str(rng.randint(12, 400)), "amount": str(rng.randint(2, 900)), "series": rng.choice("ABC"),
        "year": str(rng.randint(2015, 2023)),
    }
    templates = _FR if lang == "fr" else _EN
    paragraphs = []
    for _ in range(rng.randint(3, 5)):
        sentences = rng.sample(templates, k=rng.randint(2, 4))
        paragraphs.append(" ".join(s.format(**values) for s in sentences))
    title = templates[0].format(**values).split(",")[0][:90]
    return {
        "title": title,
        "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "url": f"https://news.example.org/{lang}/{seed}-{index:05d}",
        "lang": lang,
        "text": "\n\n".join(paragraphs),
    }


def make_articles(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [make_article(rng, i, seed) for i in range(count)]


def write_markdown(directory: Path, articles: list[dict[str, str]]) -> list[Path]:
    """One ``.md`` file with front matter per article; returns the paths in order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, art in enumerate(articles):
        path = directory / f"article_{i:04d}.md"
        front = "\n".join(f"{k}: {json.dumps(art[k], ensure_ascii=False)}" for k in ("title", "date", "url", "lang"))
        path.write_text(f"---\n{front}\n---\n{art['text']}\n", encoding="utf-8")
        paths.append(path)
    return paths


class WordExtractor:
    """A stand-in extractor without NLP: each capitalised word of 4+ letters is an organisation.

    Raises on an article containing ``BOOM`` (to test failure handling). Module-level, so worker processes
    can unpickle :func:`word_extractor_factory`.
    """

    def __init__(self, known: list[str]) -> None:
        self.known = list(known)

    def extract(self, article: object) -> object:
        from kg.model import Entity, Extraction

        text = article.text  # type: ignore[attr-defined]
        if "BOOM" in text:
            raise ValueError("the fake extractor exploded")
        words = sorted({w.strip(".,;:!?\"'()«»") for w in text.split()} | set(self.known))
        entities = [Entity("Organisation", w) for w in words if len(w) > 3 and w[:1].isupper()]
        return Extraction(article=article, lang=article.lang or "en", entities=entities)  # type: ignore[arg-type]


def word_extractor_factory(known: list[str]) -> WordExtractor:
    return WordExtractor(known)


def failing_factory(known: list[str]) -> WordExtractor:
    raise OSError("model directory missing")
