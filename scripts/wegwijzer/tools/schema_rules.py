"""The rules of `wegwijzer validate` that JSON Schema (draft-07) can say, for `wegwijzer schema`.

Three kinds:

- ``FIELD_CHECKS``: the model's field checks (times, postcodes, phone numbers, ...) as patterns.
  Each pattern accepts what the check in ``core.model`` accepts (a test compares them on many
  values). Messages are Dutch (``patternErrorMessage``, shown by the VS Code YAML extension).
- ``model_rules``: checks across the fields of one part (``dag`` or ``datum``, ``gratis`` or
  ``bedrag``, ``plekken`` or ``gebied``) as ``if``/``then``, ``anyOf`` and ``not``.
- ``data_rules``: lists made from the data: gemeenten, the woonkernen of each gemeente, wijken,
  gebieden and the ids of the places (so the schema must be made again when places change).

What JSON Schema cannot say stays with `wegwijzer validate`: an end time after the start time,
a date not in the future, a place in ``schema`` that is also in ``plekken``, a point near its kern.
"""

from __future__ import annotations

from typing import Any

from wegwijzer.core import fieldtypes as model
from wegwijzer.core import vocab
from wegwijzer.core.region import BOUNDS, REGION_ID, REGION_NAME, UNKNOWN_AREA, Region

Schema = dict[str, Any]

_S = r"[\s().-]*"  # what the phone check removes: spaces, dashes, brackets and dots
_D = "[0-9]"


def _digits(n: str) -> str:
    """n digits ('8' or '4,7'), each after optional separators."""
    return f"(?:{_S}{_D}){{{n}}}"


def _phone_pattern() -> str:
    """The phone numbers of ``model._PHONE_PATTERNS``, with separators allowed between digits."""
    s = _S
    national = f"0{s}[1-9]{_digits('8')}"
    plus31 = f"(?:\\+{s}3{s}1|0{s}0{s}3{s}1)"  # +31 or 0031
    dutch_plus = f"{plus31}{s}[1-9]{_digits('8')}"
    service = f"(?:0|{plus31}){s}(?:8{s}0{s}0|9{s}0{s}[069]){_digits('4,7')}"
    short = f"1{s}4{s}0{_digits('2,3')}|1{s}1{s}[23]"  # 14 0223; 112 and 113
    abroad = f"\\+{s}(?!3{s}1)[1-9]{_digits('7,14')}"
    return f"^{s}(?:{national}|{dutch_plus}|{service}|{short}|{abroad}){s}$"


_NO_HTML = r"(?![\s\S]*(?:<[A-Za-z/!?]|<\s*/?\s*[A-Za-z!][^<>]*>))"  # core.guard.markup_problem
_SAFE_LINKS = r"(?![\s\S]*\]\(\s*(?!https?:|mailto:|tel:)[a-zA-Z][a-zA-Z0-9+.-]*:)"
_URL_BAD = "\\s\"'<>\\\\`"  # no identity escapes: VS Code compiles patterns with the "u" flag

FIELD_CHECKS: dict[Any, Schema] = {
    model._time: {
        "pattern": r"^\s*(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)\s*$",
        "patternErrorMessage": 'Schrijf een tijd als "09:30", tussen aanhalingstekens.',
        "examples": ["09:30"],
    },
    model._postcode: {
        "pattern": r"^\s*[1-9][0-9]{3} ?(?![Ss][AaDdSs])[A-Za-z]{2}\s*$",
        "patternErrorMessage": "Schrijf vier cijfers en twee letters, bijvoorbeeld 1781 AB.",
    },
    model._phone: {
        "pattern": _phone_pattern(),
        "patternErrorMessage": (
            "Schrijf het hele nummer met netnummer, bijvoorbeeld 0223 123 456, 06 12345678, 0800 1234, 14 0223 of 112."
        ),
    },
    model._email: {
        "pattern": r"^\s*(?:[Mm][Aa][Ii][Ll][Tt][Oo]:)?"
        r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\s*$",
        "patternErrorMessage": "Schrijf een e-mailadres zo: naam@voorbeeld.nl.",
    },
    model._website: {
        "pattern": f"^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^{_URL_BAD}/?#\\[\\]]+(?:[/?#][^{_URL_BAD}]*)?\\s*$",
        "patternErrorMessage": (
            "Begin met https://, bijvoorbeeld https://www.voorbeeld.nl. Geen spaties of aanhalingstekens."
        ),
    },
    # Line = _plain_text and then _one_line: the outer check's pattern replaces the inner one, so it has both.
    model._one_line: {
        "pattern": f"^(?![\\s\\S]*[\\r\\n]){_NO_HTML}{_SAFE_LINKS}[\\s\\S]*\\S[\\s\\S]*$",
        "patternErrorMessage": "Schrijf gewone tekst op één regel, geen HTML.",
    },
    model._id_like: {
        "pattern": vocab.ID_RE.pattern,
        "maxLength": vocab.ID_MAX,
        "patternErrorMessage": "Schrijf een id: kleine letters, cijfers en streepjes, bijvoorbeeld den-helder.",
    },
    model._plain_text: {
        "pattern": f"^{_NO_HTML}{_SAFE_LINKS}[\\s\\S]*\\S[\\s\\S]*$",
        "patternErrorMessage": (
            "Schrijf gewone tekst, geen HTML. Voor vet gebruik **woord**, voor een link [tekst](https://...)."
        ),
    },
}

# `ja` and `nee` count as true and false (model._yes_no); completion offers true and false.
YES_NO: Schema = {
    "anyOf": [
        {"type": "boolean"},
        {
            "type": "string",
            "pattern": r"^\s*(?:[Jj][Aa]|[Nn][Ee][Ee])\s*$",
            "patternErrorMessage": "Schrijf true of false.",
        },
    ]
}


_YES: Schema = {"anyOf": [{"const": True}, {"type": "string", "pattern": r"^\s*[Jj][Aa]\s*$"}]}


# What one value of each controlled list is called, for the message "Dit is geen thema. Kies uit: ...".
LIST_NOUNS = {
    "plek_soorten": "soort plek",
    "aanbod_soorten": "soort aanbod",
    "themas": "thema",
    "doelgroepen": "doelgroep",
    "toegankelijkheid": "waarde voor toegankelijkheid",
    "talen": "taal",
    "dagen": "dag van de week",
    "verwijzers": "keuze voor wie iemand aanmeldt",
    "verwijs_manieren": "manier van aanmelden",
    "evenement_soorten": "soort bijeenkomst",
    "gezondheid": "onderdeel van Positieve Gezondheid",
}


def list_choice(values: list) -> Schema:
    """For a controlled list: its labels as hints in completion and a Dutch message. Else nothing."""
    for name in vocab.LIST_NAMES:
        if list(values) == vocab.keys(name):
            return {
                "enumDescriptions": [vocab.explanation(name, key) for key in values],
                "errorMessage": f"Dit is geen {LIST_NOUNS[name]}. {_choose_from(values)}",
            }
    return {}


def _present(name: str, schema: Schema | None = None) -> Schema:
    """'The field is there and not empty' (a YAML field with nothing after the colon is null)."""
    return {"required": [name], "properties": {name: schema or {"not": {"type": "null"}}}}


def model_rules() -> dict[str, Schema]:
    """Checks across fields of one part, per definition name, in the words of ``core.model``."""
    only_date = {"not": {"anyOf": [{"required": ["herhaling"]}, _present("week")]}}
    return {
        "Address": {
            "if": _present("huisnummer", {"type": ["string", "number"], "pattern": r"\S"}),
            "then": _present("straat"),
        },
        "Contact": {
            "if": _present("bereikbaar"),
            "then": {"anyOf": [_present("telefoon"), _present("email"), _present("website")]},
        },
        "Coordinates": {
            "properties": {
                "lat": {"minimum": BOUNDS["lat_min"], "maximum": BOUNDS["lat_max"]},
                "lon": {"minimum": BOUNDS["lon_min"], "maximum": BOUNDS["lon_max"]},
            }
        },
        "ScheduleItem": {
            "oneOf": [_present("dag"), _present("datum")],
            "allOf": [
                {"if": _present("datum"), "then": only_date},
                {
                    "if": _present("herhaling", {"const": "maandelijks"}),
                    "then": _present("week"),
                    "else": {"not": _present("week")},
                },
                # core.events: a kind only on a date, a webinar has a link, a link only for a webinar
                {"if": _present("evenement"), "then": _present("datum")},
                {"if": _present("evenement", {"const": "webinar"}), "then": _present("link")},
                {"if": _present("link"), "then": _present("evenement", {"const": "webinar"})},
            ],
        },
        "Cost": {
            "not": {"allOf": [_present("gratis", _YES), _present("bedrag", {"not": {"const": 0}})]},
            "anyOf": [_present("gratis", _YES), _present("bedrag"), _present("uitleg")],
        },
    }


def activity_rules() -> Schema:
    """An offer says where it is: ``plekken`` or ``gebied``; its summary is one line."""
    somewhere = [_present(name, {"type": "array", "minItems": 1}) for name in ("plekken", "gebied")]
    return {
        "anyOf": somewhere,
        "properties": {
            "samenvatting": {
                "pattern": r"^[^\n\r]*$",
                "patternErrorMessage": "De samenvatting is één zin op één regel.",
            }
        },
    }


# --- lists from the data ---------------------------------------------------------------------------


NEVER = "(?!)"  # a pattern nothing matches


def _choice(values: list, names: list[str], message: str) -> Schema:
    """One of ``values`` (with their names as hints), or ``message``. No values: nothing is allowed.

    An empty ``enum`` is not allowed in JSON Schema; VS Code then refuses the whole schema.
    """
    if not values:
        return {"type": "string", "pattern": NEVER, "patternErrorMessage": message}
    return {"enum": values, "enumDescriptions": names, "errorMessage": message}


def _choose_from(values: list[str]) -> str:
    return f"Kies uit: {', '.join(values)}."


def place_rules(region: Region) -> Schema:
    """gemeente, woonkern per gemeente and wijk per woonkern, for a place (``locations/``)."""
    gemeenten = region.gemeenten()
    gemeente_ids = [g.id for g in gemeenten]
    kernen = region.kernen()
    rules: list[Schema] = []
    for g in gemeenten:
        own = region.kernen(g.id)
        message = f"Dit is geen woonkern in {g.naam}. {_choose_from([k.id for k in own])}"
        woonkern = _choice([k.id for k in own], [k.naam for k in own], message)
        rules.append({"if": _present("gemeente", {"const": g.id}), "then": {"properties": {"woonkern": woonkern}}})
    # Without a (known) gemeente, every woonkern is offered.
    all_kernen = _choice([k.id for k in kernen], [k.naam for k in kernen], "Dit is geen woonkern in de Kop.")
    rules.append({"if": _present("gemeente", {"enum": gemeente_ids}), "else": {"properties": {"woonkern": all_kernen}}})
    with_wijken = [k for k in kernen if k.children]
    for k in with_wijken:
        wijken = region.wijken(k.id)
        message = f"Dit is geen wijk van {k.naam}. {_choose_from([w.id for w in wijken])}"
        wijk = _choice([w.id for w in wijken] + [None], [w.naam for w in wijken] + ["Geen wijk"], message)
        rules.append({"if": _present("woonkern", {"const": k.id}), "then": {"properties": {"wijk": wijk}}})
    no_wijk = {"type": "null", "errorMessage": "Deze woonkern heeft geen wijken in de lijst. Haal 'wijk' weg."}
    rules.append(
        {
            "if": _present("woonkern", {"not": {"enum": [k.id for k in with_wijken]}}),
            "then": {"properties": {"wijk": no_wijk}},
        }
    )
    names = [g.naam for g in gemeenten]
    gemeente = _choice(gemeente_ids, names, f"Dit is geen gemeente in de Kop. {_choose_from(gemeente_ids)}")
    return {"properties": {"gemeente": gemeente}, "allOf": rules}


def offer_rules(region: Region, places: list[tuple[str, str, bool]]) -> Schema:
    """gebied and the ids of places (id, name, example?) for an offer (``activities/``).

    Real offers may only use real places; examples may use every place.
    """
    areas = [(g.id, g.naam) for g in region.gemeenten()] + [(REGION_ID, f"Hele {REGION_NAME}")]
    areas.append((UNKNOWN_AREA, "Niet bekend waar (alleen, zonder plekken)"))
    area_ids = [a for a, _ in areas]
    gebied = _choice(area_ids, [n for _, n in areas], f"Dit is geen gebied. {_choose_from(area_ids)}")
    unknown = "Er is geen plek met deze id. Een id is de naam van een bestand in locations/, zonder .yaml."
    every = _choice([p for p, _, _ in places], [n for _, n, _ in places], unknown)
    real = [(p, n) for p, n, example in places if not example]
    only_real = _choice(
        [p for p, _ in real],
        [n for _, n in real],
        "Er is geen echte plek met deze id. Echt aanbod mag niet naar een voorbeeld-plek verwijzen. "
        "Kies een echte plek of gebruik 'gebied'.",
    )
    return {
        "properties": {"gebied": {"items": gebied}},
        "allOf": [
            {
                "if": _present("voorbeeld", {"const": True}),
                "then": {"properties": {"plekken": {"items": every}}},
                "else": {"properties": {"plekken": {"items": only_real}}},
            },
            {  # 'onbekend' stands alone (core.load): no gemeente and no places with it
                "if": {"required": ["gebied"], "properties": {"gebied": {"contains": {"const": UNKNOWN_AREA}}}},
                "then": {"properties": {"gebied": {"maxItems": 1}, "plekken": {"maxItems": 0}}},
            },
        ],
        "definitions": {"ScheduleItem": {"properties": {"plek": {"anyOf": [every, {"type": "null"}]}}}},
    }
