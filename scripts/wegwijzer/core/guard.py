"""Limits and checks against hostile or broken input, in one place.

Anyone who can open a pull request, or whose HSDS feed we import, writes text that
reaches pages, exports and terminals. The rules here keep that text plain and small:

- no control characters (they can hide lines in ICS and CSV, or rewrite a terminal),
- no markup: ``<`` directly followed by a letter, ``/``, ``!`` or ``?`` is refused,
  also when the tag is not closed,
- caps on the length of a line, a word and a text, so every step stays fast,
- caps on schedule items and places, so one entry cannot blow up the site.

Every check runs in linear time (no regular expression here can backtrack badly).
Messages are Dutch, for editors.
"""

from __future__ import annotations

import re

# --- limits --------------------------------------------------------------------------------

MAX_LINE_CHARS = 2000  # one line in an entry file; the longest line in the shipped data is about 300
MAX_WORD_LETTERS = 60  # letters in a row without a space or a dash ("arbeidsongeschiktheidsverzekering" is 33)
MAX_TEXT_CHARS = 5000  # a whole text field (the longest shipped description is about 550)
MAX_SCHEDULE_ITEMS = 60  # times in one offer's 'schema'
MAX_PLACES = 40  # places of one offer
MAX_SCHEDULE_X_PLACES = 200  # schedule items times the places they are held at (each is shown and exported)
MAX_OPENING_HOURS = 40  # opening times of one place
MAX_AMOUNT = 100_000  # euro: a cost above this is a typing error
MAX_URL_CHARS = 500  # a web address

# C0 and C1 control characters except newline, the line and paragraph separators, and the
# bidirectional overrides and isolates (they make text look different from what it is).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A tag as a browser reads it: '<' and then at once a letter, '/', '!' or '?'. Also the
# spaced-out '< script >' that an earlier rule caught. Both patterns scan each '<' to the
# next '<' or '>' at most, so the time stays linear.
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_SPACED_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>")
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MAX_WORD_LETTERS + 1},}}")

_NAMES = {
    "\t": "een tab",
    "\r": "een los regeleinde (CR)",
    "\x00": "een nul-teken",
    "\x1b": "een escape-teken",
    "\x0b": "een verticale tab",
    "\x0c": "een nieuwe-pagina-teken",
    "\x85": "een regeleinde (NEL)",
    "\u2028": "een regelscheiding (LS)",
    "\u2029": "een alineascheiding (PS)",
}


def shown(value: object, limit: int = 60) -> str:
    """A value as it may appear inside a message: on one line, control characters made visible, long values cut."""
    text = one_line(str(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def for_terminal(text: str) -> str:
    """Text that is safe to print: every control character as a visible code such as \\x1b.

    Newlines stay (a report has lines); a value inside a line should use ``shown``.
    """
    return _CONTROL.sub(lambda m: _code(m.group(0)), text)


def one_line(text: str) -> str:
    """Text on one line, safe to print: newlines too become visible codes."""
    return _CONTROL_OR_NEWLINE.sub(lambda m: _code(m.group(0)), text)


def _code(char: str) -> str:
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def control_problem(value: str, multiline: bool) -> str | None:
    """A Dutch message when the text has a control character (or a newline where one line is asked)."""
    match = (_CONTROL if multiline else _CONTROL_OR_NEWLINE).search(value)
    if match is None:
        return None
    char = match.group(0)
    if char == "\n":
        return "Deze tekst moet op één regel staan. Haal de regel-overgang weg."
    what = _NAMES.get(char, f"een onzichtbaar stuurteken ({_code(char)})")
    return (
        f"Er staat {what} in de tekst (teken {match.start() + 1}). Haal het weg. "
        "Heb je de tekst geplakt? Typ dat stukje dan opnieuw."
    )


def markup_problem(value: str) -> str | None:
    """A Dutch message when the text contains something a browser could read as HTML."""
    match = _TAG_START.search(value) or _SPACED_TAG.search(value)
    if match is None:
        return None
    found = shown(value[match.start() : match.start() + 40], 40)
    return (
        f"Gebruik geen HTML in een tekst (gevonden: '{found}'). "
        "Schrijf gewone tekst. Voor vet gebruik **woord**, voor een link [tekst](https://...). "
        "Bedoel je 'kleiner dan'? Zet dan een spatie achter het teken <."
    )


_BAD_LINK = re.compile(r"\]\(\s*(?!https?:|mailto:|tel:)[a-zA-Z][a-zA-Z0-9+.-]*:")


def link_problem(value: str) -> str | None:
    """A Dutch message when a Markdown link [tekst](...) goes to another scheme than http(s), mailto or tel."""
    if _BAD_LINK.search(value):
        return "Een link mag alleen beginnen met https://, http://, mailto: of tel:."
    return None


def text_problem(value: str) -> str | None:
    """The first problem of an entry text: control characters, markup, a link elsewhere, or its length."""
    return (
        control_problem(value, multiline=True) or markup_problem(value) or link_problem(value) or length_problem(value)
    )


def id_problem(value: str, valid: bool) -> str | None:
    if valid:
        return None
    return (
        f"'{shown(value)}' is geen id. Een id heeft alleen kleine letters, cijfers en streepjes, "
        "zoals de naam van een bestand zonder .yaml."
    )


def times_problem(shown_times: int) -> str | None:
    """Schedule items times the places they are held at: each one is on the pages and in the exports."""
    if shown_times <= MAX_SCHEDULE_X_PLACES:
        return None
    return (
        f"Er staan te veel tijden op te veel plekken: {shown_times} (tijden keer plekken). Dat kan hoogstens "
        f"{MAX_SCHEDULE_X_PLACES} zijn. Zet bij elke tijd 'plek', of maak er meer items van."
    )


def refuse(problem: str | None) -> None:
    """Raise the problem as a ValueError (the model shows it to the editor); nothing when there is none."""
    if problem:
        raise ValueError(problem)


def length_problem(value: str, max_chars: int = MAX_TEXT_CHARS) -> str | None:
    """A Dutch message when a text, one of its lines or one of its words is too long."""
    if len(value) > max_chars:
        return f"De tekst is te lang: {len(value)} tekens. Maak hem korter dan {max_chars + 1} tekens."
    for line_no, line in enumerate(value.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            return (
                f"Regel {line_no} van de tekst is te lang ({len(line)} tekens). "
                f"Zet er een lege regel tussen: een alinea is hoogstens {MAX_LINE_CHARS} tekens."
            )
    word = _LONG_WORD.search(value)
    if word:
        return (
            f"Het woord '{shown(word.group(0), 30)}' is te lang ({len(word.group(0))} letters). "
            f"Een woord heeft hoogstens {MAX_WORD_LETTERS} letters. Zet spaties of streepjes tussen de delen."
        )
    return None


_PHONE_CHARS = re.compile(r"\+?[0-9 ().-]+")


def safe_cell(value: str, phone: bool = False) -> str:
    """A CSV cell that no spreadsheet runs as a formula (OWASP: prefix = + - @ tab and CR with ').

    ``phone`` is for a phone number column: a value of only digits, spaces and + ( ) . -
    cannot hold a formula that does harm, so it stays readable as it is.
    """
    if not value or value[0] not in "=+-@\t\r" or (phone and _PHONE_CHARS.fullmatch(value)):
        return value
    return "'" + value
