"""Load and validate all entries: YAML files -> Catalog, or every problem at once."""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import BaseModel, ValidationError

from wegwijzer.core import vocab, yamlsafe
from wegwijzer.core.catalog import Catalog, distance_km
from wegwijzer.core.duplicates import find_duplicates
from wegwijzer.core.model import ID_RE, Activity, Location
from wegwijzer.core.problems import EntryErrors, Problem
from wegwijzer.core.region import REGION_ID, Region, load_region
from wegwijzer.core.vocab import slug

FAR_FROM_KERN_KM = 8.0
FOLDERS = {"locations": Location, "activities": Activity}
SUFFIXES = (".yaml", ".yml")

# Which controlled list belongs to which field, for suggestions in error messages.
_LIST_OF_FIELD = {
    ("plek", "soort"): "plek_soorten",
    ("aanbod", "soort"): "aanbod_soorten",
    ("aanbod", "themas"): "themas",
    ("aanbod", "doelgroepen"): "doelgroepen",
    ("plek", "toegankelijkheid"): "toegankelijkheid",
    ("aanbod", "talen"): "talen",
    (None, "dag"): "dagen",
}

_TYPE_NAMES = {
    "string_type": "een tekst",
    "list_type": "een lijst (regels die beginnen met '- ', of [a, b])",
    "dict_type": "een blok met velden op de regels eronder",
    "model_type": "een blok met velden op de regels eronder",
    "model_attributes_type": "een blok met velden op de regels eronder",
    "float_type": "een getal, bijvoorbeeld 52.95",
    "float_parsing": "een getal, bijvoorbeeld 52.95",
    "int_type": "een heel getal",
    "bool_type": "true of false",
    "bool_parsing": "true of false",
}


def _field_label(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + ("schema" if part == "schema_" else str(part))
    return out


def _suggest(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(str(word).lower(), options, n=1, cutoff=0.6)
    return f" Bedoelde je '{match[0]}'?" if match else ""


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names allowed at the place of loc (walking into nested models)."""
    current = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get("schema_" if part == "schema" else part)
        if info is None:
            return []
        ann = info.annotation
        inner = _model_in(ann)
        if inner is None:
            return []
        current = inner
    names = [("schema" if n == "schema_" else n) for n in current.model_fields]
    return names


def _model_in(annotation):
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def translate(error: dict, kind: str, model: type[BaseModel]) -> tuple[tuple, str]:
    """Turn one pydantic error into (location, Dutch message)."""
    loc = tuple("schema" if p == "schema_" else p for p in error["loc"])
    etype = error["type"]
    value = error.get("input")
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if etype == "extra_forbidden":
        options = _allowed_fields(model, loc)
        return loc, f"Het veld '{field}' bestaat niet.{_suggest(field, options)} Toegestaan: {', '.join(options)}."
    if etype == "missing":
        if field == "coordinaten" and kind == "plek":
            return loc, (
                "Het veld 'coordinaten' ontbreekt. Vul coordinaten in of draai wegwijzer geocode "
                "(dat zoekt ze op bij het adres)."
            )
        return loc, f"Het veld '{field}' ontbreekt. Vul het in."
    if etype in ("literal_error", "enum"):
        list_name = _LIST_OF_FIELD.get((kind, field)) or _LIST_OF_FIELD.get((None, field))
        options = (
            vocab.keys(list_name)
            if list_name
            else [
                str(o).strip(" '")
                for o in str(error.get("ctx", {}).get("expected", "")).replace(" or ", ",").split(",")
            ]
        )
        shown = ", ".join(options)
        return loc, f"'{value}' is geen geldige keuze.{_suggest(value, options)} Kies uit: {shown}."
    if etype == "value_error":
        return loc, str(error.get("ctx", {}).get("error", error["msg"]))
    if etype.startswith("date"):
        return loc, f"'{value}' is geen bestaande datum. Schrijf een datum als 2026-11-23 (jaar-maand-dag)."
    if etype == "string_too_long":
        limit = error["ctx"]["max_length"]
        return loc, f"De tekst is te lang: {len(value)} tekens. Maak hem korter dan {limit + 1} tekens."
    if etype == "string_too_short":
        return loc, "Dit veld is leeg. Vul het in of haal het veld weg."
    if etype == "too_short":
        if isinstance(value, str):  # an empty text (min_length on an annotated str)
            return loc, "Dit veld is leeg. Vul het in of haal het veld weg."
        return loc, "Deze lijst is leeg. Zet er minstens één waarde in."
    if etype in ("greater_than_equal", "less_than_equal"):
        return loc, f"'{value}' kan niet. {error['msg']}."
    if etype in _TYPE_NAMES:
        if value is None:
            return loc, "Dit veld is leeg. Vul het in of haal het veld weg."
        return loc, f"Hier hoort {_TYPE_NAMES[etype]}, maar er staat '{value}'."
    return loc, f"Deze waarde klopt niet ({error['msg']})."


def parse_entry(
    path: Path, kind_model: type[BaseModel], rel: str, failed: dict | None = None
) -> tuple[BaseModel | None, list[Problem]]:
    """Read one file. Returns the entry or the problems in it.

    When the model refuses the file, its parsed document goes into `failed` (by file),
    so checks across files can still look at it.
    """
    try:
        doc = yamlsafe.read(path)
    except yamlsafe.YamlProblem as exc:
        return None, [Problem(rel, exc.line, exc.field, exc.message)]
    except OSError as exc:
        return None, [Problem(rel, None, "", f"Het bestand kan niet worden gelezen ({exc.strerror}).")]
    if not isinstance(doc.data, dict):
        return None, [Problem(rel, 1, "", "Het bestand moet velden bevatten, zoals 'naam: ...' op elke regel.")]
    kind = kind_model.kind
    try:
        entry = kind_model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        seen = set()
        for err in exc.errors(include_url=False):
            loc, message = translate(err, kind, kind_model)
            # For union-like models pydantic can report the same place twice.
            key = (loc, message)
            if key in seen:
                continue
            seen.add(key)
            problems.append(Problem(rel, doc.line_of(loc), _field_label(loc), message))
        if failed is not None:
            failed[rel] = doc
        return None, problems
    entry.bind(path.stem, rel)
    entry._lines = doc.lines  # type: ignore[attr-defined]
    return entry, []


def _line(entry, *path) -> int | None:
    lines = getattr(entry, "_lines", {})
    path = tuple(path)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path)


def check_references(region: Region, locations: dict, activities: dict) -> list[Problem]:
    """Checks across files: areas exist, places exist, coordinates near their kern."""
    problems: list[Problem] = []
    gemeenten = [a.id for a in region.gemeenten()]
    for loc in locations.values():
        if loc.gemeente not in gemeenten:
            problems.append(
                Problem(
                    loc.source,
                    _line(loc, "gemeente"),
                    "gemeente",
                    f"'{loc.gemeente}' is geen gemeente in de Kop.{_suggest(loc.gemeente, gemeenten)} "
                    f"Kies uit: {', '.join(gemeenten)}.",
                )
            )
            continue
        kernen = [k.id for k in region.kernen(loc.gemeente)]
        if loc.woonkern not in kernen:
            problems.append(
                Problem(
                    loc.source,
                    _line(loc, "woonkern"),
                    "woonkern",
                    f"'{loc.woonkern}' is geen woonkern in {region.areas[loc.gemeente].naam}."
                    f"{_suggest(loc.woonkern, kernen)} Kies uit: {', '.join(kernen)}.",
                )
            )
            continue
        kern = region.areas[loc.woonkern]
        far = distance_km(kern.lat, kern.lon, loc.coordinaten.lat, loc.coordinaten.lon)
        if far > FAR_FROM_KERN_KM:
            problems.append(
                Problem(
                    loc.source,
                    _line(loc, "coordinaten"),
                    "coordinaten",
                    f"De plek ligt {far:.0f} km van het midden van {kern.naam}. Klopt de woonkern? Klopt de plek?",
                    warning=True,
                )
            )
        if loc.wijk is not None:
            wijken = [w.id for w in region.wijken(loc.woonkern)]
            if loc.wijk not in wijken:
                options = (
                    f" Kies uit: {', '.join(wijken)}."
                    if wijken
                    else f" {region.areas[loc.woonkern].naam} heeft geen wijken in de lijst; haal 'wijk' weg."
                )
                problems.append(
                    Problem(
                        loc.source,
                        _line(loc, "wijk"),
                        "wijk",
                        f"'{loc.wijk}' is geen wijk van {region.areas[loc.woonkern].naam}."
                        f"{_suggest(loc.wijk, wijken)}{options}",
                    )
                )
    place_ids = sorted(locations)
    area_ids = gemeenten + [REGION_ID]
    for act in activities.values():
        for i, pid in enumerate(act.plekken):
            if pid in locations and locations[pid].voorbeeld and not act.voorbeeld:
                problems.append(
                    Problem(
                        act.source,
                        _line(act, "plekken", i),
                        f"plekken[{i + 1}]",
                        f"'{pid}' is een voorbeeld-plek. Echt aanbod mag niet naar een verzonnen plek "
                        "verwijzen. Kies een echte plek of gebruik 'gebied'.",
                    )
                )
            if pid not in locations:
                problems.append(
                    Problem(
                        act.source,
                        _line(act, "plekken", i),
                        f"plekken[{i + 1}]",
                        f"Er is geen plek met id '{pid}'.{_suggest(pid, place_ids)} "
                        "Een id is de naam van een bestand in locations/, zonder .yaml.",
                    )
                )
        for i, gid in enumerate(act.gebied):
            if gid not in area_ids:
                problems.append(
                    Problem(
                        act.source,
                        _line(act, "gebied", i),
                        f"gebied[{i + 1}]",
                        f"'{gid}' is geen gebied.{_suggest(gid, area_ids)} Kies uit: {', '.join(area_ids)}.",
                    )
                )
        for i, item in enumerate(act.schema):
            if item.plek is not None and item.plek not in act.plekken:
                problems.append(
                    Problem(
                        act.source,
                        _line(act, "schema", i, "plek"),
                        f"schema[{i + 1}].plek",
                        f"De plek '{item.plek}' staat niet bij 'plekken'. Zet hem daar ook bij.",
                    )
                )
    return problems


def load_catalog(
    root: Path, region: Region | None = None, include_examples: bool = True, strict: bool = True
) -> Catalog:
    """Read every entry under root. Raises EntryErrors with all problems when any is wrong."""
    region = region or load_region()
    problems: list[Problem] = []
    found: dict[str, dict] = {"locations": {}, "activities": {}}
    seen_ids: dict[str, str] = {}
    failed: dict = {}
    for folder, model in FOLDERS.items():
        directory = root / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            rel = f"{folder}/{path.name}"
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix not in SUFFIXES:
                problems.append(Problem(rel, None, "", "Dit bestand hoort hier niet. Een item eindigt op .yaml."))
                continue
            entry_id = path.stem
            if not ID_RE.match(entry_id):
                problems.append(
                    Problem(
                        rel,
                        None,
                        "",
                        f"De bestandsnaam '{path.name}' kan niet. Gebruik alleen kleine letters, "
                        f"cijfers en streepjes, bijvoorbeeld '{slug(entry_id) or 'naam'}.yaml'.",
                    )
                )
                continue
            key = entry_id.lower()
            if key in seen_ids:
                problems.append(
                    Problem(
                        rel,
                        None,
                        "",
                        f"De id '{entry_id}' bestaat al ({seen_ids[key]}). "
                        "Elke bestandsnaam mag maar één keer voorkomen. Kies een andere naam.",
                    )
                )
                continue
            seen_ids[key] = rel
            entry, errs = parse_entry(path, model, rel, failed)
            problems.extend(errs)
            if entry is not None:
                found[folder][entry_id] = entry
    problems.extend(check_references(region, found["locations"], found["activities"]))
    problems.extend(_check_failed_references(failed, seen_ids))
    problems.extend(find_duplicates(found["locations"], found["activities"]))  # warnings only
    errors = [p for p in problems if not p.warning]
    if errors and strict:
        raise EntryErrors(problems)
    catalog = Catalog.build(region, found["locations"], found["activities"], include_examples=include_examples)
    catalog.problems = problems
    return catalog


def _check_failed_references(failed: dict, seen_ids: dict[str, str]) -> list[Problem]:
    """Place references in offers the model refused: report them in the same run too."""
    place_ids = sorted(k for k, rel in seen_ids.items() if rel.startswith("locations/"))
    problems = []
    for rel, doc in failed.items():
        plekken = doc.data.get("plekken") if rel.startswith("activities/") else None
        if not isinstance(plekken, list):
            continue
        for i, pid in enumerate(plekken):
            if isinstance(pid, str) and pid not in place_ids:
                problems.append(
                    Problem(
                        rel,
                        doc.line_of(("plekken", i)),
                        f"plekken[{i + 1}]",
                        f"Er is geen plek met id '{pid}'.{_suggest(pid, place_ids)} "
                        "Een id is de naam van een bestand in locations/, zonder .yaml.",
                    )
                )
    return problems
