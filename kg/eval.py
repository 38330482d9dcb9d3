"""Extraction quality against gold annotations (the metric of ``../shared/eval/dev/README.md``).

Each article is extracted alone, mapped to triples (:func:`kg.mapping.to_triples`), loaded into a fresh in-memory
Oxigraph store and read back with SPARQL through the ontology terms only. Names are compared after folding accents
and case, dropping punctuation and trailing legal suffixes, and mapping the gold aliases to their canonical names.
Scores are micro precision / recall / F1 per kind, over all entities, over all facts, overall and per language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.iris import fold

ENTITY_KINDS = ("Organisation", "Person")
FACT_KINDS = ("Office", "Role", "Partnership", "FundingRound")
KINDS = ENTITY_KINDS + FACT_KINDS
_SUFFIX = re.compile(r"(?:\s+(?:inc|ltd|sa|sas|gmbh|ag|corp|plc|llc|nv|bv|spa|se))+$")

PREFIXES = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
Q_ENTITIES = PREFIXES + "SELECT ?x ?label WHERE { ?x a ?cls ; rdfs:label ?label }"
Q_OFFICES = PREFIXES + """SELECT ?off ?orgLabel ?place ?plabel ?country ?ev WHERE {
  ?org kg:hasOffice ?off ; rdfs:label ?orgLabel . ?off kg:locatedIn ?place .
  { ?place rdfs:label ?plabel } UNION { ?place skos:altLabel ?plabel }
  OPTIONAL { ?place a kg:Country . BIND(true AS ?country) }
  OPTIONAL { ?off kg:evidence ?ev } }"""
Q_ROLES = PREFIXES + """SELECT ?r ?pl ?ol ?ev WHERE {
  ?r a kg:Role ; kg:person ?p ; kg:organisation ?o . ?p rdfs:label ?pl . ?o rdfs:label ?ol .
  OPTIONAL { ?r kg:evidence ?ev } }"""
Q_PARTNERSHIPS = PREFIXES + """SELECT ?x ?label ?ev WHERE {
  ?x a kg:Partnership ; kg:partner ?p . ?p rdfs:label ?label . OPTIONAL { ?x kg:evidence ?ev } }"""
Q_FUNDING = PREFIXES + """SELECT ?x ?ol ?amount ?ccy ?ev WHERE {
  ?x a kg:FundingRound ; kg:raisedBy ?o ; kg:amount ?amount ; kg:currency ?ccy . ?o rdfs:label ?ol .
  OPTIONAL { ?x kg:evidence ?ev } }"""


def normalise_name(name: str) -> str:
    """Accents and case folded, punctuation dropped, trailing legal suffixes dropped."""
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", fold(name))  # S.A. -> SA.
    text = re.sub(r"[^\w\s]", " ", text.replace("'", " "))
    text = re.sub(r"\s+", " ", text).strip()
    return _SUFFIX.sub("", text).strip() or text


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    article: str
    kind: str
    what: str  # "FN" (missed) or "FP" (spurious)
    item: str
    evidence: str | None = None


@dataclass
class ArticleResult:
    article: str
    lang: str
    scores: dict[str, Score]
    misses: list[Miss]


@dataclass
class Report:
    """Scores per article; aggregated on demand."""

    results: list[ArticleResult] = field(default_factory=list)

    def total(self, kind: str, lang: str | None = None) -> Score:
        """Micro score for one kind, or "entities" / "facts", over all articles or one language."""
        kinds = ENTITY_KINDS if kind == "entities" else FACT_KINDS if kind == "facts" else (kind,)
        out = Score()
        for r in self.results:
            if lang is None or r.lang == lang:
                for k in kinds:
                    out.add(r.scores[k])
        return out

    def languages(self) -> list[str]:
        return sorted({r.lang for r in self.results})

    def format_table(self) -> str:
        """A plain-text table: one row per kind, columns P/R/F1 (and counts) overall and per language."""
        scopes: list[tuple[str, str | None]] = [("all", None)] + [(lg, lg) for lg in self.languages()]
        head = f"{'kind':<14}" + "".join(f"| {name:^30}" for name, _ in scopes)
        sub = f"{'':<14}" + "".join(f"| {'P':>5} {'R':>5} {'F1':>5} {'tp/fp/fn':>12}" for _ in scopes)
        lines = [f"{len(self.results)} articles", head, sub, "-" * len(sub)]
        for kind in (*KINDS, "entities", "facts"):
            if kind == "entities":
                lines.append("-" * len(sub))
            row = f"{kind:<14}"
            for _, lang in scopes:
                s = self.total(kind, lang)
                row += f"| {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} {f'{s.tp}/{s.fp}/{s.fn}':>12}"
            lines.append(row)
        return "\n".join(lines)

    def misses(self) -> list[Miss]:
        return [m for r in self.results for m in r.misses]

    def to_dict(self) -> dict[str, Any]:
        """Scores as plain data: {scope: {kind: {precision, recall, f1, tp, fp, fn}}}, scope "all" or a language."""
        scopes: list[tuple[str, str | None]] = [("all", None)] + [(lg, lg) for lg in self.languages()]
        out: dict[str, Any] = {"articles": len(self.results)}
        for name, lang in scopes:
            out[name] = {}
            for kind in (*KINDS, "entities", "facts"):
                s = self.total(kind, lang)
                out[name][kind] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                                   "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        return out

    def format_misses(self) -> str:
        out = []
        for m in self.misses():
            line = f"{m.article}\t{m.what}\t{m.kind}\t{m.item}"
            if m.evidence:
                line += f"\n\t\t« {m.evidence.strip()[:300]} »"
            out.append(line)
        return "\n".join(out)


class _Names:
    """Gold-side normalisation: alias -> canonical."""

    def __init__(self, aliases: dict[str, list[str]]) -> None:
        self.map: dict[str, str] = {}
        for canonical, forms in aliases.items():
            c = normalise_name(canonical)
            for f in forms:
                self.map.setdefault(normalise_name(f), c)

    def __call__(self, name: str) -> str:
        n = normalise_name(name)
        return self.map.get(n, n)


def _match(pred: list[tuple[Any, str]], gold: list[Any], same: Callable[[Any, Any], bool],
           article: str, kind: str) -> tuple[Score, list[Miss]]:
    """One-to-one greedy matching of predicted items (item, evidence) to gold items."""
    used: set[int] = set()
    score = Score()
    misses: list[Miss] = []
    for item, ev in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and same(item, g)), None)
        if hit is None:
            score.fp += 1
            misses.append(Miss(article, kind, "FP", _show(item), ev))
        else:
            used.add(hit)
            score.tp += 1
    for i, g in enumerate(gold):
        if i not in used:
            score.fn += 1
            misses.append(Miss(article, kind, "FN", _show(g)))
    return score, misses


def _show(item: Any) -> str:
    if isinstance(item, frozenset):
        return " + ".join(sorted(item))
    if isinstance(item, tuple):
        return " | ".join(sorted(_show(x) for x in item) if isinstance(item[0], frozenset) else
                          [_show(x) for x in item])
    return str(item)


def _rows(store: Any, query: str) -> list[dict[str, Any]]:
    res = store.query(query)
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


def score_article(triples: Iterable[Any], gold: dict[str, Any], article_id: str) -> ArticleResult:
    """Scores of one article's triples against its gold record."""
    from pyoxigraph import DefaultGraph, Quad, Store

    store = Store()
    store.extend([Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples])
    norm = _Names(gold.get("aliases") or {})
    scores: dict[str, Score] = {}
    misses: list[Miss] = []

    # entities: one name per IRI
    for kind, gold_key in (("Organisation", "organisations"), ("Person", "persons")):
        q = Q_ENTITIES.replace("?cls", f"kg:{kind}")
        names: dict[str, str] = {}
        for row in _rows(store, q):
            names.setdefault(row["x"], row["label"])
        pred = sorted({norm(n) for n in names.values()})
        gold_set = sorted({norm(n) for n in gold.get(gold_key, [])})
        scores[kind], m = _match([(p, "") for p in pred], gold_set, lambda a, b: a == b, article_id, kind)
        misses += m

    gold_facts = gold.get("facts", [])
    # offices: (organisation, city); country-only offices are not scored on either side
    offices: dict[str, dict[str, Any]] = {}
    for row in _rows(store, Q_OFFICES):
        o = offices.setdefault(row["off"], {"org": norm(row["orgLabel"]), "labels": set(), "country": False,
                                            "ev": row["ev"]})
        o["labels"].add(norm(row["plabel"]))
        o["country"] = o["country"] or bool(row["country"])
    pred_off = [((o["org"], frozenset(o["labels"])), o["ev"]) for o in offices.values() if not o["country"]]
    gold_off = [(norm(f["organisation"]), norm(f["city"])) for f in gold_facts
                if f["type"] == "Office" and f.get("city")]
    scores["Office"], m = _match(pred_off, gold_off, lambda p, g: p[0] == g[0] and g[1] in p[1], article_id,
                                 "Office")
    misses += m

    roles: dict[tuple[str, str], Any] = {}
    for row in _rows(store, Q_ROLES):
        roles.setdefault((norm(row["pl"]), norm(row["ol"])), row["ev"])
    gold_roles = sorted({(norm(f["person"]), norm(f["organisation"])) for f in gold_facts if f["type"] == "Role"})
    scores["Role"], m = _match(list(roles.items()), gold_roles, lambda a, b: a == b, article_id, "Role")
    misses += m

    parts: dict[str, dict[str, Any]] = {}
    for row in _rows(store, Q_PARTNERSHIPS):
        p = parts.setdefault(row["x"], {"names": set(), "ev": row["ev"]})
        p["names"].add(norm(row["label"]))
    pred_p = [(frozenset(p["names"]), p["ev"]) for p in parts.values()]
    gold_p = [frozenset(norm(n) for n in f["partners"]) for f in gold_facts if f["type"] == "Partnership"]
    scores["Partnership"], m = _match(pred_p, gold_p, lambda a, b: a == b, article_id, "Partnership")
    misses += m

    funds: dict[Any, tuple[tuple[str, str, Decimal], Any]] = {}
    for row in _rows(store, Q_FUNDING):
        funds.setdefault(row["x"], ((norm(row["ol"]), row["ccy"].upper(), Decimal(row["amount"])), row["ev"]))
    gold_f = [(norm(f["organisation"]), str(f["currency"]).upper(), Decimal(str(f["amount"])))
              for f in gold_facts if f["type"] == "FundingRound"]

    def same_round(p: tuple[str, str, Decimal], g: tuple[str, str, Decimal]) -> bool:
        return p[0] == g[0] and p[1] == g[1] and abs(p[2] - g[2]) <= abs(g[2]) * Decimal("0.01")

    scores["FundingRound"], m = _match(list(funds.values()), gold_f, same_round, article_id, "FundingRound")
    misses += m
    return ArticleResult(article_id, gold.get("lang", "?"), scores, misses)


def evaluate(articles_dir: str | Path, gold_dir: str | Path, *, extractor: Any = None) -> Report:
    """Extract every article of ``articles_dir`` that has a gold file ``<gold_dir>/<stem>.json`` and score it."""
    from kg.articles import read_file
    from kg.iris import Minter
    from kg.mapping import to_triples
    from kg.model import Article

    if extractor is None:
        from kg.nlp import Extractor

        extractor = Extractor()
    report = Report()
    gold_dir = Path(gold_dir)
    for path in sorted(Path(articles_dir).iterdir()):
        gold_path = gold_dir / f"{path.stem}.json"
        if not path.is_file() or not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        articles = [a for a in read_file(path) if isinstance(a, Article)]
        if not articles:
            continue
        article = articles[0]
        if article.lang is None and gold.get("lang"):
            gold.setdefault("lang", gold["lang"])
        extraction = extractor(article)
        gold.setdefault("lang", extraction.lang)
        report.results.append(score_article(to_triples(extraction, Minter()), gold, path.stem))
    return report
