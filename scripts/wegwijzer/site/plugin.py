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

import importlib

from wegwijzer.core import describe
from wegwijzer.site import pages
from wegwijzer.core import text
from wegwijzer.core.catalog import Catalog
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors


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


# Views beyond the pages (search index, maps, leaflets, exports). Each module may define:
#   extra_files(plugin, config) -> dict[str, str | bytes]   files to add to the site (path -> content)
#   page_context(plugin, page, context) -> None              add to a page's template context
#   post_build(plugin, config) -> None                       work on the finished site
#   env(plugin, env) -> None                                 add Jinja filters or globals
#   post_page(plugin, output, page) -> str                   change a rendered page (HTML in, HTML out)
VIEWS: list[str] = ["wegwijzer.site.leaflets", "wegwijzer.site.search", "wegwijzer.site.freshness", "wegwijzer.tools.editor", "wegwijzer.opendata.export", "wegwijzer.site.maps", "wegwijzer.site.conform"]


_VIEW_MODULES: dict[tuple, list] = {}


def _views():
    """The view modules, imported once (this runs for every page)."""
    key = tuple(VIEWS)
    if key not in _VIEW_MODULES:
        _VIEW_MODULES[key] = [importlib.import_module(name) for name in VIEWS]
    return _VIEW_MODULES[key]


class WegwijzerConfig(Config):
    data_dir = c.Type(str, default=".")
    voorbeelden = c.Type(bool, default=True)
    melden_url = c.Type(str, default="")
    melden_email = c.Type(str, default="")
    verouderd_na_maanden = c.Type(int, default=12)
    tile_url = c.Type(str, default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    tile_attribution = c.Type(str, default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>')


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
        site_url = os.environ.get("WEGWIJZER_SITE_URL")
        if site_url is not None:  # the public address; an empty value means "not known"
            site_url = site_url.strip()
            config.site_url = site_url + ("/" if site_url and not site_url.endswith("/") else "")
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
        for view in _views():
            if hasattr(view, "extra_files"):
                for path, content in sorted(view.extra_files(self, config).items()):
                    files.append(File.generated(config, path, content=content))
        return files

    def on_env(self, env, config, files):
        # Our own templates escape every value; Material's templates keep their own rules.
        previous = env.autoescape
        env.autoescape = lambda name: bool(name and name.startswith("wegwijzer/")) or (
            previous(name) if callable(previous) else bool(previous))
        once: dict = {}

        def ww_once(key, render):
            """Render a block once and reuse it: for parts that are the same on thousands of pages."""
            if key not in once:
                once[key] = render()
            return once[key]

        env.globals["ww_once"] = ww_once
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
        for view in _views():
            if hasattr(view, "env"):
                view.env(self, env)
        return env

    def on_page_context(self, context, page, config, nav):
        cat = self.catalog
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            if page.is_homepage:
                context.update(pages.home_context(cat))
            for view in _views():
                if hasattr(view, "page_context"):
                    view.page_context(self, page, context)
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
        for view in _views():
            if hasattr(view, "page_context"):
                view.page_context(self, page, context)
        return context

    def on_post_page(self, output, page, config):
        for view in _views():
            if hasattr(view, "post_page"):
                output = view.post_page(self, output, page)
        return output

    def on_post_template(self, output_content, template_name, config):
        if template_name.endswith(".html"):  # 404.html; page is None there
            return self.on_post_page(output_content, None, config)
        return output_content

    def on_post_build(self, config):
        for view in _views():
            if hasattr(view, "post_build"):
                view.post_build(self, config)
