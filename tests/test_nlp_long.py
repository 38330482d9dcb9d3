"""Long inputs: a huge paragraph is cut at sentence ends, offsets stay exact, extraction does not fail."""

from __future__ import annotations

from kg.model import Article
from kg.nlp import Extractor
from kg.nlp.text import MAX_CHUNK, clean, paragraphs

SENTENCE = "Harbourline Robotics, a Leeds-based maker of drones, opened an office in Paris, said Anna Lindqvist. "


def test_two_megabyte_paragraph_is_cut_at_sentence_ends() -> None:
    text = (SENTENCE * (2_000_000 // len(SENTENCE) + 1))[:2_000_000]
    pieces = list(paragraphs(text))
    assert len(pieces) > 2_000_000 // MAX_CHUNK
    cleaned = clean(text)
    for start, end, piece in pieces:
        assert 0 < len(piece) <= MAX_CHUNK
        assert cleaned[start:end] == piece
    # every cut but the last falls after a full stop: no sentence is split
    assert all(p.endswith(".") for _, _, p in pieces[:-1])
    assert pieces[-1][1] <= len(text)


def test_text_without_any_punctuation_is_cut_at_spaces_or_hard() -> None:
    words = "alpha " * 5000
    assert all(len(p) <= 1000 for _, _, p in paragraphs(words, limit=1000))
    blob = "x" * 25_000
    pieces = list(paragraphs(blob, limit=1000))
    assert "".join(p for _, _, p in pieces) == blob


def test_long_single_paragraph_article_is_extracted() -> None:
    text = SENTENCE * 2500  # ~250 kB, no line break
    extraction = Extractor()(Article(text=text, lang="en", date="2025-02-01"))
    names = {e.name for e in extraction.entities}
    assert "Harbourline Robotics" in names
    for fact in extraction.facts:
        ev = fact.evidence
        assert text[ev.start:ev.end] == ev.sentence
