"""Abbreviations: explained at first use in the file (or known to everyone), and not too many in one sentence."""

from __future__ import annotations

from wegwijzer.tools.taal.rules.definitions import defined_tokens, mentioned_tokens
from wegwijzer.tools.taal.sentences import Sentence
from wegwijzer.tools.taal.text import FileText, is_abbreviation


def _parts(word: str) -> list[str]:
    """GGZ-instelling -> [GGZ]; B1 -> [B1]: the parts of a word that are abbreviations."""
    return [p for p in word.split("-") if p and is_abbreviation(p)]


def check_abbreviations(text: FileText) -> None:
    cfg = text.config
    explained: set[str] = set()
    first: dict[str, Sentence] = {}
    for idx, s in enumerate(text.sentences):
        defined = defined_tokens(s)
        mentioned = mentioned_tokens(s)
        names = text.name_tokens[idx]
        count = 0
        for i, t in enumerate(s.tokens):
            if t.kind != "word" or text.too_long(t):
                continue
            parts = _parts(t.text)
            count += len(parts)
            if i in names:
                continue
            for abbr in parts:
                if i in defined:
                    explained.add(abbr)
                elif i not in mentioned and abbr not in cfg.known_abbreviations and abbr.lower() not in text.allowed:
                    first.setdefault(abbr, s)
        if count > cfg.max_abbreviations:
            text.add(
                "afkortingen_stapel",
                s,
                f"In deze zin staan {count} afkortingen. Dat leest moeilijk. "
                "Schrijf een paar ervan voluit, of maak er twee zinnen van.",
            )
    for abbr, s in first.items():
        if abbr not in explained:
            text.add(
                "afkorting",
                s,
                f"Wat betekent '{abbr}'? Veel mensen kennen die afkorting niet. Schrijf de eerste keer voluit "
                f"wat het is, met de afkorting tussen haakjes: 'de woorden voluit ({abbr})'. "
                "Of schrijf een gewoon woord.",
            )
