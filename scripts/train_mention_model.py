#!/usr/bin/env python3
"""Train talkgraph's mention model (a character CRF) from public Chinese NER training splits.

    python scripts/train_mention_model.py --corpora ../shared/ner-train -o extract/data/mention-crf.crfsuite

writes the CRFsuite model, its training record (``.json``) and the tables tagging reads (``.npz``,
``talkgraph.extract.mention_tables``), all three beside each other.  The tables alone, again from
an existing model (after a change to the tables' format, not to the model):

    python scripts/train_mention_model.py --tables-only extract/data/mention-crf.crfsuite

Reads the training splits only (never a dev or test split, never a transcript):
  * ``cluener.train.json`` (CLUENER2020, Xu et al. 2020): name → PER; company, organization,
    government → ORG; the other types (address, position, game, book, movie, scene) are left untagged.
  * ``weibo.train.txt`` (Weibo NER, Peng & Dredze 2015): PER.NAM → PER, ORG.NAM → ORG,
    GPE.NAM and LOC.NAM → LOC; nominal mentions (``*.NOM``) are not names and stay untagged.
  * ``resume.train.char.bmes`` (Resume NER, Zhang & Yang 2018): NAME → PER, ORG → ORG, LOC → LOC.

Each sentence is segmented by jieba with its own dictionary alone (the word features of
``char_features``), so the training depends on the corpora and jieba, not on talkgraph's lexicons;
tagging reads the words the document was segmented into.  Sentences are read in file order and the
trainer is CRFsuite's L-BFGS with fixed parameters, so the same corpora give a byte-identical model
file; a training record (``.json`` beside the model) holds the corpora's SHA-256, the parameters
and the model's digest.  ``--limit N`` trains on the first N sentences of each corpus (the
reproducibility test uses it to stay short).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from functools import cache
from pathlib import Path

from talkgraph.extract.mention_model import char_features
from talkgraph.extract.mention_tables import MentionTables

# each corpus and how many times its sentences are fed: Weibo, the only social-media text (closest to
# speech), three times (measured: Weibo dev F1 of the model alone 0.433 → 0.467, Resume dev unchanged)
CORPORA = {"cluener.train.json": 1, "weibo.train.txt": 3, "resume.train.char.bmes": 1}
CLUENER_TYPES = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG"}
TAGGED_TYPES = {"PER.NAM": "PER", "ORG.NAM": "ORG", "GPE.NAM": "LOC", "LOC.NAM": "LOC",
                "NAME": "PER", "ORG": "ORG", "LOC": "LOC"}
PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 150, "feature.minfreq": 2,
          "feature.possible_transitions": True}

Sentence = tuple[str, list[tuple[int, int, str]]]


def read_cluener(path: Path) -> list[Sentence]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        spans = [(s, e + 1, CLUENER_TYPES[label])
                 for label, names in sorted(record.get("label", {}).items()) if label in CLUENER_TYPES
                 for places in names.values() for s, e in places]
        out.append((record["text"], spans))
    return out


def read_char_per_line(path: Path) -> list[Sentence]:
    """BIO or BMES files: one character and its tag a line, sentences apart by a blank line."""
    out, chars, tags = [], [], []
    for raw in path.read_text(encoding="utf-8").split("\n") + [""]:
        if not raw.strip():
            if chars:
                out.append(("".join(chars), _tag_spans(tags)))
            chars, tags = [], []
            continue
        parts = raw.split()
        chars.append(" " if len(parts) == 1 else parts[0])
        tags.append(parts[-1])
    return out


def _tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, typ = tag.partition("-")
        continues = prefix in ("I", "M", "E") and typ == kind and start is not None
        if not continues:
            if start is not None and kind in TAGGED_TYPES:
                spans.append((start, i, TAGGED_TYPES[kind]))
            start, kind = (i, typ) if prefix in ("B", "S", "I", "M", "E") else (None, None)
        if prefix in ("S", "E") and start is not None:
            if kind in TAGGED_TYPES:
                spans.append((start, i + 1, TAGGED_TYPES[kind]))
            start, kind = None, None
    return spans


def read_corpus(path: Path) -> list[Sentence]:
    return read_cluener(path) if path.suffix == ".json" else read_char_per_line(path)


def bioes(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * length
    for start, end, typ in sorted(spans):
        if any(t != "O" for t in tags[start:end]):
            continue  # nested or overlapping gold: keep the first
        if end - start == 1:
            tags[start] = f"S-{typ}"
        else:
            tags[start] = f"B-{typ}"
            tags[start + 1:end - 1] = [f"I-{typ}"] * (end - start - 2)
            tags[end - 1] = f"E-{typ}"
    return tags


def training_sentences(corpora: Path, names: tuple[str, ...] = tuple(CORPORA),
                       limit: int | None = None) -> list[Sentence]:
    """The training sentences in a fixed order: each corpus in turn, repeated as ``CORPORA`` says."""
    sentences = []
    for name in names:
        path = corpora / name
        if not path.is_file():
            raise SystemExit(f"error: training corpus {path} not found")
        sentences += read_corpus(path)[:limit] * CORPORA[name]
    return sentences


@cache
def _plain_segmenter():
    """jieba's own dictionary, without the names talkgraph's lexicons teach its tokenizer: the
    word features of the training sentences then depend on the corpora and jieba alone, so
    editing a lexicon does not change the model a retrain gives."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def words_of(text: str) -> list[tuple[str, int, int]]:
    return list(_plain_segmenter().tokenize(text))


def train(sentences: list[Sentence], out: Path, params: dict = PARAMS) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in sentences:
        if text.strip():
            trainer.append(char_features(text, words_of(text)), bioes(len(text), spans))
    trainer.set_params(params)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".part")
    trainer.train(str(tmp))
    tmp.replace(out)


def record(out: Path, corpora: Path, names: tuple[str, ...], limit: int | None, params: dict) -> dict:
    """What the model was trained from, written beside it: the corpora's digests make a retrain checkable."""
    return {"model": out.name, "sha256": _sha256(out), "bytes": out.stat().st_size,
            "script": "scripts/train_mention_model.py", "limit": limit, "params": params,
            "corpora": {name: {"sha256": _sha256(corpora / name), "repeat": CORPORA[name]} for name in names}}


def write_tables(model: Path) -> Path:
    """The model's weights as the tables tagging reads, written beside it (``.npz``)."""
    out = model.with_suffix(".npz")
    tmp = out.with_suffix(".part.npz")
    MentionTables.from_crfsuite(model).save(tmp)
    tmp.replace(out)
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, help="folder with the training splits")
    parser.add_argument("-o", "--output", type=Path,
                        help="model file to write; its training record goes beside it as .json, its tables as .npz")
    parser.add_argument("--tables-only", type=Path, metavar="MODEL",
                        help="write only the tables of this existing model (beside it, as .npz)")
    parser.add_argument("--only", nargs="+", choices=tuple(CORPORA), help="train on these corpora only")
    parser.add_argument("--limit", type=int, help="first N sentences of each corpus")
    args = parser.parse_args(argv)
    if args.tables_only:
        if not args.tables_only.is_file():
            raise SystemExit(f"error: model {args.tables_only} not found")
        print(f"{args.tables_only} -> {write_tables(args.tables_only)}", file=sys.stderr)
        return 0
    if args.corpora is None or args.output is None:
        parser.error("--corpora and -o are needed to train")
    names = tuple(args.only or CORPORA)
    sentences = training_sentences(args.corpora, names, args.limit)
    train(sentences, args.output, PARAMS)
    facts = record(args.output, args.corpora, names, args.limit, PARAMS)
    args.output.with_suffix(".json").write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    write_tables(args.output)
    print(f"{len(sentences)} sentences -> {args.output} ({facts['bytes']:,} bytes, sha256 {facts['sha256'][:16]})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
