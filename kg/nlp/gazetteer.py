"""Known organisation names found in a text by dictionary lookup (no per-name regex).

The graph's own organisations feed the organisation layer (SPEC §6). Names are indexed by their token sequence;
a text is scanned once, and at each token that starts a known name the longest known sequence is taken. Cost grows
with the text, not with the number of known names.

>>> g = Gazetteer(["Vextra Labs", "Vextra", "Orbalis SA"])
>>> [(m[2]) for m in g.find("Chez Vextra Labs et Orbalis SA, puis Vextra.")]
['Vextra Labs', 'Orbalis SA', 'Vextra']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_TOKEN = re.compile(r"[^\W_]+|[&+]", re.UNICODE)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class Gazetteer:
    """Exact (case-sensitive) token-sequence lookup of known names."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._names: dict[tuple[str, ...], str] = {}
        self._longest: dict[str, int] = {}  # first token -> most tokens of a name starting with it
        self.add(names)

    def __len__(self) -> int:
        return len(self._names)

    def add(self, names: Iterable[str]) -> None:
        """Index more names (names shorter than three characters are ignored: too ambiguous)."""
        for name in names:
            if not name or len(name.strip()) <= 2:
                continue
            toks = tuple(t for _s, _e, t in _tokens(name))
            if not toks:
                continue
            self._names.setdefault(toks, name)
            self._longest[toks[0]] = max(self._longest.get(toks[0], 0), len(toks))

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, text as written)`` of each known name in ``text``, longest first, not overlapping."""
        if not self._names:
            return
        toks = _tokens(text)
        i = 0
        while i < len(toks):
            longest = self._longest.get(toks[i][2])
            if longest is None:
                i += 1
                continue
            for n in range(min(longest, len(toks) - i), 0, -1):
                key = tuple(t for _s, _e, t in toks[i:i + n])
                if key in self._names and self._contiguous(text, toks, i, n):
                    start, end = toks[i][0], toks[i + n - 1][1]
                    if not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                        yield start, end, text[start:end]
                        i += n
                        break
            else:
                i += 1

    @staticmethod
    def _contiguous(text: str, toks: list[tuple[int, int, str]], i: int, n: int) -> bool:
        """The tokens are one name: only spaces, hyphens, dots, apostrophes between them (no line or sentence break)."""
        for k in range(i, i + n - 1):
            gap = text[toks[k][1]:toks[k + 1][0]]
            if len(gap) > 2 or any(c not in " -.'," for c in gap) or gap.endswith(". "):
                return False
        return True
