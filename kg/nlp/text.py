"""Text cleaning that keeps character offsets into the original article text.

Every replacement is one character for one character, so an offset in the cleaned text is the same offset in
``Article.text``: evidence spans can be cut from the original without a mapping table.

>>> clean("L\u2019entreprise\u00a0ouvre")
"L'entreprise ouvre"
>>> [(s, e) for s, e, _ in paragraphs("Un.\\n\\nDeux\\ntrois.")]
[(0, 3), (5, 16)]
>>> [p for _, _, p in paragraphs("Un deux. Trois quatre. Cinq six.", limit=14)]
['Un deux.', 'Trois quatre.', 'Cinq six.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# One-for-one replacements: typographic quotes and dashes made plain, odd spaces made ordinary spaces.
_TABLE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200a": " ", "\t": " ",
    "\u2010": "-", "\u2011": "-",
})

_PARA_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
# Paragraphs longer than this are cut at sentence ends (spaCy's max_length is 1,000,000 characters, and its memory
# grows with the text parsed at once).
MAX_CHUNK = 3_000
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\s\n]+(?=[\"'(\[A-ZÀ-Ý0-9])|\n")


def clean(text: str) -> str:
    """Return ``text`` with quotes, spaces and hyphens normalised, same length as the input."""
    return text.translate(_TABLE)


def paragraphs(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, paragraph)`` for each non-empty paragraph of the cleaned ``text``.

    Single line breaks inside a paragraph become spaces (one for one), so offsets stay valid. A paragraph longer
    than ``limit`` characters is yielded in pieces cut at sentence ends.
    """
    cleaned = clean(text)
    pos = 0
    for m in list(_PARA_BREAK.finditer(cleaned)) + [None]:
        end = m.start() if m else len(cleaned)
        chunk = cleaned[pos:end]
        stripped_left = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            start = pos + stripped_left
            for s, e in _split_long(body, limit):
                piece = body[s:e]
                yield start + s, start + e, piece.replace("\n", " ").replace("\r", " ")
        if m:
            pos = m.end()


def _split_long(body: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of ``body`` no longer than ``limit``: cut after the last sentence end (or line break)
    before the limit, else at the last space, else hard; pieces are stripped of surrounding spaces."""
    pos, n = 0, len(body)
    while pos < n:
        while pos < n and body[pos].isspace():
            pos += 1
        if pos >= n:
            break
        end = n
        if n - pos > limit:
            window = body[pos:pos + limit]
            cuts = [m.start() for m in _SENTENCE_END.finditer(window, limit // 4)]
            cut = cuts[-1] if cuts else window.rfind(" ", limit // 4)
            end = pos + (cut if cut > 0 else limit)
        piece_end = end
        while piece_end > pos and body[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > pos:
            yield pos, piece_end
        pos = end
