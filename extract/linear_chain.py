"""Decoding a linear-chain CRF over a batch of sequences at once, as CRFsuite decodes one.

The sequences of a batch are sorted longest first and laid out time-major, ``states[t, label, b]``,
so at step ``t`` the sequences still running are the first ``counts[t]`` columns and every step is a
few numpy operations over all of them.

``viterbi`` gives CRFsuite's labels exactly: its scores are the same sums and maxima of the same
doubles (``crf1dc_viterbi``), and a tie goes to the lower label, as there.  ``marginals`` is a
forward-backward with numpy's exponential and matrix products and its own scaling, which differs
from CRFsuite's (``crf1dc_alpha_score``/``crf1dc_beta_score``) in the last bits; ``crfsuite_marginals`` repeats
CRFsuite's arithmetic operation for operation (the C library's ``exp``, sums in its order), for a
caller that needs the exact value (``MARGINAL_ERROR`` bounds the difference, with a wide margin).
"""
from __future__ import annotations

import math

import numpy as np

# the largest difference between ``marginals`` and ``crfsuite_marginals`` a caller should allow
# for: measured below 1e-14 on the dev and training splits; the margin covers longer sequences
MARGINAL_ERROR = 1e-9


def running_counts(lengths: np.ndarray) -> np.ndarray:
    """``counts[t]``: how many of the sequences (lengths sorted longest first) are longer than ``t``."""
    longest = int(lengths[0]) if len(lengths) else 0
    return (lengths[None, :] > np.arange(longest + 1)[:, None]).sum(axis=1)


def viterbi(states: np.ndarray, counts: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best label sequence of each column of ``states`` (``[t, label, b]``, log-domain scores),
    as ``labels[t, b]`` (-1 past a sequence's end).  ``transitions[i, j]`` scores label ``i`` then ``j``."""
    steps, size, batch = states.shape
    best = np.empty_like(states)
    best[0] = states[0]
    running = None
    for t in range(1, steps):
        if counts[t] != running:  # fewer sequences from here on: arrays for the ones still running
            running = counts[t]
            moves = np.ascontiguousarray(np.broadcast_to(transitions[:, :, None], (size, size, running)))
            scores = np.empty((size, size, running))
            kept, given = best[:, :, :running], states[:, :, :running]
        np.add(kept[t - 1, :, None], moves, out=scores)  # [from, to, b]
        here = kept[t]
        np.maximum.reduce(scores, axis=0, out=here)
        here += given[t]
    # back-pointers only along the path: the first label reaching the chosen one with the best score
    best = np.ascontiguousarray(best.transpose(0, 2, 1))  # [t, b, label]
    labels = np.full((steps, batch), -1, dtype=np.intp)
    current = np.zeros(batch, dtype=np.intp)
    into = np.ascontiguousarray(transitions.T)
    work = np.empty((batch, size))
    running = None
    for t in range(steps - 1, -1, -1):
        n, ending = counts[t], counts[t + 1]
        if ending < n:  # sequences ending here start from their best last label
            current[ending:n] = best[t, ending:n].argmax(axis=1)
        if n != running:
            running, path, scores = n, current[:n], work[:n]
        labels[t, :n] = path
        if t:
            np.add(best[t - 1, :n], into[path], out=scores)
            scores.argmax(axis=1, out=path)
    return labels


# forward and backward vectors are brought back to sum 1 this often: between two, exp(transition) <= e^9 and
# exp(state - its row's max) <= 1 let a vector grow at most (13 e^9)^8 ~ 1e40 and shrink at most e^-1.5 a step
_RESCALE = 8


def marginals(states: np.ndarray, counts: np.ndarray, transitions: np.ndarray,
              cells: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """``p[k, label]``: the probability of ``label`` at the cells ``(t[k], b[k])`` of the batch.

    Forward and backward vectors are scaled freely (each position's product is normalised at the
    end), so a step is two numpy operations; non-finite values mean the caller must use
    ``crfsuite_marginals``."""
    steps, size, batch = states.shape
    gains = np.exp(states - states.max(axis=1, keepdims=True))
    moves = np.exp(transitions)
    into = np.ascontiguousarray(moves.T)
    forward, backward = np.zeros_like(states), np.zeros_like(states)
    forward[0] = gains[0]
    for t in range(1, steps):
        n = counts[t]
        here = forward[t, :, :n]
        np.multiply(into @ forward[t - 1, :, :n], gains[t, :, :n], out=here)
        if t % _RESCALE == 0:
            here /= here.sum(axis=0)
    for t in range(steps - 1, -1, -1):
        n, ending = counts[t], counts[t + 1]
        backward[t, :, ending:n] = 1.0
        if ending:
            here = backward[t, :, :ending]
            np.matmul(moves, backward[t + 1, :, :ending] * gains[t + 1, :, :ending], out=here)
            if t % _RESCALE == 0:
                here /= here.sum(axis=0)
    at, column = cells
    joint = forward[at, :, column] * backward[at, :, column]
    with np.errstate(invalid="ignore", divide="ignore"):
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
