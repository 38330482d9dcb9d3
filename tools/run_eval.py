"""Run the evaluation and print the table (and each miss with -v).

    python tools/run_eval.py [-v] [--heldout]

Without --heldout: the dev set (../shared/eval/dev). With it: kg's own held-out texts (tests/data/heldout).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval import evaluate  # noqa: E402


def main() -> None:
    base = ROOT / "tests" / "data" / "heldout" if "--heldout" in sys.argv else ROOT.parent / "shared" / "eval" / "dev"
    report = evaluate(base / "articles", base / "gold")
    if "-v" in sys.argv:
        print(report.format_misses())
    print(report.format_table())


if __name__ == "__main__":
    main()
