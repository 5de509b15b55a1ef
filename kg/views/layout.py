"""Where nodes go: a deterministic starting place for vis-network, a whole layout for the WebGL page.

vis-network lays small graphs out in the page (bounded physics) from
:func:`initial_positions`. For large graphs the page must not compute
anything: :func:`spread_layout` places every node ahead, in Python.

Method (ForceAtlas2-like forces, particle-mesh repulsion): linear springs
along edges, a repulsion of ``m_i m_j / d`` between every pair of nodes
(``m`` is degree + 1, so hubs push harder), and a constant pull toward the
centre that keeps disconnected pieces together. All-pairs repulsion is what
makes networkx's spring and ForceAtlas2 layouts O(n²) per iteration; here the
nodes' masses are binned on a grid and the repulsive field is the grid
convolved with the ``log`` kernel by FFT (O(n + G² log G) per iteration, G²
cells about n), then read back at each node by bilinear interpolation. It
starts from :func:`initial_positions` and has no random part, so a graph always
gets the same picture. numpy only; 50,000 nodes take a few seconds.
"""

from __future__ import annotations

import math

import numpy as np

from kg.views.model import View

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
#: Force iterations of :func:`spread_layout`.
ITERATIONS = 120


def initial_positions(view: View, spacing: float = 60.0) -> dict[str, tuple[float, float]]:
    """Where the layout starts: entities on a sunflower spiral, most connected at the centre,
    each event beside the centre of its fillers. Physics then needs far fewer iterations than
    from random places, and the same view always starts (and ends) the same way."""
    degree = view.degrees()
    around = view.neighbours()
    ranked = sorted(view.nodes, key=lambda n: (n.is_event, -degree[n.key], n.label, n.key))
    places: dict[str, tuple[float, float]] = {}
    spiral = 0
    for n in ranked:
        fillers = [places[k] for k in sorted(around[n.key]) if k in places]
        if n.is_event and fillers:
            angle = GOLDEN_ANGLE * len(places)
            x = sum(p[0] for p in fillers) / len(fillers) + spacing / 2 * math.cos(angle)
            y = sum(p[1] for p in fillers) / len(fillers) + spacing / 2 * math.sin(angle)
        else:
            radius, angle = spacing * math.sqrt(spiral), GOLDEN_ANGLE * spiral
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            spiral += 1
        places[n.key] = (round(x, 1), round(y, 1))
    return places


def _kernel(size: int) -> np.ndarray:
    """FFT of the ``-log(r + 1/2)`` kernel (r in cells) on a ``2·size`` periodic grid: zero padding, no wrap."""
    offsets = np.arange(2 * size)
    offsets = np.minimum(offsets, 2 * size - offsets)
    r = np.hypot(offsets[:, None], offsets[None, :])
    return np.fft.rfft2(-np.log(r + 0.5))


def _sample(field: np.ndarray, gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """Bilinear interpolation of ``field`` (indexed [x, y]) at fractional cell coordinates."""
    x0 = np.clip(np.floor(gx).astype(np.int64), 0, field.shape[0] - 2)
    y0 = np.clip(np.floor(gy).astype(np.int64), 0, field.shape[1] - 2)
    fx, fy = np.clip(gx - x0, 0, 1), np.clip(gy - y0, 0, 1)
    return (field[x0, y0] * (1 - fx) * (1 - fy) + field[x0 + 1, y0] * fx * (1 - fy)
            + field[x0, y0 + 1] * (1 - fx) * fy + field[x0 + 1, y0 + 1] * fx * fy)


def _forces(pos: np.ndarray, src: np.ndarray, dst: np.ndarray, iterations: int) -> np.ndarray:
    """``iterations`` steps of springs, particle-mesh repulsion and gravity from ``pos`` (see the module)."""
    n = len(pos)
    mass = np.bincount(np.concatenate([src, dst]), minlength=n).astype(np.float64) + 1.0
    size = int(min(256, max(16, 2 ** math.ceil(math.log2(math.sqrt(n) + 1)))))
    kernel = _kernel(size)
    max_step = max(1.0, math.sqrt(n) / 4)
    for it in range(iterations):
        force = np.zeros_like(pos)
        if len(src):  # springs: pull along each edge, in proportion to its length
            pull = pos[dst] - pos[src]
            for axis in (0, 1):
                force[:, axis] += np.bincount(src, pull[:, axis], minlength=n)
                force[:, axis] -= np.bincount(dst, pull[:, axis], minlength=n)
        low = pos.min(axis=0) - 1e-6
        cell = max(float((pos.max(axis=0) - low).max()) / (size - 1), 1e-6)
        grid = (pos - low) / cell  # cell coordinates, 0 .. size-1
        cells = np.clip(np.rint(grid).astype(np.int64), 0, size - 1)
        density = np.zeros((2 * size, 2 * size))
        np.add.at(density, (cells[:, 0], cells[:, 1]), mass)
        potential = np.fft.irfft2(np.fft.rfft2(density) * kernel, s=density.shape)[:size, :size]
        px, py = (np.asarray(g) for g in np.gradient(potential, cell))
        force[:, 0] -= mass * _sample(px, grid[:, 0], grid[:, 1])
        force[:, 1] -= mass * _sample(py, grid[:, 0], grid[:, 1])
        norm = np.hypot(pos[:, 0], pos[:, 1])[:, None] + 1e-9
        force -= mass[:, None] * pos / norm  # gravity: constant pull toward the centre
        step = force / mass[:, None]
        length = np.hypot(step[:, 0], step[:, 1])[:, None] + 1e-9
        limit = max_step * (1 - it / iterations) + 0.05
        pos = pos + step * np.minimum(1.0, limit / length)
    return pos


def _park(count: int, low: np.ndarray, high: np.ndarray, spacing: float) -> np.ndarray:
    """``count`` places in a square block ``spacing`` apart, right of the box ``low``–``high``."""
    cols = max(1, math.ceil(math.sqrt(count)))
    k = np.arange(count)
    return np.column_stack([high[0] + 3 * spacing + (k % cols) * spacing, low[1] + (k // cols) * spacing])


def spread_layout(view: View, iterations: int = ITERATIONS) -> list[tuple[float, float]]:
    """A place for every node of ``view`` (in ``view.nodes`` order), computed ahead of the page; see the module.

    Nodes without any edge are left out of the forces (they would ring the
    drawing far away and shrink it) and parked in a block beside it, as dense.
    """
    n = len(view.nodes)
    if n == 0:
        return []
    index = {node.key: i for i, node in enumerate(view.nodes)}
    start = initial_positions(view, spacing=1.0)
    src = np.array([index[e.source] for e in view.edges], dtype=np.int64)
    dst = np.array([index[e.target] for e in view.edges], dtype=np.int64)
    linked = np.zeros(n, dtype=bool)
    linked[src] = linked[dst] = True
    pos = np.zeros((n, 2))
    if linked.any():
        renumber = np.cumsum(linked) - 1
        first = np.array([start[node.key] for node, keep in zip(view.nodes, linked, strict=True) if keep])
        pos[linked] = _forces(first, renumber[src], renumber[dst], iterations)
        low, high = pos[linked].min(axis=0), pos[linked].max(axis=0)
        spacing = math.sqrt(float(np.prod(high - low)) / int(linked.sum()))  # as dense as the drawing
    else:
        spacing, low, high = 1.0, np.zeros(2), np.array([math.sqrt(n), -3.0])
    pos[~linked] = _park(int((~linked).sum()), low, high, max(spacing, 1e-3))
    pos -= (pos.min(axis=0) + pos.max(axis=0)) / 2
    scale = 1000.0 / max(float(np.abs(pos).max()), 1e-9)
    return [(round(float(x) * scale, 1), round(float(y) * scale, 1)) for x, y in pos]
