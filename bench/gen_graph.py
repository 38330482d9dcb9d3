"""Generate a realistic synthetic graph in kg's shape and build an on-disk store from it.

Articles are hand-made :class:`kg.model.Extraction` records mapped by :func:`kg.mapping.to_triples`, so the
triples have exactly the shape ``kg ingest`` writes: one named graph per article, entities shared across
articles with Zipf-like popularity (a few hubs, a long tail), facts with ~150-character evidence sentences.

Writes ``DIR/articles.nq`` (the article graphs, what ``kg export --format nquads`` gives back) and builds the
store ``DIR/store`` (article graphs + the merged graph + the ontology), with Oxigraph's bulk loader.

    python bench/gen_graph.py --triples 1000000 --out bench/data
"""

from __future__ import annotations

import argparse
import json
import random
import time
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.iris import MERGED_GRAPH, ONTOLOGY_IRI
from kg.mapping import article_iri, to_triples
from kg.model import Article, Entity, Evidence, Extraction, FundingRound, Office, Partnership, Place, Role

REPO = Path(__file__).resolve().parent.parent
SYL = ["vel", "tra", "nor", "qui", "lum", "dex", "ora", "zen", "mar", "tic", "sol", "pha", "ber", "kal", "ondo",
       "rix", "mo", "sta", "gen", "ly", "cor", "vin", "sa", "pel"]
SUFFIX = ["Labs", "Systems", "Robotics", "Analytics", "Bio", "Energy", "Cloud", "Capital", "Ventures", "Partners",
          "Group", ""]
FIRST = ["Claire", "Hugo", "Amina", "Lucas", "Sofia", "Malik", "Elena", "Thomas", "Yuki", "Nadia", "Pierre", "Grace",
         "Omar", "Lea", "Jonas", "Ines", "Marta", "Idris", "Chloe", "Arjun"]
LAST = ["Marchetti", "Okafor", "Lindqvist", "Dubreuil", "Haddad", "Novak", "Ferreira", "Castellan", "Moreau",
        "Bauer", "Sato", "Keller", "Duval", "Rossi", "Mendes", "Varga", "Nilsen", "Costa"]
TITLES = [("CEO", "chief executive"), ("CTO", "directeur technique"), ("managing director", "directeur général"),
          ("co-founder", "cofondatrice"), ("chair", "présidente"), ("CFO", "directeur financier")]
WORDS = ["the", "company", "said", "on", "Tuesday", "that", "its", "plan", "would", "help", "customers", "across", "the", "region", "while", "analysts", "expect", "more", "hiring", "in", "engineering", "sales", "and", "research", "teams", "over", "the", "next", "two", "years", "despite", "a", "cooler", "market"]


def _name(rng: random.Random) -> str:
    base = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{base} {rng.choice(SUFFIX)}".strip()


def _sentence(rng: random.Random, *names: str) -> str:
    words = list(names) + rng.sample(WORDS, 18)
    rng.shuffle(words)
    text = " ".join(words)
    while len(text) < 140:
        text += " " + rng.choice(WORDS)
    return text[0].upper() + text[1:150] + "."


class Zipf:
    """Pick items with probability ~ 1 / rank^s (hubs first)."""

    def __init__(self, items: list, s: float, rng: random.Random) -> None:
        weights = [1 / (i + 1) ** s for i in range(len(items))]
        total = sum(weights)
        acc, self.cum = 0.0, []
        for w in weights:
            acc += w / total
            self.cum.append(acc)
        self.items, self.rng = items, rng

    def pick(self) -> object:
        import bisect

        return self.items[min(bisect.bisect(self.cum, self.rng.random()), len(self.items) - 1)]


def make_places(rng: random.Random, n_countries: int = 40, n_cities: int = 400) -> list[Place]:
    countries = []
    for i in range(n_countries):
        name = _name(rng).split()[0] + "ia"
        countries.append(Place(name, "country", 9_000_000 + i, (("en", name), ("fr", name + "e"))))
    cities = []
    for i in range(n_cities):
        name = _name(rng).split()[0]
        fr = name + "-sur-Mer" if i % 7 == 0 else name
        cities.append(Place(name, "city", 8_000_000 + i, (("en", name), ("fr", fr)), rng.choice(countries),
                            round(rng.uniform(-60, 70), 4), round(rng.uniform(-170, 170), 4)))
    return cities


def make_article(i: int, rng: random.Random, orgs: Zipf, people: Zipf, cities: Zipf) -> Extraction:
    lang = "fr" if i % 3 == 0 else "en"
    year = 2015 + i % 11
    date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    org_a, org_b, org_c = (str(orgs.pick()) for _ in range(3))
    while org_b == org_a:
        org_b = str(orgs.pick())
    person = str(people.pick())
    text_parts: list[str] = []

    def ev(sentence: str, rule: str) -> Evidence:
        start = sum(len(p) + 1 for p in text_parts)
        text_parts.append(sentence)
        return Evidence(sentence, start, start + len(sentence), rule, round(rng.uniform(0.6, 0.95), 2))

    facts: list = []
    places: list[Place] = []
    for _ in range(rng.choice([1, 1, 2])):
        city = cities.pick()
        places.append(city)  # type: ignore[arg-type]
        status = rng.choice(["existing", "opening", "planned", "existing", "closed"])
        facts.append(Office(org_a, city, status, ev(_sentence(rng, org_a, city.name), f"{lang}.office.open-verb"),  # type: ignore[attr-defined,arg-type]
                            start_date=date[:7] if rng.random() < 0.4 else None))
    if rng.random() < 0.6:
        title, written = rng.choice(TITLES)
        based = cities.pick() if rng.random() < 0.3 else None
        facts.append(Role(person, org_a, title, written, ev(_sentence(rng, person, org_a), f"{lang}.role.apposition"),
                          based_at=based))  # type: ignore[arg-type]
    if rng.random() < 0.5:
        facts.append(Partnership((org_a, org_b), ev(_sentence(rng, org_a, org_b), f"{lang}.partnership.agree"),
                                 announced_on=date, purpose="joint products" if rng.random() < 0.3 else None))
    if rng.random() < 0.5:
        amount = Decimal(rng.choice([2, 5, 8, 12, 20, 35, 50, 80, 120, 300])) * 1_000_000
        investors = (org_c,) if org_c not in (org_a,) else ()
        facts.append(FundingRound(org_a, amount, rng.choice(["USD", "EUR", "EUR", "GBP"]),
                                  ev(_sentence(rng, org_a, org_c), f"{lang}.funding.raise"),
                                  series=rng.choice(["Seed", "Series A", "Series B", None]),
                                  investors=investors, lead_investors=investors[:1] if rng.random() < 0.5 else (),
                                  announced_on=date[:7]))
    text_parts.append(_sentence(rng))
    entities = [Entity("Organisation", org_a, {org_a.split()[0]}), Entity("Organisation", org_b),
                Entity("Person", person, {person.split()[-1]})]
    if org_c not in (org_a, org_b):
        entities.append(Entity("Organisation", org_c))
    article = Article(" ".join(text_parts), title=f"{org_a}: news {i}", date=date,
                      url=f"https://news.example/{year}/{i}", lang=lang)
    return Extraction(article, lang, entities=entities, places=places, facts=facts)


def generate(target: int, out: Path, seed: int = 42) -> dict[str, object]:
    """Articles until the merged graph holds ``target`` triples (the article graphs hold more: shared entities
    are repeated in every article that names them)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    orgs = Zipf(sorted({_name(rng) for _ in range(30_000)}), 1.05, rng)
    people = Zipf(sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(SYL).capitalize()}"
                          for _ in range(20_000)}), 1.0, rng)
    cities = Zipf(make_places(rng), 1.1, rng)
    merged: set[ox.Triple] = set()
    quads = 0
    articles = 0
    started = time.perf_counter()
    nq_path = out / "articles.nq"
    with open(nq_path, "wb") as fh:
        while len(merged) < target:
            ex = make_article(articles, rng, orgs, people, cities)
            graph = ox.NamedNode(article_iri(ex))
            triples = to_triples(ex)
            fh.write(ox.serialize([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples],
                                  format=ox.RdfFormat.N_QUADS))
            merged.update(triples)
            quads += len(triples)
            articles += 1
    gen_s = time.perf_counter() - started
    merged_path = out / "merged.nq"
    mg = ox.NamedNode(MERGED_GRAPH)
    ox.serialize((ox.Quad(t.subject, t.predicate, t.object, mg) for t in merged), merged_path,
                 format=ox.RdfFormat.N_QUADS)
    n_merged = len(merged)
    del merged
    store_dir = out / "store"
    if store_dir.exists():
        import shutil

        shutil.rmtree(store_dir)
    started = time.perf_counter()
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(nq_path), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(path=str(merged_path), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(path=str(REPO / "ontology" / "kg.ttl"), format=ox.RdfFormat.TURTLE,
                    to_graph=ox.NamedNode(ONTOLOGY_IRI))
    store.optimize()
    store.flush()
    del store
    info = {"articles": articles, "article_quads": quads, "merged_triples": n_merged,
            "generate_s": round(gen_s, 1), "store_build_s": round(time.perf_counter() - started, 1),
            "hub_org": str(orgs.items[0]), "hub_person": str(people.items[0]),
            "hub_city": cities.items[0].name, "investor": str(orgs.items[1])}  # type: ignore[attr-defined]
    (out / "info.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000,
                        help="triples in the merged graph (default 1M; the article graphs hold about 1.8x as many)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "data")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    print(json.dumps(generate(args.triples, args.out, args.seed), indent=1))


if __name__ == "__main__":
    main()
