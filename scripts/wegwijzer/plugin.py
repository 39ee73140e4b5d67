"""MkDocs plugin: turns the catalogue into pages (and, through views, other files)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import describe, pages, text
from .catalog import Catalog
from .load import load_catalog
from .problems import EntryErrors


def build_date() -> dt.date:
    """The date the site describes: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def include_examples(default: bool) -> bool:
    value = os.environ.get("WEGWIJZER_VOORBEELDEN")
    if value is None:
        return default
    return value.strip().lower() not in {"0", "nee", "false", "no", "uit"}


class WegwijzerConfig(Config):
    data_dir = c.Type(str, default=".")
    voorbeelden = c.Type(bool, default=True)
    melden_url = c.Type(str, default="")
    melden_email = c.Type(str, default="")
    verouderd_na_maanden = c.Type(int, default=12)


class WegwijzerPlugin(BasePlugin[WegwijzerConfig]):
    """Adds entry, area, theme and audience pages to the MkDocs build."""

    def __init__(self):
        self.catalog: Catalog | None = None
        self.specs: dict[str, pages.PageSpec] = {}
        self.today = build_date()

    # -- load -------------------------------------------------------------------------

    def on_config(self, config):
        root = (Path(config.config_file_path).parent / self.config.data_dir).resolve()
        try:
            self.catalog = load_catalog(root, include_examples=include_examples(self.config.voorbeelden))
        except EntryErrors as exc:
            raise PluginError("Er zijn fouten in de items:\n" + str(exc)) from None
        self.today = build_date()
        return config

    # -- pages ------------------------------------------------------------------------

    def on_files(self, files: Files, config):
        self.specs = {}
        for spec in pages.page_specs(self.catalog):
            if files.get_file_from_path(spec.src_uri) is not None:
                raise PluginError(
                    f"content/{spec.src_uri} bestaat al, maar die pagina maakt de site zelf. Kies een andere naam.")
            files.append(File.generated(config, spec.src_uri, content=spec.markdown()))
            self.specs[spec.src_uri] = spec
        return files

    def on_env(self, env, config, files):
        env.filters["md"] = text.render
        env.filters["plain"] = text.plain
        env.globals["ww"] = {
            "catalog": self.catalog,
            "region": self.catalog.region,
            "describe": describe,
            "label": describe.label,
            "today": self.today,
            "melden_url": self.config.melden_url,
            "melden_email": self.config.melden_email,
            "verouderd_na_maanden": self.config.verouderd_na_maanden,
        }
        return env

    def on_page_context(self, context, page, config, nav):
        cat = self.catalog
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            if page.is_homepage:
                context.update(pages.home_context(cat))
            return context
        if spec.kind == "plek":
            context.update(pages.entry_context(cat, cat.locations[spec.key], self.today))
        elif spec.kind == "aanbod":
            context.update(pages.entry_context(cat, cat.activities[spec.key], self.today))
        elif spec.kind == "gebied":
            context.update(pages.area_context(cat, cat.region.areas[spec.key], self.today))
        else:
            context.update(pages.list_context(cat, spec, self.today))
        if spec.key == "buurt" or spec.key in ("themas", "doelgroepen"):
            context.update(pages.home_context(cat))
        context["ww_spec"] = spec
        return context
