"""Accessibility gate: axe-core in Chromium over every page type, zero violations.

Rules: WCAG 2.0, 2.1 and 2.2 level A and AA, plus axe's best practices. Pages are
checked at phone size (360x640) and, for the home page and an entry page, at desktop
size too (Material shows other parts there). axe runs from node_modules (make install).
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, offline
from pagetypes import NAMES, visit
from statement_results import record

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def tab(browser):
    """One browser tab reused for all page types (fast); outside requests never leave the machine."""
    if not AXE.exists():
        pytest.fail("axe-core ontbreekt in node_modules. Draai eerst make install.")
    # bypass_csp: axe is added as an inline script, which the site's Content-Security-Policy forbids.
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL", bypass_csp=True)
    offline(context)
    page = context.new_page()
    yield page
    context.close()


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                          why: (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)}))}));
        }""",
        TAGS,
    )


def readable(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}x)")
        for n in v["nodes"][:4]:
            lines.append(f"    at {n['target']}\n      {n['html']}\n      {n['why']}")
    return "\n".join(lines)


def known_issue(violations: list[dict]) -> bool:
    """Overlapping markers on the small area maps (WCAG 2.2, 2.5.8 target size).

    Known and reported to the maps owner: area maps should cluster markers that overlap.
    Only this exact fault is let through (as xfail); any other violation fails.
    """
    return bool(violations) and all(
        v["id"] == "target-size" and all("leaflet-marker-icon" in n["html"] for n in v["nodes"]) for v in violations
    )


@pytest.mark.parametrize("name", NAMES)
def test_no_axe_violations_on_a_phone(tab, server, site, name):
    url = visit(tab, server, site, name)
    violations = run_axe(tab)
    record("axe", name, sum(len(v["nodes"]) for v in violations))
    if known_issue(violations):
        pytest.xfail("overlapping map markers are too small to tap (WCAG 2.5.8): " + readable(url, violations))
    assert not violations, readable(url, violations)


@pytest.mark.parametrize("name", ["home", "aanbod", "zoeken"])
def test_no_axe_violations_on_a_desktop(tab, server, site, name):
    tab.set_viewport_size({"width": 1280, "height": 900})
    try:
        url = visit(tab, server, site, name)
        violations = run_axe(tab)
        record("axe", name, sum(len(v["nodes"]) for v in violations), variant="desktop")
    finally:
        tab.set_viewport_size({"width": 360, "height": 640})
    assert not violations, readable(url, violations)


def test_axe_finds_a_real_problem(tab, server):
    """The gate itself works: a page with a known fault fails."""
    tab.goto(server)
    tab.evaluate("document.documentElement.removeAttribute('lang')")
    ids = {v["id"] for v in run_axe(tab)}
    assert "html-has-lang" in ids, json.dumps(sorted(ids))
