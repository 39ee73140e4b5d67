"""Every text field and every address field of the model, found by looking at the model itself.

A field added later is covered by the tests that use these lists without changing them.
Each field comes as (label as in error messages, path in the entry data, max length or None).
"""

from __future__ import annotations

import typing

from entries import offer, place
from wegwijzer.core import model


def _validators(annotation) -> set:
    """The AfterValidator functions on a type (looking through Optional, list and Annotated)."""
    found = {getattr(meta, "func", None) for meta in getattr(annotation, "__metadata__", ())}
    for arg in typing.get_args(annotation):
        found |= _validators(arg)
    return found - {None}


def _models_in(annotation) -> list[tuple[type, bool]]:
    """Nested models in a field type: (model, inside a list?)."""
    if isinstance(annotation, type) and issubclass(annotation, model.BaseModel):
        return [(annotation, False)]
    in_list = typing.get_origin(annotation) is list
    out = []
    for arg in typing.get_args(annotation):
        out += [(m, in_list or inner) for m, inner in _models_in(arg)]
    return out


def _max_length(info) -> int | None:
    limits = [getattr(m, "max_length", None) for m in info.metadata]
    return min((n for n in limits if n), default=None)


def model_fields(cls, validator) -> list[tuple[str, tuple, int | None]]:
    """(label, path in the data, max length) of every field checked by validator, nested ones included."""
    out = []
    for name, info in cls.model_fields.items():
        key = info.alias or name
        funcs = _validators(info.annotation) | {getattr(m, "func", None) for m in info.metadata}
        if validator in funcs:
            out.append((key, (key,), _max_length(info)))
        for sub, in_list in _models_in(info.annotation):
            for sub_label, sub_path, limit in model_fields(sub, validator):
                if in_list:
                    out.append((f"{key}, regel 1, {sub_label}", (key, 0) + sub_path, limit))
                else:
                    out.append((f"{key}, {sub_label}", (key,) + sub_path, limit))
    return sorted(set(out), key=lambda f: f[0])


def full_entry(kind: str) -> dict:
    """A valid entry with every nested block filled, so every field can be reached."""
    if kind == "plek":
        return place(
            beschrijving="Tekst.",
            organisatie="Org",
            openingstijden=[{"dag": "maandag", "van": "09:00", "tot": "12:00", "opmerking": "Tekst."}],
            beheerder_email="beheer@voorbeeld.nl",
        )
    return offer(
        beschrijving="Tekst.",
        voor_professionals="Tekst.",
        schema=[{"dag": "dinsdag", "van": "10:00", "tot": "12:00", "opmerking": "Tekst."}],
        inloop=[{"dag": "woensdag", "van": "09:00", "tot": "11:00", "opmerking": "Tekst."}],
        kosten={"bedrag": 2, "uitleg": "Per keer."},
        aanmelden={"nodig": True, "hoe": "Bel ons."},
        contact={"telefoon": "0223 123 456", "email": "info@voorbeeld.nl", "website": "https://www.voorbeeld.nl"},
        verwijzen={
            "wie": ["huisarts"],
            "hoe": ["formulier"],
            "formulier": "https://www.voorbeeld.nl/aanmelden",
            "meesturen": "Tekst.",
        },
        beheerder_email="beheer@voorbeeld.nl",
    )


def set_path(data: dict, path: tuple, value) -> None:
    target = data
    for part in path[:-1]:
        target = target[part] if isinstance(part, int) else target.setdefault(part, {})
    target[path[-1]] = value


TEXT_FIELDS = {
    "plek": model_fields(model.Location, model._plain_text),
    "aanbod": model_fields(model.Activity, model._plain_text),
}
ADDRESS_FIELDS = {
    kind: model_fields(cls, model._website) + model_fields(cls, model._email) + model_fields(cls, model._phone)
    for kind, cls in (("plek", model.Location), ("aanbod", model.Activity))
}
