"""Where the text comes from: the fields of an entry a resident reads, and the content pages."""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from wegwijzer.tools.taal.config import LETTER, Config, load_config
from wegwijzer.tools.taal.markdown import allow_comments, markdown_pieces
from wegwijzer.tools.taal.names import Names, make_names, names_of, own_words
from wegwijzer.tools.taal.readability import check_readability
from wegwijzer.tools.taal.report import Report
from wegwijzer.tools.taal.rules import run_rules
from wegwijzer.tools.taal.sentences import Sentence, sentences_of
from wegwijzer.tools.taal.text import FileText, Finding

# Which fields of an entry a resident reads, as paths into the entry.
ENTRY_FIELDS = ("samenvatting", "beschrijving", "voor_professionals")
NESTED_FIELDS = (("aanmelden", "hoe"), ("kosten", "uitleg"), ("contact", "bereikbaar"))
LIST_FIELDS = (("schema", "opmerking"), ("inloop", "opmerking"), ("openingstijden", "opmerking"))
_WINDOW = 20000  # characters to look ahead for the line of a sentence
_WORD_MAX = 40  # letters of a word to look for (an over-long word would make a huge pattern)


def _entry_texts(entry) -> list[tuple[tuple, str, str]]:
    """(path, label, text) for every field of an entry that a resident reads."""
    out: list[tuple[tuple, str, str]] = []
    for name in ENTRY_FIELDS:
        value = getattr(entry, name, None)
        if value:
            out.append(((name,), name, value))
    for outer, inner in NESTED_FIELDS:
        part = getattr(entry, outer, None)
        value = getattr(part, inner, None) if part is not None else None
        if value:
            out.append(((outer, inner), f"{outer}.{inner}", value))
    for outer, inner in LIST_FIELDS:
        items = getattr(entry, outer, None)
        for i, item in enumerate(items if isinstance(items, list) else []):
            value = getattr(item, inner, None)
            if value:
                out.append(((outer, i, inner), f"{outer}[{i + 1}].{inner}", value))
    return out


class LineFinder:
    """Finds the line in a YAML file where a sentence starts, moving forward only (linear in the file)."""

    def __init__(self, raw: str):
        self.raw = raw
        self.starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.cursor = 0

    def start_at(self, line: int) -> None:
        self.cursor = max(self.cursor, self.starts[min(len(self.starts), max(line, 1)) - 1])

    def find(self, snippet: str) -> int | None:
        words = re.findall(rf"[{LETTER}0-9]+", snippet)[:3]
        if not words or not self.raw:
            return None
        pattern = re.compile(r"\w*\W+".join(re.escape(w[:_WORD_MAX]) for w in words))
        m = pattern.search(self.raw, self.cursor, self.cursor + _WINDOW)
        if m is None:
            return None
        self.cursor = m.start() + 1
        return bisect_right(self.starts, m.start())


def entry_sentences(entry, raw_text: str = "") -> list[Sentence]:
    """Sentences of an entry's texts, with the line in the YAML file where each starts."""
    finder = LineFinder(raw_text)
    out = []
    for path, label, value in _entry_texts(entry):
        key_line = entry.line_of(*path) or 1
        finder.start_at(key_line)
        for piece in markdown_pieces(value, key_line, page=False):
            for s in sentences_of(piece, label):
                s.line = finder.find(s.text) or key_line
                out.append(s)
    return out


def check_entry(entry, config: Config, names: Names, raw_text: str = "") -> list[Finding]:
    text = FileText(
        entry.source,
        entry_sentences(entry, raw_text),
        config,
        names,
        own_names=own_words(entry.naam, getattr(entry, "organisatie", None)),
        allowed=allow_comments(raw_text),
        audiences=tuple(getattr(entry, "doelgroepen", ()) or ()),
    )
    findings = run_rules(text).findings
    by_field: dict[str, list[int]] = {}
    for i, s in enumerate(text.sentences):
        by_field.setdefault(s.field, []).append(i)
    for label, indexes in by_field.items():
        findings += check_readability(text, label, indexes)
    return findings


def page_sentences(text: str) -> list[tuple[str, list[Sentence]]]:
    """Sentences of a content page, grouped per section (a heading starts a section)."""
    sections: list[tuple[str, list[Sentence]]] = [("", [])]
    for piece in markdown_pieces(text):
        found = sentences_of(piece, "")
        if piece.kind == "kop":
            sections.append((found[0].text if found else "", []))
        for s in found:
            s.field = sections[-1][0]
        sections[-1][1].extend(found)
    return [(t, ss) for t, ss in sections if ss]


def check_page(rel: str, text: str, config: Config, names: Names | None = None) -> list[Finding]:
    sections = page_sentences(text)
    sentences = [s for _, ss in sections for s in ss]
    file_text = FileText(rel, sentences, config, names or make_names(set(), config), allowed=allow_comments(text))
    findings = run_rules(file_text).findings
    start = 0
    for title, group in sections:
        indexes = [start + i for i, s in enumerate(group) if s.count > 1]
        findings += check_readability(file_text, title, indexes)
        start += len(group)
    return findings


def check_all(root: Path, catalog=None, config: Config | None = None, only: list[str] | None = None) -> Report:
    """Check every entry and content page under root (or only the given relative paths)."""
    from wegwijzer.core.load import load_catalog

    config = config or load_config()
    if catalog is None:
        catalog = load_catalog(root, strict=False)
    names = names_of(catalog, config)
    findings: list[Finding] = []
    files = 0
    wanted = {p.replace("\\", "/").removeprefix("./") for p in only} if only else None
    entries = sorted([*catalog.locations.values(), *catalog.activities.values()], key=lambda e: e.source)
    for entry in entries:
        if wanted is not None and entry.source not in wanted:
            continue
        path = root / entry.source
        raw = path.read_text(encoding="utf-8") if path.exists() else ""
        findings += check_entry(entry, config, names, raw)
        files += 1
    skipped = sorted({p.file for p in catalog.problems if not p.warning})
    content = root / "content"
    if content.is_dir():
        for path in sorted(content.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            if wanted is not None and rel not in wanted:
                continue
            findings += check_page(rel, path.read_text(encoding="utf-8"), config, names)
            files += 1
    return Report(sorted(findings), files, skipped)
