"""Loading the spaCy pipelines, once per language, lazily (spaCy is imported only here and only when needed).

English loading order (first that loads wins):
1. an installed pretrained English pipeline: ``en_core_web_lg``, ``en_core_web_md``, ``en_core_web_sm``;
2. the pipeline shipped with kg in ``kg/lang/en/model/`` (trained offline from the CC-BY GUM corpus);
3. a blank English pipeline with a sentencizer: entities then come from kg's rule-based layer only.
The environment variable ``KG_EN_MODEL`` names a pipeline (package or path) to try before all of these.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

FR_MODELS = ("fr_core_news_md", "fr_core_news_lg", "fr_core_news_sm")
EN_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm")
SHIPPED_EN = Path(__file__).resolve().parent.parent / "lang" / "en" / "model"
SHIPPED_NAME = "kg_en_gum"  # meta.json name of the shipped English pipeline

_lock = threading.Lock()
_cache: dict[str, Any] = {}


# kg reads entities and sentences only: components it does not use are not loaded, and the statistical sentence
# segmenter replaces the (slower) dependency parser when the pipeline ships one.
UNUSED = ("morphologizer", "attribute_ruler", "lemmatizer", "tagger", "trainable_lemmatizer")


def _try_load(name: str | Path) -> Any | None:
    import spacy

    # kg's own small English model: its entities are votes, sentences come from the rule sentencizer (its parser
    # costs more than it brings)
    exclude = list(UNUSED) + (["parser"] if Path(name) == SHIPPED_EN else [])
    try:
        nlp = spacy.load(name, exclude=exclude)
    except (OSError, ImportError, ValueError):
        return None
    if "senter" in nlp.disabled and "parser" in nlp.pipe_names:
        nlp.enable_pipe("senter")
        nlp.remove_pipe("parser")
    return nlp


def _candidates(lang: str) -> list[str | Path]:
    env = os.environ.get(f"KG_{lang.upper()}_MODEL")
    names: list[str | Path] = [env] if env else []
    if lang == "fr":
        names += list(FR_MODELS)
    else:
        names += list(EN_MODELS)
        if (SHIPPED_EN / "config.cfg").exists():
            names.append(SHIPPED_EN)
    return names


def load_pipeline(lang: str) -> Any:
    """Return the spaCy ``Language`` for ``lang`` ("fr" or "en"), loading it on first use."""
    with _lock:
        if lang in _cache:
            return _cache[lang]
        nlp = None
        for name in _candidates(lang):
            nlp = _try_load(name)
            if nlp is not None:
                break
        if nlp is None:
            import spacy

            nlp = spacy.blank(lang)
        if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
            nlp.add_pipe("sentencizer")
        _cache[lang] = nlp
        return nlp


def pipeline_name(lang: str) -> str:
    """A short description of the loaded pipeline, for provenance ("fr_core_news_md-3.8.0", "blank-en")."""
    nlp = load_pipeline(lang)
    meta = nlp.meta or {}
    if "ner" not in nlp.pipe_names:
        return f"blank-{lang}+rules"
    return f"{meta.get('lang', lang)}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def has_ner(lang: str) -> bool:
    """Whether the pipeline for ``lang`` has a statistical NER."""
    return "ner" in load_pipeline(lang).pipe_names


def ner_mode(lang: str) -> str:
    """How entity spans are proposed: "ner" (a pretrained pipeline's NER), "hybrid" (capitalised sequences, with
    the labels of kg's small shipped English NER as votes) or "rules" (capitalised sequences only)."""
    nlp = load_pipeline(lang)
    if "ner" not in nlp.pipe_names:
        return "rules"
    return "hybrid" if (nlp.meta or {}).get("name") == SHIPPED_NAME else "ner"
