"""Reading a model file CRFsuite wrote (``crf1d``, the linear-chain CRF): its labels, its attributes,
its state features and its transitions, with the weights exactly as stored.

CRFsuite's own dump prints weights with six decimals, so the file is read directly.  Its layout
(``crf1d_model.c`` and ``cqdb.c`` of CRFsuite 0.12): a 48-byte header of little-endian 32-bit
fields; a ``FEAT`` chunk of 20-byte features (type: 0 state, 1 transition; source; destination;
a 64-bit weight); and two constant-quark databases (``CQDB``) holding the label and attribute
strings, whose backward table gives each id's string.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4s9I")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True, eq=False)
class CrfModel:
    """A linear-chain CRF as CRFsuite stores it: state features ``(attribute, label) -> weight`` and
    transitions ``transitions[from_label, to_label]``."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state_attribute: np.ndarray  # per state feature, its attribute id
    state_label: np.ndarray  # per state feature, its label id
    state_weight: np.ndarray  # float64
    transitions: np.ndarray  # (labels, labels) float64; 0 where the model has no feature


def read_crfsuite(path: str | Path) -> CrfModel:
    """The model in ``path``; ``ValueError`` when the file is not a CRFsuite crf1d model."""
    data = Path(path).read_bytes()
    if len(data) < _HEADER.size:
        raise ValueError("too short for a CRFsuite model")
    (magic, size, kind, _version, _, num_labels, num_attrs, off_features, off_labels, off_attrs,
     _, _) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC" or size != len(data):
        raise ValueError("not a CRFsuite crf1d model")
    try:
        chunk, _, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError("no feature chunk")
        features = np.frombuffer(data, _FEATURE, count, off_features + 12)
        labels = _quarks(data, off_labels, num_labels)
        attributes = _quarks(data, off_attrs, num_attrs)
    except (struct.error, UnicodeDecodeError) as exc:
        raise ValueError(f"damaged model file ({exc})") from None
    state = features[features["type"] == _STATE]
    moves = features[features["type"] == _TRANSITION]
    if (state["src"] >= num_attrs).any() or (state["dst"] >= num_labels).any() or \
            (moves["src"] >= num_labels).any() or (moves["dst"] >= num_labels).any():
        raise ValueError("a feature names an unknown label or attribute")
    transitions = np.zeros((num_labels, num_labels))
    transitions[moves["src"], moves["dst"]] = moves["weight"]
    return CrfModel(labels, attributes, state["src"].astype(np.int64), state["dst"].astype(np.int64),
                    state["weight"].astype(np.float64), transitions)


def _quarks(data: bytes, offset: int, expected: int) -> tuple[str, ...]:
    """The strings of a CQDB chunk in id order, read through its backward table."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB" or count != expected:
        raise ValueError("damaged string table")
    out = []
    for i, position in enumerate(struct.unpack_from(f"<{count}I", data, offset + backward)):
        ident, length = struct.unpack_from("<II", data, offset + position)
        start = offset + position + 8
        if ident != i or length < 1 or data[start + length - 1] != 0:
            raise ValueError("damaged string table")
        out.append(data[start:start + length - 1].decode("utf-8"))
    return tuple(out)
