"""Patterns compiled at their first use, for the shapes of input most texts never hold.

Python compiles a class of Han characters (``[\\u3400-\\u9fff]``) by marking its 27,000 characters
one by one, half a millisecond each time one is written, and talkgraph's modules hold hundreds.
A pattern only some inputs reach (a byline, an introduction naming the guests, an English clause,
a time code) is compiled when one does rather than at every start.
"""
from __future__ import annotations

import re
from typing import Any


class DeferredPattern:
    """``re.compile(pattern, flags)``, made at the first attribute asked of it (``search``,
    ``match``, ``pattern``, ...).  Each attribute asked is then kept as the compiled pattern's own,
    so that later calls cost what calls of the compiled pattern do."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(*self._source)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"DeferredPattern{self._source!r}"
