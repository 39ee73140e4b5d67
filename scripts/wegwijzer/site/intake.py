"""The intake form ``/aanmelden/``: providers add a place or an offer, or pass on a change, without git.

The site has no server. The page is a form; ``aanmelden.js`` checks the answers in the browser
against the JSON Schema of ``wegwijzer schema`` and writes the entry file (YAML). The provider
then hands it over by their own action: a prefilled "new file" page of the data repository
(``repo_url``), an e-mail to ``melden_email``, or by copying the text. The site stores nothing.

Files this view adds to the site:

- ``aanmelden/schema/{plek,aanbod}.schema.json``: the schema, made the way ``wegwijzer schema``
  makes ``schema/`` (``tools.schema_export.schemas``), with the places of this build, so it is
  never behind on a new place and a production build offers no example place;
- ``assets/vendor/json-schema/``: the validator (``@cfworker/json-schema``, ES modules) from
  node_modules. It interprets the schema; ajv compiles it with ``new Function``, which the
  site's Content-Security-Policy (no ``unsafe-eval``) blocks;
- ``aanmelden/item/{plek,aanbod}/<id>.json``: the current values of one entry, for "Wijziging
  doorgeven" (so no page grows with the catalogue);
- ``aanmelden/plekken.json``: the places (id, name, woonkern), for the offer's place picker.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from mkdocs.exceptions import PluginError

from wegwijzer.core import describe, guard, vocab
from wegwijzer.core.catalog import sort_key
from wegwijzer.core.choices import herhaling_values
from wegwijzer.core.model import Activity, Entry, Location
from wegwijzer.core.region import REGION_ID, REGION_NAME
from wegwijzer.core.urls import url_for
from wegwijzer.site.cms_config import ORDER, Backend
from wegwijzer.site.context import BuildContext
from wegwijzer.site.pages import Context, Page
from wegwijzer.site.view import View
from wegwijzer.tools.schema_export import place_choices, schemas

VALIDATOR = "@cfworker/json-schema/dist/esm"  # in node_modules: ES modules, no eval
VENDOR = "assets/vendor/json-schema/"
FOLDER = {"plek": "locations", "aanbod": "activities"}
MODELS: dict[str, type[Entry]] = {"plek": Location, "aanbod": Activity}
# Longest links we hand to a browser: GitHub refuses longer addresses, some mail programs cut them.
GITHUB_MAX = 7000
MAILTO_MAX = 6000
# The lines around the entry in an e-mail; `wegwijzer inbox` looks for them (tools/inbox.py).
BEGIN = "--- begin wegwijzer ({what}): {path} ---"
END = "--- einde wegwijzer ---"


def item_path(kind: str, entry_id: str) -> str:
    """Where the current values of one entry are: 'aanmelden/item/aanbod/taalcafe.json'."""
    return f"{url_for('aanmelden')}item/{kind}/{entry_id}.json"


def field_order(kind: str) -> list[str]:
    """The order of the fields in a file the form writes: as in the web editor, and who keeps it last."""
    model = MODELS[kind]
    last = ["bron", "bron_gecontroleerd_op", "gecontroleerd_op", "beheerder", "beheerder_email"]
    first = [n.rstrip("_") for n in ORDER[kind]]
    first.insert(2, "voorbeeld")
    every = [(info.alias or name) for name, info in model.model_fields.items()]
    return first + [n for n in every if n not in first and n not in last] + last


def current_values(entry: Entry) -> dict[str, Any]:
    """The fields of the entry's file as the model read them (empty ones left out), as JSON."""
    return entry.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude_none=True)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _places(ctx: BuildContext) -> list[dict[str, Any]]:
    """Every place, by woonkern and name: what an offer may link to (read only on the offer's step "Waar?")."""
    places = ctx.catalog.locations.values()
    return [
        {"id": p.id, "naam": p.naam, "woonkern": p.woonkern, **({"voorbeeld": True} if p.voorbeeld else {})}
        for p in sorted(places, key=lambda p: (p.woonkern, sort_key(p)))
    ]


def form_settings(ctx: BuildContext) -> dict[str, Any]:
    """What aanmelden.js needs besides the fields of the page (a data- attribute of the form)."""
    backend = Backend.from_repo_url(ctx.settings.repo_url, ctx.settings.edit_branch)
    repo = f"https://github.com/{backend.repo}" if backend.repo else ""
    return {
        "volgorde": {kind: field_order(kind) for kind in MODELS},
        "map": FOLDER,
        "maanden": list(describe.MONTH_NAMES),
        "repo": repo,
        "tak": backend.branch,
        "email": ctx.settings.melden_email,
        "github_max": GITHUB_MAX,
        "mailto_max": MAILTO_MAX,
        "begin": BEGIN,
        "einde": END,
        "regio": REGION_ID,
        **text_limits(),
    }


def text_limits() -> dict[str, Any]:
    """The limits of core.guard that aanmelden-fouten.js checks too, and how it names control characters."""
    return {
        "max_tekst": guard.MAX_TEXT_CHARS,
        "max_regel": guard.MAX_LINE_CHARS,
        "max_woord": guard.MAX_WORD_LETTERS,
        "tekens": guard._NAMES,
    }


@dataclass(frozen=True)
class IntakePage(Page):
    template: ClassVar[str] = "wegwijzer/aanmelden.html"

    def context(self, ctx: BuildContext) -> Context:
        region = ctx.catalog.region
        gemeenten = [
            {
                "id": g.id,
                "naam": g.naam,
                "kernen": [
                    {"id": k.id, "naam": k.naam, "wijken": [(w.id, w.naam) for w in region.wijken(k.id)]}
                    for k in region.kernen(g.id)
                ],
            }
            for g in region.gemeenten()
        ]
        lists = {name: [(key, item["label"]) for key, item in vocab.items(name)] for name in vocab.LIST_NAMES}
        settings = form_settings(ctx)
        return {
            "gemeenten": gemeenten,
            "gemeente_keuzes": [(g["id"], g["naam"]) for g in gemeenten],
            "gebieden": [(g["id"], g["naam"]) for g in gemeenten] + [(REGION_ID, f"De hele {REGION_NAME}")],
            "lijsten": lists,
            "herhalingen": herhaling_values(),
            # ASCII only: the names of control characters are keys, and HTML must not hold those characters
            "instellingen": json.dumps(settings, sort_keys=True, separators=(",", ":")),
            "repo": bool(settings["repo"]),
            "email": ctx.settings.melden_email,
        }


class IntakeView(View):
    """Owns /aanmelden/ and the files it reads; adds the link "Wijziging doorgeven" to every entry page."""

    name = "intake"

    def pages(self, ctx: BuildContext) -> Iterable[Page]:
        yield IntakePage(
            "aanmelden",
            title="Aanmelden of een wijziging doorgeven",
            description="Meld een plek of aanbod aan voor De Wegwijzer, of geef een wijziging door.",
        )

    def files(self, ctx: BuildContext) -> Mapping[str, str | bytes]:
        files: dict[str, str | bytes] = dict(self._validator(ctx))
        base = url_for("aanmelden")
        for name, schema in schemas(ctx.settings.data_dir, ctx.catalog.region, place_choices(ctx.catalog)).items():
            files[f"{base}schema/{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, sort_keys=True)
        for entry in ctx.catalog.entries():
            # in the model's order of fields (the form keeps that order for fields it does not show)
            files[item_path(entry.kind, entry.id)] = json.dumps(current_values(entry), ensure_ascii=False)
        files[f"{base}plekken.json"] = _json(_places(ctx))
        return files

    def _validator(self, ctx: BuildContext) -> dict[str, bytes]:
        dist = ctx.settings.node_modules / VALIDATOR
        if not (dist / "index.js").is_file():
            raise PluginError(
                "De controle van het aanmeldformulier ontbreekt (@cfworker/json-schema). Draai make install."
            )
        out = {}
        for path in sorted(dist.glob("*.js")):
            text = path.read_text(encoding="utf-8")
            text = "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL="))
            out[VENDOR + path.name] = (text + "\n").encode("utf-8")
        return out

    def jinja(self, ctx: BuildContext, env, ww: dict[str, Any]) -> None:
        ww["wijziging_href"] = lambda entry: f"{url_for('aanmelden')}?{entry.kind}={entry.id}"
