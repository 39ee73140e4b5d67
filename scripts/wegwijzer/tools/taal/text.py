"""One file's text as the checks see it: its sentences, the names in them, and what is allowed there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wegwijzer.tools.taal.config import ERROR, OFF, Config
from wegwijzer.tools.taal.names import Names, mark_names
from wegwijzer.tools.taal.sentences import MASK, Sentence, Token

QUOTE_MAX = 300  # a finding quotes at most this much of its sentence
PROFESSIONAL_FIELDS = frozenset({"voor_professionals"})  # not written for residents


@dataclass(frozen=True, order=True)
class Finding:
    """One thing that is hard to read, with what to write instead."""

    file: str
    line: int
    field: str
    check: str
    level: str
    message: str
    sentence: str = ""

    @property
    def error(self) -> bool:
        return self.level == ERROR


def letters(word: str) -> int:
    """Letters in a word token (tokens are letters with ' and - between them, or A4-style codes)."""
    return len(word) - word.count("-") - word.count("'") - sum(c.isdigit() for c in word[-2:])


def is_abbreviation(word: str) -> bool:
    """IZA, GGZ, KvK, B1: two or more capitals and no more lower-case letters than capitals."""
    if re.fullmatch(r"[A-Z]{1,4}[0-9]{1,2}", word):
        return True
    caps = sum(c.isupper() for c in word)
    lower = sum(c.islower() for c in word)
    return 2 <= caps <= 8 and lower <= caps and "-" not in word


@dataclass
class FileText:
    """The sentences of one file and what the checks need to know about them."""

    file: str
    sentences: list[Sentence]
    config: Config
    names: Names = field(default_factory=Names)
    own_names: frozenset[str] = frozenset()  # words of this entry's own name, as written
    allowed: frozenset[str] = frozenset()  # words accepted in this file (taal.yaml, taal-ok)
    audiences: tuple[str, ...] = ()
    findings: list[Finding] = field(default_factory=list)
    name_tokens: list[frozenset[int]] = field(default_factory=list)
    in_terms: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # spans of hard or stiff words

    def __post_init__(self) -> None:
        cfg = self.config
        self.allowed = self.allowed | cfg.allowed_everywhere | cfg.allowed.get(self.file, frozenset())
        self.name_tokens = [mark_names(s, self.names, self.own_names) for s in self.sentences]

    def on(self, check: str) -> bool:
        return self.config.level(check) != OFF

    def add(self, check: str, sentence: Sentence, message: str) -> None:
        level = self.config.level(check)
        if level == OFF:
            return
        quote = sentence.text if len(sentence.text) <= QUOTE_MAX else sentence.text[: QUOTE_MAX - 3] + "..."
        self.findings.append(Finding(self.file, sentence.line, sentence.field, check, level, message, quote))

    def is_name(self, index: int, token_index: int) -> bool:
        return token_index in self.name_tokens[index]

    def too_long(self, token: Token) -> bool:
        return letters(token.text) > self.config.max_letters

    def plain_words(self, index: int) -> list[tuple[int, Token]]:
        """Words of sentence index that are no name and not too long to look at: (token index, token)."""
        s = self.sentences[index]
        names = self.name_tokens[index]
        return [(i, t) for i, t in enumerate(s.tokens) if t.kind == "word" and i not in names and not self.too_long(t)]

    def unnamed_text(self, index: int) -> str:
        """The sentence with its names, over-long words, numbers, addresses and code as § (same length)."""
        s = self.sentences[index]
        source = s.masked or s.text
        parts, pos = [], 0
        for i, t in enumerate(s.tokens):
            if i in self.name_tokens[index] or (t.kind == "word" and self.too_long(t)):
                parts += [source[pos : t.start], MASK * len(t.text)]
                pos = t.end
        parts.append(source[pos:])
        return "".join(parts)

    def in_term(self, index: int, token: Token) -> bool:
        """Is this token part of a hard or stiff word the jargon rule found (so no other rule reports it)?"""
        return any(a <= token.start < b for a, b in self.in_terms.get(index, ()))

    def resident(self, sentence: Sentence) -> bool:
        return sentence.field not in PROFESSIONAL_FIELDS
