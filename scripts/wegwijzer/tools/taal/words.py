"""Word knowledge: how common a Dutch word is (wordfreq), inflections and compounds of known words.

Every function here is bounded: words longer than ``MAX_LETTERS`` are never looked at (the gate reports them as
too long), compound splitting is a dynamic programme over at most that many letters, and every cache has a size.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

MAX_LETTERS = 60  # hard cap for every function here, whatever taal.yaml says
_CACHE = 65536

# Endings that wordfreq knows as (English) words, but that are no part of a Dutch compound.
_NOT_A_WORD = frozenset({"ing", "ers", "end", "ens", "ige", "ste", "tje", "pje", "jes", "isch", "heid", "lijk", "baar"})
_SUFFIXES = ("", "s", "e", "er", "ere", "der", "dere", "st", "ste", "t", "d", "de", "te", "den", "ten", "n", "en")
_LONG_VOWEL = re.compile(r"(aa|ee|oo|uu)[^aeiou]$")


@cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("nl", wordlist="best")


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word: 3 is about once per million words, 0 is unknown."""
    freq = _frequencies().get(word, 0.0)
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


def known(word: str, minimum: float) -> bool:
    return zipf(word) >= minimum


def _stems(left: str) -> set[str]:
    """The word a compound's left part comes from: taal(s), koffie, scholing(s), kind(er)en."""
    stems = {left, left + "en", left + "e"}
    if left.endswith(("s", "e")) and len(left) > 3:
        stems |= {left[:-1], left[:-1] + "en"}
    if left.endswith("en") and len(left) > 4:
        stems.add(left[:-2])
    return stems


def _left_known(left: str, minimum: float) -> bool:
    return any(known(s, minimum) for s in _stems(left))


@lru_cache(maxsize=_CACHE)
def compound_parts(word: str, minimum: float) -> tuple[str, ...]:
    """Split a compound into known parts (taal+café, schuld+hulp+verlening); () when it is none.

    A dynamic programme over split points: O(n²) look-ups for a word of n letters, n at most MAX_LETTERS.
    """
    n = len(word)
    if n < 6 or n > MAX_LETTERS:
        return ()
    # best[i]: the parts of word[i:] as a compound or single known word, or None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    for i in range(n - 3, -1, -1):
        tail = word[i:]
        if i > 0 and tail not in _NOT_A_WORD and known(tail, minimum):
            best[i] = (tail,)
            continue
        for j in range(i + 3, n - 2):
            rest = best[j]
            if rest is not None and len(rest) < 4 and _left_known(word[i:j], minimum):
                best[i] = (word[i:j], *rest)
                break
    found = best[0]
    return found if found is not None and len(found) > 1 else ()


def compound_known(word: str, minimum: float) -> bool:
    """A Dutch compound of known parts (taal+café, koffie+ochtend, schuld+hulp+verlening)."""
    return bool(compound_parts(word, minimum))


@lru_cache(maxsize=_CACHE)
def inflection_known(word: str, minimum: float) -> bool:
    """An inflected form of a known word: zinvols, controleerde, inzakt, tevredener."""
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: len(word) - len(suffix)]
        candidates = {stem, stem + "en", stem + stem[-1] + "en"}
        if _LONG_VOWEL.search(stem):
            candidates.add(stem[:-2] + stem[-1] + "en")
        if stem.endswith("f"):
            candidates.add(stem[:-1] + "ven")
        if stem.endswith("s"):
            candidates.add(stem[:-1] + "zen")
        if any(known(c, minimum) for c in candidates):
            return True
    return False


def common_word(word: str, minimum: float) -> bool:
    """A word most readers know: frequent, an inflection of a frequent word, or a compound of them."""
    low = word.casefold()
    if len(low) > MAX_LETTERS:
        return False
    if known(low, minimum) or inflection_known(low, minimum):
        return True
    parts = [p for p in re.split(r"[-']", low) if p]
    if len(parts) > 1:
        return all(known(p, minimum) or compound_known(p, minimum) or len(p) <= 2 for p in parts)
    return compound_known(low, minimum)


def verb_known(infinitive: str) -> bool:
    """Is this a Dutch verb (infinitive) that people use?"""
    return infinitive.endswith("en") and known(infinitive, 2.5)
