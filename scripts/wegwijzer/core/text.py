"""Entry text to safe HTML: plain text with a small Markdown subset.

Supported: paragraphs (blank line), lists (lines starting with '- '),
**bold** and [links](https://...) with http, https, mailto or tel.
Everything is escaped first, so no markup from an entry reaches a page.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Linear time: the link text stops at the next '[' and the address at the next '[' or ']',
# so a text full of brackets is scanned once, not once per bracket.
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:https?://|mailto:|tel:)[^\s()\[\]]+)\)")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")
_BLOCKS = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^[ \t]*[-*][ \t]+", re.M)
_SPACE = re.compile(r"\s+")


def _inline(line: str) -> str:
    html = str(escape(line))
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    # The URL was escaped with the rest, so quotes cannot break out of href.
    html = _LINK.sub(r'<a href="\2">\1</a>', html)
    return html


def render(text: str | None) -> Markup:
    """Render entry text to HTML."""
    if not text:
        return Markup("")
    blocks = _BLOCKS.split(text.strip())
    out = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(line.startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{_inline(line[2:].strip())}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{'<br>'.join(_inline(line) for line in lines)}</p>")
    return Markup("\n".join(out))


def plain(text: str | None) -> str:
    """The text without Markdown marks, for search, exports and meta descriptions."""
    if not text:
        return ""
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\1", text)
    text = _BULLET.sub("", text)
    return _SPACE.sub(" ", text).strip()
