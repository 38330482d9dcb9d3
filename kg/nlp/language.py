"""Language detection restricted to the languages kg reads (French and English)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED = ("fr", "en")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(SUPPORTED))
    return ident


def detect_language(text: str, default: str = "en") -> str:
    """Return "fr" or "en" for ``text`` (the first few thousand characters are enough); ``default`` when empty."""
    sample = text[:4000].strip()
    if not sample:
        return default
    lang, _prob = _identifier().classify(sample)
    return lang if lang in SUPPORTED else default
