"""A real build of the shipped data: every entry has its page, the output is deterministic and private."""

import hashlib
import re
from pathlib import Path

from markupsafe import escape

from conftest import build_site
from entries import link_site

THIRD_PARTY = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!tile\.openstreetmap\.org)[^"']+\.(?:js|css|woff2?)""")


H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def test_every_entry_has_a_page(site, catalog):
    """Each entry has its own page, with its name as the one heading, escaped as HTML text."""
    entries = list(catalog.locations.values()) + list(catalog.activities.values())
    assert any(set(e.naam) & set("&'\"<>") for e in entries), "the data needs a name like 'Dorpshuis 't Zand'"
    for entry in entries:
        html = (site / entry.url / "index.html").read_text(encoding="utf-8")
        headings = [h.replace("&shy;", "").replace("\u00ad", "") for h in H1.findall(html)]  # soft hyphens
        assert headings == [str(escape(entry.naam))], entry.id


def test_entry_page_shows_essentials_in_order(site, catalog):
    act = next(a for a in catalog.activities.values() if a.plekken and a.schema and a.kosten)
    html = (site / "aanbod" / act.id / "index.html").read_text(encoding="utf-8")
    html = html[html.index("<article") :]
    order = [
        html.index(h)
        for h in (
            "Zo kom je in contact",
            "Wat is het?",
            "Voor wie?",
            "Wanneer?",
            "Waar?",
            "Wat kost het?",
            "Aanmelden?",
            "Klopt dit?",
        )
    ]
    assert order == sorted(order)
    assert "Klopt er iets niet?" in html


def test_examples_are_labelled_and_can_be_left_out(site, catalog, production_site):
    demo = next(a for a in catalog.activities.values() if a.voorbeeld)
    real = next(a for a in catalog.activities.values() if not a.voorbeeld)
    assert "Dit item is verzonnen" in (site / "aanbod" / demo.id / "index.html").read_text(encoding="utf-8")
    assert "Dit item is verzonnen" not in (site / "aanbod" / real.id / "index.html").read_text(encoding="utf-8")
    assert not (production_site / "aanbod" / demo.id).exists()
    assert (production_site / "aanbod" / real.id / "index.html").exists()


def test_generated_pages_stay_out_of_the_navigation(site, catalog):
    act = next(iter(catalog.activities.values()))
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index("md-nav--primary") : home.index("md-sidebar--secondary")]
    assert f"aanbod/{act.id}/" not in nav
    assert nav.count("<li") < 80


def test_no_third_party_requests_in_html(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert not THIRD_PARTY.search(html), (page, THIRD_PARTY.search(html).group(0))


def test_dutch_interface(site):
    assert '<html lang="nl"' in (site / "index.html").read_text(encoding="utf-8")


def _digest(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_is_deterministic(site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first, second = _digest(site), _digest(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_build_fails_clearly_on_bad_entries(tmp_path):

    from entries import offer, place, write_project

    project = tmp_path / "project"
    write_project(project, {"a": place(soort="kasteel")}, {"b": offer(plekken=["a"], doelgroep=["x"])})
    link_site(project, ("content", "overrides", "mkdocs.yml"))
    result = build_site(tmp_path / "out", root=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "locations/a.yaml" in result.stderr and "activities/b.yaml" in result.stderr
