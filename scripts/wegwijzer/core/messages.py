"""Pydantic's validation errors in plain Dutch for editors: where, what is wrong, what to write instead."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from wegwijzer.core import vocab
from wegwijzer.core.guard import shown


@dataclass(frozen=True)
class _Ctx:
    loc: tuple
    field: str
    kind: str
    model: type[BaseModel]
    value: Any


# Which controlled list belongs to which field, for suggestions in error messages.
_LIST_OF_FIELD = {
    ("plek", "soort"): "plek_soorten",
    ("aanbod", "soort"): "aanbod_soorten",
    ("aanbod", "themas"): "themas",
    ("aanbod", "doelgroepen"): "doelgroepen",
    ("plek", "toegankelijkheid"): "toegankelijkheid",
    ("aanbod", "talen"): "talen",
    (None, "dag"): "dagen",
    ("aanbod", "wie"): "verwijzers",  # in the block 'verwijzen'
    ("aanbod", "hoe"): "verwijs_manieren",  # in 'verwijzen' ('hoe' in 'aanmelden' is free text)
    (None, "evenement"): "evenement_soorten",
    ("gids", "themas"): "themas",
    ("gids", "doelgroepen"): "doelgroepen",
    (None, "gezondheid"): "gezondheid",
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


def field_label(loc: tuple) -> str:
    """Where in the file, in words: ('schema', 1, 'dag') -> 'schema, regel 2, dag'."""
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"regel {part + 1}")
        else:
            parts.append("schema" if part == "schema_" else str(part))
    return ", ".join(parts)


def suggest(word: str, options: list[str]) -> str:
    word = str(word)
    if len(word) > 100:  # no option is that long; difflib would take long on a huge value
        return ""
    match = difflib.get_close_matches(word.lower(), options, n=1, cutoff=0.6)
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
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def _unknown_field(error: Mapping[str, Any], ctx: _Ctx) -> str:
    options = _allowed_fields(ctx.model, ctx.loc)
    return f"Het veld '{ctx.field}' bestaat niet.{suggest(ctx.field, options)} Toegestaan: {', '.join(options)}."


def _missing(error: Mapping[str, Any], ctx: _Ctx) -> str:
    if ctx.field == "coordinaten" and ctx.kind == "plek":
        return (
            "Het veld 'coordinaten' ontbreekt. Vul coordinaten in of draai wegwijzer geocode "
            "(dat zoekt ze op bij het adres)."
        )
    return f"Het veld '{ctx.field}' ontbreekt. Vul het in."


def _not_a_choice(error: Mapping[str, Any], ctx: _Ctx) -> str:
    list_name = _LIST_OF_FIELD.get((ctx.kind, ctx.field)) or _LIST_OF_FIELD.get((None, ctx.field))
    if list_name:
        options = vocab.keys(list_name)
    else:
        expected = str(error.get("ctx", {}).get("expected", ""))
        options = [str(o).strip(" '") for o in expected.replace(" or ", ",").split(",")]
    value = shown(ctx.value)
    return f"'{value}' is geen geldige keuze.{suggest(ctx.value, options)} Kies uit: {', '.join(options)}."


def _too_long(error: Mapping[str, Any], ctx: _Ctx) -> str:
    limit = error["ctx"]["max_length"]
    return f"De tekst is te lang: {len(ctx.value)} tekens. Maak hem korter dan {limit + 1} tekens."


def _list_too_long(error: Mapping[str, Any], ctx: _Ctx) -> str:
    limit = error["ctx"]["max_length"]
    count = len(ctx.value) if isinstance(ctx.value, list) else error["ctx"].get("actual_length")
    return f"Deze lijst is te lang: {count} regels. Er mogen hoogstens {limit} in staan. Maak er meer items van."


def _too_short(error: Mapping[str, Any], ctx: _Ctx) -> str:
    if isinstance(ctx.value, str):  # an empty text (min_length on an annotated str)
        return EMPTY
    return "Deze lijst is leeg. Zet er minstens één waarde in."


# Blocks with an example of the right form, for a block written as one value.
_BLOCK_EXAMPLES = {"verwijzen": "verwijzen: {wie: [huisarts, wijkteam], hoe: [telefoon]}"}


def _wrong_type(error: Mapping[str, Any], ctx: _Ctx) -> str:
    if ctx.value is None and ctx.loc[:1] == ("coordinaten",):  # 'coordinaten: {lat: , lon: }' from nieuw
        return "De coördinaten zijn nog leeg. Vul ze in, of draai wegwijzer geocode (dat zoekt ze op bij het adres)."
    if ctx.value is None:
        return EMPTY
    example = _BLOCK_EXAMPLES.get(ctx.field) if len(ctx.loc) == 1 else None
    how = f" Schrijf het zo: `{example}`." if example else ""
    return f"Hier hoort {_TYPE_NAMES[error['type']]}, maar er staat '{shown(ctx.value)}'.{how}"


# --- the right shape: messages that show what to write instead ---------------------------------------

SCHEDULE_FIELDS = ("dag", "datum", "van", "tot", "herhaling", "week", "start", "eind", "evenement")
_TIME_TEXT = re.compile(r"^([0-9]{1,2})[.:,]?([0-9]{2})?$")


def _as_time(value: Any) -> str:
    """10.0 or 10.3 (a number, YAML read 10.00 or 10.30) or 1000 -> '10:00' / '10:30'."""
    if isinstance(value, float):
        hours, minutes = f"{value:.2f}".split(".")
        return f"{int(hours):02d}:{minutes}"
    match = _TIME_TEXT.match(str(value).strip())
    if match:
        return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"
    return "10:00"


def _shape(error: Mapping[str, Any], ctx: _Ctx) -> str | None:
    """A message for a value written in the wrong shape, with the right form; None when none fits."""
    etype, value, field = error["type"], ctx.value, ctx.field
    at_top = len(ctx.loc) == 1
    if field == "kosten" and at_top and not isinstance(value, dict):
        if str(value).strip().lower() in ("gratis", "true", "ja", "0"):
            return "Schrijf het zo: `kosten: {gratis: true}`."
        return "Schrijf het zo: `kosten: {bedrag: 2.50, uitleg: per keer}`, of `kosten: {gratis: true}`."
    if field == "aanmelden" and at_top and not isinstance(value, dict):
        if value is False or str(value).strip().lower() in ("nee", "false", "niet nodig"):
            return "Schrijf het zo: `aanmelden: {nodig: false}`."
        return "Schrijf het zo: `aanmelden: {nodig: true, hoe: Bel 0223 123 456 of mail ...}`."
    if etype == "extra_forbidden" and at_top and field in SCHEDULE_FIELDS and ctx.kind == "aanbod":
        return (
            f"{field} hoort in een regel van schema. Schrijf bijvoorbeeld:\n"
            f'  schema:\n    - {{dag: dinsdag, van: "10:00", tot: "12:00", {field}: ...}}'
        )
    if field == "telefoon" and isinstance(value, int | float):
        return (
            f"'{value}' is geen geldig telefoonnummer. Schrijf het hele nummer met netnummer, "
            'tussen aanhalingstekens: `telefoon: "0223 123 456"`.'
        )
    if field in ("van", "tot") and isinstance(value, int | float) and not isinstance(value, bool):
        return f'Een tijd schrijf je met een dubbele punt en tussen aanhalingstekens: `{field}: "{_as_time(value)}"`.'
    if field in ("lat", "lon") and isinstance(value, str) and "," in value:
        return f"Gebruik een punt in een getal, geen komma: `{field}: {shown(value.replace(',', '.'))}`."
    if len(ctx.loc) >= 2 and ctx.loc[-2] == "coordinaten" and etype == "extra_forbidden" and field.isdigit():
        return "Gebruik een punt in een getal, geen komma: `coordinaten: {lat: 52.95, lon: 4.76}`."
    return None


EMPTY = "Dit veld is leeg. Vul het in of haal het veld weg."
_MESSAGES: dict[str, Callable[[Mapping[str, Any], _Ctx], str]] = {
    "extra_forbidden": _unknown_field,
    "missing": _missing,
    "literal_error": _not_a_choice,
    "enum": _not_a_choice,
    "value_error": lambda error, ctx: str(error.get("ctx", {}).get("error", error["msg"])),
    "string_too_long": _too_long,
    "string_too_short": lambda error, ctx: EMPTY,
    "too_short": _too_short,
    "too_long": _list_too_long,
    "finite_number": lambda error, ctx: (
        f"'{shown(ctx.value)}' is geen gewoon getal. Schrijf een getal, bijvoorbeeld 2.50."
    ),
    "greater_than_equal": lambda error, ctx: f"'{shown(ctx.value)}' kan niet. Schrijf {error['ctx']['ge']:g} of meer.",
    "less_than_equal": lambda error, ctx: f"'{shown(ctx.value)}' kan niet. Schrijf {error['ctx']['le']:g} of minder.",
    **{etype: _wrong_type for etype in _TYPE_NAMES},
}


def translate(error: Mapping[str, Any], kind: str, model: type[BaseModel]) -> tuple[tuple, str]:
    """Turn one pydantic error into (location, Dutch message)."""
    loc = tuple("schema" if p == "schema_" else p for p in error["loc"])
    etype = error["type"]
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    ctx = _Ctx(loc, field, kind, model, error.get("input"))
    shaped = _shape(error, ctx)
    if shaped:
        return loc, shaped
    if etype in _MESSAGES:
        return loc, _MESSAGES[etype](error, ctx)
    if etype.startswith("date"):
        return loc, f"'{shown(ctx.value)}' is geen bestaande datum. Schrijf een datum als 2026-11-23 (jaar-maand-dag)."
    return loc, f"Deze waarde klopt niet ({error['msg']})."
