"""The shipped transliteration table is what the script learns from the public corpora."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent.parent / "shared" / "ner-train"


@pytest.mark.skipif(not (CORPORA / "cluener.train.json").exists(), reason="the NER training corpora are not here")
def test_the_script_reproduces_the_shipped_table():
    spec = importlib.util.spec_from_file_location("learn_transliteration", ROOT / "scripts" / "learn_transliteration.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (ROOT / "ontology" / "lexicon" / "transliteration_chars.tsv").read_text(encoding="utf-8")
    assert module.learn(CORPORA, ROOT / "ontology" / "lexicon") == shipped
