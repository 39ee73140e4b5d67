"""Life-event guides ("informatiepakketten"): one Markdown file per guide in ``content/gids/``.

A guide is written from the resident's side ("Ik heb geldzorgen"). Its file has two parts:

- the front matter: the structured part (themes, audiences, hand-picked offers, helplines, the
  dimensions of Positieve Gezondheid) and why the guide exists (``aanleiding`` and ``signalen``:
  what De Kop in Beeld noticed, where, when and by whom). The reason is for editors only.
- the body, in B1: a ``#`` title, one short paragraph, then ``##`` sections. Two are required:
  "Wat kun je zelf doen?" and "De eerste stap". "Vragen" holds questions as ``###`` headings.
  In a guide with ``per_onderdeel: true`` a section named after a dimension of Positieve
  Gezondheid ("## Meedoen") gets the offers that help with it.

``load_guides`` reads every guide and checks it against the catalogue (every problem at once, in
Dutch, with file, line and field). The catalogue holds the guides (``Catalog.guides``); the site
makes the pages from them (``site.guides``), never from the file. MkDocs does not render these
files itself (``exclude_docs`` in mkdocs.yml); the B1 gate reads them like any content page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from pydantic import Field, ValidationError, field_validator

from wegwijzer.core import guard, text, vocab, yamlsafe
from wegwijzer.core.files import FileProblem, check_inside, read_limited
from wegwijzer.core.messages import field_label, suggest, translate
from wegwijzer.core.model import ID_RE, Id, Line, Strict, Text, _not_future
from wegwijzer.core.problems import Problem
from wegwijzer.core.vocab import Dimension, choice_type

if TYPE_CHECKING:
    from wegwijzer.core.catalog import Catalog

    Theme: TypeAlias = str
    Audience: TypeAlias = str
else:
    Theme = choice_type("themas")
    Audience = choice_type("doelgroepen")

GUIDE_DIR = Path("content") / "gids"  # relative to the project
SELF = "Wat kun je zelf doen?"
FIRST_STEP = "De eerste stap"
QUESTIONS = "Vragen"
REQUIRED_SECTIONS = (SELF, FIRST_STEP)
MAX_BYTES = 64 * 1024
MAX_PICKED = 40  # hand-picked offers of one guide (a guide shows a short list, never the catalogue)
MAX_SIGNALS = 50


# --- the front matter -------------------------------------------------------------------------


class Signal(Strict):
    """A signal from De Kop in Beeld that this guide answers. Shown on the editors' page only."""

    gebied: list[Id] = Field(min_length=1, max_length=20, description="Ids van de wijk, woonkern of gemeente.")
    wat: Text = Field(max_length=400, description="Wat er werd opgemerkt, in een paar zinnen.")
    wanneer: dt.date = Field(description="Wanneer het werd opgemerkt (JJJJ-MM-DD).")
    door: Line = Field(max_length=160, description="Wie het opmerkte: de rol in De Kop in Beeld.")
    bron: Line | None = Field(None, max_length=400, description="Waar het staat: een verslag of een gesprek.")
    voorbeeld: bool = Field(False, description="true als dit signaal verzonnen is om de site te laten zien.")

    _past = field_validator("wanneer")(classmethod(lambda cls, value: _not_future(value)))


class GuideMeta(Strict):
    """The front matter of a guide."""

    volgorde: int = Field(100, ge=0, le=999, description="Plaats in de lijst van gidsen: laag eerst.")
    themas: list[Theme] = Field(default_factory=list, description="Thema's van het aanbod dat de gids kiest.")
    doelgroepen: list[Audience] = Field(default_factory=list, description="Alleen aanbod voor deze doelgroepen.")
    gezondheid: list[Dimension] = Field(default_factory=list, description="Onderdelen van Positieve Gezondheid.")
    per_onderdeel: bool = Field(False, description="true: kies aanbod per onderdeel van Positieve Gezondheid.")
    aanbod: list[Id] = Field(
        default_factory=list, max_length=MAX_PICKED, description="Ids van aanbod dat altijd eerst komt."
    )
    hulplijnen: list[Id] = Field(
        default_factory=list, max_length=MAX_PICKED, description="Ids van landelijke hulplijnen die passen."
    )
    aanleiding: Text = Field(max_length=600, description="Waarom deze gids er is (voor de redactie).")
    bron: Line = Field(max_length=600, description="Waar de aanleiding staat, bijvoorbeeld een deel van het plan.")
    signalen: list[Signal] = Field(
        default_factory=list, max_length=MAX_SIGNALS, description="Signalen uit De Kop in Beeld."
    )
    beheerder: Line = Field(max_length=120, description="Wie deze gids bijhoudt.")


# --- the body ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    vraag: str
    antwoord: str  # Markdown (the entry subset, core.text)


@dataclass(frozen=True)
class Section:
    titel: str
    anchor: str
    tekst: str  # Markdown (the entry subset, core.text)
    vragen: tuple[Question, ...] = ()
    dimensie: str = ""  # a dimension of Positieve Gezondheid whose offers follow this section

    @property
    def html(self):
        return text.render(self.tekst)


@dataclass
class Guide:
    id: str
    source: str  # the file, relative to the project: content/gids/<id>.md
    meta: GuideMeta
    titel: str
    intro: str
    sections: list[Section] = field(default_factory=list)

    @property
    def url(self) -> str:
        from wegwijzer.core.urls import url_for

        return url_for("gids", self.id)

    def section(self, titel: str) -> Section | None:
        return next((s for s in self.sections if s.titel == titel), None)

    @property
    def questions(self) -> tuple[Question, ...]:
        found = self.section(QUESTIONS)
        return found.vragen if found else ()

    @property
    def body_sections(self) -> list[Section]:
        """The sections shown as text, in file order (the questions have their own place)."""
        return [s for s in self.sections if s.titel != QUESTIONS]

    def signals(self, include_examples: bool) -> list[Signal]:
        return [s for s in self.meta.signalen if include_examples or not s.voorbeeld]


_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
_COMMENT = re.compile(r"<!--.*?-->")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def anchor(title: str) -> str:
    return vocab.slug(title) or "deel"


class _Body:
    """Reads the body: the title, the intro and the sections (with their questions)."""

    def __init__(self, rel: str, first_line: int):
        self.rel = rel
        self.first_line = first_line
        self.problems: list[Problem] = []
        self.title = ""
        self.intro: list[str] = []
        self.sections: list[tuple[str, int, list[str], list[tuple[str, list[str]]]]] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.rel, line, "", message))

    def heading(self, line: int, level: int, title: str) -> None:
        if level == 1:
            if self.title:
                self.problem(line, "Er staat al een titel (#). Een gids heeft één titel; maak hiervan een ## kop.")
            self.title = title
        elif level == 2:
            self.sections.append((title, line, [], []))
        elif not self.sections or self.sections[-1][0] != QUESTIONS:
            self.problem(line, f"Een ### kop mag alleen onder '## {QUESTIONS}' staan: één vraag per kop.")
        else:
            self.sections[-1][3].append((title, []))

    def line(self, raw: str) -> None:
        if not self.sections:
            self.intro.append(raw)
        elif self.sections[-1][3]:
            self.sections[-1][3][-1][1].append(raw)
        else:
            self.sections[-1][2].append(raw)

    def read(self, body: str) -> None:
        for i, raw in enumerate(body.split("\n")):
            raw = _COMMENT.sub("", raw) if "<!--" in raw else raw  # '<!-- taal-ok: ... -->' is for the B1 gate
            problem = guard.text_problem(raw)
            if problem:
                self.problem(self.first_line + i, problem)
            match = _HEADING.match(raw)
            if match:
                self.heading(self.first_line + i, len(match.group(1)), match.group(2))
            elif raw.lstrip().startswith("#") and raw.strip("#").strip() and not raw.lstrip().startswith("#["):
                self.problem(self.first_line + i, "Een kop met vier of meer # kan niet. Gebruik ## of ###.")
            else:
                self.line(raw)


def _joined(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _sections(body: _Body, meta: GuideMeta | None) -> list[Section]:
    labels = {vocab.label("gezondheid", d).casefold(): d for d in vocab.keys("gezondheid")}
    out = []
    for title, line, lines, questions in body.sections:
        dimension = labels.get(title.casefold(), "") if meta and meta.per_onderdeel else ""
        asked = tuple(Question(q, _joined(a)) for q, a in questions)
        if title == QUESTIONS and not asked:
            body.problem(line, f"Onder '## {QUESTIONS}' hoort minstens één vraag (### kop) met het antwoord.")
        for q in asked:
            if not q.antwoord:
                body.problem(line, f"De vraag '{q.vraag}' heeft geen antwoord. Schrijf het antwoord onder de vraag.")
        out.append(Section(title, dimension or anchor(title), _joined(lines), asked, dimension))
    return out


def _check_body(body: _Body, sections: list[Section], meta: GuideMeta | None) -> None:
    if not body.title:
        body.problem(body.first_line, "De gids heeft geen titel. Zet bovenaan de tekst een regel met # en de titel.")
    if not _joined(body.intro):
        body.problem(body.first_line, "Zet onder de titel één korte alinea: waar gaat deze gids over?")
    elif len(_joined(body.intro)) > 300:
        body.problem(body.first_line, "De alinea onder de titel is te lang. Schrijf hoogstens 300 tekens.")
    titles = [s.titel for s in sections]
    for needed in REQUIRED_SECTIONS:
        if needed not in titles:
            body.problem(body.first_line, f"De kop '## {needed}' ontbreekt. Elke gids heeft die kop.")
    if meta and meta.per_onderdeel:
        have = {s.dimensie for s in sections if s.dimensie}
        for d in meta.gezondheid:
            if d not in have:
                body.problem(
                    body.first_line,
                    f"De kop '## {vocab.label('gezondheid', d)}' ontbreekt: bij per_onderdeel hoort elk onderdeel "
                    "uit 'gezondheid' een eigen kop.",
                )


# --- reading one file -------------------------------------------------------------------------


def _front(raw: str, rel: str) -> tuple[yamlsafe.Document | None, str, int, list[Problem]]:
    """The front matter as a YAML document, the body, and the line the body starts on."""
    match = FRONT_MATTER.match(raw)
    if not match:
        message = "Bovenaan de gids hoort een blok tussen twee regels met --- (de gegevens van de gids)."
        return None, raw, 1, [Problem(rel, 1, "", message)]
    body_line = raw[: match.end()].count("\n") + 1
    try:
        doc = yamlsafe.parse(match.group(1) or "", rel, max_line=guard.MAX_LINE_CHARS)
    except yamlsafe.YamlProblem as exc:
        return None, raw[match.end() :], body_line, [Problem(rel, (exc.line or 0) + 1, exc.field, exc.message)]
    doc.lines = {k: v + 1 for k, v in doc.lines.items()}  # the front matter starts on line 2
    return doc, raw[match.end() :], body_line, []


def _meta(doc: yamlsafe.Document, rel: str) -> tuple[GuideMeta | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        return None, [Problem(rel, 2, "", "Het blok bovenaan moet velden bevatten, zoals 'themas: [geld]'.")]
    try:
        return GuideMeta.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc, message = translate(err, "gids", GuideMeta)
            problems.append(Problem(rel, doc.line_of(loc), field_label(loc), message))
        return None, problems


def _read_text(path: Path, rel: str, root: Path) -> tuple[str | None, list[Problem]]:
    """The text of a guide file: a regular file inside the project, at most MAX_BYTES, UTF-8.

    Like the build (``site.security``), content/ itself may be a link (tests and the benchmark link it
    into a temporary project); a file or folder inside it may not lead out of it.
    """
    try:
        check_inside(path, [root, root / "content"])
        raw = read_limited(path, MAX_BYTES)
    except FileProblem as exc:
        return None, [Problem(rel, None, "", exc.message)]
    try:
        text_ = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(rel, line, "", "Het bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8.")]
    return text_.replace("\r\n", "\n"), []


def read_guide(path: Path, rel: str, root: Path) -> tuple[Guide | None, yamlsafe.Document | None, list[Problem]]:
    """One guide file: the guide (None when its front matter is wrong), the front matter (for line numbers)
    and its problems. A guide with problems is returned too, so the checks against the catalogue still run."""
    raw, problems = _read_text(path, rel, root)
    if raw is None:
        return None, None, problems
    doc, body_text, body_line, problems = _front(raw, rel)
    meta = None
    if doc is not None:
        meta, found = _meta(doc, rel)
        problems += found
    body = _Body(rel, body_line)
    body.read(body_text)
    sections = _sections(body, meta)
    _check_body(body, sections, meta)
    problems += body.problems
    if meta is None:
        return None, doc, problems
    # Also with mistakes in the text: the ids in the front matter are checked in the same run.
    return Guide(path.stem, rel, meta, body.title, _joined(body.intro), sections), doc, problems


# --- checks against the catalogue ----------------------------------------------------------------


def _line(doc: yamlsafe.Document, *path: str | int) -> int | None:
    return doc.line_of(tuple(path))


def _check_offers(guide: Guide, doc: yamlsafe.Document, cat: Catalog) -> list[Problem]:
    problems = []
    ids = sorted(cat.activities)
    for name in ("aanbod", "hulplijnen"):
        for i, oid in enumerate(getattr(guide.meta, name)):
            path = (name, i)
            act = cat.activities.get(oid)
            if act is None:
                hint = suggest(oid, ids)
                message = f"Er is geen aanbod met id '{oid}'.{hint} Een id is de naam van een bestand in activities/."
            elif act.voorbeeld:
                message = f"'{oid}' is een voorbeeld. Een gids wijst alleen naar echt aanbod."
            elif name == "hulplijnen" and not (act.contact and act.contact.telefoon):
                message = f"'{oid}' heeft geen eigen telefoonnummer. Een hulplijn heeft een nummer om te bellen."
            else:
                continue
            problems.append(Problem(guide.source, _line(doc, *path), field_label(path), message))
    return problems


def _check_signals(guide: Guide, doc: yamlsafe.Document, cat: Catalog) -> list[Problem]:
    problems = []
    areas = sorted(cat.region.areas)
    for i, signal in enumerate(guide.meta.signalen):
        for j, area in enumerate(signal.gebied):
            if area not in cat.region.areas:
                path = ("signalen", i, "gebied", j)
                message = f"'{area}' is geen wijk, woonkern of gemeente.{suggest(area, areas)}"
                problems.append(Problem(guide.source, _line(doc, *path), field_label(path), message))
    if not guide.meta.themas and not guide.meta.gezondheid and not guide.meta.aanbod:
        message = "Vul 'themas' in (of 'gezondheid' of 'aanbod'), zodat de gids aanbod kan kiezen."
        problems.append(Problem(guide.source, 2, "themas", message))
    return problems


def check_guide(guide: Guide, doc: yamlsafe.Document, cat: Catalog) -> list[Problem]:
    return _check_offers(guide, doc, cat) + _check_signals(guide, doc, cat)


def load_guides(root: Path, cat: Catalog) -> tuple[dict[str, Guide], list[Problem]]:
    """Every guide under root/content/gids, checked against the catalogue; every problem at once."""
    folder = root / GUIDE_DIR
    guides: dict[str, Guide] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return guides, problems
    for path in sorted(folder.iterdir()):
        rel = (GUIDE_DIR / path.name).as_posix()
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if path.suffix == ".md":
                problems.append(Problem(rel, None, "", "Dit is een map, geen bestand. Een gids is één bestand (.md)."))
            continue
        if path.suffix != ".md":
            problems.append(Problem(rel, None, "", "Dit bestand hoort hier niet. Een gids eindigt op .md."))
            continue
        if not ID_RE.match(path.stem):
            message = f"Deze naam kan niet. Gebruik kleine letters, cijfers en streepjes: {vocab.slug(path.stem)}.md."
            problems.append(Problem(rel, None, "", message))
            continue
        guide, doc, found = read_guide(path, rel, root)
        if guide is not None and doc is not None:
            found += check_guide(guide, doc, cat)
            if not any(not p.warning for p in found):
                guides[guide.id] = guide
        problems += found
    ordered = sorted(guides.values(), key=lambda g: (g.meta.volgorde, g.titel.casefold(), g.id))
    return {g.id: g for g in ordered}, problems
