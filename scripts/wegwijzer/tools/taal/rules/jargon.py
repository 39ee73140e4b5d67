"""Hard words (jargon, explained once per file) and stiff official words and phrases (ambtelijk, always a fout).

A compound whose first or last part is a jargon word is jargon too: 'eerstelijnszorgverleners' holds
'eerstelijnszorg', 'jeugdmaatwerkvoorziening' holds 'maatwerkvoorziening'.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wegwijzer.tools.taal.config import Term
from wegwijzer.tools.taal.rules.definitions import defined_before, defined_tokens, mentioned_tokens
from wegwijzer.tools.taal.sentences import Sentence
from wegwijzer.tools.taal.text import FileText

_MIN_PART = 3  # letters of the other part of a compound


@dataclass
class _Use:
    term: Term
    sentence: Sentence
    word: str  # as written
    compound: bool = False


def _compound_term(word: str, terms: tuple[Term, ...]) -> Term | None:
    """The jargon word that is the first or last part of a compound, or None."""
    best: Term | None = None
    for term in terms:
        w = term.woord
        if not term.single or len(w) < 5 or len(word) < len(w) + _MIN_PART or w not in word:
            continue
        head = any(word.endswith(w + end) for end in ("", "s", "en", "n", "e")) and word.find(w) >= _MIN_PART
        rest = word[len(w) :].removeprefix("s") if word.startswith(w) else ""
        modifier = len(rest) >= 4 and len(w) >= 6
        if (head or modifier) and (best is None or len(w) > len(best.woord)):
            best = term
    return best


# Cached by wrapping, not with a decorator: `make mutatie` measures plain functions only.
compound_term = lru_cache(maxsize=65536)(_compound_term)


def _active_terms(text: FileText) -> list[Term]:
    out = []
    for term in text.config.jargon:
        check = "ambtelijk" if term.soort == "ambtelijk" else "jargon"
        if not text.on(check) or term.woord in text.allowed or set(term.bekend_bij) & set(text.audiences):
            continue
        out.append(term)
    return out


_KEY = 4  # a term can only match where a word starts with the first letters of one of its forms


def _index(terms: list[Term]) -> dict[str, list[Term]]:
    """Terms by the first letters of the first word of each form: only those are tried on a sentence."""
    index: dict[str, list[Term]] = {}
    for term in terms:
        keys = {f.replace("...", "…").split("…")[0].split()[0][:_KEY] for f in (term.woord, *term.vormen)}
        for key in keys:
            index.setdefault(key, []).append(term)
    return index


def _candidates(index: dict[str, list[Term]], words: list[str]) -> list[Term]:
    found: dict[int, Term] = {}
    for w in words:
        for term in index.get(w[:_KEY], ()):
            found.setdefault(id(term), term)
    return list(found.values())


def _uses(text: FileText, terms: list[Term]) -> tuple[list[_Use], set[str]]:
    """Every use of a hard or stiff word, and the (lower-case) words the file defines."""
    uses: list[_Use] = []
    defined: set[str] = set()
    singles = tuple(t for t in terms if t.single)
    index = _index(terms)
    for idx, s in enumerate(text.sentences):
        defined |= {s.tokens[i].low for i in defined_tokens(s)}
        if idx:
            prev = text.sentences[idx - 1]
            defined |= {prev.tokens[i].low for i in defined_before(prev, s)}
        mentioned = {s.tokens[i].start for i in mentioned_tokens(s)}
        unnamed = text.unnamed_text(idx)
        covered: set[int] = set()
        for term in _candidates(index, [t.low.replace("’", "'") for t in s.words]):
            for m in term.pattern.finditer(unnamed):
                covered |= {m.start()}
                text.in_terms.setdefault(idx, []).append(m.span())
                if m.start() not in mentioned:
                    uses.append(_Use(term, s, m.group(0)))
        for _, tok in text.plain_words(idx):
            if tok.start in covered or tok.start in mentioned or len(tok.text) < 8 or tok.low in text.allowed:
                continue
            found = compound_term(tok.low, singles)
            if found is not None:
                uses.append(_Use(found, s, tok.text, compound=True))
    return uses, defined


_STEM = 8  # 'mantelzorg' explains 'mantelzorger' and the other way round: they share this many letters or more


def _explained(use: _Use, defined: set[str]) -> bool:
    words = use.term.woord.split()
    if use.word.lower() in defined or (len(words) > 1 and all(w in defined for w in words)):
        return True
    if any(use.term.pattern.fullmatch(word) for word in defined):
        return True
    term = use.term.woord
    return len(words) == 1 and any(
        len(d) >= _STEM and (term.startswith(d) or d.startswith(term)) and abs(len(term) - len(d)) <= 2 for d in defined
    )


def _jargon_message(use: _Use) -> str:
    t = use.term
    word = use.word
    inside = f" Er zit het moeilijke woord '{t.woord}' in." if use.compound else ""
    return (
        f"'{word}' is een moeilijk woord.{inside} Schrijf: {t.schrijf}. "
        f"Of leg het één keer uit in dit bestand, zo: '{word[0].upper() + word[1:]} is ...' "
        f"of '{word} ({t.schrijf})'."
    )


def check_jargon(text: FileText) -> None:
    """Jargon: the first unexplained use per word per file. Stiff words: every sentence they are in."""
    terms = _active_terms(text)
    if not terms:
        return
    uses, defined = _uses(text, terms)
    reported: set[str] = set()
    stiff_seen: set[tuple[int, str]] = set()
    for use in uses:
        if use.term.soort == "ambtelijk":
            key = (id(use.sentence), use.term.woord)
            if key not in stiff_seen:
                stiff_seen.add(key)
                text.add(
                    "ambtelijk",
                    use.sentence,
                    f"'{use.word}' is ambtelijke taal. Schrijf gewoon: {use.term.schrijf}.",
                )
            continue
        key_word = use.word.lower() if use.compound else use.term.woord
        if key_word in reported or _explained(use, defined):
            continue
        reported.add(key_word)
        text.add("jargon", use.sentence, _jargon_message(use))
