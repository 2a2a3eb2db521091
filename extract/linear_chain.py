"""Decoding a linear-chain CRF over a batch of sequences at once, as CRFsuite decodes one.

The sequences of a batch are sorted longest first and laid out time-major without padding
(``Lattice``): step ``t`` is one block ``[label, b]`` of the sequences still running, the first
``counts[t]``, so every step is a few numpy operations over all of them.

``viterbi`` gives CRFsuite's labels exactly: its scores are the same sums and maxima of the same
doubles (``crf1dc_viterbi``), and a tie goes to the lower label, as there.  ``marginals`` is a
forward-backward with numpy's exponential and matrix products and its own scaling, which differs
from CRFsuite's (``crf1dc_alpha_score``/``crf1dc_beta_score``) in the last bits;
``crfsuite_marginals`` repeats CRFsuite's arithmetic operation for operation (the C library's
``exp``, sums in its order), for a caller that needs the exact value (``MARGINAL_ERROR`` bounds the
difference, with a wide margin).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# the largest difference between ``marginals`` and ``crfsuite_marginals`` a caller should allow
# for: at most 1.3e-14 measured over the NER dev splits and the dev transcripts (1.5 million values);
# the margin covers longer sequences and other models
MARGINAL_ERROR = 1e-9


@dataclass(frozen=True, eq=False)
class Lattice:
    """Where each (position, label) of a batch of sequences sits in a flat time-major array.

    ``lengths`` are sorted longest first; ``counts[t]`` sequences are longer than ``t``, and step
    ``t`` is the block of ``size * counts[t]`` values from ``size * starts[t]``, label-major.
    ``cell[k]`` is the ``k``-th position of the sequences one after the other as ``starts[t] + b``,
    ``index[k, label]`` its place for ``label``."""

    lengths: np.ndarray
    size: int
    counts: np.ndarray
    starts: np.ndarray
    cell: np.ndarray
    index: np.ndarray

    @classmethod
    def of(cls, lengths: np.ndarray, size: int) -> Lattice:
        lengths = np.asarray(lengths, dtype=np.int64)
        longest = int(lengths[0]) if len(lengths) else 0
        counts = (lengths[None, :] > np.arange(longest + 1)[:, None]).sum(axis=1)
        starts = np.cumsum(counts) - counts
        step = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        sequence = np.repeat(np.arange(len(lengths)), lengths)
        cell = starts[step] + sequence
        index = (cell + (size - 1) * starts[step])[:, None] + np.arange(size)[None, :] * counts[step][:, None]
        return cls(lengths, size, counts, starts, cell, index)

    def pack(self, rows: np.ndarray) -> np.ndarray:
        """``rows[k, label]`` (the sequences one after the other) laid out time-major."""
        flat = np.empty(rows.size)
        flat[self.index] = rows
        return flat

    def blocks(self, flat: np.ndarray) -> list[np.ndarray]:
        """Each step's block of ``flat`` as a ``[label, b]`` view."""
        size = self.size
        return [flat[size * s:size * (s + n)].reshape(size, n)
                for s, n in zip(self.starts.tolist(), self.counts[:-1].tolist())]


def viterbi(lattice: Lattice, states: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label of each position (``states[k, label]``: log-domain scores of the sequences'
    positions one after the other), in the same order.  ``transitions[i, j]`` scores ``i`` then ``j``."""
    size, counts = lattice.size, lattice.counts.tolist()
    steps, batch = len(counts) - 1, counts[0] if counts else 0
    given = lattice.blocks(lattice.pack(states))
    best_flat = np.empty(lattice.index.size)
    best = lattice.blocks(best_flat)
    if steps:
        best[0][...] = given[0]
    every = np.ascontiguousarray(np.broadcast_to(transitions[:, :, None], (size, size, batch)))
    running = None
    for t in range(1, steps):
        n = counts[t]
        if n != running:  # fewer sequences from here on
            running, moves, scores = n, every[:, :, :n], np.empty((size, size, n))
        np.add(best[t - 1][:, None, :n], moves, out=scores)  # [from, to, b]
        here = best[t]
        np.maximum.reduce(scores, axis=0, out=here)
        here += given[t]
    # back-pointers only along the path: the first label reaching the chosen one with the best score
    path_flat = np.empty(len(lattice.cell), dtype=np.intp)
    current = np.zeros(batch, dtype=np.intp)
    into = np.ascontiguousarray(transitions.T)
    work = np.empty((batch, size))
    running = None
    for t in range(steps - 1, -1, -1):
        n, ending = counts[t], counts[t + 1]
        if ending < n:  # sequences ending here start from their best last label
            current[ending:n] = best[t][:, ending:n].argmax(axis=0)
        if n != running:
            running, path, scores = n, current[:n], work[:n]
        start = lattice.starts[t]
        path_flat[start:start + n] = path
        if t:
            np.add(best[t - 1].T[:n], into[path], out=scores)
            scores.argmax(axis=1, out=path)
    return path_flat[lattice.cell]


# forward and backward vectors are brought back to sum 1 this often: between two, exp(transition) <= e^9 and
# exp(state - its row's max) <= 1 let a vector grow at most (13 e^9)^8 ~ 1e40 and shrink at most e^-1.5 a step
_RESCALE = 8


def marginals(lattice: Lattice, states: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """``p[k, label]``: the probability of ``label`` at each position (in ``states``' order).

    Forward and backward vectors are scaled freely (each position's product is normalised at the
    end), so a step is two numpy operations; non-finite values mean the caller must use
    ``crfsuite_marginals``."""
    counts = lattice.counts.tolist()
    steps = len(counts) - 1
    gains = lattice.blocks(lattice.pack(np.exp(states - states.max(axis=1, keepdims=True))))
    moves = np.exp(transitions)
    into = np.ascontiguousarray(moves.T)
    forward_flat, backward_flat = np.empty(lattice.index.size), np.empty(lattice.index.size)
    forward, backward = lattice.blocks(forward_flat), lattice.blocks(backward_flat)
    if steps:
        forward[0][...] = gains[0]
    for t in range(1, steps):
        here = forward[t]
        np.multiply(into @ forward[t - 1][:, :counts[t]], gains[t], out=here)
        if t % _RESCALE == 0:
            here /= here.sum(axis=0)
    for t in range(steps - 1, -1, -1):
        n, ending = counts[t], counts[t + 1]
        here = backward[t]
        here[:, ending:n] = 1.0
        if ending:
            np.matmul(moves, backward[t + 1] * gains[t + 1], out=here[:, :ending])
            if t % _RESCALE == 0:
                here[:, :ending] /= here[:, :ending].sum(axis=0)
    joint = forward_flat[lattice.index] * backward_flat[lattice.index]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        return joint / joint.sum(axis=1, keepdims=True)


def crfsuite_marginals(states: list[list[float]], transitions: list[list[float]]) -> list[list[float]]:
    """One sequence's ``p[t][label]`` computed as CRFsuite computes it (``crf1d_context.c``:
    ``vecexp`` with the C library's ``exp``, ``vecaadd``/``vecsum``/``vecdot`` summing in index order,
    ``crf1dc_marginal_point``), so the doubles are CRFsuite's own."""
    size = len(transitions)
    gains = [[math.exp(v) for v in row] for row in states]
    moves = [[math.exp(v) for v in row] for row in transitions]
    forward, scale = [], []
    for t, gain in enumerate(gains):
        if t == 0:
            here = list(gain)
        else:
            here = [0.0] * size
            for i, before in enumerate(forward[-1]):
                move = moves[i]
                for j in range(size):
                    here[j] += before * move[j]
            here = [here[j] * gain[j] for j in range(size)]
        total = 0.0
        for v in here:
            total += v
        factor = 1.0 / total if total != 0.0 else 1.0
        forward.append([v * factor for v in here])
        scale.append(factor)
    backward = [[scale[-1]] * size]  # from the last step back
    for t in range(len(gains) - 2, -1, -1):
        row = [backward[-1][j] * gains[t + 1][j] for j in range(size)]
        here = []
        for i in range(size):
            total = 0.0
            for move, r in zip(moves[i], row):
                total += move * r
            here.append(total * scale[t])
        backward.append(here)
    backward.reverse()
    return [[forward[t][k] * backward[t][k] / scale[t] for k in range(size)] for t in range(len(gains))]
