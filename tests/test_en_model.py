"""The shipped English pipeline (kg/lang/en/model) loads offline and finds obvious business-news names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MODEL_DIR = Path(__file__).resolve().parent.parent / "kg" / "lang" / "en" / "model"

# Known misses of the shipped model (no world knowledge: "Goldman Sachs" looks like a person's name, "Apple" like a
# common noun). Strict: the test fails as soon as a retrained model gets them, so the marks get removed.
_KNOWN_MISS = pytest.mark.xfail(strict=True, reason="small GUM model lacks world knowledge (needs a gazetteer layer)")

# Sentences written for this test; every expected name is unambiguous to a human reader.
CASES = [
    (
        "Microsoft said on Tuesday that Satya Nadella would visit the company's new research centre in Nairobi.",
        {("Microsoft", "ORG"), ("Satya Nadella", "PERSON")},
    ),
    pytest.param(
        "Goldman Sachs and Morgan Stanley advised the two lenders on the merger, people familiar with the talks said.",
        {("Goldman Sachs", "ORG"), ("Morgan Stanley", "ORG")},
        marks=_KNOWN_MISS,
    ),
    pytest.param(
        "Tim Cook, the chief executive of Apple, met suppliers in Shanghai last week.",
        {("Tim Cook", "PERSON"), ("Apple", "ORG")},
        marks=_KNOWN_MISS,
    ),
    (
        "Tim Cook, the chief executive, met suppliers in Shanghai last week.",
        {("Tim Cook", "PERSON"), ("Shanghai", "LOC")},
    ),
    (
        "The bank appointed Maria Gonzalez as chief financial officer, replacing Peter Walsh, who retires in June.",
        {("Maria Gonzalez", "PERSON"), ("Peter Walsh", "PERSON")},
    ),
    (
        "Siemens Energy will build a turbine plant in Texas, the German group said in a statement.",
        {("Siemens Energy", "ORG")},
    ),
]


@pytest.fixture(scope="module")
def nlp():
    """The shipped pipeline, loaded from its directory (no package install, no download)."""
    import spacy

    if not (MODEL_DIR / "meta.json").is_file():
        pytest.fail(f"English model missing: {MODEL_DIR} (run tools/train_en.sh)")
    return spacy.load(MODEL_DIR)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_en_model_finds_obvious_names(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(ent.text, ent.label_) for ent in nlp(text).ents}
    assert expected <= found, f"missing {expected - found}; found {found}"


def test_en_model_leaves_nominal_mentions_unlabelled(nlp) -> None:
    doc = nlp("The company said the startup had hired a new chief executive from a rival bank.")
    assert [ent.text for ent in doc.ents] == []


def test_en_model_has_labels_parser_and_tags(nlp) -> None:
    assert set(nlp.get_pipe("ner").labels) == {"ORG", "PERSON", "LOC"}
    doc = nlp("Apple opened a store in Paris.")
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("TAG")
    assert doc[1].pos_ == "VERB"
    assert doc[0].dep_ == "nsubj" and doc[0].head.i == 1


def test_en_model_ships_notice_and_stays_small() -> None:
    notice = (MODEL_DIR / "NOTICE.md").read_text(encoding="utf-8")
    assert "Zeldes, Amir (2017)" in notice and "Language Resources and" in notice
    assert notice.count("https://") >= 100  # one source URL per GUM document
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "en" and meta["name"] == "kg_en_gum"
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 30 * 1024 * 1024
