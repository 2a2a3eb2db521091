"""A benchmark corpus of about N MB whose transcripts never repeat a sentence, let alone a paragraph.

Real transcripts are cut into sentences (by talkgraph's own reader and parser, at 。！？；!?; and
line ends), and each generated transcript draws its turns from a shuffled deck of those sentences
without putting any back: within one transcript no sentence, and so no paragraph, occurs twice,
and a per-document cache cannot flatter the build.  Each transcript has 3–5 speakers with
generated Chinese names (new to talkgraph's lexicon, as a user's would be), turns of 1–6
sentences, and about 30 KB of text, so the corpus has the shape of many real transcripts.  The
source speakers' names inside sentences are replaced by the generated cast's, so introductions
and addresses name people who speak.

The sentences come from ``--corpus DIR`` (any folder of transcripts) when given; otherwise from
``../shared/corpus/`` when it is there (the nearest ``shared/corpus`` above the checkout) (read at run time, never copied into the repository);
otherwise from ``examples/``.  Generation is seeded and sequential: the first files of a 20 MB
corpus are the files of a 1 MB one, so sizes compare like for like, and every run with the same
sources and seed writes the same bytes.

    .venv/bin/python benchmarks/make_corpus.py [--mb 10] [--out benchmarks/data/corpus-10mb] [--seed 7] [--corpus DIR]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from talkgraph.extract import parse_transcript, read_document

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = [parent / "shared" / "corpus" for parent in ROOT.parents]  # a clone's, or a worktree's
EXAMPLES = ROOT / "examples"
DEFAULT_OUT = ROOT / "benchmarks" / "data"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣晨博文轩怡佳"
TRANSCRIPT_BYTES = 30_000
SPEAKERS_PER_TRANSCRIPT = (3, 5)
SENTENCES_PER_TURN = (1, 6)
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")


@dataclass(frozen=True, slots=True)
class Sources:
    """The distinct sentences of the source transcripts, and the names of their speakers."""

    sentences: tuple[str, ...]
    speakers: tuple[str, ...]  # longest first, so a name inside another is not replaced first
    folder: Path


def default_sources() -> Path:
    """``../shared/corpus`` when this checkout sits beside it, else the repository's own example."""
    return next((folder for folder in SHARED_CORPORA if any(folder.glob("*.txt"))), EXAMPLES)


def read_sources(folder: Path | None = None) -> Sources:
    """Every distinct sentence of the speaker turns of the transcripts in ``folder``, in file order."""
    folder = folder or default_sources()
    sentences: dict[str, None] = {}
    speakers: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        transcript = parse_transcript(read_document(path))
        text = transcript.document.text
        for turn in transcript.turns:
            speakers.update(turn.speakers)
            for start, end in turn.spans:
                for sentence in _SENTENCE_END.split(text[start:end]):
                    sentence = sentence.strip()
                    if len(sentence) >= 2:
                        sentences.setdefault(sentence)
    if not sentences:
        raise SystemExit(f"{folder}: no transcripts with speaker turns to draw sentences from")
    return Sources(tuple(sentences), tuple(sorted(speakers, key=lambda name: (-len(name), name))), folder)


def chinese_name(rng: random.Random, taken: set[str]) -> str:
    """A surname and one or two given-name characters, new within one transcript."""
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in taken:
            taken.add(name)
            return name


def transcript(rng: random.Random, sources: Sources, number: int) -> str:
    """One transcript: a title, then turns of a 3–5 person cast, drawn from a fresh shuffled deck of
    sentences so that none occurs twice; ends at about ``TRANSCRIPT_BYTES`` or when the deck is spent."""
    taken: set[str] = set()
    cast = [chinese_name(rng, taken) for _ in range(rng.randint(*SPEAKERS_PER_TRANSCRIPT))]
    renamed = {speaker: rng.choice(cast) for speaker in sources.speakers}
    deck = list(sources.sentences)
    rng.shuffle(deck)
    paragraphs = [f"第{number}期对话"]
    size = 0
    while deck and size < TRANSCRIPT_BYTES:
        take = min(len(deck), rng.randint(*SENTENCES_PER_TURN))
        body = "".join(_rename(deck.pop(), renamed) for _ in range(take))
        paragraph = f"{rng.choice(cast)}：{body}"
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    return "\n\n".join(paragraphs) + "\n"


def _rename(text: str, renamed: dict[str, str]) -> str:
    for old, new in renamed.items():
        if old in text:
            text = text.replace(old, new)
    return text


def make_corpus(out: Path, megabytes: float = 10, seed: int = 7, sources: Sources | None = None) -> list[Path]:
    """Write transcripts into ``out`` (emptied first) until they hold ``megabytes`` MB of UTF-8."""
    sources = sources or read_sources()
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written, total, target = [], 0, megabytes * 1_000_000
    while total < target:
        path = out / f"talk-{len(written) + 1:04d}.txt"
        data = transcript(rng, sources, len(written) + 1).encode("utf-8")
        path.write_bytes(data)
        written.append(path)
        total += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10, help="corpus size in MB of UTF-8 text (default 10)")
    parser.add_argument("--out", type=Path, help="output directory (default benchmarks/data/corpus-<N>mb)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="transcripts to draw sentences from (default ../shared/corpus, else examples/)")
    args = parser.parse_args()
    sources = read_sources(args.corpus)
    out = args.out or DEFAULT_OUT / f"corpus-{args.mb:g}mb"
    files = make_corpus(out, args.mb, args.seed, sources)
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} transcripts, {size / 1e6:.2f} MB, from {len(sources.sentences)} sentences of "
          f"{sources.folder}, into {out}")


if __name__ == "__main__":
    main()
