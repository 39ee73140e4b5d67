"""The Flesch-Douma score of a piece of text (the Dutch Flesch formula, as textstat computes it for "nl").

Names (places, organisations, entries) are left out: a list of village names says nothing about how easy the
sentences around it are. Over-long words are left out too (the gate reports them on their own).
"""

from __future__ import annotations

from functools import cache, lru_cache

from wegwijzer.tools.taal.sentences import Sentence
from wegwijzer.tools.taal.text import FileText, Finding
from wegwijzer.tools.taal.words import MAX_LETTERS


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl")


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    """Syllables as textstat counts them for Dutch (pyphen hyphenation points + 1)."""
    return len(_hyphenator().positions(word.lower())) + 1


def flesch_douma(sentences: list[Sentence], names: list[frozenset[int]] | None = None) -> float | None:
    """Flesch-Douma: 206.835 - 0.93 x words per sentence - 77 x syllables per word (names left out)."""
    n_sent = n_words = syllables = counted = 0
    for k, s in enumerate(sentences):
        skip = names[k] if names else frozenset()
        words = [t for i, t in enumerate(s.tokens) if t.kind == "word" and i not in skip and len(t.text) <= MAX_LETTERS]
        kept = s.count - sum(1 for i in skip if s.tokens[i].kind in ("word", "mask"))
        if kept <= 0:
            continue  # a piece that is only a name or a list of names
        n_sent += 1
        n_words += kept
        counted += len(words)
        syllables += sum(syllable_count(t.text) for t in words)
    if not n_sent or not counted:
        return None
    return 206.835 - 0.93 * (n_words / n_sent) - 77 * (syllables / counted)


def check_readability(text: FileText, field_name: str, indexes: list[int]) -> list[Finding]:
    """One finding when the piece of text (the sentences at indexes) scores below the minimum."""
    cfg = text.config
    if not text.on("leesbaarheid") or not indexes:
        return []
    sentences = [text.sentences[i] for i in indexes]
    names = [text.name_tokens[i] for i in indexes]
    n_words = sum(s.count - len(n) for s, n in zip(sentences, names, strict=True))
    if n_words < cfg.flesch_min_words:
        return []
    score = flesch_douma(sentences, names)
    if score is None or score >= cfg.flesch_min:
        return []
    return [
        Finding(
            text.file,
            sentences[0].line,
            field_name,
            "leesbaarheid",
            cfg.level("leesbaarheid"),
            f"Dit stuk is moeilijk te lezen (Flesch-Douma {score:.0f}, doel {cfg.flesch_min:.0f} of hoger). "
            "Maak de zinnen korter en kies kortere woorden.",
        )
    ]
