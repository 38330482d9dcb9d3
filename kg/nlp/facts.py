"""Facts of one article: Office, Role, Partnership, FundingRound.

Each sentence is *masked*: every resolved mention becomes a placeholder (``⟦O3⟧`` organisation, ``⟦A0⟧`` an
anaphoric organisation such as "la société", ``⟦P1⟧`` person, ``⟦L2⟧`` place, ``⟦M0⟧`` money). Role rules are
regular expressions over the masked sentence, written as data in ``kg/lang/<lang>/patterns.jsonl`` with macros
(``{PER}``, ``{ORG}``, ``{TITLES}``, ``{lex:office_nouns}``...). Offices, partnerships and funding rounds are read by
small language-independent procedures driven by the lexicons of ``kg/lang/<lang>/lexicon.json``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from kg.lang import lexicon, patterns, verb_words
from kg.model import Evidence, FundingRound, Office, Partnership, Place, Role
from kg.nlp.entities import EntityLayer, _alternation, anaphor_noun, anaphor_nouns
from kg.normalize.dates import find_dates
from kg.normalize.money import find_money
from kg.normalize.places import demonym_place, is_region, resolve_place
from kg.normalize.titles import normalise_title

L, R = "\u27e6", "\u27e7"
_PH = re.compile(L + r"([OAPLM])(\d+)" + R)
# A person's base: "(opère|supervisera ...) depuis X", "based in X", "basée à X", "from its X office".
_BASED_RX = re.compile(r"[^" + L + r".;]{0,80}?\b(?:depuis|based in|based out of|basée?s? à|installée?s? à|"
                       r"établie?s? à|from (?:his|her|their) base in)\s+(" + L + r"L\d+" + R + ")", re.IGNORECASE)


_PLACE_AS_ORG = re.compile(r"\s*(?:de la |de l'|du |des |de |d'|chez |of the |of |at |for )" + L + r"L\d+" + R,
                           re.IGNORECASE)
_LATTER = re.compile(r"\b(?:ce dernier|cette dernière|the latter)\b", re.IGNORECASE)
# Who a quote is told to is not an employer: "a expliqué à l'AFP X, PDG", "told Reuters".
_ADDRESSEE = re.compile(r"(?:\b(?:à|au|aux|auprès de|auprès du|told|to)\s*(?:l'|l’|la |the )?)$", re.IGNORECASE)


@dataclass
class Slot:
    """What a placeholder stands for."""

    kind: str  # O, A, P, L, M
    start: int
    end: int
    value: Any  # canonical name (O, A, P), Place (L), Money (M)


@dataclass
class Sentence:
    start: int
    end: int
    text: str  # as written (cleaned, same offsets)
    masked: str = ""
    slots: dict[str, Slot] = field(default_factory=dict)
    dates: list[tuple[int, int, str]] | None = None  # (start, end, iso) in article offsets, computed on demand

    def slot(self, ph: str) -> Slot:
        return self.slots[ph]

    def placeholders(self, fragment: str, kinds: str = "OAPLM") -> list[str]:
        return [m.group(0) for m in _PH.finditer(fragment) if m.group(1) in kinds]

    def raw_offset(self, masked_pos: int) -> int:
        """Approximate offset in the article of a position in the masked text (for windows)."""
        shift = 0
        for m in _PH.finditer(self.masked):
            if m.start() >= masked_pos:
                break
            s = self.slots[m.group(0)]
            shift += (s.end - s.start) - (m.end() - m.start())
        return self.start + masked_pos + shift


@lru_cache(maxsize=8)
def _macros(lang: str) -> dict[str, str]:
    lx = lexicon(lang)
    titles = _alternation(lx["titles"])
    title = rf"(?:{titles})s?"
    sep = r"(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:et|and|&|ainsi que|as well as)\s+)"
    org = rf"{L}[OA]\d+{R}"
    per = rf"{L}P\d+{R}"
    place = rf"{L}L\d+{R}"
    return {
        "ORG": org, "NORG": rf"{L}O\d+{R}", "PER": per, "PLACE": place, "MONEY": rf"{L}M\d+{R}",
        "ORGS": rf"{org}(?:{sep}{org})*",
        "PLACES": rf"{place}(?:{sep}{place})*",
        "PERSONS": rf"{per}(?:{sep}(?:{title}\s+)?{per})*",
        "TITLE": title,
        "TITLES": rf"{title}(?:\s*(?:,|et|and|&|/)\s*{title})*",
        "FORMER": rf"(?:{_alternation(lx['former_cues'])})\s*",
        "DE": rf"(?:de la |de l'|du |des |de |d'|chez |of the |of |at |for |with )"
              rf"(?:(?:{_alternation(lx['org_cue_nouns'])})s?\s+)?",
    }


def _expand(pattern: str, lang: str) -> str:
    macros = _macros(lang)
    lx = lexicon(lang)

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("lex:"):
            return f"(?:{_alternation(lx[name[4:]])})"
        return macros[name]

    return re.sub(r"\{(lex:[a-z_]+|[A-Z]+)\}", sub, pattern)


@lru_cache(maxsize=8)
def compiled_patterns(lang: str) -> list[tuple[dict[str, Any], re.Pattern[str]]]:
    """The fact patterns of ``lang`` with their macros expanded, compiled."""
    return [(p, re.compile(_expand(p["pattern"], lang), re.IGNORECASE)) for p in patterns(lang)]


def _needs(pattern: dict[str, Any]) -> str:
    """The placeholder a pattern cannot match without ("⟦P" for a person, "⟦L" for a place), or ""."""
    src = pattern["pattern"]
    if pattern["fact"] == "Role":
        return L + "P"
    if "{PLACE" in src:
        return L + "L"
    return ""


def _patterns_for(lang: str, fact: str, masked: str) -> Iterator[tuple[dict[str, Any], re.Pattern[str]]]:
    """The compiled patterns of one fact type that can match ``masked`` (a cheap placeholder test first)."""
    for pat, rx in compiled_patterns(lang):
        if pat["fact"] == fact:
            need = _needs(pat)
            if not need or need in masked:
                yield pat, rx


_CALENDAR = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
     "novembre", "décembre", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi",
     "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])


@lru_cache(maxsize=4)
def _address_words(lang: str) -> frozenset[str]:
    return frozenset(lexicon(lang)["address_words"])


@lru_cache(maxsize=64)
def lex_re(lang: str, key: str) -> re.Pattern[str]:
    """A regex matching any entry of one lexicon list as whole words."""
    return re.compile(rf"(?<![\w]){'(?:' + _alternation(lexicon(lang)[key]) + ')'}(?![\w])", re.IGNORECASE)


def _org_list(lang: str) -> str:
    """A list of organisations, each possibly introduced by a determiner, a cue noun and up to two adjectives
    ("B et la société suisse C")."""
    cue = _alternation(lexicon(lang)["org_cue_nouns"])
    item = (rf"(?:la |le |l'|les |the )?(?:(?:an? )?(?:{cue})s?(?:\s+[a-zà-ÿ\-]+){{0,2}}?\s+)?"
            + _expand("{ORG}", lang))
    sep = r"(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:et|and|&|ainsi que|as well as)\s+)"
    return rf"{item}(?:{sep}{item})*"


@lru_cache(maxsize=4)
def _described(lang: str) -> str:
    """An optional description before a name: "la jeune pousse nantaise ", "the Dutch startup "."""
    cue = _alternation(lexicon(lang)["org_cue_nouns"])
    return (rf"(?:the |la |le |l'|les |a |an |une? )?(?:(?:[a-zA-ZÀ-ÿ\-]+\s+)?(?:{cue})s?(?:\s+[a-zà-ÿ\-]+){{0,2}}?"
            rf"\s+)?")


@lru_cache(maxsize=4)
def _into_re(lang: str) -> re.Pattern[str]:
    """After an amount: "(investit 3 M€) dans la jeune pousse nantaise ⟦O1⟧", "($5m round) in the startup ⟦O1⟧"."""
    return re.compile(rf"[^{L}.;]{{0,12}}?\b(?:dans|in|into)\s+{_described(lang)}({L}[OAPL]\d+{R})", re.IGNORECASE)


@lru_cache(maxsize=4)
def _joint_subject_re(lang: str) -> re.Pattern[str]:
    return re.compile(rf"({_org_list(lang)})[^{L}.;:]{{0,60}}$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _partner_list_re(lang: str) -> re.Pattern[str]:
    """What follows a partnership trigger: "(de collaboration) avec B et la société suisse C": a list of
    organisations, each possibly introduced by a determiner, a cue noun and up to two adjectives."""
    cue = _alternation(lexicon(lang)["org_cue_nouns"])
    return re.compile(rf"(?:(?:-\w+)?\s*(?:\w+\s+){{0,4}}?(?:avec|with|between|entre|de|d')|\s+(?:à|au|aux)(?=[\s']))"
                      rf"\s*(?:la |le |l'|les |the )?"
                      # (a place as a descriptor: "with Manchester brewer X", "with Lyon-based X")
                      rf"(?:{L}L\d+{R}(?:['’]s|-based)?\s+)?"
                      rf"(?:[a-zà-ÿ\-]+(?:['’]s)?\s+){{0,4}}?(?:(?:{cue})s?\s*)?"
                      rf"(?:(?-i:[a-zà-ÿ\-]+\s+){{0,3}}?(?-i:[a-zà-ÿ\-]+),\s*(?:dont|notamment|including|such as|like|comme|"
                      rf"parmi lesquels|among them)\s+)?(?P<orgs>{_org_list(lang)})", re.IGNORECASE)


@lru_cache(maxsize=4)
def _signed_by_re(lang: str) -> re.Pattern[str]:
    """The parties named as the agents of a participle after the trigger: "(le partenariat) de recherche signé lundi
    par X et le groupe Y", "(the agreement) signed on Monday by X and Y" (an acronym in brackets may follow a name)."""
    item = rf"(?:{_org_list(lang)})"
    return re.compile(rf"\s*(?:(?:de recherche|stratégique|de long terme|strategic|research)\s+)?"
                      rf"(?:signée?|conclue?|nouée?|scellée?|signed|struck|sealed|concluded)\b[^,.;{L}]{{0,40}}?"
                      rf"\b(?:par|by)\s+(?P<orgs>{item}(?:\s*\(\s*{L}[OA]\d+{R}\s*\))?"
                      rf"(?:(?:\s*,\s*|\s+(?:et|and)\s+){item})+)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _former_re(lang: str) -> re.Pattern[str]:
    """Former-position cues as words; a cue ending in a hyphen or space is a prefix ("ex-directeur")."""
    cues = lexicon(lang)["former_cues"]
    words = _alternation([c for c in cues if c[-1:].isalnum()])
    prefixes = _alternation([c for c in cues if not c[-1:].isalnum()])
    return re.compile(rf"(?<![\w])(?:(?:{words})(?![\w])|(?:{prefixes}))", re.IGNORECASE)


@lru_cache(maxsize=4)
def _predecessor_re(lang: str) -> re.Pattern[str]:
    """What names the person a newcomer succeeds, just before that person's placeholder."""
    return re.compile(rf"(?<![\w])(?:{_alternation(lexicon(lang)['predecessor_cues'])})\s*$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _former_after_re(lang: str) -> re.Pattern[str]:
    """Cues written after a title that make it a former position (a prefix match: "until 20" + "19")."""
    return re.compile(rf"(?<![\w])(?:{_alternation(lexicon(lang)['former_after'])})", re.IGNORECASE)


@lru_cache(maxsize=4)
def _lead_nouns(lang: str) -> str:
    """The company nouns of the anaphora list as a regex alternation, longest first."""
    return _alternation(anaphor_nouns(lang))


@lru_cache(maxsize=4)
def _quote_re(lang: str) -> re.Pattern[str]:
    """A speech verb just before a speaker ("a précisé son directeur général, X") or just after ("X said")."""
    return re.compile(rf"(?:^\s*,?\s*(?:{_alternation(lexicon(lang)['quote_verbs'])})\b|"
                      rf"\b(?:{_alternation(lexicon(lang)['quote_verbs'])})\b[^{L},.;]{{0,40}},?\s*$)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _lead_noun_re(lang: str) -> re.Pattern[str]:
    """A sentence opened by a company noun with its adjectives: "The cybersecurity startup, which …"."""
    det = r"(?:The|La|Le|L'|L’|Cette|Ce|This)\s*"
    return re.compile(rf"^\W*{det}(?:[a-zà-ÿ][\w\-]*\s+){{0,2}}({_lead_nouns(lang)})\b(?!\s*{L}|\s+[A-ZÀ-Ý])")


_CLAUSE_BREAK = re.compile(r",\s+(?:and|et|but|mais|while|alors que)\s+|;\s+|\s+[—–]\s+|\s(?:et|and)\s+(?=(?:a|has|have|ont|a également|has also)\s)")
_LEAD_SUBJECT = re.compile(rf"^(?![\s\"«“]*[\"«“])\W*(?:(?:[^,{L}.]|{L}[LPOM]\d+{R}){{0,60}},\s*)?"
                           rf"(?:(?:La|Le|L'|Les|The)\s*[a-zà-ÿ\-]+(?:\s+[a-zà-ÿ\-]+)?\s+"
                           # "Insurance broker X", "Dutch port services group X", "⟦city⟧ craft brewer X": a descriptor
                           # with no article, as English headlines and leads write it
                           rf"|(?:[A-Z][a-z\-]+|{L}L\d+{R}(?:-based|-headquartered)?)(?:\s+(?!(?:le|la|les|de|du|des|par|avec|"
                           rf"selon|pour|chez|sur|by|of|with|from|for|to|at|in|on|the|an?|and|et)\b)[a-z][a-z\-]+){{1,3}}\s+)?"
                           rf"({L}O\d+{R})(?!\s*,\s*{L}|\s+(?:et|and|&)\s)")
_ANAPHORIC_AGREEMENT = re.compile(r"\b(?:cet|cette|ce|ces|this|that|these|those)\s+(?:[a-zà-ÿ\-]+\s+)?$", re.IGNORECASE)
_COORDINATED_VERB = re.compile(rf"(?:,\s*)?\b(?:and|et)\s+(?!{L}|(?:the|la|le|l'|les|its|their|son|sa|ses)\b)[a-zà-ÿ]")
_COMMON_SUBJECT = re.compile(r"^\W*The\s+(?:[a-z\-]+\s+)?[a-z\-]+\s+(?:has|have|had|is|was|also|now|said|will|"
                             r"[a-z]+ed|[a-z]+s)\b")
_PRONOUN_START = re.compile(r"^\W*(?:(?:[^,⟦.;]{1,40},\s*)?(?i:elle|il|elles|ils)|Elle|Il|Elles|Ils|It|They|"
                            r"(?:[^,⟦.;]{1,40},\s*|(?:Last|This|Next|Earlier|Later|In|On|By|Since)\s+[\w ]{1,25}?\s+)"
                            r"(?:it|they)(?!\s+(?:is|was|were|are)\s+(?:\w+\s+)?(?:that|who|which)\b))\b")
_GOVERNED = re.compile(r"\b(?:de|du|des|d'|par|auprès de|avec|from|by|with|of)\s*(?:la |le |l'|les |the )?$")
# A participle of location in apposition ("X, basée à Y", "Z, headquartered in Y") and the noun phrase before its comma
_PARTICIPLE = re.compile(r"(?:basée?s?|installée?s?|implantée?s?|établie?s?|domiciliée?s?|based|headquartered|"
                         r"located)\b", re.IGNORECASE)
_AGENT_OWNER = re.compile(r"\b(?:par|auprès de|auprès d'|auprès du|avec|aux côtés de|from|by|with|alongside|including)"
                          r"\s*(?:la |le |l'|les |the |an? |une? )?(?:[a-zà-ÿ\-]+\s+){0,3}$", re.IGNORECASE)
# An organisation governed by a preposition, possibly after a company noun ("soutenue par le fonds Z", "backed by
# Z", "filiale de Z", "auprès d'investisseurs dont Z"): not the subject that owns a site named later
_GOVERNED_OWNER = re.compile(r"\b(?:de|du|des|d'|par|auprès de|auprès d'|auprès du|avec|aux côtés de|chez|from|by|"
                             r"with|of|alongside|including|dont)\s*(?:la |le |l'|les |the |an? |une? )?"
                             r"(?:[a-zà-ÿ\-]+\s+){0,3}$", re.IGNORECASE)
_GOVERNED_NOUN = re.compile(r"\b(?:de|du|des|d'|chez|par|of|at|from|for|by)\s*(?:la |le |l'|les |the )?$", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(r"\s+(?:said|says|told|added|announced|stated|a déclaré|a indiqué|a précisé|indique|précise)\b")
_APPOSED = re.compile(rf"({L}O\d+{R})\s*,\s*(?:the|an?|la|le|l'|une?)\s*$")
_CAP_WORD = r"[A-ZÀ-Ý](?:[\w’'&\-]|\.(?=\w))*(?:(?<=\b[A-Z])\.(?=\s+[A-Z]))?"  # "Mitsui O.S.K. Lines"
_CAP_NAME = rf"{_CAP_WORD}(?:\s+(?:(?:du|de|des|of|&)\s+)?{_CAP_WORD}){{0,3}}"
_LOOSE_ITEM = re.compile(rf"{L}[OAPL]\d+{R}(?!['’]s\s)|{_CAP_NAME}")
_LOOSE_SEP = r"(?:\s*,\s*(?:et\s+|and\s+)?|\s+(?:et|and|&)\s+)"
_LOOSE_DET = rf"(?:(?:la|le|les|the)\s+|l['’]|{L}L\d+{R}['’]s\s+)?"  # "with Japan's X"
_LOOSE_LIST = re.compile(rf"(?:\s+[\w\-]+){{0,3}}?\s+(?:avec|with)\s+{_LOOSE_DET}"
                         rf"(?:[a-zà-ÿ\-]+\s+){{0,3}}?(?P<items>(?:{L}[OAPL]\d+{R}|{_CAP_NAME})"
                         rf"(?:{_LOOSE_SEP}{_LOOSE_DET}(?:{L}[OAPL]\d+{R}|{_CAP_NAME}))*)")
_UNIT_PRICE = re.compile(r"\s*(?:(?:la|le|l'|par|per|the|a|an|each)\s*(?:bouteille|unité|pièce|kilo|kg|tonne|litre|"
                         r"action|titre|nuitée|share|unit|bottle|ton|tonne|litre|liter|barrel|baril|night|ticket|"
                         r"billet)s?\b|apiece\b|each\b)", re.IGNORECASE)
def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened before it ("« Avec X, nous … »", "\"Working with X …\"")."""
    head = text[text.rfind("\n", 0, pos) + 1:pos]  # the paragraph so far (a quote may span sentences)
    if head.rfind("«") > head.rfind("»") or head.rfind("“") > head.rfind("”"):
        return True
    return head.count('"') % 2 == 1


# a city named as a landmark for a site elsewhere ("à Plouvien, au nord de Brest", "10 miles east of Leeds")
_NEAR_CITY = re.compile(r"(?:\b(?:au|à l'|à l’)\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de |d'|d’|du |des )|"
                        r"\b(?:non loin|à proximité|aux portes|aux abords|à deux pas|en périphérie|dans la banlieue|"
                        r"en banlieue|à \d+ (?:km|kilomètres))\s+(?:de |d'|d’|du |des )|"
                        r"\b(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|"
                        r"southeast|southwest)\s+of\s+|\b(?:miles|km|kilometres|kilometers)\s+(?:from|of)\s+|"
                        r"\bclose to\s+|\bnot far from\s+)(?:la |le |l'|l’)?$", re.IGNORECASE)
# a street or district named after a city ("rue de Rennes", "avenue de Lyon", "dans le quartier d'Aoyama")
_STREET_BEFORE = re.compile(r"\b(?:rue|avenue|boulevard|bd|place|quai|allée|chemin|route|cours|impasse|square|"
                            r"quartier|faubourg)\s+(?:de |d'|d’|du |des )(?:la |l'|l’)?$", re.IGNORECASE)
_MULTIPARTY = re.compile(r"\b(?:three|four|five)-(?:way|party|partner)\b|\b(?:tri|quadri)(?:partite|lateral|partites)\b|"
                         r"\bmulti-?(?:party|partite|partenarial)\b|\bà (?:trois|quatre|cinq)\b", re.IGNORECASE)
_LEAD_ANAPHOR = re.compile(rf"^\W*({L}A\d+{R})")


@lru_cache(maxsize=4)
def _not_site_res(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cues that a site noun states no site of the organisation (see ``FactReader._not_a_site``): a closure cue up
    to five words before it, another owner's noun after it ("de son client"), a noun it modifies ("office space")."""
    lx = lexicon(lang)
    closed = re.compile(rf"(?<![\w])(?:{_alternation(lx['office_closed_cues'])})(?:\s+|(?<=-))"
                        rf"(?:(?:[\w'’\-]+|{L}L\d+{R})\s+){{0,4}}$", re.IGNORECASE)
    other = re.compile(rf"\s+(?:de|d'|du|des|of)\s*(?:son|sa|ses|leur|leurs|its|their|the|a|an|un|une|le|la|l')?\s*"
                       rf"(?:{_alternation(lx['office_other_owner_cues'])})\b", re.IGNORECASE)
    modifier = re.compile(rf"\s+(?:{_alternation(lx.get('office_noun_modifiers') or ['(?!)'])})\b", re.IGNORECASE)
    return closed, other, modifier


@lru_cache(maxsize=4)
def _let_in_re(lang: str) -> re.Pattern[str]:
    """A company letting organisations into its capital: "fait entrer (Y et Z)", "welcomes (Y)" (``FactReader._let_in``)."""
    return re.compile(rf"\b(?:fait|font|faire|a fait|ont fait|fera|accueille|accueillent|welcomes|brings in|brought in)"
                      rf"\s+(?:(?:le|la|l'|les|the)\s*)?(?:(?:fonds|fund|investisseur|investor|groupe|group)\s+)?"
                      rf"(?:entrer\s+(?:(?:le|la|l'|les)\s*)?(?:(?:fonds|investisseur|groupe)\s+)?)?"
                      rf"({_expand('{ORGS}', lang)})", re.IGNORECASE)


def _join_split_names(sentences: list[tuple[int, int]], layer: EntityLayer) -> list[tuple[int, int]]:
    """Sentences the parser split inside a name ("Urban" | "Padel Club, dont le siège …") or before a name with no
    full stop ("Le groupe monégasque" | "Maisons X a finalisé …") are read as one."""
    out: list[tuple[int, int]] = []
    ends = sorted((m.start, m.end) for m in layer.mentions)
    starts = [s for s, _e in ends]
    text = layer.text
    for s, e in sentences:
        if out:
            ps, pe = out[-1]
            i = bisect.bisect_left(starts, ps)
            if any(ms < pe < me and me <= e for ms, me in ends[i:bisect.bisect_left(starts, pe)]) or (
                    text and re.search(r"[a-zà-ÿ]$", text[ps:pe].rstrip(" ")) and "\n" not in text[pe:s]
                    and re.match(r"[A-ZÀ-Ý]", text[s:s + 1]) and len(text[ps:pe].split()) >= 2):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


_QUALIFIED_DOLLAR = re.compile(r"US|U\.S\.|am[ée]ricain|[ÉE]tats-Unis|American", re.IGNORECASE)
_CANADA = re.compile(r"\b(?:Québec|Quebec|québécois\w*|Montréal|Canada|canadien\w*|Ontario|Toronto|Ottawa|Gatineau|"
                     r"Sherbrooke|Laval|Vancouver|Calgary)\b")
_USA = re.compile(r"\b(?:[ÉE]tats-Unis|américain\w*|New York|Californie|Silicon Valley|Wall Street|Nasdaq|Boston|"
                  r"San Francisco|Washington)\b")


_DOLLAR_NOTE = re.compile(
    r"\b(?:figures|amounts|sums|numbers|dollar amounts|dollar figures|montants|chiffres|sommes)\b[^.\n]{0,30}?"
    r"\b(?:in|en)\s+(Australian|Canadian|New Zealand|Singapore|Hong Kong|dollars?\s+(?:australiens|canadiens|"
    r"néo-zélandais|de Singapour|de Hong Kong))(?:\s+dollars?)?\b", re.IGNORECASE)
_DOLLAR_CODES = {"austral": "AUD", "canad": "CAD", "zealand": "NZD", "zélandais": "NZD", "singapo": "SGD",
                 "hong": "HKD"}


def local_dollar(text: str, lang: str) -> str:
    """The currency of a bare "dollars": a note such as "All figures are in Australian dollars" or "montants en
    dollars canadiens" decides; French news from Quebec and Canada writes Canadian dollars so (a French
    article about an American company says "dollars" for US dollars); elsewhere, and in English, US dollars."""
    note = _DOLLAR_NOTE.search(text)
    if note:
        return next(c for k, c in _DOLLAR_CODES.items() if k in note.group(1).lower())
    if lang == "fr" and len(_CANADA.findall(text)) > max(1, 2 * len(_USA.findall(text))):
        return "CAD"
    return "USD"


class FactReader:
    """Reads facts from the sentences of one article."""

    def __init__(self, text: str, lang: str, layer: EntityLayer, sentences: list[tuple[int, int]],
                 article_date: str | None) -> None:
        self.text = text
        self.lang = lang
        self.layer = layer
        self.article_date = article_date
        main = layer.main_organisation()
        self.main = main.canonical if main else None
        self._starts = [m.start for m in layer.mentions]
        self._person_starts = {m.start for m in layer.mentions if layer.groups[m.key].kind == "Person"}
        self._org_starts = {m.start for m in layer.mentions if layer.groups[m.key].kind == "Organisation"}
        self._dollar = local_dollar(text, lang)
        self.sentences = [self._mask(s, e) for s, e in _join_split_names(sentences, layer)]

    # -- masking --------------------------------------------------------------------------------------------
    def _mask(self, start: int, end: int) -> Sentence:
        sent = Sentence(start, end, self.text[start:end])
        spans: list[tuple[int, int, str, Any]] = []
        mentions = self.layer.mentions  # sorted by start
        first = bisect.bisect_left(self._starts, start)
        for m in mentions[first:bisect.bisect_left(self._starts, end)]:
            if m.end <= end:
                g = self.layer.groups[m.key]
                kind = {"Organisation": "O", "Person": "P", "Place": "L"}.get(g.kind)
                value: Any
                if kind == "L":
                    value = g.place or Place(name=g.canonical, as_written=m.text)
                    if g.place is not None and g.place.as_written != m.text:
                        value = Place(**{**g.place.__dict__, "as_written": m.text})
                elif kind:
                    value = g.canonical
                else:
                    continue
                spans.append((m.start, m.end, kind, value))
        for s, e, money in find_money(sent.text, self.lang):
            if money.currency == "USD" and self._dollar != "USD" and not _QUALIFIED_DOLLAR.search(sent.text[s:e]):
                money = replace(money, currency=self._dollar)  # "6,2 millions de dollars" in Quebec news: CAD
            spans.append((start + s, start + e, "M", money))
        if self.main:
            for am in lex_re(self.lang, "anaphora").finditer(sent.text):
                after = sent.text[am.end():am.end() + 60]
                if re.match(r"\s[A-ZÀ-Ý]", after) and start + am.end() + 1 not in self._person_starts:
                    continue  # "la société Vextra": the name follows (not "l'entreprise Jeanne X", a person)
                # "la biotech lyonnaise Seralune", "la plateforme new-yorkaise de newsletters payantes Inkora",
                # "la société de logiciels hospitaliers Medilink"
                adj = re.match(r"\s+(?:(?!(?:de|d'|des|du)\s)[a-zà-ÿ'\-]+\s+){0,2}(?:(?:de|d'|des|du)\s*(?:[a-zà-ÿ'\-]+\s+){1,2})?", after)
                # French adjectives follow the noun; in English the words after it are a verb ("The startup counts X")
                if adj and self.lang == "fr" and start + am.end() + adj.end() in self._org_starts \
                        and not verb_words(self.lang).intersection(adj.group().split()):
                    continue
                spans.append((start + am.start(), start + am.end(), "A", self.main))
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out, pos, counters = [], start, {k: 0 for k in "OAPLM"}
        for s, e, kind, value in spans:
            if s < pos:
                continue
            out.append(self.text[pos:s].replace(L, "[").replace(R, "]"))
            ph = f"{L}{kind}{counters[kind]}{R}"
            counters[kind] += 1
            sent.slots[ph] = Slot(kind, s, e, value)
            out.append(ph)
            pos = e
        out.append(self.text[pos:end])
        sent.masked = "".join(out)
        return sent

    def _evidence(self, sent: Sentence, rule: str, confidence: float) -> Evidence:
        return Evidence(sentence=self.text[sent.start:sent.end], start=sent.start, end=sent.end,
                        rule=f"{self.lang}.{rule}", confidence=confidence)

    # -- helpers ----------------------------------------------------------------------------------------------
    def _orgs_in(self, sent: Sentence, fragment: str) -> list[str]:
        names = []
        for ph in sent.placeholders(fragment, "OA"):
            name = sent.slot(ph).value
            if name not in names:
                names.append(name)
        return names

    def _dates(self, sent: Sentence) -> list[tuple[int, int, str]]:
        """The date expressions of a sentence, resolved against the article date (article offsets)."""
        if sent.dates is None:
            sent.dates = [(sent.start + s, sent.start + e, iso)
                          for s, e, iso in find_dates(sent.text, self.lang, self.article_date)]
        return sent.dates

    def _date_after(self, sent: Sentence, pos: int, window: int = 45) -> str | None:
        """A date written just after article offset ``pos`` ("le bureau de Tokyo, ouvert en avril dernier")."""
        for s, _e, iso in self._dates(sent):
            if pos <= s <= pos + window and not re.search(r"[;.]|\b(?:et|and|mais|but)\b", self.text[pos:s]):
                return iso
        return None

    def _announced(self, sent: Sentence, pos: int, reach: int = 60) -> str | None:
        """When a fact was announced: the date written nearest to article offset ``pos`` (the trigger or the
        amount, within ``reach`` characters), else the article date (month precision)."""
        near = [(min(abs(s - pos), abs(e - pos)), iso) for s, e, iso in self._dates(sent)]
        near = [d for d in near if d[0] <= reach]
        if near:
            return min(near)[1]
        return self.article_date[:7] if self.article_date and len(self.article_date) >= 7 else self.article_date

    def _based_at(self, sent: Sentence, after: int) -> Place | None:
        """The city a person works from, stated after the role: "supervisera X depuis Lisbonne", "based in X"."""
        m = _BASED_RX.match(sent.masked, after)
        if m is None:
            return None
        place = sent.slot(m.group(1)).value
        return place if self._is_city(place) else None

    def _former(self, text: str) -> bool:
        return bool(_former_re(self.lang).search(text))

    def _predecessor(self, sent: Sentence, ph: str) -> bool:
        """A person named after "succède à", "remplace", "succeeds" is the one leaving the post (unless a relative
        clause gives that person a post of their own: "il succède à X, qui reste président")."""
        at = sent.masked.index(ph)
        return bool(_predecessor_re(self.lang).search(sent.masked, 0, at)) and not re.match(
            r"\s*,\s*(?:qui|who)\b", sent.masked[at + len(ph):], re.IGNORECASE)

    def _former_after(self, masked: str, end: int) -> bool:
        """A role whose clause goes on with "before joining", "until 2019", "avant de rejoindre" is a former one."""
        clause = re.split(r"[,;.]", masked[end:end + 80], maxsplit=1)[0]
        return bool(_former_after_re(self.lang).search(clause))

    # -- roles ------------------------------------------------------------------------------------------------
    @cached_property
    def _topics(self) -> list[str | None]:
        """The organisation each sentence's paragraph is about, when it is not the article's main one.

        A paragraph that names the main organisation is about it; one that opens on another organisation ("Basée à
        Nancy, Structa ...", "La foodtech X ...", in a round-up of several companies) is about that organisation.
        Bare titles ("Sa directrice générale, X"), board seats and anaphors ("la société") refer to the topic."""
        breaks = [m.start() for m in re.finditer(r"\n", self.text)]
        para = [bisect.bisect_left(breaks, s.start) for s in self.sentences]
        by_para: dict[int, str | None] = {}
        for i in range(len(self.sentences)):
            if para[i] in by_para:
                continue
            group = [x for j, x in enumerate(self.sentences) if para[j] == para[i]]
            topic: str | None = None
            names_main = any(x.slots[ph].value == self.main for x in group for ph in x.placeholders(x.masked, "O"))
            lead = group[0].masked
            first = group[0].placeholders(lead, "OAP")
            # the subject of the paragraph's opening (not a name inside a quote)
            # (not a name inside a quote, nor a complement: "Ancienne directrice de X, Mme Y a cofondé …")
            if not names_main and first and first[0][1] == "O" and lead.index(first[0]) <= 90 \
                    and not re.search(r"[«\"“]", lead[:lead.index(first[0])]) \
                    and not _GOVERNED.search(lead[:lead.index(first[0])]) \
                    and not self._former(re.split(r"[,;]", lead[:lead.index(first[0])])[-1]) \
                    and not re.search(rf"\b(?:de|du|des|d'|of|at)\s*(?:la |le |l'|the )?(?:{_lead_nouns(self.lang)})\s+$",
                                      lead[:lead.index(first[0])], re.IGNORECASE):
                topic = group[0].slot(first[0]).value
            by_para[para[i]] = topic
        return [by_para[p] for p in para]

    def _role_org(self, sent: Sentence, ph: str, topic: str | None) -> str:
        """An organisation slot of a role; an anaphor ("la société") is the paragraph's topic."""
        slot = sent.slot(ph)
        if slot.kind != "A":
            return str(slot.value)
        # "directrice générale de la coopérative": the organisation named "Coopérative …" when the paragraph's
        # topic (a customer opening the paragraph) was never described so (not "la start-up X": a description)
        noun = anaphor_noun(self.text[slot.start:slot.end])
        if topic and noun and not any(n == noun and name == topic for _p, n, name in self._descriptions):
            named = self._named_with(noun, slot.start)
            if named and topic not in named:
                return self.main if self.main in named else named[-1]
        return topic or str(slot.value)

    def _named_with(self, noun: str, before: int) -> list[str]:
        """The organisations whose written name holds a company noun ("la Coopérative laitière X" for "la
        coopérative"), named before offset ``before``, in order of mention."""
        rx = re.compile(rf"(?<!\w){re.escape(noun)}(?!\w)", re.IGNORECASE)
        out: list[str] = []
        for m in self.layer.mentions:
            if m.start >= before:
                break
            g = self.layer.groups[m.key]
            if g.kind == "Organisation" and rx.search(m.text):
                if g.canonical in out:
                    out.remove(g.canonical)
                out.append(g.canonical)
        return out

    def _latter(self, idx: int) -> Sentence:
        """The sentence with "ce dernier", "cette dernière", "the latter" standing for the last person named just
        before (earlier in the sentence or in the previous one)."""
        sent = self.sentences[idx]
        m = _LATTER.search(sent.masked)
        if m is None:
            return sent
        persons = sent.placeholders(sent.masked[:m.start()], "P")
        src = sent
        if not persons and idx > 0:
            src = self.sentences[idx - 1]
            persons = src.placeholders(src.masked, "P")
        if not persons:
            return sent
        ph = f"{L}P{len(sent.placeholders(sent.masked, 'P')) + 90}{R}"
        slots = dict(sent.slots)
        slots[ph] = src.slot(persons[-1])
        return dataclasses.replace(sent, masked=sent.masked[:m.start()] + ph + sent.masked[m.end():], slots=slots)

    def _previous_org(self, idx: int, sent: Sentence, pos: int) -> list[str]:
        """The organisation a back-reference ("associée au sein du fonds") stands for: the last one named before
        ``pos`` in the sentence, else the last one of the previous sentence."""
        names = sent.placeholders(sent.masked[:pos], "O")
        if names:
            return [str(sent.slot(names[-1]).value)]
        if idx > 0:
            prev = self.sentences[idx - 1]
            names = prev.placeholders(prev.masked, "O")
            if names:
                return [str(prev.slot(names[-1]).value)]
        return []

    def roles(self) -> list[Role]:
        out: list[Role] = []
        topics = self._topics
        for idx in range(len(self.sentences)):
            sent = self._latter(idx)
            if L + "P" not in sent.masked:
                continue
            first = len(out)
            exclusive: set[str] = set()  # persons whose role a press-release title chain states in this sentence
            topic = topics[idx]
            default = topic or self.main
            for pat, rx in _patterns_for(self.lang, "Role", sent.masked):
                for m in rx.finditer(sent.masked):
                    gd = m.groupdict()
                    if pat.get("not_after") and re.search(pat["not_after"], sent.masked[:m.start("title")]):
                        continue  # "The French giant, whose chief executive X": X heads the described company
                    # (the two words before the title: "former chief executive X" matched on "executive")
                    if gd.get("former") or self._former(" ".join(sent.masked[max(0, m.start("title") - 40):m.start("title")]
                                                                 .split()[-2:]) + " " + sent.masked[m.start("title"):m.end("title")]
                                                        if gd.get("title") else "") \
                            or self._former_after(sent.masked, m.end()):
                        continue
                    persons = sent.placeholders(gd.get("per") or gd.get("pers") or "", "P")
                    orgs = sent.placeholders(gd.get("org") or gd.get("orgs") or "", "OA")
                    if pat.get("org") == "lead" and re.search(r"\w", sent.masked[:m.start()]):
                        orgs = []  # "Fondée en 2019 par A et B, X …": X is the founded one only in a leading clause
                    org_names = [self._role_org(sent, o, topic) for o in orgs]
                    if pat.get("org") == "previous":
                        org_names = self._previous_org(idx, sent, m.start())
                        if not org_names:
                            continue
                    if not org_names and _PLACE_AS_ORG.match(sent.masked, m.end()):
                        continue  # "rejoindra le conseil de X" with X read as a place: the organisation is unknown
                    if not org_names:
                        head = sent.masked[:m.start()]
                        # (not an employer named in a former position: "Ancienne directrice de X, Y a lancé …")
                        before = [] if pat.get("org") == "topic" else [
                            ph for ph in sent.placeholders(head, "OA") if not _ADDRESSEE.search(head[:head.index(ph)])
                            and not _in_quote(self.text, sent.slot(ph).start)  # "« Avec X, … », explique Y, PDG"
                            and not self._former(re.split(r"[,;]", head[max(0, head.index(ph) - 60):head.index(ph)])[-1])]
                        # "the company ... from X with Y, who is its CTO": the anaphor names the subject
                        before = [b for b in before if b[1] == "A"] or before
                        org_names = ([self._role_org(sent, before[-1], topic)] if before
                                     else ([default] if default else []))
                        # "X, ex-CFO of Q, named CFO": Q, a former employer, is not the default either
                        if self._former(m.group(0)) and set(org_names) & set(self._orgs_in(sent, m.group(0))):
                            continue
                    title_written = (gd.get("title") or pat.get("title") or "").strip(" ,")
                    if title_written.startswith(L):
                        # "will join X's Board of Directors": the board was read as an organisation name
                        board = str(sent.slot(title_written).value) if title_written in sent.slots else ""
                        if not re.search(r"\b(?:board|conseil|comit)", board, re.IGNORECASE):
                            continue
                        title_written = board
                    if not title_written:
                        continue
                    title = pat.get("title") or normalise_title(title_written, self.lang)
                    if title == "founder" and (len(persons) > 1 or title_written.lower().startswith("co")):
                        title = "co-founder"
                    persons = [p for p in persons if not self._predecessor(sent, p)]
                    based = self._based_at(sent, m.end()) if len(persons) == 1 else None
                    if pat.get("exclusive"):
                        exclusive.update(str(sent.slot(p).value) for p in persons)
                    for p in persons:
                        for o in org_names:
                            out.append(Role(person=sent.slot(p).value, organisation=o, title=title,
                                            title_as_written=title_written, based_at=based,
                                            evidence=self._evidence(sent, pat["id"], pat.get("confidence", 0.8))))
            if exclusive:
                # "said X, Vice President, Private Networks, Acme": the chain's last organisation is X's, not a
                # department or an organisation named earlier in the sentence
                ids = {f"{self.lang}.{p['id']}" for p, _ in compiled_patterns(self.lang) if p.get("exclusive")}
                out[first:] = [r for r in out[first:] if r.person not in exclusive or r.evidence.rule in ids]
        return out

    # -- offices ----------------------------------------------------------------------------------------------
    def _status(self, sent: Sentence, pos: int) -> str:
        """Status of an office at masked position ``pos``: the last status cue before it, else the first after."""
        cues = []
        for status in ("planned", "opening", "existing"):
            for m in lex_re(self.lang, f"status_{status}").finditer(sent.masked):
                cues.append((m.start(), m.end(), status))
        cues.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        # drop cues inside longer cues
        kept: list[tuple[int, int, str]] = []
        for c in cues:
            if kept and c[0] < kept[-1][1]:
                continue
            kept.append(c)
        # the place's own clause first: "… expected to open in 2026, and opened a site in X last year"
        text = sent.masked
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, pos)), default=0)
        nxt = _CLAUSE_BREAK.search(text, pos)
        end = nxt.start() if nxt else len(text)
        own_before = [c for c in kept if start <= c[0] and c[1] <= pos]
        if own_before:
            return own_before[-1][2]
        own_after = [c for c in kept if pos <= c[0] and c[1] <= end]
        if own_after:
            return own_after[0][2]
        before = [c for c in kept if c[1] <= pos]
        if before:
            return before[-1][2]
        after = [c for c in kept if c[0] >= pos]
        return after[0][2] if after else "existing"

    @cached_property
    def _descriptions(self) -> list[tuple[int, str, str]]:
        """Organisations described by a company noun, as (article offset, noun, name): "X, une fintech basée à …",
        "la coopérative X", "X, a software company", "fintech X". An anaphor with the same noun ("la fintech",
        "the company") stands for the last organisation so described before it, not always the article's main one."""
        if not anaphor_nouns(self.lang):
            return []
        alt = _lead_nouns(self.lang)
        det = r"(?:une?|la|le|l'|cette|ce)\s*" if self.lang == "fr" else r"(?:an?|the|this)\s+"
        # ("X, a ⟦L⟧-based edtech startup"; not "a startup building ⟦O⟧ …", a verb between)
        after = re.compile(rf"({L}O\d+{R})\s*,\s*{det}(?:(?:{L}L\d+{R}-)?[\w\-]+\s+){{0,3}}?({alt})\b", re.IGNORECASE)
        verbs = "|".join(re.escape(v) for v in sorted(verb_words(self.lang), key=len, reverse=True)) or "(?!)"
        between = 2 if self.lang == "fr" else 0  # adjectives after the noun are French ("la biotech lyonnaise X")
        before = re.compile(rf"(?<![\w\-])({alt})(?:\s+(?!(?:{verbs})\b)(?![a-z]+ing\b)[a-zà-ÿ][\w\-]*){{0,{between}}}?"
                            rf"\s+({L}O\d+{R})", re.IGNORECASE)
        appos = re.compile(rf"({L}O\d+{R})\s*,\s*({L}A\d+{R})")  # "X, la coopérative audoise": the anaphor is X
        out: list[tuple[int, str, str]] = []
        for sent in self.sentences:
            for m in appos.finditer(sent.masked):
                slot = sent.slot(m.group(1))
                noun = anaphor_noun(self.text[sent.slot(m.group(2)).start:sent.slot(m.group(2)).end])
                out.append((slot.start, noun, str(slot.value)))
            for m in after.finditer(sent.masked):
                slot = sent.slot(m.group(1))
                out.append((slot.start, m.group(2).lower(), str(slot.value)))
            for m in before.finditer(sent.masked):
                if _GOVERNED_NOUN.search(sent.masked, 0, m.start()):
                    continue  # "ancienne directrice des opérations du groupe X": a complement, not the topic
                slot = sent.slot(m.group(2))
                out.append((slot.start, m.group(1).lower(), str(slot.value)))
        out.sort()
        return out

    def _anaphor_owner(self, slot: Slot) -> tuple[int, str] | None:
        """The organisation last described with the anaphor's noun before it, with the offset of that description."""
        noun = anaphor_noun(self.text[slot.start:slot.end])
        found = [(pos, name) for pos, n, name in self._descriptions if n == noun and pos < slot.start]
        return found[-1] if found else None

    def _lead_noun_owner(self, sent: Sentence, m: re.Match[str]) -> str | None:
        """The organisation a sentence-opening company noun stands for ("The cybersecurity startup, which …",
        "La jeune coopérative …"): the last one described with that noun, else the article's main one."""
        noun = m.group(1).lower()
        found = [name for pos, n, name in self._descriptions if n == noun and pos < sent.start]
        return found[-1] if found else self.main

    def _actors(self, sent: Sentence) -> list[str]:
        """The persons of a sentence who are not only quoted as its speaker ("…, a précisé son directeur, X",
        "…, chief executive X said")."""
        masked = sent.masked
        quote = _quote_re(self.lang)
        out = []
        for ph in sent.placeholders(masked, "P"):
            at = masked.index(ph)
            before, after = masked[max(0, at - 60):at], masked[at + len(ph):at + len(ph) + 40]
            if (quote.search(before) and not re.search(r"[;.]", before[before.rfind(",") + 1:] if "," in before
                                                         else "")) or quote.match(after):
                continue
            out.append(ph)
        return out

    def _site_owner(self, sent: Sentence, triggers: list[re.Match[str]], pos: int) -> str | None:
        """The organisation a site noun belongs to when the text says so next to it: "Toyota's assembly plant in X",
        "le technicentre de SNCF à X", "l'usine de Y à X" (not the sentence's subject)."""
        masked = sent.masked
        end = pos + len(masked[pos:].split(R, 1)[0]) + 1
        if re.match(r"\s+(?:" + lex_re(self.lang, "office_nouns").pattern + ")", masked[end:], re.IGNORECASE):
            poss = re.search(rf"({L}O\d+{R})['’]s?\s+$", masked[:pos])  # "Vantor's San Mateo studio"
            if poss:
                return str(sent.slot(poss.group(1)).value)
            short = re.search(r"\b([A-ZÀ-Ý][\w&\-]+)['’]s\s+$", masked[:pos])  # "Vantor Games … Vantor's X studio"
            named = [sent.slot(ph).value for ph in sent.placeholders(masked, "O")]
            for name in named if short else []:
                if str(name).split()[0] == short.group(1):  # type: ignore[union-attr]
                    return str(name)
        nouns = [t for t in triggers if t.end() <= pos and pos - t.end() < 30]
        if not nouns:
            return None
        t = nouns[-1]
        common = re.search(r"\b(?:the|a|an|one)\s+(?:[\w.\-]+\s+){0,3}?(?-i:[a-z\-]+)['’]s?\s+(?:[a-z\-]+\s+){0,2}$",
                           masked[:t.start()], re.IGNORECASE)
        if common:
            # "the steelmaker's plant in X": the organisation that noun stands for, named earlier in the sentence
            # and not its subject; none named, no office
            lead = _LEAD_SUBJECT.match(masked)
            orgs = [ph for ph in sent.placeholders(masked[:common.start()], "O") if not lead or ph != lead.group(1)]
            return str(sent.slot(orgs[-1]).value) if orgs else ""
        if not re.fullmatch(r"\s+(?:in|at|à|au|en)\s*(?:la |le |l')?", masked[t.end():pos]) and not (
                re.match(r"\s+(?:de|d'|du|des)\s*", masked[t.end():pos])):
            return None
        poss = re.search(rf"({L}O\d+{R})['’]s?\s+(?:[a-z\-]+\s+){{0,2}}$", masked[:t.start()])
        if poss:
            return str(sent.slot(poss.group(1)).value)
        de = re.match(rf"\s+(?:de|d'|du|des|of)\s*(?:(?:la|le|l'|the)\s*(?:[a-zà-ÿ\-]+\s+){{0,2}}?)?({L}O\d+{R})\s+"
                      rf"(?:à|au|en|in|at)\s*(?:la |le |l')?$", masked[t.end():pos])  # "les usines de la société Z à X"
        return str(sent.slot(de.group(1)).value) if de else None

    def _is_city(self, place: Place) -> bool:
        """A city an office can be in: not a country; an unresolved name must not be a continent or region
        ("en Asie"), a month ("in September") or an address ("at Tower 42", "in Rathbone Place")."""
        if place.kind != "city":
            return False
        if place.geonames_id is not None:
            return True
        written = place.as_written or place.name
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", written)}
        return not (is_region(written) or words & _address_words(self.lang) or words & _CALENDAR
                    or re.search(r"\d|&|\w['’](?:s\b|\s)", written))  # "Harlan & Voss' Munich": no city name

    def _not_a_site(self, masked: str, t: re.Match[str]) -> bool:
        """A trigger that states no site of the organisation: a site that closed, was sold or left ("a fermé son
        usine de X", "shut down its X office", "l'ancien siège"), someone else's ("le site de son client"), or an
        office noun used as a modifier ("office deals in X", "office space")."""
        closed, other, modifier = _not_site_res(self.lang)
        return bool(closed.search(masked[max(0, t.start() - 60):t.start()]) or other.match(masked, t.end())
                    or modifier.match(masked, t.end()))

    def _participle_owner(self, sent: Sentence, at: int) -> str | None:
        """The organisation a location participle at ``at`` qualifies ("X, basée à Y", "Z, un industriel basé à Y",
        "X, qui est installée à Y", "X is based in Y"): the name of its noun phrase or of the name that noun phrase
        stands in apposition to; None when that is a person or a person's title ("La directrice, basée à Y");
        "" when the text gives no such noun phrase (the caller reads the sentence's subject)."""
        masked = sent.masked
        before = re.sub(r"\b(?:qui|which|that|who)\s+(?:est|sont|était|is|are|was|were|has been|have been)\s+"
                        r"(?:(?:also|aussi|désormais|now|still|toujours)\s+)?$", "", masked[:at], flags=re.IGNORECASE)
        seg = re.search(r"[^,;(:]*$", before)
        assert seg is not None
        phs = sent.placeholders(seg.group(), "OAP")
        if not phs:
            prev = re.search(rf"({L}[OAP]\d+{R})\s*[,(]\s*$", before[:seg.start()])
            if prev and (seg.group().strip() == "" or not re.search(r"\b(?:et|and|mais|but)\b", seg.group())):
                phs = [prev.group(1)]
            elif seg.group().strip() == "" and lex_re(self.lang, "titles").search(
                    re.search(r"[^,;(:]*$", before[:seg.start()].rstrip(" ,(")).group()):  # type: ignore[union-attr]
                return None  # "La directrice technique, basée à Castres"
            elif lex_re(self.lang, "titles").search(seg.group()):
                return None  # "sa directrice technique basée à Castres"
        if not phs:
            return ""
        ph = phs[-1]
        if ph[1] == "P":
            return None
        owner = self._anaphor_owner(sent.slot(ph)) if ph[1] == "A" else None
        return str(owner[1] if owner else sent.slot(ph).value)

    def _trigger_owner(self, sent: Sentence, at: int, lead: re.Match[str] | None,
                       prev_subject: str | None) -> tuple[str, float] | None:
        """The organisation whose site the trigger at masked position ``at`` states, with a confidence: the last
        organisation named before it that is not governed by a preposition ("soutenue par le fonds Z", "backed by Z",
        "filiale de Z"), a coordinated verb's subject, the previous sentence's subject for a pronoun or an anaphor,
        the organisation a sentence-opening company noun stands for, the first one after it (passive "inaugurée par
        X"), else the article's subject."""
        masked = sent.masked
        if _PARTICIPLE.match(masked, at):
            qualified = self._participle_owner(sent, at)
            if qualified != "":
                return (qualified, 0.7) if qualified else None
        lead_noun = _lead_noun_re(self.lang).match(masked[:at])
        before_orgs = sent.placeholders(masked[:at], "OA")
        after_orgs = sent.placeholders(masked[at:], "OA")
        if before_orgs:
            free = [ph for ph in before_orgs if not _GOVERNED_OWNER.search(masked, 0, masked.index(ph))]
            if not free:  # all governed: "le directeur de Z" may own the site, "soutenue par Z" does not
                free = [ph for ph in before_orgs if not _AGENT_OWNER.search(masked, 0, masked.index(ph))]
            if not free:
                before_orgs = []
        if before_orgs:
            ph = free[-1]
            last = before_orgs[-1]
            if re.match(r"\s*,\s*(?:dont|whose|où|where|qui|which)\b", masked[masked.index(last) + len(last):at],
                        re.IGNORECASE) and last[1] == "O":
                ph = last  # "un accord avec Z, dont le site de Y …", "with Z, which has a plant in Y": Z's
            elif (prev_subject and not lead and _PRONOUN_START.match(masked)
                  and _COORDINATED_VERB.search(masked, masked.index(ph) + len(ph), at + 1)):
                return prev_subject, 0.7  # "Dans la foulée, elle rachète Z et prévoit un entrepôt à X": not Z
            elif len(free) > 1 and _COORDINATED_VERB.search(masked, masked.index(ph) + len(ph), at + 1):
                ph = free[0]  # "le groupe s'appuie sur sa filiale Z, …, et prévoit d'ouvrir un bureau à Y": the subject
            elif (not lead and (lead_a := _LEAD_ANAPHOR.match(masked)) and lead_a.group(1) != ph
                  and _COORDINATED_VERB.search(masked, masked.index(ph) + len(ph), at + 1)):
                # "The broker has bought Limerick-based Z, and plans to open an office in Cork": the broker's
                ph = lead_a.group(1)
            elif (not lead and prev_subject and (lead_noun or _COMMON_SUBJECT.match(masked))
                  and _COORDINATED_VERB.search(masked, masked.index(ph) + len(ph), at + 1)):
                return prev_subject, 0.7  # the same, the company noun not resolved to a name
            org = sent.slot(ph).value
            owner = self._anaphor_owner(sent.slot(ph)) if ph[1] == "A" else None
            if owner:
                org = owner[1]  # "X, une fintech …" then "La fintech … un bureau à Y": X
            elif prev_subject and ph[1] == "A" and not lead:
                org = prev_subject  # "L'entreprise ouvrira un bureau à X" after "Y lève …": Y, not the main one
            elif (prev_subject and _PRONOUN_START.match(masked)
                  and _GOVERNED.search(re.sub(rf"{L}O\d+{R}\s*\($", "", masked[:masked.index(ph)]))):
                org = prev_subject  # "Elle complète par un prêt de Z et prévoit une usine à X": not Z
            elif lead and lead.group(1) != ph and _COORDINATED_VERB.search(masked, masked.index(ph) + len(ph), at + 1):
                # "X raised €5m from Z and plans to open an office in Y", "X acquired Z and opened …": the
                # coordinated verb shares the sentence's subject X, not the object Z named before it
                org = sent.slot(lead.group(1)).value
            return org, 0.7
        if prev_subject and _PRONOUN_START.match(masked):
            return prev_subject, 0.7  # "Elle prévoit d'ouvrir un bureau à X, a précisé son directeur, P"
        if lead_noun and self._lead_noun_owner(sent, lead_noun):
            return self._lead_noun_owner(sent, lead_noun), 0.7  # type: ignore[return-value]
        if after_orgs:
            return sent.slot(after_orgs[0]).value, 0.7
        if self.main and (not self._actors(sent)
                          or (self.lang == "en" and re.search(r"\bits\b", masked[:at + 60]))):
            # no organisation named: the article's subject ("its design centre in X", even with "X said")
            return self.main, 0.55
        return None

    def offices(self) -> list[Office]:
        out: list[Office] = []
        trig = re.compile(lex_re(self.lang, "office_nouns").pattern + "|" + lex_re(self.lang, "office_verbs").pattern,
                          re.IGNORECASE)
        noun_rx = lex_re(self.lang, "office_nouns")
        loc_prep = re.compile(r"(?:\b(?:à|au|aux|in|at|de|d'|du|across|throughout)\s*(?:la |le |l')?|"
                              r"\b(?:entre|between)\s+(?:la |le |l'|les )?)$", re.IGNORECASE)  # "répartis entre X et Y"
        # unresolved names: "à X", or "<office noun> de X" only
        strict_prep = re.compile(r"(?:\b(?:à|in|at)\s*|(?:" + lex_re(self.lang, "office_nouns").pattern
                                 + r")(?:\s+[a-zà-ÿ\-]+)?\s+(?:de|d'|of)\s*)$", re.IGNORECASE)
        subject: str | None = None  # the organisation that last opened a sentence ("Basée à X, Y a …", "Y lève …")
        age = 0  # sentences since then
        for sent in self.sentences:
            masked = sent.masked
            prev_subject = subject if age <= 2 else None
            lead = _LEAD_SUBJECT.match(masked)
            age += len(masked.strip()) > 3
            if lead:
                subject, age = sent.slot(lead.group(1)).value, 0
            elif (lead_a := _LEAD_ANAPHOR.match(masked)) and (owner := self._anaphor_owner(sent.slot(lead_a.group(1)))):
                subject, age = owner[1], 0  # "La fintech, qui …": the organisation described as a fintech
            # headquarters written as an adjective: "Paris-based X", "X-headquartered", "Edinburgh start-up X",
            # "Berlin's X", "la start-up lyonnaise X"
            for pat, rx in _patterns_for(self.lang, "Office", masked):
                for m in rx.finditer(masked):
                    gd = m.groupdict()
                    places = sent.placeholders(gd.get("place") or "", "L")
                    orgs: list[str] = sent.placeholders(gd.get("org") or "", "OA")
                    owners = [self._anaphor_owner(sent.slot(o)) if o[1] == "A" else None for o in orgs]
                    names = [w[1] if w else sent.slot(o).value for w, o in zip(owners, orgs, strict=True)]
                    if gd.get("anaph") and self.main:
                        anaph = [o for o in orgs if o[1] == "A"]
                        owner = self._anaphor_owner(sent.slot(anaph[0])) if anaph else None
                        if not anaph:  # "the London-based brand": the organisation described as a brand
                            found = [(pos, name) for pos, n, name in self._descriptions
                                     if n == gd["anaph"].lower() and pos < sent.start]
                            owner = found[-1] if found else None
                        names = [owner[1]] if owner else [] if pat.get("described_only") else [self.main]
                    appos = _APPOSED.search(masked, 0, m.start())
                    if appos and _SPEAKER_AFTER.match(masked, m.end()):
                        appos = None  # "…, alongside X, the London-based bank said": the speaker, not X
                    if appos and (gd.get("anaph") or orgs) and masked.startswith(appos.group(0), m.start()
                                                                                - len(appos.group(0))):
                        names = [sent.slot(appos.group(1)).value]  # "X, the Amsterdam-headquartered group …": X
                    place_objs = [sent.slot(p).value for p in places]
                    if gd.get("demonym"):
                        dp = demonym_place(gd["demonym"], self.lang)
                        # "lyonnaise" names no place: the place keeps its own labels only
                        place_objs = [dataclasses.replace(dp, as_written=None)] if dp is not None else []
                    for name in names:
                        for pl in place_objs:
                            if self._is_city(pl):
                                out.append(Office(name, pl, pat.get("status", "existing"),
                                                  self._evidence(sent, pat["id"], pat.get("confidence", 0.75))))
            triggers = [t for t in trig.finditer(masked) if not self._not_a_site(masked, t)]
            if not triggers:
                continue
            site_owners: dict[int, tuple[str, float] | None] = {}
            n_cities = sum(1 for ph in sent.placeholders(masked, "L") if self._is_city(sent.slot(ph).value))
            for pm in _PH.finditer(masked):
                if pm.group(1) != "L":
                    continue
                place = sent.slot(pm.group(0)).value
                if not self._is_city(place) or (place.geonames_id is None and re.match(
                        r"\s*\d", self.text[sent.slot(pm.group(0)).end:])):
                    continue
                prefix = masked[:pm.start()]
                # a locative slot: "à X", "in X", "bureau de X", or in a list continuing one; or "X office"
                chain = re.sub(rf"(?:{L}L\d+{R}\s*(?:,|et|and|&)\s*)+$", "", prefix)
                prep = loc_prep if place.geonames_id is not None else strict_prep
                ok = bool(prep.search(chain)) or bool(re.match(r"\s+(?:" + lex_re(self.lang, "office_nouns")
                                                                   .pattern + ")", masked[pm.end():], re.IGNORECASE))
                if not ok and re.search(r"\b(?:to|vers)\s*$", chain, re.IGNORECASE):
                    ok = bool(lex_re(self.lang, "office_move_verbs").search(chain[-90:]))  # "moving its HQ to X"
                if not ok or re.search(r"(?:près d'|près de|near|around|outside|hors de)\s*$", prefix, re.IGNORECASE) \
                        or _NEAR_CITY.search(prefix) or _STREET_BEFORE.search(prefix):
                    continue  # "Plouvien, au nord de Brest", "rue de Rennes, à Paris": the city is not the site's
                # an office noun names the site next to its city ("la raffinerie de X à Y"); a verb reaches further
                near = [t for t in triggers if (abs(t.start() - pm.start()) < 140 if noun_rx.fullmatch(t.group()) is None
                                                else -40 < pm.start() - t.start() < 80)]
                if not near:
                    continue
                # the trigger that licenses the city: the nearest one before it, else the nearest after it
                lic = max((t for t in near if t.start() < pm.start()), key=lambda t: t.start(), default=None) \
                    or min(near, key=lambda t: t.start())
                if lic.start() not in site_owners:
                    site_owners[lic.start()] = self._trigger_owner(sent, lic.start(), lead, prev_subject)
                owned = site_owners[lic.start()]
                if owned is None:
                    continue
                org, confidence = owned
                # a city in a long list is a weaker statement than one named alone ("son bureau de X d'ici ...")
                specific = confidence - (0.1 if n_cities >= 3 else 0.0)
                slot = sent.slot(pm.group(0))
                status = self._status(sent, pm.start())
                site_owner = self._site_owner(sent, triggers, pm.start())
                if site_owner == "":
                    continue
                out.append(Office(site_owner or org, place, status,  # type: ignore[arg-type]
                                  self._evidence(sent, "office.trigger", round(specific, 2)),
                                  start_date=self._date_after(sent, slot.end)))
        return out

    # -- partnerships ---------------------------------------------------------------------------------------
    def partnerships(self) -> list[Partnership]:
        out: list[Partnership] = []
        trig_rx = lex_re(self.lang, "partnership_triggers")
        excl_rx = lex_re(self.lang, "partnership_exclusions")
        for idx, sent in enumerate(self.sentences):
            masked = sent.masked
            found = False
            objects: set[int] = set()  # the partners of an earlier agreement of the sentence are not its subject
            triggers = [t for t in trig_rx.finditer(masked) if not self._person_title(masked, t)]
            for t in triggers:
                prep = re.search(r"\s(?:with|avec|à)$", t.group(0), re.IGNORECASE)  # "working with", "s'allie à"
                with_m = _partner_list_re(self.lang).match(masked, t.start() + prep.start() if prep else t.end())
                # (backers joining a round, not an agreement: "un tour de table auquel s'associent X et Y")
                if re.search(r"\b(?:auquel|auxquels|à laquelle|auxquelles)\s*$", masked[:t.start()], re.IGNORECASE):
                    found = True
                    continue
                joint = self._joint_subject(sent, masked[:t.start()], objects)
                if joint and not with_m:  # "X, Y et Z ont signé un accord tripartite"
                    found = True
                    # (not the contract a consortium bids for: "formed a consortium to bid for the contract")
                    if not any(not re.search(r"\b(?:bid|bidding|tender|compete|win|remporter|répondre|candidater)\b[^.;]{0,20}$",
                                             masked[t.end():x.start()], re.IGNORECASE)
                               for x in excl_rx.finditer(masked, max(0, t.start() - 50), t.end() + 40)):
                        out.append(Partnership(tuple(joint), self._evidence(sent, "partnership.joint", 0.7),
                                               announced_on=self._announced(sent, sent.raw_offset(t.start()))))
                    continue
                listed = self._loose_partners(sent, t.end())
                signed = None if with_m else _signed_by_re(self.lang).match(masked, t.end())
                if signed:  # "le partenariat de recherche signé lundi par X (X') et le groupe Y"
                    parties = self._orgs_in(sent, re.sub(rf"\(\s*{L}[OA]\d+{R}\s*\)", "", signed.group("orgs")))
                    if len(parties) >= 2:
                        found = True
                        out.append(Partnership(tuple(parties), self._evidence(sent, "partnership.signed_by", 0.7),
                                               announced_on=self._announced(sent, sent.raw_offset(t.start()))))
                        continue
                if not with_m and not listed:
                    continue
                end = max(with_m.end() if with_m else 0, listed[1] if listed else 0)
                # what is excluded is said near the agreement ("un accord de rachat avec X"), not anywhere
                # (in the agreement's own clause: "agreed to buy X, and signed a partnership with Y")
                lo = max([max(0, t.start() - 50), *(b.end() for b in _CLAUSE_BREAK.finditer(masked, 0, t.start()))])
                strong = re.search(r"partenariat|partnership|coentreprise|co-entreprise|joint.venture|protocole|memorandum|"
                                   r"\bmou\b|lettre d'intention|letter of intent|alliance", t.group(0), re.IGNORECASE)
                # (nor what a joint venture is set up to do: "formed a joint venture with Y to acquire hotels")
                if any(not (strong and (re.match(r"pour (?:la fourniture|livrer|la livraison)", x.group(0), re.IGNORECASE)
                                        or (x.start() >= end and re.search(
                                            r"\b(?:to|pour|afin de|in order to)\s+(?:\w+\s+){0,3}$",
                                            masked[end:x.start()], re.IGNORECASE))))
                       for x in excl_rx.finditer(masked, lo, end + 25)):
                    found = True  # (a joint venture "pour la fourniture d'hydrogène" is still one; an "accord" is a supply deal)
                    continue
                found = True
                when = self._announced(sent, sent.raw_offset(t.start()))
                ev = self._evidence(sent, "partnership.trigger", 0.7)
                partners = self._orgs_in(sent, with_m.group("orgs")) if with_m else []
                partners += [p for p in (listed[0] if listed else []) if p not in partners]
                objects |= {t.end() + p.start() for p in _PH.finditer(masked[t.end():end])}
                between = re.match(r"\s*(?:\w+\s+){0,4}?(?:between|entre)\b", masked[t.end():end], re.IGNORECASE)
                if joint or (between and len(partners) >= 2):  # "X et Y ont signé un accord avec Z",
                    parties = [*(joint or []), *[p for p in partners if p not in (joint or [])]]  # "between X and Y"
                    out.append(Partnership(tuple(parties), ev, announced_on=when))
                    continue
                subject = self._partnership_subject(idx, masked[:t.start()], objects)
                if subject is None:
                    continue
                partners = [p for p in partners if p != subject]
                plural = t.group(0).lower().endswith("s") and not t.group(0).lower().endswith("ss")
                if len(partners) == 1 or plural or len(partners) >= 3:
                    for p in partners:
                        out.append(Partnership((subject, p), ev, announced_on=when))
                elif partners:
                    out.append(Partnership(tuple([subject, *partners]), ev, announced_on=when))
            if found:
                continue
            # a verb naming its partner right after ("works with", "travaille avec") whose object is no organisation
            # ("works with more than 300 firms") makes no pair of whatever else the sentence names
            loose = [t for t in triggers if not re.search(r"\s(?:with|avec)$", t.group(0), re.IGNORECASE)]
            t0 = loose[0] if loose else None
            if not t0 or excl_rx.search(masked) or _ANAPHORIC_AGREEMENT.search(masked[:t0.start()]):
                continue  # "Dans le cadre de cet accord, X fabriquera ...": an agreement already stated
            named = self._orgs_in(sent, masked)
            if 3 <= len(named) <= 5 and _MULTIPARTY.search(masked[max(0, t0.start() - 30):t0.end() + 30]):
                # "X runs a pilot with Y and Z under a three-way agreement": one agreement of all the parties named
                first = [self._subject_value(idx, sent, ph) for ph in sent.placeholders(masked, "OA")[:1]]
                parties = [*first, *[n for n in named if n not in first]]
                out.append(Partnership(tuple(parties), self._evidence(sent, "partnership.multiparty", 0.6),
                                       announced_on=self._announced(sent, sent.raw_offset(t0.start()))))
                continue
            if len(named) == 2:
                out.append(Partnership(tuple(named), self._evidence(sent, "partnership.trigger", 0.7),
                                       announced_on=self._announced(sent, sent.raw_offset(t0.start()))))
        return out

    def _loose_partners(self, sent: Sentence, pos: int) -> tuple[list[str], int] | None:
        """The partners listed after "avec"/"with" when the entity layer missed some of them: "des partenariats avec
        ⟦O⟧, Boulanger et Cdiscount", "avec ⟦P⟧ (a name mistyped as a person), ⟦O⟧ et Foo". In a list that names at
        least one organisation, the other items are partners too; alone, only a name of two capitalised words or
        more ("avec les Compagnons du Devoir", "avec le charpentier landais Pinhaut Structures")."""
        m = _LOOSE_LIST.match(sent.masked, pos)
        if not m:
            return None
        items = [i for i in _LOOSE_ITEM.finditer(m.group("items"))]
        if not items or len(items) > 6:
            return None
        # (a list of three names or more after the trigger is one of partners too: "avec ⟦P⟧, Boulanger et Foo")
        has_org = len(items) >= 3 or any(i.group(0).startswith((f"{L}O", f"{L}A")) for i in items)
        names: list[str] = []
        for i in items:
            text = i.group(0)
            if text.startswith(L):
                slot = sent.slot(text)
                if slot.kind in "OA" or (slot.kind == "P" and has_org):
                    names.append(str(slot.value))
                elif slot.kind != "P":
                    return None
                continue
            words = text.split()
            tail = re.search(r"\s(?:de|du|of)\s+(\S+)$", text)
            place = resolve_place(tail.group(1), self.lang) if tail else None
            if place is not None and place.kind == "city":
                continue  # "l'Inrae de Toulouse": where the name stops is unclear
            if has_org or len([w for w in words if w[:1].isupper()]) >= 2:
                names.append(text)
        return (names, m.end()) if names else None

    def _person_title(self, masked: str, t: re.Match[str]) -> bool:
        """"partner" as a person's title ("X, a partner at Y", "the Y partner who led", "Y partner X"), not an
        agreement."""
        if t.group(0).lower() not in ("partner", "associé", "associée"):
            return False
        after, before = masked[t.end():t.end() + 20], masked[max(0, t.start() - 60):t.start()]
        return bool(re.match(rf"\s+(?:at|chez)\b|\s*,?\s*{L}P\d+{R}", after) or re.search(
            rf"{L}P\d+{R}\s*,\s*(?:an?\s+|the\s+|l'|une?\s+)?(?:[^\s,.;]+\s+){{0,3}}$"
            r"|\b(?:general|managing|founding|senior|operating|venture)\s+$", before, re.IGNORECASE))

    def _joint_subject(self, sent: Sentence, before: str, objects: set[int]) -> list[str] | None:
        """Several organisations coordinated as the subject of the agreement ("X et Y ont créé une coentreprise"),
        not governed by a preposition ("mené par X et Y")."""
        m = _joint_subject_re(self.lang).search(before)
        # (not the object of a first clause: "The startup counts X and Y among its customers, and announced ...")
        if not m or m.start(1) in objects or re.search(r",\s+(?:and|et)\s", before[m.end(1):]) or re.search(
                r"\b(?:de|du|des|d'|à|au|aux|en|dans|par|pour|avec|of|at|in|on|by|for|from|with|between|entre)\s*"
                r"(?:la |le |l'|les |the )?$", before[:m.start(1)], re.IGNORECASE):
            return None
        names = self._orgs_in(sent, m.group(1))
        return names if len(names) >= 2 else None

    def _partnership_subject(self, idx: int, before: str, objects: set[int]) -> str | None:
        """Who signs the agreement: the last organisation before the trigger that is not governed by a preposition
        ("en marge du salon X"); with none, a sentence opening with a pronoun ("Elle a noué ...") continues the
        previous sentence's subject, else the article's main organisation."""
        sent = self.sentences[idx]
        objects = objects | self._inside_appositions(sent.masked, len(before), persons=True)
        # (nor an owner in the possessive or an object after "to": "to supply X's stores, and is working with Y")
        free = [c for c in re.finditer(rf"{L}[OA]\d+{R}", before) if c.start() not in objects
                and not re.search(r"(?:\b(?:de|du|des|d'|à|au|aux|en|dans|par|pour|avec|of|at|in|on|by|for|from|with|to|"
                                  r"into)\s*(?:la |le |l'|les |the )?)$", before[:c.start()], re.IGNORECASE)
                and not re.match(r"['’]s?\s", before[c.end():c.end() + 3])]
        if free:
            # "X said it had agreed to buy Y, and had struck a partnership with Z": a verb coordinated after
            # ", and" (no subject of its own) shares the sentence's first subject
            if len(free) > 1 and re.search(rf",\s+(?:and|et)\s+(?!(?:the|a|an|it|its|they|la|le|les|l'|elle|il|ils|elles|"
                                           rf"son|sa|ses|un|une)\b)[^{L}]*$", before[free[-1].end():], re.IGNORECASE):
                lead = _lead_noun_re(self.lang).match(sent.masked)
                if lead and lead.end() <= free[0].start():  # "The startup counts X among its customers, and ..."
                    return self._lead_noun_owner(sent, lead)
                return self._subject_value(idx, sent, free[0].group(0))
            return self._subject_value(idx, sent, free[-1].group(0))
        lead = _lead_noun_re(self.lang).match(sent.masked)
        if _COMMON_SUBJECT.match(sent.masked):  # "The brewery has also signed ..., and is working with Y"
            owner = self._lead_noun_owner(sent, lead) if lead else self.main
            if owner and owner not in self._orgs_in(sent, sent.masked[len(before):]):
                return owner
        topic = self._topics[idx]  # "Son outil est déployé grâce à des partenariats avec X": the paragraph's topic
        return self._pronoun_subject(idx, before) or self._speaker_org(sent, before) or (
            topic if topic and topic not in self._orgs_in(sent, sent.masked[len(before):]) else self.main)

    def _subject_value(self, idx: int, sent: Sentence, ph: str) -> str:
        """The organisation a subject slot names; an anaphor ("la start-up") is the organisation last described
        with the anaphor's noun ("la start-up X"), else the article's main one."""
        slot = sent.slot(ph)
        owner = self._anaphor_owner(slot) if slot.kind == "A" else None
        return owner[1] if owner and owner[0] < sent.start else str(slot.value)  # not "X, la start-up" itself

    def _speaker_org(self, sent: Sentence, before: str) -> str | None:
        """'"Working with X lets us ...," said P, head of sales at Y': in a quote where the speaker says "we",
        the agreement is the speaker's organisation's (the last one named in the attribution)."""
        masked = sent.masked
        if not re.match(r"\s*[\"«“]", before):
            return None
        close = re.search(r"[\"»”]", masked[len(before):])
        if not close or not re.search(r"\b(?:we|us|our|nous|notre|nos)\b", masked[:len(before) + close.start()],
                                      re.IGNORECASE):
            return None
        attribution = masked[len(before) + close.end():]
        if not re.match(rf"[\s,]*(?:said|says|a déclaré|déclare|explique|a expliqué|souligne|a souligné|"
                        rf"indique|a indiqué|commente|a commenté|ajoute|a ajouté)?\s*{L}P\d+{R}", attribution):
            return None
        orgs = re.findall(rf"{L}O\d+{R}", attribution.split("\"")[0])
        return sent.slot(orgs[-1]).value if orgs else None

    def _pronoun_subject(self, idx: int, before: str) -> str | None:
        """A sentence opening with a subject pronoun ("Elle a noué ...", "It raised ...") continues the subject
        of the previous sentence when that sentence opens on an organisation that is not an investor."""
        # (after a leading participle clause: "Fondée en 2018 par X, elle avait levé ...")
        # (or after a short adverbial: "Depuis janvier, il a signé ...", "Last year, it raised ...")
        if idx == 0 or not re.match(r"\s*(?:(?:fondée?s?|créée?s?|founded|launched|lancée?s?|basée?s?|based)\b"
                                    r"[^,;.]{0,60},\s*|(?!(?:selon|according)\b)[^,;.«»\"" + L + r"]{3,30},\s*)?"
                                    r"(?:elle|il|it|she|he|they)\b", before, re.IGNORECASE):
            return None
        prev = self.sentences[idx - 1]
        noun = re.match(r"\W*(?:Le|La|L'|The)\s*([a-zà-ÿ][a-zà-ÿ\-]+)\s+(?!" + L + r")[a-zà-ÿ]", prev.masked)
        if noun and not prev.placeholders(prev.masked[:noun.end()], "OA"):
            # "Le répartiteur multiplie les alliances. Depuis janvier, il ...": the organisation described with that
            # noun earlier ("X, grossiste-répartiteur basé à ...")
            desc = re.compile(rf"({L}O\d+{R})\s*,\s*(?:une?\s+|an?\s+|the\s+|l[ea]\s+|l')?(?:[\w]+-)?"
                              rf"{re.escape(noun.group(1))}\b", re.IGNORECASE)
            for earlier in reversed(self.sentences[:idx - 1]):
                found = list(desc.finditer(earlier.masked))
                if found:
                    return str(earlier.slot(found[-1].group(1)).value)
            return None
        head = re.match(rf"[^{L}]{{0,60}}?({L}[OA]\d+{R})", prev.masked)
        if not head or head.start(1) in self._backer_subjects(prev.masked) or re.search(
                r"\b(?:de|du|des|d'|à|au|par|pour|of|at|in|by|for|from)\s*(?:la |le |l'|les |the )?$",
                prev.masked[:head.start(1)], re.IGNORECASE):
            return None
        return prev.slot(head.group(1)).value

    # -- funding ----------------------------------------------------------------------------------------------
    def funding(self) -> list[FundingRound]:
        out: list[FundingRound] = []
        trig_rx = lex_re(self.lang, "funding_triggers")
        val_rx = lex_re(self.lang, "valuation_cues")
        lead_rx = lex_re(self.lang, "lead_cues")
        inv_rx = lex_re(self.lang, "investor_cues")
        prep_rx = re.compile(r"(?:\b(?:from|by|with|of|par|avec|auprès d[e']|auprès du|auprès des|de|d'|du|des|chez|dans"
                             r"|in|into|like|comme|including|dont|alongside|aux côtés d[e'])\s*(?:the |la |le |l')?"
                             r"(?:fonds |fund |groupe |group |firm |société |investisseur |investor )?"
                             r"(?:(?:existing |new |current |historical |historiques |existants |nouveaux )?"
                             r"(?:investors|investisseurs|actionnaires|shareholders|backers) )?)$", re.IGNORECASE)
        series_rx = re.compile(r"\b(?:s[ée]ries?|round)\s+([A-H](?:-?\d)?)\b|\b(seed|amorçage|pre-seed)\b",
                               re.IGNORECASE)
        past_rx = lex_re(self.lang, "earlier_round_cues")
        current: list[tuple[int, FundingRound]] = []  # (sentence, round) of rounds announced now, not earlier ones
        for idx, sent in enumerate(self.sentences):
            masked = sent.masked
            if not trig_rx.search(masked):
                self._valuation_after(idx, current)
                continue
            monies = [m for m in _PH.finditer(masked) if m.group(1) == "M"]
            valuation = None
            rounds: list[tuple[re.Match[str], str]] = []
            stakes = self._stakes(sent, monies)
            for mm in monies:
                if mm.start() in stakes:
                    continue
                pre = masked[max(0, mm.start() - 45):mm.start()]
                post = masked[mm.end():mm.end() + 45]
                if val_rx.search(pre) or re.match(r"\s*(?:\w+-money\s+)?(?:valuation|valorisation)\b", post,
                                                  re.IGNORECASE):  # "at a $500m (post-money) valuation"
                    valuation = sent.slot(mm.group(0)).value.amount
                    continue
                if re.search(rf"{L}M\d+{R}\s*\($", masked[:mm.start()]):
                    continue  # "$43 million (£31m)": the same amount in another currency
                if self._not_a_round(masked, mm, pre, post):
                    continue
                raiser = next((r for r, _b, m1 in stakes.values() if m1 == mm.start()), None) \
                    or self._raiser(idx, sent, mm, prep_rx)
                if raiser and self._share_of_recent(idx, sent, mm, raiser, current):
                    continue
                if raiser:
                    rounds.append((mm, raiser))
            if not rounds:
                self._valuation_after(idx, current)
            for mm, raiser in rounds:
                money = sent.slot(mm.group(0)).value
                # the series nearest the amount, not the other amount's ("$20m in a Series A and $45m in a Series B")
                lo = max([max(0, mm.start() - 40), *(m.end() for m in monies if m.end() <= mm.start())])
                hi = min([mm.end() + 40, *(m.start() for m in monies if m.start() > mm.start())])
                after_sm = series_rx.search(masked, mm.end(), hi)
                before_sm = list(series_rx.finditer(masked, lo, mm.start()))
                sm = after_sm or (before_sm[-1] if before_sm else None)
                if not sm:  # "in Series B funding" read as a name
                    for ph in sent.placeholders(masked[max(0, mm.start() - 15):mm.end() + 25], "OL"):
                        sm = series_rx.fullmatch(self.text[sent.slot(ph).start:sent.slot(ph).end]) or sm
                series = None
                if sm:
                    series = f"Series {sm.group(1).upper()}" if sm.group(1) else "Seed"
                # with several amounts, the investors named between this amount and the next one
                bounds = [m.start() for m in monies if not re.search(rf"{L}M\d+{R}\s*\($", masked[:m.start()])]
                later = [b for b in bounds if b > mm.start()]
                span = (0 if mm.start() == bounds[0] else mm.start(), later[0] if later else len(masked))
                investors, leads = self._investors(sent, raiser, lead_rx, inv_rx, span=span)
                if idx + 1 < len(self.sentences) and not self._other_round(idx + 1, money.amount):
                    nxt = self.sentences[idx + 1]
                    if inv_rx.search(nxt.masked) or lead_rx.search(nxt.masked):
                        more, more_leads = self._investors(nxt, raiser, lead_rx, inv_rx, anywhere=True)
                        investors += [i for i in more if i not in investors]
                        leads += [i for i in more_leads if i not in leads]
                backer = next((b for _r, b, m1 in stakes.values() if m1 == mm.start()), None) \
                    or self._backer(sent, mm, raiser)
                if backer and backer not in investors and backer not in leads:
                    investors.append(backer)
                for pos in sorted(self._backer_subjects(masked)):  # "X, the venture arm of Y, led the $5m round"
                    name = str(sent.slot(masked[pos:].split(R, 1)[0] + R).value)
                    if span[0] <= pos < mm.start() and name not in (raiser, *investors, *leads) and not re.search(
                            r"\b(?:of|de|du|des|d'|in|dans|by|par|with|avec|à|au|to)\s*(?:the |la |le |l')?$",
                            masked[:pos], re.IGNORECASE):
                        investors.append(name)
                fund = re.match(r"\W*(?:Le fonds|The fund|L'investisseur|The investor|Le capital-investisseur|The VC firm)"
                                r"(?:\s+[a-zà-ÿ\-]+)?\s+(?:" + lex_re(self.lang, "backer_verbs").pattern + ")", masked)
                if fund and idx > 0:  # "X fait entrer Y à son capital. Le fonds mène une opération de 9 M€": Y
                    prev = self.sentences[idx - 1]
                    for pos in sorted(self._let_in(prev.masked) | self._backer_subjects(prev.masked)):
                        name = str(prev.slot(prev.masked[pos:].split(R, 1)[0] + R).value)
                        if name != raiser and name not in leads:
                            leads.append(name)
                investors = leads + [i for i in investors if i not in leads]
                fr = FundingRound(
                    organisation=raiser, amount=Decimal(money.amount), currency=money.currency,
                    evidence=self._evidence(sent, "funding.trigger", 0.75), series=series,
                    investors=tuple(investors), lead_investors=tuple(leads),
                    valuation=Decimal(valuation) if valuation is not None and len(rounds) == 1 else None,
                    announced_on=self._announced(sent, sent.slot(mm.group(0)).start))
                same = [f for f in out if (f.organisation, f.currency, f.amount) ==
                        (fr.organisation, fr.currency, fr.amount)]
                if same:  # the round restated: what the restatement adds
                    same[0].series = same[0].series or fr.series
                    same[0].valuation = same[0].valuation or fr.valuation
                    same[0].investors += tuple(i for i in fr.investors if i not in same[0].investors)
                    same[0].lead_investors += tuple(i for i in fr.lead_investors if i not in same[0].lead_investors)
                    continue
                out.append(fr)
                if not past_rx.search(masked) and not re.search(r"\b(?:in|en) (?:19|20)\d\d\b", masked):
                    current.append((idx, fr))
        return out

    def _stakes(self, sent: Sentence, monies: list[re.Match[str]]) -> dict[int, tuple[str, str | None, int]]:
        """An investor's share of a larger round: "X a investi 15 M€ dans Y, ..., dans le cadre d'une levée de 42 M€",
        "X invested $5m in Y as part of a $20m Series A". Maps the share's position to (Y, X, the round's position):
        the share is not a round; the round is Y's and X is one of its investors."""
        out: dict[int, tuple[str, str | None, int]] = {}
        masked = sent.masked
        for i, mm in enumerate(monies[:-1]):
            into = _into_re(self.lang).match(masked, mm.end())
            if not into or into.group(1)[1] not in "OA":
                continue
            nxt = monies[i + 1]
            link = re.search(r"\b(?:dans le cadre d(?:e|u|')|au sein d(?:e|u|')|as part of|within)\b",
                             masked[into.end():nxt.start()], re.IGNORECASE)
            if not link or not lex_re(self.lang, "round_cues").search(masked[into.end() + link.end():nxt.end() + 30]):
                continue
            backer = None
            for c in re.finditer(rf"{L}[OA]\d+{R}", masked[:mm.start()]):
                if not re.search(r"\b(?:of|de|du|des|d'|in|dans|by|par|with|avec|à|at)\s*(?:the |la |le |l')?$",
                                 masked[:c.start()], re.IGNORECASE):
                    backer = sent.slot(c.group(0)).value
                    break
            out[mm.start()] = (sent.slot(into.group(1)).value, backer, nxt.start())
        return out

    def _share_of_recent(self, idx: int, sent: Sentence, mm: re.Match[str], raiser: str,
                         current: list[tuple[int, FundingRound]]) -> bool:
        """A part of a round stated just before ("X has secured £1.2m. The round was led by Y, which has put in
        £400,000. The remaining £800,000 came from ..."): a backer's contribution or the rest of a larger round of
        the same raiser in the last three sentences is not a round of its own."""
        amount = sent.slot(mm.group(0)).value.amount
        if not any(idx - i <= 3 and r.organisation == raiser and r.amount > amount for i, r in current if i < idx):
            return False
        return self._share_cue(sent, mm)

    @staticmethod
    def _share_cue(sent: Sentence, mm: re.Match[str]) -> bool:
        """Whether the amount is worded as a part of a round ("which has put in £400,000", "the remaining £800,000",
        "£3m came from X", "a apporté 4 M€")."""
        pre = sent.masked[max(0, mm.start() - 40):mm.start()]
        post = sent.masked[mm.end():mm.end() + 40]
        return bool(re.search(r"\b(?:put(?:s|ting)? in|contribut\w+|committ?\w*|provid\w+|apport\w*|remaining|rest|"
                              r"balance|reste|restants?|solde)\s+(?:(?:the|its|their|le|la|les|son|sa|ses|leurs?|"
                              r"an?|une?|some|about|around|environ|près de|more than|plus de)\s+)*$", pre, re.IGNORECASE)
                    or re.match(r"\s*(?:restants?|came|comes|coming|provient|proviennent|viennent|vient)\b", post,
                                re.IGNORECASE))

    def _other_round(self, idx: int, amount: Any) -> bool:
        """Whether sentence ``idx`` states another amount raised (not a valuation, not money excluded as a round,
        not the same amount restated)."""
        sent = self.sentences[idx]
        val_rx = lex_re(self.lang, "valuation_cues")
        for mm in _PH.finditer(sent.masked):
            if mm.group(1) != "M" or sent.slot(mm.group(0)).value.amount == amount or (
                    sent.slot(mm.group(0)).value.amount < amount and self._share_cue(sent, mm)):
                continue
            pre = sent.masked[max(0, mm.start() - 45):mm.start()]
            if not val_rx.search(pre) and not self._not_a_round(sent.masked, mm, pre, sent.masked[mm.end():mm.end() + 45]):
                return True
        return False

    def _valuation_after(self, idx: int, current: list[tuple[int, FundingRound]]) -> None:
        """A valuation stated in a later sentence of its own ("L'opération valorise la société 200 M€", "The round
        values X at $1bn") belongs to the latest round announced now (not an earlier one) of the last three
        sentences."""
        sent = self.sentences[idx]
        monies = [m for m in _PH.finditer(sent.masked) if m.group(1) == "M"]
        if len(monies) != 1 or not current or idx - current[-1][0] > 3 or current[-1][1].valuation is not None:
            return
        if lex_re(self.lang, "valuation_cues").search(sent.masked[max(0, monies[0].start() - 45):monies[0].start()]) \
                and not lex_re(self.lang, "market_cues").search(sent.masked):
            current[-1][1].valuation = Decimal(sent.slot(monies[0].group(0)).value.amount)

    def _not_a_round(self, masked: str, mm: re.Match[str], pre: str, post: str) -> bool:
        """Money that is not a round: a cumulative total, a loan, a grant, revenue, a fund's size ("a $200m fund"),
        an acquisition price ("le rachat de X, finalisé pour 3 M€"), a market's size ("le marché devrait dépasser
        1 Md$")."""
        lang = self.lang
        into = _into_re(lang).match(post)
        into_org = into and into.group(1)[1] in "OA"
        pre_x = masked[max(0, mm.start() - 80):mm.start()]
        prev_money = list(re.finditer(rf"{L}M\d+{R}", pre_x))
        pre_x = lex_re(lang, "funding_phrases").sub(lambda x: " " * len(x.group()), pre_x)
        excl_rx = lex_re(lang, "funding_exclusions")
        # (not a cue inside an organisation's description that a relative clause closes: "Y, la société
        # d'investissement de Z, qui a apporté 4 M€")
        cues = [x for x in excl_rx.finditer(pre_x) if x.start() >= len(pre_x) - 40
                and not re.search(r",\s*(?:qui|which|that|who)\b", pre_x[x.end():])]
        if re.search(r"\b(?:soit|i\.e\.|that is|or)\s+(?:(?:un total de|a total of|au total|in total|plus de|more than|près de|"
                     r"nearly|some|about|environ)\s+)?$", pre, re.IGNORECASE) and prev_money:
            return True  # "levé 25 M€ en 2022, soit 145 M€ de fonds propres réunis en trois ans": a sum restated
        if prev_money:  # "⟦M0⟧ de chiffre d'affaires, avait levé ⟦M1⟧": a cue right after the previous amount is its own
            cues = [x for x in cues if not re.fullmatch(r"[\w\s']{0,12}", pre_x[prev_money[-1].end():x.start()])]
        if re.search(r"\b(?:prévoi[tent]+|compt(?:e|ent)|cherch(?:e|ent)|souhait(?:e|ent)|envisag(?:e|ent)|ambitionn(?:e|ent)|"
                     r"espèr(?:e|ent)|entend(?:ent)?|projett?(?:e|ent)|vise|visent|s'apprête|s'apprêtent|en discussion pour|"
                     r"en négociation pour)\s+(?:de |d'|à )?(?:\w+\s+)?lever\s+(?:\w+\s+)?$|\b(?:plans?|planning|seeks?|seeking|"
                     r"looking|hopes?|hoping|aims?|aiming|talks|wants?|intends?|expects?|expected|targets?|targeting|"
                     r"preparing|prepares?|set|poised)\s+to\s+raise\s+(?:\w+\s+)?$|\b(?:is|are)\s+seeking\s+(?:\w+\s+)?$",
                     pre, re.IGNORECASE):
            return True  # "prévoit de lever 20 M€", "is in talks to raise $100m": an intention, not money raised
        if re.search(r"(?:\bdont|\bincluding|\bof which|\bparmi lesquels)\s*$", pre, re.IGNORECASE) or re.match(
                r"\s*(?:of the (?:round|raise|funding|investment|total)|du tour|de la levée|de ce montant|de cette somme)\b",
                post, re.IGNORECASE):
            return True  # "a levé 10 M€, dont 4 M€ auprès de X", "$5m of the round came from X": a share of the round
        if re.match(r"\W{0,3}(?:est|sera|sont|seront|a été|is|are|was|were|will be|has been)\s+(?:\w+\s+)?"
                    r"(?:financée?s?|funded|financed|paid for)\b", post, re.IGNORECASE):
            return True  # "L'investissement, de 9 M€, est financé en partie par ...": the cost of a project
        post = re.split(rf"{L}M\d+{R}", post)[0]  # "€4m in equity and a €2m loan": the loan is the next amount's
        if re.match(r"[^.;]{0,40}?\b(?:sous forme d(?:e |')|in the form of )(?:\w+\s+)?(?:prêts?|avances?|dette|subventions?|"
                    r"loans?|debt|grants?)", masked[mm.end():mm.end() + 90], re.IGNORECASE):
            return True  # "un financement de 2 M€ de X sous forme d'avances remboursables"
        if re.match(r"[^.;]{0,25}?\b(?:since|depuis)\s+(?:19|20)\d\d\b|\s*(?:in|dans)\s+(?:more than |over |some |plus de "
                    r"|près de )?\d+\s+(?:[a-zà-ÿ\-]+\s+)?(?:start-?ups?|companies|firms|entreprises|sociétés|projets|"
                    r"projects|deals|opérations)\b", post, re.IGNORECASE):
            return True  # "has invested €500m in 40 startups since 2015": an investor's cumulative total
        raised = re.search(r"\b(?:secure[sd]?|raise[sd]?|rais(?:ing|ed)|attract(?:s|ed)?|land(?:s|ed)|bag(?:s|ged)|"
                           r"receive[sd]?|obtain(?:s|ed)|won|wins|closed?|closes|net(?:s|ted))\s+(?:(?:an?|another|a further|"
                           r"an additional|more than|over|some|about|around|nearly|almost)\s+)*$", pre, re.IGNORECASE)
        for x in [*cues, *(c for c in excl_rx.finditer(post[:30])
                           if not (raised and re.fullmatch(r"(?:of )?investment", c.group(0), re.IGNORECASE)))]:
            # ("has secured £1.2m of investment" is a round, unlike "£50m of investment in its plants")
            if not (into_org and "invest" in x.group(0).lower()):  # "un investissement de 25 M€ dans X" is a round
                return True
        if lexicon(lang)["fund_size_after"] and re.match(
                rf"\s*(?:[^\W\d]+[\s-]+){{0,3}}?(?:{_alternation(lexicon(lang)['fund_size_after'])})\b", post,
                re.IGNORECASE):
            return True  # "a $200 million venture fund"
        if _UNIT_PRICE.match(post):
            return True  # a price per unit: "vendu 180 euros la bouteille", "at $12 a share", "€40 per tonne"
        clause = re.split(r"[;]", masked[max(0, mm.start() - 150):mm.start()])[-1]
        if re.search(r"\b(?:sells?|sold|selling|offload\w*|divest\w*|cède|cèdent|cédé|céder|vend|vendu|vendre)\s+"
                     r"(?:[^\s.;]+\s+){0,4}?(?:stake|participation)", clause, re.IGNORECASE):
            return True  # "sold its 20% stake in X for $500m": a sale between shareholders, not a round
        acqs = list(lex_re(lang, "acquisition_cues").finditer(clause))  # a price, unless a round is named after
        if acqs and not lex_re(lang, "round_cues").search(clause[acqs[-1].end():]):
            return True
        # a market's size: the clause names a market and no round at all
        return bool(lex_re(lang, "market_cues").search(clause) and not lex_re(lang, "round_cues").search(clause))

    def _raiser(self, idx: int, sent: Sentence, mm: re.Match[str], prep_rx: re.Pattern[str]) -> str | None:
        masked = sent.masked
        # "Orka (€25 million)", "Orka's $6 million seed round"
        m = re.search(rf"({L}[OA]\d+{R})\s*(?:\(|['’]s)\s*$", masked[:mm.start()])
        if m:
            return sent.slot(m.group(1)).value
        post = masked[mm.end():mm.end() + 60]
        # "investit 5 M€ dans X", "a $5m investment in X", "une levée de 5 M€ par X" (not "souscrite par X")
        m = _into_re(self.lang).match(post) or re.match(rf"\W{{0,3}}(?:par|by)\s+(?:the |la |le |l')?({L}[OAPL]\d+{R})",
                                                         post)
        # "the $25m round for X", "les 6 M€ levés par X"
        m = m or re.match(rf"[^{L}.;]{{0,12}}?\b(?:round|tour|tour de table|levée|financement|funding|financing|raise|"
                          rf"investment|investissement)\s+(?:for|pour)\s+{_described(self.lang)}({L}[OA]\d+{R})|"
                          rf"\s*(?:levés?|levées?|raised|obtenus?|collectés?|réunis?|secured)\s+(?:par|by)\s+"
                          rf"{_described(self.lang)}({L}[OA]\d+{R})", post, re.IGNORECASE)
        if m and m.lastindex and sent.slot(m.group(m.lastindex)).kind in "OA":
            return sent.slot(m.group(m.lastindex)).value
        if re.search(r"invest", masked[max(0, mm.start() - 40):mm.start()], re.IGNORECASE) and (m or re.match(
                r"\W{0,3}(?:dans|in|into)\s+(?:un|une|le|la|les|l'|des|son|sa|ses|leur|leurs|a|an|the|its|their|new)\b",
                post, re.IGNORECASE)):
            return None  # "X invested $10bn in ⟦L0⟧", "investit 18 M€ dans un nouveau terminal": no raiser named
        if re.search(r"\b(?:invest(?:it|issent|i|ie|is|ira|iront|ir|s|ed|ing)?|inject(?:e|ent|é|s|ed|ing)|pump(?:s|ed|ing)?|"
                     r"pour(?:s|ed|ing)|plough(?:s|ed|ing)?|sinks?|sank|débloque|débloqué)\s+(?:(?:plus de|more than|près de|"
                     r"some|about|around|environ|over|nearly)\s+)?$", masked[max(0, mm.start() - 30):mm.start()],
                     re.IGNORECASE) and not m and not re.search(r"\b(?:into|in|dans|for an?|pour une?)\b", post[:60],
                                                                re.IGNORECASE):
            return None  # "X investit 50 M€ pour moderniser ses usines", "is investing $30m to expand": the spender
        prefix = masked[:mm.start()]
        # "entre au capital de X à hauteur de 7 M€", "buy a 9.9% stake in X for A$85m", "une participation dans X"
        m = re.search(rf"\b(?:stake|participation|capital)\s+(?:[^{L}.;]{{0,20}}?\s)?(?:in|dans|de|d'|du)\s*"
                      rf"{_described(self.lang)}({L}[OA]\d+{R})[^{L}.;]{{0,40}}$", prefix, re.IGNORECASE)
        if m:
            return sent.slot(m.group(1)).value
        other = re.search(rf"{L}[LP]\d+{R}\s+(?:has\s+|had\s+|a\s+|avait\s+)?(?:raised|raises|secured|secures|lève|levé)"
                          rf"\s+(?:an?\s+|une?\s+)?$", prefix, re.IGNORECASE)
        if other and not re.search(rf"\b(?:par|by|de|d'|of|from|with|avec)\b[^,;.{L}]{{0,40}}$", prefix[:other.start()],
                                   re.IGNORECASE):
            return None  # "US rival ⟦L0⟧ raised $100m": a name that is not an organisation raised it (not "founded by")
        backers = self._backer_subjects(masked)
        # "... the seed round of X, which raised $4m": the relative clause's antecedent raised the money
        # (but not "X, qui avait mené un tour de 8 M€": the antecedent led it)
        m = re.search(rf"({L}[OA]\d+{R})\s*,\s*(?:which|that|who|qui|laquelle|lequel)\b[^{L},;.]{{0,50}}$", prefix)
        if m and m.start(1) not in backers:
            return sent.slot(m.group(1)).value
        skip = backers | self._inside_appositions(masked, mm.start()) | self._sources(masked) | self._let_in(masked)
        cands = list(re.finditer(rf"{L}[OA]\d+{R}", prefix))
        for c in reversed(cands):
            if c.start() in skip or (c is not cands[0] and re.search(r"\(\s*$", prefix[:c.start()])):
                continue  # "issue du Centre X de Marseille (CIML), annonce …": a gloss in brackets is no subject
            head = c
            while True:
                prev = re.search(rf"({L}[OA]\d+{R})\s*(?:,|et|and|&|\()\s*$", prefix[:head.start()])
                if not prev:
                    break
                head = re.search(re.escape(prev.group(1)), prefix[:head.start()])  # type: ignore[assignment]
            if prep_rx.search(prefix[:head.start()]):
                continue
            if re.match(rf"\W*{c.group(0)}", masked):  # "La start-up a bouclé ..." opening a round-up's paragraph
                return self._role_org(sent, c.group(0), self._topics[idx])
            return sent.slot(c.group(0)).value
        pronoun = self._pronoun_subject(idx, prefix)  # "It raised $5m in a placement, on which X acted as …"
        if pronoun:
            return pronoun
        rest = re.split(rf"{L}M\d+{R}", masked[mm.end():])[0]  # up to the next amount
        for c in re.finditer(rf"{L}[OA]\d+{R}", rest):
            pos = mm.end() + c.start()
            hpos = pos
            while True:  # "souscrite par X et Y": the list's head decides
                prev = re.search(rf"({L}[OA]\d+{R})\s*(?:,|et|and|&)\s*$", masked[:hpos])
                if not prev:
                    break
                hpos = prev.start(1)
            if pos not in skip and not prep_rx.search(masked[:hpos]) and not lex_re(self.lang, "investor_cues").search(
                    masked[mm.end():hpos]):  # "une opération de 22 M€, à laquelle participent X et Y": investors
                return sent.slot(c.group(0)).value
        # the pronoun subject was tried above; a paragraph opening on an investor ("Le capital-investisseur X, qui
        # mène l'opération, Y et Z apportent ensemble 18 M€") is about the article's company
        for fallback in dict.fromkeys((self._topics[idx], self.main)):
            if fallback is None:
                continue
            for c in re.finditer(rf"{L}O\d+{R}", masked):
                if sent.slot(c.group(0)).value == fallback and (c.start() in backers or re.search(
                        r"\b(?:from|(?:led|co-led|backed) by|(?:mené|menée|emmené|emmenée|souscrite?) par|auprès d[eu']|"
                        r"auprès des|aux côtés d[eu']|alongside|including|dont)\s*"
                        r"(?:the |la |le |l')?$", masked[:c.start()], re.IGNORECASE)):
                    break  # "The Lille-based company raised €8m from X and Y": X, an investor, is no fallback raiser
            else:
                return fallback
        return None

    def _let_in(self, masked: str) -> set[int]:
        """Positions of organisations a company lets into its capital ("X fait entrer Y (et Z) à son capital",
        "X welcomes Y as an investor"): investors, not the raiser."""
        out: set[int] = set()
        for m in _let_in_re(self.lang).finditer(masked):
            if "entrer" in m.group(0).lower() or re.match(r"[^.;]{0,40}\b(?:capital|as (?:an? )?(?:new )?investors?|"
                                                          r"comme (?:nouvel )?actionnaire)", masked[m.end():]):
                out |= {m.start(1) + p.start() for p in _PH.finditer(m.group(1))}
        return out

    def _backer_subjects(self, masked: str) -> set[int]:
        """Positions of organisations that are the subject of an investing verb ("X, qui avait mené ...", "X entre au
        capital", "X, which led ..."): investors, not the raiser (the passive "backed by" does not count)."""
        # (an adverb may split the verb: "X entre par ailleurs au capital", "X has also put in")
        verbs = lex_re(self.lang, "backer_verbs").pattern.replace(
            r"\ ", r"\s+(?:(?:par ailleurs|également|aussi|en outre|elle aussi|lui aussi|also|too|additionally)\s+)?")
        # (also after an apposition: "X, the corporate fund of Y, led the round")
        rx = re.compile(rf"({L}[OA]\d+{R})(?=(?:\s*,\s*(?:qui|which|who|that)|\s*,[^,;.]{{1,60}}?,)?[^{L}.;,]{{0,30}}?"
                        rf"{verbs}(?!\s+(?:by|par)\b))", re.IGNORECASE)
        return {m.start(1) for m in rx.finditer(masked)}

    def _inside_appositions(self, masked: str, before: int, persons: bool = False) -> set[int]:
        """Positions of organisations inside an apposition closed before ``before`` ("X, a Y-based maker of Z
        satellites, said it raised ...", "its CEO X, a former Z engineer, said ...")."""
        out: set[int] = set()
        for m in re.finditer(rf"{L}([OAP])\d+{R}\s*,\s*(?:(?:a|an|the|un|une|le|la)\s|l'|[a-zà-ÿ]|{L}[OA]\d+{R}['’]s\s)"
                             rf"[^,;.]{{0,150}},",
                             masked[:before]):
            # after a person, only a former employer ("P, a former X engineer,"), not "P, CEO of X,"
            if m.group(1) == "P" and not (persons and self._former(m.group(0))):
                continue
            out |= {m.start() + 1 + p.start() for p in re.finditer(rf"{L}[OA]\d+{R}", masked[m.start() + 1:m.end()])}
        return out

    def _sources(self, masked: str) -> set[int]:
        """Positions of organisations named as a source ("selon Bloomberg", "the company told TechCrunch")."""
        rx = re.compile(rf"{lex_re(self.lang, 'source_cues').pattern}\s*(?:the |la |le |l'|les |des |du |de |d')?"
                        rf"(?:[a-zà-ÿ\-]+\s+){{0,2}}?({L}[OA]\d+{R})", re.IGNORECASE)
        return {m.start(1) for m in rx.finditer(masked)}

    def _backer(self, sent: Sentence, mm: re.Match[str], raiser: str) -> str | None:
        """'A invested in the seed round of B, which raised $4m': the subject of the investing verb is an investor
        of the round B raised."""
        prefix = sent.masked[:mm.start()]
        # "X a annoncé un investissement de 25 M€ dans Y": the subject invested in the round of Y
        into = _into_re(self.lang).match(sent.masked[mm.end():])
        if into and into.group(1)[1] in "OA" and lex_re(self.lang, "round_cues").search(
                prefix[-40:] + sent.masked[mm.end():mm.end() + into.start(1)]):
            for c in re.finditer(rf"{L}[OA]\d+{R}", prefix):
                if not re.search(r"\b(?:of|de|du|des|d'|in|dans|by|par|with|avec|and|et)\s*$", prefix[:c.start()],
                                 re.IGNORECASE) and sent.slot(c.group(0)).value != raiser:
                    return sent.slot(c.group(0)).value
        tail = re.compile(rf"[^.;]{{0,120}}?{lex_re(self.lang, 'invested_in_cues').pattern}(?:(?!{L})[^.;]){{0,40}}?"
                          rf"({L}[OA]\d+{R})", re.IGNORECASE)
        for c in re.finditer(rf"{L}[OA]\d+{R}", prefix):
            # the subject: not an organisation after a preposition or in a list ("the Series A of X and ...")
            if re.search(r"\b(?:of|de|du|des|d'|in|dans|by|par|with|avec|and|et|the|la|le|l')\s*$", prefix[:c.start()],
                         re.IGNORECASE):
                continue
            m = tail.match(prefix, c.end())
            if m and sent.slot(m.group(1)).value == raiser and sent.slot(c.group(0)).value != raiser:
                return sent.slot(c.group(0)).value
        return None

    def _investors(self, sent: Sentence, raiser: str, lead_rx: re.Pattern[str], inv_rx: re.Pattern[str],
                   anywhere: bool = False, span: tuple[int, int] | None = None) -> tuple[list[str], list[str]]:
        masked = sent.masked if span is None else sent.masked[span[0]:span[1]]
        investors: list[str] = []
        leads: list[str] = []
        lead = lead_rx.search(masked)
        if lead:
            lst = re.match(r"\s*(?:(?:the |le |la |l')?(?:\w+\s+){0,2}?)?" + _expand("{ORGS}", self.lang),
                           masked[lead.end():])
            if lst:
                leads = [n for n in self._orgs_in(sent, lst.group(0)) if n != raiser]
        cue = inv_rx.search(masked)
        if cue or anywhere:
            start = cue.start() if cue and not anywhere else 0
            sources = {sent.masked[p:].split(R, 1)[0] + R for p in self._sources(sent.masked)}
            # not the parent named in an investor's apposition ("Y, bras financier de la Z, apportent ...")
            apps = self._inside_appositions(sent.masked, len(sent.masked))
            parents = {sent.masked[p:].split(R, 1)[0] + R for p in apps if re.search(
                r"\b(?:de|du|des|d'|of)\s*(?:the |la |le |l')?$", sent.masked[:p], re.IGNORECASE)}
            for ph in sent.placeholders(masked[start:], "OAP"):
                name = sent.slot(ph).value
                if name != raiser and name not in investors and sent.slot(ph).kind != "A" and ph not in sources \
                        and ph not in parents:
                    investors.append(name)
        return investors, leads


def read_facts(reader: FactReader) -> list[Any]:
    """All facts of the article, duplicates (same kind and key) removed: the first evidence is kept, except for
    an office stated more specifically later (a higher confidence)."""
    facts: list[Any] = []
    seen: dict[tuple[Any, ...], int] = {}
    for fact in [*reader.offices(), *reader.roles(), *reader.partnerships(), *reader.funding()]:
        if isinstance(fact, Office):
            key: tuple[Any, ...] = ("O", fact.organisation, fact.place.geonames_id or fact.place.name)
        elif isinstance(fact, Role):
            if fact.person == fact.organisation:
                continue
            key = ("R", fact.person, fact.organisation, fact.title)
        elif isinstance(fact, Partnership):
            if len(set(fact.partners)) < 2:
                continue
            key = ("P", tuple(sorted(set(fact.partners))))
        elif isinstance(fact, FundingRound):
            key = ("F", fact.organisation, fact.currency, fact.amount)
        else:
            continue
        if key in seen:
            kept = facts[seen[key]]
            if isinstance(fact, Office) and fact.evidence.confidence > kept.evidence.confidence:
                fact.start_date = fact.start_date or kept.start_date
                facts[seen[key]] = fact  # the more specific statement of the same office wins
            elif isinstance(fact, Office) and kept.start_date is None:
                kept.start_date = fact.start_date
            continue
        seen[key] = len(facts)
        facts.append(fact)
    return facts
