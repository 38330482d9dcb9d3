"""The gazetteer of known organisations: dictionary lookup, longest match, whole tokens only."""

from __future__ import annotations

from kg.nlp.entities import rule_mentions
from kg.nlp.gazetteer import Gazetteer


def test_longest_known_name_wins_and_tokens_are_whole() -> None:
    g = Gazetteer(["Norvane", "Norvane Capital", "Tessaly & Co"])
    text = "Norvane Capital backed Norvanex; Norvane and Tessaly & Co signed."
    assert [w for _s, _e, w in g.find(text)] == ["Norvane Capital", "Norvane", "Tessaly & Co"]


def test_names_do_not_span_sentences_and_short_names_are_ignored() -> None:
    g = Gazetteer(["Orbis Labs", "AB"])
    assert list(g.find("We met Orbis. Labs were closed. AB said.")) == []
    assert len(g) == 1


def test_many_known_names_cost_nothing_per_name() -> None:
    g = Gazetteer(f"Company Number {i}" for i in range(50_000))
    g.add(["Quillmark Group"])
    found = [m.text for m in rule_mentions("Quillmark Group and Company Number 42 merged.", "en", g)
             if m.label == "ORGRULE"]
    assert found == ["Quillmark Group", "Company Number 42"]
