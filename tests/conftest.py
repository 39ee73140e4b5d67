"""Shared fixtures: the shipped catalogue, a real build of the site, a local server and Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXED_EPOCH = "1795000000"  # 2026-11-18: builds in tests are reproducible

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def catalog():
    from wegwijzer.core.load import load_catalog

    return load_catalog(ROOT)


def build_site(dest: Path, extra_env: dict | None = None, root: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH, **(extra_env or {}))
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", "--site-dir", str(dest)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the shipped data (once per test session)."""
    dest = tmp_path_factory.mktemp("site") / "site"
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The real site: built from the shipped data without the example entries (once per test session)."""
    dest = tmp_path_factory.mktemp("productie") / "site"
    result = build_site(dest, {"WEGWIJZER_VOORBEELDEN": "0"})
    assert result.returncode == 0, result.stderr
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler):
    """Serve a folder on a free localhost port. Yields the base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on a free localhost port. Yields the base URL."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: draai 'make test' (dat installeert chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


# A 1x1 transparent PNG: served instead of real map tiles, so tests never use the network.
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def offline(context) -> list[str]:
    """Route every request that leaves localhost: tiles get a blank PNG, the rest is refused.

    Returns the list that collects the outside URLs that were asked for.
    """
    outside: list[str] = []

    def handle(route):
        url = route.request.url
        outside.append(url)
        if route.request.resource_type == "image" and "/{z}" not in url:
            route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        else:
            route.abort()

    context.route(lambda url: not url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")), handle)
    return outside


@pytest.fixture
def phone(browser):
    """A fresh page at a phone-sized viewport that records console errors and outside requests."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
    outside = offline(context)
    page = context.new_page()
    page.outside_requests = outside
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()
