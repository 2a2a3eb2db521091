"""Text for a terminal: how many columns a string takes, East Asian wide characters counting two."""
from __future__ import annotations

from unicodedata import east_asian_width


def display_width(text: str) -> int:
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` columns (never cut)."""
    return text + " " * max(0, width - display_width(text))
