"""Learn which characters spell transliterated foreign names, from public NER training corpora.

Reads the person names of CLUENER2020 (``name``), Weibo NER (``PER.NAM``) and Resume NER
(``NAME``) in a folder such as ``../shared/ner-train/`` and writes
``ontology/lexicon/transliteration_chars.tsv``: for each character, how often it occurs in the
names that do not begin with a Chinese surname (比尔盖茨, 贝鲁斯科尼: transliterations, mostly) and
how often in all the corpora's text.  ``extract/foreign_names.py`` scores a run of characters by
these counts.  Deterministic: the same corpora give the same file, byte for byte.

    python scripts/learn_transliteration.py ../shared/ner-train ontology/lexicon/transliteration_chars.tsv
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HEADER = ("# character\tin transliterated names\tin all text\n"
          "# learned by scripts/learn_transliteration.py from the person names of CLUENER2020, Weibo NER and\n"
          "# Resume NER (training splits) that do not begin with a Chinese surname\n")
_MIN_NAME_COUNT = 2  # a character seen once in such names says little


def _surnames(lexicon_dir: Path) -> set[str]:
    text = (lexicon_dir / "surnames.txt").read_text(encoding="utf-8")
    return {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}


def _tagged(path: Path, scheme: str):
    """(text, [person name spans]) per sentence of a one-character-a-line BIO/BMES file."""
    chars: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0][0])
            tags.append(parts[-1])
            continue
        if chars:
            yield "".join(chars), list(_person_spans("".join(chars), tags, scheme))
        chars, tags = [], []


def _person_spans(text: str, tags: list[str], scheme: str):
    start = None
    for i, tag in enumerate(tags + ["O"]):
        is_person = tag.endswith("PER.NAM") if scheme == "bio" else tag.endswith("NAME")
        begins = tag.startswith(("B-", "S-"))
        if start is not None and (not is_person or begins):
            yield text[start:i]
            start = None
        if is_person and begins:
            start = i


def _cluener(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        yield record["text"], list(record["label"].get("name", {}))


def learn(corpus_dir: Path, lexicon_dir: Path) -> str:
    surnames = _surnames(lexicon_dir)
    in_names: Counter[str] = Counter()
    in_text: Counter[str] = Counter()
    sources = [_cluener(corpus_dir / "cluener.train.json"),
               _tagged(corpus_dir / "weibo.train.txt", "bio"),
               _tagged(corpus_dir / "resume.train.char.bmes", "bmes")]
    for source in sources:
        for text, names in source:
            in_text.update(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
            for name in names:
                han = name.replace("·", "")
                if len(han) >= 3 and han[0] not in surnames and han[:2] not in surnames and all(
                        "\u4e00" <= ch <= "\u9fff" for ch in han):
                    in_names.update(han)
    rows = sorted((ch, n, in_text[ch]) for ch, n in in_names.items() if n >= _MIN_NAME_COUNT)
    return HEADER + "".join(f"{ch}\t{n}\t{t}\n" for ch, n, t in rows)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: learn_transliteration.py NER_TRAIN_DIR OUTPUT.tsv", file=sys.stderr)
        return 2
    corpus_dir, output = Path(argv[0]), Path(argv[1])
    lexicon_dir = Path(__file__).resolve().parent.parent / "ontology" / "lexicon"
    try:
        table = learn(corpus_dir, lexicon_dir)
    except (OSError, ValueError, KeyError) as exc:
        print(f"learn_transliteration: cannot read the corpora in {corpus_dir}: {exc}", file=sys.stderr)
        return 1
    output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
