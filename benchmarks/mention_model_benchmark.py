"""Tagging speed of the trained mention model on one core, in characters per second.

Over the paragraphs of the given transcripts (default: the example and the six dev transcripts when
present) that the component tags (those with Han characters), segmented beforehand as a ``Doc``
segments them once for all components, times in one run:

* CRFsuite as tagging ran before (``char_features`` strings, ``Tagger.tag``, ``Tagger.marginal`` for
  each tagged span), one paragraph at a time, alone and as the component ran it (with the
  post-filter and the least scores): the references (need python-crfsuite, the ``test`` or
  ``train`` extra);
* the tables (``tag_texts``: the state scores, Viterbi and marginals in talkgraph's C module,
  ``extract/linear_chain.c``) one paragraph at a time;
* the tables over each document's paragraphs at once, as the component ``model.crf`` tags them;
* the component itself (``find_names``: that, the post-filter and the candidates).

Each figure is the best of three passes after a warm-up pass (which loads the model); time is this
process's CPU time, so the rate is that of one core even on a machine other work shares.  The
spans of every way are checked equal to CRFsuite's first.

    .venv/bin/python benchmarks/mention_model_benchmark.py [FILE...]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from talkgraph.extract import document_from_text, parse_transcript
from talkgraph.extract.doc import Doc
from talkgraph.extract.mention_model import (COMPONENT_KINDS, MODEL_FILE, TAG_KINDS, char_features, find_names,
                                             has_han, spans_from_tags, tag_texts)
from talkgraph.extract.model_refusals import refusal

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "examples" / "idea-2021-panel.txt",
           *sorted(f for f in (ROOT.parent.parent / "shared" / "corpus").glob("*.txt") if f.name != "idea-2021-panel.txt")]


def crfsuite_spans(tagger, text: str, words) -> list[tuple[int, int, str, float]]:
    """What tagging returned before the tables: CRFsuite's spans and rounded least marginals."""
    tags = tagger.tag(char_features(text, words))
    return [(s, e, typ, round(min(tagger.marginal(tags[i], i) for i in range(s, e)), 4))
            for s, e, typ in spans_from_tags(tags) if typ in TAG_KINDS]


def best_time(run) -> float:
    run()  # warm-up: loads the model, fills the caches
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = args.files or [f for f in DEFAULT if f.is_file()]
    docs = [Doc(parse_transcript(document_from_text(f.read_text(encoding="utf-8"), doc_id=f.stem))) for f in files]
    documents = []
    for doc in docs:
        paragraphs = [p for p in doc.paragraphs if has_han(p.text)]
        documents.append(([p.text for p in paragraphs],
                          [[(t.word, t.start - p.start, t.end - p.start) for t in p.tokens] for p in paragraphs]))
    chars = sum(len(t) for texts, _ in documents for t in texts)
    print(f"{len(files)} transcripts, {sum(len(t) for t, _ in documents)} paragraphs, {chars:,} characters")

    def as_tuples(spans):
        return [(s.start, s.end, s.kind, s.score) for s in spans]

    ways = {
        "tables, one paragraph at a time": lambda: [tag_texts([t], [w]) for texts, words in documents
                                                    for t, w in zip(texts, words)],
        "tables, a document's paragraphs at once": lambda: [tag_texts(texts, words) for texts, words in documents],
        "component model.crf (with the post-filter)": lambda: [list(find_names(doc, doc.paragraphs)) for doc in docs],
    }
    try:
        import pycrfsuite
    except ImportError:
        print("python-crfsuite is not installed: no CRFsuite reference", file=sys.stderr)
        reference = None
    else:
        from importlib import resources

        tagger = pycrfsuite.Tagger()
        with resources.as_file(resources.files("talkgraph.extract").joinpath("data", MODEL_FILE)) as path:
            tagger.open(str(path))
        expected = [[[(s, e, TAG_KINDS[typ], score) for s, e, typ, score in crfsuite_spans(tagger, t, w)]
                     for t, w in zip(texts, words)] for texts, words in documents]
        got = [[as_tuples(spans) for spans in tag_texts(texts, words)] for texts, words in documents]
        assert got == expected, "the tables' spans differ from CRFsuite's"
        reference = best_time(lambda: [crfsuite_spans(tagger, t, w) for texts, words in documents
                                       for t, w in zip(texts, words)])
        print(f"{'CRFsuite, one paragraph at a time (before)':45} {chars / reference:>12,.0f} chars/s")

        def component_before():
            for texts, words in documents:
                for t, w in zip(texts, words):
                    for s, e, typ, score in crfsuite_spans(tagger, t, w):
                        kind = TAG_KINDS[typ]
                        if refusal(t, s, e, kind, w, score) is None and score >= COMPONENT_KINDS.get(kind, 2):
                            pass

        component_reference = best_time(component_before)
        print(f"{'the component with CRFsuite (before)':45} {chars / component_reference:>12,.0f} chars/s")
    for name, run in ways.items():
        seconds = best_time(run)
        against = component_reference if name.startswith("component") else reference
        ratio = f"  {against / seconds:5.2f}x" if reference else ""
        print(f"{name:45} {chars / seconds:>12,.0f} chars/s{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
