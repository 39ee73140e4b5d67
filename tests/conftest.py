"""Shared fixtures: the shipped catalogue, one build of the site per test run, a local server and Chromium.

Markers (see pyproject.toml) are applied here, so `make test-snel` can leave out the slow tiers:

- ``build``: the test builds a site, itself or through a fixture or helper that calls
  :func:`build_site` / :func:`build_in_process`. Found automatically; ``build_site`` refuses to
  run in a test without the marker, so a new slow test cannot slip into the fast tier.
- ``browser``: the test uses Chromium (the ``browser`` fixture, directly or through ``phone``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import http.server
import inspect
import json
import os
import shutil
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from wegwijzer.tools.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
FIXED_EPOCH = "1795000000"  # 2026-11-18: builds in tests are reproducible
BUILDERS = ("build_site", "build_in_process")  # names whose call makes a test a 'build' test

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Hypothesis: few examples, the same ones on every run (CI must not fail by chance); a deadline far
# above what one example needs, so a busy machine does not fail a test. Explore more with
# HYPOTHESIS_PROFILE=verkennen; `make mutatie` uses the 'mutatie' profile (fewer examples).
hypothesis_settings.register_profile(
    "standaard", max_examples=40, deadline=dt.timedelta(seconds=20), derandomize=True, print_blob=True
)
hypothesis_settings.register_profile("verkennen", max_examples=500, deadline=None)
hypothesis_settings.register_profile("mutatie", max_examples=10, deadline=None, derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "standaard"))


# --- markers ------------------------------------------------------------------------------


def _calls_a_builder(func, seen: set | None = None, depth: int = 4) -> bool:
    """Whether func (or a test helper it calls, a few levels deep) calls one of BUILDERS."""
    seen = set() if seen is None else seen
    code = getattr(func, "__code__", None)
    if code is None or code in seen or depth < 0:
        return False
    seen.add(code)
    names = set(code.co_names)
    for const in code.co_consts:  # nested functions and lambdas
        if inspect.iscode(const):
            names |= set(const.co_names)
    if names & set(BUILDERS):
        return True
    module_globals = getattr(func, "__globals__", {})
    for name in names:
        target = module_globals.get(name)
        in_tests = inspect.isfunction(target) and Path(target.__code__.co_filename).parent == ROOT / "tests"
        if in_tests and _calls_a_builder(target, seen, depth - 1):
            return True
    return False


def _fixture_funcs(item) -> Iterator:
    info = getattr(item, "_fixtureinfo", None)
    for name in item.fixturenames:
        for fixturedef in info.name2fixturedefs.get(name, ()) if info else ():
            yield name, fixturedef.func


def pytest_collection_modifyitems(config, items):
    for item in items:
        func = getattr(item, "function", None)
        inner = getattr(getattr(func, "hypothesis", None), "inner_test", None)  # a Hypothesis test's own body
        funcs = [func, inner] + [f for _, f in _fixture_funcs(item)]
        if any(_calls_a_builder(f) for f in funcs):
            item.add_marker(pytest.mark.build)
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


_CURRENT: list = []  # the test being set up or run (for the guard in build_site)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _CURRENT.append(item)
    try:
        yield
    finally:
        _CURRENT.pop()


def _require_build_marker() -> None:
    if _CURRENT and not _CURRENT[-1].get_closest_marker("build"):
        pytest.fail(
            f"{_CURRENT[-1].nodeid} builds a site but is not marked 'build'. Call build_site or "
            "build_in_process from the test or its fixture (then the marker is found), or add "
            "@pytest.mark.build, so that 'make test-snel' stays fast."
        )


# --- building -------------------------------------------------------------------------------


def build_site(dest: Path, extra_env: dict | None = None, root: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real command `python -m wegwijzer build` (for tests of its exit status and messages)."""
    _require_build_marker()
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH, **(extra_env or {}))
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", "--site-dir", str(dest)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@contextlib.contextmanager
def _environment(changes: dict[str, str], cwd: Path) -> Iterator[None]:
    old_env, old_cwd = dict(os.environ), Path.cwd()
    os.environ.update(changes)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)


def build_in_process(dest: Path, root: Path = ROOT, extra_env: dict | None = None, *flags: str) -> Path:
    """Build a site in this process (no new Python: about two seconds less than build_site).

    The output is byte for byte that of the command (test_build_is_deterministic compares them).
    """
    from wegwijzer.tools import cli

    _require_build_marker()
    with _environment({"SOURCE_DATE_EPOCH": FIXED_EPOCH, **(extra_env or {})}, root):
        status = cli.main(["build", "--site-dir", str(dest), *flags])
    assert status == 0, f"the build of {root} failed (exit status {status}); see the output above"
    return dest


def once_per_run(name: str, tmp_path_factory, make: Callable[[Path], object]) -> Path:
    """Make a folder once per test run, also when pytest-xdist runs several workers.

    The first worker that asks makes it (under a file lock); the others wait and reuse it.
    A failure is remembered and reported by every worker, not retried.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    folder = shared / f"{name}-once"
    done = shared / f"{name}-once.json"
    with open(shared / f"{name}-once.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                try:
                    make(folder)
                    done.write_text(json.dumps({"ok": True}))
                except BaseException as exc:
                    done.write_text(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}))
                    raise
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    state = json.loads(done.read_text())
    if not state["ok"]:
        pytest.fail(f"{name} could not be made (in another worker): {state['error']}")
    return folder


GOLDEN = ROOT / "tests" / "fixtures" / "gouden"  # the golden fixture project (see tests/test_gouden.py)


def copy_golden_project(folder: Path) -> Path:
    """The golden fixture project in a fresh folder, with the theme and front-end packages linked."""
    shutil.copytree(GOLDEN, folder, ignore=shutil.ignore_patterns("verwacht", "site"))
    for name in ("overrides", "node_modules"):
        (folder / name).symlink_to(ROOT / name)
    return folder


@pytest.fixture(scope="session")
def gouden_site(tmp_path_factory) -> Path:
    """The golden fixture site: a tiny project whose data every test may count on (once per test run)."""

    def make(folder: Path) -> None:
        project = copy_golden_project(folder / "project")
        build_in_process(project / "site", project)

    return once_per_run("gouden", tmp_path_factory, make) / "project" / "site"


@pytest.fixture(scope="session")
def golden_catalog():
    """The catalogue of the golden fixture project (no build: for fast tests with known data)."""
    from wegwijzer.core.load import load_catalog

    return load_catalog(GOLDEN)


@pytest.fixture(scope="session", autouse=True)
def _fresh_word_caches():
    """Start every test run with empty caches of the B1 word checks.

    `make mutatie` runs each changed version of the code in a process forked from one that has
    already run the tests; answers cached there would hide the change.
    """
    for name, functions in (("jargon", ("compound_term",)), ("style", ("participle", "nominalisation"))):
        module = sys.modules.get(f"wegwijzer.tools.taal.rules.{name}")  # not imported: nothing cached
        for function in functions if module else ():
            getattr(module, function).cache_clear()


def pytest_addoption(parser):
    parser.addoption(
        "--verwacht-bijwerken",
        action="store_true",
        help="write the pages of the golden fixture site as the new expected output (make verwacht)",
    )


@pytest.fixture(scope="session")
def catalog():
    from wegwijzer.core.load import load_catalog

    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the shipped data: once per test run, shared by the xdist workers."""
    return once_per_run("site", tmp_path_factory, lambda folder: build_in_process(folder / "site")) / "site"


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The real site: the shipped data without the example entries (once per test run, like `site`)."""

    def make(folder: Path) -> None:
        build_in_process(folder / "site", ROOT, None, "--zonder-voorbeelden")

    return once_per_run("productie", tmp_path_factory, make) / "site"


# --- serving and Chromium -------------------------------------------------------------------


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


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# A 1x1 transparent PNG: served instead of real map tiles, so tests never use the network.
BLANK_PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))  # 1x1, 8 bits, RGBA
    + _png_chunk(b"IDAT", zlib.compress(b"\x00" + b"\x00\x00\x00\x00"))  # filter byte, one clear pixel
    + _png_chunk(b"IEND", b"")
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


def wait_for_text(page, selector: str, text: str | None = None, pattern: str | None = None) -> None:
    """Wait until the element shows ``text`` (a part of it) or matches ``pattern``.

    Not page.wait_for_function: that polls with eval, which the site's Content-Security-Policy
    forbids; Playwright's own assertions run outside the page's scripts.
    """
    import re

    from playwright.sync_api import expect

    found = expect(page.locator(selector))
    if text is not None:
        found.to_contain_text(text, timeout=30_000)
    else:
        found.to_have_text(re.compile(pattern or r"\S", re.S), timeout=30_000)
