"""Named entities of one article: NER spans, the organisation layer, typing by vote, and resolution of names.

spaCy's NER proposes spans (the French model tags most companies MISC); rule proposals add names met in
organisation contexts ("la start-up X", "X Inc.", names known from the graph). Every written form is grouped by a
folded key and typed by the votes of all its mentions and their contexts, so one good context ("la coopérative X",
"président de X") fixes the type of every mention of X. Short forms are resolved to the fullest form (surname alone
-> full name, "Vextra" -> "Vextra AI", "GT" -> "Global Tribune" after "Global Tribune (GT)").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.iris import fold, strip_legal_suffix
from kg.lang import given_names, lexicon, verb_words
from kg.model import Place
from kg.nlp.gazetteer import Gazetteer
from kg.normalize.places import is_demonym, is_region, resolve_place

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "FAC": "MISC"}
# The labels of kg's small English NER that are trusted as votes (its PERSON label often lands on companies).
HYBRID_LABELS = ("ORG", "LOC")
_WORD = re.compile(r"[^\W_][\w&'\-.+]*", re.UNICODE)  # "+" inside names: "Kuehne+Nagel", "Canal+"


@dataclass
class Mention:
    """One occurrence of a name in the article (offsets in Article.text)."""

    start: int
    end: int
    text: str
    label: str  # raw label: PER, ORG, LOC, MISC, UNK (rule proposal), ORGRULE (strong rule)
    key: str = ""
    kind: str = ""  # resolved: Organisation, Person, Place, "" (dropped)


@dataclass
class Group:
    """All mentions of one name (by folded key) and the votes on its type."""

    key: str
    forms: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    kind: str = ""
    canonical: str = ""
    place: Place | None = None


def name_key(name: str) -> str:
    """The comparison key of a name: accents and case folded, legal suffix and punctuation dropped."""
    key = re.sub(r"[^a-z0-9&]+", " ", fold(strip_legal_suffix(name))).strip()
    if key.startswith("l ") and re.match(r"L['’]\w", name):
        return key[2:]  # "L'Oréal" and "Oréal" (its article read apart) are one name
    return key[4:] if key.startswith("the ") and key.count(" ") >= 2 else key  # "The Canadian Press" = "Canadian Press"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=8)
def regexes(lang: str) -> dict[str, re.Pattern[str]]:
    """Compiled context regexes for ``lang``."""
    lx = lexicon(lang)
    det = _alternation(lx["determiners"])
    return {
        # the cue noun is written in lower case: "Quillmark Group hired X" is not "the group X"
        # "la start-up X", "le spécialiste des logiciels comptables X", "la plateforme de recrutement X"
        "cue_before": re.compile(rf"(?:^|\b)(?:(?:{det})\s*)?(?<!\bto )(?<!\bwill )(?-i:{_alternation(lx['org_cue_nouns'])})s?"
                                 rf"(?:(?:\s+(?:de|des|du)\s+(?:la\s+|l['’])?|\s+d['’])(?!(?:{_alternation(lx['non_org_cue_nouns'])})\b)"
                                 rf"(?-i:[a-zà-ÿ\-]+))?"
                                 rf"(?:\s+(?!(?:{_alternation(lx['gap_stopwords'])})\b)(?-i:[a-zà-ÿ\-]+)){{0,2}}\s*,?\s*$",
                                 re.IGNORECASE),
        "noncue_before": re.compile(rf"\b(?:{_alternation(lx['non_org_cue_nouns'])})\s+"
                                    rf"(?:(?:de|d'|du|of)\s*(?:la |le |l'|the )?)?$",
                                    re.IGNORECASE),
        "legal_after": re.compile(rf"^,?\s*(?:{_alternation(lx['legal_suffixes'])})(?![\w])"),
        "title_before_de": re.compile(rf"\b(?:{_alternation(lx['titles'])})s?\s+(?:(?:de|d'|du|des|of|at|for|chez)"
                                      rf"\s*)(?:(?:la|le|l'|the)\s+)?$", re.IGNORECASE),
        "title_after": re.compile(rf"^\s*(?:,|\(|–|—|-)\s*(?:(?:qui|who)\s+(?:reste|restera|demeure|devient|remains|"
                                  rf"will remain|stays|becomes|will become|is|est)\s+)?(?:(?:l'|le|la|un|une|one|an?|the|its)\s+(?:des\s+|of\s+(?:the|its)\s+)?)?"
                                  rf"(?:(?:{_alternation(lx['former_cues'])})\s*)?(?:(?:(?-i:[A-Z])[\w&\-]*\s+){{0,3}}(?-i:[A-Z])[\w&\-]*(?:'s)?\s+)?"
                                  rf"(?:{_alternation(lx['titles'])})s?\b", re.IGNORECASE),
        "title_before": re.compile(rf"(?:^|[\s,(])(?:{_alternation(lx['titles'])})\s*,?\s*$", re.IGNORECASE),
        "honorific_before": re.compile(rf"(?:^|\s)(?:{_alternation(lx['honorifics'])})\.?\s*$", re.IGNORECASE),
        "org_verb_after": re.compile(rf"^\s*(?:,[^,]{{0,80}},\s*)?(?:(?:a|ont|has|have|had|is|was|also|a également|"
                                     rf"vient de|va|s'est)\s+)?(?:{_alternation(lx['org_verbs'])})\b", re.IGNORECASE),
        "quote_after": re.compile(rf"^\s*,?\s*(?:{_alternation(lx['quote_verbs'])})\b", re.IGNORECASE),
        "place_before": re.compile(r"(?:\b(?:à|en|au|aux|in|at|near|près d')\s*)$"),
        "office_before": re.compile(rf"\b(?:{_alternation(lx['office_nouns'])})(?:\s+(?-i:[a-zà-ÿ\-]{{5,}})(?<!éen|ens|nne|nes|ais|ise|ain|ine|ins|ien|ois|aux|ale|les)(?<!al))?"
                                    rf"\s+(?:de|d'|du|à|in|at)\s*$",  # "l'atelier historique de X", not "les
                                    # usines européennes de Y", "le centre national de Z"
                                    re.IGNORECASE),
        "partner_before": re.compile(rf"(?:{_alternation(lx['partnership_triggers'])})\s+(?:\w+\s+){{0,2}}"
                                     rf"(?:avec|with|de|of)\s+(?:(?:la|le|l'|the)\s+)?$", re.IGNORECASE),
        "founded_before": re.compile(rf"(?:\b(?:{_alternation(lx['founded_by'])})\s+(?:(?:in|en|at|à)\s+[^.,;:]{{0,60}}?\s)?"
                                     rf"(?:by|par)|\bco-?founded\s+(?:(?:the|its|a|this)\s+)?(?:[a-z\-]+\s+)?(?:with|alongside))"
                                     rf"\s+(?:[^.]{{0,60}}(?:,|\band|\bet)\s+)?(?:[a-z\- ]{{0,40}}\s)?$",
                                     re.IGNORECASE),
        "person_title_before": re.compile(rf"(?:^|[\s,(])(?:{_alternation(lx['person_titles'])})\s*$", re.IGNORECASE),
        "cue_after": re.compile(rf"^\s*(?:,|—|–|-|\()\s*(?:(?:a|an|the|its|une?|la|le|l'|cette)\s*"
                                rf"(?:[\w\-]+\s+){{0,3}}?)?(?:{_alternation(lx['cue_after_nouns'])})s?\b(?!['’])(?!\s+(?:of|de|d')\b)(?!\s+(?:(?:also|now|still|then|later|already)\s+)?(?:has|have|had|is|was|were|will|would|can|could|builds|makes|employs|sells|develops|plans|operates|runs|said|says|expects|hopes|raised|launched)\b)(?!\s+(?-i:[A-ZÀ-Ý]))(?!\s+[a-zà-ÿ\-]+\s+(?-i:[A-ZÀ-Ý]))",
                                re.IGNORECASE),
        "title_org_comma_before": re.compile(rf"\b(?:{_alternation(lx['titles'])})s?\s+(?:de|d'|du|des|of|at|for|chez)"
                                             rf"\s*(?:la |le |l'|the )?[A-ZÀ-Ý][\w&'\-]*(?: [\w&'\-]+){{0,3}}\s*,\s*$",
                                             re.IGNORECASE),
        "appointed_before": re.compile(r"\b(?:appointed|appoints|named|names|hired|hires|promoted|promotes|recruited|"
                                       r"nommé|nommée|nomme|recrute|a recruté|promu|promue)\s+$", re.IGNORECASE),
        "paren_title_before": re.compile(rf"\((?:{_alternation(lx['titles'])})\s*,\s*$", re.IGNORECASE),
        "founded_adj_before": re.compile(r"-(?:based|headquartered|founded)\s+(?:(?!of\s|de\s|d')[a-z\-]+\s+){0,3}$"),
        "maker_before": re.compile(rf"\b(?:{_alternation(lx['maker_cues'])})\s+(?:(?:la|le|l'|les|the|its|their)\s*)?$",
                                   re.IGNORECASE),
        "institution_head": re.compile(rf"(?:{_alternation(lx['institution_heads'])})(?: [a-zà-ÿ\-]+){{0,2}} "
                                       rf"(?:of|de|d'|du|des)\b"),
        "investor_before": re.compile(rf"\b(?:{_alternation(lx['investor_name_cues'])})(?:\s+(?:de|du|des)\b|\s+d'|\s+d’)?"
                                      rf"\s*(?:(?:la|le|les|l'|the)\s*)?$", re.IGNORECASE),
        "source_before": re.compile(rf"\b(?:{_alternation(lx['source_cues'])})\s*(?:(?:la|le|les|l'|the)\s*)?$",
                                    re.IGNORECASE),
        "title_right_after": re.compile(rf"^\s(?:{_alternation(lx['titles'])})\b(?!\s+(?:of|de|du|des|d')\b)",
                                        re.IGNORECASE),
        "prep_before": re.compile(r"\b(?:avec|with|auprès de|auprès d'|chez|par|by|from|dans|in)\s*$", re.IGNORECASE),
    }


# Context regexes that need one word of a lexicon list: a substring test on the lexicon's first words skips the
# (slow, end-anchored) regex search when none of them is in the window.
_NEEDS = {"investor_before": "investor_name_cues", "source_before": "source_cues", "title_right_after": "titles", "title_org_comma_before": "titles", "person_title_before": "person_titles", "cue_after": "cue_after_nouns", "paren_title_before": "titles",
          "cue_before": "org_cue_nouns", "noncue_before": "non_org_cue_nouns", "title_before_de": "titles",
          "title_before": "titles", "title_after": "titles", "honorific_before": "honorifics",
          "maker_before": "maker_cues", "office_before": "office_nouns", "partner_before": "partnership_triggers",
          "founded_before": "founded_by", "org_verb_after": "org_verbs", "quote_after": "quote_verbs"}


# How far back each end-anchored context can reach (characters): a shorter window is a faster search.
_REACH = {"investor_before": 45, "source_before": 45, "title_org_comma_before": 90, "appointed_before": 20, "person_title_before": 40, "paren_title_before": 60, "founded_adj_before": 60, "partner_before": 60, "cue_before": 70, "title_before_de": 70, "title_before": 50, "place_before": 14,
          "office_before": 45, "honorific_before": 16, "noncue_before": 45, "maker_before": 45, "prep_before": 20}


@lru_cache(maxsize=8)
def _needles(lang: str) -> dict[str, re.Pattern[str]]:
    """For each gated regex, a plain regex finding any lower-cased first word of its lexicon entries."""
    lx = lexicon(lang)
    out = {}
    for key, lex_key in _NEEDS.items():
        firsts = {w.lower().split()[0].rstrip(".").split("'")[0] or w.lower()[:2] for w in lx[lex_key] if w.strip()}
        out[key] = re.compile("|".join(re.escape(f) for f in sorted(firsts, key=len)))
    return out


class _Context:
    """A mention's context windows, lower-cased once, with gated regex searches."""

    __slots__ = ("before", "after", "_low", "lang")

    def __init__(self, before: str, after: str, lang: str) -> None:
        self.before, self.after, self.lang = before, after, lang
        self._low = {"before": before.lower(), "after": after.lower()}

    def has(self, key: str) -> bool:
        side = "after" if key.endswith("_after") else "before"
        window = getattr(self, side)
        low = self._low[side]
        reach = _REACH.get(key)
        if reach is not None:
            window, low = window[-reach:], low[-reach:]
        needles = _needles(self.lang).get(key)
        if needles is not None and needles.search(low) is None:
            return False
        return regexes(self.lang)[key].search(window) is not None


def _is_cap(word: str) -> bool:
    """Capitalised, or a name written camel-case ("xAI", "eBay") or starting with a digit ("3M")."""
    return bool(word) and (word[0].isupper() or ((word[0].isdigit() or word[0].islower())
                                                 and any(c.isupper() for c in word[1:word.find(" ") % (len(word) + 1)])))


@lru_cache(maxsize=4)
def _stopwords(lang: str) -> frozenset[str]:
    if lang == "fr":  # import only the language in use: importing spacy.lang.fr compiles its tokenizer exceptions
        from spacy.lang.fr.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


@lru_cache(maxsize=4)
def _honorifics(lang: str) -> frozenset[str]:
    return frozenset(lexicon(lang)["honorifics"])


@lru_cache(maxsize=4)
def _lead_words(lang: str) -> frozenset[str]:
    return frozenset(lexicon(lang)["name_lead_words"])


@lru_cache(maxsize=4)
def _cue_nouns(lang: str) -> frozenset[str]:
    """Generic nouns (organisation kinds, sites, products) that are never a name on their own."""
    lx = lexicon(lang)
    return frozenset(w.lower() for key in ("org_cue_nouns", "non_org_cue_nouns", "office_nouns") for w in lx[key])


@lru_cache(maxsize=4)
def _single_titles(lang: str) -> frozenset[str]:
    lx = lexicon(lang)
    return frozenset(t for t in [*lx["titles"], *lx["person_titles"]] if " " not in t)


def cap_sequences(text: str, lang: str) -> Iterable[tuple[int, int]]:
    """Spans of consecutive capitalised words (name particles and '&' allowed inside): candidate names when
    there is no NER. Sequences break at titles ("CEO"), possessives ("Berlin's"), "-based" words and full stops."""
    particles = set(lexicon(lang)["name_particles"]) | {"&"}
    heads = set(lexicon(lang)["institution_heads"])
    stop = _stopwords(lang)
    titles = _single_titles(lang)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]

    def usable(w: str) -> bool:
        return _is_cap(w) and w.lower() not in titles and not re.search(r"-(?:based|headquartered|born|founded)$", w)

    lead = _lead_words(lang)
    i = 0
    while i < len(words):
        w = words[i][2]
        based = _BASED_WORD.match(w)
        if based and _is_cap(w):  # "Dublin-based": the place is a name of its own
            yield words[i][0], words[i][0] + based.end(1)
            i += 1
            continue
        alone = i + 1 >= len(words) or not usable(words[i + 1][2]) or bool(text[words[i][1]:words[i + 1][0]].strip())
        if w == "The" and lang == "en" and not alone and re.search(r"[a-z,] $", text[max(0, words[i][0] - 2):words[i][0]]) \
                and i + 2 < len(words) and usable(words[i + 2][2]) and text[words[i][1]:words[i + 2][0]].count(" ") == 2:
            pass  # "told The Economic Times": a capitalised "The" inside a sentence belongs to the name
        elif not usable(w) or w.lower() in stop or w.lower() in lead or (alone and is_demonym(w, lang, countries=True)):
            i += 1
            continue
        j = i
        based_end = None
        described = False  # the name so far joined "of"/"for" after a head noun ("Ministry of Education")
        while j + 1 < len(words):
            cur, nxt = words[j][2], words[j + 1][2]
            gap = text[words[j][1]:words[j + 1][0]]
            if gap.strip() == "&" and "\n" not in gap and usable(nxt) and nxt.lower() not in stop:
                j += 1  # "Procter & Gamble", "Marks & Spencer"
                continue
            if (described and gap == ", " and lang == "en" and j + 3 < len(words) and words[j + 2][2] == "and"
                    and _domain_noun(cur, lang) and _domain_noun(nxt, lang)):
                j += 1  # "Department for Environment, Food and Rural Affairs": a list of fields inside the name
                continue
            if gap.strip() or "\n" in gap or (cur.endswith(".") and len(cur) > 2) or cur.endswith("'s"):
                break
            nb = _BASED_WORD.match(nxt)
            if nb and _is_cap(nxt) and gap == " " and j - i <= 2:
                based_end = words[j + 1][0] + nb.end(1)  # "San Jose-based", "New York-based": one place name
                break
            if usable(nxt):
                j += 1
                continue
            if (nxt == "of" and cur in heads and j + 2 < len(words) and usable(words[j + 2][2])
                    and text[words[j + 1][1]:words[j + 2][0]] == " "):
                j += 2  # "Bank of England", "Port of Sines": a head noun joins the name after "of"
                described = True
                continue
            joined = _join_connector(text, words, i, j, described, usable, heads, lang)
            if joined:
                described = described or nxt in ("of", "for")
                j += joined
                continue
            if nxt.lower() in particles and j + 2 < len(words) and usable(words[j + 2][2]) \
                    and not text[words[j + 1][1]:words[j + 2][0]].strip():
                j += 2
                continue
            break
        if based_end is not None:
            yield words[i][0], based_end
            i = j + 2
            continue
        s, e = words[i][0], words[j][1]
        if text[s:e].endswith("'s"):
            e -= 2
        while e > s and text[e - 1] in ".,;:'-":
            e -= 1
        yield s, e
        i = j + 1

_DOMAIN_SUFFIX = re.compile(r"(?:tion|sion|ment|ence|ance|ity|ics|ure|ing|ism|gy|ry|cy|ship|ness|ies|ory)$")
_CONNECTORS = {"en": ("and", "for", "at", "of"), "fr": ("et",)}


def _domain_noun(word: str, lang: str) -> bool:
    """A capitalised common noun naming a field ("Development", "Science", "Tourism"), not a company's own name."""
    low = word.lower().rstrip(".,;:")
    return low in lexicon(lang).get("domain_nouns", ()) or bool(len(low) > 4 and _DOMAIN_SUFFIX.search(low))


def _long_institution(name: str, lang: str) -> bool:
    """A name joined over a connector, with an institution head noun or a family-firm word in it."""
    words = name.split()
    if not any(w in _CONNECTORS.get(lang, ()) or w == "&" for w in words[1:-1]):
        return False
    lx = lexicon(lang)
    heads = {*lx["institution_heads"], *lx.get("long_name_heads", ())}
    return any(w in heads for w in words) or words[-1] in lx.get("family_firm_words", ())


def _join_connector(text: str, words: list[tuple[int, int, str]], i: int, j: int, described: bool,
                    usable: Any, heads: set[str], lang: str) -> int:
    """How many words (0, 2 or more) a long institutional name takes over a lower-case connector after words[j]:
    "European Bank for Reconstruction and Development", "Ministry of Education and Science of Ukraine", "Food and
    Drug Administration", "University of Texas at Austin", "Kervella et Fils". Two names joined by "and"/"et"
    ("Siemens and Alstom") stay two: the words around "and" must be field nouns, or a family-firm word follows."""
    conn = words[j + 1][2]
    if conn not in _CONNECTORS.get(lang, ()) or j + 2 >= len(words):
        return 0
    if text[words[j][1]:words[j + 1][0]] != " " or text[words[j + 1][1]:words[j + 2][0]] != " ":
        return 0
    cur, nxt = words[j][2], words[j + 2][2]
    if not usable(nxt):
        return 0
    tail_heads = set(lexicon(lang).get("long_name_heads", ())) | heads
    if conn in ("and", "et"):
        if nxt in lexicon(lang).get("family_firm_words", ()):
            return 2  # "Kervella et Fils", "Harlow and Sons"
        if not _domain_noun(cur, lang):
            return 0
        if described:  # "Bank for Reconstruction and Development", "Ministry of Education and Science"
            last = j + 4 >= len(words) or not usable(words[j + 4][2]) or text[words[j + 3][1]:words[j + 4][0]] != " "
            adjective = not nxt.isupper() and re.search(r"[a-z](?:al|ic|ive|ary|ory|ous)$", nxt) is not None
            return 2 if _domain_noun(nxt, lang) or (adjective and last and _domain_noun(words[j + 3][2], lang)
                                                     and text[words[j + 2][1]:words[j + 3][0]] == " ") else 0
        k = j + 2  # "Food and Drug Administration": field nouns up to an institution head
        while k < len(words) and k - j <= 5 and usable(words[k][2]) and text[words[k - 1][1]:words[k][0]] == " ":
            if words[k][2] in tail_heads:
                return k - j
            if not _domain_noun(words[k][2], lang):
                return 0
            k += 1
        return 0
    if conn == "for":
        return 2 if cur in tail_heads else 0  # "Bank for Reconstruction", "Centre for Cities"
    if conn == "of":
        return 2 if described and _domain_noun(cur, lang) else 0  # "... Education and Science of Ukraine"
    if conn == "at":  # "University of Texas at Austin"
        return 2 if described and words[i][2] in ("University", "College") and resolve_place(nxt, lang) is not None \
            else 0
    return 0


_NATIONALITY_NOUN = re.compile(r"(?:^|\s)(?:l'|le |la |les )([a-zéèêëïîôûç\-]+)\s+$")
_BASED_WORD = re.compile(r"(.+?)-(?:based|headquartered)$")
_LEAD_ADJ = re.compile(r"-(?:based|headquartered|founded|born|listed|owned)$")
_COMMA_CUT = re.compile(r",\s+(?!(?:Inc|Ltd|LLC|LLP|PLC|plc|Corp|SA|SAS|AG|GmbH|NV|BV|SE|Co)\b)")


def _cut_at_comma(text: str, start: int, end: int) -> int:
    """A name never runs over ", " (except before a legal suffix): "Klaus Reinholt, PDG de X" ends at the comma."""
    m = _COMMA_CUT.search(text, start, end)
    return m.start() if m else end


_PREP_PLACE_TAIL = re.compile(r"\s+(?:pour|avec|dans|à|en|sur|chez|vers|in|for|with|at|to)\s+"
                              r"(?:la |le |l'|les |the )?((?:[A-ZÀ-Ý][\w\-']*)(?: [A-ZÀ-Ý][\w\-']*){0,2})$")


_PREP_FIGURE_TAIL = re.compile(r"\s+(?:pour|avec|de|à|en|for|with|at|of|in)\s+(?:plus de |près de |about |over )?[\d$€£]")


def _cut_place_tail(text: str, start: int, end: int, lang: str) -> int:
    """'Sorelia pour la Suisse', 'Vextra pour 2 millions d'euros' (NER spans run on): a preposition and a known
    place, or a preposition and a figure, end the name before them."""
    m = _PREP_PLACE_TAIL.search(text, start, end)
    if m and resolve_place(m.group(1), lang) is not None:
        return m.start()
    figure = _PREP_FIGURE_TAIL.search(text, start, end)
    return figure.start() if figure else end


def _cut_region_tail(text: str, start: int, end: int, lang: str) -> int:
    """'Globex Europe, Middle East and Asia': a region or country ending a name that opens a list of regions is
    not part of the name."""
    span = text[start:end]
    if " " not in span or not re.match(r"\s*,\s*[A-ZÀ-Ý]", text[end:end + 4]):
        return end
    last = span.rsplit(" ", 1)[1]
    place = resolve_place(last, lang)
    if is_region(last) or (place is not None and place.kind == "country"):
        return start + span.rindex(" ")
    return end


def _trim(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """Strip determiners, lower-case lead words, possessive 's and punctuation from a span."""
    while True:
        span = text[start:end]
        poss = re.match(r"[A-ZÀ-Ý][\w.\-]*['’]s\s+(?=[A-ZÀ-Ý0-9])", span)
        if poss:
            start += poss.end()  # "Japan's Mitsubishi Electric": the possessor is not part of the name
            continue
        m = re.match(r"([^\s']+'|\S+)\s*", span)
        if not m or m.end() >= len(span):
            break
        first = m.group(1)
        if first.lower() in _honorifics(lang) or first.lower().rstrip(".") in _honorifics(lang):
            start += m.end()
            continue
        if not _is_cap(first) or (first in ("L'", "D'") and _is_cap(span[m.end():])):
            start += m.end()
            continue
        second = span[m.end():].split(" ", 1)
        if len(second) == 2 and (second[0].islower() or second[0].isupper()) and second[0].lower() in _cue_nouns(lang) \
                and _is_cap(second[1]) \
                and is_demonym(first, lang, countries=True):
            start += m.end() + len(second[0]) + 1  # "Finnish VC Lifeline Ventures": the demonym and the kind noun
            continue
        if first.lower().rstrip(",") in _lead_words(lang) or _LEAD_ADJ.search(first):
            start += m.end()  # "Selon X", "However X", "Dublin-based X"
            continue
        break
    span = text[start:end]
    for suffix in ("'s", "'"):
        if span.endswith(suffix):
            end -= len(suffix)
            span = text[start:end]
    while end > start and text[end - 1] in " .,;:!?-–\"(":
        if text[end - 1] == "." and re.search(r"\b(?:Inc|Ltd|Corp|Co|S\.A|N\.V|B\.V|[A-Z])\.$", text[start:end]):
            break
        end -= 1
    while start < end and text[start] in " \"'(«-–":
        start += 1
    return start, end


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at its line breaks (the parser's paragraph text may have joined them)."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    out, pos = [], start
    for m in re.finditer(r"\s*\n\s*", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def ner_mentions(docs: Iterable[tuple[int, Any]], text: str, lang: str, use_ner: bool | str) -> list[Mention]:
    """Mentions from spaCy's NER (mode "ner" or True), capitalised sequences (mode "rules" or False), or
    capitalised sequences labelled by the NER entity with exactly the same span (mode "hybrid")."""
    mode = {True: "ner", False: "rules"}.get(use_ner, use_ner) if isinstance(use_ner, bool) else use_ner
    out: list[Mention] = []
    for base, doc in docs:
        if mode == "ner":
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if not label:
                    continue
                s0 = base + ent.start_char
                s, e = _trim(text, s0, _cut_place_tail(text, s0, _cut_at_comma(text, s0, base + ent.end_char), lang),
                             lang)
                if e - s >= 2 and _is_cap(text[s:e]):
                    out.append(Mention(s, e, text[s:e], label))
            continue
        labels: dict[tuple[int, int], str] = {}
        if mode == "hybrid":
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label in HYBRID_LABELS:  # a weak vote, not a label the context rules defer to
                    labels[_trim(text, base + ent.start_char, base + ent.end_char, lang)] = "H" + label
        for s0, e0 in cap_sequences(doc.text, lang):
            for s1, e1 in _split_lines(text, base + s0, base + e0):  # a heading line then a name: two names
                s, e = _trim(text, s1, e1, lang)
                e = _cut_region_tail(text, s, e, lang)
                if e - s >= 2:
                    out.append(Mention(s, e, text[s:e], labels.get((s, e), "UNK")))
    return out


def rule_mentions(text: str, lang: str, known: Gazetteer | Iterable[str]) -> list[Mention]:
    """Organisation names found by rules: trigger noun + name, name + legal suffix, known organisations."""
    lx = lexicon(lang)
    out: list[Mention] = []
    cues = _alternation(lx["org_cue_nouns"])
    tok = r"[A-ZÀ-Ý][\w&'\-]*(?:\.[\w&'\-]+)*"
    name = rf"({tok}(?:(?: (?:(?:de|du|des|of|&|for) )?| d'){tok}){{0,4}})"
    # "la start-up X", "la start-up nantaise X" (a demonym between the noun and the name)
    for m in re.finditer(rf"\b(?:{cues})(?: ([a-zà-ÿ\-]{{3,}}))? {name}", text):
        if m.group(1) and not is_demonym(m.group(1), lang, countries=True):
            continue
        s, e = _trim(text, m.start(2), m.end(2), lang)
        if e - s >= 2:
            words = text[s:e].split()
            # "former Vextra producer Jane Roe": a given name and a surname after the cue noun are a person
            person = 2 <= len(words) <= 3 and _given(words[0]) and words[-1] not in lx["org_name_suffixes"]
            out.append(Mention(s, e, text[s:e], "UNK" if person else "ORGCUE"))
    # "the German government", "le gouvernement français"
    for m in re.finditer(r"\b(?:([A-Z][a-z]+) (government|army|navy|air force)|(gouvernement|armée) ([a-zéèêëïîôûç\-]+))\b",
                         text):
        demonym = m.group(1) or m.group(4)
        if is_demonym(demonym, lang, countries=True):
            out.append(Mention(m.start(), m.end(), m.group(), "ORGRULE"))
    # "la start-up lyonnaise X", "the Dutch battery startup X": a cue noun and one or two adjectives (the votes decide)
    stop = _stopwords(lang)
    for m in re.finditer(rf"\b(?:{cues})s? (?:[a-zà-ÿ][a-zà-ÿ\-]+ ){{1,2}}{name}", text):
        between = text[m.start():m.start(1)].split()[1:]
        if any(w in stop or w in verb_words(lang) for w in between):
            continue
        s, e = _trim(text, m.start(1), m.end(1), lang)
        if e - s >= 2:
            out.append(Mention(s, e, text[s:e], "UNK"))
    # "X lève 12 M€", "X, which raised $4m", "investit 4 M€ dans X": a name that raised or received money;
    # "X s'associe à Y", "un partenariat avec Y": a party to an agreement
    raiser, backer = _raiser_after(lang), _backer_after(lang)
    for m in re.finditer(rf"(?<![\w'’])({tok}(?: {tok}){{0,3}})(?=[\s,])", text):
        if raiser.match(text[m.end(1):m.end(1) + 160]) or backer.match(text[m.end(1):m.end(1) + 160]) or \
                _partner_context(text[max(0, m.start(1) - 120):m.start(1)], text[m.end(1):m.end(1) + 160], lang) or _funded(text[max(0, m.start(1) - 120):m.start(1)]):
            s, e = _trim(text, m.start(1), m.end(1), lang)
            s = _after_hyphen_adjective(text, s, e)
            if re.match(r"[LlDd]['’][a-zà-ÿ]", text[s:e]):
                continue  # "L'entreprise, dont le siège est à Lausanne, avait levé …": an anaphor, not a name
            if e - s >= 2 and text[s:e].lower() not in stop and text[s:e].lower() not in _cue_nouns(lang) \
                    and text[s:e].lower() not in _COMMON_FUNDERS and not _ROUND_NAME.match(text[s:e]):
                out.append(Mention(s, e, text[s:e], "UNK"))
    rx = regexes(lang)
    for m in re.finditer(rf"(?<![\w])(?:(?<=\b[ldLD]['’])|(?<!['’]))((?:[A-ZÀ-Ý]|[a-z]{{1,2}}[A-Z])[\w&'\-]*(?:(?: (?:de|du|des|of) | d'| ){tok}){{0,3}})"
                         rf"(?=\s*(?:,|—|–|\())", text):
        if rx["cue_after"].search(text[m.end(1):m.end(1) + 100]):
            s, e = _trim(text, m.start(1), m.end(1), lang)
            if e - s >= 2:
                out.append(Mention(s, e, text[s:e], "ORGCUE"))
    # "Métropole européenne de Lille", "Caisse des Dépôts", "ministère des Armées", "université de Nantes"
    heads = _alternation([*lx["institution_heads"], *lx.get("institution_heads_lower", ())])
    for m in re.finditer(rf"(?<!\w)((?:{heads})(?: [a-zà-ÿ\-]{{3,}}){{0,2}} (?:de la |de l'|des |du |de |d')"
                         rf"{tok}(?:[ \-]{tok}){{0,2}})", text):
        if re.search(r"(?:\bhôtel de|\bdans la|\bà la|\ben|\bin the|\bof the)\s*$", text[max(0, m.start() - 12):m.start()],
                     re.IGNORECASE):
            continue  # "l'hôtel de ville de X", "dans la ville de X": the place, not the council
        if m.group(1)[0].isupper() or m.group(1).split()[0] in lx.get("institution_heads_lower", ()):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "ORGCUE"))
    # "l'université Claude-Bernard Lyon 1", "l'université Paris Cité": a lower-case head and a name without "de"
    for m in re.finditer(rf"(?<=l'|l’)((?:{_alternation(lx.get('institution_heads_lower', ()))}) {tok}(?:[ \-](?:{tok}|\d{{1,2}}\b)){{0,3}})",
                         text):
        if m.group(1).split()[0] != "ville" and resolve_place(m.group(1).split(None, 1)[1], lang) is None:
            out.append(Mention(m.start(1), m.end(1), m.group(1), "ORGCUE"))
    # a programme named by a place and a year: "dans le cadre de France 2030", "France 2030 nous a accordé"
    for m in re.finditer(rf"(?<![\w\-])({tok}(?: {tok}){{0,2}}) ((?:19|20)\d\d)(?![\w\-–/]|[.,]\d)", text):
        before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 20]
        if _PROGRAMME_BEFORE.search(before) or (re.match(r"\s+(?:a|ont|nous|vous|lui|leur|has|have|had)\b", after)
                                                 and resolve_place(m.group(1), lang) is not None):
            out.append(Mention(m.start(), m.end(), m.group(), "ORGRULE"))
    out.extend(_acronym_expansions(text, lang))
    # "via le Fonds d'aide au jeu vidéo", "le Fonds de soutien à l'innovation": a public fund named by lower-case words
    # (a capitalised "Fonds" inside a sentence), up to the end of the clause
    for m in re.finditer(r"(?<=[a-zà-ÿ] )(Fonds (?:d['’]|de |pour )(?:l['’]|la )?[a-zà-ÿ\-]{3,}"
                         r"(?: (?:(?:à|au|aux|de|du|des|et|pour) )?(?:l['’]|la )?[a-zà-ÿ\-]{3,}){0,3})(?=\s*[.,;:)(])", text):
        out.append(Mention(m.start(1), m.end(1), m.group(1), "ORGCUE"))
    legal = _alternation(lx["legal_suffixes"])
    for m in re.finditer(rf"{name},? (?:{legal})(?![\w])", text):
        s, e = _trim(text, m.start(1), m.end(), lang)
        if e > s:
            out.append(Mention(s, e, text[s:e], "ORGRULE"))
    gazetteer = known if isinstance(known, Gazetteer) else Gazetteer(known)
    for s, e, written in gazetteer.find(text):
        out.append(Mention(s, e, written, "ORGRULE"))
    return out


_ACRONYM_PAREN = re.compile(r" \(([A-Z][A-Za-z]?[A-Z0-9&\-]{1,8})( [A-ZÀ-Ý][a-zà-ÿ]+)?\)")
_FUNCTION_WORDS = frozenset(["de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "pour", "sur", "d", "l",
                             "of", "the", "and", "for", "on", "in", "at", "a"])


def _initials(words: list[str]) -> str:
    """Initials of the words that count in an acronym (elided articles and function words skipped, both parts of a
    hyphenated word counted): "Centre national du cinéma et de l'image animée" -> "cncia"."""
    out = []
    for w in words:
        for part in re.split(r"[\-]", re.sub(r"^[ldLD]['’]", "", w)):
            if part and part.lower() not in _FUNCTION_WORDS:
                out.append(fold(part[0]).lower())
    return "".join(out)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _acronym_expansions(text: str, lang: str) -> list[Mention]:
    """'le Conseil interprofessionnel du vin de Bordeaux (CIVB)', 'Centre national du cinéma et de l'image animée
    (CNC)': an institution's name written with lower-case words runs from a capitalised word to the acronym in
    parentheses after it when the acronym's letters are initials of its words, in order (the longest such span)."""
    out = []
    stop, lead, titles = _stopwords(lang), _lead_words(lang), _single_titles(lang)
    lx = lexicon(lang)
    heads, suffixes, cues = set(lx["institution_heads"]), set(lx["org_name_suffixes"]), _cue_nouns(lang)
    for m in _ACRONYM_PAREN.finditer(text):
        acr = m.group(1).replace("-", "").replace("&", "").lower() + (fold(m.group(2)[1]).lower() if m.group(2) else "")
        if len(acr) < 2 or sum(c.isupper() for c in m.group(1)) < 2:
            continue
        window_start = max(0, m.start() - 140)
        clause = text[window_start:m.start()]
        cut = max(clause.rfind(c) for c in ".;:,«»\"()\n")
        base = window_start + cut + 1
        words = [(w.start() + base, w.group()) for w in re.finditer(r"[\w'’\-&]+", text[base:m.start()])]
        if len(words) < 2:
            continue
        for i, (start, w) in enumerate(words[:-1]):
            bare = re.sub(r"^[ldLD]['’]", "", w)
            if not bare[:1].isupper() or bare.lower() in stop or bare.lower() in lead:
                continue
            span_words = [x for _, x in words[i:]]
            if any(x.lower() in titles for x in span_words) or (lang == "en" and not any(
                    x in heads or x in suffixes or x.lower() in cues for x in span_words)):
                continue
            initials = _initials(span_words)
            if initials[:1] == acr[0] and _subsequence(acr, initials) and len(initials) <= len(acr) + 4:
                start += len(w) - len(bare)
                j = i  # capitalised words right before belong to the name: "the US Food and Drug Administration"
                while j > 0 and _is_cap(words[j - 1][1]) and words[j - 1][1].lower() not in stop \
                        and words[j - 1][1].lower() not in lead and text[words[j - 1][0] + len(words[j - 1][1]):words[j][0]] == " ":
                    j -= 1
                    start = words[j][0]
                out.append(Mention(start, m.start(), text[start:m.start()], "ORGRULE"))
                break
    return out


@lru_cache(maxsize=4)
def _title_prefixes(lang: str) -> frozenset[str]:
    """Titles and their endings ("chief medical officer" -> "medical officer", "officer")."""
    out: set[str] = set()
    for t in lexicon(lang)["titles"]:
        words = t.lower().split()
        out.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(out)


def _cut_title_lead(text: str, m: Mention, lang: str) -> Mention:
    """'Chief Medical Officer Raj Patel' read as one name: the title words before a given name are not the name."""
    words = m.text.split()
    if len(words) < 3 or m.label not in ("PER", "UNK", "HORG", "HLOC"):
        return m
    for i in range(len(words) - 2, 0, -1):
        if " ".join(words[:i]).lower() in _title_prefixes(lang) and (words[i] in given_names() or (
                i >= 2 and len(words) - i == 2 and words[-1] not in lexicon(lang)["org_name_suffixes"])):
            cut = m.start + len(" ".join(words[:i])) + 1
            return Mention(cut, m.end, text[cut:m.end], m.label)
    return m


_AFFILIATION_BEFORE = re.compile(r"(?:\b(?:de|du|des|chez|à|au|of|at|for|from|told)\s*|\bd['’])$", re.IGNORECASE)


_ELIDED = re.compile(r"(?<=[\w,;:(«\"] )L['’]$")


def _extend_elision(text: str, m: Mention) -> Mention:
    """"chez L'Oréal", "de L'Occitane": a capital L' inside a sentence is part of the name (the article would be
    written "l'"); at the start of a sentence it is ambiguous and the name joins its full form by its key."""
    if m.label == "PER" or m.start < 4 or not _ELIDED.search(text, m.start - 4, m.start):
        return m
    return Mention(m.start - 2, m.end, text[m.start - 2:m.end], m.label)


def _split_org_person(text: str, m: Mention, lang: str) -> list[Mention]:
    """'le directeur général de Vextra Jeanne Roy', 'confie à Ouest-France Jeanne Roy': a name after a preposition
    that runs on into a given name and a surname is an organisation followed by a person, two mentions."""
    words = m.text.split()
    if len(words) < 3 or m.label not in ("PER", "UNK", "MISC", "ORG", "HORG"):
        return [m]
    if not _AFFILIATION_BEFORE.search(text[max(0, m.start - 12):m.start]):
        return [m]
    heads = _name_heads(lang) | set(lexicon(lang)["institution_heads"])
    for i in range(1, len(words) - 1):
        prefix = words[:i]
        if not _given(words[i]) or _given(words[i - 1]) or prefix[0] in heads or not _is_cap(prefix[-1]):
            continue
        if (len(prefix) == 1 and prefix[0].isupper() and len(prefix[0]) <= 3) or prefix[0] in given_names():
            return [m]  # "JP Morgan Chase", "Morgan Stanley"
        rest = words[i:]
        if not all(_is_cap(w) or w.lower() in lexicon(lang)["name_particles"] for w in rest) or len(rest) > 4:
            return [m]
        cut = m.start + m.text.index(words[i], len(" ".join(prefix)))
        end_prefix = m.start + len(" ".join(prefix))
        return [Mention(m.start, end_prefix, text[m.start:end_prefix], "UNK"),
                Mention(cut, m.end, text[cut:m.end], "PER")]
    return [m]


_SERIES_BEFORE = re.compile(r"\b(?:séries?|series|round|tour|levée)\s+$", re.IGNORECASE)


def _cut_series_letter(text: str, m: Mention) -> Mention:
    """'une série C. Anne-Sophie Morel, …': the letter of a funding series ending a sentence is not an initial."""
    if re.match(r"[A-H]\.\s+\w", m.text) and _SERIES_BEFORE.search(text[max(0, m.start - 10):m.start]):
        cut = m.start + len(re.match(r"[A-H]\.\s+", m.text).group())  # type: ignore[union-attr]
        return Mention(cut, m.end, text[cut:m.end], m.label)
    return m


def _extend_person(text: str, m: Mention, lang: str) -> Mention:
    """Extend a person span leftwards over 'Le Roy de' in '... Jeanne Le Roy de Vals' when NER kept only the end."""
    particles = set(lexicon(lang)["name_particles"])
    before = text[max(0, m.start - 120):m.start]  # a window: the whole prefix would make this quadratic
    words = before.split()
    if (len(words) >= 2 and words[-1].lower() in particles and _is_cap(words[-2])
            and not re.search(r"[,;:.!?()\"]", words[-2]) and words[-2].lower() not in _single_titles(lang)):
        take = 2
        if (len(words) >= 3 and _is_cap(words[-3]) and not re.search(r"[,;:.!?()\"]", words[-3])
                and not regexes(lang)["title_before"].search(" ".join(words[:-2]))):
            take = 3
        new_start = m.start
        for w in reversed(words[-take:]):
            new_start = text.rfind(w, 0, new_start)
        return Mention(new_start, m.end, text[new_start:m.end], m.label)
    return m


_PREV_WORD = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w\-]+) $")
_NEXT_WORD = re.compile(r" ([A-ZÀ-Ý][\w\-]+)")


def _extend_sector(text: str, m: Mention, lang: str) -> Mention:
    """'Moreau' tagged alone in 'Moreau Transports': a sector noun written after a name belongs to it (an
    organisation), so the surname is not resolved to a person 'Paul Moreau'."""
    if m.label not in ("PER", "UNK", "MISC", "ORG", "LOC"):
        return m
    prev = _PREV_WORD.search(text, max(0, m.start - 30), m.start)
    if prev is not None and prev.group(1) in _name_heads(lang) and " " not in m.text:
        return Mention(prev.start(1), m.end, text[prev.start(1):m.end], "ORG")  # "Aubrac" tagged alone in "Maison Aubrac"
    fam = re.match(r" (?:et|and|&) ([A-ZÀ-Ý][\w]+)\b", text[m.end:m.end + 20])
    if fam is not None and fam.group(1) in lexicon(lang).get("family_firm_words", ()) and not m.text.endswith(fam.group(1)):
        end = m.end + fam.end()  # "Laiterie Kervella et Fils", "Harlow & Sons": the family-firm words end the name
        return Mention(m.start, end, text[m.start:end], "ORGRULE")
    if m.label == "LOC":
        return m
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is not None and m.text in _name_heads(lang) and nxt.group(1).lower() not in _stopwords(lang):
        return Mention(m.start, nxt.end(), text[m.start:nxt.end()], "ORG")  # "Fonderie" tagged alone in "Fonderie Marcet"
    if nxt is None or nxt.group(1) not in lexicon(lang)["org_name_suffixes"]:
        return m
    return Mention(m.start, nxt.end(), text[m.start:nxt.end()], "ORG")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring rule mentions, then longer spans (linear in the text length)."""
    rank = {"ORGRULE": 0, "PER": 1, "ORGCUE": 2, "ORG": 2, "LOC": 3, "MISC": 3, "UNK": 4, "HORG": 4, "HLOC": 4}
    taken = bytearray(max((m.end for m in mentions), default=0) + 1)
    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (rank.get(x.label, 3), -(x.end - x.start), x.start)):
        if taken.find(1, m.start, m.end) == -1:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            chosen.append(m)
    return sorted(chosen, key=lambda x: x.start)


def _merge_org_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Globex' + 'Italia' written together is the organisation 'Globex Italia' (not before a list of regions)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (nxt is not None and m.label in ("ORG", "ORGRULE", "MISC") and nxt.label == "LOC"
                and text[m.end:nxt.start] == " " and not re.match(r"\s*,\s*[A-ZÀ-Ý]", text[nxt.end:nxt.end + 4])):
            out.append(Mention(m.start, nxt.end, text[m.start:nxt.end], "ORG"))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                     "septembre", "octobre", "novembre", "décembre",
                     # abbreviations of datelines ("EDINBURGH, Dec 10 (Reuters)"): a vote only before a day number
                     "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])


_FOUNDED_WORD = re.compile(r"(?i:founded|fondée?s?|créée?s?|started|set up|created)")
_FOUNDED_CLAUSE = re.compile(r"(?:^|[.!?»\n]\s*)(?:Fondée?s?|Créée?s?|Lancée?s?|Née?|Basée?s?|Installée?s?|Implantée?s?|"
                             r"Founded|Launched|Established|Created|Started|Based|Headquartered|Spun out)\b"
                             r"[^.;!?\n«»\"]{0,100},\s*$")
_FORMER_AT = re.compile(r"(?:\b(?:ancien|ancienne|anciens|anciennes|former|formerly|previously|auparavant|passée? par|"
                        r"passée? (?:\w+ ){0,3}chez)\s+|\bex-\s*)(?:(?:[ld]['’])?[a-zà-ÿ&\-]+\s+){0,4}"
                        r"(?:(?:de|du|des|chez|at|of|with)\s+|d'|d’)(?:(?:la|le|les|l'|the)\s*)?$"
                        r"|\bchez\s+(?:(?:la|le|les|l')\s*)?$")
_PROGRAMME_BEFORE = re.compile(r"\b(?:programmes?|plans?|cadre|titre|initiative|label|stratégie|appels? à projets|"
                               r"schemes?|programs?|strategy)\s*(?:de |du |d'|of |under )?(?:la |le |l'|the )?$",
                               re.IGNORECASE)
_CURRENCY_CODES = frozenset(["USD", "EUR", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "CAD", "AUD", "HKD", "SGD",
                             "NZD", "INR", "CNY", "ILS", "ZAR", "PLN", "AED", "SAR", "BRL", "KRW"])
_WORKED_AT = re.compile(r"\b(?:years?|months?|decades?|worked|working|work|roles?|positions?|posts?|stints?|career|"
                        r"analysts?|engineers?|economists?|executives?|officers?|directors?|managers?|partners?|"
                        r"heads?|leads?|chiefs?|vice president|president|founders?|co-founders?|previously|formerly|"
                        r"joins?|joined|left|leaves|leaving)\b[^.;]{0,40}\bat $", re.IGNORECASE)
_FUNDER_BEFORE = re.compile(r"\b(?:subventions?|aides?|prêts?|avances? remboursables?|financements?|enveloppes?|dotations?|"
                            r"grants?|loans?|subsid(?:y|ies)|funding|investments?)\b[^;]{0,50}?"
                            r"(?:€|\$|£|euros?|dollars?|pounds?|M€|Md€|millions?|milliards?|billions?|bn|mn|m)\s+"
                            r"(?:de la |de l'|du |des |de |d'|from (?:the )?|by (?:the )?)$", re.IGNORECASE)
# An amount of money as written ("12 M€", "1,2 milliard d'euros", "$3.5 million", "£800,000", "CHF 20 millions").
_AMOUNT = (r"(?:(?:[$€£¥]|(?:US|A|C|NZ|HK|S)\$|\b(?:CHF|USD|EUR|GBP|SEK|NOK|DKK|CAD|AUD)\s?)\s?\d|"
           r"\d[\d\s.,]*\s?(?:M€|Md€|Mds€|k€|€|\$|£|millions?\b|milliards?\b|billions?\b|bn\b|mn\b|[mkMK]\b|"
           r"euros?\b|dollars?\b|livres\b|pounds\b|francs\b)|\bune? (?:douzaine|dizaine|vingtaine|trentaine|"
           r"cinquantaine|centaine) de millions)")


_HYPHEN_ADJECTIVE = re.compile(r"[A-ZÀ-Ý][\w'’]*-(?-i:[a-zà-ÿ]+)(?:\s+|$)")


def _after_hyphen_adjective(text: str, start: int, end: int) -> int:
    """The start of a proposed name after its leading adjectives made of a name and a hyphenated word: "Abu
    Dhabi-based AD Ports" -> "AD Ports", "Spanish-language" -> "" (nothing left)."""
    cut = start
    for m in _HYPHEN_ADJECTIVE.finditer(text, start, end):
        if m.end() < end and text[m.end():end].strip():
            cut = m.end()
        elif m.end() >= end or not text[m.end():end].strip():
            return end
    return cut


_ROUND_NAME = re.compile(r"(?:Series|Série|Serie|Round|Tour|Seed|Pre-seed)\b", re.IGNORECASE)
# Capitalised common nouns that open a sentence as the subject of a raise: "Investors pump £10m into X".
_COMMON_FUNDERS = frozenset(["investors", "investisseurs", "backers", "shareholders", "actionnaires", "founders",
                             "fondateurs", "banks", "banques", "funds", "fonds", "business angels", "angels"])


@lru_cache(maxsize=4)
def _raiser_after(lang: str) -> re.Pattern[str]:
    """What follows a company that raised or invested money: "(X) lève 12 M€", "(X) a bouclé un tour de table de
    8 M€", "(X), which raised $4m", "(X) has completed an $18 million Series A"."""
    aux = (r"(?:(?:a|ont|avait|avaient|vient de|viennent de|va|vont|a annoncé|annonce|aurait|has|have|had|is|are|was|"
           r"just|also|now|today|will|would|(?:said|says|announced|confirmed)(?: (?:on|last|this) \w+)?(?: that)? it|"
           r"a également|a aussi|a déjà|a ainsi|has also|has just)\s+)")
    return re.compile(rf"^\s*(?:,[^,.;:!?()]{{1,80}},|,\s*(?:qui|which|that)\s+)?\s*{aux}{{0,3}}(?:{_alternation(lexicon(lang)['raise_verbs'])})"
                      rf"\s+(?:[^\s.;:!?]+\s+){{0,6}}?{_AMOUNT}")


@lru_cache(maxsize=4)
def _backer_after(lang: str) -> re.Pattern[str]:
    """What follows an investor that led or joined a round: "(X) entre au capital de Y", "(X) led the round",
    "(X), qui mène l'opération"."""
    verbs = _alternation({re.sub(r"^(?:a|ont|avait|avaient|has|have|had) ", "", v) for v in lexicon(lang)["backer_verbs"]})
    return re.compile(rf"^\s*(?:,[^,.;:!?()]{{1,80}},|,\s*(?:qui|which|that|who)\s+)?\s*(?:(?:a|ont|avait|has|have|had|also|"
                      rf"aussi|également)\s+)?(?:{verbs})(?:(?<=capital)|(?<=participation)|(?<=stake)|\b[^.;]{{0,40}}?\b(?:round|tour|opération|levée|financement|"
                      rf"funding|financing|capital|investment|investissement|raise|série|series|seed|amorçage))",
                      re.IGNORECASE)


_NAME = r"(?-i:[A-ZÀ-Ý][\w&'\-]*(?: (?:(?:de|du|des|of|&) )?[A-ZÀ-Ý][\w&'\-]*){0,3})"


@lru_cache(maxsize=4)
def _partner_regexes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The contexts of a party to an agreement: after a subject ("(X) s'associe à", "(X) a signé un protocole d'accord
    avec", "(X) et Y unissent leurs forces", "(X) struck a partnership with"), after the first of two coordinated subjects
    ("X et (Y) créent une coentreprise"), and before a partner ("un partenariat avec la start-up (Y)", "entre X et (Y)")."""
    trig = _alternation(lexicon(lang)["partnership_triggers"])
    words = r"(?:[^\s.;:!?,()\"«»“”]+\s+)"
    prep = r"(?:avec|with|à|au|aux|between|entre)\b"
    said = (r"(?:(?:said|says|announced|a annoncé|annonce|indique|a indiqué)\s+(?:(?:on|last|this|lundi|mardi|mercredi|jeudi|"
            r"vendredi)\s+\w+\s+)?(?:that\s+)?(?:it|they|qu'elle|qu'il|qu'ils|avoir)\s+)?")
    subject = re.compile(rf"^\s*(?:,[^,.;:!?()]{{1,80}},\s*)?(?:{said}{words}{{0,5}}?(?:{trig})\b\s+{words}{{0,3}}?{prep}|"
                         rf"(?:et|and|&)\s+{_NAME}\s+{words}{{0,5}}?(?:{trig})\b)", re.IGNORECASE)
    second = re.compile(rf"^\s+{words}{{0,5}}?(?:{trig})\b", re.IGNORECASE)
    partner = re.compile(rf"(?:{trig})\s+{words}{{0,4}}?{prep}\s*(?:(?:la|le|les|l'|l’|the)\s*)?(?-i:[a-zà-ÿ\-]+\s+){{0,3}}"
                         rf"(?:(?-i:[a-zà-ÿ\-]+),\s*(?:dont|notamment|including|such as|like|comme|parmi lesquels|among them)\s+)?$"
                         rf"|\b(?:between|entre)\s+{_NAME}\s+(?:et|and|&)\s+$", re.IGNORECASE)
    return subject, second, partner


def _partner_context(before: str, after: str, lang: str) -> bool:
    """Whether a name between ``before`` and ``after`` is a party to an agreement."""
    subject, second, partner = _partner_regexes(lang)
    return bool(subject.match(after[:160]) or partner.search(before[-120:]) or (
        re.search(rf"{_NAME}\s+(?:et|and|&)\s+$", before[-60:]) and second.match(after[:120])))


# Before a company that receives money: "investit 4 M€ dans (X)", "$5 million in (X)", "une levée de 30 M€ pour (X)",
# "led the $40m round in (X)", "entre au capital de (X)", "a stake in (X)".
_FUNDED_BEFORE = re.compile(rf"{_AMOUNT}[^.;]{{0,30}}?\b(?:dans|in|into|pour|for)\s+(?:(?:la|le|les|l'|l’|the)\s*)?"
                            rf"(?-i:[a-zà-ÿ\-]+\s+){{0,3}}$|\b(?:au|dans le) capital (?:de|d'|d’|du)\s*(?:la |l'|l’)?"
                            rf"(?-i:[a-zà-ÿ\-]+\s+){{0,3}}$|\b(?:stake|participation(?: minoritaire| majoritaire)?) (?:in|dans)\s+"
                            rf"(?:the\s+|la\s+|le\s+|l'|l’)?(?-i:[a-zà-ÿ\-]+\s+){{0,3}}$", re.IGNORECASE)
_FUNDED_CUE = re.compile(r"\b(?:invest\w*|pump\w*|inject\w*|pour\w*|sink\w*|sank|put\w*|round|tour|levée|financement|"
                         r"funding|financing|stake|participation|opération|capital|série|series|seed|amorçage)\b",
                         re.IGNORECASE)


def _funded(before: str) -> bool:
    """Whether a name right after ``before`` receives the money of a round or an investment."""
    m = _FUNDED_BEFORE.search(before[-120:])
    return bool(m) and bool(_FUNDED_CUE.search(before[-120:]))




_AMONG_BEFORE = re.compile(r"\b(?:clients?|partenaires?|investisseurs?|actionnaires?|enseignes?|distributeurs?|fournisseurs?|"
                           r"acteurs?|groupes?|sociétés?|entreprises?|industriels?|customers?|clients|partners?|investors?|"
                           r"backers?|shareholders?|retailers?|companies|firms?|operators?|suppliers?|lenders?|banks?|"
                           r"banques?|fonds|funds?)\b[^.;:!?]{0,40}?,?\s+(?:dont|parmi lesquels|parmi lesquelles|notamment|"
                           r"comme|tels? que|telles? que|including|such as|among them|like)\s+(?:(?:la|le|les|l'|l’|the)\s*)?$",
                           re.IGNORECASE)
_GEO_WORDS = frozenset([
    "nord", "sud", "est", "ouest", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "greater", "grand", "haute", "haut", "hautes", "hauts", "bas", "basse", "saint", "sainte", "st",
    "val", "vallée", "pays", "côte", "mont", "lac", "lake", "bay", "île", "isle", "upper", "lower", "county", "city",
    "metro", "old", "new", "la", "le", "les", "cap", "cape", "gare", "porte", "plaine", "bassin", "golfe", "gulf",
    "coast", "hills", "valley", "island", "islands", "province", "région", "region", "département", "canton",
    "quartier", "airport", "aéroport", "district", "downtown", "rive", "avenue", "rue", "street", "road", "square",
    "place", "centre", "center", "parc", "park", "prefecture", "préfecture", "borough", "territory", "state",
    "commune", "township", "village", "town", "ward", "municipality", "shire"])
_EVENT_AFTER = re.compile(r"\s+(?:(?:annual|yearly|\d{4})\s+)?(?:meeting|congress|conference|summit|symposium|convention)s?\b"
                          r"(?!\s+call)")
_PRODUCT_AFTER = re.compile(r"^\s*,\s*(?:un|une|son|sa|leur|a|an|its|their)\s+(?:nouvel(?:le)?\s+|new\s+)?"
                            r"(?:jeu|jeux vidéo|application|appli|logiciel|produit|marque|série|film|game|video game|app|"
                            r"software|product|brand|series|film)\b(?!\s+(?:de|d'|of)\s+(?:la |l'|the )?(?:société|entreprise|groupe|company|firm))"
                            r"(?=\s*[,.;:(]|\s+(?:de|des|du|d'|pour|qui|destinée?|conçue?|développée?|lancée?|dédiée?|"
                            r"for|that|which|where|with|designed|built|used|launched|developed|aimed|of)\b)",
                            re.IGNORECASE)
_DATE_CONTEXT = re.compile(r"\d\s*\x00|\x00\s*\d|\b(?:in|en|since|depuis|until|jusqu'en|by|early|late|mid|last|next|this|de|d'|"
                           r"fin|début|mi)[\s-]*\x00", re.IGNORECASE)
_DEMONYM_FR = re.compile(r"(?:^|[\s'’])(?:le|la|l'|l’|les|un|une|des|du|au|aux|cet|cette|ce)\s*([a-zà-ÿ\-]{3,})\s+([a-zà-ÿ\-]{4,})\s*$")
_DEMONYM_EN = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s+((?:(?:[a-z][a-z\-]*|VC|PE)\s+){1,3})$")


def _given(word: str) -> bool:
    """A given name, or a compound one ("Jean-Baptiste", "Mei-Ling") whose first part is one."""
    names = given_names()
    return word in names or ("-" in word and word.split("-")[0] in names)


@lru_cache(maxsize=4)
def _generic_names(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon(lang).get("generic_names", ()))


@lru_cache(maxsize=4)
def _name_heads(lang: str) -> frozenset[str]:
    return frozenset(lexicon(lang).get("org_name_heads", ()))


def _place_named_org(name: str, lang: str, countries_only: bool = False) -> int:
    """'Vendée Habitat', 'Valenciennes Métropole', 'Anges Québec', 'Business Finland', 'le Grand Montauban': a name
    the NER calls a place that no gazetteer knows, made of a known place and a word that is not geographic, is an
    organisation named after its place (two votes; 'Grand' + a city is an intercommunality). A region, a place known
    whole, or a place with a compass point or a geographic word ('Paris Nord', 'County Durham') is not. With the weak
    English NER's place label, only a country's name counts ('Business Finland', 'Enterprise Ireland'): a city and a
    word are too often a district or a site ('Berlin Mitte')."""
    words = name.split()
    if len(words) > 4 or is_region(name) or resolve_place(name, lang) is not None:
        return 0
    if len(words) == 2 and words[0] == "Grand" and lang == "fr":
        place = resolve_place(words[1], lang)
        return 2 if place is not None and place.kind == "city" else 0
    rest = []
    found = False
    for w in words:
        place = resolve_place(w, lang) if not found else None
        if not found and (place is not None or is_region(w)) and (not countries_only or (
                place is not None and place.kind == "country")):
            found = True
        elif fold(w).lower() in _GEO_WORDS or w.lower() in _GEO_WORDS or not _is_cap(w) or w.isupper() \
                or is_demonym(w, lang, countries=True):
            return 0
        else:
            rest.append(w)
    return 2 if found and rest else 0


def _demonym_cue(before: str, lang: str) -> bool:
    """'la biotech marseillaise X', 'le studio lyonnais X' (fr) or 'Danish stack specialist X' (en): a kind noun and
    a demonym right before a name make it a company (person titles and non-organisation nouns excluded)."""
    tail = before[-60:]
    blocked = _single_titles(lang) | _cue_nouns_non_org(lang)
    if lang == "fr":
        m = _DEMONYM_FR.search(tail)
        return bool(m and m.group(1) not in blocked and not is_demonym(m.group(1), lang, countries=True)
                    and is_demonym(m.group(2), lang, countries=True))
    m = _DEMONYM_EN.search(tail)
    if not m or not is_demonym(m.group(1), lang, countries=True):
        return False
    words = m.group(2).split()
    return not any(w in blocked for w in words) and words[-1] not in _stopwords(lang)


@lru_cache(maxsize=4)
def _cue_nouns_non_org(lang: str) -> frozenset[str]:
    lx = lexicon(lang)
    return frozenset(w.lower() for key in ("non_org_cue_nouns", "person_titles") for w in lx[key])


def _rescan(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Occurrences of a name that the NER left untagged ("d'Assurly" after three tagged "Assurly") become mentions
    too, so that every context of the name votes and the fact reader masks every occurrence."""
    stop, lead = _stopwords(lang), _lead_words(lang)
    forms = {m.text for m in mentions if len(m.text) >= 3 and "\n" not in m.text and m.text.lower() not in stop
             and m.text.lower() not in lead and m.text.lower() not in _MONTHS}
    if not forms:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    rx = re.compile(rf"(?<![\w\-])(?:{_alternation(forms)})(?![\w\-]|'s\b|’s\b)")
    added = [Mention(x.start(), x.end(), x.group(), "UNK") for x in rx.finditer(text)
             if taken.find(1, x.start(), x.end()) == -1]
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


def _vote(text: str, m: Mention, lang: str, mentions_by_start: dict[int, Mention],
          mentions_by_end: dict[int, Mention]) -> Counter:
    """Votes for the type of one mention from its label and its context."""
    v: Counter = Counter()
    label = {"UNK": None, "ORGRULE": "ORG", "ORGCUE": "ORG", "HORG": None, "HLOC": None}.get(m.label, m.label)
    if label == "LOC" and m.label == "LOC" and resolve_place(m.text, lang) is None and not is_region(m.text):
        pass  # the French NER tags many unknown company names LOC: a place no gazetteer knows gets no vote from it
    elif label:
        v[label] += 3 if m.label == "ORGRULE" else 1
    elif m.label in ("HORG", "HLOC") and len(m.text) > 2:  # "PV", "EV": too short to trust a weak vote
        v[m.label[1:]] += 1
    before = text[max(0, m.start - 80):m.start]
    after = text[m.end:m.end + 100]
    ctx = _Context(before, after, lang)
    ntok = len(m.text.split())
    maker = m.label != "ORGRULE" and ctx.has("maker_before")
    # "Dupré Logistique": a surname followed by a sector noun names a company, whatever the NER said
    sector = ntok >= 2 and m.text.split()[-1] in lexicon(lang)["org_name_suffixes"]
    person_like = ntok >= 2 and _given(m.text.split()[0])
    if not maker and ctx.has("cue_before") and not (person_like and not sector):
        v["ORG"] += 3
    if m.text.lower() in _cue_nouns(lang):
        v["NONE"] += 5  # "the Berlin-based early-stage VC": a generic noun, not a name
    if ctx.has("noncue_before") and not (label == "PER" and ntok >= 2) and m.label != "ORGRULE":
        v["NONE"] += 3
    if ctx.has("person_title_before") and ntok >= 2 and label != "ORG":
        v["PER"] += 2  # "Chancellor X Y", "l'architecte X Y": a person, never a Role
    if ntok >= 2 and label != "ORG" and ctx.has("title_org_comma_before"):
        v["PER"] += 2  # "le directeur financier de X, Julien Abadie,"
    if ntok >= 2 and ctx.has("appointed_before") and re.match(
            r"(?:\s*,[^,]{0,100},)?\s+(?:as|comme|au poste de|en tant que|en qualité de)\b", after):
        v["PER"] += 3  # "has appointed Marta Lindgren as its new CFO"
    nat = _NATIONALITY_NOUN.search(before[-30:])
    if nat and is_demonym(nat.group(1), lang, countries=True) and label != "PER":
        v["ORG"] += 2  # "l'italien Agrisens", "le britannique X": a company named by its nationality
    if ctx.has("cue_after") and not (label == "PER" and ntok >= 2):
        v["ORG"] += 2  # "X, a fintech start-up", "X — the mobility startup from ..."
    if ctx.has("paren_title_before"):
        v["ORG"] += 2  # "(board member, X)"
    if ctx.has("founded_adj_before"):
        v["ORG"] += 2  # "Paris-based X", "U.S.-founded X and Y"
    if ntok == 1 and lang == "en" and m.text.isupper() and _EVENT_AFTER.match(after):
        v["NONE"] += 3  # "presented at the AACR annual meeting": the name of an event
    if _PRODUCT_AFTER.search(after[:60]):
        v["NONE"] += 3  # "X, un jeu d'exploration", "X, an app for …": a product described after its name
    if maker:
        v["NONE"] += 3  # "la société à l'origine de X", "the maker of X": X is a product
    if ntok >= 2 and regexes(lang)["institution_head"].match(m.text):
        v["ORG"] += 2  # "University of Leeds", "Banque de France"
    if is_region(m.text):
        v["LOC"] += 3
    elif label != "ORG" and not ctx.has("legal_after"):
        place = resolve_place(m.text, lang)
        if place is not None and place.kind == "country":
            v["LOC"] += 3  # "expansion into Morocco and Portugal": a country named alone is a place
    if ctx.has("legal_after"):
        v["ORG"] += 3
    if sector:
        v["ORG"] += 3 if label == "PER" else 2
    if ctx.has("title_before_de"):
        v["ORG"] += 2
    if 2 <= ntok <= 3 and label not in ("ORG", "MISC") and not sector and _given(m.text.split()[0]) \
            and not ctx.has("legal_after"):
        v["PER"] += 2  # "Lena Okafor": a given name opens a person's name (unless the context says company)
    if ctx.has("title_after") and ntok >= 2:
        v["PER"] += 3
    if ntok >= 2 and not (before.rstrip().endswith(",") and ctx.has("org_verb_after")) and (ctx.has("founded_before") or (
            _FOUNDED_WORD.search(text, max(0, m.start - 150), max(0, m.start - 60))
            and regexes(lang)["founded_before"].search(text[max(0, m.start - 150):m.start]))):
        v["PER"] += 2  # "Founded in 2016 in a former mill by Jane Roe and Ola Ade, X …": the founders are persons
    if ctx.has("honorific_before"):
        v["PER"] += 3
    if ctx.has("title_before") and ntok >= 2 and label != "ORG":
        v["PER"] += 2
    if ctx.has("quote_after") and ntok >= 2 and label in ("PER", None):
        v["PER"] += 1
    if ctx.has("org_verb_after") and ntok == 1:
        v["ORGVERB"] += 1  # counted over the group: a name repeatedly the subject of business verbs
    if ctx.has("org_verb_after") and (label in ("ORG", "MISC", "LOC") or m.label in ("HORG", "HLOC") or (label is None and ntok == 1)):
        v["ORG"] += 1
    at_unknown = lang == "en" and before.endswith(" at ") and resolve_place(m.text, lang) is None
    if at_unknown and not person_like and _WORKED_AT.search(before[-70:]):
        v["ORG"] += 2  # "an analyst at X", "spent nine years at X", "previously worked in sales at X": an employer
    if ctx.has("place_before") and not (label == "PER" and ntok >= 2 and resolve_place(m.text, lang) is None) \
            and not at_unknown:
        v["LOC"] += 1  # "succède à Jeanne Vidal": a person after "à" is not a place; "at X" no gazetteer knows neither
    if m.label in ("UNK", "HORG") and resolve_place(m.text, lang) is not None:
        v["LOC"] += 2
    if ctx.has("office_before") and not re.match(r"^\s+(?:à|de|d'|in|at)\s+[A-ZÀ-Ý]", after) \
            and not (m.text.isupper() and len(m.text) <= 6 and resolve_place(m.text, lang) is None):
        v["LOC"] += 1
    if ctx.has("partner_before"):
        v["ORG"] += 2
    if not person_like and resolve_place(m.text, lang) is None and not _ROUND_NAME.match(m.text) and (
            _raiser_after(lang).match(after) or _backer_after(lang).match(after) or _funded(before)):
        v["ORG"] += 3  # "Zentra lève 12 M€", "Zentra, which raised $4m", "invested $5m in Zentra": money's raiser
    place_tail = re.search(r"\s(?:de|du|d'|of)\s*(\S+)$", m.text)  # "l'Inrae de Toulouse": where the name ends is unclear
    if not person_like and resolve_place(m.text, lang) is None and not _HYPHEN_ADJECTIVE.fullmatch(m.text) \
            and _partner_context(before, after, lang) and not (
            place_tail and resolve_place(place_tail.group(1), lang) is not None):
        v["ORG"] += 3  # "Zentra s'associe à Y", "un partenariat avec Zentra", "X et Zentra unissent leurs forces"
    if not person_like and _FUNDER_BEFORE.search(before[-90:]):
        v["ORG"] += 2  # "une subvention de 800 000 euros de la Région X", "a £2m loan from X"
    words = m.text.split()
    if (ntok >= 3 and m.text.isupper() and re.search(r"(?:^|\n)\W*$", before) and re.match(r"\W*(?:\n|$)", after)) \
            or re.search(r"\w-(?:t-)?(?:elle|il|elles|ils|on)\b", m.text):
        v["NONE"] += 6  # a heading line in capitals ("X REPREND Y"); a question ("L'Autorité … est-elle prête ?")
    if ntok == 1 and (is_demonym(m.text, lang, countries=True) or re.match(r"\d", m.text)
                      or (m.text in _CURRENCY_CODES and re.match(r"\s?\d", after))):
        v["NONE"] += 6  # "Smaller European players", "a 200MW data centre", "NOK 200 million"
    if ntok == 1 and re.match(r" [A-Za-z][a-z]+", after) and \
            f"{m.text} {after.split()[0]}".lower().strip(",.") in lexicon(lang)["titles"]:
        v["NONE"] += 6  # "Vice President", "Finance chief X": the first word of a title
    if ntok >= 2 and re.fullmatch(r"[A-Z]{2,5}", words[0]) and words[0] not in given_names():
        v["PER"] = 0  # "IIM Ahmedabad", "BNP Paribas": an acronym does not open a person's name
    if ntok >= 3 and "&" in words[1:-1] and all(w[:1].isupper() and not re.search(r"['’]$", w) for w in words if w != "&"):
        v["ORG"] += 2  # "Garnier & Associés", "Harlan & Voss": an ampersand joins a firm's names, never a person's
        v["PER"] = 0
    if ntok >= 2 and (words[0] if lang == "fr" else words[-1]) in lexicon(lang).get("event_heads", ()):
        v["NONE"] += 5  # "Salon du Bourget", "Web Summit": an event
    if m.text.lower() in _generic_names(lang):
        v["NONE"] += 6  # "Board of Directors", "Conseil d'administration"
    if not person_like and re.search(r"\b(?:former|ex-)\s*$", before) and re.match(r"\s+[a-z]{3,}\b", after) \
            and lang == "en":
        v["ORG"] += 2  # "a former Vextra designer"
    if not person_like and _FORMER_AT.search(before[-70:]):
        v["ORG"] += 2  # "ancien directeur industriel de X", "a former head of sales at X"
    if not person_like and _AMONG_BEFORE.search(before[-80:]):
        v["ORG"] += 2  # "une soixantaine de clients, dont X", "investors including X": one of a set of organisations
    if ntok >= 2 and m.label in ("LOC", "HLOC") and not person_like:
        v["ORG"] += _place_named_org(m.text, lang, countries_only=m.label == "HLOC")
    if not person_like and (ctx.has("investor_before") or ctx.has("source_before")):
        v["ORG"] += 2  # "mené par X", "aux côtés de X", "led by X", "told X", "selon X": an investor or a source
    if before.endswith("(") and re.match(r"\)\s*[-–—]", after):
        v["ORG"] += 3  # a wire service in a dateline: "PARIS, May 2 (Agency) -"
    if ntok == 1 and label != "PER" and m.text not in given_names() and m.text[:1].isupper() \
            and ctx.has("title_right_after"):
        v["ORG"] += 2  # "Vextra CEO Jane Roe", "a former Vextra executive"
    if not person_like and _demonym_cue(before, lang):
        v["ORG"] += 2  # "l'assurtech lilloise X", "Danish battery maker X"
    if not person_like and _FOUNDED_CLAUSE.search(before[-110:]):
        v["ORG"] += 2  # "Fondée en 2018 par A et B, X ...", "Founded in 2019, X ..."
    if ntok >= 2 and (m.text.split()[0] in _name_heads(lang) or m.text.split()[0] in lexicon(lang)["institution_heads"]
                      and m.text.split()[0] not in ("County", "Province", "State")
                      and (resolve_place(m.text.split(None, 1)[1], lang) is not None
                                                        or is_region(m.text.split(None, 1)[1]))):
        v["ORG"] += 3  # "Maison Dupuis", "Ateliers Morel", "Région Bretagne": a head noun opening a name
    if ntok >= 3 and m.text.lower() not in _generic_names(lang) and _long_institution(m.text, lang):
        v["ORG"] += 3  # "European Bank for Reconstruction and Development", "Kervella et Fils": a long name
    if ntok == 1 and (m.text.lower() in _lead_words(lang) or (m.text.lower() in _MONTHS and _DATE_CONTEXT.search(
            before[-12:] + "\x00" + after[:6]))):
        v["NONE"] += 6  # "Separately", "Tuesday", "March 12": never a name
    for other in (mentions_by_end.get(m.start - 2), mentions_by_end.get(m.start - 4), mentions_by_end.get(m.start - 5)):
        if not person_like and other is not None and other.label in ("ORG", "ORGRULE", "HORG") and re.fullmatch(
                r", | et | and ", text[other.end:m.start]):
            v["ORG"] += 1
    for gap in (4, 5):  # "Lena Okafor of Brightwell", "Lena Okafor at Brightwell": an affiliation
        other = mentions_by_end.get(m.start - gap)
        if (other is not None and text[other.end:m.start] in (" of ", " at ") and other.label not in ("ORG", "ORGRULE")
                and 2 <= len(other.text.split()) <= 3 and other.text.split()[0] in given_names()):
            v["ORG"] += 1
    for gap in (2, 4, 5):
        other = mentions_by_start.get(m.end + gap)
        if not person_like and other is not None and other.label in ("ORG", "ORGRULE", "HORG") and re.fullmatch(
                r", | et | and ", text[m.end:other.start]):
            v["ORG"] += 1
    if re.match(r"^\s*\(", after):
        nxt = mentions_by_start.get(m.end + after.index("(") + 1)
        # "X (Bouches-du-Rhône)": a place; not "(MEL)", an acronym, nor an unknown name the small model calls a place
        if nxt is not None and ((nxt.label == "LOC" and not nxt.text.isupper())
                                or (nxt.label == "HLOC" and resolve_place(nxt.text, lang) is not None)):
            v["LOC"] += 2
    if re.match(r"^-(?:based|headquartered)", after):
        v["LOC"] += 3
    return v


_LOCATIVE = re.compile(r"\b(?:à|au|aux|en|in|at|near|based in)\s*$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|,? and|,? et|&|,? as well as|,? ainsi que)\s*"
                       r"(?:(?:de la|de l'|de|du|des|d')\s*)?")


# "BGF and Dublin family office Lioncrest", "X and Leeds investment firm Y": a city used as a modifier before a
# lower-case trade noun and a name is that name's place, not an organisation listed with X
_ATTRIBUTIVE_AFTER = re.compile(r"(?:\s+(?!(?:and|or|of|in|at|to|for|with|from|on|by|as|is|are|was|were|has|have|had|"
                                r"will|would|said|says|the|an?|its|their|plus|via|through|including)\b)[a-z][a-z\-]+){1,3}"
                                r"\s+[A-Z]")


def _propagate_lists(text: str, mentions: list[Mention], groups: dict[str, Group], lang: str = "en") -> None:
    """Names coordinated with organisations ("with Alvar, Borvo and Cirta", "Dune ($22m) and Orka (€25m)") are
    organisations too: untyped names and weakly typed cities next to an organisation, and persons with no person
    context in a list of three or more names of which two are organisations (a fund named like a person)."""
    chains: list[list[Mention]] = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        if _LIST_GAP.fullmatch(text[a.end:b.start]):
            if chains and chains[-1][-1] is a:
                chains[-1].append(b)
            else:
                chains.append([a, b])
    partner_rx = regexes(lang)["partner_before"]
    for _ in range(3):
        changed = False
        for chain in chains:
            # "des partenariats avec Vextra, Jean Brivo et Kalo": partners listed after a partnership noun are
            # companies, and a name read as a person only for its given name and its NER label is one of them
            partners = len(chain) >= 3 and partner_rx.search(text[max(0, chain[0].start - 60):chain[0].start]) is not None
            gs = [groups.get(m.key) for m in chain]
            n_orgs = sum(1 for g in gs if g is not None and g.kind == "Organisation")
            for i, y in enumerate(gs):
                if y is None or y.kind == "Organisation" or y.votes["NONE"]:
                    continue
                next_to_org = any(0 <= j < len(gs) and gs[j] is not None and gs[j].kind == "Organisation"  # type: ignore[union-attr]
                                  for j in (i - 1, i + 1))
                weak_place = (y.kind == "Place" and y.votes["LOC"] <= 2 and y.votes["PER"] == 0
                              and not _LOCATIVE.search(text[max(0, chain[i].start - 12):chain[i].start])
                              and not _LOCATIVE.search(text[max(0, chain[0].start - 12):chain[0].start])
                              and not _ATTRIBUTIVE_AFTER.match(text, chain[i].end)
                              and (y.place is None or y.place.kind == "city") and not is_region(y.key))
                weak_person = y.kind == "Person" and y.votes["PER"] <= (3 if partners else 1) * len(y.mentions)
                if (next_to_org and (not y.kind or weak_place)) or (weak_person and len(chain) >= 3 and n_orgs >= (1 if partners else 2)):
                    y.kind = "Organisation"
                    changed = True
        if not changed:
            break


def _choose_kind(g: Group, lang: str) -> str:
    v = g.votes
    ntok = max(len(f.split()) for f in g.forms)
    org, per, loc, misc = v["ORG"], v["PER"], v["LOC"], v["MISC"]
    if loc and loc >= org and loc >= per:
        return "Place"
    if v["NONE"] >= max(org, 1):
        return ""
    if per > org and ntok >= 2:
        return "Person"
    if org > 0:
        return "Organisation"
    if misc and per == 0 and loc == 0 and v["ORG"] > 0:
        return "Organisation"
    return ""


def _short_forms(groups: dict[str, Group], lang: str) -> dict[str, str]:
    """Map keys of short forms to the key of their fullest form (surname -> person, first word -> org name)."""
    suffixes = {s.lower() for s in lexicon(lang)["org_name_suffixes"]}
    out: dict[str, str] = {}
    persons = [g for g in groups.values() if g.kind == "Person"]
    orgs = [g for g in groups.values() if g.kind == "Organisation"]
    for g in groups.values():
        toks = g.key.split()
        # surname or first name alone, or an honorific + surname
        cands = [p for p in persons if p is not g and len(p.key.split()) > len(toks)
                 and (p.key.endswith(" " + g.key) or (len(toks) == 1 and p.key.split()[0] == g.key
                                                      and (g.kind != "Organisation" or g.votes["ORG"] <= 1)))]
        if len(cands) == 1 and g.kind in ("Person", "", "Organisation") and len(toks) <= 2:
            out[g.key] = cands[0].key
            continue
        if len(cands) > 1 and len(toks) == 1 and g.kind in ("Person", "", "Organisation") and g.votes["ORG"] <= 2 \
                and all(c.key.endswith(" " + g.key) for c in cands):
            # "Okoye launched the label with his sister Ruth Okoye": a shared surname alone is the first one named
            out[g.key] = min(cands, key=lambda c: min(m.start for m in c.mentions)).key
            continue
        if g.kind in ("Organisation", "", "Person") or g.votes["MISC"] or (g.kind == "Place" and g.votes["ORG"] >= max(3, g.votes["LOC"] / 2)):
            longer = [o for o in orgs if o is not g and o.key.startswith(g.key + " ")
                      and all(t in suffixes for t in o.key[len(g.key):].split())]
            if len(longer) == 1:
                out[g.key] = longer[0].key
                continue
        if len(toks) == 1 and g.kind == "Organisation" and g.mentions and not max(g.forms).isupper():
            # "Aeroterra Aviation Inc., a Montreal-based developer …" then "Aeroterra": the name introduced in full
            # with a legal suffix, then shortened to its first word (not an acronym: "EDF" after "EDF Pulse Ventures")
            first = min(m.start for m in g.mentions)
            intro = [o for o in orgs if o is not g and o.key.startswith(g.key + " ")
                     and min(m.start for m in o.mentions) < first
                     and any(regexes(lang)["legal_after"].match(" " + f.split()[-1]) for f in o.forms)]
            if len(intro) == 1 and not any(o.key.startswith(g.key + " ") for o in orgs if o is not intro[0]):
                out[g.key] = intro[0].key
                continue
        full = _shortened_from(g, orgs, lang)
        if full is not None:
            out[g.key] = full.key
    return out


@lru_cache(maxsize=4)
def _short_form_heads(lang: str) -> frozenset[str]:
    """Words that open or end company names without naming one ("Groupe", "Banque", "Université", "Capital")."""
    lx = lexicon(lang)
    return frozenset(fold(h).lower() for h in (*lx["institution_heads"], *lx["org_name_heads"], *lx["org_name_suffixes"]))


def _shortened_from(g: Group, orgs: list[Group], lang: str) -> Group | None:
    """The one organisation whose name ``g`` opens, when ``g`` is that name cut short: "Halberd" and "Halberd Signal"
    for "Halberd Signal Systems Ltd", "Corridor" for "Corridor Rail Technologies", in either order of mention.

    Not a generic head ("Groupe", "Banque", "Université"), an acronym, a place, or a person's name; and not when the
    rest of the longer name is a country or region ("Lidl" and "Lidl France" are a group and its subsidiary)."""
    toks = g.key.split()
    if not g.mentions or len(toks) > 3 or g.kind not in ("Organisation", "", "Place"):
        return None
    form = max(g.forms, key=g.forms.__getitem__)
    if form.isupper() or not form[:1].isupper():
        return None
    place = resolve_place(form, lang)
    # a place only by one of its alternate names ("Aranya" for Rānyah) that is also voted an organisation
    if place is not None and (g.votes["ORG"] < 2 or any(name_key(label) == g.key for _, label in place.labels)):
        return None
    if toks[0] in _short_form_heads(lang) or g.key in _cue_nouns(lang):
        return None
    longer = [o for o in orgs if o is not g and o.key.startswith(g.key + " ")]
    if not longer:
        return None
    # several only when each is a prefix of the next ("Halberd Signal", "Halberd Signal Systems Ltd"): the most used
    full = max(longer, key=lambda o: (len(o.mentions), len(o.key)))
    if any(not full.key.startswith(o.key) and not o.key.startswith(full.key) for o in longer):
        return None
    # the name introduced in full, then shortened: a short name used first, then a longer one, is another company
    # ("Helioz …, sa filiale Helioz Iberia")
    if min(m.start for m in full.mentions) > min(m.start for m in g.mentions):
        return None
    rest = full.key[len(g.key):].strip()
    if resolve_place(rest, lang) is not None or is_region(rest):
        return None
    return full


def _acronyms(text: str, groups: dict[str, Group]) -> dict[str, str]:
    """'Global Tribune (GT)' makes GT an alias of Global Tribune."""
    out: dict[str, str] = {}
    for g in groups.values():
        if g.kind != "Organisation":
            continue
        for m in g.mentions:
            par = re.match(r"\s*\(([A-Z][A-Z0-9&]{1,7}(?: [A-ZÀ-Ý][a-zà-ÿ]+)?)\)", text[m.end:m.end + 24])
            if par:
                acr = par.group(1)
                initials = "".join(w[0] for w in m.text.split() if w[0].isupper())
                full = _initials(m.text.split())
                letters = fold("".join(w if w.isupper() else w[0] for w in acr.split())).lower().replace("&", "")
                # "Centre national du cinéma et de l'image animée (CNC)", "Étoile sportive de Valenciennes Basket
                # (ESV Basket)": the acronym's letters are initials of the name's words, in order
                if acr == initials or acr.lower() == initials.lower() or (
                        len(m.text.split()) >= 3 and full[:1] == letters[:1] and _subsequence(letters, full)):
                    out[name_key(acr)] = g.key
    return out


@dataclass
class EntityLayer:
    """The result of entity analysis: typed groups and the mentions kept, in text order."""

    groups: dict[str, Group]
    mentions: list[Mention]
    text: str = ""
    lang: str = "en"
    title: str = ""

    def by_kind(self, kind: str) -> list[Group]:
        return [g for g in self.groups.values() if g.kind == kind]

    def main_organisation(self) -> Group | None:
        """The organisation the article is mostly about: most mentions, plus two for being named in the headline
        ("Pennine Water owners agree …" for Pennine Water Group) and two for being described with a company noun
        ("X, une fintech basée à …", "la start-up grenobloise X", "X, an Austin-based startup"), which marks the
        subject rather than its investors, regulators or sources; then earliest."""
        orgs = self.by_kind("Organisation")
        if not orgs:
            return None
        title_key = " " + name_key(self.title) + " " if self.title else ""
        described = _described_re(self.lang)

        def score(g: Group) -> tuple[float, int]:
            first = min(m.start for m in g.mentions)
            s = float(len(g.mentions))
            if title_key and _in_title(g, self.title, title_key):
                s += 2
            if self.text and any(described[0].search(self.text, max(0, m.start - 50), m.start)
                                 or described[1].match(self.text, m.end) for m in g.mentions):
                s += 2
            if backer(g):
                s -= 2  # named mostly as a backer ("led by X", "le fonds X", "aux côtés de X"): not the subject
            if title_key and _invested_in_title(g, self.title, self.lang):
                s += 2  # "ChrysCapital leads investment in Aranya Hotels", "X entre au capital de Y": Y
            return s, -first

        def backer(g: Group) -> bool:
            return bool(self.text) and 2 * sum(1 for m in g.mentions if _as_investor(self.text, m, self.lang)) \
                >= len(g.mentions)

        best = max(orgs, key=score)
        # an article whose only candidates are its backers names its subject some other way: no subject rather than
        # giving "the company" and its facts to an investor
        return None if backer(best) else best


_BACKER_NOUN = {
    "fr": re.compile(r"(?:\bfonds|\binvestisseurs?|\bfamily office|\bcapital-risqueur|\bsociété de gestion|"
                     r"\bsociété de capital-(?:risque|investissement))(?:\s+[a-zà-ÿ\-]+){0,2}\s+$", re.IGNORECASE),
    "en": re.compile(r"(?:\bfund|\binvestors?|\bbackers?|\bVC|\bventure(?: capital)? firm|\bprivate equity(?: firm)?|"
                     r"\bfamily office)(?:\s+[a-z\-]+){0,2}\s+$", re.IGNORECASE),
}
_INVESTED_IN = {
    "fr": re.compile(r"(?:\binvesti(?:t|ssent|ssement)?\s+dans|\bau capital\s+(?:de|du|d')|\bmise sur|\bparie sur|"
                     r"\bsoutien à)\s*(?:la |le |l'|l’)?(?:[a-zà-ÿ\-]+\s+){0,3}$", re.IGNORECASE),
    "en": re.compile(r"(?:\binvest(?:s|ed|ment|ments)?\s+in|\bstake in|\bbets? on|\bbacks)\s+(?:the\s+)?"
                     r"(?:[a-z\-]+\s+){0,3}$", re.IGNORECASE),
}


def _as_investor(text: str, m: Mention, lang: str) -> bool:
    """The mention is written as a backer: after an investor cue ("led by", "auprès de", "aux côtés de") or a fund
    noun ("le fonds régional X", "the VC firm X")."""
    before = text[max(0, m.start - 60):m.start]
    if _BACKER_NOUN["fr" if lang == "fr" else "en"].search(before):
        return True
    return regexes(lang)["investor_before"].search(before[-45:]) is not None


def _invested_in_title(g: Group, title: str, lang: str) -> bool:
    """The headline names the organisation as the one invested in ("… investment in X", "… entre au capital de X")."""
    pat = _INVESTED_IN["fr" if lang == "fr" else "en"]
    for form in sorted(g.forms, key=len, reverse=True):
        i = title.find(form)
        if i > 0 and pat.search(title[:i]):
            return True
    return False


def _in_title(g: Group, title: str, title_key: str) -> bool:
    """A form of the organisation, or its name without a last generic word ("Pennine Water" for "Pennine Water
    Group"), written in the (keyed) headline."""
    keys = {name_key(f) for f in g.forms} | {g.key}
    if any(k and f" {k} " in title_key for k in keys):
        return True
    words = g.canonical.split()  # the shortened name keeps its capitals: not "beauty tech" for "Beauty Tech Partners"
    return len(words) >= 3 and re.search(rf"(?<!\w){re.escape(' '.join(words[:-1]))}(?!\w)", title) is not None


_ANAPHOR_DET = re.compile(r"^(?:la|le|l'|l’|sa|son|notre|du|de la|de l'|the|our)\s*", re.IGNORECASE)


def anaphor_noun(written: str) -> str:
    """The company noun of an anaphor: "la fintech" -> "fintech", "the company's" -> "company"."""
    return _ANAPHOR_DET.sub("", written.strip()).removesuffix("'s").removesuffix("’s").lower()


@lru_cache(maxsize=4)
def anaphor_nouns(lang: str) -> frozenset[str]:
    """The company nouns of the ``anaphora`` lexicon ("fintech", "start-up", "company")."""
    return frozenset(n for n in (anaphor_noun(a) for a in lexicon(lang)["anaphora"]) if n)


@lru_cache(maxsize=4)
def _described_re(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A company noun of the anaphora list just before a name ("la fintech lilloise X", "startup X") and just after
    it ("X, une start-up grenobloise", "X, an Austin-based startup")."""
    alt = _alternation(anaphor_nouns(lang))
    art = r"(?:une?|la|le|l'|l’|cette)\s*" if lang == "fr" else r"(?:an?|the)\s+"
    # adjectives only between the noun and the name: not "the water business of X", "le fonds de la société X"
    glue = r"(?!(?:of|for|from|at|in|with|by|and|de|du|des|d|pour|par|avec|chez|et|à|au|aux)\b)"
    # French adjectives follow the noun ("la fintech lilloise X"); an English word there is a verb ("startup counts X")
    verbs = _alternation(verb_words(lang)) or "(?!)"
    between = 2 if lang == "fr" else 0
    before = re.compile(rf"(?<![\w\-])(?:{alt})(?:\s+{glue}(?!(?:{verbs})\b)[a-zà-ÿ][\w\-]*){{0,{between}}}\s+$",
                        re.IGNORECASE)
    # not the speaker's description ("alongside X, the Leeds-based lender said"), nor a possessive ("the group's CEO")
    after = re.compile(rf"\s*,\s*{art}(?:[\w\-,]+\s+){{0,3}}?(?:{alt})\b(?!['’])"
                       r"(?!\s+(?:said|says|told|added|announced|stated|a déclaré|a indiqué|a précisé)\b)", re.IGNORECASE)
    return before, after


def analyse_entities(text: str, docs: list[tuple[int, Any]], lang: str, use_ner: bool | str,
                     known_organisations: Gazetteer | Iterable[str] = (), title: str = "") -> EntityLayer:
    """Type and resolve every name of the (cleaned) article text; ``docs`` are (offset, spaCy Doc) per paragraph."""
    raw = ner_mentions(docs, text, lang, use_ner) + rule_mentions(text, lang, known_organisations)
    raw = [_extend_person(text, m, lang) if m.label == "PER" else m for m in raw]
    raw = [_cut_title_lead(text, m, lang) for m in raw]
    raw = [x for m in raw for x in _split_org_person(text, _cut_series_letter(text, m), lang)]
    raw = [_extend_sector(text, m, lang) for m in raw]
    raw = [_extend_elision(text, m) for m in raw]
    honor = regexes(lang)["honorific_before"]
    mentions = _rescan(text, _merge_org_place(text, _dedupe(raw)), lang)
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    groups: dict[str, Group] = {}
    for m in mentions:
        m.key = name_key(m.text)
        if not m.key:
            continue
        g = groups.setdefault(m.key, Group(m.key))
        g.forms[m.text] += 1
        g.votes.update(_vote(text, m, lang, by_start, by_end))
        g.mentions.append(m)
        if honor.search(text[max(0, m.start - 12):m.start]):
            g.votes["PER"] += 1
    if title:
        _vote_from_title(title, groups, lang)
    person_keys = [k for k in groups if " " in k]
    for g in groups.values():
        # "Zentra a levé …", "Zentra emploie …", "Zentra ouvre …": an unknown single name that is the subject of
        # business verbs in two sentences or more is an organisation (not a surname of a person of the article)
        if g.votes["ORGVERB"] >= 2 and not g.votes["NONE"] and " " not in g.key and not any(k.endswith(" " + g.key) for k in person_keys) \
                and resolve_place(g.key, lang) is None:
            g.votes["ORG"] += 2
        g.kind = _choose_kind(g, lang)
        if g.kind == "Place":
            g.place = resolve_place(max(g.forms, key=g.forms.__getitem__), lang)
    _propagate_lists(text, mentions, groups, lang)
    # merge short forms and acronyms into their fullest form
    merges = _short_forms(groups, lang)
    merges.update(_acronyms(text, groups))
    for short, full in merges.items():
        seen = {short}
        while full in merges and full not in seen:  # "Halberd" -> "Halberd Signal" -> "Halberd Signal Systems"
            seen.add(full)
            full = merges[full]
        if short in groups and full in groups and short != full:
            src, dst = groups.pop(short), groups[full]
            dst.forms.update(src.forms)
            dst.mentions.extend(src.mentions)
            for m in src.mentions:
                m.key = full
    mentions.extend(_institution_short_forms(text, mentions, groups))
    for g in groups.values():
        g.mentions.sort(key=lambda m: m.start)
        g.canonical = _canonical(g)
        for m in g.mentions:
            m.kind = g.kind
    kept = sorted((m for m in mentions if m.key in groups and groups[m.key].kind), key=lambda m: m.start)
    return EntityLayer(groups, kept, text, lang, title)


def _vote_from_title(title: str, groups: dict[str, Group], lang: str) -> None:
    """A name the headline introduces with a company noun ("La fintech lausannoise Twinpay lève …", "Insurtech
    Kavach raises …", "X, the Leeds start-up, …") gets two votes for Organisation: the body often names it bare."""
    cue_before, cue_after = regexes(lang)["cue_before"], regexes(lang)["cue_after"]
    def cued(form: str) -> bool:
        at = title.find(form)
        while at >= 0:
            end = at + len(form)
            bounded = (at == 0 or not (title[at - 1].isalnum() or title[at - 1] == "-")) and \
                (end == len(title) or not (title[end].isalnum() or title[end] == "-"))
            if bounded and (cue_before.search(title[max(0, at - 70):at]) or cue_after.match(title[end:end + 100])):
                return True
            at = title.find(form, at + 1)
        return False

    for g in groups.values():
        if any(cued(form) for form in g.forms):
            g.votes["ORG"] += 2


_INSTITUTION_SHORT = re.compile(r"(?<![\w\-])(Région|Métropole|Département|Ville|Agglomération|Préfecture|Region|City|"
                                r"Council|County)(?![\w\-])(?!\s+(?:de|du|des|d'|of)\b)(?!\s+[A-ZÀ-Ý])")


def _institution_short_forms(text: str, mentions: list[Mention], groups: dict[str, Group]) -> list[Mention]:
    """'la Région' after 'la Région Bretagne', 'the Council' after 'Leeds City Council': the capitalised head
    alone stands for the one institution of the article that it opens (or ends, in English)."""
    heads: dict[str, list[str]] = {}
    for key, g in groups.items():
        if g.kind != "Organisation":
            continue
        for form in g.forms:
            words = form.split()
            if len(words) >= 2:
                for w in {words[0], words[-1]}:
                    heads.setdefault(w, [])
                    if key not in heads[w]:
                        heads[w].append(key)
    if not heads:
        return []
    taken = bytearray(len(text) + 1)
    exact = {}
    for m in mentions:
        owner = groups.get(m.key)
        if owner is not None and not owner.kind:
            exact[(m.start, m.end)] = m  # "Région" read alone and dropped: it may be re-read
        else:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = []
    for x in _INSTITUTION_SHORT.finditer(text):
        keys = heads.get(x.group(1), [])
        if len(keys) != 1 or taken.find(1, x.start(), x.end()) != -1:
            continue
        if (x.start(), x.end()) in exact:
            old = exact[(x.start(), x.end())]
            if old in groups[old.key].mentions:
                groups[old.key].mentions.remove(old)
            old.key = keys[0]
            groups[keys[0]].mentions.append(old)
            groups[keys[0]].forms[old.text] += 1
            continue
        if taken.find(1, x.start(), x.end()) != -1 or any(k[0] < x.end() and x.start() < k[1] for k in exact):
            continue
        m = Mention(x.start(), x.end(), x.group(1), "ORGRULE", key=keys[0], kind="Organisation")
        groups[keys[0]].mentions.append(m)
        groups[keys[0]].forms[m.text] += 1
        out.append(m)
    return out


def _canonical(g: Group) -> str:
    """The fullest written form: most words, then not all capitals, then most frequent."""
    def score(form: str) -> tuple[int, int, int, int]:
        return (len(form.split()), int(not form.isupper() or len(form) <= 4), len(form), g.forms[form])
    return max(g.forms, key=score)


