"""Find entries that may be the same thing twice. Results are warnings, never errors.

Two checks:
- the same name and the same address (or the same places, for an offer);
- very similar names in one woonkern (difflib ratio of the normalised names).

Names that differ only in a number ("Groep 1", "Groep 2") are not flagged:
they are usually different on purpose. Compared pairs are kept small by
grouping per woonkern and by cheap upper bounds before the real ratio, so this
stays fast for 10,000 entries.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import cast

from wegwijzer.core.model import Activity, Entry, Location
from wegwijzer.core.problems import Problem

SIMILAR = 0.88  # ratio from which two names in one woonkern look like the same thing
_DIGITS = re.compile(r"\d+")


def normalise(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: 'Taalcafé  Den-Burg!' -> 'taalcafe den burg'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def _address_key(loc) -> str:
    if loc.adres is None or not loc.adres.straat:
        return ""
    return normalise(loc.adres.one_line())


def _line(entry: Entry) -> int | None:
    return entry.line_of("naam")


def _warn(entry, other, why: str) -> Problem:
    return Problem(
        entry.source,
        _line(entry),
        "naam",
        f"Dit lijkt dubbel met '{other.naam}' ({other.source}): {why}. "
        "Is het hetzelfde? Voeg de twee dan samen tot één bestand. "
        "Is het iets anders? Maak de naam duidelijker.",
        warning=True,
    )


def _similar_pairs(members: list[tuple[str, Entry]]) -> list[tuple[Entry, Entry, float]]:
    """Pairs with a name ratio of at least SIMILAR. members: (normalised name, entry), sorted.

    Numbers are masked first ('groep 1' -> 'groep #'); names with the same mask are compared
    only for equality, and each pair of distinct masks is compared once.
    """
    found: list[tuple[Entry, Entry, float]] = []
    by_mask: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for name, entry in members:
        by_mask[_DIGITS.sub("#", name)].append((name, entry))
    masks = sorted(by_mask)
    for mask in masks:
        same_name: defaultdict[str, list[Entry]] = defaultdict(list)
        for name, entry in by_mask[mask]:
            same_name[name].append(entry)
        for entries in same_name.values():
            found += [(entries[0], other, 1.0) for other in entries[1:]]
    matcher = difflib.SequenceMatcher(autojunk=False)
    for i, mask_b in enumerate(masks):
        matcher.set_seq2(mask_b)
        for mask_a in masks[:i]:
            if 2.0 * min(len(mask_a), len(mask_b)) / (len(mask_a) + len(mask_b)) < SIMILAR:
                continue  # lengths alone rule it out
            matcher.set_seq1(mask_a)
            if matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILAR:
                found += [(a, b, ratio) for _, a in by_mask[mask_a] for _, b in by_mask[mask_b]]
    return found


def _by_group(groups: Mapping[str, list[Entry]]) -> list[tuple[Entry, Entry, float]]:
    pairs: dict[tuple[str, str], tuple[Entry, Entry, float]] = {}
    for key in sorted(groups):
        members = sorted(((normalise(e.naam), e) for e in groups[key]), key=lambda t: (t[0], t[1].id))
        for a, b, ratio in _similar_pairs(members):
            first, second = sorted((a, b), key=lambda e: e.id)
            pairs[(first.id, second.id)] = (first, second, ratio)
    return [pairs[k] for k in sorted(pairs)]


Pair = tuple[Entry, Entry, str]  # first, second, why


def _same_key(entries: Iterable[Entry], key: Callable[[Entry], object], why: str) -> list[Pair]:
    """Pairs of entries with the same key (None: no key), the first by id against each other one."""
    groups: defaultdict[object, list[Entry]] = defaultdict(list)
    for entry in entries:
        value = key(entry)
        if value is not None:
            groups[value].append(entry)
    pairs: list[Pair] = []
    for group in groups.values():
        ordered = sorted(group, key=lambda e: e.id)
        pairs += [(ordered[0], other, why) for other in ordered[1:]]
    return pairs


def _similar(groups: Mapping[str, list[Entry]]) -> list[Pair]:
    same, similar = "zelfde naam in dezelfde woonkern", "bijna dezelfde naam in dezelfde woonkern"
    return [(a, b, same if ratio == 1.0 else similar) for a, b, ratio in _by_group(groups)]


def _place_pairs(locations: Mapping[str, Location]) -> list[Pair]:
    """Places: the same name and street address anywhere in the region; similar names in one woonkern."""

    def name_and_address(loc: Entry) -> object:
        address = _address_key(cast(Location, loc))
        return (normalise(loc.naam), address) if address else None

    def address_only(loc: Entry) -> object:
        place = cast(Location, loc)
        return _address_key(place) if place.adres is not None and place.adres.huisnummer else None

    same_both = _same_key(locations.values(), name_and_address, "zelfde naam en zelfde adres")
    named = {(a.id, b.id) for a, b, _ in same_both}
    same_address = [
        pair
        for pair in _same_key(locations.values(), address_only, "zelfde adres, andere naam")
        if (pair[0].id, pair[1].id) not in named
    ]
    per_kern: defaultdict[str, list[Entry]] = defaultdict(list)
    for loc in locations.values():
        per_kern[loc.woonkern].append(loc)
    return same_both + same_address + _similar(per_kern)


def _offer_pairs(locations: Mapping[str, Location], activities: Mapping[str, Activity]) -> list[Pair]:
    """Offers: the same name at the same places (or area); similar names in one woonkern or area."""

    def name_and_where(entry: Entry) -> object:
        act = cast(Activity, entry)
        return (normalise(act.naam), tuple(sorted(act.plekken)) + tuple(sorted(act.gebied)))

    per_kern: defaultdict[str, list[Entry]] = defaultdict(list)
    for act in activities.values():
        kernen = {locations[p].woonkern for p in act.plekken if p in locations}
        for key in kernen | {f"gebied:{g}" for g in act.gebied}:
            per_kern[key].append(act)
    return _same_key(activities.values(), name_and_where, "zelfde naam op dezelfde plek") + _similar(per_kern)


def duplicate_pairs(locations: Mapping[str, Location], activities: Mapping[str, Activity]) -> list[Pair]:
    """Pairs of entries that look like the same thing twice, and why: (first, second, reason in Dutch)."""
    return _place_pairs(locations) + _offer_pairs(locations, activities)


def find_duplicates(locations: Mapping[str, Location], activities: Mapping[str, Activity]) -> list[Problem]:
    """Warnings for places and offers that look like the same thing twice (each pair once)."""
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for first, second, why in duplicate_pairs(locations, activities):
        key = (first.source, second.source)
        if key not in reported:
            reported.add(key)
            problems.append(_warn(second, first, why))
    return sorted(problems)
