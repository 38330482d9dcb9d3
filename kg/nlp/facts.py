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
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from kg.lang import lexicon, patterns
from kg.model import Evidence, FundingRound, Office, Partnership, Place, Role
from kg.nlp.entities import EntityLayer, _alternation
from kg.normalize.dates import find_dates
from kg.normalize.money import find_money
from kg.normalize.places import demonym_place, is_region
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


@lru_cache(maxsize=4)
def _partner_list_re(lang: str) -> re.Pattern[str]:
    """What follows a partnership trigger: "(de collaboration) avec B et la société suisse C": a list of
    organisations, each possibly introduced by a determiner, a cue noun and up to two adjectives."""
    cue = _alternation(lexicon(lang)["org_cue_nouns"])
    item = (rf"(?:(?:la |le |l'|les |the |an? )?(?:{cue})s?(?:\s+[a-zà-ÿ\-]+){{0,2}}?\s+)?"
            + _expand("{ORG}", lang))
    sep = r"(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:et|and|&|ainsi que|as well as)\s+)"
    return re.compile(rf"\s*(?:\w+\s+){{0,4}}?(?:avec|with|between|entre|de|d')\s*(?:la |le |l'|les |the )?"
                      rf"(?:[a-zà-ÿ\-]+\s+){{0,2}}?(?:(?:{cue})s?\s*)?(?P<orgs>{item}(?:{sep}{item})*)", re.IGNORECASE)


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


_ANAPHOR_DET = re.compile(r"^(?:la|le|l'|l’|sa|son|notre|du|de la|de l'|the|our)\s*", re.IGNORECASE)


def _anaphor_noun(written: str, lang: str) -> str:
    """The company noun of an anaphor: "la fintech" -> "fintech", "the company's" -> "company"."""
    return _ANAPHOR_DET.sub("", written.strip()).removesuffix("'s").removesuffix("’s").lower()


@lru_cache(maxsize=4)
def _anaphor_nouns(lang: str) -> frozenset[str]:
    return frozenset(n for n in (_anaphor_noun(a, lang) for a in lexicon(lang)["anaphora"]) if n)


@lru_cache(maxsize=4)
def _quote_re(lang: str) -> re.Pattern[str]:
    """A speech verb just before a speaker ("a précisé son directeur général, X") or just after ("X said")."""
    return re.compile(rf"(?:^\s*,?\s*(?:{_alternation(lexicon(lang)['quote_verbs'])})\b|"
                      rf"\b(?:{_alternation(lexicon(lang)['quote_verbs'])})\b[^{L},.;]{{0,40}},?\s*$)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _lead_noun_re(lang: str) -> re.Pattern[str]:
    """A sentence opened by a company noun with its adjectives: "The cybersecurity startup, which …"."""
    nouns = "|".join(re.escape(n) for n in sorted(_anaphor_nouns(lang), key=len, reverse=True))
    det = r"(?:The|La|Le|L'|L’|Cette|Ce|This)\s*"
    return re.compile(rf"^\W*{det}(?:[a-zà-ÿ][\w\-]*\s+){{0,2}}({nouns})\b(?!\s*{L}|\s+[A-ZÀ-Ý])")


_CLAUSE_BREAK = re.compile(r",\s+(?:and|et|but|mais|while|alors que)\s+|;\s+|\s+[—–]\s+|\s(?:et|and)\s+(?=(?:a|has|have|ont|a également|has also)\s)")
_LEAD_SUBJECT = re.compile(rf"^(?![\s\"«“]*[\"«“])\W*(?:(?:[^,{L}.]|{L}[LP]\d+{R}){{0,60}},\s*)?"
                           rf"(?:(?:La|Le|L'|Les|The)\s*[a-zà-ÿ\-]+(?:\s+[a-zà-ÿ\-]+)?\s+)?"
                           rf"({L}O\d+{R})(?!\s*,\s*{L}|\s+(?:et|and|&)\s)")
_PRONOUN_START = re.compile(r"^\W*(?:Elle|Il|Elles|Ils|It|They)\b")
_GOVERNED = re.compile(r"\b(?:de|du|des|d'|par|auprès de|avec|from|by|with|of)\s*(?:la |le |l'|les |the )?$")
_APPOSED = re.compile(rf"({L}O\d+{R})\s*,\s*(?:the|an?|la|le|l'|une?)\s*$")
_LEAD_ANAPHOR = re.compile(rf"^\W*({L}A\d+{R})")


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
        self.sentences = [self._mask(s, e) for s, e in sentences]

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
            spans.append((start + s, start + e, "M", money))
        if self.main:
            for am in lex_re(self.lang, "anaphora").finditer(sent.text):
                after = sent.text[am.end():am.end() + 40]
                if re.match(r"\s[A-ZÀ-Ý]", after) and start + am.end() + 1 not in self._person_starts:
                    continue  # "la société Vextra": the name follows (not "l'entreprise Jeanne X", a person)
                adj = re.match(r"\s+(?:[a-zà-ÿ'\-]+\s+){1,2}", after)  # "la biotech lyonnaise Seralune"
                if adj and start + am.end() + adj.end() in self._org_starts:
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
            if not names_main and first and first[0][1] == "O" and lead.index(first[0]) <= 90 \
                    and not re.search(r"[«\"“]", lead[:lead.index(first[0])]):
                topic = group[0].slot(first[0]).value
            by_para[para[i]] = topic
        return [by_para[p] for p in para]

    def _role_org(self, sent: Sentence, ph: str, topic: str | None) -> str:
        """An organisation slot of a role; an anaphor ("la société") is the paragraph's topic."""
        slot = sent.slot(ph)
        return topic if slot.kind == "A" and topic else str(slot.value)

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

    def roles(self) -> list[Role]:
        out: list[Role] = []
        topics = self._topics
        for idx in range(len(self.sentences)):
            sent = self._latter(idx)
            if L + "P" not in sent.masked:
                continue
            topic = topics[idx]
            default = topic or self.main
            for pat, rx in _patterns_for(self.lang, "Role", sent.masked):
                for m in rx.finditer(sent.masked):
                    gd = m.groupdict()
                    if gd.get("former") or self._former(sent.masked[max(0, m.start("title") - 12):m.end("title")]
                                                        if gd.get("title") else "") \
                            or self._former_after(sent.masked, m.end()):
                        continue
                    persons = sent.placeholders(gd.get("per") or gd.get("pers") or "", "P")
                    orgs = sent.placeholders(gd.get("org") or gd.get("orgs") or "", "OA")
                    org_names = [self._role_org(sent, o, topic) for o in orgs]
                    if not org_names and _PLACE_AS_ORG.match(sent.masked, m.end()):
                        continue  # "rejoindra le conseil de X" with X read as a place: the organisation is unknown
                    if not org_names:
                        head = sent.masked[:m.start()]
                        before = [] if pat.get("org") == "topic" else [
                            ph for ph in sent.placeholders(head, "OA") if not _ADDRESSEE.search(head[:head.index(ph)])]
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
                    for p in persons:
                        for o in org_names:
                            out.append(Role(person=sent.slot(p).value, organisation=o, title=title,
                                            title_as_written=title_written, based_at=based,
                                            evidence=self._evidence(sent, pat["id"], pat.get("confidence", 0.8))))
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
        nouns = _anaphor_nouns(self.lang)
        if not nouns:
            return []
        alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        det = r"(?:une?|la|le|l'|cette|ce)\s*" if self.lang == "fr" else r"(?:an?|the|this)\s+"
        after = re.compile(rf"({L}O\d+{R})\s*,\s*{det}(?:[\w\-]+\s+){{0,3}}?({alt})\b", re.IGNORECASE)
        before = re.compile(rf"(?<![\w\-])({alt})(?:\s+[a-zà-ÿ][\w\-]*){{0,2}}?\s+({L}O\d+{R})", re.IGNORECASE)
        appos = re.compile(rf"({L}O\d+{R})\s*,\s*({L}A\d+{R})")  # "X, la coopérative audoise": the anaphor is X
        out: list[tuple[int, str, str]] = []
        for sent in self.sentences:
            for m in appos.finditer(sent.masked):
                slot = sent.slot(m.group(1))
                noun = _anaphor_noun(self.text[sent.slot(m.group(2)).start:sent.slot(m.group(2)).end], self.lang)
                out.append((slot.start, noun, str(slot.value)))
            for m in after.finditer(sent.masked):
                slot = sent.slot(m.group(1))
                out.append((slot.start, m.group(2).lower(), str(slot.value)))
            for m in before.finditer(sent.masked):
                slot = sent.slot(m.group(2))
                out.append((slot.start, m.group(1).lower(), str(slot.value)))
        out.sort()
        return out

    def _anaphor_owner(self, slot: Slot) -> tuple[int, str] | None:
        """The organisation last described with the anaphor's noun before it, with the offset of that description."""
        noun = _anaphor_noun(self.text[slot.start:slot.end], self.lang)
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
        nouns = [t for t in triggers if t.end() <= pos and pos - t.end() < 30]
        if not nouns:
            return None
        t = nouns[-1]
        masked = sent.masked
        if not re.fullmatch(r"\s+(?:in|at|à|au|en)\s*(?:la |le |l')?", masked[t.end():pos]) and not (
                re.match(r"\s+(?:de|d'|du|des)\s*", masked[t.end():pos])):
            return None
        poss = re.search(rf"({L}O\d+{R})['’]s?\s+(?:[a-z\-]+\s+){{0,2}}$", masked[:t.start()])
        if poss:
            return str(sent.slot(poss.group(1)).value)
        de = re.match(rf"\s+(?:de|d'|du|des)\s*({L}O\d+{R})\s+(?:à|au|en|in|at)\s*(?:la |le |l')?$", masked[t.end():pos])
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

    def offices(self) -> list[Office]:
        out: list[Office] = []
        trig = re.compile(lex_re(self.lang, "office_nouns").pattern + "|" + lex_re(self.lang, "office_verbs").pattern,
                          re.IGNORECASE)
        noun_rx = lex_re(self.lang, "office_nouns")
        loc_prep = re.compile(r"(?:\b(?:à|au|aux|in|at|de|d'|du)\s*(?:la |le |l')?)$", re.IGNORECASE)
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
                        names = [owner[1] if owner else self.main]
                    appos = _APPOSED.search(masked, 0, m.start())
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
            triggers = list(trig.finditer(masked))
            if not triggers:
                continue
            first_trigger = triggers[0].start()
            lead_noun = _lead_noun_re(self.lang).match(masked[:first_trigger])
            before_orgs = sent.placeholders(masked[:first_trigger], "OA")
            after_orgs = sent.placeholders(masked[first_trigger:], "OA")
            confidence = 0.7
            if before_orgs:
                org = sent.slot(before_orgs[-1]).value
                ph = before_orgs[-1]
                owner = self._anaphor_owner(sent.slot(ph)) if ph[1] == "A" else None
                if owner:
                    org = owner[1]  # "X, une fintech …" then "La fintech … un bureau à Y": X
                elif prev_subject and ph[1] == "A" and not lead:
                    org = prev_subject  # "L'entreprise ouvrira un bureau à X" after "Y lève …": Y, not the main one
                elif (prev_subject and _PRONOUN_START.match(masked)
                      and _GOVERNED.search(masked[:masked.index(ph)])):
                    org = prev_subject  # "Elle complète par un prêt de Z et prévoit une usine à X": not Z
            elif prev_subject and _PRONOUN_START.match(masked):
                org = prev_subject  # "Elle prévoit d'ouvrir un bureau à X, a précisé son directeur, P"
            elif lead_noun and self._lead_noun_owner(sent, lead_noun):
                org = self._lead_noun_owner(sent, lead_noun)  # "The cybersecurity startup, which has offices in X"
            elif after_orgs:
                org = sent.slot(after_orgs[0]).value
            elif self.main and (not self._actors(sent)
                                or (self.lang == "en" and re.search(r"\bits\b", masked[:first_trigger + 60]))):
                # no organisation named: the article's subject ("its design centre in X", even with "X said")
                org, confidence = self.main, 0.55
            else:
                continue
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
                if not ok or re.search(r"(?:près d'|près de|near|around|outside|hors de)\s*$", prefix, re.IGNORECASE):
                    continue
                # an office noun names the site next to its city ("la raffinerie de X à Y"); a verb reaches further
                near = [t for t in triggers if (abs(t.start() - pm.start()) < 140 if noun_rx.fullmatch(t.group()) is None
                                                else -40 < pm.start() - t.start() < 80)]
                if not near:
                    continue
                # a city in a long list is a weaker statement than one named alone ("son bureau de X d'ici ...")
                specific = confidence - (0.1 if n_cities >= 3 else 0.0)
                slot = sent.slot(pm.group(0))
                status = self._status(sent, pm.start())
                out.append(Office(self._site_owner(sent, triggers, pm.start()) or org, place, status,  # type: ignore[arg-type]
                                  self._evidence(sent, "office.trigger", round(specific, 2)),
                                  start_date=self._date_after(sent, slot.end)))
        return out

    # -- partnerships ---------------------------------------------------------------------------------------
    def partnerships(self) -> list[Partnership]:
        out: list[Partnership] = []
        trig_rx = lex_re(self.lang, "partnership_triggers")
        excl_rx = lex_re(self.lang, "partnership_exclusions")
        for sent in self.sentences:
            masked = sent.masked
            t = trig_rx.search(masked)
            if not t or excl_rx.search(masked):
                continue
            after = masked[t.end():]
            with_m = _partner_list_re(self.lang).match(after)
            ev = self._evidence(sent, "partnership.trigger", 0.7)
            when = self._announced(sent, sent.raw_offset(t.start()))
            if with_m:
                partners = self._orgs_in(sent, with_m.group("orgs"))
                before = masked[:t.start()]
                possessive = re.search(r"\b(?:son|sa|ses|leur|leurs|notre|nos|its|their|our)\s+(?:\w+\s+)?$",
                                       before, re.IGNORECASE)
                subj_cands = self._orgs_in(sent, before)
                subject = self.main if possessive or not subj_cands else subj_cands[-1]
                if subject is None:
                    continue
                partners = [p for p in partners if p != subject]
                plural = t.group(0).lower().endswith("s") and not t.group(0).lower().endswith("ss")
                if len(partners) == 1 or plural or len(partners) >= 3:
                    for p in partners:
                        out.append(Partnership((subject, p), ev, announced_on=when))
                elif partners:
                    out.append(Partnership(tuple([subject, *partners]), ev, announced_on=when))
                continue
            orgs = self._orgs_in(sent, masked)
            named = [o for o in orgs]
            if len(named) == 2:
                out.append(Partnership(tuple(named), ev, announced_on=when))
        return out

    # -- funding ----------------------------------------------------------------------------------------------
    def funding(self) -> list[FundingRound]:
        out: list[FundingRound] = []
        trig_rx = lex_re(self.lang, "funding_triggers")
        excl_rx = lex_re(self.lang, "funding_exclusions")
        phrase_rx = lex_re(self.lang, "funding_phrases")
        val_rx = lex_re(self.lang, "valuation_cues")
        lead_rx = lex_re(self.lang, "lead_cues")
        inv_rx = lex_re(self.lang, "investor_cues")
        prep_rx = re.compile(r"(?:\b(?:from|by|with|of|par|avec|auprès d[e']|de|d'|chez|dans|in|into|like|comme"
                             r"|including|dont|alongside|aux côtés d[e'])\s*(?:the |la |le |l')?)$", re.IGNORECASE)
        series_rx = re.compile(r"\b(?:s[ée]ries?|round)\s+([A-H](?:-?\d)?)\b|\b(seed|amorçage|pre-seed)\b",
                               re.IGNORECASE)
        for idx, sent in enumerate(self.sentences):
            masked = sent.masked
            if not trig_rx.search(masked):
                continue
            monies = [m for m in _PH.finditer(masked) if m.group(1) == "M"]
            valuation = None
            rounds: list[tuple[re.Match[str], str]] = []
            for mm in monies:
                pre = masked[max(0, mm.start() - 45):mm.start()]
                post = masked[mm.end():mm.end() + 45]
                if val_rx.search(pre):
                    valuation = sent.slot(mm.group(0)).value.amount
                    continue
                if re.search(rf"{L}M\d+{R}\s*\($", masked[:mm.start()]):
                    continue  # "$43 million (£31m)": the same amount in another currency
                pre_x = phrase_rx.sub(lambda x: " " * len(x.group()), pre)
                if excl_rx.search(pre_x[-40:]) or excl_rx.search(post[:30]):
                    continue
                raiser = self._raiser(sent, mm, prep_rx)
                if raiser:
                    rounds.append((mm, raiser))
            for mm, raiser in rounds:
                money = sent.slot(mm.group(0)).value
                window = masked[max(0, mm.start() - 40):mm.end() + 40]
                sm = series_rx.search(window)
                series = None
                if sm:
                    series = f"Series {sm.group(1).upper()}" if sm.group(1) else "Seed"
                investors, leads = self._investors(sent, raiser, lead_rx, inv_rx)
                if idx + 1 < len(self.sentences) and not any(p[1] == "M" for p in
                                                             _PH.findall(self.sentences[idx + 1].masked)):
                    nxt = self.sentences[idx + 1]
                    if inv_rx.search(nxt.masked) or lead_rx.search(nxt.masked):
                        more, more_leads = self._investors(nxt, raiser, lead_rx, inv_rx, anywhere=True)
                        investors += [i for i in more if i not in investors]
                        leads += [i for i in more_leads if i not in leads]
                backer = self._backer(sent, mm, raiser)
                if backer and backer not in investors and backer not in leads:
                    investors.append(backer)
                investors = leads + [i for i in investors if i not in leads]
                out.append(FundingRound(
                    organisation=raiser, amount=Decimal(money.amount), currency=money.currency,
                    evidence=self._evidence(sent, "funding.trigger", 0.75), series=series,
                    investors=tuple(investors), lead_investors=tuple(leads),
                    valuation=Decimal(valuation) if valuation is not None and len(rounds) == 1 else None,
                    announced_on=self._announced(sent, sent.slot(mm.group(0)).start)))
        return out

    def _raiser(self, sent: Sentence, mm: re.Match[str], prep_rx: re.Pattern[str]) -> str | None:
        masked = sent.masked
        # "Orka (€25 million)"
        m = re.search(rf"({L}[OA]\d+{R})\s*\($", masked[:mm.start()])
        if m:
            return sent.slot(m.group(1)).value
        post = masked[mm.end():mm.end() + 60]
        m = re.match(rf"[^{L}.;]{{0,12}}?\b(?:dans|in|into|par|by)\s+(?:the |la |le |l')?({L}[OA]\d+{R})", post)
        if m:
            return sent.slot(m.group(1)).value
        prefix = masked[:mm.start()]
        # "... the seed round of X, which raised $4m": the relative clause's antecedent raised the money
        m = re.search(rf"({L}[OA]\d+{R})\s*,\s*(?:which|that|who|qui|laquelle|lequel)\b[^{L},;.]{{0,50}}$", prefix)
        if m:
            return sent.slot(m.group(1)).value
        cands = list(re.finditer(rf"{L}[OA]\d+{R}", prefix))
        for c in reversed(cands):
            head = c
            while True:
                prev = re.search(rf"({L}[OA]\d+{R})\s*(?:,|et|and|&)\s*$", prefix[:head.start()])
                if not prev:
                    break
                head = re.search(re.escape(prev.group(1)), prefix[:head.start()])  # type: ignore[assignment]
            if prep_rx.search(prefix[:head.start()]):
                continue
            return sent.slot(c.group(0)).value
        after = [p for p in sent.placeholders(masked[mm.end():], "OA")]
        for ph in after:
            pos = masked.index(ph)
            if not prep_rx.search(masked[:pos]):
                return sent.slot(ph).value
        return self.main

    def _backer(self, sent: Sentence, mm: re.Match[str], raiser: str) -> str | None:
        """'A invested in the seed round of B, which raised $4m': the subject of the investing verb is an investor
        of the round B raised."""
        prefix = sent.masked[:mm.start()]
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
                   anywhere: bool = False) -> tuple[list[str], list[str]]:
        masked = sent.masked
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
            for ph in sent.placeholders(masked[start:], "OAP"):
                name = sent.slot(ph).value
                if name != raiser and name not in investors and sent.slot(ph).kind != "A":
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
