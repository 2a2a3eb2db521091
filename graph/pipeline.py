"""The whole path in one visible pipeline: read → parse → extract → resolve → build → export.

This is the Python API a notebook uses; the CLI is a thin layer over it::

    from talkgraph.graph import build_graph, export_graph
    built = build_graph(["panel.txt"])
    built.rdf.query("SELECT ...")          # rdflib Graph
    built.networkx.nodes(data=True)        # NetworkX MultiDiGraph
    export_graph(built, "out/", ["turtle", "html"])
"""
from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from talkgraph.extract.errors import InputError, OutputError
from talkgraph.extract.extraction import extract
from talkgraph.extract.model import BlockRole, Document, Extraction, Kind, Transcript
from talkgraph.extract.pipeline import Pipeline
from talkgraph.extract.reading import read_document
from talkgraph.extract.resolve import Entity, ResolvedCorpus, ResolvedDocument, resolve_aliases
from talkgraph.extract.transcript import parse_transcript
from talkgraph.ontology.namespace import ONTOLOGY_FILE, PREFIXES

from .build import Fact, RdfPart, corpus_facts, rdf_parts, stated_facts
from .datasets import quads_of
from .exporters import BuiltRdf, atomic_write, get_exporter
from .output_set import staged_outputs
from .exporters.rdf import PartsWriter, parts_of, parts_writer
from .oxigraph_writer import WrittenQuad, oxigraph_quads, rdflib_triples
from .spill import SpilledSequence
from .transcript_files import find_transcripts

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".srt", ".vtt", ".json")

if TYPE_CHECKING:  # networkx costs 0.12 s to import; only the NetworkX graph needs it
    import networkx as nx

    from .validate import ValidationReport


@dataclass(frozen=True)
class BuiltGraph:
    """A resolved corpus and its graphs; the RDF and NetworkX graphs are made when first asked for,
    so that a build into a store never holds the whole RDF graph."""

    corpus: ResolvedCorpus
    refused: tuple[InputError, ...] = ()  # inputs a ``keep_going`` build could not read
    # each transcript's report, made while resolving (``resolved_graph``); None: made from the documents
    reports: Sequence[_TranscriptReport] | None = None

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """The RDF graph as pyoxigraph quads in their named graphs, each once: the entities first,
        each one's triples together, then each transcript's in build order."""
        entities: dict[str, dict[WrittenQuad, None]] = {}
        transcripts: list[WrittenQuad] = []
        for part in self.rdf_parts():
            transcripts += part.quads
            for quad in part.shared:
                entities.setdefault(quad[0], {})[quad] = None
        return list(oxigraph_quads([quad for described in entities.values() for quad in described] + transcripts))

    @cached_property
    def rdf(self) -> Graph:
        """The RDF graph as an rdflib ``Graph`` (named graphs merged).  Its ``SimpleMemory`` store
        iterates in build order, which keeps the exports made from it byte-identical run to run."""
        graph = Graph(store="SimpleMemory")
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True)
        graph.addN((s, p, o, graph) for s, p, o in rdflib_triples(self.quads))
        return graph

    @cached_property
    def networkx(self) -> nx.MultiDiGraph:
        """The one NetworkX view (``networkx_view``): the same nodes and keys as GraphML and Neo4j."""
        from .networkx_view import to_networkx

        return to_networkx(self.rdf)

    def rdf_parts(self) -> Iterator[RdfPart]:
        """The RDF graph in pieces: the entities, then one piece per transcript.  Made afresh each
        time from a corpus kept on disk, so the graph is never whole in memory; made once and kept
        when the corpus is in memory anyway, so several outputs do not make it twice."""
        if not isinstance(self.corpus.documents, list):  # on disk, or read through a view renaming namesakes
            return rdf_parts(self.corpus, self._report[2])
        return iter(self._parts)

    @cached_property
    def _parts(self) -> list[RdfPart]:
        return list(rdf_parts(self.corpus))

    def warnings(self) -> list[str]:
        """What a user should know about the input: transcripts read without any speaker turn, and
        what the reader found doubtful (label-shaped lines left unread, a label inside a turn)."""
        return list(self._report[0])

    def summaries(self) -> list[str]:
        """One line per transcript: its format, turns, share of the text in turns, turns per speaker,
        people, organisations, models, claims."""
        return list(self._report[1])

    @cached_property
    def _report(self) -> tuple[list[str], list[str], list[Fact]]:
        """The warnings, the summaries and the facts the graph states (``corpus_facts``), from each
        transcript's report: made while resolving when the build has them, else in one pass over
        the documents (a corpus kept on disk is read from the disk on each pass)."""
        reports = self.reports if self.reports is not None else map(_TranscriptReport.of, self.corpus.documents)
        warnings: list[str] = []
        summaries: list[str] = []
        stated: list[Fact] = []
        for report in reports:
            warnings += report.warnings
            summaries.append(report.summary(self.corpus.entities))
            stated += report.facts
        return warnings, summaries, corpus_facts(stated)

    def unresolved(self) -> list[str]:
        """One line per mention that resolved to no entity (``--verbose``): where, what, and why."""
        return [f"{doc.extraction.transcript.document.doc_id}:{m.start}-{m.end}: {m.text!r} ({m.kind.value}, "
                f"from {m.source}) refers to no single person of the transcript"
                for doc in self.corpus.documents for m in doc.unresolved]


@dataclass(frozen=True, slots=True)
class _TranscriptReport:
    """What a build says of one transcript and the facts it states, made from the resolved
    transcript alone: a build keeping its transcripts on disk makes it as each is put away
    (``_ReportingSpill``) rather than read them all back for it.  The summary's entity counts
    wait for the corpus's entities."""

    warnings: tuple[str, ...]
    before_counts: str  # the summary up to its entity counts
    keys: frozenset[str]  # the entities the transcript mentions or hears speak
    after_counts: str
    facts: tuple[Fact, ...]  # ``stated_facts``

    @classmethod
    def of(cls, doc: ResolvedDocument) -> _TranscriptReport:
        x = doc.extraction
        t = x.transcript
        per_speaker = Counter(name for turn in t.turns for name in turn.speakers)
        speakers = ", ".join(f"{name} {n}" for name, n in per_speaker.most_common())
        share = _share_in_turns(t)
        return cls(tuple(_warnings(doc, share)),
                   f"{t.document.doc_id}: format: {t.input_format}, {len(t.turns)} turns "
                   f"({share:.0%} of the text{'; ' + speakers if speakers else ''}), ",
                   frozenset(doc.entity_of.values()) | frozenset(doc.speaker_of.values()),
                   f"{len(x.claims)} claims" + _unresolved_count(len(doc.unresolved)),
                   tuple(stated_facts(doc)))

    def summary(self, entities: Mapping[str, Entity]) -> str:
        """One line: format, turns, share of the text in turns, turns per speaker, people,
        organisations, models, claims."""
        count = Counter(entities[k].kind for k in self.keys)
        return (f"{self.before_counts}{count[Kind.PERSON]} people, {count[Kind.ORGANIZATION]} organisations, "
                f"{count[Kind.MODEL]} models, {self.after_counts}")


class _ReportingSpill(SpilledSequence[ResolvedDocument]):
    """Resolved transcripts kept on disk (``SpilledSequence``), each one's report made as it is put away."""

    def __init__(self) -> None:
        super().__init__()
        self.reports: list[_TranscriptReport] = []

    def append(self, item: ResolvedDocument) -> None:
        self.reports.append(_TranscriptReport.of(item))
        super().append(item)


_LOW_SHARE_IN_TURNS = 1 / 3  # an article around an interview holds more of its text in turns than this


def _warnings(doc: ResolvedDocument, share_in_turns: float) -> list[str]:
    transcript = doc.extraction.transcript
    name = transcript.document.source or transcript.document.doc_id
    lines = []
    if not transcript.turns:
        lines.append(f"{name}: no speaker turns found; read as one narrative document "
                     "(see 'Input formats' in the README, or force one with --input-format)")
    elif share_in_turns < _LOW_SHARE_IN_TURNS:
        lines.append(f"{name}: only {share_in_turns:.0%} of the text is in speaker turns; the lines without a "
                     "speaker label were read as the page's own text (if someone speaks them, label them)")
    return lines + [f"{name}: {note}" for note in transcript.notes]


def _unresolved_count(count: int) -> str:
    return f", {count} unresolved mention{'s' if count > 1 else ''}" if count else ""


def _share_in_turns(transcript: Transcript) -> float:
    """How much of a transcript's text its turns hold, their speaker labels included, not counting
    white space, punctuation or the format's own lines (an SRT's cue numbers and time lines are not text)."""
    text = transcript.document.text
    structure = [(b.start, b.end) for b in transcript.blocks if b.role is BlockRole.STRUCTURE]
    total = _letters_and_digits(text) - _letters_and_digits("".join(text[s:e] for s, e in structure))
    inside = _letters_and_digits("".join(text[s:e] for turn in transcript.turns for s, e in (*turn.labels, *turn.spans)))
    return inside / total if total else 0.0


def _letters_and_digits(text: str) -> int:
    """How many letters and digits ``text`` holds: what ``str.isalnum`` accepts, which is what the
    pattern's ``\\w`` accepts but ``_``, counted in C rather than one character at a time (the
    spans to count are joined first: one call, not one per turn)."""
    return len(_NOT_LETTER_OR_DIGIT.sub("", text))


_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class RdfGraph:
    """An rdflib graph made elsewhere (read from files, built in a notebook) in the shape the
    exporters take, as ``BuiltGraph`` is: ``export_graph(RdfGraph(graph), "out/", ["nquads"])``."""

    rdf: Graph

    @cached_property
    def quads(self) -> list[ox.Quad]:
        return quads_of(self.rdf)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration, as it was before afterwards.

    A build allocates millions of small objects that live until it ends and form almost no
    cycles (2,210 objects in cycles over 10 MB of transcripts); the collector rescans them all
    again and again as they pile up, which took a quarter of a 10 MB build.  Reference counting
    still frees everything else.  The CLI pauses it for a build; a notebook may do the same.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def transcript_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the transcripts (``TRANSCRIPT_SUFFIXES``) inside directories, sorted;
    an ``InputError`` for the first input that cannot be read (``transcript_files``)."""
    found = find_transcripts(inputs, TRANSCRIPT_SUFFIXES)
    if found.refused:
        raise found.refused[0]
    return list(found.paths)


@dataclass(frozen=True)
class ReadOptions:
    """How to read the transcripts: a format forced by name (``--input-format``) instead of the one
    each file's content shows, and speaker labels named by hand (``--speakers 'A=王小川'``)."""

    input_format: str | None = None
    speakers: Mapping[str, str] | None = None


def read_and_extract(path: Path, pipeline: Pipeline | None = None, options: ReadOptions = ReadOptions()) -> Extraction:
    """The per-transcript part of the pipeline, run in a worker process with ``jobs > 1``."""
    return extract(parse_transcript(read_document(path), options.input_format, options.speakers), pipeline)


def build_from_documents(documents: Sequence[Document], pipeline: Pipeline | None = None,
                         options: ReadOptions = ReadOptions()) -> BuiltGraph:
    """Build from documents already in memory (``document_from_text``)."""
    return BuiltGraph(resolve_aliases(extract(parse_transcript(doc, options.input_format, options.speakers), pipeline)
                                      for doc in documents))


def build_graph(inputs: Iterable[str | Path], jobs: int = 1,
                progress: Callable[[int, int, Path], None] | None = None, on_disk: bool = False,
                pipeline: Pipeline | None = None, options: ReadOptions = ReadOptions(),
                keep_going: bool = False, cluster: str | None = None) -> BuiltGraph:
    """Read, extract, resolve and build the transcripts (files or directories) given.

    ``pipeline`` chooses the mention components (``talkgraph.extract.configure_pipeline``).

    ``jobs`` worker processes extract transcripts in parallel; results keep the input order, so
    the graph is the same whatever ``jobs`` is.  ``progress(done, total, path)`` is called after each.
    ``on_disk`` keeps the resolved transcripts in a temporary file rather than in memory, so that
    a corpus of any size can be written into a store (``rdf_parts``) in bounded memory.
    The first input that cannot be read stops the build with its ``InputError``; with ``keep_going``
    the others are built and every one refused is in ``BuiltGraph.refused``.
    ``cluster``, the address of a Dask scheduler, runs the per-transcript work there (``cluster.py``)
    instead of in local processes; the graph is the same.
    """
    found = find_transcripts(inputs, TRANSCRIPT_SUFFIXES)
    if found.refused and not keep_going:
        raise found.refused[0]
    refused = list(found.refused)
    paths = list(found.paths)
    if not keep_going:
        extractions = _extractions(paths, jobs, progress, pipeline, options, cluster=cluster)
    else:
        extractions = _readable(_extractions(paths, jobs, progress, pipeline, options, _extract_or_refuse, cluster), refused)
    return resolved_graph(extractions, on_disk, refused)


def resolved_graph(extractions: Iterable[Extraction], on_disk: bool = False,
                   refused: Sequence[InputError] = ()) -> BuiltGraph:
    """The graph of the extractions once resolved into one set of entities (``resolve_aliases``).

    ``on_disk`` keeps the resolved transcripts in a temporary file rather than in memory, and
    makes each one's report (warnings, summary, facts) as it is put away, so that they are read
    back once, to write the graph; unless resolution then renamed a namesake in some (it hands
    back a view renaming them as they are read), and the reports are made from that view.
    ``refused``: the inputs that could not be read, filled while the extractions stream.
    """
    if not on_disk:
        return BuiltGraph(resolve_aliases(extractions), tuple(refused))
    spill = _ReportingSpill()
    corpus = resolve_aliases(extractions, spill)
    return BuiltGraph(corpus, tuple(refused), spill.reports if corpus.documents is spill else None)


def _extract_or_refuse(path: Path, pipeline: Pipeline | None = None,
                       options: ReadOptions = ReadOptions()) -> Extraction | InputError:
    """``read_and_extract`` that hands back the transcript's ``InputError`` rather than raising it."""
    try:
        return read_and_extract(path, pipeline, options)
    except InputError as exc:
        return exc


def _readable(results: Iterable[Extraction | InputError], refused: list[InputError]) -> Iterator[Extraction]:
    for result in results:
        if isinstance(result, InputError):
            refused.append(result)
        else:
            yield result


def _extractions(paths: list[Path], jobs: int, progress: Callable[[int, int, Path], None] | None,
                 pipeline: Pipeline | None = None, options: ReadOptions = ReadOptions(),
                 work: Callable[[Path, Pipeline | None, ReadOptions], Extraction | InputError] = read_and_extract,
                 cluster: str | None = None) -> Iterator[Extraction]:
    """Each transcript's extraction (``work`` of its path), in input order, as soon as it is ready:
    on a Dask cluster, in ``jobs`` local processes, or in this one."""
    if cluster:
        from .cluster import cluster_extractions

        yield from cluster_extractions(paths, cluster, partial(work, pipeline=pipeline, options=options), progress)
    elif jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor  # 20 ms of every start, for builds with --jobs only

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(work, paths, [pipeline] * len(paths), [options] * len(paths))
            for n, (path, extraction) in enumerate(zip(paths, results), 1):
                yield extraction
                if progress:
                    progress(n, len(paths), path)
    else:
        for n, path in enumerate(paths, 1):
            yield work(path, pipeline, options)
            if progress:
                progress(n, len(paths), path)


def export_graph(built: BuiltRdf, out_dir: str | Path, formats: Sequence[str] = ("turtle", "html"),
                 check_shapes: Callable[[ValidationReport], None] | None = None) -> list[Path]:
    """Write the ontology and each format's file into ``out_dir``; returns what was written.

    The formats that can be written part by part (``exporters.rdf.PARTS_WRITERS``) are written in
    one pass over ``built.rdf_parts()``, as the store is, so that a build writing only those never
    holds the whole graph; the others take the whole graph.  ``check_shapes``, when given, receives
    the shapes check of the graph, made in the same pass; if it raises, nothing is written.
    The files are written together (``output_set``): should one fail — a full disk, an exporter's
    error — none replaces what ``out_dir`` held, and no half-written file is left behind.
    """
    out_dir = Path(out_dir)
    exporters = [get_exporter(name) for name in formats]
    streamed = {e.name: parts_writer(e.name)() for e in exporters if parts_writer(e.name)}
    try:
        if streamed or check_shapes:
            _write_parts(built, list(streamed.values()), check_shapes)
        with staged_outputs(out_dir) as staging:
            _write_output(out_dir, staging, "ontology.ttl", _write_ontology)
            for exporter in exporters:
                write = streamed[exporter.name].write if exporter.name in streamed else partial(exporter.write, built)
                _write_output(out_dir, staging, exporter.filename, write)
    finally:
        for writer in streamed.values():
            writer.close()
    return [out_dir / "ontology.ttl"] + [out_dir / exporter.filename for exporter in exporters]


def _write_ontology(path: Path) -> None:
    with atomic_write(path) as handle:
        handle.write(ONTOLOGY_FILE.read_text(encoding="utf-8"))


def _write_output(out_dir: Path, staging: Path, filename: str, write: Callable[[Path], None]) -> None:
    try:
        write(staging / filename)
    except OSError as exc:
        raise OutputError(f"{out_dir / filename}: cannot be written ({exc.strerror or exc}); "
                          "the previous outputs are unchanged") from None


def streams_every(formats: Sequence[str]) -> bool:
    """Whether every format is written part by part, so that a build of them may keep its corpus on
    disk (``build_graph(on_disk=True)``) and never hold the whole graph."""
    return all(parts_writer(name) for name in formats)


def _write_parts(built: BuiltRdf, writers: list[PartsWriter],
                 check_shapes: Callable[[ValidationReport], None] | None) -> None:
    """One pass over the graph's parts into every writer and, when asked, the shapes check."""
    from .validate import PartsCheck

    check = PartsCheck() if check_shapes else None
    for part in parts_of(built):
        for writer in writers:
            writer.add(part)
        if check:
            check.add(part)
    if check_shapes:
        check_shapes(check.report())
