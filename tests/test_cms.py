"""The web editor (Decap CMS at /redactie/beheer/): its config comes from the model and the lists,
the page stays out of navigation and search, and what it writes passes `wegwijzer validate`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
import yaml

from conftest import ROOT, offline, serving
from entries import offer, place, write_project
from wegwijzer.core import vocab
from wegwijzer.core.model import _TIME_RE, Activity, Location
from wegwijzer.core.region import REGION_ID, load_region
from wegwijzer.site.cms_config import TIME_PATTERN, Backend, cms_config, entry_fields

ADMIN = "redactie/beheer"
FILE = "activities/koffieochtend-test.yaml"


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(fields: list[dict], *path: str) -> dict:
    found = next(f for f in fields if f["name"] == path[0])
    return _field(found["fields"], *path[1:]) if len(path) > 1 else found


def _values(field: dict) -> list:
    return [o["value"] for o in field["options"]]


def test_the_config_offers_exactly_the_lists_and_the_region():
    region = load_region()
    config = cms_config(region, Backend())
    places, offers = _collection(config, "plekken")["fields"], _collection(config, "aanbod")["fields"]
    assert _values(_field(places, "soort")) == vocab.keys("plek_soorten")
    assert _values(_field(offers, "soort")) == vocab.keys("aanbod_soorten")
    assert _values(_field(offers, "themas")) == vocab.keys("themas")
    assert _values(_field(offers, "doelgroepen")) == vocab.keys("doelgroepen")
    assert _values(_field(offers, "talen")) == vocab.keys("talen")
    assert _values(_field(places, "toegankelijkheid")) == vocab.keys("toegankelijkheid")
    assert _values(_field(offers, "schema", "dag")) == vocab.keys("dagen")
    assert _values(_field(places, "openingstijden", "dag")) == vocab.keys("dagen")
    assert _values(_field(places, "gemeente")) == [g.id for g in region.gemeenten()]
    assert _values(_field(places, "woonkern")) == [k.id for k in region.kernen()]
    assert _values(_field(places, "wijk")) == [w.id for w in region.wijken()]
    assert _values(_field(offers, "gebied")) == [g.id for g in region.gemeenten()] + [REGION_ID]
    assert _field(offers, "plekken")["widget"] == "relation" and _field(offers, "plekken")["collection"] == "plekken"
    assert _field(offers, "schema", "eind")["widget"] == "datetime"
    assert _field(offers, "schema", "van")["pattern"][0] == TIME_PATTERN == _TIME_RE.pattern
    # Every field of the model is in the editor (a new model field cannot be forgotten), nothing else.
    assert sorted(f["name"] for f in places) == sorted(entry_fields(Location))
    assert sorted(f["name"] for f in offers) == sorted(entry_fields(Activity))
    assert config["locale"] == "nl" and config["publish_mode"] == "editorial_workflow"


def test_the_backend_comes_from_the_repository_address():
    assert Backend.from_repo_url("https://github.com/kop/wegwijzer.git", "main").repo == "kop/wegwijzer"
    assert Backend.from_repo_url("", "main").repo == ""
    config = cms_config(load_region(), Backend("kop/wegwijzer", "productie"))
    assert config["backend"] == {"name": "github", "repo": "kop/wegwijzer", "branch": "productie"}


def test_the_admin_page_is_built_but_not_in_navigation_search_or_sitemap(site):
    admin = site / ADMIN
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == cms_config(load_region(), Backend())
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in page and 'content="noindex, nofollow"' in page
    assert "http://" not in page and "https://" not in page  # no CDN
    assert ADMIN not in (site / "index.html").read_text(encoding="utf-8")
    assert ADMIN not in (site / "sitemap.xml").read_text(encoding="utf-8")
    for index in (site / "zoekindex").glob("*.json"):
        assert ADMIN not in index.read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "t@t",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "t@t",
}


@pytest.fixture
def repository(tmp_path):
    """A data repository (git, branch main) with one place, and decap-server (git mode) in front of it."""
    repo = write_project(tmp_path / "data", {"buurtkamer-test": place()}, {"taalcafe-test": offer()})
    env = {**os.environ, **GIT_ENV}
    for cmd in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-qm", "start"]):
        subprocess.run(cmd, cwd=repo, env=env, check=True)
    port = _free_port()
    server = subprocess.Popen(
        ["node", str(ROOT / "node_modules/decap-server/dist/index.js")],
        env={**env, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield repo, port
    finally:
        server.terminate()
        server.wait(timeout=10)


def _pick(page, field: str, text: str) -> None:
    page.locator(f"[id^='{field}-field-']").first.click()
    page.keyboard.type(text)
    page.locator("[class*=option]", has_text=text).first.click()


def _fill(page, field: str, text: str) -> None:
    page.locator(f"[id^='{field}-field-']").first.fill(text)


@pytest.mark.browser
def test_an_offer_made_in_the_web_editor_passes_validate(site, browser, repository, tmp_path):
    repo, port = repository
    config = yaml.safe_load((site / ADMIN / "config.yml").read_text(encoding="utf-8"))
    config["local_backend"] = {"url": f"http://127.0.0.1:{port}/api/v1"}  # the test's own decap-server
    served = tmp_path / "site"
    shutil.copytree(site / ADMIN, served / ADMIN)
    (served / ADMIN / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    outside = offline(context)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        with serving(served) as base:
            page.goto(base + ADMIN + "/")
            page.get_by_role("button", name="Inloggen").click()  # Dutch interface
            page.goto(base + ADMIN + "/#/collections/aanbod/new")
            page.locator("[id^='naam-field-']").wait_for()
            _fill(page, "naam", "Koffieochtend Test")
            _pick(page, "soort", "Activiteit")
            _fill(page, "samenvatting", "Elke week koffie drinken en praten met buren.")
            _fill(page, "organisatie", "Welzijn Test")
            _pick(page, "themas", "Mensen ontmoeten")
            _pick(page, "doelgroepen", "Iedereen")
            _pick(page, "plekken", "Buurtkamer Test")  # the place picker reads locations/
            page.get_by_role("button", name="Voeg wanneer (schema) toe").click()
            _pick(page, "dag", "Dinsdag")
            _fill(page, "van", "10:00")
            _fill(page, "tot", "11:30")
            _fill(page, "eind", "2027-06-30")
            _fill(page, "telefoon", "0223 123 456")
            _fill(page, "telefoon", "")  # emptied again: must not be written as ""
            _fill(page, "bron", "Gesprek met de organisatie")
            _fill(page, "beheerder", "Welzijn Test")
            page.get_by_role("button", name="Opslaan", exact=True).click()
            branch = "cms/aanbod/koffieochtend-test"  # editorial workflow: a branch, so a pull request
            # Saved when the editor no longer says it has unsaved changes (it talks to decap-server).
            page.get_by_text("Niet-opgeslagen wijzigingen").wait_for(state="detached", timeout=90_000)
    finally:
        context.close()
    text = subprocess.run(["git", "show", f"{branch}:{FILE}"], cwd=repo, capture_output=True, text=True).stdout
    assert "naam: Koffieochtend Test" in text, text
    assert "telefoon" not in text and '""' not in text
    # The branch as its own copy: decap-server may still be switching branches in `repo` itself.
    checked = tmp_path / "branch"
    subprocess.run(["git", "worktree", "add", "-q", str(checked), branch], cwd=repo, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "validate", "--root", str(checked)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr + text
    assert "2 keer aanbod" in result.stdout
    assert not errors and not outside
