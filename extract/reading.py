"""Reading transcripts from files or strings into a ``Document``.

Paths and contents go through separate functions: a string that may be either is a trap.
Line ends are normalised to ``\\n`` and a byte-order mark is dropped, so a CRLF or UTF-16 copy of
a transcript gives the same text, offsets and graph as its UTF-8 original.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .errors import InputError
from .model import Document

MAX_BYTES = 20 * 1024 * 1024
_FALLBACK_ENCODINGS = ("gb18030", "big5")
_SLUG_UNSAFE = re.compile(r"[^\w.-]+")


def document_from_text(text: str, doc_id: str | None = None, source: str | None = None) -> Document:
    """A ``Document`` from a string already in memory (a notebook cell, stdin)."""
    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError(f"{source or 'input'}: the transcript is empty")
    if doc_id is None:
        doc_id = "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Document(doc_id=slugify(doc_id), text=text, source=source)


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one transcript file, detecting UTF-8, UTF-16 (with a BOM or without) and GB18030/Big5."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a transcript")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: {size / 1048576:.0f} MB is larger than the {max_bytes / 1048576:.0f} MB "
                "a transcript may have; split it into smaller files")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    text = decode_transcript(raw, str(path))
    return document_from_text(text, doc_id=path.stem, source=str(path))


def decode_transcript(raw: bytes, name: str = "input") -> str:
    """Bytes to text: BOMs first, then UTF-8, then the common Chinese legacy encodings."""
    if not raw.strip():
        raise InputError(f"{name}: the transcript is empty")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {codec} mark but is not valid {codec}") from None
    if b"\x00" in raw:
        text = _utf16_without_mark(raw)
        if text is None:
            raise InputError(f"{name}: looks like a binary file, not a text transcript")
        return text
    for codec in ("utf-8", *_FALLBACK_ENCODINGS):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise InputError(f"{name}: not text in UTF-8, UTF-16, GB18030 or Big5")


def _utf16_without_mark(raw: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark (some Windows tools do): the byte order whose text is
    nearly all ordinary characters; binary data read as UTF-16 scatters over the whole plane."""
    if len(raw) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        ordinary = sum(1 for ch in text if _ordinary(ch))
        if ordinary >= 0.95 * len(text) and _looks_like_text(text):
            return text
    return None


def _ordinary(ch: str) -> bool:
    """A character a Chinese or English transcript is made of: ASCII, CJK, their punctuation and forms."""
    code = ord(ch)
    return (code < 0x80 or 0x3000 <= code <= 0x303F or 0x4E00 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF
            or 0x2000 <= code <= 0x206F or 0x3400 <= code <= 0x4DBF or code in (0xA0, 0xB7))


def _looks_like_text(text: str) -> bool:
    """At most one character in a hundred a control character other than a line's or a page's end
    or a tab: binary data decoded as text is full of them."""
    return len(_CONTROL.findall(text)) <= len(text) // 100


# Unicode's control characters (category Cc) but \t \n \f \r, found in C rather than one at a time
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def slugify(name: str) -> str:
    """A readable, IRI-safe identifier from a file name."""
    slug = _SLUG_UNSAFE.sub("-", unicodedata.normalize("NFKC", name)).strip("-.")
    return slug or "doc"
