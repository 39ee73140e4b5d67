"""The MkDocs plugin: loads the catalogue once and runs the views in a stated order.

The plugin holds no view state. It builds one frozen ``BuildContext`` per build and
calls the hooks of each view (``site.view.View``) in the order of ``VIEWS``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from wegwijzer.core import describe, referral, text, vocab
from wegwijzer.core.load import load_catalog
from wegwijzer.core.problems import EntryErrors
from wegwijzer.core.region import load_region
from wegwijzer.core.urls import url_for
from wegwijzer.opendata.view import OpenDataView
from wegwijzer.site.cms import CmsView
from wegwijzer.site.conform import ConformView
from wegwijzer.site.context import BuildContext, Settings, build_date
from wegwijzer.site.editors import EditorsView
from wegwijzer.site.events import EventsView
from wegwijzer.site.freshness import FreshnessView
from wegwijzer.site.guides import GuidesView
from wegwijzer.site.intake import IntakeView
from wegwijzer.site.leaflets import LeafletView
from wegwijzer.site.lijst import ListView
from wegwijzer.site.maps import MapView
from wegwijzer.site.pages import CataloguePages, Page
from wegwijzer.site.professionals import ProfessionalsView
from wegwijzer.site.readiness import ReadinessView
from wegwijzer.site.search.view import SearchView
from wegwijzer.site.security import SecurityView, site_file_problems
from wegwijzer.site.trust import TrustView
from wegwijzer.site.view import View

INCLUDED = InclusionLevel.INCLUDED

# The views, in the order their hooks run. The order matters in two places:
# - pages and files are added to the site in this order (so the file list is stable);
# - SearchView must run after the views that add pages it indexes (it reads every page's context).
VIEWS: tuple[type[View], ...] = (
    CataloguePages,
    ProfessionalsView,
    ListView,
    FreshnessView,
    LeafletView,
    GuidesView,
    EventsView,
    SearchView,
    EditorsView,
    CmsView,
    ReadinessView,
    IntakeView,
    OpenDataView,
    MapView,
    TrustView,
    ConformView,
    SecurityView,
)


def _include_examples(default: bool) -> bool:
    value = os.environ.get("WEGWIJZER_VOORBEELDEN")
    if value is None:
        return default
    return value.strip().lower() not in {"0", "nee", "false", "no", "uit"}


def public_site_url(configured: str | None) -> str:
    """The public address, ending in '/': WEGWIJZER_SITE_URL wins over mkdocs.yml; '' when unknown."""
    url = os.environ.get("WEGWIJZER_SITE_URL")
    url = (configured or "") if url is None else url
    url = url.strip()
    return url + "/" if url and not url.endswith("/") else url


def settings_of(config, plugin_config: WegwijzerConfig) -> Settings:
    """The deployment's settings from mkdocs.yml (MkDocs' own and this plugin's), after the environment had its say.

    The plugin uses it for every build; commands such as `wegwijzer gereed` read mkdocs.yml with it too.
    """
    project = Path(config.config_file_path).parent
    return Settings(
        project_dir=project,
        data_dir=(project / plugin_config.data_dir).resolve(),
        include_examples=_include_examples(plugin_config.voorbeelden),
        site_url=public_site_url(config.site_url),
        melden_url=plugin_config.melden_url,
        melden_email=plugin_config.melden_email,
        verouderd_na_maanden=plugin_config.verouderd_na_maanden,
        tile_url=plugin_config.tile_url,
        tile_attribution=plugin_config.tile_attribution,
        # WEGWIJZER_TILES and WEGWIJZER_PMTILES_FILE win over mkdocs.yml (deployments and tests)
        tiles=os.environ.get("WEGWIJZER_TILES") or plugin_config.tiles,
        pmtiles_file=os.environ.get("WEGWIJZER_PMTILES_FILE") or plugin_config.pmtiles_file,
        pmtiles_url=plugin_config.pmtiles_url,
        repo_url=plugin_config.beheer_repo or str(config.repo_url or ""),
        edit_branch=plugin_config.beheer_branch,
        edit_auth_url=plugin_config.beheer_auth_url,
    )


class WegwijzerConfig(Config):
    data_dir = c.Type(str, default=".")
    voorbeelden = c.Type(bool, default=True)
    melden_url = c.Type(str, default="")
    melden_email = c.Type(str, default="")
    verouderd_na_maanden = c.Type(int, default=12)
    tile_url = c.Type(str, default=Settings.tile_url)
    tile_attribution = c.Type(str, default=Settings.tile_attribution)
    tiles = c.Type(str, default=Settings.tiles)
    pmtiles_file = c.Type(str, default=Settings.pmtiles_file)
    pmtiles_url = c.Type(str, default=Settings.pmtiles_url)
    # The web editor (/redactie/beheer/): the GitHub repository (falls back to repo_url), branch, sign-in service.
    beheer_repo = c.Type(str, default="")
    beheer_branch = c.Type(str, default="main")
    beheer_auth_url = c.Type(str, default="")


class WegwijzerPlugin(BasePlugin[WegwijzerConfig]):
    """Adds the pages and files the views make from the catalogue to the MkDocs build."""

    def __init__(self) -> None:
        self.ctx: BuildContext | None = None
        self.views: list[View] = []

    @property
    def context(self) -> BuildContext:
        if self.ctx is None:
            raise PluginError("The Wegwijzer plugin has not read its configuration yet.")
        return self.ctx

    # -- load -------------------------------------------------------------------------

    def on_config(self, config):
        load_region.cache_clear()  # serve rebuilds in one process: read woonkernen.yaml again
        project = Path(config.config_file_path).parent
        sources = [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
        refused = site_file_problems(project, sources)
        if refused:
            raise PluginError("Deze bestanden kunnen niet op de site:\n" + "\n".join(refused))
        settings = settings_of(config, self.config)
        today = build_date()
        try:
            catalog = load_catalog(settings.data_dir, include_examples=settings.include_examples, today=today)
        except EntryErrors as exc:
            raise PluginError("Er zijn fouten in de items:\n" + str(exc)) from None
        config.site_url = settings.site_url
        self.ctx = BuildContext(catalog=catalog, today=today, settings=settings)
        self.views = [view() for view in VIEWS]  # new state for every build (serve rebuilds)
        for view in self.views:
            view.start(self.ctx)
        return config

    # -- pages and files --------------------------------------------------------------

    def on_files(self, files: Files, config):
        ctx = self.context
        pages: dict[str, Page] = {}
        for view in self.views:
            for page in view.pages(ctx):
                existing = files.get_file_from_path(page.src_uri)
                if existing is not None and existing.inclusion.is_excluded():  # its source (content/gids/*.md)
                    files.remove(existing)
                elif existing is not None or page.src_uri in pages:
                    raise PluginError(
                        f"content/{page.src_uri} bestaat al, maar die pagina maakt de site zelf. Kies een andere naam."
                    )
                pages[page.src_uri] = page
                # INCLUDED: a generated page is part of the site even where exclude_docs hides its source.
                files.append(File.generated(config, page.src_uri, content=page.markdown(), inclusion=INCLUDED))
        self.ctx = ctx = BuildContext(ctx.catalog, ctx.today, ctx.settings, MappingProxyType(pages))
        for view in self.views:
            for path, content in sorted(view.files(ctx).items()):
                files.append(File.generated(config, path, content=content))
        return files

    def on_env(self, env, config, files):
        ctx = self.context
        # Every template escapes every value, Material's too (entry names reach its <title>, meta
        # description and header). HTML made by code is Markup: page content (on_page_content), maps.
        env.autoescape = True
        env.globals["ww_once"] = _once_cache()
        env.globals["url_for"] = url_for
        env.filters["md"] = text.render
        env.filters["plain"] = text.plain
        ww: dict[str, Any] = {
            "catalog": ctx.catalog,
            "region": ctx.catalog.region,
            "lists": vocab.LISTS,
            "describe": describe,
            "referral": referral,  # how to refer to an offer, in words (the 'verwijzen' block)
            "label": vocab.label,
            "today": ctx.today,
            "melden_url": ctx.settings.melden_url,
            "melden_email": ctx.settings.melden_email,
            "verouderd_na_maanden": ctx.settings.verouderd_na_maanden,
        }
        env.globals["ww"] = ww
        for view in self.views:
            view.jinja(ctx, env, ww)
        return env

    def on_page_content(self, html, page, config, files):
        """The page's HTML, made by Markdown from content/ (or our front matter): Markup, so it is not escaped."""
        return Markup(html)

    def on_page_context(self, context, page, config, nav):
        ctx = self.context
        generated = ctx.page(page.file.src_uri)
        if generated is not None:
            context.update(generated.context(ctx))
        context["ww_page"] = generated
        for view in self.views:
            view.context(ctx, generated, page, context)
        return context

    def on_post_page(self, output, page, config):
        ctx = self.context
        generated = ctx.page(page.file.src_uri) if page is not None else None
        for view in self.views:
            output = view.html(ctx, generated, output)
        return output

    def on_post_template(self, output_content, template_name, config):
        if template_name.endswith(".html"):  # 404.html: there is no page
            return self.on_post_page(output_content, None, config)
        return output_content

    def on_post_build(self, config):
        for view in self.views:
            view.finish(self.context, Path(config.site_dir))

    def on_serve(self, server, config, builder):
        """`wegwijzer serve`: rebuild when an entry or a data file changes, and say where the site is."""
        settings = self.context.settings
        folders = ("locations", "activities", "content/gids")
        for folder in [settings.data_dir / f for f in folders] + [vocab.DATA_DIR]:
            if folder.is_dir():
                server.watch(str(folder))
        host, port = config.dev_addr
        print(f"Open http://{host}:{port}/ — stoppen met Ctrl+C", flush=True)
        return server


def _once_cache() -> Callable[[str, Callable[[], Markup]], Markup]:
    """Render a block once per build and reuse it: for parts that are the same on thousands of pages."""
    once: dict[str, Markup] = {}

    def ww_once(key: str, render: Callable[[], Markup]) -> Markup:
        if key not in once:
            once[key] = render()
        return once[key]

    return ww_once
