"""Checks for the programme-plan pages in content/plan (GitHub issue 7).

Everything is read from the files on disk; nothing is built.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "content"
PLAN = DOCS / "plan"
LIJSTEN = ROOT / "scripts" / "wegwijzer" / "data" / "lijsten.yaml"

# project id -> (folder under content/plan/projecten, ambitie)
PROJECTS = {
    "1a": ("1a-financiele-educatie", 1),
    "1b": ("1b-praktijkleren", 1),
    "1c": ("1c-ketenaanpak-veiligheid-en-zorg", 1),
    "2a": ("2a-samen-leven-in-wijk-en-buurt", 2),
    "2b": ("2b-werkgevers-en-arbeidspotentieel", 2),
    "2c": ("2c-simpel-switchen", 2),
    "2d": ("2d-nieuwkomers-sneller-aan-het-werk", 2),
    "2e": ("2e-oud-en-jong-samen-actief", 2),
    "huis-van-de-kop": ("huis-van-de-kop", 3),
    "kop-in-beeld": ("kop-in-beeld", 3),
    "wegwijzer-van-de-kop": ("wegwijzer-van-de-kop", 3),
    "4a": ("4a-jouw-netwerk-jouw-kracht", 4),
    "4b": ("4b-collectief-tenzij", 4),
    "6a": ("6a-wijkteam-direct", 6),
    "6b": ("6b-effectief-en-efficient-beschikken", 6),
    "6c": ("6c-van-zorgen-voor-naar-helpen-bij", 6),
}
PROGRAMMES = sorted({ambitie for _, ambitie in PROJECTS.values()})

FAQ_QUESTIONS = [
    "Welk probleem lossen we op?",
    "Hoeveel inwoners hebben ermee te maken?",
    "Waarom regionaal?",
    "Wat is de rol van de gemeenten?",
]
PROJECT_SECTIONS = [
    "Waarom dit project?",
    "Wat willen we bereiken?",
    "Wat gaan we doen?",
    "Planning",
    "Wie doen er mee?",
]
# The plan gives no steps or phases for 6a: it refers to the programme
# "Toegang en lokale teams", which is not part of the source text.
NO_TIMELINE = {"6a"}

MAX_WORDS = 20


# ---------------------------------------------------------------- helpers


def split_front_matter(text):
    """Return (front matter dict, body) of a Markdown file."""
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, text[match.end() :]


def read(path):
    return split_front_matter(path.read_text(encoding="utf-8"))


def project_page(pid):
    return PLAN / "projecten" / PROJECTS[pid][0] / "index.md"


def faq_page(pid):
    return PLAN / "projecten" / PROJECTS[pid][0] / "vragen.md"


def headings(body):
    return [m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", body, re.M)]


LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def md_links(body):
    """Relative link targets in Markdown link syntax, without #anchors."""
    targets = []
    for target in LINK.findall(body):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue
        targets.append(target.split("#", 1)[0])
    return targets


def resolves_to(source, target):
    return (source.parent / target).resolve()


def theme_ids():
    if LIJSTEN.exists():
        data = yaml.safe_load(LIJSTEN.read_text(encoding="utf-8"))
        return set(data["themas"])
    return {
        "ontmoeten",
        "gezondheid",
        "je-goed-voelen",
        "geld",
        "werk-en-leren",
        "taal",
        "digitaal",
        "opvoeden-en-opgroeien",
        "mantelzorg",
        "wonen",
        "vervoer",
        "vrijwilligerswerk",
        "scheiden",
    }


def generated_pages():
    """Pages the site generates at build time (no file in content/): lists, themes, offers and guides."""
    offers = {f"aanbod/{p.stem}.md" for p in (ROOT / "activities").glob("*.yaml")}
    guides = {f"gids/{p.stem}.md" for p in (DOCS / "gids").glob("*.md")}
    return {"plekken.md", "aanbod.md", "gids.md"} | {f"thema/{t}.md" for t in theme_ids()} | offers | guides


# ------------------------------------------------------ sentence splitter

LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def prose_units(body):
    """Yield blocks of running text: paragraphs, list items, table cells, HTML text.

    Headings, code, front matter and empty lines end a block and are not returned.
    """
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    body = re.sub(r"^(```|~~~).*?^\1\s*$", "", body, flags=re.S | re.M)
    units, current = [], []

    def flush():
        if current:
            units.append(" ".join(current))
            current.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            flush()
            continue
        if line.startswith("|"):
            flush()
            units.extend(cell for cell in line.strip("|").split("|") if cell.strip())
            continue
        if LIST_MARKER.match(line) or line.startswith(("<", ">")):
            flush()
            line = LIST_MARKER.sub("", line.lstrip("> "))
        current.append(line)
    flush()
    return units


def clean(text):
    text = re.sub(r"<[^>]+>", " ", text)  # HTML tags
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", " ", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links -> link text
    text = re.sub(r"\{:?[^}]*\}", " ", text)  # attribute lists
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)  # bare URLs
    text = re.sub(r"[*_`]+", "", text)  # emphasis and code marks
    text = text.replace("&nbsp;", " ")
    return re.sub(r"\s+", " ", text).strip()


def sentences(body):
    for unit in prose_units(body):
        for sentence in re.split(r"(?<=[.!?…])\s+", clean(unit)):
            if sentence:
                yield sentence


def word_count(sentence):
    return len(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", sentence))


def plan_files():
    return sorted(PLAN.rglob("*.md"))


# ------------------------------------------------------------------ tests


def test_plan_folder_has_pages():
    assert (PLAN / "index.md").exists()
    assert (PLAN / "impact.md").exists()


@pytest.mark.parametrize("pid", PROJECTS)
def test_project_page(pid):
    path = project_page(pid)
    assert path.exists(), f"missing page for project {pid}: {path}"
    meta, body = read(path)
    assert meta.get("title")
    assert str(meta.get("project")) == pid
    assert meta.get("ambitie") == PROJECTS[pid][1]
    found = headings(body)
    for section in PROJECT_SECTIONS:
        assert section in found, f"{pid}: section '{section}' missing"
    if pid not in NO_TIMELINE:
        assert 'class="tijdlijn"' in body, f"{pid}: planning has no timeline figure"


@pytest.mark.parametrize("pid", PROJECTS)
def test_faq_page(pid):
    path = faq_page(pid)
    assert path.exists(), f"missing FAQ for project {pid}: {path}"
    meta, body = read(path)
    assert meta.get("faq") is True
    assert str(meta.get("project")) == pid
    assert meta.get("ambitie") == PROJECTS[pid][1]
    assert meta.get("title")
    found = headings(body)
    for question in FAQ_QUESTIONS:
        assert question in found, f"{pid}: FAQ question '{question}' missing"


@pytest.mark.parametrize("pid", PROJECTS)
def test_page_and_faq_link_both_ways(pid):
    page, faq = project_page(pid), faq_page(pid)
    page_links = {resolves_to(page, t) for t in md_links(read(page)[1])}
    faq_links = {resolves_to(faq, t) for t in md_links(read(faq)[1])}
    assert faq.resolve() in page_links, f"{pid}: project page does not link to its FAQ"
    assert page.resolve() in faq_links, f"{pid}: FAQ does not link to its project page"


@pytest.mark.parametrize("ambitie", PROGRAMMES)
def test_programme_page_has_praatplaat_and_links_projects(ambitie):
    path = PLAN / f"ambitie-{ambitie}.md"
    assert path.exists()
    meta, body = read(path)
    assert meta.get("title")
    assert 'class="praatplaat"' in body, f"ambitie {ambitie}: no praatplaat"
    links = {resolves_to(path, t) for t in md_links(body)}
    for pid, (_, project_ambitie) in PROJECTS.items():
        if project_ambitie == ambitie:
            assert project_page(pid).resolve() in links, f"ambitie {ambitie}: no link to {pid}"


def test_overview_links_every_programme():
    path = PLAN / "index.md"
    links = {resolves_to(path, t) for t in md_links(read(path)[1])}
    for ambitie in PROGRAMMES:
        assert (PLAN / f"ambitie-{ambitie}.md").resolve() in links


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: str(p.relative_to(PLAN)))
def test_relative_links_resolve(path):
    """Links point to a file in content/ or to a page the site generates at build time."""
    generated = generated_pages()
    for target in md_links(read(path)[1]):
        resolved = resolves_to(path, target)
        if resolved.exists():
            continue
        try:
            relative = resolved.relative_to(DOCS.resolve()).as_posix()
        except ValueError:
            relative = None
        assert relative in generated, f"{path.name}: broken link {target}"


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: str(p.relative_to(PLAN)))
def test_no_sentence_longer_than_20_words(path):
    _, body = read(path)
    too_long = [s for s in sentences(body) if word_count(s) > MAX_WORDS]
    assert not too_long, f"{path.name}: sentences over {MAX_WORDS} words: {too_long}"


def test_sentence_splitter():
    body = (
        "---\ntitle: Een titel met heel veel woorden die niet mee mogen tellen hier\n---\n"
        "# Een kop telt niet mee, ook niet als die heel erg lang is en doorgaat en doorgaat\n\n"
        "Eerste zin. Tweede zin met een [link](../../aanbod.md)!\n"
        "Deze zin loopt door\nop de volgende regel.\n\n"
        "- Een punt zonder punt\n- Nog een punt.\n\n"
        '<p class="x">Tekst in <strong>HTML</strong>.</p>\n'
    )
    _, rest = split_front_matter(body)
    assert list(sentences(rest)) == [
        "Eerste zin.",
        "Tweede zin met een link!",
        "Deze zin loopt door op de volgende regel.",
        "Een punt zonder punt",
        "Nog een punt.",
        "Tekst in HTML .",
    ]
    assert word_count("Het Huis van de Kop is er voor 1000 inwoners.") == 10


# ------------------------------------------------ issue 21: chapter 3 and corrections


@pytest.mark.parametrize("ambitie", PROGRAMMES)
def test_programme_page_says_what_is_already_there_with_links_to_entries(ambitie):
    """Chapter 3 of every programme ("Huidige stand van zaken en lopende initiatieven")."""
    path = PLAN / f"ambitie-{ambitie}.md"
    _, body = read(path)
    assert "Wat is er al?" in headings(body), f"ambitie {ambitie}: hoofdstuk 3 ontbreekt"
    entries = [t for t in md_links(body) if t.startswith("../aanbod/")]
    assert entries, f"ambitie {ambitie}: geen link naar een initiatief"
    for target in entries:
        assert (ROOT / "activities" / (Path(target).stem + ".yaml")).exists(), target


def test_the_plan_corrections_stay_corrected():
    pages = {p.relative_to(DOCS).as_posix(): read(p)[1] for p in DOCS.rglob("*.md")}
    everything = "\n".join(pages.values())
    assert "vaste werkplek" not in everything and "duurzame werkplek" in pages["plan/ambitie-2.md"]
    assert "fase 1 en fase 2" in pages["plan/projecten/1b-praktijkleren/index.md"]
    assert "heet ook De Wegwijzer" not in everything
    assert "Deze website is een proef" in pages["plan/projecten/wegwijzer-van-de-kop/index.md"]
    assert "minstens 1000" not in everything.lower()
    assert "gratis of goedkoop" not in pages["index.md"]
    assert "groepen die samen wandelen" not in pages["plan/ambitie-4.md"]
    # the plan spells Incluzio in two wrong ways; the site uses the real name, and says so once
    wrong = [line for line in everything.splitlines() if "Inluzio" in line or "Includio" in line]
    assert len(wrong) == 1 and "De organisatie heet Incluzio" in wrong[0]
