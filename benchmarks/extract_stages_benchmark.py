"""Where the extract stage spends its CPU time, stage by stage, on a folder of transcripts.

Start-up (imports, the segmenter's dictionary), reading, segmentation, masks, each mention component,
the merge, enumeration and recurrence passes, sentences, relations, claims and resolution, each in CPU seconds
of this one process (``time.process_time``: on a shared machine wall time lies).  The cyclic
collector is paused as ``talkgraph build`` pauses it.  Run it on the benchmark corpora before
and after a change, in one sitting, and compare stage by stage::

    .venv/bin/python benchmarks/extract_stages_benchmark.py /work/wt/corpus-1mb
"""
from __future__ import annotations

import gc
import sys
import time
from collections import defaultdict
from pathlib import Path

gc.disable()
SECONDS: dict[str, float] = defaultdict(float)
_began = time.process_time()

from talkgraph.extract import component, doc, pipeline  # noqa: E402
from talkgraph.extract.reading import read_document  # noqa: E402
from talkgraph.extract.resolve import resolve_aliases  # noqa: E402
from talkgraph.extract.tokens import vocabulary  # noqa: E402
from talkgraph.extract.transcript import parse_transcript  # noqa: E402

SECONDS["start-up: imports"] = time.process_time() - _began


def timed(stage: str, function):
    def run(*args, **kwargs):
        began = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SECONDS[stage] += time.process_time() - began
    return run


def segmented_first(run):
    """Each document's paragraphs segmented, and the spans no name may touch found (``masking``,
    which every component's candidates are checked against), before its first component runs,
    each timed apart: otherwise the first component would be charged for them."""
    def component_run(self, document):
        if not getattr(document, "_benchmark_segmented", False):
            began = time.process_time()
            for paragraph in document.paragraphs:
                paragraph.tokens
            document._benchmark_segmented = True
            SECONDS["segmentation"] += time.process_time() - began
            began = time.process_time()
            document.masks
            SECONDS["masks"] += time.process_time() - began
        began = time.process_time()
        try:
            return run(self, document)
        finally:
            SECONDS[f"component {self.name}"] += time.process_time() - began
    return component_run


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if folder is None or not folder.is_dir():
        sys.exit("usage: extract_stages_benchmark.py DIR  (a folder of transcripts)")
    timed("start-up: the segmenter's dictionary", vocabulary)()
    component.Component.run = segmented_first(component.Component.run)
    pipeline.merge = timed("merge", pipeline.merge)
    pipeline.listed_names = timed("enumerations", pipeline.listed_names)
    pipeline.every_occurrence = timed("recurrence", pipeline.every_occurrence)
    pipeline.extract_relations = timed("relations", pipeline.extract_relations)
    pipeline.extract_claims = timed("claims", pipeline.extract_claims)
    pipeline.introduced_aliases = timed("aliases", pipeline.introduced_aliases)
    doc.Doc.split_sentences = timed("sentences", doc.Doc.split_sentences)
    steps = pipeline.default_pipeline()
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    transcripts = [timed("reading", lambda p: parse_transcript(read_document(p)))(p) for p in paths]
    extractions = [timed("extraction in all", steps.run)(t).extraction for t in transcripts]
    timed("resolution", resolve_aliases)(extractions)
    SECONDS["total"] = time.process_time() - _began
    print(f"{len(paths)} transcripts, {sum(len(t.document.text) for t in transcripts):,} characters")
    for stage, seconds in SECONDS.items():
        print(f"{stage:40s} {seconds:7.3f} s")


if __name__ == "__main__":
    main()
