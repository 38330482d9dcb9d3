"""Text cleaning that keeps character offsets into the original article text.

Every replacement is one character for one character, so an offset in the cleaned text is the same offset in
``Article.text``: evidence spans can be cut from the original without a mapping table.

>>> clean("L\u2019entreprise\u00a0ouvre")
"L'entreprise ouvre"
>>> [(s, e) for s, e, _ in paragraphs("Un.\\n\\nDeux\\ntrois.")]
[(0, 3), (5, 16)]
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


def clean(text: str) -> str:
    """Return ``text`` with quotes, spaces and hyphens normalised, same length as the input."""
    return text.translate(_TABLE)


def paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, paragraph)`` for each non-empty paragraph of the cleaned ``text``.

    Single line breaks inside a paragraph become spaces (one for one), so offsets stay valid.
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
            yield start, start + len(body), body.replace("\n", " ").replace("\r", " ")
        if m:
            pos = m.end()
