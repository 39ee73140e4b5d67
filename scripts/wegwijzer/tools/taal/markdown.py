"""Markdown to pieces of text a reader sees as one unit (paragraph, list item, heading, table cell).

Line numbers are kept per line; Markdown syntax, code, comments and front matter are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wegwijzer.tools.taal.config import LETTER, norm_word

CODE_OPEN, CODE_CLOSE = "\u27e6", "\u27e7"  # inline code is kept as one unit, but not checked

# Clean-up of one line (lengths may change: line numbers are kept per line).
_INLINE = [
    (re.compile(r"`([^`\n]{0,2000})`"), CODE_OPEN + r"\1" + CODE_CLOSE),
    (re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)"), r"\1"),  # links -> text
    (re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,200}\]"), r"\1"),  # reference links
    (re.compile(r"\[\^[^\]\n]{1,200}\]"), ""),  # footnote references
    (re.compile(r"<(?:https?://|mailto:)[^>\s]{1,2000}>"), ""),  # autolinks
    (re.compile(r"<!--.{0,2000}?-->"), ""),
    (re.compile(r"</?[A-Za-z][^<>\n]{0,500}>"), " "),  # HTML tags
    (re.compile(r"\{ {0,3}[:#.][^{}\n]{0,500}\}"), ""),  # attribute lists
    (re.compile(r"(\*\*|__|~~|==|\^\^)"), ""),  # strong, strike, mark
    (re.compile(rf"(?<![{LETTER}0-9])[*_]|[*_](?![{LETTER}0-9])"), ""),  # emphasis
    (re.compile(r"&nbsp;|&amp;"), " "),
]
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]{1,40}(?:\s+[\w\s-]{0,200}?)?(?:\s+\"(.*)\")?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:")
_LINK_DEF = re.compile(r"^\[[^\]]+\]:\s*\S+")
_HTML_LINE = re.compile(r"^</?[A-Za-z][^<>]{0,500}>")
_QUOTE = re.compile(r"^(?:>\s*)+")
_ALLOW_COMMENT = re.compile(r"(?:#|<!--)[ \t]*taal-ok[ \t]*:[ \t]*([^\n]*?)[ \t]*(?:-->)?[ \t]*$", re.M)


@dataclass
class Piece:
    """A block a reader sees as one unit: a paragraph, a list item, a heading, a table cell."""

    kind: str
    parts: list[tuple[int, str]] = field(default_factory=list)  # (line, text)

    def add(self, line: int, text: str) -> None:
        if text.strip():
            self.parts.append((line, text.strip()))


def inline(text: str) -> str:
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def allow_comments(text: str) -> frozenset[str]:
    """Words accepted in this file: '# taal-ok: a, b' (YAML) or '<!-- taal-ok: a, b -->' (Markdown)."""
    words: set[str] = set()
    for m in _ALLOW_COMMENT.finditer(text):
        words.update(norm_word(w) for w in re.split(r"[,;]", m.group(1)) if w.strip())
    return frozenset(words)


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after the front matter (0 without front matter)."""
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                return j + 1
    return 0


class _Parser:
    def __init__(self, first_line: int, page: bool):
        self.first_line = first_line
        self.page = page
        self.pieces: list[Piece] = []
        self.current: Piece | None = None
        self.in_fence = False
        self.in_comment = False

    def close(self) -> None:
        if self.current is not None and self.current.parts:
            self.pieces.append(self.current)
        self.current = None

    def single(self, kind: str, line_no: int, text: str) -> None:
        self.close()
        p = Piece(kind)
        p.add(line_no, inline(text))
        if p.parts:
            self.pieces.append(p)

    def strip_comments(self, raw: str) -> str | None:
        """The part of the line outside HTML comments; None when the whole line is inside one."""
        if self.in_comment:
            if "-->" not in raw:
                return None
            self.in_comment = False
            raw = raw.split("-->", 1)[1]
        if "<!--" in raw and "-->" not in raw.split("<!--", 1)[1]:
            raw = raw.split("<!--", 1)[0]
            self.in_comment = True
        return raw

    def skip(self, raw: str) -> bool:
        """Fences, code blocks, blank lines and definitions end a piece or are no text at all."""
        if _FENCE.match(raw):
            self.in_fence = not self.in_fence
            self.close()
            return True
        stripped = raw.strip()
        if self.in_fence or not stripped:
            self.close()
            return True
        return self.page and bool(_ABBR_DEF.match(stripped) or _LINK_DEF.match(stripped))

    def line(self, line_no: int, raw: str) -> None:
        stripped = _QUOTE.sub("", raw.strip())
        heading = _HEADING.match(stripped)
        admonition = _ADMONITION.match(raw) if self.page else None
        if heading:
            self.single("kop", line_no, heading.group(2).rstrip("# \t"))
        elif admonition:
            self.close()
            if admonition.group(1):
                self.single("kop", line_no, admonition.group(1))
        elif stripped.startswith("|"):
            self.table_row(line_no, stripped)
        elif self.page and _HTML_LINE.match(stripped):  # a line of HTML is a block of its own
            self.single("html", line_no, stripped)
        elif item := _LIST_ITEM.match(raw):
            self.close()
            self.current = Piece("item")
            self.current.add(line_no, inline(raw[item.end() :]))
        else:
            if self.current is None:
                self.current = Piece("alinea")
            self.current.add(line_no, inline(stripped))

    def table_row(self, line_no: int, stripped: str) -> None:
        self.close()
        if _TABLE_SEP.match(stripped):
            return
        for cell in stripped.strip("|").split("|"):
            self.single("cel", line_no, cell)


def markdown_pieces(text: str, first_line: int = 1, *, page: bool = True) -> list[Piece]:
    """Pieces of a Markdown text, with line numbers (first_line is the line of text's first line)."""
    lines = text.split("\n")
    parser = _Parser(first_line, page)
    start = front_matter_end(lines) if page else 0
    for idx in range(start, len(lines)):
        raw = parser.strip_comments(lines[idx])
        if raw is None or parser.skip(raw):
            continue
        parser.line(first_line + idx, raw)
    parser.close()
    return parser.pieces
