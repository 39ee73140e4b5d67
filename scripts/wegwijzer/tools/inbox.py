"""`wegwijzer inbox`: an entry that came in by e-mail from the form /aanmelden/ becomes a file.

The form (``site.intake``) puts the entry between two lines::

    --- begin wegwijzer (nieuw): activities/taalcafe.yaml ---
    ...the YAML...
    --- einde wegwijzer ---

The editor saves the e-mail (or copies its text) and runs ``wegwijzer inbox bericht.txt`` (or
``-`` to paste it). What a mail program gives is read as it comes:

- a whole message (``.eml``, with headers): the ``email`` package finds the plain text part and
  undoes its transfer encoding (quoted-printable, base64) and character set;
- a pasted body in quoted-printable (``=3D``, ``=C3=A9``, lines ending in ``=``) is decoded;
- a reply that quotes the text (``> `` before each line) is read without the quoting.

The file name comes from the begin line and is checked (an id, in ``locations/`` or
``activities/``). The entry is checked exactly as ``wegwijzer validate`` checks it: the same
reader and rules, with every other entry (``core.load.load_catalog`` with the text as an extra
file). All problems are reported in Dutch (exit status 1) and nothing is written. An existing
file is never overwritten: a new entry with a name that is taken is refused (``--id`` gives
another name); a change shows what differs and replaces the file only with ``--overschrijven``
(as every command that writes, ``tools.output``). ``--proef`` checks and writes nothing.
Entries that look like existing ones (``core.duplicates``) are reported as a warning.
"""

from __future__ import annotations

import difflib
import email
import email.policy
import quopri
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from wegwijzer.core.files import FileProblem, read_limited
from wegwijzer.core.guard import for_terminal, one_line
from wegwijzer.core.load import SUFFIXES, load_catalog
from wegwijzer.core.problems import EntryErrors, format_report
from wegwijzer.core.vocab import ID_MAX, ID_RE
from wegwijzer.site.intake import BEGIN, END, FOLDER
from wegwijzer.tools.output import write_entry

MAX_MAIL_BYTES = 2 * 1024 * 1024
_WHAT = {"nieuw": False, "wijziging": True}
_BEGIN = re.compile(
    "^(?P<quote>(?:> ?)*)"
    + re.escape(BEGIN)
    .replace(re.escape("{what}"), "(?P<what>nieuw|wijziging)")
    .replace(re.escape("{path}"), r"(?P<folder>[a-z]+)/(?P<id>[^\s/]+)\.yaml")
    + r"[ \t]*$",
    re.M,
)
_QP_TRACES = re.compile(r"=\r?\n|=3D|=20\r?$|=C[2-9A-F]=[89AB][0-9A-F]", re.M)
_HEADER = re.compile(rb"^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n")


class InboxProblem(Exception):
    """The message cannot be read as an entry from the form; the message is Dutch."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass
class Found:
    """The entry in a message: where it goes, whether it changes an existing one, its text."""

    folder: str
    entry_id: str
    change: bool
    text: str
    notes: list[str] = field(default_factory=list)

    @property
    def rel(self) -> str:
        return f"{self.folder}/{self.entry_id}.yaml"


def message_text(raw: bytes, notes: list[str]) -> str:
    """The text of a message as a mail program gives it: a whole message, quoted-printable, or plain text."""
    if _HEADER.match(raw) and re.search(rb"^(?:From|To|Subject|Content-Type|MIME-Version):", raw, re.M | re.I):
        message = email.message_from_bytes(raw, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain",))
        if part is None:
            raise InboxProblem("Dit bericht heeft geen gewone tekst. Sla het bericht op als tekst of kopieer de tekst.")
        notes.append("Gelezen als een heel e-mailbericht.")
        return str(part.get_content())
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        notes.append("De tekst was geen UTF-8; gelezen als Windows-1252. Kijk de letters met accenten na.")
    if _QP_TRACES.search(text):
        try:
            text = quopri.decodestring(text.encode("utf-8")).decode("utf-8")
        except UnicodeDecodeError:
            raise InboxProblem(
                "De tekst lijkt quoted-printable (zoals =3D en =C3=A9), maar is zo niet te lezen. "
                "Sla het hele bericht op (als .eml) en probeer het opnieuw."
            ) from None
        notes.append("De tekst was quoted-printable (=3D, =C3=A9 ...) en is eerst omgezet.")
    return text


def find_entry(text: str, notes: list[str] | None = None) -> Found:
    """The entry between the marker lines of the form; InboxProblem (Dutch) when it is not there or not whole."""
    notes = notes if notes is not None else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    begin = _BEGIN.search(text)
    if begin is None:
        raise InboxProblem(
            "Hier staat geen aanmelding van het formulier in. Die begint met een regel als "
            f"'{BEGIN.format(what='nieuw', path='activities/naam.yaml')}'. "
            "Kopieer de hele e-mail, of sla het bericht op en geef dat bestand."
        )
    quote = begin.group("quote")  # a reply quotes every line the same way: take that off
    lines = []
    for line in text[begin.end() :].split("\n")[1:]:
        if quote and line.startswith(quote):
            line = line[len(quote) :]
        elif quote and line == quote.rstrip():
            line = ""
        if line.rstrip() == END:
            break
        lines.append(line)
    else:
        raise InboxProblem(
            f"De aanmelding is niet compleet: de regel '{END}' ontbreekt. Misschien is de e-mail afgekapt. "
            "Vraag de afzender om de tekst nog eens te sturen (met 'Kopieer de tekst')."
        )
    folder, entry_id = begin.group("folder"), begin.group("id")
    if folder not in FOLDER.values():
        raise InboxProblem(
            f"'{one_line(folder)}/' is geen map voor items. Het kan alleen locations/ of activities/ zijn."
        )
    if not ID_RE.match(entry_id) or len(entry_id) > ID_MAX:
        raise InboxProblem(
            f"'{one_line(entry_id)}' kan geen bestandsnaam zijn. "
            "Geef zelf een naam met --id, bijvoorbeeld --id taalcafe."
        )
    if quote:
        notes.append("De tekst stond in een antwoord (met > ervoor); die tekens zijn weggehaald.")
    body = "\n".join(lines).strip("\n") + "\n"
    return Found(folder, entry_id, _WHAT[begin.group("what")], body, notes)


def _read_input(name: str) -> bytes:
    if name == "-":
        raw = sys.stdin.buffer.read(MAX_MAIL_BYTES + 1)
        if len(raw) > MAX_MAIL_BYTES:
            raise InboxProblem(f"De tekst is te groot (meer dan {MAX_MAIL_BYTES // 1024 // 1024} MB).")
        return raw
    try:
        return read_limited(Path(name), MAX_MAIL_BYTES)
    except FileProblem as exc:
        raise InboxProblem(f"{one_line(name)}: {exc.message}") from None


def _existing(root: Path, entry_id: str) -> list[str]:
    """Files with this id in either data folder (ids are unique across both)."""
    return [
        f"{folder}/{entry_id}{suffix}"
        for folder in FOLDER.values()
        for suffix in SUFFIXES
        if (root / folder / f"{entry_id}{suffix}").exists()
    ]


def _diff(old: str, new: str, rel: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"{rel} (nu)", f"{rel} (uit de e-mail)", lineterm=""
    )
    return for_terminal("\n".join(lines))


def check(root: Path, found: Found) -> list:
    """The problems `wegwijzer validate` would report for this file (and warnings that point at it)."""
    try:
        catalog = load_catalog(root, strict=False, extra={found.rel: found.text})
    except EntryErrors as exc:  # nothing to read at all (no data folders)
        return exc.problems
    return [p for p in catalog.problems if p.file == found.rel or (p.warning and f"({found.rel})" in p.message)]


def _taken(root: Path, found: Found) -> str | None:
    """Why a new entry cannot get this name (another file has the id); None when it can."""
    taken = [rel for rel in _existing(root, found.entry_id) if not (found.change and rel == found.rel)]
    if not taken:
        return None
    return (
        f"Er is al een item met de id '{found.entry_id}' ({', '.join(taken)}). Er is niets overschreven. "
        "Is het hetzelfde? Vergelijk de twee dan zelf. Is het iets anders? Geef een andere naam met --id."
    )


def _unasked_change(root: Path, found: Found, overwrite: bool) -> tuple[str, str] | None:
    """(the differences, what to do) for a change of an existing file without --overschrijven; else None."""
    target = root / found.rel
    if not found.change or overwrite or not target.exists():
        return None
    old = target.read_text(encoding="utf-8", errors="replace")
    diff = _diff(old, found.text, found.rel) or "(geen verschil)"
    return diff, (
        f"Dit is een wijziging van {found.rel}. Er is niets overschreven. Kijk de verschillen hierboven na. "
        "Klopt het? Draai het dan nog eens met --overschrijven."
    )


def _read(root: Path, args) -> Found:
    """The entry of the message named on the command line, with --id applied; InboxProblem when it cannot be."""
    notes: list[str] = []
    found = find_entry(message_text(_read_input(args.bestand), notes), notes)
    if args.id:
        if not ID_RE.match(args.id) or len(args.id) > ID_MAX:
            raise InboxProblem(f"'{one_line(args.id)}' is geen id. Gebruik kleine letters, cijfers en streepjes.")
        found.entry_id, found.change = args.id, False
    if not (root / found.folder).is_dir():
        raise InboxProblem(f"De map {found.folder}/ is er niet in {one_line(str(root))}. Gebruik --root.")
    return found


def run(root: Path, args) -> int:
    try:
        found = _read(root, args)
    except InboxProblem as exc:
        print(exc.message, file=sys.stderr)
        return 1
    for note in found.notes:
        print(note)
    taken = _taken(root, found)
    if taken:
        print(taken, file=sys.stderr)
        return 1
    problems = check(root, found)
    if problems:
        print(format_report(problems), file=sys.stderr)
    if any(not p.warning for p in problems):
        print(f"\n{found.rel} is niet geschreven. Verbeter de tekst, of vraag de afzender het opnieuw te sturen.")
        return 1
    change = _unasked_change(root, found, args.overschrijven)
    if change is not None:
        print(change[0])
        print(change[1], file=sys.stderr)
        return 1
    if args.proef:
        print(f"Proef: alles klopt. Er is niets geschreven. Zonder --proef komt het in {found.rel}.")
        return 0
    replace = found.change and args.overschrijven and (root / found.rel).exists()
    problem = write_entry(root / found.rel, found.text, root, overwrite=replace)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print(
        f"Geschreven: {found.rel}. Kijk het na. Klopt het? Vul dan 'gecontroleerd_op' in, haal de regels met # "
        "bovenaan weg en zet het in een commit."
    )
    return 0


def add_arguments(p) -> None:
    p.add_argument("bestand", help="Het bericht: een tekstbestand of .eml, of - om de tekst te plakken (stdin).")
    p.add_argument("--root", help="Map met locations/ en activities/ (standaard: deze map).")
    p.add_argument("--proef", action="store_true", help="Controleer alleen; schrijf niets.")
    p.add_argument("--id", help="Schrijf het nieuwe item onder deze naam (zonder .yaml), als de naam al bestaat.")
    p.add_argument(
        "--overschrijven", action="store_true", help="Bij een wijziging: vervang het bestaande bestand (na controle)."
    )
