"""What a public, read-only SPARQL endpoint refuses before a query reaches the engine.

Oxigraph answers ``SERVICE <iri> { … }`` by sending the inner query to ``iri`` over HTTP, and
pyoxigraph offers no option to turn that off (``Store.query`` has no service handler setting), so
``serve`` would relay requests from any web page into the user's network.  The refusal is made on
the query's tokens: strings, IRIs and comments are skipped and a bare word ``SERVICE`` (any case)
is the keyword, whatever follows it (``SILENT``, an IRI, a variable).  Oxigraph does not expand
``\\u`` escapes outside strings and IRIs, but the text is checked with them expanded as well, so
a future engine that does cannot be led around the check.  Updates (``LOAD`` among them) never
run: the engine's query parser refuses them, and they are recognised here only to say so.
"""
from __future__ import annotations

import re

from talkgraph.extract.errors import UsageError

# skipped: their text is data, never keywords
_OPAQUE = re.compile(
    r"""'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\""""  # long strings
    r"""|'(?:\\.|[^'\\\n\r])*'|"(?:\\.|[^"\\\n\r])*\""""  # short strings
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""  # IRIs
    r"""|\#[^\n\r]*""",  # comments
    re.DOTALL)
# a word; one holding ':' is a prefixed name, one starting with ? $ @ a variable or language tag
_WORD = re.compile(r"[?$@]?[\w:.\-]+")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PROLOGUE = frozenset({"BASE", "PREFIX"})
_UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


class RefusedQuery(UsageError):
    """A query this endpoint will not run, whatever the data."""


def keywords(query: str) -> list[str]:
    """The query's bare words in order, upper-cased, without strings, IRIs, comments, variables
    or prefixed names."""
    words = []
    for word in _WORD.findall(_OPAQUE.sub(" ", query)):
        word = word.strip(".")
        if word and word[0] not in "?$@" and ":" not in word:
            words.append(word.upper())
    return words


def check_read_only(query: str) -> None:
    """Raise ``RefusedQuery`` for a query that would reach outside the graph or change it."""
    expanded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    for text in (query, expanded) if expanded != query else (query,):
        words = keywords(text)
        if "SERVICE" in words:
            raise RefusedQuery("SERVICE is refused: this endpoint answers from its own graph only and "
                               "makes no request to other servers")
        first = next((w for w in words if w not in _PROLOGUE), "")
        if first in _UPDATE_KEYWORDS:
            raise RefusedQuery("this endpoint is read-only: updates are refused")
