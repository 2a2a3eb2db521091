"""talkgraph's own exceptions; the CLI turns each into one line on stderr."""
from __future__ import annotations

import unicodedata


class TalkgraphError(Exception):
    """Base of every error talkgraph raises on purpose.

    Its message is always one printable line: a file name may hold a newline, an escape sequence
    that would drive the terminal, or bytes that are not UTF-8 (``printable``).
    """

    exit_code = 1

    def __str__(self) -> str:
        return printable(super().__str__())


class InputError(TalkgraphError):
    """The input cannot be read as a transcript (missing, empty, binary, undecodable, too large)."""


class OutputError(TalkgraphError):
    """An output cannot be written."""


class UsageError(TalkgraphError):
    """The command was called wrongly (unknown format, bad option value)."""

    exit_code = 2


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: control and format characters (newlines, ESC,
    line separators, right-to-left overrides) as ``\\n``/``\\x1b``/``\\u2028`` escapes, and the bytes
    of a file name that were not UTF-8 (Python's surrogate escapes) as ``\\xNN``."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or unicodedata.category(ch) == "Zs":  # spaces of any width stay
            out.append(ch)
        elif "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xdc00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)
