"""Per-language extraction data: lexicons (``<lang>/lexicon.json``) and fact patterns (``<lang>/patterns.jsonl``).

Rules are data: adding a language means adding a folder with these two files (and a spaCy pipeline).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=8)
def lexicon(lang: str) -> dict[str, Any]:
    """The word lists of ``lang`` (keys starting with "_" are comments)."""
    with open(HERE / lang / "lexicon.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=8)
def patterns(lang: str) -> tuple[dict[str, Any], ...]:
    """The fact patterns of ``lang``, one JSON object per line (blank lines and "//" comments skipped)."""
    out = []
    with open(HERE / lang / "patterns.jsonl", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                out.append(json.loads(line))
    return tuple(out)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names in Latin script ("Lena", "Hélène", "Arjun"), from ``data/first_names.txt.gz``.

    Built by ``tools/build_first_names.py`` from Faker's person providers (MIT licence); see that script for what is
    left out (places, common words, demonyms).
    """
    import gzip

    with gzip.open(HERE / "data" / "first_names.txt.gz", "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=8)
def verb_words(lang: str) -> frozenset[str]:
    """Single-word verb forms of the lexicon (organisation, speech, office and head verbs: "lève", "annonce",
    "rachète"), lower case: a word between a company noun and a name that is one of these is not an adjective
    ("la start-up rachète X" is no description of X)."""
    lx = lexicon(lang)
    words = [w for key in ("org_verbs", "quote_verbs", "office_verbs", "head_verbs") for w in lx.get(key, [])]
    return frozenset(w.lower() for w in words if " " not in w.strip() and "'" not in w)
