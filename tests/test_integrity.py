"""Integrity of the built site: links resolve, every entry is near the home page, and all
views (pages, search index, map data, exports) list the same entries.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import posixpath
from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from wegwijzer.opendata.ids import uid

MAX_CLICKS = 3


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag in ("a", "link", "area") and attrs.get("href") is not None:
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                return  # absolute public address of the page
            self.links.append((tag, attrs["href"]))
        if tag in ("script", "img", "source", "iframe") and attrs.get("src"):
            self.links.append((tag, attrs["src"]))


def parse_site(site: Path) -> dict[str, _Links]:
    """site-relative path of every HTML file -> its links and ids."""
    out = {}
    for file in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        out[file.relative_to(site).as_posix()] = parser
    return out


@pytest.fixture(scope="module")
def parsed(site) -> dict[str, _Links]:
    return parse_site(site)


def resolve(site: Path, page: str, href: str) -> tuple[str | None, str]:
    """(target file relative to the site or None for outside links, fragment)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None, ""
    if not parts.path:
        return page, parts.fragment
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if parts.path.endswith("/") or (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path.lstrip("./") if not path.startswith("../") else path, parts.fragment


def broken_links(site: Path, parsed: dict[str, _Links]) -> list[str]:
    """Every internal link to a file that does not exist, or to an id that is not on its page."""
    broken = []
    for page, links in parsed.items():
        for tag, href in links.links:
            target, fragment = resolve(site, page, href)
            if target is None:
                continue
            if target.startswith("../") or not (site / target).is_file():
                broken.append(f"{page}: <{tag}> {href} -> {target} does not exist")
            elif fragment and target.endswith(".html") and target in parsed and fragment not in parsed[target].ids:
                broken.append(f"{page}: <{tag}> {href} -> no id '{fragment}' in {target}")
    return sorted(set(broken))


def test_every_internal_link_resolves(site, parsed):
    broken = broken_links(site, parsed)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:40])


def test_the_link_check_finds_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="er">x</h2><img src="../plaatje.png">')
    (tmp_path / "plaatje.png").write_bytes(b"")
    (tmp_path / "index.html").write_text(
        '<a href="a/">goed</a><a href="a/#er">goed</a><a href="#boven" id="boven">goed</a>'
        '<a href="https://elders.example/x">buiten</a><a href="mailto:x@y.nl">mail</a>'
        '<a href="bestaat-niet/">kapot</a><a href="a/#nergens">kapot</a>'
        '<script src="weg.js"></script><a href="../../buiten-de-site/">kapot</a>'
    )
    assert broken_links(tmp_path, parse_site(tmp_path)) == [
        "index.html: <a> ../../buiten-de-site/ -> ../../buiten-de-site/index.html does not exist",
        "index.html: <a> a/#nergens -> no id 'nergens' in a/index.html",
        "index.html: <a> bestaat-niet/ -> bestaat-niet/index.html does not exist",
        "index.html: <script> weg.js -> weg.js does not exist",
    ]


def entry_pages(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix() for folder in ("aanbod", "plek") for p in (site / folder).glob("*/index.html")
    }


def test_every_entry_is_at_most_three_clicks_from_home(site, parsed, catalog):
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        page = queue.popleft()
        if depth[page] >= MAX_CLICKS:
            continue
        for tag, href in parsed[page].links:
            if tag != "a":
                continue
            target, _ = resolve(site, page, href)
            if target and target in parsed and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    entries = entry_pages(site)
    assert len(entries) == len(catalog.locations) + len(catalog.activities)
    far = sorted(e for e in entries if e not in depth)
    assert not far, f"{len(far)} entries need more than {MAX_CLICKS} clicks from the home page: {far[:20]}"


# --- the same entries everywhere --------------------------------------------------------------


def _ids(urls, kind: str) -> set[str]:
    out = set()
    for url in urls:
        path = urlsplit(str(url)).path.strip("/").split("/")
        if kind in path:
            i = path.index(kind)
            if i + 1 < len(path) and path[i + 1]:
                out.add(path[i + 1])
    return out


@cache
def _expected(site: Path) -> dict[str, set[str]]:
    return {kind: {p.parent.name for p in (site / kind).glob("*/index.html")} for kind in ("aanbod", "plek")}


def test_entry_pages_match_the_catalogue(site, catalog):
    expected = _expected(site)
    assert expected["aanbod"] == set(catalog.activities)
    assert expected["plek"] == set(catalog.locations)


def _need(site: Path, rel: str) -> Path:
    file = site / rel
    assert file.exists(), f"{rel} is missing from the built site (search index, map data and exports are views)"
    return file


def test_search_index_has_every_entry(site):
    folder = _need(site, "zoekindex")
    urls = []
    for shard in sorted(folder.glob("kaarten-*.json")):
        for card in json.loads(shard.read_text(encoding="utf-8")):
            urls += [
                v
                for v in (card if isinstance(card, list) else card.values())
                if isinstance(v, str) and v.startswith(("aanbod/", "plek/"))
            ][:1]
    expected = _expected(site)
    assert _ids(urls, "aanbod") == expected["aanbod"]
    assert _ids(urls, "plek") == expected["plek"]
    assert len(urls) == len(set(urls)), "an entry is in the search index twice"


@pytest.mark.parametrize("rel", ["kaart/plekken.geojson", "open-data/plekken.geojson"])
def test_map_data_has_every_place(site, rel):
    data = json.loads(_need(site, rel).read_text(encoding="utf-8"))
    props = [f["properties"] for f in data["features"]]
    # the map data has the page address; the open data has the id (and the public page address)
    ids = {p["id"] for p in props if "id" in p} or _ids([p.get("url", "") for p in props], "plek")
    assert len(props) == len(ids), "a place is in the map data twice"
    assert ids == _expected(site)["plek"]


def test_hsds_export_has_every_entry(site):
    services = json.loads(_need(site, "open-data/hsds/services.json").read_text(encoding="utf-8"))
    locations = json.loads(_need(site, "open-data/hsds/locations.json").read_text(encoding="utf-8"))
    expected = _expected(site)
    assert len(services) == len(expected["aanbod"])
    assert len(locations) == len(expected["plek"])
    # Each entry once, under its own stable id (the uuids themselves are checked in test_export).
    assert {s["id"] for s in services} == {uid("aanbod", a) for a in expected["aanbod"]}
    assert sorted(loc["external_identifier"] for loc in locations) == sorted(expected["plek"])


def test_csv_export_has_every_offer(site):
    text = _need(site, "open-data/aanbod.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert {r["id"] for r in rows} == _expected(site)["aanbod"]
    assert len(rows) == len(_expected(site)["aanbod"])
