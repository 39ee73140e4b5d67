"""The column-mapping file of `wegwijzer import-csv`: which column is which field, fixed values, own words.

A small YAML file (read with ``core.yamlsafe``: bounded, strict, line numbers)::

    wat: aanbod                      # every row becomes an offer (aanbod) or a place (plek)
    bron: Sociale kaart gemeente Schagen, november 2026
    blad: Aanbod                     # XLSX only: which sheet (default: the first)
    kolommen:                        # field: the column header in the file
      naam: Naam activiteit
      themas: Thema
    vast:                            # field: a value for every row whose column is empty or missing
      beheerder: Welzijn Schagen
      doelgroepen: [iedereen]
    waarden:                         # field: a word in the file -> a value of our list
      themas:
        Financiën: geld

Every problem in the file is reported at once, in Dutch, with its line; nothing is imported then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core import yamlsafe
from wegwijzer.core.guard import shown
from wegwijzer.opendata.hsds_import.feed import FeedProblem
from wegwijzer.opendata.imports.common import allowed, list_value

# Fields a column (or a fixed value) can fill; the list name for fields with a controlled list.
COMMON = ("naam", "beschrijving", "organisatie", "telefoon", "email", "website", "bereikbaar")
ADDRESS = ("adres", "straat", "huisnummer", "postcode", "plaats", "woonkern", "gemeente", "lat", "lon")
KEEPER = ("beheerder", "beheerder_email")
FIELDS = {
    "aanbod": COMMON
    + ("samenvatting", "soort", "themas", "doelgroepen", "talen", "kosten", "aanmelden", "dag", "van", "tot")
    + ("plek", "plek_soort")
    + ADDRESS
    + KEEPER,
    "plek": COMMON + ("soort", "toegankelijkheid") + ADDRESS + KEEPER,
}
REQUIRED = {
    "aanbod": ("naam", "samenvatting", "organisatie", "soort", "themas", "doelgroepen"),
    "plek": ("naam", "soort"),
}
LISTS = {  # (kind, field) -> controlled list
    ("aanbod", "soort"): "aanbod_soorten",
    ("plek", "soort"): "plek_soorten",
    ("aanbod", "plek_soort"): "plek_soorten",
    ("aanbod", "themas"): "themas",
    ("aanbod", "doelgroepen"): "doelgroepen",
    ("aanbod", "talen"): "talen",
    ("plek", "toegankelijkheid"): "toegankelijkheid",
}
MULTIPLE = ("themas", "doelgroepen", "talen", "toegankelijkheid")
TOP = ("wat", "bron", "blad", "kolommen", "vast", "waarden")


@dataclass
class Mapping:
    kind: str  # "aanbod" or "plek"
    bron: str
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field -> column header
    fixed: dict[str, object] = field(default_factory=dict)  # field -> value
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> own word -> list value

    def list_of(self, name: str) -> str | None:
        return LISTS.get((self.kind, name))

    def has(self, name: str) -> bool:
        return name in self.columns or name in self.fixed


class _Check:
    """Collects the problems of a mapping file, each with its line."""

    def __init__(self, doc: yamlsafe.Document, name: str):
        self.doc, self.name = doc, name
        self.problems: list[str] = []

    def add(self, path: tuple, message: str) -> None:
        self.problems.append(f"{self.name}, regel {self.doc.line_of(path)}: {message}")

    def block(self, data: dict, key: str) -> dict:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add((key,), f"'{key}' moet een blok zijn: op elke regel eronder 'veld: waarde'.")
            return {}
        return value


def read_mapping(path: Path) -> Mapping:
    name = shown(Path(path).name)
    try:
        doc = yamlsafe.read(Path(path))
    except yamlsafe.YamlProblem as exc:
        where = f", regel {exc.line}" if exc.line else ""
        raise FeedProblem(f"Mappingbestand {name}{where}: {exc.message}") from None
    if not isinstance(doc.data, dict):
        raise FeedProblem(f"Mappingbestand {name}: schrijf velden, zoals 'wat: aanbod' en 'kolommen:'.")
    check = _Check(doc, f"Mappingbestand {name}")
    mapping = _parse(doc.data, check)
    if check.problems:
        raise FeedProblem("\n".join(check.problems))
    return mapping


def _parse(data: dict, check: _Check) -> Mapping:
    for key in data:
        if key not in TOP:
            check.add((key,), f"Het veld '{shown(key)}' bestaat niet. Toegestaan: {', '.join(TOP)}.")
    kind = data.get("wat")
    if kind not in FIELDS:
        check.add(
            ("wat",), "Schrijf 'wat: aanbod' (elke regel wordt aanbod) of 'wat: plek' (elke regel wordt een plek)."
        )
        kind = "aanbod"
    bron, sheet = data.get("bron"), data.get("blad")
    if bron is not None and (not isinstance(bron, str) or not bron.strip()):
        check.add(
            ("bron",), "Schrijf bij 'bron' waar de lijst vandaan komt, bijvoorbeeld: Sociale kaart Schagen, 2026."
        )
    mapping = Mapping(kind, bron.strip() if isinstance(bron, str) else "", str(sheet) if sheet is not None else None)
    _columns(mapping, check.block(data, "kolommen"), check)
    _fixed(mapping, check.block(data, "vast"), check)
    _words(mapping, check.block(data, "waarden"), check)
    for needed in REQUIRED[kind]:
        if not mapping.has(needed):
            check.add((), f"'{needed}' ontbreekt: zet de kolom bij 'kolommen:' of een vaste waarde bij 'vast:'.")
    return mapping


def _field_ok(mapping: Mapping, key: object, path: tuple, check: _Check) -> bool:
    if key in FIELDS[mapping.kind]:
        return True
    check.add(
        path, f"Het veld '{shown(key)}' kan niet bij {mapping.kind}. Toegestaan: {', '.join(FIELDS[mapping.kind])}."
    )
    return False


def _columns(mapping: Mapping, block: dict, check: _Check) -> None:
    for key, header in block.items():
        if not _field_ok(mapping, key, ("kolommen", key), check):
            continue
        if not isinstance(header, (str, int)) or not str(header).strip():
            check.add(
                ("kolommen", key), f"Schrijf bij '{key}' de naam van de kolom, zoals die bovenaan in de lijst staat."
            )
            continue
        mapping.columns[key] = str(header).strip()


def _fixed(mapping: Mapping, block: dict, check: _Check) -> None:
    for key, value in block.items():
        if not _field_ok(mapping, key, ("vast", key), check):
            continue
        values = value if isinstance(value, list) else [value]
        if not values or any(not isinstance(v, (str, int, float)) or isinstance(v, bool) for v in values):
            check.add(("vast", key), f"Schrijf bij '{key}' een tekst{' of een lijst' if key in MULTIPLE else ''}.")
            continue
        list_name = mapping.list_of(key)
        if list_name:
            bad = [str(v) for v in values if list_value(list_name, str(v)) is None]
            if bad:
                check.add(
                    ("vast", key), f"'{shown(', '.join(bad))}' staat niet in de lijst. Kies uit: {allowed(list_name)}."
                )
                continue
            values = [list_value(list_name, str(v)) for v in values]
        mapping.fixed[key] = values if key in MULTIPLE else str(values[0])


def _words(mapping: Mapping, block: dict, check: _Check) -> None:
    for key, words in block.items():
        list_name = mapping.list_of(key)
        if list_name is None:
            fields = ", ".join(f for (kind, f) in LISTS if kind == mapping.kind)
            check.add(("waarden", key), f"Bij '{shown(key)}' hoort geen lijst. Eigen woorden kunnen bij: {fields}.")
            continue
        if not isinstance(words, dict):
            check.add(("waarden", key), "Schrijf eronder op elke regel: 'woord in de lijst: waarde in de Wegwijzer'.")
            continue
        own: dict[str, str] = {}
        for word, value in words.items():
            target = list_value(list_name, str(value)) if isinstance(value, str) else None
            if target is None:
                check.add(
                    ("waarden", key, word),
                    f"'{shown(value)}' staat niet in de lijst {list_name}. Kies uit: {allowed(list_name)}.",
                )
            else:
                own[str(word)] = target
        mapping.words[key] = own


def check_columns(mapping: Mapping, header: list[str], name: str) -> None:
    """Every mapped column must be in the file's header (exactly once); FeedProblem listing them all otherwise."""
    problems = []
    for key, column in mapping.columns.items():
        count = sum(1 for h in header if h.strip().casefold() == column.casefold())
        if count == 0:
            problems.append(f"Kolom '{shown(column)}' (voor '{key}') staat niet in {name}.")
        elif count > 1:
            problems.append(
                f"Kolom '{shown(column)}' (voor '{key}') staat {count} keer in {name}. Geef elke kolom een eigen naam."
            )
    if problems:
        columns = ", ".join(f"'{shown(h)}'" for h in header if h.strip())
        raise FeedProblem("\n".join(problems + [f"De kolommen in {name} zijn: {columns}."]))


def unused_columns(mapping: Mapping, header: list[str]) -> list[str]:
    used = {c.casefold() for c in mapping.columns.values()}
    return [h for h in header if h.strip() and h.strip().casefold() not in used]
