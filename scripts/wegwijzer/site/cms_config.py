"""The configuration of the web editor (Decap CMS), made from the entry model, the lists and the region.

Every field of ``Location`` and ``Activity`` becomes a widget: a choice from a controlled list
becomes a select with the list's labels, a date a date picker, a time a text field with the same
pattern as the validator, a nested block an object, a list of blocks a list. ``gemeente``,
``woonkern``, ``wijk`` and ``gebied`` are selects from the region; ``plekken`` (and ``plek`` in a
schedule line) pick a place from the places collection. Because the build makes this file, the
editor can never offer a value that ``wegwijzer validate`` refuses, nor miss a new field.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from wegwijzer.core import vocab
from wegwijzer.core.model import _TIME_RE, Activity, Entry, Location
from wegwijzer.core.region import REGION_ID, REGION_NAME, UNKNOWN_AREA, Region

TIME_PATTERN = _TIME_RE.pattern  # the same rule as the validator
POSTCODE_PATTERN = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
LONG_TEXT = {"beschrijving", "voor_professionals"}  # several sentences: a text area
HIDDEN = {"voorbeeld"}  # example entries are made by developers, never in the web editor
# Yes/no fields where empty means "not known" (core.referral): a choice of ja or nee, never a switch that is off.
UNKNOWN_YES_NO = {"toestemming", "indicatie"}
YES_NO_OPTIONS = [{"label": "Ja, dat is nodig", "value": "ja"}, {"label": "Nee, dat hoeft niet", "value": "nee"}]
# The order editors see (the same as in the files `wegwijzer nieuw` writes); other fields follow.
ORDER = {
    "plek": ["naam", "soort", "beschrijving", "organisatie", "adres", "gemeente", "woonkern", "wijk", "coordinaten"],
    "aanbod": [
        "naam",
        "soort",
        "samenvatting",
        "beschrijving",
        "organisatie",
        "themas",
        "doelgroepen",
        "plekken",
        "gebied",
        "schema_",
        "kosten",
        "aanmelden",
    ],
}
LABELS = {"schema_": "Wanneer (schema)", "coordinaten": "Coördinaten", "themas": "Thema's"}
COLLECTIONS = (
    ("plekken", "Plekken", "Plek", "locations", Location),
    ("aanbod", "Aanbod", "Aanbod", "activities", Activity),
)


@dataclass(frozen=True)
class Backend:
    """Where the web editor saves: a GitHub repository and branch (from ``repo_url`` in mkdocs.yml)."""

    repo: str = ""  # owner/name; '' when mkdocs.yml has no GitHub repo_url
    branch: str = "main"
    base_url: str = ""  # the OAuth service that signs editors in to GitHub (a deployment choice)

    @classmethod
    def from_repo_url(cls, repo_url: str | None, branch: str = "main", base_url: str = "") -> Backend:
        parts = urlsplit(repo_url or "")
        path = parts.path.strip("/").removesuffix(".git")
        repo = path if parts.netloc == "github.com" and path.count("/") == 1 else ""
        return cls(repo=repo, branch=branch or "main", base_url=base_url)


def _unwrap(annotation: Any) -> Any:
    """The type without Optional[...] and Annotated[...] around it."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _validators(info: FieldInfo) -> set[str]:
    """Names of the check functions on a field (e.g. '_time'), also inside Annotated[...]."""
    names = set()
    for item in info.metadata:
        func = getattr(item, "func", None)
        names.add(getattr(func, "__name__", ""))
    return names


def _options(values: tuple) -> list[dict[str, str]]:
    """Select options with the labels of the controlled list these values come from."""
    for name in vocab.LIST_NAMES:
        if set(vocab.keys(name)) == set(values):
            return [{"label": item["label"], "value": key} for key, item in vocab.items(name)]
    return [{"label": str(v).capitalize(), "value": str(v)} for v in values]


class _Fields:
    """Turns model fields into Decap widgets; knows the region for the area fields."""

    def __init__(self, region: Region) -> None:
        gemeenten = [{"label": g.naam, "value": g.id} for g in region.gemeenten()]
        kernen = [
            {"label": f"{k.naam} ({region.areas[k.parent].naam if k.parent else ''})", "value": k.id}
            for k in region.kernen()
        ]
        wijken = [
            {"label": f"{w.naam} ({region.areas[w.parent].naam if w.parent else ''})", "value": w.id}
            for w in region.wijken()
        ]
        self.area_fields: dict[str, dict[str, Any]] = {
            "gemeente": {"widget": "select", "options": gemeenten},
            "woonkern": {"widget": "select", "options": kernen},
            "wijk": {"widget": "select", "options": wijken},
            "gebied": {
                "widget": "select",
                "multiple": True,
                "options": [
                    *gemeenten,
                    {"label": f"Hele {REGION_NAME}", "value": REGION_ID},
                    {"label": "Niet bekend waar", "value": UNKNOWN_AREA},
                ],
            },
            "plekken": _place_picker(multiple=True),
            "plek": _place_picker(multiple=False),
        }

    def field(self, name: str, info: FieldInfo, optional_parent: bool = False) -> dict[str, Any]:
        """One widget. Inside an optional block nothing is required (the editor may leave the block out);
        `wegwijzer validate` in the pull request still checks a block that is filled in."""
        key = info.alias or name
        out: dict[str, Any] = {"name": key, "label": LABELS.get(name, key.replace("_", " ").capitalize())}
        out["required"] = info.is_required() and not optional_parent
        if info.description:
            out["hint"] = info.description
        if name in self.area_fields:
            return {**out, **self.area_fields[name]}
        if name in UNKNOWN_YES_NO:
            return {**out, "widget": "select", "options": YES_NO_OPTIONS}
        return {**out, **self.widget(name, info)}

    def widget(self, name: str, info: FieldInfo) -> dict[str, Any]:
        kind = _unwrap(info.annotation)
        checks = _validators(info) | _validators_of(info.annotation)
        if typing.get_origin(kind) is list:
            item = _unwrap(typing.get_args(kind)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                fields = self.fields(item)
                return {"widget": "list", "fields": fields, "summary": _summary(fields), "default": []}
            if typing.get_origin(item) is Literal:
                return {"widget": "select", "multiple": True, "options": _options(typing.get_args(item))}
            return {"widget": "list"}
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            return {"widget": "object", "collapsed": False, "fields": self.fields(kind, "", not info.is_required())}
        return _scalar(name, kind, checks)

    def fields(self, model: type[BaseModel], kind: str = "", optional: bool = False) -> list[dict[str, Any]]:
        names = [n for n in model.model_fields if n not in HIDDEN]
        first = [n for n in ORDER.get(kind, []) if n in names]
        ordered = first + [n for n in names if n not in first]
        return [self.field(n, model.model_fields[n], optional) for n in ordered]


def _validators_of(annotation: Any) -> set[str]:
    """Check functions inside an Annotated type (Time, Postcode, ...), also under Optional."""
    names: set[str] = set()
    if typing.get_origin(annotation) is typing.Annotated:
        for item in typing.get_args(annotation)[1:]:
            names.add(getattr(getattr(item, "func", None), "__name__", ""))
    for arg in typing.get_args(annotation) if typing.get_origin(annotation) in (typing.Union, types.UnionType) else ():
        names |= _validators_of(arg)
    return names


def _scalar(name: str, kind: Any, checks: set[str]) -> dict[str, Any]:
    if typing.get_origin(kind) is Literal:
        values = typing.get_args(kind)
        if all(isinstance(v, int) for v in values):
            return {"widget": "number", "value_type": "int", "min": min(values), "max": max(values)}
        return {"widget": "select", "options": _options(values)}
    if kind is bool:
        return {"widget": "boolean"}
    if kind is float:
        return {"widget": "number", "value_type": "float"}
    if kind is int:
        return {"widget": "number", "value_type": "int"}
    if kind is dt.date:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
            "default": "",
        }
    if "_time" in checks:
        return {"widget": "string", "pattern": [TIME_PATTERN, "Schrijf een tijd als 09:30 (uren:minuten)."]}
    if "_postcode" in checks:
        return {"widget": "string", "pattern": [POSTCODE_PATTERN, "Schrijf vier cijfers en twee letters: 1781 AB."]}
    return {"widget": "text" if name in LONG_TEXT else "string"}


def _place_picker(multiple: bool) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": "plekken",
        "value_field": "{{slug}}",
        "search_fields": ["naam"],
        "display_fields": ["naam"],
        "multiple": multiple,
    }


def _summary(fields: list[dict[str, Any]]) -> str:
    names = [f["name"] for f in fields]
    if {"van", "tot"} <= set(names):
        day = "{{fields.dag}}{{fields.datum}} " if "dag" in names else ""
        return day + "{{fields.van}}-{{fields.tot}}"
    return "{{fields." + names[0] + "}}"


def cms_config(region: Region, backend: Backend, site_url: str = "") -> dict[str, Any]:
    """The whole config.yml of the web editor."""
    make = _Fields(region)
    backend_config: dict[str, Any] = {"name": "github", "repo": backend.repo, "branch": backend.branch}
    if backend.base_url:
        backend_config["base_url"] = backend.base_url
    if not backend.repo:  # no repository known yet: only the local editor (decap-server) can save
        backend_config = {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": backend.branch}
    collections = []
    for name, label, singular, folder, model in COLLECTIONS:
        collections.append(
            {
                "name": name,
                "label": label,
                "label_singular": singular,
                "folder": folder,
                "extension": "yaml",
                "format": "yml",
                "create": True,
                "delete": False,
                "slug": "{{naam}}",
                "identifier_field": "naam",
                "summary": "{{naam}}",
                "fields": make.fields(model, model.kind),
            }
        )
    config: dict[str, Any] = {
        "backend": backend_config,
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "nl",
        "media_folder": "content/redactie/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def entry_fields(model: type[Entry]) -> list[str]:
    """The fields of a model the web editor shows (every field but the hidden ones), by file name."""
    return [(info.alias or n) for n, info in model.model_fields.items() if n not in HIDDEN]
