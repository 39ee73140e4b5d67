"""Dutch compounds: split a word into known parts, as Elasticsearch's dictionary decompounder does.

"vrouwencentrum" -> vrouwen + centrum, "computercursus" -> computer + cursus,
"taalmaatjes" -> taal + maatjes, "vrijwilligerswerk" -> vrijwilligers + werk.

The parts come from wordfreq's Dutch vocabulary (the most common ``PART_WORDS`` words;
wordfreq is already a dependency, for the language check). The rule, the same in
``zoeken-kern.js`` (``splitter``):

* words shorter than ``MIN_WORD`` letters stay whole;
* words in ``keep`` stay whole: common words that happen to consist of parts
  ("ziekenhuis", "huiswerk"; wordfreq Zipf frequency of at least ``KEEP_ZIPF``);
* otherwise the word is covered by the fewest parts (never the word itself) of at least
  ``MIN_PART`` letters each (three-letter parts only when very common); a part may be
  followed by the linking letter "s" (vrijwilligers-werk); among
  equal counts the parts with the highest summed frequency win, then the longest first
  part. Fewer than two parts: the word stays whole.

Words are folded first (lower case, accents off: "reparatiecafé" -> "reparatiecafe").
The browser gets only the parts whose stem is an index term (``for_browser``): a part that
is no index term cannot match anything, so the split of a query word finds the same results.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

MIN_WORD = 6
MIN_PART = 3
KEEP_ZIPF = 40  # zipf * 10
SHORT_PART_ZIPF = 45  # a part of MIN_PART letters must be this common ('les', 'bus', not 'ant')
PART_WORDS = 30_000
# Endings that wordfreq lists as words, but that are no part of a Dutch compound.
NOT_A_PART = frozenset(
    [
        "ing",
        "ingen",
        "ers",
        "end",
        "ende",
        "ens",
        "ige",
        "ste",
        "tje",
        "pje",
        "jes",
        "isch",
        "heid",
        "heden",
        "lijk",
        "lijke",
        "baar",
        "iger",
        "erd",
        "erde",
        "eren",
        "aar",
        "ier",
        "ist",
        "tie",
        "sie",
        "ling",
        "den",
        "ten",
        "der",
        "ster",
    ]
)
_WORD = re.compile(r"[a-z]+")


def fold(word: str) -> str:
    """Lower case without accents: the form words are split in (the same as the browser's ``fold``)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Splitter:
    """Splits words into parts from a fixed list; ``parts`` maps a folded part to its Zipf frequency * 10."""

    def __init__(self, parts: dict[str, int], keep: Iterable[str] = ()) -> None:
        self.parts = parts
        self.keep = frozenset(keep)
        self.longest = max((len(p) for p in parts), default=0)
        self.split = lru_cache(maxsize=200_000)(self._split)

    def _split(self, word: str) -> tuple[str, ...]:
        if len(word) < MIN_WORD or word in self.keep:
            return ()
        n = len(word)
        # best[i]: the best cover of word[i:] as (number of parts, -summed frequency, -first length, parts)
        best: list[tuple[int, int, int, tuple[str, ...]] | None] = [None] * (n + 1)
        best[n] = (0, 0, 0, ())
        for i in range(n - MIN_PART, -1, -1):
            for j in range(i + MIN_PART, min(n - (i == 0), i + self.longest) + 1):  # never the word itself
                freq = self.parts.get(word[i:j])
                if freq is None:
                    continue
                for nxt in (j, j + 1) if j < n and word[j] == "s" else (j,):
                    rest = best[nxt]
                    if rest is None:
                        continue
                    cand = (rest[0] + 1, rest[1] - freq, -(j - i), (word[i:j], *rest[3]))
                    current = best[i]
                    if current is None or cand[:3] < current[:3]:
                        best[i] = cand
        found = best[0]
        return found[3] if found is not None and found[0] >= 2 else ()


@cache
def dutch_parts() -> dict[str, int]:
    """The common Dutch words that can be part of a compound: folded word -> Zipf frequency * 10."""
    from wordfreq import get_frequency_dict

    from wegwijzer.site.search.analysis import STOP_WORDS

    parts: dict[str, int] = {}
    for word, freq in itertools.islice(get_frequency_dict("nl").items(), PART_WORDS):  # most common first
        folded = fold(word)
        zipf = round((math.log10(freq) + 9) * 10)
        if not _WORD.fullmatch(folded) or folded in STOP_WORDS or folded in NOT_A_PART:
            continue
        if len(folded) > MIN_PART or (len(folded) == MIN_PART and zipf >= SHORT_PART_ZIPF):
            parts.setdefault(folded, zipf)
    return parts


@cache
def dutch_splitter() -> Splitter:
    """The splitter the build indexes with: every part, and the common words kept whole."""
    parts = dutch_parts()
    probe = Splitter(parts)
    keep = [w for w, z in parts.items() if z >= KEEP_ZIPF and probe.split(w)]
    return Splitter(parts, keep)


def for_browser(splitter: Splitter, useful: Iterable[str]) -> dict:
    """What zoeken-kern.js needs to split query words the same way, restricted to the ``useful`` parts.

    ``delen``: {"<zipf*10>": "part part ..."}; ``heel``: the common words this smaller list
    would split but that stay whole ("part part ...").
    """
    wanted = set(useful)
    buckets: dict[int, list[str]] = {}
    for part, freq in splitter.parts.items():
        if part in wanted:
            buckets.setdefault(freq, []).append(part)
    kept = {p: f for f, words in buckets.items() for p in words}
    probe = Splitter(kept)
    heel = sorted(w for w in splitter.keep if probe.split(w))
    return {
        "delen": {str(f): " ".join(sorted(words)) for f, words in sorted(buckets.items(), reverse=True)},
        "heel": " ".join(heel),
    }
