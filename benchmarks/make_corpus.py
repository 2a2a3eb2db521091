"""A benchmark corpus of about N MB: real turns recombined into new transcripts, speakers renamed.

The turns come from ``examples/idea-2021-panel.txt`` and, when it is there, from
``../shared/corpus/ai-coding-2025-podcast.txt`` (read at run time, never copied into the repo).
Each generated transcript takes 3–5 speakers with generated Chinese names and about 30 KB of
turns, so the corpus has the shape of many real transcripts rather than one huge one, and its
names are new to talkgraph's lexicon, as a user's would be.  Generation is seeded and sequential:
the first files of a 10 MB corpus are the files of a 1 MB one, so sizes compare like for like.

    .venv/bin/python benchmarks/make_corpus.py [--mb 10] [--out benchmarks/data/corpus-10mb] [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from talkgraph.extract.reading import read_document
from talkgraph.extract.transcript import parse_transcript

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples" / "idea-2021-panel.txt", ROOT.parent / "shared" / "corpus" / "ai-coding-2025-podcast.txt")
DEFAULT_OUT = ROOT / "benchmarks" / "data"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣晨博文轩怡佳"
TRANSCRIPT_BYTES = 30_000
SPEAKERS_PER_TRANSCRIPT = (3, 5)


@dataclass(frozen=True, slots=True)
class SourceTurn:
    speaker: str
    text: str


def source_turns(paths=SOURCES) -> list[SourceTurn]:
    """Every speaker turn of the source transcripts that exist, as parsed by talkgraph itself."""
    turns = []
    for path in paths:
        if not path.exists():
            continue
        transcript = parse_transcript(read_document(path))
        text = transcript.document.text
        for turn in transcript.turns:
            body = "\n\n".join(text[start:end].strip() for start, end in turn.spans)
            if body:
                turns.append(SourceTurn(turn.speaker, body))
    if not turns:
        raise SystemExit("no source transcripts found")
    return turns


def chinese_name(rng: random.Random, taken: set[str]) -> str:
    """A surname and one or two given-name characters, new within one transcript."""
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in taken:
            taken.add(name)
            return name


def transcript(rng: random.Random, turns: list[SourceTurn], number: int) -> str:
    """One transcript: a title, then turns of 3–5 source speakers drawn at random, all renamed.

    Every source speaker gets a new name for this transcript, and the new names replace the old
    ones inside turn texts too, so introductions and addresses agree with the speaker labels and
    no original name is left behind; only the cast's turns are drawn.
    """
    speakers = sorted({turn.speaker for turn in turns}, key=lambda name: (-len(name), name))
    taken: set[str] = set()
    renamed = {speaker: chinese_name(rng, taken) for speaker in speakers}
    cast = set(rng.sample(speakers, min(len(speakers), rng.randint(*SPEAKERS_PER_TRANSCRIPT))))
    pool = [turn for turn in turns if turn.speaker in cast]
    paragraphs = [f"第{number}期对话"]
    size = 0
    while size < TRANSCRIPT_BYTES:
        turn = rng.choice(pool)
        paragraph = f"{renamed[turn.speaker]}：{_rename(turn.text, renamed)}"
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    return "\n\n".join(paragraphs) + "\n"


def _rename(text: str, renamed: dict[str, str]) -> str:
    """``renamed`` lists longer names first, so a name inside another is not replaced first."""
    for old, new in renamed.items():
        text = text.replace(old, new)
    return text


def make_corpus(out: Path, megabytes: float = 10, seed: int = 7) -> list[Path]:
    """Write transcripts into ``out`` (emptied first) until they hold ``megabytes`` MB of UTF-8."""
    turns = source_turns()
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written, total, target = [], 0, megabytes * 1_000_000
    while total < target:
        path = out / f"talk-{len(written) + 1:04d}.txt"
        data = transcript(rng, turns, len(written) + 1).encode("utf-8")
        path.write_bytes(data)
        written.append(path)
        total += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10, help="corpus size in MB of UTF-8 text (default 10)")
    parser.add_argument("--out", type=Path, help="output directory (default benchmarks/data/corpus-<N>mb)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    out = args.out or DEFAULT_OUT / f"corpus-{args.mb:g}mb"
    files = make_corpus(out, args.mb, args.seed)
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} transcripts, {size / 1e6:.2f} MB, into {out}")


if __name__ == "__main__":
    main()
