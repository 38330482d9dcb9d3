"""The dev evaluation (../shared/eval/dev) must stay above the targets of SPEC §7."""

from __future__ import annotations

from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


@pytest.mark.slow
@pytest.mark.skipif(not (DEV / "gold").is_dir(), reason="../shared/eval/dev not present")
def test_dev_eval_meets_targets() -> None:
    from kg.eval import evaluate

    report = evaluate(DEV / "articles", DEV / "gold")
    table = report.format_table()
    assert report.total("facts", "fr").f1 >= 0.80, table
    assert report.total("facts", "en").f1 >= 0.70, table
    assert report.total("entities").f1 >= 0.85, table


HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"


@pytest.mark.slow
def test_heldout_eval_meets_targets() -> None:
    """Our own held-out texts (other sectors and names than the dev set) stay above the same bars."""
    from kg.eval import evaluate

    report = evaluate(HELDOUT / "articles", HELDOUT / "gold")
    table = report.format_table()
    assert report.total("facts", "fr").f1 >= 0.80, table
    assert report.total("facts", "en").f1 >= 0.70, table
    assert report.total("entities").f1 >= 0.85, table
