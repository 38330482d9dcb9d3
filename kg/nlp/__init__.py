"""Extraction: an :class:`~kg.model.Article` in, an :class:`~kg.model.Extraction` out.

>>> from kg.model import Article
>>> x = extract(Article(text="La start-up Zorbex a levé 12 millions d'euros.", lang="fr"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from kg.model import Article, Entity, Extraction, Office, Place, Role

__all__ = ["Extractor", "Parsed", "extract"]

BATCH_CHARS = 24_000


class Span(NamedTuple):
    """A sentence or entity of a parsed paragraph (the attributes kg reads from a spaCy Span)."""

    start_char: int
    end_char: int
    label_: str = ""


class Parsed(NamedTuple):
    """What kg keeps of a spaCy Doc: its text, entities and sentences (no tokens, no tensors)."""

    text: str
    ents: tuple[Span, ...]
    sents: tuple[Span, ...]

    @classmethod
    def of(cls, doc: Any) -> Parsed:
        return cls(doc.text, tuple(Span(e.start_char, e.end_char, e.label_) for e in doc.ents),
                   tuple(Span(s.start_char, s.end_char) for s in doc.sents))


class Extractor:
    """Reusable extractor: loads each language's pipeline once, lazily.

    ``known_organisations`` (e.g. the labels of the graph's organisations) feed the organisation layer.
    """

    def __init__(self, known_organisations: Iterable[str] = (), lang: str | None = None) -> None:
        from kg.nlp.gazetteer import Gazetteer

        self.gazetteer = Gazetteer(known_organisations)
        self.lang = lang

    def add_known(self, names: Iterable[str]) -> None:
        """Add organisation names to the gazetteer."""
        self.gazetteer.add(names)

    def _lang(self, article: Article) -> str:
        from kg.nlp.language import detect_language

        lang = self.lang or article.lang
        if lang in ("fr", "en"):
            return lang
        return detect_language((article.title or "") + "\n" + article.text)

    def __call__(self, article: Article) -> Extraction:
        return next(iter(self.extract_many([article])))

    def extract(self, article: Article) -> Extraction:
        """Extract one article (the interface kg.ingest, kg.extract and kg.parallel call)."""
        return self(article)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract articles in order; paragraphs of each language are parsed in batches with ``nlp.pipe``."""
        from kg.nlp.pipeline import load_pipeline
        from kg.nlp.text import paragraphs

        for article in articles:
            lang = self._lang(article)
            nlp = load_pipeline(lang)
            paras = list(paragraphs(article.text))
            # keep only what extraction reads (entities, sentences): a long article's Docs and tensors are freed
            # and batches hold at most ~BATCH_CHARS characters (spaCy's working memory grows with the batch)
            size = max(1, min(batch_size, BATCH_CHARS // max((len(p) for _, _, p in paras), default=1)))
            docs = [Parsed.of(d) for d in nlp.pipe([p for _, _, p in paras], batch_size=size)]
            yield self._extract(article, lang, [(s, d) for (s, _e, _p), d in zip(paras, docs, strict=True)])

    def _extract(self, article: Article, lang: str, docs: list[tuple[int, Any]]) -> Extraction:
        from kg.nlp.entities import analyse_entities
        from kg.nlp.facts import FactReader, read_facts
        from kg.nlp.pipeline import ner_mode
        from kg.nlp.text import clean

        text = clean(article.text)
        layer = analyse_entities(text, docs, lang, ner_mode(lang), self.gazetteer, article.title or "")
        sentences = [(base + s.start_char, base + s.end_char) for base, doc in docs for s in doc.sents]
        facts = read_facts(FactReader(text, lang, layer, sentences, article.date))
        extraction = Extraction(article=article, lang=lang)
        for g in layer.groups.values():
            if g.kind in ("Organisation", "Person"):
                aliases = {f for f in g.forms if f != g.canonical}
                extraction.entities.append(Entity(g.kind, g.canonical, aliases,  # type: ignore[arg-type]
                                                  [(m.start, m.end) for m in g.mentions]))
        places: dict[Any, Place] = {}
        for f in facts:
            pl = f.place if isinstance(f, Office) else f.based_at if isinstance(f, Role) else None
            if pl is not None:
                places.setdefault(pl.geonames_id or pl.name, pl)
        for g in layer.groups.values():
            if g.kind == "Place" and g.place is not None:
                places.setdefault(g.place.geonames_id or g.place.name, g.place)
        extraction.places = list(places.values())
        extraction.facts = facts
        return extraction


_default: Extractor | None = None


def extract(article: Article, known_organisations: Iterable[str] = ()) -> Extraction:
    """Extract one article with a shared default :class:`Extractor`."""
    global _default
    if _default is None:
        _default = Extractor()
    if known_organisations:
        _default.add_known(known_organisations)
    return _default(article)
