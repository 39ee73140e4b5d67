"""Privacy: a visit to any page type asks nothing from any host but the site itself.

The only exception: map tiles from the tile host, on pages that show a map. Tiles are
answered with a blank PNG inside the browser (conftest.offline), so no real network is used.
Also checked without a browser: no file of the site points a browser at another host.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, offline
from pagetypes import NAMES, visit

pytestmark = pytest.mark.browser


def tile_host() -> str:
    """The tile host from mkdocs.yml (plugin option tile_url), or the plugin's default."""
    from wegwijzer.site.plugin import WegwijzerConfig

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    url = ""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "wegwijzer" in plugin:
            url = (plugin["wegwijzer"] or {}).get("tile_url", "")
    url = url or WegwijzerConfig.tile_url.default
    return urlsplit(url.replace("{s}", "a")).hostname


@pytest.fixture(scope="module")
def tab(browser):
    # bypass_csp: this gate must see every request a page makes, also one the site's
    # Content-Security-Policy would stop (test_security_site checks the policy itself).
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL", bypass_csp=True)
    outside = offline(context)
    page = context.new_page()
    page.all_requests = []
    page.outside = outside
    page.on("request", lambda req: page.all_requests.append((req.url, req.resource_type)))
    yield page
    context.close()


@pytest.mark.parametrize("name", NAMES)
def test_page_type_asks_nothing_from_other_hosts(tab, server, site, name):
    tab.all_requests.clear()
    tab.outside.clear()
    url = visit(tab, server, site, name, idle=True)
    has_map = tab.locator(".leaflet-container").count() > 0
    if has_map:  # pan the map a little, so new tiles are asked for, as a user would
        tab.locator(".leaflet-container").first.scroll_into_view_if_needed()
        tab.wait_for_load_state("networkidle")
    own = urlsplit(server).netloc
    allowed = {tile_host()} if has_map else set()
    foreign = []
    for req_url, kind in tab.all_requests:
        parts = urlsplit(req_url)
        if parts.scheme in ("data", "blob") or parts.netloc == own:
            continue
        if parts.hostname in allowed and kind == "image":
            continue
        foreign.append(f"{kind}: {req_url}")
    assert not foreign, f"{url} asked other hosts for: " + "\n".join(sorted(set(foreign))[:20])
    if has_map:
        tiles = [u for u, k in tab.all_requests if urlsplit(u).hostname == tile_host()]
        assert tiles, f"{url} shows a map but asked for no tiles: is the map drawn?"


# Attributes and CSS that make a browser fetch something by itself.
FETCHING = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*?\s(?:src|srcset|data|poster)=["']?\s*(?:https?:)?//"""
    r"""|<link\b[^>]*?rel=["']?(?:stylesheet|preconnect|dns-prefetch|preload|prefetch|modulepreload|icon|manifest)[^>]*?href=["']?\s*(?:https?:)?//"""
    r"""|<link\b[^>]*?href=["']?\s*(?:https?:)?//[^>]*?rel=["']?(?:stylesheet|preconnect|dns-prefetch|preload|prefetch|modulepreload|icon|manifest)""",
    re.I,
)
CSS_FETCH = re.compile(r"""@import\s+(?:url\()?["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I)


def test_no_file_of_the_site_fetches_from_another_host(site):
    bad = []
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            text = file.read_text(encoding="utf-8", errors="replace")
            bad += [f"{file.relative_to(site)}: {m.group(0)[:120]}" for m in FETCHING.finditer(text)]
            for style in re.findall(r"<style[^>]*>(.*?)</style>|style=\"([^\"]*)\"", text, re.S):
                bad += [f"{file.relative_to(site)}: {m.group(0)}" for m in CSS_FETCH.finditer("".join(style))]
        elif file.suffix == ".css":
            text = file.read_text(encoding="utf-8", errors="replace")
            bad += [f"{file.relative_to(site)}: {m.group(0)}" for m in CSS_FETCH.finditer(text)]
    assert not bad, "\n".join(bad[:20])


def test_the_check_itself_sees_a_foreign_request(tab, server):
    """The gate works: a page that loads a script from elsewhere is caught."""
    tab.all_requests.clear()
    tab.goto(server)
    tab.evaluate("""() => { const s = document.createElement('script');
                            s.src = 'https://cdn.example.org/x.js'; document.head.appendChild(s); }""")
    tab.wait_for_load_state("networkidle")
    assert any("cdn.example.org" in u for u, _ in tab.all_requests)
    assert FETCHING.search('<script src="https://cdn.example.org/x.js"></script>')
    assert CSS_FETCH.search("body{background:url(//tracker.example/p.gif)}")
