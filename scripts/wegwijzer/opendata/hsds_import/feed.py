"""Reading an HSDS feed: a bounded read, strict JSON, and typed access to values that may be anything.

A feed comes from a partner, so every value may have another type than HSDS says (an
object where a text belongs, a text where a list belongs), may hold HTML, control
characters or a huge amount of text. ``Part`` hands out only values of the asked type;
a value of another type is left out with a note for the editor, never a traceback.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wegwijzer.core.files import FileProblem, read_limited
from wegwijzer.core.guard import shown

MAX_FEED_BYTES = 20 * 1024 * 1024  # a feed of 10,000 services is about 15 MB


class FeedProblem(Exception):
    """The feed cannot be read at all; the message is Dutch. Nothing is written."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def _no_constant(name: str) -> float:
    raise ValueError(f"'{name}' is geen getal in JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"het getal {shown(text, 20)} is te groot")
    return value


def parse_json(raw: bytes, name: str, what: str) -> Any:
    """Strict JSON from bytes (UTF-8): no NaN or Infinity, no huge numbers; FeedProblem in Dutch otherwise."""
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant, parse_float=_finite)
    except UnicodeDecodeError:
        raise FeedProblem(f"{shown(name)} is geen UTF-8-tekst. Vraag om JSON in UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise FeedProblem(f"{shown(name)} is geen geldige JSON (regel {exc.lineno}): {exc.msg}.") from None
    except RecursionError:
        raise FeedProblem(f"{shown(name)} is te diep genest (te veel haakjes in elkaar). Is dit wel {what}?") from None
    except ValueError as exc:  # NaN, Infinity, 1e999, or an integer with thousands of digits
        raise FeedProblem(f"{shown(name)} is geen geldige JSON: {shown(exc, 120)}.") from None


def read_services(path: Path) -> list[dict]:
    """The services in an HSDS file: a list, a paginated list (``{"contents": [...]}``) or one service.

    Raises FeedProblem when the file cannot be read or is no HSDS at all. Services that are
    no object are kept as they are: the importer skips each with its reason.
    """
    name = Path(path).name
    try:
        raw = read_limited(Path(path), MAX_FEED_BYTES)
    except FileProblem as exc:
        raise FeedProblem(f"{shown(name)}: {exc.message}") from None
    data = parse_json(raw, name, "HSDS")
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise FeedProblem(f"{shown(name)} bevat geen lijst met HSDS-services.")
    return data


# --- typed access ---------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]*>")  # linear: a tag ends at the next '<' or '>'
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_TAG_LEFT = re.compile(r"<(?=\s*[A-Za-z!?/])")  # a '<' that still opens something like a tag
_TAG_TAIL = re.compile(r"<\s*[A-Za-z!?/][^<>]*$")  # a tag that is never closed eats the rest, as in a browser
_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n?|[\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINK_SCHEME = re.compile(r"\]\(\s*(?!https?:|mailto:|tel:)[^)]*\)")


def _strip_tags(value: str) -> str:
    return _TAG_LEFT.sub("", _TAG_TAIL.sub("", _TAG.sub("", value)))


def plain_text(value: str, one_line: bool = False) -> tuple[str, list[str]]:
    """Text without HTML and control characters, and what was taken out (for a note).

    one_line: line breaks become spaces (for names and other one-line fields).
    """
    removed = []
    if _TAG.search(value) or _ENTITY.search(value) or _TAG_LEFT.search(value):
        value = _strip_tags(html.unescape(_strip_tags(value)))  # again: what the entities turned into
        removed.append("HTML")
    value = _LINE_BREAK.sub("\n", value).replace("\t", " ")
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
        removed.append("onzichtbare stuurtekens")
    value = _LINK_SCHEME.sub("]", value)
    if one_line:
        value = _SPACES.sub(" ", value)
    return value.strip(), removed


@dataclass
class Part:
    """One object of the feed (a service, a location, a schedule) and the notes of its service."""

    data: dict[str, Any]
    notes: list[str]
    what: str = "de dienst"  # for notes: "de dienst", "een plek", ...

    def has(self, key: str) -> bool:
        return self.data.get(key) not in (None, "", [], {})

    def _wrong(self, key: str, expected: str) -> None:
        found = self.data.get(key)
        kind = {dict: "een blok met velden", list: "een lijst", str: "tekst", bool: "ja/nee"}.get(
            type(found), "een getal"
        )
        self.notes.append(f"In {self.what} is '{key}' {kind} in plaats van {expected}: niet overgenomen.")

    def text(self, key: str, what: str = "", one_line: bool = False) -> str | None:
        """A text without HTML and control characters; None when empty or of another type."""
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self._wrong(key, "tekst")
            return None
        clean, removed = plain_text(value, one_line)
        if removed:
            what_out = " en ".join(removed)
            self.notes.append(f"{what_out[0].upper()}{what_out[1:]} weggehaald uit {what or key}.")
        return clean or None

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._wrong(key, "een getal")
            return None
        return float(value)

    def part(self, key: str, what: str = "") -> Part | None:
        value = self.data.get(key)
        if value is None or value == {}:
            return None
        if not isinstance(value, dict):
            self._wrong(key, "een blok met velden")
            return None
        return Part(value, self.notes, what or self.what)

    def parts(self, key: str, what: str = "") -> list[Part]:
        """The objects in a list; a list of another type, or an item that is no object, gets a note."""
        value = self.data.get(key)
        if value is None or value == []:
            return []
        if not isinstance(value, list):
            self._wrong(key, "een lijst")
            return []
        out = [Part(item, self.notes, what or self.what) for item in value if isinstance(item, dict)]
        if len(out) < len(value):
            self.notes.append(f"In {self.what} staan in '{key}' {len(value) - len(out)} regels die geen blok zijn.")
        return out

    def raw(self, key: str) -> Any:
        return self.data.get(key)
