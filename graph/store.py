"""A persistent graph store on disk (pyoxigraph), one named graph per transcript.

Transcripts: each transcript's named graph is compared with what the store holds and, when it
differs, brought to the new contents in one transaction (a SPARQL update that deletes the stale
quads and inserts the new ones), so a build killed at any moment leaves each graph whole, old or
new, never missing.  So building again after a transcript changed rewrites that transcript's
graph and nothing else, and saving the same build twice writes nothing at all.  A build opens
the store before it reads any transcript: the store admits one process at a time, and a second
build fails at once rather than after all its extraction.  Transcripts of earlier builds that this build does not
include are left alone: a store can be filled one batch of transcripts at a time.

Entities (the shared ``entities`` graph): updated subject by subject.  Every entity this build
describes gets this build's description — triples the store holds about it that this build no
longer states are removed, new ones added — and entities this build does not describe are kept.
Why not plain merging: an entity's ``tg:mentionCount`` and labels would pile up one value per
build, and a relation a transcript no longer states would stay for ever.  Why not replacing the
whole entities graph: the store may hold transcripts of other builds whose mentions refer to
entities this build never saw.  The price: when a batch of transcripts is built alone, the shared
entities it describes carry that batch's counts and relations (the statements behind every
relation stay in their transcripts' graphs), and an entity no transcript mentions any more stays
until the store is built afresh.  Building the whole corpus into the store each time, which
rewrites only what changed, keeps the entities exact but for those leftovers.

Speed: the build's quads become pyoxigraph's through its N-Quads parser, in Rust; the transactional
write dominates (about 1.0 s for the 60k triples of 1 MB of transcripts).  A new graph is written with
``extend`` (one transaction, no text); replacing one through the update's text took as long as
``remove_graph`` and ``extend`` did (3.5 s for a 22k-quad transcript whose every offset moved).
``bulk_extend`` of the whole build in one stream writes about twice as fast, but without
transactions a crash could leave a transcript's graph half written, so it is not used.

Oxigraph keeps numbers by value: ``"7"^^xsd:nonNegativeInteger`` is read back from the store as
``"7"^^xsd:integer``.  Comparisons with the store go through ``_canonical`` for that reason.

pyoxigraph rather than rdflib for this: on 910k triples it writes about 40× faster and answers a
GROUP BY about 20× faster than rdflib's memory store.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from talkgraph.extract.errors import OutputError

from .build import RdfPart
from .oxigraph_writer import oxigraph_quads, oxigraph_term
from .datasets import ENTITIES_GRAPH


# RocksDB keeps what was written in memory tables, one per index, until they fill: about 900 MB
# for 10 MB of transcripts.  Flushing every 100k quads holds a 10 MB build to about 310 MB.
FLUSH_EVERY = 100_000


@dataclass(frozen=True, slots=True)
class StoreReport:
    path: Path
    graphs_replaced: int  # transcript graphs written because they were new or changed
    quads: int  # in the whole store after saving
    graphs_unchanged: int = 0  # transcript graphs the store already held exactly
    entity_triples_removed: int = 0  # what this build no longer states about the entities it describes


def open_store(path: str | Path) -> ox.Store:
    """The store at ``path``, created when missing; one process at a time may hold it open, so a
    build opens it before reading any transcript: a second build fails at once, not after its work."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        if "LOCK" in str(exc):
            raise OutputError(f"{path}: the graph store is in use by another process (a build, a query or a "
                              "server); try again when it is done") from None
        raise OutputError(f"{path}: cannot open a graph store here ({exc})") from None


def save_to_store(parts: Iterable[RdfPart], path: str | Path, store: ox.Store | None = None) -> StoreReport:
    """Save a graph given in pieces — ``BuiltGraph.rdf_parts()`` — into the store at ``path``
    (``store``, when the caller opened it already): changed transcripts replaced, the entities
    updated (see the module)."""
    store = open_store(path) if store is None else store
    entities: set[ox.Quad] = set()  # small beside the transcripts; written last
    replaced = unchanged = unflushed = 0
    for part in parts:  # one piece in memory at a time: its quads, and the store's copy to compare
        entities.update(oxigraph_quads(part.shared))
        if part.graph is None:
            continue
        written = _replace_graph(store, oxigraph_term(part.graph), list(oxigraph_quads(part.quads)))
        if written:
            replaced += 1
            unflushed += written
        else:
            unchanged += 1
        if unflushed >= FLUSH_EVERY:
            store.flush()
            unflushed = 0
    removed = _update_entities(store, entities)
    store.flush()
    return StoreReport(Path(path), replaced, len(store), unchanged, removed)


def _replace_graph(store: ox.Store, name: ox.NamedNode, quads: list[ox.Quad]) -> int:
    """Make the named graph hold exactly ``quads``, in one transaction; returns the quads written.

    Reading a transcript's graph back costs a fraction of rewriting it, so a rebuild of unchanged
    transcripts writes nothing, and a changed one writes only its difference.
    """
    old = set(store.quads_for_pattern(None, None, None, name))
    if len(old) == len(quads) and old == _canonical(quads):
        return 0
    new = _canonical(quads) if old else set(quads)
    return _apply(store, name, old - new, new - old)


def _apply(store: ox.Store, graph: ox.NamedNode, remove: set[ox.Quad], add: set[ox.Quad]) -> int:
    """Remove and add quads of one graph in a single transaction: a process killed while it runs
    leaves the graph as it was before, never half replaced or missing.  A SPARQL update is the
    one write of pyoxigraph that both removes and adds in one transaction (``extend`` only adds,
    ``remove_graph`` only removes); its text is N-Triples, which SPARQL's ``DATA`` blocks accept."""
    if not add and not remove:
        return 0
    if not remove:  # a new graph: ``extend`` is one transaction too, and several times faster
        store.extend(add)
        return len(add)
    store.update(f"DELETE DATA {{ GRAPH {graph} {{ {_ntriples(remove)} }} }} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{ {_ntriples(add)} }} }}")
    return len(remove) + len(add)


def _ntriples(quads: Iterable[ox.Quad]) -> str:
    return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _canonical(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    """The quads as the store gives them back: Oxigraph stores numbers by value, so
    ``"7"^^xsd:nonNegativeInteger`` comes back as ``"7"^^xsd:integer`` and ``"1.50"^^xsd:decimal``
    as ``"1.5"``.  Passing them through an in-memory store applies the same rules (about 3 µs a quad)."""
    memory = ox.Store()
    memory.extend(quads)
    return set(memory)


def _update_entities(store: ox.Store, quads: set[ox.Quad]) -> int:
    """Give every entity in ``quads`` exactly this build's description, in one transaction;
    returns the triples removed."""
    target = ox.NamedNode(str(ENTITIES_GRAPH))
    quads = _canonical(quads)
    old = {q for subject in {q.subject for q in quads} for q in store.quads_for_pattern(subject, None, None, target)}
    stale = old - quads
    _apply(store, target, stale, quads - old)
    return len(stale)
