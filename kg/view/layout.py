"""Initial node positions for the HTML view, computed in Python so the page draws at once.

A small Fruchterman-Reingold in numpy per connected component (exact repulsion for small components, a random
sample of repellers for large ones, so 2,000 nodes take well under a second), then the components are packed in
rows, largest first. networkx's own ``spring_layout`` needs scipy past 500 nodes and is slower.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

EXACT_LIMIT = 400  # components up to this size get all-pairs repulsion
SAMPLE = 100  # repellers sampled per iteration above it


def _fruchterman_reingold(n: int, edges: np.ndarray, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Positions (n x 2) with an ideal edge length of 1 (float32 arithmetic: speed over precision)."""
    import numpy as np

    if n == 1:
        return np.zeros((1, 2))
    side = math.sqrt(n)
    x = rng.uniform(-side / 2, side / 2, n).astype(np.float32)
    y = rng.uniform(-side / 2, side / 2, n).astype(np.float32)
    temperature = side / 4
    cooling = temperature / (iterations + 1)
    src, dst = edges[:, 0], edges[:, 1]
    idx: Any
    for _ in range(iterations):
        if n <= EXACT_LIMIT:
            idx, scale = slice(None), 1.0
        else:
            idx, scale = rng.integers(0, n, SAMPLE), n / SAMPLE
        dx = np.subtract.outer(x, x[idx])
        dy = np.subtract.outer(y, y[idx])
        inv = dx * dx
        inv += dy * dy
        np.maximum(inv, 1e-3, out=inv)
        np.reciprocal(inv, out=inv)  # repulsion k^2/d along the unit vector (k = 1) is delta / d^2
        fx = np.einsum("ij,ij->i", dx, inv) * scale
        fy = np.einsum("ij,ij->i", dy, inv) * scale
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        length = np.sqrt(ex * ex + ey * ey)  # attraction d^2/k along the unit vector is delta * d
        fx += np.bincount(dst, ex * length, n) - np.bincount(src, ex * length, n)
        fy += np.bincount(dst, ey * length, n) - np.bincount(src, ey * length, n)
        norm = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        step = np.minimum(norm, temperature) / norm
        x += (fx * step).astype(np.float32)
        y += (fy * step).astype(np.float32)
        temperature -= cooling
    out = np.column_stack([x, y]).astype(float)
    return out - out.mean(axis=0)


def positions(G: nx.Graph, *, seed: int = 7, spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in pixels, ``spacing`` being the typical edge length. Deterministic for a given seed."""
    import networkx as nx
    import numpy as np

    rng = np.random.default_rng(seed)
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    comps = sorted((sorted(c) for c in nx.connected_components(undirected)), key=lambda c: (-len(c), c[0]))
    where = {n: (c, i) for c, comp in enumerate(comps) for i, n in enumerate(comp)}
    pairs: list[set[tuple[int, int]]] = [set() for _ in comps]
    for u, v in G.edges():
        (c, i), (_, j) = where[u], where[v]
        if i != j:
            pairs[c].add((min(i, j), max(i, j)))
    placed: list[tuple[list[str], np.ndarray]] = []
    for comp, comp_pairs in zip(comps, pairs, strict=True):
        if len(comp) == 1:
            continue
        edges = np.array(sorted(comp_pairs), dtype=int).reshape(-1, 2)
        iterations = 80 if len(comp) <= 200 else 50
        placed.append((comp, _fruchterman_reingold(len(comp), edges, rng, iterations)))
    singles = [comp[0] for comp in comps if len(comp) == 1]
    if singles:  # isolated nodes as one square block
        cols = math.ceil(math.sqrt(len(singles)))
        grid = np.array([(i % cols, i // cols) for i in range(len(singles))], dtype=float)
        placed.append((singles, grid))
    # Shelf packing: rows of components, largest first, each row as wide as the square root of the total area.
    boxes = [(comp, pos, pos.max(axis=0) - pos.min(axis=0) + 1.5) for comp, pos in placed]
    row_width = max(math.sqrt(sum(float(b[0] * b[1]) for _, _, b in boxes)) * 1.3, float(boxes[0][2][0]) if boxes else 0)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp, pos, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        origin = np.array([x, y]) - pos.min(axis=0)
        for node, (px, py) in zip(comp, pos + origin, strict=True):
            out[node] = (round(float(px) * spacing, 1), round(float(py) * spacing, 1))
        x += float(w)
        row_height = max(row_height, float(h))
    return out


__all__ = ["positions"]
