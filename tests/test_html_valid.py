"""Valid HTML: the Nu Html Checker (vnu, from node_modules) over every page type: zero errors.

vnu runs once, in one JVM, over one page of each type (the largest) plus a sample of
the other pages. Java comes from Debian (make test installs it when it is missing).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from pagetypes import NAMES, page_or_skip, pages
from statement_results import record

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SAMPLE_EVERY = 10  # besides one page per type, every tenth HTML file of the site


KNOWN_BAD = (
    '<!doctype html><html lang="nl"><head><title>x</title></head>'
    '<body><label for="bestaat-niet">x</label><p><div></p></body></html>'
)


@pytest.fixture(scope="module")
def vnu_messages(site, tmp_path_factory) -> dict[str, list[dict]]:
    """file (relative to the site) -> vnu errors, for all checked files.

    A page with known faults is checked in the same run (key "KNOWN_BAD"), to prove the gate works.
    """
    if not VNU.exists():
        pytest.fail("vnu.jar ontbreekt in node_modules. Draai eerst make install.")
    java = shutil.which("java")
    if not java:
        pytest.fail("Java ontbreekt (nodig voor de HTML-controle). Draai make test: dat installeert het.")
    files = set(pages(site).values())
    files |= set(sorted(site.rglob("*.html"))[::SAMPLE_EVERY])
    files = sorted(files)
    bad = tmp_path_factory.mktemp("vnu") / "kapot.html"
    bad.write_text(KNOWN_BAD, encoding="utf-8")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files), str(bad)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    out: dict[str, list[dict]] = {f.relative_to(site).as_posix(): [] for f in files}
    for msg in report["messages"]:
        rel = Path(msg.get("url", "").removeprefix("file:")).resolve()
        try:
            key = rel.relative_to(site.resolve()).as_posix()
        except ValueError:
            key = "KNOWN_BAD" if rel == bad.resolve() else msg.get("url", "?")
        out.setdefault(key, []).append(msg)
    return out


def readable(file: str, messages: list[dict]) -> str:
    lines = [f"{len(messages)} HTML error(s) in {file}:"]
    for m in messages[:15]:
        extract = " ".join(m.get("extract", "").split())[:140]
        lines.append(f"- line {m.get('lastLine')}: {m['message']}\n    {extract}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", NAMES)
def test_page_type_is_valid_html(site, vnu_messages, name):
    file = page_or_skip(site, name).relative_to(site).as_posix()
    errors = vnu_messages[file]
    record("vnu", name, len(errors))
    assert not errors, readable(file, errors)


def test_sample_of_all_pages_is_valid_html(vnu_messages):
    pages_checked = {f: m for f, m in vnu_messages.items() if f != "KNOWN_BAD"}
    assert len(pages_checked) >= 20
    bad = {f: m for f, m in pages_checked.items() if m}
    assert not bad, "\n".join(readable(f, m) for f, m in sorted(bad.items()))


def test_checker_finds_a_real_error(vnu_messages):
    """The gate works: the page with a known fault is reported."""
    messages = vnu_messages.get("KNOWN_BAD", [])
    assert any("for" in m["message"] for m in messages), messages
    assert any("div" in m["message"] for m in messages), messages
