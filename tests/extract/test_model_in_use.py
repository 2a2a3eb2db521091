"""``mention_model.model_in_use``: the pipeline tagged with another model file, as the held-out
measurement (``scripts/heldout_ner.py``) needs; own sentences."""
from __future__ import annotations

import importlib.util
import io
from importlib import resources
from pathlib import Path

import pytest

from talkgraph.extract.errors import TalkgraphError
from talkgraph.extract.mention_model import TABLES_FILE, model_in_use
from talkgraph.graph.mentions_cli import print_line_mentions

LINES = "昨天李建国和王秀英去了趟杭州。\n华兴科技有限公司的张志远说明年扩产。\n"


def mentions(lines: str = LINES) -> str:
    out = io.StringIO()
    print_line_mentions(io.StringIO(lines), out)
    return out.getvalue()


def test_the_shipped_file_named_gives_what_the_default_gives():
    default = mentions()
    with resources.as_file(resources.files("talkgraph.extract").joinpath("data", TABLES_FILE)) as shipped:
        with model_in_use(str(shipped)):
            named = mentions()
    assert named == default and "张志远" in default


def test_another_file_is_the_one_read_and_only_within_the_block(tmp_path):
    with model_in_use(str(tmp_path / "absent.npz")), pytest.raises(TalkgraphError, match="absent.npz"):
        mentions()
    assert "张志远" in mentions()


def test_heldout_folds_partition_each_corpus():
    spec = importlib.util.spec_from_file_location(
        "heldout_ner", Path(__file__).resolve().parents[2] / "scripts" / "heldout_ner.py")
    heldout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(heldout)
    sentences = [(str(i), ()) for i in range(12)]
    folds = [heldout.split(sentences, k, 5) for k in range(5)]
    assert sorted(s for _, held in folds for s in held) == sorted(sentences)
    assert all(not set(rest) & set(held) for rest, held in folds)
    assert heldout.counts([("张三在华为", [(0, 2, "PER"), (3, 5, "ORG")])], [{(0, 2, "PER"), (3, 4, "ORG")}]) == {
        "ORG": [0, 1, 1], "PER": [1, 0, 0]}
