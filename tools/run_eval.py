"""Run the dev evaluation and print the table (and the misses with -v): python tools/run_eval.py [-v]."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval import evaluate  # noqa: E402


def main() -> None:
    dev = ROOT.parent / "shared" / "eval" / "dev"
    report = evaluate(dev / "articles", dev / "gold")
    if "-v" in sys.argv:
        print(report.format_misses())
    print(report.format_table())


if __name__ == "__main__":
    main()
