"""Job titles normalised to English, lower case except acronyms ("PDG" -> "CEO", "directrice générale" -> "managing
director"). The written forms live in ``data/titles_{fr,en}.json`` (also :data:`TITLE_WORDS`, for recognisers).

Choices: French "président" (of a company) is "chairman", "présidente" "chairwoman"; "directeur général" is
"managing director" (the text must say "PDG"/"CEO" for chief executive); a country or region after a managing
director title is dropped ("directeur France" -> "managing director"). For a compound title ("founder and CEO"),
:func:`normalise_title` returns the main one (by :data:`RANK`) and :func:`split_titles` all of them.

>>> normalise_title("PDG", "fr"), normalise_title("directrice générale", "fr"), normalise_title("Chief Executive", "en")
('CEO', 'managing director', 'CEO')
>>> split_titles("cofondateur et PDG", "fr")
['co-founder', 'CEO']
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["RANK", "normalise_title", "split_titles", "title_words"]

# Main title first: what normalise_title keeps from "founder and CEO".
RANK = (
    "CEO", "executive chairman", "executive chairwoman", "chairman", "chairwoman", "chair", "president",
    "managing director", "deputy managing director", "general manager", "country manager", "CFO", "CTO", "COO", "CMO",
    "CCO", "CRO", "CPO", "CIO", "CHRO", "managing partner", "general partner", "founding partner", "partner",
    "executive vice president", "senior vice president", "vice president", "co-founder", "founder",
)

_DETERMINERS = re.compile(
    r"^(?:(?:le|la|les|son|sa|ses|leur|notre|nouveau|nouvelle|actuel|actuelle|the|its|his|her|their|our|a|an|new|"
    r"current|newly appointed)\s+|l['\u2019]\s*)+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|&|/|\+|\bet\b|\band\b)\s*", re.IGNORECASE)
_PLACE_QUALIFIER = re.compile(
    r"^(?:pour\s+(?:la\s+|le\s+|l')?|for\s+(?:the\s+)?|en\s+|in\s+)?(?:france|europe|emea|apac|benelux|uk|us|usa|"
    r"royaume uni|etats unis|amerique du nord|north america|asie|asia|monde|world|global|international|"
    r"allemagne|germany|espagne|spain|italie|italy|suisse|switzerland|belgique|belgium|canada|japon|japan|"
    r"chine|china|inde|india|afrique|africa|moyen orient|middle east|europe du sud|southern europe|"
    r"europe du nord|northern europe|dach|nordics|pays nordiques)(?:\s+et\s+\w+)?$"
)
_COMPLEMENT = re.compile(r"^(?:de la|de l|du|des|de|d|of the|of|at|chez|au sein de|within|for)\s+(.*)$")
_DOMAIN_FR: dict[str, str] = {
    "developpement": "development", "international": "international", "internationale": "international",
    "commercial": "sales", "commerciale": "sales", "ventes": "sales", "vente": "sales", "marketing": "marketing",
    "communication": "communications", "communications": "communications", "strategie": "strategy",
    "produit": "product", "produits": "product", "ingenierie": "engineering", "recherche": "research",
    "technologie": "technology", "technologies": "technology", "juridique": "legal", "ressources": "resources",
    "humaines": "human", "partenariats": "partnerships", "partenariat": "partnerships", "affaires": "affairs",
    "publiques": "public", "innovation": "innovation", "donnees": "data", "data": "data", "ia": "AI",
    "intelligence": "intelligence", "artificielle": "artificial", "europe": "Europe", "france": "France",
    "operations": "operations", "finances": "finance", "finance": "finance", "investissements": "investments",
    "design": "design", "numerique": "digital", "digital": "digital", "digitale": "digital", "clients": "customers",
    "client": "customer", "experience": "experience", "croissance": "growth", "business": "business",
    "rse": "CSR", "durable": "sustainable", "achats": "procurement", "logistique": "logistics",
    "cybersecurite": "cybersecurity", "securite": "security", "conformite": "compliance", "risques": "risk",
    "relations": "relations", "investisseurs": "investor", "et": "and", "r&d": "R&D", "ventes internationales": "",
    "mondial": "global", "mondiale": "global", "expansion": "expansion", "talents": "talent", "rh": "HR",
}
# Translated words that come after their noun in French and before it in English.
_ADJECTIVES = frozenset({"human", "public", "artificial", "investor", "international", "global", "digital",
                         "sustainable", "customer"})
_ACRONYMS = {"ai": "AI", "hr": "HR", "r&d": "R&D", "it": "IT", "emea": "EMEA", "apac": "APAC", "m&a": "M&A",
             "csr": "CSR", "esg": "ESG", "europe": "Europe", "france": "France"}
_DOMAIN_EN = frozenset({v.lower() for v in _DOMAIN_FR.values() if v} | set(_ACRONYMS) | {
    "the", "people", "policy", "platform", "software", "hardware", "infrastructure", "content", "news", "brand",
    "corporate", "development", "international", "business", "sales", "product", "products", "engineering",
    "research", "global", "growth", "partnerships", "communications", "operations", "strategy", "investments",
    "europe", "americas", "asia", "machine", "learning", "science", "technology", "talent", "finance", "legal"})
_GENERIC = {"director", "head", "manager", "vice president", "president", "chairman", "chairwoman"}


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "")
    return re.sub(r"[-'\s]+", " ", text).strip()


@lru_cache(maxsize=2)
def _table(lang: str) -> dict[str, str]:
    data = json.loads(resources.files("kg.normalize").joinpath("data").joinpath(f"titles_{lang}.json").read_text(
        encoding="utf-8"))
    return {_fold(item["written"]): item["title"] for item in data["titles"]}


def title_words(lang: str) -> list[tuple[str, str]]:
    """(written form, normalised English title) pairs for recognising titles in ``lang`` text ("fr" or "en")."""
    data = json.loads(resources.files("kg.normalize").joinpath("data").joinpath(f"titles_{lang}.json").read_text(
        encoding="utf-8"))
    return [(item["written"], item["title"]) for item in data["titles"]]


def __getattr__(name: str) -> Any:  # TITLE_WORDS is read lazily (PEP 562)
    if name == "TITLE_WORDS":
        return {lang: title_words(lang) for lang in ("fr", "en")}
    raise AttributeError(name)


def _lower_keep_acronyms(text: str) -> str:
    return " ".join(w if (w.isupper() and len(w) > 1) or w in ("AI", "R&D") else w.lower() for w in text.split())


def _translate_domain(words: list[str]) -> str | None:
    out: list[str] = []
    for w in words:
        if w in ("de", "du", "des", "la", "le", "l", "d", "les"):
            continue
        t = _DOMAIN_FR.get(w)
        if t is None:
            return None
        if t:
            out.append(t)
    for i in range(len(out) - 1):
        if out[i + 1] in _ADJECTIVES and out[i] not in _ADJECTIVES:
            out[i], out[i + 1] = out[i + 1], out[i]
    return " ".join(out) or None


def _english_domain(words: list[str]) -> str | None:
    """'international business' stays; 'Zorbex' (not a domain word) is an organisation: None."""
    if not words or not all(w in _DOMAIN_EN for w in words):
        return None
    return " ".join(_ACRONYMS.get(w, w) for w in words)


def _langs(lang: str | None) -> list[str]:
    return [lang, "en" if lang == "fr" else "fr"] if lang in ("fr", "en") else ["en", "fr"]


def _singular(word: str) -> str:
    """"cofondateurs" -> "cofondateur", "généraux" -> "général", "co-founders" -> "co-founder"."""
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _one(title: str, lang: str | None) -> str | None:
    """Normalise one title (no "and"); None when empty."""
    cleaned = _DETERMINERS.sub("", title.strip().strip(",;:.")).strip()
    if not cleaned:
        return None
    key = _fold(cleaned)
    tokens = key.split()
    if not any(" ".join(tokens[:n]) in _table(code) for code in _langs(lang) for n in range(len(tokens), 0, -1)):
        tokens = [_singular(t) for t in tokens]  # a plural title: "cofondateurs", "co-founders"
    for code in _langs(lang):
        table = _table(code)
        for n in range(len(tokens), 0, -1):
            prefix = " ".join(tokens[:n])
            if prefix not in table:
                continue
            main = table[prefix]
            rest = " ".join(tokens[n:])
            if not rest:
                return main
            if _PLACE_QUALIFIER.match(rest):
                return "managing director" if main in ("director", "managing director") else main
            m = _COMPLEMENT.match(rest)
            if m and main in _GENERIC | {"head"}:
                words = m.group(1).split()
                if code == "fr":
                    domain = _translate_domain(words)
                    if domain:
                        return f"head of {domain}"
                else:
                    domain = _english_domain(words)
                    if domain:
                        return f"{main} of {domain}"
            return main
    return _lower_keep_acronyms(cleaned)


def split_titles(title: str, lang: str | None) -> list[str]:
    """Every title in a compound ("founder and CEO" -> ["founder", "CEO"]), normalised, in written order.

    >>> split_titles("président-directeur général", "fr")
    ['CEO']
    """
    if not title or not title.strip():
        return []
    key = _fold(_DETERMINERS.sub("", title.strip()))
    for code in _langs(lang):
        if key in _table(code):
            return [_table(code)[key]]
    out: list[str] = []
    for part in _SPLIT.split(title):
        norm = _one(part, lang)
        if norm and norm not in out:
            out.append(norm)
    return out


def normalise_title(title: str, lang: str | None) -> str:
    """The main normalised English title ("" for an empty input).

    >>> normalise_title("founder and CEO", "en"), normalise_title("directeur France", "fr")
    ('CEO', 'managing director')
    """
    parts = split_titles(title, lang)
    if not parts:
        return ""
    ranked = [p for p in parts if p in RANK]
    return min(ranked, key=RANK.index) if ranked else parts[0]
