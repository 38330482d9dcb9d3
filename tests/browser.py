"""Driving Debian's headless Chromium (never a downloaded browser) for the view's tests and benchmark."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts this offline machine cannot reach.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def wait_until_drawn(page: Any, timeout: float) -> None:
    """Poll until the page has drawn and stabilised (wait_for_function would need 'unsafe-eval' under the CSP)."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate("Boolean(window.kgView && kgView.firstDraw !== null && kgView.stabilized !== null)"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not draw and stabilise within {timeout / 1000:.0f} s")
        time.sleep(0.02)
