"""talkgraph's own exceptions; the CLI turns each into one line on stderr."""
from __future__ import annotations


class TalkgraphError(Exception):
    """Base of every error talkgraph raises on purpose."""

    exit_code = 1


class InputError(TalkgraphError):
    """The input cannot be read as a transcript (missing, empty, binary, undecodable, too large)."""


class OutputError(TalkgraphError):
    """An output cannot be written."""


class UsageError(TalkgraphError):
    """The command was called wrongly (unknown format, bad option value)."""

    exit_code = 2
