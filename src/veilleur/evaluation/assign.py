"""One-to-one matching: the most pairs, then the best pairs (Hungarian algorithm, exact, stable)."""

from __future__ import annotations

from collections.abc import Mapping

Pair = tuple[int, int]

# Qualities are compared to a thousandth, as integers, so that ties resolve the same way on
# every machine (no floating-point drift in the potentials).
_SCALE = 1000


def best_pairs(n_gold: int, n_system: int, quality: Mapping[Pair, float]) -> list[Pair]:
    """Pairs (gold, system) chosen among the allowed ones in `quality`, one-to-one.

    The matching first maximises the number of pairs (the score's true positives) and, among
    matchings of that size, the sum of the pairs' qualities (values >= 0), so that a gold item
    is paired with the system item that resembles it most. Sorted by gold index.
    """
    allowed = {pair: round(max(q, 0.0) * _SCALE) for pair, q in quality.items()}
    if not allowed or not n_gold or not n_system:
        return []
    top = max(allowed.values())
    # Each pair is worth more than any amount of quality: one more pair always wins.
    big = (top + 1) * (min(n_gold, n_system) + 1)
    flip = n_gold > n_system
    rows, cols = (n_system, n_gold) if flip else (n_gold, n_system)
    worth = [[0] * cols for _ in range(rows)]
    for (g, s), q in allowed.items():
        r, c = (s, g) if flip else (g, s)
        worth[r][c] = big + q
    ceiling = big + top
    cost = [[ceiling - w for w in row] for row in worth]
    chosen = []
    for r, c in enumerate(_hungarian(cost)):
        if worth[r][c]:
            chosen.append((c, r) if flip else (r, c))
    return sorted(chosen)


def _hungarian(cost: list[list[int]]) -> list[int]:
    """Minimum-cost assignment of every row to a distinct column (rows <= columns)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j, 0 if none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    assignment = [0] * n
    for j in range(1, m + 1):
        if owner[j]:
            assignment[owner[j] - 1] = j - 1
    return assignment
