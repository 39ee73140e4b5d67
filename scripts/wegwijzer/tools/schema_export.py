"""`wegwijzer schema`: the entry model as JSON Schema, so editors get completion and hints.

The VS Code YAML extension (Red Hat) reads ``schema/`` through ``.vscode/settings.json``. It has
always supported JSON Schema draft-07 (its fallback for every schema); newer drafts only from
version 1.20 on. So the schema is draft-07, with the extension's own keywords for Dutch
messages (``patternErrorMessage``, ``errorMessage``) and hints (``enumDescriptions``).

The schema is made from the pydantic model plus ``schema_rules``: the checks of the model that
JSON Schema can say, and lists from the data (gemeenten, woonkernen, ids of places). Because
of those lists it goes stale when places change: ``stale_schemas`` finds that (tests and CI).
A schema that is only behind on the places is not an error: a place added through the web
editor must not make every check fail until someone with git runs `wegwijzer schema`
(``validate`` checks the ids anyway). A change in the model or the lists is an error.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from wegwijzer.core.catalog import Catalog
from wegwijzer.core.fieldtypes import _yes_no
from wegwijzer.core.load import load_catalog
from wegwijzer.core.model import Activity, Entry, Location
from wegwijzer.core.region import Region, load_region
from wegwijzer.tools import schema_rules as rules

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schema"
HINT = "Het JSON Schema in schema/ is niet meer actueel. Draai 'wegwijzer schema' en zet schema/ in je commit."
PLACES_HINT = (
    "Let op: het JSON Schema in schema/ kent de nieuwste plekken nog niet. Je editor vult ze dan nog niet aan. "
    "Draai 'wegwijzer schema' als je wilt; 'wegwijzer validate' controleert de plekken altijd."
)
Schema = dict[str, Any]

KINDS: dict[str, tuple[type[Entry], str, str]] = {
    "plek": (Location, "locations", "Een plek: een gebouw of ruimte waar mensen naartoe gaan."),
    "aanbod": (Activity, "activities", "Aanbod: een activiteit, cursus, initiatief, hulp of loket."),
}


class _Generator(GenerateJsonSchema):
    """pydantic's JSON Schema, plus the patterns of the model's own field checks."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> Schema:
        out = super().function_after_schema(schema)
        extra = rules.FIELD_CHECKS.get(schema["function"]["function"])
        return {**out, **extra} if extra else out

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> Schema:
        if schema["function"]["function"] is _yes_no:
            return copy.deepcopy(rules.YES_NO)
        return super().function_before_schema(schema)

    def literal_schema(self, schema: core_schema.LiteralSchema) -> Schema:
        out = super().literal_schema(schema)
        return {**out, **rules.list_choice(out.get("enum", []))}


def _merge(base: Schema, extra: Schema) -> Schema:
    """``extra`` into ``base``: objects merged deeply, ``allOf`` lists joined, the rest replaced."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif key == "allOf" and key in out:
            out[key] = out[key] + value
        else:
            out[key] = copy.deepcopy(value)
    return out


def _tidy(node: Any) -> Any:
    """Drop pydantic's English titles; put a ``$ref`` with other keywords into ``allOf``.

    In draft-07 the keywords next to a ``$ref`` are ignored, so a description there would be lost.
    """
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _tidy(v) for k, v in node.items() if k != "title" or not isinstance(v, str)}
    if "properties" in node:  # a property may be called "title"; keep the properties themselves
        out["properties"] = {k: _tidy(v) for k, v in node["properties"].items()}
    if "$ref" in out and len(out) > 1:
        out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
    return out


def _house_number(schema: Schema) -> None:
    """The model takes a house number as a number too (12) and makes it text ("12")."""
    prop = schema["definitions"]["Address"]["properties"]["huisnummer"]
    prop.pop("anyOf", None)
    prop["type"] = ["string", "number", "null"]


@cache
def _model_schema(model: type[Entry]) -> str:
    """The model's own schema (as JSON text: cached, and every caller gets a fresh copy)."""
    schema = model.model_json_schema(
        by_alias=True, mode="validation", ref_template="#/definitions/{model}", schema_generator=_Generator
    )
    return json.dumps(schema)


def _base(model: type[Entry], title: str, description: str) -> Schema:
    schema = json.loads(_model_schema(model))
    schema["definitions"] = schema.pop("$defs", {})
    for definition in schema["definitions"].values():
        definition.pop("description", None)  # the model's docstrings are English; fields say it in Dutch
    schema = _tidy(schema)
    schema.update({"$schema": DRAFT, "title": title, "description": description})
    for name, extra in rules.model_rules().items():
        if name in schema["definitions"]:
            schema["definitions"][name] = _merge(schema["definitions"][name], extra)
    if "Address" in schema["definitions"]:
        _house_number(schema)
    return schema


def place_choices(catalog: Catalog) -> list[tuple[str, str, bool]]:
    """(id, name and woonkern, example?) of every place in the catalogue, in the order it was read (by file name)."""
    out = []
    for loc in catalog.locations.values():
        kern = catalog.region.areas.get(loc.woonkern)
        out.append((loc.id, f"{loc.naam} ({kern.naam if kern else loc.woonkern})", loc.voorbeeld))
    return out


def _places(root: Path, region: Region) -> list[tuple[str, str, bool]]:
    """(id, name and woonkern, example?) of every place that `validate` accepts."""
    return place_choices(load_catalog(root, region=region, strict=False))


def schemas(
    root: Path, region: Region | None = None, places: list[tuple[str, str, bool]] | None = None
) -> dict[str, Schema]:
    """The schema of a place and of an offer, made from the model and the data under ``root``.

    ``places`` (id, name, example?) replaces the places read from ``root`` (see ``stale_schemas``).
    """
    region = region or load_region()
    out = {}
    for name, (model, folder, description) in KINDS.items():
        title = f"De Wegwijzer van de Kop: {name} ({folder}/)"
        out[name] = _base(model, title, description)
    out["plek"] = _merge(out["plek"], rules.place_rules(region))
    out["aanbod"] = _merge(out["aanbod"], rules.activity_rules())
    places = _places(root, region) if places is None else places
    out["aanbod"] = _merge(out["aanbod"], rules.offer_rules(region, places))
    return out


def render(schema: Schema) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_file(folder: Path, name: str) -> Path:
    return folder / f"{name}.schema.json"


def write_schemas(root: Path, folder: Path | None = None) -> list[Path]:
    folder = folder or root / FOLDER
    made = schemas(root)  # before anything is written: data that cannot be read leaves no folder behind
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in made.items():
        path = schema_file(folder, name)
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def _places_in(schema: Schema) -> list[tuple[str, str, bool]] | None:
    """The places an offer schema on disk was made with (None when it does not have the usual shape)."""
    try:
        branch = schema["allOf"][0]
        every = branch["then"]["properties"]["plekken"]["items"]
        real = set(branch["else"]["properties"]["plekken"]["items"].get("enum", []))
        ids, names = every.get("enum", []), every.get("enumDescriptions", [])
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    if len(ids) != len(names):
        return None
    return [(pid, name, pid not in real) for pid, name in zip(ids, names, strict=True)]


def stale_schemas(root: Path, folder: Path | None = None) -> tuple[list[Path], list[Path]]:
    """(files that differ from the model and lists, files that are only behind on the places).

    The first list is an error (run `wegwijzer schema`); the second only a hint: completion
    in the editor misses the newest places until then.
    """
    folder = folder or root / FOLDER
    now = schemas(root)
    on_disk: dict[str, Any] = {}
    for name in now:
        path = schema_file(folder, name)
        try:
            on_disk[name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            on_disk[name] = None
    old_places = _places_in(on_disk["aanbod"]) if on_disk.get("aanbod") else None
    with_old_places = schemas(root, places=old_places) if old_places is not None else now
    stale, behind = [], []
    for name, schema in now.items():
        path = schema_file(folder, name)
        if on_disk[name] is None or render(on_disk[name]) != render(with_old_places[name]):
            stale.append(path)
        elif render(on_disk[name]) != render(schema):
            behind.append(path)
    return stale, behind
