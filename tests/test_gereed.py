"""`wegwijzer gereed` and /redactie/gereed/: is the real site ready to go live?"""

from __future__ import annotations

import pytest

from entries import offer, place, write_project
from test_contact import GEMEENTEN, gemeenten_file
from wegwijzer.core import gemeenten as gemeenten_module
from wegwijzer.tools.cli import main

READY_CONFIG = """\
site_name: Test
site_url: https://wegwijzer.test/
docs_dir: content
plugins:
  - wegwijzer:
      beheer_repo: https://github.com/voorbeeld/wegwijzer-data
      melden_email: redactie@wegwijzer.test
      tile_url: https://tegels.wegwijzer.test/{z}/{x}/{y}.png
"""

# One real place in every gemeente: (gemeente, woonkern, lat, lon)
PLACES = {
    "plek-den-helder": ("den-helder", "den-helder-stad", 52.957, 4.76),
    "plek-hollands-kroon": ("hollands-kroon", "anna-paulowna", 52.864, 4.833),
    "plek-schagen": ("schagen", "schagen-stad", 52.787, 4.799),
    "plek-texel": ("texel", "den-burg", 53.054, 4.797),
}


def run(args, capsys) -> tuple[int, str, str]:
    code = main(["gereed", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_shipped_data_is_not_ready_and_says_why(capsys, catalog):
    code, out, _ = run([], capsys)
    assert code == 0
    assert "## Nog nodig om live te gaan" in out
    for setting in ("**site_url**", "**melden_email**", "**beheer_repo**", "**tile_url**"):
        assert setting in out
    for gemeente in ("Den Helder", "Hollands Kroon", "Schagen", "Texel"):
        assert f"**gemeenten.yaml: {gemeente}**" in out  # the wijkteam or loket is not filled in yet
    real = [e for e in catalog.entries() if not e.voorbeeld]
    own = sum(1 for e in real if e.contact and (e.contact.telefoon or e.contact.email or e.contact.website))
    assert f"{own} van de {len(real)} items hebben eigen contactgegevens" in out
    assert f"Voorbeelden in de gegevens: {len(catalog.entries()) - len(real)}." in out
    assert "| **Texel** |" in out


def test_strict_fails_while_something_is_missing(capsys):
    code, _, err = run(["--streng"], capsys)
    assert code == 1
    assert "Niet klaar: er ontbreken nog" in err


@pytest.fixture
def ready_project(tmp_path, monkeypatch):
    places = {
        pid: place(naam=f"Buurthuis {pid}", gemeente=g, woonkern=k, coordinaten={"lat": lat, "lon": lon})
        for pid, (g, k, lat, lon) in PLACES.items()
    }
    write_project(tmp_path, places, {"taalcafe-test": offer(plekken=["plek-den-helder"])})
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(READY_CONFIG, encoding="utf-8")
    lokets = {g: {"website": f"https://www.{g.replace('-', '')}.nl/wijkteam"} for g in GEMEENTEN}
    monkeypatch.setattr(gemeenten_module, "GEMEENTEN_FILE", gemeenten_file(tmp_path, lokets))
    monkeypatch.delenv("WEGWIJZER_SITE_URL", raising=False)
    return tmp_path


def test_strict_passes_when_everything_is_there(ready_project, capsys):
    code, out, _ = run(["--streng", "--root", str(ready_project)], capsys)
    assert code == 0, out
    assert "## Alles is klaar om live te gaan" in out
    assert "- 4 echte plekken en 1 keer echt aanbod." in out
    assert "| Anna Paulowna | 1 | 0 | 1 van 1 | 0 | 1 van 1 | 0 van 1 |" in out


def test_one_missing_setting_is_enough_to_fail(ready_project, capsys):
    config = ready_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("beheer_repo:", "# beheer_repo:"), encoding="utf-8")
    code, out, _ = run(["--streng", "--root", str(ready_project)], capsys)
    assert code == 1
    assert "**beheer_repo**" in out and "**site_url**" not in out


def test_a_gemeente_without_a_real_place_is_not_ready(ready_project, capsys):
    (ready_project / "locations/plek-texel.yaml").unlink()
    code, _, _ = run(["--streng", "--root", str(ready_project), "--uit", str(ready_project / "gereed.md")], capsys)
    assert code == 1
    text = (ready_project / "gereed.md").read_text(encoding="utf-8")
    assert "**plekken in Texel**" in text and "Den Burg" in text.split("## Woonkernen zonder plek")[1]


def test_readiness_page(site):
    html = (site / "redactie/gereed/index.html").read_text(encoding="utf-8")
    assert "<h1>Klaar voor de echte site?</h1>" in html
    assert "Nog nodig om live te gaan" in html and "<strong>site_url</strong>" in html
    assert "<title>Klaar voor de echte site?" in html
