"""The extract stage as a pipeline of registered components, and the small configuration that picks them.

``Pipeline.run`` makes a ``Doc`` of a transcript, lets each component propose candidates, merges
them into non-overlapping mentions, cuts sentences, and reads relations, roles, quantities,
claims and nicknames from them.  Which components run is a configuration of a few words::

    persons,-persons.surname        # the defaults, without one component
    -products, my.handles           # without a group (every products.* one), with a registered one

Words are separated by commas, spaces or new lines; ``#`` starts a comment.  ``NAME`` (or
``+NAME``) adds a component, ``-NAME`` removes it; a NAME without a dot stands for every
component of that group.  Start with ``none`` to leave out the defaults.  A word ending in
``.py`` is a Python file of one's own components: it is imported once, and every component it
registers is added.  The same words can live in a file, whose path is given instead
(``talkgraph build --pipeline my.pipeline``).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import builtin  # noqa: F401  (registers the components talkgraph ships)
from .aliases import introduced_aliases
from .brand_products import branded_products
from .claims import extract_claims
from .component import COMPONENTS, Component, merge
from .doc import Doc
from .enumerations import listed_names
from .errors import UsageError
from .model import Extraction, Kind, Mention, Transcript
from .organizations import ends_as_organization
from .recurrence import every_occurrence
from .relations import extract_relations


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The components to run, in the order they run (their order breaks the merge's last ties)."""

    components: tuple[Component, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def find_mentions(self, doc: Doc) -> tuple[Mention, ...]:
        """Run the components on ``doc`` and merge their candidates into ``doc.mentions``."""
        found = []
        for position, component in enumerate(self.components):
            spans = doc.spans[component.name] = component.run(doc)
            found.extend((position, m) for m in spans)
        mentions, doc.overlaps = merge(found, [c.priority for c in self.components],
                                       [c.fills_gaps for c in self.components], [c.sure for c in self.components],
                                       _complete)
        doc.mentions = every_occurrence(doc, branded_products(doc, listed_names(doc, mentions)))
        return doc.mentions

    def run(self, transcript: Transcript) -> Doc:
        """Every stage of extraction on one transcript; ``doc.extraction`` holds the result."""
        doc = Doc(transcript)
        mentions = self.find_mentions(doc)
        doc.split_sentences()
        relations, roles, quantities = extract_relations(transcript, doc.paragraph_sentences, doc.mentions)
        claims, questions = extract_claims(transcript, doc.sentences, relations)
        doc.extraction = Extraction(transcript=transcript, mentions=mentions, relations=relations, roles=roles,
                                    quantities=quantities, claims=claims, questions=questions,
                                    aliases=tuple(introduced_aliases(transcript, mentions)),
                                    sentences=doc.sentences)
        return doc


def _complete(mention: Mention) -> bool:
    """Whether a span reads as a whole name, which the merge keeps a model's span from taking in or
    replacing unless it reads as one too: an organisation that ends as one (北京市公安局)."""
    return mention.kind is Kind.ORGANIZATION and ends_as_organization(mention.text)


def default_pipeline() -> Pipeline:
    return configure_pipeline(None)


def configure_pipeline(config: str | Path | None) -> Pipeline:
    """The pipeline a configuration (its words, or a file of them) describes; None for the defaults."""
    words = _words(config)
    if words[:1] == ["none"]:
        chosen: dict[str, None] = {}
        words = words[1:]
    else:
        chosen = dict.fromkeys(sorted(n for n, c in COMPONENTS.items() if c.default))
    for word in words:
        remove = word.startswith("-")
        names = load_components(Path(word)) if word.endswith(".py") else _matching(word.lstrip("+-"))
        for name in names:
            if remove:
                chosen.pop(name, None)
            else:
                chosen.setdefault(name, None)
    return Pipeline(tuple(COMPONENTS[name] for name in chosen))


_LOADED: dict[Path, list[str]] = {}  # a user's component files imported so far → what each registered


def load_components(path: Path) -> list[str]:
    """Import a Python file of components (once per process); the names of those it registered."""
    path = path.resolve()
    if path in _LOADED:
        return _LOADED[path]
    if not path.is_file():
        raise UsageError(f"{path}: no such file of components")
    before = set(COMPONENTS)
    spec = importlib.util.spec_from_file_location(f"talkgraph_components_{len(_LOADED)}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its functions pickle by name into worker processes (``--jobs``)
    try:
        spec.loader.exec_module(module)
    except UsageError:
        raise
    except Exception as exc:  # the user's code: one line naming the file
        raise UsageError(f"{path}: cannot load components ({type(exc).__name__}: {exc})") from exc
    _LOADED[path] = sorted(set(COMPONENTS) - before)
    if not _LOADED[path]:
        raise UsageError(f"{path}: registers no component (call talkgraph.extract.register)")
    return _LOADED[path]


def _words(config: str | Path | None) -> list[str]:
    if config is None:
        return []
    text = str(config)
    path = Path(text)
    if not re.search(r"[,\s]", text) and path.suffix != ".py" and path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: cannot read the pipeline configuration ({exc})") from exc
    text = re.sub(r"#[^\n]*", "", text)
    return [w for w in re.split(r"[,\s]+", text) if w]


def _matching(name: str) -> list[str]:
    if name in COMPONENTS:
        return [name]
    group = sorted(n for n in COMPONENTS if n.startswith(name + "."))
    if not group:
        raise UsageError(f"no component or group named {name!r}; known: {', '.join(sorted(COMPONENTS))}")
    return group
