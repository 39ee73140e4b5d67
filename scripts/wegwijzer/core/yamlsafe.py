"""Safe, bounded YAML reading with line numbers for every value.

Editors write YAML by hand. We read it with a strict loader:
- only plain YAML types (no custom tags), no anchors or aliases (so no alias bombs),
- a maximum file size, strict UTF-8,
- times like 10:00 and dates stay text (YAML 1.1 would turn 10:00 into 600),
- a key that appears twice is an error instead of silently winning,
- only regular files, at most ``MAX_DEPTH`` levels (checked on the parser's flat event
  stream before anything recurses) and, for entries, lines of at most ``guard.MAX_LINE_CHARS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

from wegwijzer.core.files import FileProblem, read_limited
from wegwijzer.core.files import _too_big as too_big
from wegwijzer.core.guard import shown

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12  # an entry needs about 4 levels (schema -> item -> field); deeper is an attack or a mistake


class YamlProblem(Exception):
    def __init__(self, message: str, line: int | None = None, field: str = ""):
        self.message = message
        self.line = line
        self.field = field
        super().__init__(message)


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: much faster


class _StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader without timestamps, sexagesimal numbers and merge keys.

    Aliases are refused while walking the node tree (a node seen twice is an alias),
    so an alias bomb can never expand.
    """

    yaml_implicit_resolvers: ClassVar[dict] = {}


_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class Document:
    """A parsed YAML file: its data and the line of every value, by path."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int | None:
        """Line of the value at path, or of the nearest parent that exists."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _walk(node, path: tuple, lines: dict, loader: _StrictLoader, seen_nodes: set):
    if id(node) in seen_nodes:
        raise YamlProblem(
            "Gebruik geen verwijzing met * (alias) in een bestand. Schrijf de waarde zelf uit.",
            node.start_mark.line + 1,
            ".".join(str(p) for p in path),
        )
    seen_nodes.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlProblem(
            f"De velden staan te diep in elkaar (meer dan {MAX_DEPTH} niveaus). Maak het bestand eenvoudiger.",
            node.start_mark.line + 1,
        )
    if node.tag not in _ALLOWED_TAGS:
        raise YamlProblem(
            f"De code '{node.tag}' mag niet in een bestand staan. Haal het woord met ! weg.",
            node.start_mark.line + 1,
            ".".join(str(p) for p in path),
        )
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("Een veldnaam moet een gewoon woord zijn.", key_node.start_mark.line + 1)
            key = loader.construct_object(key_node, deep=True)
            if key == "<<":
                raise YamlProblem(
                    "Gebruik geen '<<' in een bestand. Schrijf de velden zelf uit.", key_node.start_mark.line + 1
                )
            key = str(key)
            if key in seen:
                raise YamlProblem(
                    f"Het veld '{key}' staat twee keer in hetzelfde blok (ook op regel {seen[key]}). Haal er één weg.",
                    key_node.start_mark.line + 1,
                    ".".join(str(p) for p in path + (key,)),
                )
            seen[key] = key_node.start_mark.line + 1
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _walk(value_node, path + (key,), lines, loader, seen_nodes)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, path + (i,), lines, loader, seen_nodes) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


_TOO_DEEP = (
    f"De velden staan te diep in elkaar (te diep genest: meer dan {MAX_DEPTH} niveaus). "
    "Maak het bestand eenvoudiger: een item heeft hoogstens 4 niveaus."
)


def _check_lines(text: str, max_line: int) -> None:
    """Refuse a line longer than max_line before the parser sees it (with its line number)."""
    start, line_no = 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > max_line:
            raise YamlProblem(
                f"Deze regel is te lang ({end - start} tekens). Een regel mag hoogstens {max_line} tekens "
                "hebben. Zet lange tekst over meer regels (met | of > achter de veldnaam).",
                line_no,
            )
        start, line_no = end + 1, line_no + 1


def _check_depth(text: str) -> None:
    """Walk the parser's events (no recursion) and stop at the first level deeper than MAX_DEPTH.

    Composing nodes recurses (in libyaml's binding in C, where too deep means a crash), so the
    depth is checked on the flat stream of events first: block sequences ('- - - x'),
    indentation and brackets all open a level there.
    """
    loader = _StrictLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(_TOO_DEEP, event.start_mark.line + 1 if event.start_mark else None)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def parse(text: str, name: str = "<tekst>", max_line: int | None = None) -> Document:
    """Parse YAML text into a Document, raising YamlProblem with a Dutch message.

    max_line: refuse a longer line before parsing (entries use ``guard.MAX_LINE_CHARS``).
    """
    if max_line is not None:
        _check_lines(text, max_line)
    loader = _StrictLoader(text)
    try:
        try:
            _check_depth(text)
            node = loader.get_single_node()
        except YamlProblem:
            raise
        except yaml.YAMLError as exc:
            raise _explain(exc, text) from None
        except RecursionError:  # cannot happen after _check_depth; kept so a crash is never possible
            raise YamlProblem(_TOO_DEEP) from None
        if node is None:
            return Document({}, {(): 1})
        lines: dict[tuple, int] = {}
        data = _walk(node, (), lines, loader, set())
        return Document(data, lines)
    finally:
        loader.dispose()


def _explain(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """A parser error as a Dutch message with its line."""
    if isinstance(exc, yaml.composer.ComposerError):
        return YamlProblem(
            "Er staan meer documenten in dit bestand (---). Zet één item per bestand.",
            (exc.problem_mark.line + 1) if exc.problem_mark else None,
        )
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        source_lines = text.splitlines()
        if mark and mark.line < len(source_lines) and "\t" in source_lines[mark.line]:
            return YamlProblem("Er staat een tab in deze regel. Gebruik spaties om in te springen.", mark.line + 1)
        if "quoted scalar" in (exc.context or "") and exc.context_mark:  # the opening quote, not the file's end
            mark = exc.context_mark
        return YamlProblem(_explain_syntax(exc, source_lines), (mark.line + 1) if mark else None)
    # e.g. reader errors (control characters)
    return YamlProblem(f"Dit is geen geldige YAML: {shown(exc, 200)}.")


def _indented_too_far(exc: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """'naam: X' followed by '  soort: y': the second line is indented under a line that has a value."""
    mark = exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    before = [x for x in lines[: mark.line] if x.strip() and not x.lstrip().startswith("#")]
    if not before:
        return ""
    previous = before[-1]
    indent, previous_indent = len(line) - len(line.lstrip(" ")), len(previous) - len(previous.lstrip(" "))
    has_value = re.match(r"^\s*(?:- )?[\w-]+:\s*\S", previous) is not None
    key, above = line.strip().split(":", 1)[0], previous.strip().removeprefix("- ").split(":", 1)[0]
    if indent > previous_indent and has_value and re.fullmatch(r"[\w-]+", key):
        return (
            f"Deze regel springt te ver in. Zet '{key}' precies onder '{above}' "
            "(evenveel spaties aan het begin van de regel)."
        )
    return ""


def _explain_syntax(exc: yaml.MarkedYAMLError, lines: list[str] | None = None) -> str:
    problem = (exc.problem or "").strip()
    if "found character '\\t'" in problem or "\\t" in problem:
        return "Er staat een tab in het bestand. Gebruik spaties om in te springen."
    too_far = _indented_too_far(exc, lines or [])
    if too_far:
        return too_far
    if "mapping values are not allowed" in problem:
        return (
            "Hier staat een dubbele punt (:) op een plek waar dat niet kan. "
            'Zet de tekst tussen aanhalingstekens, bijvoorbeeld: samenvatting: "Tijd: 10 uur".'
        )
    if "could not find expected ':'" in problem:
        return "Hier mist een dubbele punt (:) achter de veldnaam. Schrijf bijvoorbeeld: naam: Taalcafé."
    if "expected ',' or ']'" in problem:
        return "Een lijst die begint met [ moet eindigen met ]. Controleer de haakjes en de komma's."
    if "expected ',' or '}'" in problem:
        return "Een blok dat begint met { moet eindigen met }. Controleer de haakjes en de komma's."
    if "quoted scalar" in (exc.context or ""):
        return (
            "De tekst tussen aanhalingstekens die op deze regel begint, is niet afgesloten. "
            "Zet aan het eind van de tekst ook een \" (of ' als je met ' begon)."
        )
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "De inspringing klopt niet. Zet velden die bij elkaar horen precies onder elkaar."
    if "found undefined alias" in problem or "found unhashable key" in problem:
        return "Dit is geen geldige YAML. Controleer de regel en de regel erboven."
    return f"Dit is geen geldige YAML ({problem or exc}). Controleer de regel en de regel erboven."


def read(path: Path, max_bytes: int = MAX_BYTES, max_line: int | None = None) -> Document:
    """Read and parse one YAML file safely: a regular file, at most max_bytes, strict UTF-8."""
    try:
        raw = read_limited(path, max_bytes)
    except FileProblem as exc:
        raise YamlProblem(exc.message) from None
    return read_bytes(raw, str(path), max_bytes, max_line)


def read_bytes(raw: bytes, name: str, max_bytes: int = MAX_BYTES, max_line: int | None = None) -> Document:
    """Parse the bytes of a file with the checks of ``read``: at most max_bytes, strict UTF-8, no nul bytes.

    For a file that is not on disk yet (``wegwijzer inbox`` checks an entry before it writes it).
    """
    if len(raw) > max_bytes:
        raise YamlProblem(too_big(len(raw), max_bytes).message)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            "Het bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8 (in je editor: 'Opslaan met codering').",
            line,
        ) from None
    if "\x00" in text:
        raise YamlProblem("Het bestand bevat onzichtbare tekens (nul-bytes). Sla het opnieuw op als tekst.")
    return parse(text, name, max_line)
