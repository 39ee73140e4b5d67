"""`wegwijzer geocode`: fill in missing coordinates of places from their address.

For editors. It reads the YAML files itself (the catalogue cannot load a place
without coordinates), asks a geocoder (Nominatim through geopy) for each place
that has an address but no ``coordinaten``, and inserts one line
``coordinaten: {lat: .., lon: ..}`` after ``woonkern`` (or ``wijk``). All other
lines, comments and the order of the fields stay as they were.

Answers are kept in a cache file, so an address is looked up only once (also on
another computer, because the cache is in the repository).
If the geocoder cannot be reached, nothing is written at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core import yamlsafe
from wegwijzer.core.guard import one_line
from wegwijzer.core.region import BOUNDS, DATA_DIR, inside_region

DEFAULT_CACHE = DATA_DIR / "geocode-cache.json"
USER_AGENT = "wegwijzer-van-de-kop (sociale kaart; wegwijzer geocode)"

Lookup = Callable[[str], tuple[float, float] | None]


class Unreachable(Exception):
    """The geocoder could not be reached (offline, timeout, refused)."""


@dataclass
class Result:
    filled: list[tuple[str, float, float, str]] = field(default_factory=list)  # file, lat, lon, query
    problems: list[tuple[str, str]] = field(default_factory=list)  # file, Dutch message
    already: int = 0


def address_query(adres: dict) -> str | None:
    """One line for the geocoder. None when the address is too vague for a map (only a town)."""
    if not isinstance(adres, dict):
        return None
    street = " ".join(str(adres[k]).strip() for k in ("straat", "huisnummer") if adres.get(k))
    town = " ".join(str(adres[k]).strip() for k in ("postcode", "plaats") if adres.get(k))
    if not adres.get("straat") and not adres.get("postcode"):
        return None
    return ", ".join(p for p in (street, town, "Nederland") if p)


def has_coordinates(data: dict) -> bool:
    """True when the entry has both numbers: an empty 'coordinaten: {lat: , lon: }' (from nieuw) has not."""
    coords = data.get("coordinaten")
    if not isinstance(coords, dict):
        return False
    return all(isinstance(coords.get(k), int | float) and not isinstance(coords.get(k), bool) for k in ("lat", "lon"))


_EMPTY_COORDINATES = re.compile(r"^coordinaten\s*:.*$")


def insert_coordinates(text: str, lat: float, lon: float) -> str:
    """Fill in the coordinaten line: replace an empty one, else add it after woonkern/wijk (or at the end).

    Nothing else in the file changes.
    """
    line = f"coordinaten: {{lat: {lat:.5f}, lon: {lon:.5f}}}"
    lines = text.splitlines(keepends=True)
    for i, current in enumerate(lines):
        if _EMPTY_COORDINATES.match(current):  # the entry has no numbers here (has_coordinates said so)
            ending = current[len(current.rstrip("\r\n")) :]
            lines[i] = line + ending
            return "".join(lines)
    after = None
    for i, current in enumerate(lines):
        if re.match(r"^(woonkern|wijk)\s*:", current):
            after = i
    if after is None:
        body = text if text.endswith("\n") or not text else text + "\n"
        return body + line + "\n"
    end = after + 1
    while end < len(lines) and lines[end][:1] in (" ", "\t"):  # a value continued on the next lines
        end += 1
    newline = "\r\n" if lines[after].endswith("\r\n") else "\n"
    if not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    lines.insert(end, line + newline)
    return "".join(lines)


def load_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


NO_ADDRESS = (
    "Er staat geen straat of postcode bij 'adres'. Vul het adres aan, "
    "of zoek de plek zelf op een kaart en vul 'coordinaten' in."
)


def _places_to_look_up(root: Path, result: Result) -> list[tuple[Path, str, str]]:
    """(path, text, address query) of every place without coordinates; problems go into result."""
    todo: list[tuple[Path, str, str]] = []
    folder = root / "locations"
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        rel = f"locations/{path.name}"
        try:
            doc = yamlsafe.read(path)
        except yamlsafe.YamlProblem as exc:
            result.problems.append((rel, f"Het bestand kan niet worden gelezen: {exc.message}"))
            continue
        data = doc.data if isinstance(doc.data, dict) else {}
        if has_coordinates(data):
            result.already += 1
            continue
        adres = data.get("adres")
        query = address_query(adres) if isinstance(adres, dict) else None
        if query is None:
            result.problems.append((rel, NO_ADDRESS))
            continue
        todo.append((path, path.read_text(encoding="utf-8"), query))
    return todo


def _answer_problem(query: str, answer: list[float] | None) -> str:
    if not answer:
        return (
            f"Het adres '{query}' is niet gevonden. Controleer het adres, "
            "of zoek de plek zelf op een kaart en vul 'coordinaten' in."
        )
    if not inside_region(answer[0], answer[1]):
        return (
            f"Het adres '{query}' ligt volgens de geocoder buiten de Kop van "
            f"Noord-Holland ({answer[0]}, {answer[1]}). Controleer het adres."
        )
    return ""


def _write(changed: dict[Path, str], cache_path: Path, cache: dict, answers: dict) -> None:
    for path, text in changed.items():
        path.write_text(text, encoding="utf-8")
    new_cache = {**cache, **{q: a for q, a in answers.items() if a is not None}}
    if new_cache != cache:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(
            json.dumps(new_cache, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )


def geocode_missing(root: Path, lookup: Lookup, cache_path: Path = DEFAULT_CACHE, write: bool = True) -> Result:
    """Look up every place without coordinates. Raises Unreachable before writing anything."""
    cache = load_cache(cache_path)
    result = Result()
    todo = _places_to_look_up(root, result)
    answers: dict[str, list[float] | None] = {}
    for _, _, query in todo:
        if query in cache:
            answers[query] = cache[query]
        elif query not in answers:
            found = lookup(query)  # may raise Unreachable: then nothing is written
            answers[query] = [round(found[0], 5), round(found[1], 5)] if found else None
    changed: dict[Path, str] = {}
    for path, text, query in todo:
        rel = f"locations/{path.name}"
        answer = answers[query]
        problem = _answer_problem(query, answer)
        if problem or answer is None:
            result.problems.append((rel, problem))
            continue
        lat, lon = answer
        changed[path] = insert_coordinates(text, lat, lon)
        result.filled.append((rel, lat, lon, query))
    if write:
        _write(changed, cache_path, cache, answers)
    return result


def nominatim_lookup(
    timeout: float = 10.0, domain: str = "nominatim.openstreetmap.org", scheme: str = "https"
) -> Lookup:
    """A lookup through OpenStreetMap Nominatim: at most one request per second, only in the region."""
    from geopy.exc import GeopyError
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(user_agent=USER_AGENT, timeout=timeout, domain=domain, scheme=scheme)
    box = [(BOUNDS["lat_min"], BOUNDS["lon_min"]), (BOUNDS["lat_max"], BOUNDS["lon_max"])]
    state = {"last": 0.0}

    def lookup(query: str):
        import time

        wait = 1.0 - (time.monotonic() - state["last"])
        if wait > 0:
            time.sleep(wait)
        try:
            found = geocoder.geocode(query, country_codes="nl", viewbox=box, bounded=True, exactly_one=True)
        except (GeopyError, OSError) as exc:
            raise Unreachable(type(exc).__name__) from None
        finally:
            state["last"] = time.monotonic()
        return (found.latitude, found.longitude) if found else None

    return lookup


def run(root: Path, args) -> int:
    """The command: Dutch messages, exit 1 (and no change at all) when the geocoder is unreachable."""
    import sys

    cache = Path(args.cache).resolve() if getattr(args, "cache", None) else DEFAULT_CACHE
    try:
        result = geocode_missing(root, nominatim_lookup(), cache, write=not getattr(args, "alleen_kijken", False))
    except Unreachable as exc:
        print(
            f"De geocoder (OpenStreetMap Nominatim) is niet bereikbaar ({exc}). Er is niets veranderd.\n"
            "Controleer je internetverbinding en probeer het later nog eens. "
            "Je kunt de coördinaten ook zelf opzoeken op een kaart.",
            file=sys.stderr,
        )
        return 1
    for rel, lat, lon, query in result.filled:
        print(one_line(f"{rel}: coordinaten ingevuld ({lat}, {lon}) bij '{query}'."))
    for rel, message in result.problems:
        print(one_line(f"{rel}: {message}"), file=sys.stderr)  # a file name or address cannot steer the terminal
    if result.filled:
        print("Kijk op de kaart van de site of elke plek goed staat. Draai daarna wegwijzer validate.")
    elif not result.problems:
        print(f"Alle {result.already} plekken hebben al coördinaten. Er is niets veranderd.")
    return 1 if result.problems else 0
