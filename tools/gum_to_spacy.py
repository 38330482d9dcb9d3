"""Convert the GUM CoNLL-U files (CC-BY genres) to spaCy DocBin training files.

Usage::

    python tools/gum_to_spacy.py GUM_DIR OUT_DIR [--synthetic N] [--seed S]

Writes ``OUT_DIR/train.spacy``, ``OUT_DIR/dev.spacy`` and ``OUT_DIR/test.spacy`` following GUM's own document
split (``split.{train,dev,test}.txt``; only documents present in GUM_DIR are used, and documents present but listed
in no split file go to train). Each output Doc holds up to ten consecutive sentences of one document with the
gold tokens, spaces, UPOS, XPOS (``tag_``), morphology, lemmas, basic UD dependencies and sentence boundaries.

Named-entity rule (the labels are ``ORG``, ``PERSON`` and ``LOC``):

1. Only GUM mentions of type ``organization`` (ORG), ``person`` (PERSON) and ``place`` (LOC) are considered.
2. The mention's head is the first token of the span whose syntactic head lies outside the span. The mention is
   *named* only if that head is ``PROPN``; nominal mentions ("the company", "a Swiss mathematician") and pronouns
   are never labelled.
3. The entity span is the maximal run of tokens around the head, inside the mention, made of ``PROPN`` and ``NUM``
   tokens, joined by the connectors in :data:`CONNECTORS` ("of", "&", "-", "the" after "of", ...) only when a
   ``PROPN`` follows them inside the run. So "Microsoft's new office in Paris" yields nothing for the office mention
   and "the University of Toronto" yields "University of Toronto"; relative clauses and appositions are cut off.
4. For PERSON spans, leading titles (:data:`TITLES`: "Mr.", "President", "Dr.", ...) are dropped, as in OntoNotes;
   a person mention headed by a title ("the Mayor") is not named, and only particles (:data:`PERSON_CONNECTORS`:
   "de", "van", ...) may join person names ("Shiu Ka-chun of the Social Welfare ..." stops before "of").
5. Overlapping spans are resolved longest first (``spacy.util.filter_spans``); on equal length the outer mention wins.

Mentions spanning a sentence boundary are ignored. Multiword-token range lines (``7-8 Bernoulli's``) are skipped;
their ``SpaceAfter`` applies to the last word of the range. Empty nodes (``8.1``) are skipped.

With ``--synthetic N`` the training file also receives N template sentences from :mod:`tools.synthetic_en`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

LABELS = {"organization": "ORG", "person": "PERSON", "place": "LOC"}
CONNECTORS = frozenset({"of", "&", "-", "de", "du", "des", "la", "le", "von", "van", "der", "den", "del", "for", "and"})
_TITLE_WORDS = (
    "mr mrs ms miss dr prof professor president senator sen rep governor gov mayor king queen prince princess pope"
    " rev reverend general gen captain capt chancellor minister sir dame lord lady judge justice emperor empress"
    " chairman ceo director secretary premier lt col colonel sergeant sgt officer coach brother sister father"
    " uncle aunt"
)
TITLES = frozenset(_TITLE_WORDS.split())
PERSON_CONNECTORS = frozenset({"-", "de", "du", "la", "le", "von", "van", "der", "den", "del", "da", "di"})
SENTS_PER_DOC = 10
_ENTITY_RE = re.compile(r"\((\d+)-([a-z]+)[^()]*|(\d+)?\)")


@dataclass
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # index in the sentence, -1 for the root
    deprel: str
    space_after: bool
    entity: str


@dataclass
class Mention:
    """A GUM entity mention: inclusive word indices within one sentence."""

    start: int
    end: int
    etype: str
    order: int


@dataclass
class Sentence:
    """A parsed sentence and the mentions closed inside it."""

    words: list[Word] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def _misc_get(misc: str, key: str) -> str:
    """Return the value of ``key`` in a CoNLL-U MISC column ('' if absent)."""
    for item in misc.split("|"):
        if item.startswith(key + "="):
            return item[len(key) + 1 :]
    return ""


def read_conllu(path: Path) -> list[Sentence]:
    """Read one GUM document: words, spaces and entity mentions per sentence."""
    sentences: list[Sentence] = []
    words: list[Word] = []
    range_end = 0
    range_space = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(Sentence(words))
                words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"{path}: malformed line {line[:60]!r}")
        wid = cols[0]
        if "-" in wid:
            range_end = int(wid.split("-")[1])
            range_space = "SpaceAfter=No" not in cols[9]
            continue
        if "." in wid:
            continue
        idx = int(wid)
        space = "SpaceAfter=No" not in cols[9]
        if idx <= range_end:
            space = range_space and idx == range_end
        words.append(
            Word(
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                xpos=cols[4],
                feats="" if cols[5] == "_" else cols[5],
                head=int(cols[6]) - 1,
                deprel=cols[7],
                space_after=space,
                entity=_misc_get(cols[9], "Entity"),
            )
        )
        if idx > range_end:
            range_end = 0
    if words:
        sentences.append(Sentence(words))
    _attach_mentions(sentences)
    return sentences


def _attach_mentions(sentences: list[Sentence]) -> None:
    """Parse the bracketed ``Entity`` annotations of a document into per-sentence mentions."""
    open_by_id: dict[str, list[tuple[int, int, str, int]]] = {}
    order = 0
    for s_idx, sent in enumerate(sentences):
        for w_idx, word in enumerate(sent.words):
            last_opened: str | None = None
            for match in _ENTITY_RE.finditer(word.entity):
                open_id, etype, close_id = match.groups()
                if open_id is not None:
                    open_by_id.setdefault(open_id, []).append((s_idx, w_idx, etype, order))
                    order += 1
                    last_opened = open_id
                    continue
                key = close_id if close_id is not None else last_opened
                stack = open_by_id.get(key or "")
                if not stack:
                    continue
                start_s, start_w, etype_open, m_order = stack.pop()
                if start_s == s_idx:
                    sent.mentions.append(Mention(start_w, w_idx, etype_open, m_order))
                if close_id is None:
                    last_opened = None


def _mention_head(words: list[Word], mention: Mention) -> int:
    """Index of the first word of the mention whose head lies outside it."""
    for i in range(mention.start, mention.end + 1):
        if not mention.start <= words[i].head <= mention.end:
            return i
    return mention.start


def named_span(words: list[Word], mention: Mention) -> tuple[int, int, str] | None:
    """Return the (start, end exclusive, label) of the named part of a mention, or None if it is not named."""
    label = LABELS.get(mention.etype)
    if label is None:
        return None
    head = _mention_head(words, mention)
    if words[head].upos != "PROPN" or (label == "PERSON" and words[head].form.lower().rstrip(".") in TITLES):
        return None
    connectors = PERSON_CONNECTORS if label == "PERSON" else CONNECTORS

    def is_name(i: int) -> bool:
        return words[i].upos in ("PROPN", "NUM")

    start = head
    i = head - 1
    while i >= mention.start:
        if is_name(i):
            start = i
        elif words[i].form.lower() in connectors or (
            words[i].form.lower() == "the" and i > mention.start and words[i - 1].form.lower() == "of"
        ):
            pass
        else:
            break
        i -= 1
    end = head
    i = head + 1
    while i <= mention.end:
        if is_name(i):
            end = i
        elif words[i].form.lower() in connectors or (
            words[i].form.lower() == "the" and words[i - 1].form.lower() == "of"
        ):
            pass
        else:
            break
        i += 1
    if label == "PERSON":
        while start < end and words[start].form.lower().rstrip(".") in TITLES:
            start += 1
    while start < end and words[start].upos == "NUM":
        start += 1
    if words[start].upos != "PROPN":
        return None
    return start, end + 1, label


def _conj_split(span: tuple[int, int, str], starts: set[int], words: list[Word]) -> list[tuple[int, int, str]]:
    """Split a span at an 'and' followed by the start of another mention ("Microsoft and Google" is a group
    mention whose conjuncts are mentions of their own; "Procter and Gamble" is one name)."""
    start, end, label = span
    for i in range(start + 1, end - 1):
        if words[i].form.lower() == "and" and i + 1 in starts:
            return [(start, i, label), *_conj_split((i + 1, end, label), starts, words)]
    return [span]


def sentence_entities(sent: Sentence) -> list[tuple[int, int, str]]:
    """Named entity spans (start, end exclusive, label) of a sentence, non-overlapping, in order."""
    candidates: list[tuple[int, int, str, int]] = []
    starts = {m.start for m in sent.mentions}
    for mention in sent.mentions:
        span = named_span(sent.words, mention)
        if span is None:
            continue
        for part in _conj_split(span, starts, sent.words):
            if sent.words[part[1] - 1].upos in ("PROPN", "NUM") and part[0] < part[1]:
                candidates.append((*part, mention.order))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[3]))
    taken: set[int] = set()
    kept: list[tuple[int, int, str]] = []
    for start, end, label, _ in candidates:
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end, label))
            taken.update(range(start, end))
    return sorted(kept)


def sentences_to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    """Build one gold-standard Doc from consecutive sentences."""
    from spacy.tokens import Doc, Span

    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    for sent in sentences:
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            spaces.append(w.space_after)
            tags.append(w.xpos)
            pos.append(w.upos)
            morphs.append(w.feats)
            lemmas.append(w.lemma)
            heads.append(offset + (w.head if w.head >= 0 else i))
            deps.append("ROOT" if w.head < 0 else w.deprel)
            sent_starts.append(i == 0)
        ents.extend((offset + s, offset + e, label) for s, e, label in sentence_entities(sent))
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def document_docs(vocab: Vocab, path: Path) -> Iterator[Doc]:
    """Yield the Docs (groups of :data:`SENTS_PER_DOC` sentences) of one CoNLL-U document."""
    sentences = read_conllu(path)
    for i in range(0, len(sentences), SENTS_PER_DOC):
        yield sentences_to_doc(vocab, sentences[i : i + SENTS_PER_DOC])


def read_split(gum_dir: Path) -> dict[str, list[Path]]:
    """Map 'train'/'dev'/'test' to the present CoNLL-U files, using GUM's split files."""
    present = {p.stem: p for p in sorted(gum_dir.glob("*.conllu"))}
    split: dict[str, list[Path]] = {}
    listed: set[str] = set()
    for part in ("train", "dev", "test"):
        names = (gum_dir / f"split.{part}.txt").read_text(encoding="utf-8").split()
        listed.update(names)
        split[part] = [present[n] for n in names if n in present]
    split["train"].extend(p for n, p in present.items() if n not in listed)
    return split


def convert(gum_dir: Path, out_dir: Path, synthetic: int = 0, seed: int = 0) -> dict[str, dict[str, int]]:
    """Write train/dev/test ``.spacy`` files; return per-part counts of docs, tokens and entities by label."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    out_dir.mkdir(parents=True, exist_ok=True)
    stats: dict[str, dict[str, int]] = {}
    for part, paths in read_split(gum_dir).items():
        db = DocBin(store_user_data=False)
        counts: dict[str, int] = {"files": len(paths), "docs": 0, "tokens": 0}
        docs = [doc for path in paths for doc in document_docs(nlp.vocab, path)]
        if part == "train" and synthetic:
            from synthetic_en import synthetic_docs

            docs.extend(synthetic_docs(nlp, synthetic, seed))
            counts["synthetic"] = synthetic
        for doc in docs:
            db.add(doc)
            counts["docs"] += 1
            counts["tokens"] += len(doc)
            for ent in doc.ents:
                counts[ent.label_] = counts.get(ent.label_, 0) + 1
        db.to_disk(out_dir / f"{part}.spacy")
        stats[part] = counts
    return stats


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gum_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--synthetic", type=int, default=0, help="number of template sentences added to train")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    stats = convert(args.gum_dir, args.out_dir, args.synthetic, args.seed)
    for part, counts in stats.items():
        sys.stdout.write(f"{part}: {counts}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
