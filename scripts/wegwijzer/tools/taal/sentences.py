"""Sentences and words of a piece of text.

URLs, e-mail addresses, phone numbers, postcodes, amounts, numbers and times are masked: each counts as one
word a reader reads, but is never checked. Every pattern here runs in linear time: a masking pattern can only
start where a run of its characters starts, so a 240,000-letter word costs one pass, not billions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from wegwijzer.tools.taal.config import LETTER
from wegwijzer.tools.taal.markdown import CODE_CLOSE, CODE_OPEN, Piece

MASK = "§"
_EMAIL_CHARS = r"[\w.%+'-]"
_MASKS = [
    re.compile(CODE_OPEN + "[^" + CODE_CLOSE + "]*" + CODE_CLOSE),  # inline code
    re.compile(r"(?<![\w/.])(?:https?://|www\.)[^\s)\]>]+[^\s)\].,;:!?>]"),
    re.compile(rf"(?<!{_EMAIL_CHARS}){_EMAIL_CHARS}+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{{2,}}"),
    re.compile(r"(?<![\w.-])[A-Za-z0-9-]+\.(?:nl|com|org|eu|net|info)(?:/[^\s)]*)?\b"),
    re.compile(r"(?<![\w+])(?:\+31|0)\d{1,3}[ -]?\d{3}[ -]?\d{3,4}\b"),  # phone numbers
    re.compile(r"\b[1-9]\d{3} ?[A-Z]{2}\b"),  # postcodes
    re.compile(r"€ ?\d+(?:[.,]\d+)*(?:,-)?"),  # amounts
    re.compile(r"\b\d+(?:[.:,/\-]\d+)*(?:e|ste|de)?\b"),  # numbers, times, dates
]
# Abbreviations with dots: the dot does not end a sentence.
_DOTTED = re.compile(
    r"(?<![\w.])(?:bijv|bv|o\.a|d\.w\.z|i\.p\.v|m\.b\.v|t\.o\.v|m\.u\.v|a\.u\.b|n\.a\.v|z\.o\.z|e\.d|enz|etc|ca|nr|tel|"
    r"incl|excl|mevr|dhr|drs|dr|mr|ir|st|jl|resp|vnl|evt|max|min|gem|zgn|t\.m|t/m)\.",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)]*+(?=\s+(?![a-zà-ÿ])|\s*$)")
WORD_RE = rf"[A-Z]{{1,4}}[0-9]{{1,2}}(?![\w])|[{LETTER}]+(?:['’\-][{LETTER}]+)*"
_TOKEN = re.compile(rf"{WORD_RE}|['’][st]\b|{MASK}+|\+|[,;:()–—]| - ")
_CLAUSE_START = set(":(\"“‘'–—-•")


@dataclass(frozen=True)
class Token:
    text: str  # as written, with ’ as '
    start: int  # offset in the sentence text
    kind: str  # "word", "mask" (a number, address...), "punct" (, ; : ( ) and dashes)
    at_start: bool = False  # first word of the sentence, or after a colon, bracket or quote

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def low(self) -> str:
        return self.text.casefold()


@dataclass
class Sentence:
    text: str  # as the reader sees it
    line: int
    field: str
    tokens: list[Token]
    count: int  # words a reader reads (a number or an address counts as one)
    piece: str = "alinea"  # kop, item, cel, html or alinea
    masked: str = ""  # the text with URLs, numbers, code... as § (same length as text)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]


def mask(text: str) -> str:
    """Replace URLs, e-mail addresses, numbers... with § of the same length."""
    for pattern in _MASKS:
        text = pattern.sub(lambda m: MASK * len(m.group(0)), text)
    return _DOTTED.sub(lambda m: m.group(0)[:-1] + "\u2024", text)


def tokens_of(masked: str) -> tuple[list[Token], int]:
    """Tokens of a masked sentence, and the number of words a reader reads."""
    out: list[Token] = []
    count = 0
    first = True
    for m in _TOKEN.finditer(masked):
        text = m.group(0).replace("’", "'")
        if text.strip() in (",", ";", ":", "(", ")", "–", "—", "-"):
            out.append(Token(text.strip(), m.start(), "punct"))
            continue
        if text == "+":
            continue
        count += 1
        if text.startswith(MASK) or text in ("'s", "'t"):
            out.append(Token(text, m.start(), "mask"))
            first = False
            continue
        before = masked[max(0, m.start() - 2) : m.start()].strip()
        at_start = first or (bool(before) and before[-1] in _CLAUSE_START)
        out.append(Token(text, m.start(), "word", at_start))
        first = False
    return out, count


def sentences_of(piece: Piece, field_name: str) -> list[Sentence]:
    """Split a piece into sentences, each with the line it starts on."""
    if not piece.parts:
        return []
    offsets: list[int] = []
    lines: list[int] = []
    chunks: list[str] = []
    length = 0
    for line, part in piece.parts:
        offsets.append(length)
        lines.append(line)
        chunks.append(part)
        length += len(part) + 1
    text = " ".join(chunks)
    masked = mask(text)
    bounds = [m.end() for m in _SENTENCE_END.finditer(masked)]
    if not bounds or bounds[-1] < len(masked):
        bounds.append(len(masked))
    out = []
    pos = 0
    for end in bounds:
        chunk, mchunk = text[pos:end], masked[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        start, pos = pos + lead, end
        body, mbody = chunk.strip(), mchunk.strip()
        tokens, count = tokens_of(mbody)
        if not count:
            continue
        line = lines[max(0, bisect_right(offsets, start) - 1)]
        display = body.replace(CODE_OPEN, "`").replace(CODE_CLOSE, "`")
        out.append(Sentence(display, line, field_name, tokens, count, piece.kind, mbody))
    return out
