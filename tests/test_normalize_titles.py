"""kg.normalize.titles: French and English job titles to normalised English."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize import titles
from kg.normalize.titles import normalise_title, split_titles


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("PDG", "fr", "CEO"), ("président-directeur général", "fr", "CEO"), ("présidente-directrice générale", "fr", "CEO"),
        ("directeur général", "fr", "managing director"), ("directrice générale", "fr", "managing director"),
        ("DG", "fr", "managing director"), ("président", "fr", "chairman"), ("présidente", "fr", "chairwoman"),
        ("cofondateur", "fr", "co-founder"), ("co-fondatrice", "fr", "co-founder"), ("fondateur", "fr", "founder"),
        ("directeur financier", "fr", "CFO"), ("directeur technique", "fr", "CTO"),
        ("directeur des opérations", "fr", "COO"), ("associé", "fr", "partner"), ("associée", "fr", "partner"),
        ("vice-président", "fr", "vice president"), ("directeur France", "fr", "managing director"),
        ("directeur général France", "fr", "managing director"),
        ("directeur général délégué", "fr", "deputy managing director"),
        ("président du directoire", "fr", "chairman of the management board"),
        ("le PDG", "fr", "CEO"), ("l'associé", "fr", "partner"), ("directeur général d'une start-up", "fr", "managing director"),
        ("responsable du développement international", "fr", "head of international development"),
        ("chief executive", "en", "CEO"), ("chief executive officer", "en", "CEO"), ("Chief Executive Officer", "en", "CEO"),
        ("CEO", "en", "CEO"), ("managing director", "en", "managing director"), ("MD", "en", "managing director"),
        ("co-founder", "en", "co-founder"), ("its chief executive", "en", "CEO"), ("CEO of Acme", "en", "CEO"),
        ("General Partner", "en", "general partner"), ("head of international business", "en",
                                                         "head of international business"),
        ("Head of AI", "en", "head of AI"), ("board member", "en", "board member"), ("chairwoman", "en", "chairwoman"),
        ("founder and CEO", "en", "CEO"), ("cofondateur et PDG", "fr", "CEO"), ("astronaute", "fr", "astronaute"),
    ],
)
def test_normalise_title(title: str, lang: str, expected: str) -> None:
    assert normalise_title(title, lang) == expected


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("founder and CEO", "en", ["founder", "CEO"]),
        ("cofondateur et PDG", "fr", ["co-founder", "CEO"]),
        ("co-founder & chief technology officer", "en", ["co-founder", "CTO"]),
        ("président-directeur général", "fr", ["CEO"]),
        ("directeur administratif et financier", "fr", ["CFO"]),
        ("president and CEO", "en", ["CEO"]),
        ("", "fr", []),
    ],
)
def test_split_titles(title: str, lang: str, expected: list[str]) -> None:
    assert split_titles(title, lang) == expected


def test_title_words_data() -> None:
    words = titles.TITLE_WORDS
    fr = dict(words["fr"])
    assert fr["directrice générale"] == "managing director" and fr["cofondatrice"] == "co-founder"
    assert fr["directeur général délégué"] == "deputy managing director"
    en = dict(words["en"])
    assert en["country manager"] == "country manager" and en["chairwoman"] == "chairwoman"
    for lang in ("fr", "en"):
        for written, norm in words[lang]:
            assert normalise_title(written, lang) == norm, written


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["fr", "en", None]))
def test_titles_never_raise(title: str, lang: str | None) -> None:
    assert isinstance(normalise_title(title, lang), str)
    assert all(isinstance(t, str) and t for t in split_titles(title, lang))
