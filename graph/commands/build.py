"""``talkgraph build``: transcripts in, graph files out."""
from __future__ import annotations

import argparse
import sys

from talkgraph.extract.errors import InputError, printable

from . import add_command

DEFAULT_FORMATS = ("turtle", "html")


def configure(subparsers) -> None:
    parser = add_command(
        subparsers, "build", "build the knowledge graph of transcripts",
        "Read transcripts (files or directories), extract and resolve entities, relations and claims,\n"
        "and write the graph: graph.ttl, ontology.ttl and graph.html by default.",
        ["talkgraph build panel.txt -o out/",
         "talkgraph build transcripts/ -o out/ --format turtle --format nquads",
         "talkgraph build panel.txt -o out/ --format all",
         "talkgraph build panel.txt -o out/ --pipeline=-persons.surname,my_components.py",
         "talkgraph build panel.txt -o out/ --lexicon my-names.tsv"])
    parser.add_argument("inputs", nargs="+", metavar="TRANSCRIPT", help="transcript files or directories of them")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    parser.add_argument("--format", action="append", metavar="NAME",
                        help="output format, repeatable; 'all' for every one "
                             f"(default: {' and '.join(DEFAULT_FORMATS)}; see 'talkgraph formats')")
    parser.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                        help="extract transcripts in N processes (default 1; the graph is the same)")
    parser.add_argument("--cluster", metavar="ADDRESS",
                        help="read and extract the transcripts on a Dask distributed cluster (tcp://HOST:8786; "
                             "needs pip install 'talkgraph[cluster]'); the graph is the same as a local build's")
    parser.add_argument("--store", metavar="PATH",
                        help="also keep the graph in a persistent store at PATH (pyoxigraph), one named graph "
                             "per transcript: a rebuild replaces changed transcripts only. With --store, files "
                             "are written only for the formats named with --format, and the shapes are not checked")
    parser.add_argument("--input-format", metavar="NAME",
                        help="read every transcript in this format instead of the one its content shows "
                             "(dialogue, interview, srt, vtt, meeting; the build summary says which was used)")
    parser.add_argument("--speakers", metavar="LABEL=NAME,...",
                        help="who speaker labels stand for, overriding what is read from the text: "
                             "--speakers 'A=王小川,Q=张小珺'")
    parser.add_argument("-k", "--keep-going", action="store_true",
                        help="build the transcripts that can be read and list every one that cannot "
                             "(exit status 1 when any could not); without it the first one stops the build")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip checking the graph against talkgraph's SHACL shapes before writing "
                             "(the check takes about 0.2 s per MB of transcript)")
    parser.add_argument("--pipeline", metavar="CONFIG",
                        help="mention components to run: the defaults changed by NAME (add), -NAME (remove), a group "
                             "(persons, organizations, ...), FILE.py (your own components), comma-separated, or a "
                             "file of such words (see docs/architecture.md)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list each mention that resolved to no entity")
    parser.add_argument("--lexicon", action="append", metavar="FILE",
                        help="add your own names, kinds and aliases (a TSV shaped like ontology/lexicon/: "
                             "name, aliases, parent, kind), repeatable; see README")
    parser.set_defaults(run=run)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _check_shapes(report) -> None:
    """The build checks its own output: a graph that breaks talkgraph's shapes is a bug, not a file."""
    from talkgraph.extract.errors import TalkgraphError

    if not report.conforms:
        first = report.results[0] if report.results else "no details"
        raise TalkgraphError(f"the built graph breaks {len(report.results)} of talkgraph's own shapes "
                             f"(first: {first}); nothing was written; please report this")


def _read_options(args: argparse.Namespace):
    from talkgraph.extract.readers import get_reader, parse_speaker_overrides
    from talkgraph.graph.pipeline import ReadOptions

    if args.input_format:
        get_reader(args.input_format)
    speakers = parse_speaker_overrides(args.speakers) if args.speakers else None
    return ReadOptions(args.input_format, speakers)


def _progress_bar(done: int, total: int, path) -> None:
    """A one-line progress bar on a terminal; nothing when stderr is a file or a pipe."""
    if total < 2 or not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {str(path)[-40:]:40}", end=end,
          file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from talkgraph.extract.pipeline import configure_pipeline
    from talkgraph.graph.exporters import ensure_writable, get_exporter, load_exporters
    from talkgraph.graph.pipeline import cyclic_gc_paused

    if args.lexicon:  # first: what the components derive from the lexicons is made on first use
        _use_lexicons(args.lexicon)
    pipeline = configure_pipeline(args.pipeline)  # a bad configuration fails before any work is done
    names = args.format or ([] if args.store else list(DEFAULT_FORMATS))
    if "all" in names:
        names = sorted(load_exporters())
    for name in names:
        get_exporter(name)  # an unknown format fails before any work is done
    _read_options(args)  # so do an unknown input format and malformed --speakers
    ensure_writable(args.output)
    with cyclic_gc_paused():
        return _build_and_write(args, names, pipeline)


def _build_and_write(args: argparse.Namespace, names: list[str], pipeline) -> int:
    from talkgraph.graph.pipeline import build_graph, export_graph, streams_every
    from talkgraph.graph.store import open_store, save_to_store

    store = open_store(args.store) if args.store else None  # held from here: a second build fails at once
    built = build_graph(args.inputs, jobs=args.jobs, progress=_progress_bar, on_disk=bool(args.store) or streams_every(names),
                        pipeline=pipeline, options=_read_options(args), keep_going=args.keep_going,
                        cluster=args.cluster)
    for refusal in built.refused:
        print(f"error: {refusal}", file=sys.stderr)
    if built.refused and not built.corpus.documents:
        raise InputError(f"none of the {len(built.refused)} transcript(s) could be read; nothing was written")
    for line in built.warnings():
        _say(f"warning: {line}")
    for line in built.summaries():
        _say(line)
    for line in built.unresolved() if args.verbose else ():
        _say(f"unresolved: {line}")
    if store is not None:
        report = save_to_store(built.rdf_parts(), args.store, store)
        _say(f"stored in {report.path}: {report.graphs_replaced} transcript graph(s) written, "
             f"{report.graphs_unchanged} unchanged ({report.quads} quads in the store)")
    check = _check_shapes if args.validate and store is None else None
    for path in export_graph(built, args.output, names, check_shapes=check):
        _say(f"wrote {path}")
    if built.refused:
        print(f"error: {len(built.refused)} transcript(s) could not be read (listed above); "
              f"the graph holds the other {len(built.corpus.documents)}", file=sys.stderr)
        return 1
    return 0


def _say(line: str) -> None:
    """A line on stderr, with the file names in it made printable."""
    print(printable(line), file=sys.stderr)


def _use_lexicons(paths: list[str]) -> None:
    """Read every ``--lexicon`` file before any work: a bad line stops the build, naming it."""
    from talkgraph.extract.errors import InputError
    from talkgraph.ontology import lexicon

    merged: dict = {}
    for path in paths:
        try:
            entries = lexicon.read_user_lexicon(path)
        except OSError as exc:
            raise InputError(f"cannot read the lexicon {path}: {exc.strerror or exc}") from None
        except lexicon.LexiconFileError as exc:
            raise InputError(f"bad lexicon line: {exc}") from None
        for kind, found in entries.items():
            merged[kind] = merged.get(kind, ()) + found
    lexicon.use_user_lexicon(merged)

