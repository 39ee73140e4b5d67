"""Dutch text to index terms, the same way as lunr.js with lunr-languages' lunr.nl does in the browser.

The steps of lunr-languages (trimmer, stop word filter, stemmer): here the Snowball
"dutch_porter" stemmer, in the browser ``lunr.nl.js``, which is the same (original
Snowball/Porter) Dutch algorithm. Compound words also give their parts (``compounds``).
``tests/test_search.py`` checks that both sides give the same tokens and parts.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from wegwijzer.site.search.compounds import Splitter, fold

# The stop words of lunr-languages' lunr.nl.js (the Snowball Dutch list), in the same order.
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alles",
        "als",
        "altijd",
        "andere",
        "ben",
        "bij",
        "daar",
        "dan",
        "dat",
        "de",
        "der",
        "deze",
        "die",
        "dit",
        "doch",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "en",
        "er",
        "ge",
        "geen",
        "geweest",
        "haar",
        "had",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "iemand",
        "iets",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "kan",
        "kon",
        "kunnen",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "moet",
        "na",
        "naar",
        "niet",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "onder",
        "ons",
        "ook",
        "op",
        "over",
        "reeds",
        "te",
        "tegen",
        "toch",
        "toen",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "want",
        "waren",
        "was",
        "wat",
        "werd",
        "wezen",
        "wie",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
        "zou",
    ]
)

# lunr.nl.wordCharacters: the trimmer removes everything else at the start and end of a token.
_WORD_CHARS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
    "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e"
    "\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a"
    "\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
_TRIM_START = re.compile(f"^[^{_WORD_CHARS}]+")
_TRIM_END = re.compile(f"[^{_WORD_CHARS}]+$")
_SEPARATOR = re.compile(r"[\s\-]+")  # lunr.tokenizer.separator
_STEMMER = snowballstemmer.stemmer("dutch_porter")


def trim(word: str) -> str:
    return _TRIM_END.sub("", _TRIM_START.sub("", word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """Text to words, as lunr.js with lunr.nl does: split, lowercase, trim, drop stop words."""
    out = []
    for raw in _SEPARATOR.split(text.lower()):
        word = trim(raw)
        if word and word not in STOP_WORDS:
            out.append(word)
    return out


def analyze(text: str) -> list[str]:
    """Text to index terms, as lunr.js with lunr.nl does: split, lowercase, trim, drop stop words, stem."""
    return [stem(word) for word in words(text)]


PART_WEIGHT = 0.5  # a part of a compound scores half of what the word itself would


def weighted_terms(text: str, splitter: Splitter) -> tuple[list[tuple[str, float]], int]:
    """Index terms with their weight: every word's stem (1), and the stems of its compound parts (0.5).

    Returns the terms and the number of words (the field length).
    """
    out: list[tuple[str, float]] = []
    found = words(text)
    for word in found:
        whole = stem(word)
        out.append((whole, 1.0))
        for part in splitter.split(fold(word)):
            term = stem(part)
            if term != whole:
                out.append((term, PART_WEIGHT))
    return out, len(found)
