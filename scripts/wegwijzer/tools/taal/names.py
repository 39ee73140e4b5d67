"""Known names: places, entries, organisations and the names in taal.yaml.

A name is a name only when it is known, and then only as the whole name ("Hollands Kroon", "Stichting
Welzijnswerk Den Helder"), or, for the single words of an entry's own name and organisation, in the entry's own
file. A capitalised word in mid-sentence is no name by itself: it is checked like every other word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wegwijzer.tools.taal.config import LETTER, Config
from wegwijzer.tools.taal.sentences import Sentence
from wegwijzer.tools.taal.words import common_word

_NAME_WORD = re.compile(rf"[{LETTER}]+(?:['’\-][{LETTER}]+)*|[A-Z]{{1,4}}[0-9]{{1,2}}")


@dataclass(frozen=True)
class Names:
    phrases: tuple[str, ...] = ()  # whole names, longest first

    @property
    def pattern(self) -> re.Pattern | None:
        return _names_regex(self.phrases) if self.phrases else None


@lru_cache(maxsize=8)
def _names_regex(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<![{LETTER}0-9])(?:{'|'.join(re.escape(p) for p in phrases)})(?![{LETTER}0-9])")


def make_names(phrases: set[str], config: Config) -> Names:
    every = {p.strip() for p in phrases | set(config.names) if p and p.strip()}
    return Names(tuple(sorted(every, key=lambda p: (-len(p), p))))


def names_of(catalog, config: Config) -> Names:
    """Whole names of places (areas, streets), entries and organisations."""
    phrases: set[str] = set()
    for area in catalog.region.areas.values():
        phrases.add(area.naam)
    for entry in [*catalog.locations.values(), *catalog.activities.values()]:
        phrases.update(n for n in (entry.naam, entry.organisatie) if n)
        adres = getattr(entry, "adres", None)
        if adres is not None:
            phrases.update(p for p in (adres.straat, adres.plaats) if p)
    return make_names(phrases, config)


def own_words(*names: str | None) -> frozenset[str]:
    """The capitalised words of an entry's own name and organisation (valid as names in its own file)."""
    words = (w for n in names if n for w in _NAME_WORD.findall(n.replace("’", "'")))
    return frozenset(w for w in words if w[0].isupper())


def mark_names(sentence: Sentence, names: Names, own: frozenset[str]) -> frozenset[int]:
    """Indexes of the tokens of a sentence that are (part of) a known name."""
    spans: list[tuple[int, int]] = []
    pattern = names.pattern
    if pattern is not None:
        for m in pattern.finditer(sentence.text):
            single = not re.search(r"\s", m.group(0))
            at_start = not sentence.text[: m.start()].strip(" \"'“‘(*-")
            if single and at_start and common_word(m.group(0), 3.0):
                continue  # 'Preventie' at the start of a sentence: more likely the word than the name
            spans.append((m.start(), m.end()))
    marked = set()
    k = 0
    for i, tok in enumerate(sentence.tokens):
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= tok.start < spans[k][1]
        if inside or (tok.kind == "word" and tok.text in own):
            marked.add(i)
    return frozenset(marked)
