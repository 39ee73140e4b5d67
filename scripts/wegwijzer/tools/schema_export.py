"""`wegwijzer schema`: the entry model as JSON Schema, so editors get completion and hints.

The VS Code YAML extension (Red Hat) reads ``schema/`` through ``.vscode/settings.json``. It has
always supported JSON Schema draft-07 (its fallback for every schema); newer drafts only from
version 1.20 on. So the schema is draft-07, with the extension's own keywords for Dutch
messages (``patternErrorMessage``, ``errorMessage``) and hints (``enumDescriptions``).

The schema is made from the pydantic model plus ``schema_rules``: the checks of the model that
JSON Schema can say, and lists from the data (gemeenten, woonkernen, ids of places). Because
of those lists it goes stale when places change: ``stale_schemas`` finds that (tests and CI).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from wegwijzer.core.load import load_catalog
from wegwijzer.core.model import Activity, Entry, Location, _yes_no
from wegwijzer.core.region import Region, load_region
from wegwijzer.tools import schema_rules as rules

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schema"
HINT = "Het JSON Schema in schema/ is niet meer actueel. Draai 'wegwijzer schema' en zet schema/ in je commit."
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


def _places(root: Path, region: Region) -> list[tuple[str, str, bool]]:
    """(id, name and woonkern, example?) of every place that `validate` accepts, in id order."""
    catalog = load_catalog(root, region=region, strict=False)
    out = []
    for loc in catalog.locations.values():
        kern = region.areas.get(loc.woonkern)
        out.append((loc.id, f"{loc.naam} ({kern.naam if kern else loc.woonkern})", loc.voorbeeld))
    return out


def schemas(root: Path, region: Region | None = None) -> dict[str, Schema]:
    """The schema of a place and of an offer, made from the model and the data under ``root``."""
    region = region or load_region()
    out = {}
    for name, (model, folder, description) in KINDS.items():
        title = f"De Wegwijzer van de Kop: {name} ({folder}/)"
        out[name] = _base(model, title, description)
    out["plek"] = _merge(out["plek"], rules.place_rules(region))
    out["aanbod"] = _merge(out["aanbod"], rules.activity_rules())
    out["aanbod"] = _merge(out["aanbod"], rules.offer_rules(region, _places(root, region)))
    return out


def render(schema: Schema) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_file(folder: Path, name: str) -> Path:
    return folder / f"{name}.schema.json"


def write_schemas(root: Path, folder: Path | None = None) -> list[Path]:
    folder = folder or root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(root).items():
        path = schema_file(folder, name)
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path, folder: Path | None = None) -> list[Path]:
    """The schema files that differ from what `wegwijzer schema` would write now (or are missing)."""
    folder = folder or root / FOLDER
    stale = []
    for name, schema in schemas(root).items():
        path = schema_file(folder, name)
        if not path.is_file() or path.read_text(encoding="utf-8") != render(schema):
            stale.append(path)
    return stale
