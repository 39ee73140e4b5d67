"""Uncommon words: words few readers know (wordfreq), once per word per file."""

from __future__ import annotations

from wegwijzer.tools.taal.rules.jargon import compound_term
from wegwijzer.tools.taal.text import FileText, is_abbreviation
from wegwijzer.tools.taal.words import common_word


def check_unknown(text: FileText) -> None:
    cfg = text.config
    seen: set[str] = set()
    patterns = [t.pattern for t in cfg.jargon]
    singles = tuple(t for t in cfg.jargon if t.single)
    for idx, s in enumerate(text.sentences):
        for _, t in text.plain_words(idx):
            low = t.low.replace("’", "'")
            if low in seen or len(low) <= 3 or low in text.allowed or text.in_term(idx, t):
                continue
            seen.add(low)
            if (
                is_abbreviation(t.text)
                or t.text in cfg.recognised_abbreviations
                or any(p.fullmatch(low) for p in patterns)
            ):
                continue  # reported as an abbreviation or as jargon
            if compound_term(low, singles) is not None:
                continue
            if common_word(low, cfg.zipf_min):
                continue
            text.add(
                "onbekend_woord",
                s,
                f"Het woord '{t.text}' kennen veel mensen niet. Kies een gewoner woord, of leg het uit. "
                "Is het een naam? Zet het dan bij 'namen' of 'toegestaan' in taal.yaml, "
                "of in een regel 'taal-ok:' in het bestand.",
            )
