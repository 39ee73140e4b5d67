"""Abbreviations: written out at least once in the file (or known to everyone), and not too many in one sentence.

Written out means: explained like a hard word ("IZA (Integraal Zorgakkoord)", "Integraal Zorgakkoord (IZA)",
"KvNH staat voor ..."), or the words it stands for are in the file ("Centraal Bureau voor de Statistiek" for CBS).
"""

from __future__ import annotations

from wegwijzer.tools.taal.rules.definitions import defined_before, defined_tokens, mentioned_tokens
from wegwijzer.tools.taal.sentences import Sentence
from wegwijzer.tools.taal.text import FileText, is_abbreviation

_SMALL = frozenset({"van", "voor", "de", "het", "en", "op", "in", "der", "des", "of", "tot", "te", "'t"})


def _parts(word: str, recognised: frozenset[str] = frozenset()) -> list[str]:
    """GGZ-instelling -> [GGZ]; B1 -> [B1]; Wmo-consulent -> [Wmo]: the parts of a word that are abbreviations."""
    return [p for p in word.split("-") if p and (is_abbreviation(p) or p in recognised)]


def _spells(words: list[str], start: int, abbr: str) -> bool:
    """Do the words from start on have the letters of abbr as their first letters (small words may be skipped)?"""
    letters = [c.lower() for c in abbr if c.isalpha()]
    pos, used = 0, 0
    for w in words[start : start + 2 * len(letters) + 2]:
        if pos == len(letters):
            break
        if w[0].lower() == letters[pos]:
            pos += 1
            used += 1
        elif w.lower() not in _SMALL:
            return False
    return pos == len(letters) and used >= 2


def _runs(s: Sentence) -> list[list[str]]:
    """Runs of plain words (no abbreviations) between punctuation marks, hyphenated words split."""
    runs: list[list[str]] = [[]]
    for t in s.tokens:
        if t.kind == "word" and not _parts(t.text):
            runs[-1] += [p for p in t.text.split("-") if p]
        else:
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def written_out(abbr: str, sentences: list[Sentence]) -> bool:
    """Are the words abbr stands for in these sentences ('Centraal Bureau voor de Statistiek' for CBS)?"""
    first = abbr[0].lower()
    for s in sentences:
        for words in _runs(s):
            if any(_spells(words, i, abbr) for i in range(len(words)) if words[i][0].lower() == first):
                return True
    return False


def _explained_here(text: FileText, idx: int) -> set[int]:
    s = text.sentences[idx]
    found = defined_tokens(s)
    if idx + 1 < len(text.sentences):
        found |= defined_before(s, text.sentences[idx + 1])
    return found


def check_abbreviations(text: FileText) -> None:
    cfg = text.config
    explained: set[str] = set()
    first: dict[str, Sentence] = {}
    for idx, s in enumerate(text.sentences):
        defined, mentioned = _explained_here(text, idx), mentioned_tokens(s)
        count = 0
        for i, t in enumerate(s.tokens):
            parts = _parts(t.text, cfg.recognised_abbreviations) if t.kind == "word" and not text.too_long(t) else []
            count += len(parts)
            if not parts or text.is_name(idx, i) or i in mentioned:
                continue
            if i in defined:
                explained.update(parts)
            for abbr in parts:
                if abbr not in cfg.known_abbreviations and abbr.lower() not in text.allowed:
                    first.setdefault(abbr, s)
        if count > cfg.max_abbreviations:
            text.add(
                "afkortingen_stapel",
                s,
                f"In deze zin staan {count} afkortingen. Dat leest moeilijk. "
                "Schrijf een paar ervan voluit, of maak er twee zinnen van.",
            )
    for abbr, s in first.items():
        if abbr not in explained and not written_out(abbr, text.sentences):
            text.add(
                "afkorting",
                s,
                f"Wat betekent '{abbr}'? Veel mensen kennen die afkorting niet. Schrijf de eerste keer voluit "
                f"wat het is, met de afkorting tussen haakjes: 'de woorden voluit ({abbr})'. "
                "Of schrijf een gewoon woord.",
            )
