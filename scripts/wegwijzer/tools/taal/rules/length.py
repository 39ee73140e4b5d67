"""Length: long sentences, over-long words and long lists inside one sentence."""

from __future__ import annotations

from wegwijzer.tools.taal.sentences import Token
from wegwijzer.tools.taal.text import FileText, letters

_AND_OR = frozenset({"en", "of", "en/of"})
_SHORT_ITEM = 4  # an item of a list has at most this many words


def _segments(tokens: list[Token]) -> list[list[int]]:
    """Token indexes of a sentence, split at its commas."""
    segments: list[list[int]] = [[]]
    for i, t in enumerate(tokens):
        if t.kind == "punct" and t.text == ",":
            segments.append([])
        elif t.kind in ("word", "mask"):
            segments[-1].append(i)
    return segments


def list_items(tokens: list[Token]) -> int:
    """The most items in one list in a sentence ('a, b, c en d' has 4), counted in one pass.

    Inner items are short (at most four words); the first and last part may hold more words (the start and the
    end of the sentence).
    """
    segments = _segments(tokens)
    best = 0
    run = 1  # items so far in the current list, the first part included
    for seg in segments[1:]:
        words = {tokens[i].low for i in seg[:_SHORT_ITEM]}
        best = max(best, run + 1 + (1 if _AND_OR & words else 0))
        run = run + 1 if 1 <= len(seg) <= _SHORT_ITEM else 1
    return best if best > 2 else 0


def name_list(tokens: list[Token], names: frozenset[int]) -> bool:
    """A simple enumeration of three or more names: 'Den Helder, Hollands Kroon, Schagen en Texel'."""
    best = count = 0
    state = ""  # "name": inside a name; "sep": after a comma, 'en' or 'of' that follows a name
    for i, t in enumerate(tokens):
        if i in names:
            count = count + 1 if state == "sep" else (count if state == "name" else 1)
            state = "name"
        elif state == "name" and (t.text == "," or t.low in _AND_OR):
            state = "sep"
        else:
            state, count = "", 0
        best = max(best, count)
    return best >= 3


def check_length(text: FileText) -> None:
    cfg = text.config
    for idx, s in enumerate(text.sentences):
        if s.count > cfg.max_words:
            text.add(
                "zin_te_lang",
                s,
                f"Deze zin is te lang: {s.count} woorden. Maak er twee of drie zinnen van. "
                f"Schrijf liefst {cfg.target_words} woorden of minder per zin.",
            )
        elif s.count > cfg.target_words and not name_list(s.tokens, text.name_tokens[idx]):
            text.add(
                "zin_lang",
                s,
                f"Deze zin heeft {s.count} woorden. Kun je hem korter maken? "
                f"Streef naar {cfg.target_words} woorden of minder.",
            )


def check_long_words(text: FileText) -> None:
    seen: set[str] = set()
    for s in text.sentences:
        for t in s.words:
            n = letters(t.text)
            if n > text.config.max_letters and t.text not in seen:
                seen.add(t.text)
                text.add(
                    "woord_te_lang",
                    s,
                    f"Dit woord is te lang: {n} letters ('{t.text[:20]}...'). Zo'n woord kan niemand lezen. "
                    f"Schrijf gewone woorden van hoogstens {text.config.max_letters} letters. "
                    "Dit woord controleer ik verder niet.",
                )


def check_lists(text: FileText) -> None:
    limit = text.config.max_list_items
    for s in text.sentences:
        n = list_items(s.tokens)
        if n > limit:
            text.add(
                "opsomming",
                s,
                f"In deze zin staan {n} dingen achter elkaar. Dat is veel om te onthouden. "
                "Zet ze onder elkaar in een lijstje, met een streepje voor elk ding.",
            )
