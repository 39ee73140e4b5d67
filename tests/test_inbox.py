"""`wegwijzer inbox`: an entry that came in by e-mail from the form becomes a file, checked as validate checks it.

The messages are in tests/fixtures/inbox/, in the form's format (the browser tests in test_intake.py
feed the form's own text through the same command): a good one, one with errors, one whose name is
taken, and the same good entry as a mail program gives it: quoted-printable, a whole .eml (base64,
with an HTML part), a quoted reply, and cut off.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from conftest import GOLDEN
from wegwijzer.core import yamlsafe
from wegwijzer.tools.cli import main
from wegwijzer.tools.inbox import InboxProblem, find_entry

MAILS = Path(__file__).parent / "fixtures" / "inbox"


@pytest.fixture
def project(tmp_path) -> Path:
    for folder in ("locations", "activities"):
        shutil.copytree(GOLDEN / folder, tmp_path / folder)
    return tmp_path


def inbox(project: Path, capsys, mail: str, *flags: str) -> tuple[int, str, str]:
    code = main(["inbox", str(MAILS / mail), "--root", str(project), *flags])
    out = capsys.readouterr()
    return code, out.out, out.err


def files(project: Path) -> dict[str, str]:
    return {p.relative_to(project).as_posix(): p.read_text(encoding="utf-8") for p in project.rglob("*.yaml")}


def test_a_good_message_becomes_the_file_and_validate_accepts_it(project, capsys):
    code, out, err = inbox(project, capsys, "goed.txt")
    assert code == 0, err
    assert "Geschreven: activities/koffie-co.yaml." in out
    written = (project / "activities" / "koffie-co.yaml").read_text(encoding="utf-8")
    assert written.startswith("# Aangemeld met het formulier op de site (aanmelden/),\n")
    data = yamlsafe.parse(written).data
    assert data["naam"] == "Koffie & Co"
    assert data["beschrijving"] == 'Iedereen is welkom.\nDe koffie is gratis: "echt" waar.\n\nKom gewoon langs.'
    assert main(["validate", "--root", str(project)]) == 0
    assert "Alles klopt" in capsys.readouterr().out


def test_proef_checks_and_writes_nothing(project, capsys):
    before = files(project)
    code, out, _ = inbox(project, capsys, "goed.txt", "--proef")
    assert code == 0
    assert "Proef: alles klopt. Er is niets geschreven." in out
    assert files(project) == before


def test_every_problem_in_dutch_and_nothing_written(project, capsys, tmp_path):
    before = files(project)
    code, out, err = inbox(project, capsys, "fout.txt")
    assert code == 1
    assert "Traceback" not in err
    assert (
        "locations/buurtkamer-fout.yaml, regel 9, veld 'contact, telefoon': fout: '12345' is geen geldig "
        "telefoonnummer. Schrijf het hele nummer met netnummer"
    ) in err
    assert "regel 10, veld 'contact, website': fout: 'javascript:alert(1)' is geen geldig webadres." in err
    assert "2 fouten gevonden." in err
    assert "locations/buurtkamer-fout.yaml is niet geschreven." in out
    assert files(project) == before
    # with the fields right, the checks across files speak (as in validate): the woonkern is not in Texel
    text = (MAILS / "fout.txt").read_text(encoding="utf-8").replace('"12345"', '"0222 123 456"')
    mail = tmp_path / "bijna.txt"
    mail.write_text(text.replace('"javascript:alert(1)"', '"https://proef.example"'), encoding="utf-8")
    assert main(["inbox", str(mail), "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "veld 'woonkern': fout: 'julianadorp' is geen woonkern in Texel." in err
    assert files(project) == before


def test_an_existing_file_is_never_overwritten(project, capsys):
    before = files(project)
    for flags in ((), ("--overschrijven",)):  # a new entry never replaces one, also not when asked
        code, _, err = inbox(project, capsys, "bestaat.txt", *flags)
        assert code == 1
        assert "Er is al een item met de id 'taalcafe-proef' (activities/taalcafe-proef.yaml)." in err
        assert "Er is niets overschreven." in err
        assert files(project) == before
    code, out, _ = inbox(project, capsys, "bestaat.txt", "--id", "taalcafe-texel")
    assert code == 0
    assert "Geschreven: activities/taalcafe-texel.yaml." in out
    assert files(project)["activities/taalcafe-proef.yaml"] == before["activities/taalcafe-proef.yaml"]


def test_an_id_of_the_other_folder_is_taken_too(project, capsys):
    text = (MAILS / "fout.txt").read_text(encoding="utf-8").replace("buurtkamer-fout", "taalcafe-proef")
    mail = project / "plek.txt"
    mail.write_text(text, encoding="utf-8")
    assert main(["inbox", str(mail), "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "Er is al een item met de id 'taalcafe-proef' (activities/taalcafe-proef.yaml)." in err
    assert not (project / "locations" / "taalcafe-proef.yaml").exists()


def test_a_duplicate_is_a_warning(project, capsys):
    text = (MAILS / "goed.txt").read_text(encoding="utf-8").replace('naam: "Koffie & Co"', 'naam: "Taalcafé Proef"')
    mail = project / "dubbel.txt"
    mail.write_text(text, encoding="utf-8")
    assert main(["inbox", str(mail), "--root", str(project)]) == 0
    out = capsys.readouterr()
    assert (
        "activities/taalcafe-proef.yaml, regel 2, veld 'naam': let op: Dit lijkt dubbel met 'Taalcafé Proef' "
        in out.err
    )
    assert "(activities/koffie-co.yaml): zelfde naam" in out.err


@pytest.mark.parametrize(
    ("mail", "note"),
    [
        ("qp.txt", "De tekst was quoted-printable"),
        ("bericht.eml", "Gelezen als een heel e-mailbericht."),
        ("antwoord.txt", "De tekst stond in een antwoord"),
    ],
)
def test_what_a_mail_program_gives_is_read(project, capsys, mail, note):
    code, out, err = inbox(project, capsys, mail)
    assert code == 0, err
    assert note in out
    data = yamlsafe.parse((project / "activities" / "koffie-co-cafe.yaml").read_text(encoding="utf-8")).data
    assert data["naam"] == "Koffie & Co (café)"
    assert data["samenvatting"] == "Samen koffie drinken en bijpraten in het dorpshuis."
    assert main(["validate", "--root", str(project)]) == 0


def test_pasted_on_stdin(project, capsys, monkeypatch):
    raw = (MAILS / "goed.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert main(["inbox", "-", "--root", str(project)]) == 0
    assert (project / "activities" / "koffie-co.yaml").exists()


def test_a_cut_off_message_is_refused(project, capsys):
    before = files(project)
    code, _, err = inbox(project, capsys, "afgekapt.txt")
    assert code == 1
    assert "De aanmelding is niet compleet: de regel '--- einde wegwijzer ---' ontbreekt." in err
    assert files(project) == before


@pytest.mark.parametrize(
    ("begin", "message"),
    [
        ("--- begin wegwijzer (nieuw): locations/../../etc/passwd.yaml ---", "Hier staat geen aanmelding"),
        ("--- begin wegwijzer (nieuw): content/index.yaml ---", "'content/' is geen map voor items."),
        ("--- begin wegwijzer (nieuw): activities/Hoofd_Letters.yaml ---", "kan geen bestandsnaam zijn"),
        ("--- begin wegwijzer (alles): activities/x.yaml ---", "Hier staat geen aanmelding"),
    ],
)
def test_the_file_name_in_the_message_is_checked(begin, message):
    with pytest.raises(InboxProblem) as problem:
        find_entry(f"{begin}\nnaam: x\n--- einde wegwijzer ---\n")
    assert message in problem.value.message


def test_a_marker_inside_a_text_does_not_end_the_entry():
    # The form writes every text in quotes with escapes, so a line of its own can only be the form's own.
    found = find_entry(
        '--- begin wegwijzer (nieuw): activities/x.yaml ---\nnaam: "a\\n--- einde wegwijzer ---\\nb"\n'
        "--- einde wegwijzer ---\n"
    )
    assert yamlsafe.parse(found.text).data == {"naam": "a\n--- einde wegwijzer ---\nb"}


def test_a_change_shows_the_difference_and_needs_overschrijven(project, capsys):
    old = (project / "activities" / "taalcafe-proef.yaml").read_text(encoding="utf-8")
    text = (MAILS / "bestaat.txt").read_text(encoding="utf-8").replace("(nieuw)", "(wijziging)")
    mail = project / "wijziging.txt"
    mail.write_text(text, encoding="utf-8")
    assert main(["inbox", str(mail), "--root", str(project)]) == 1
    out = capsys.readouterr()
    assert '+samenvatting: "Een ander taalcafé met dezelfde naam."' in out.out
    assert "Dit is een wijziging van activities/taalcafe-proef.yaml. Er is niets overschreven." in out.err
    assert (project / "activities" / "taalcafe-proef.yaml").read_text(encoding="utf-8") == old
    assert main(["inbox", str(mail), "--root", str(project), "--overschrijven"]) == 0
    assert (project / "activities" / "taalcafe-proef.yaml").read_text(encoding="utf-8") == find_entry(text).text


def test_a_message_without_an_entry_says_what_to_look_for(project, capsys, tmp_path):
    mail = tmp_path / "leeg.txt"
    mail.write_text("Hallo, ik wil graag iets aanmelden.\n", encoding="utf-8")
    assert main(["inbox", str(mail), "--root", str(project)]) == 1
    assert "Hier staat geen aanmelding van het formulier in." in capsys.readouterr().err
    assert main(["inbox", str(tmp_path / "bestaat-niet.txt"), "--root", str(project)]) == 1
    assert "Het bestand bestaat niet" in capsys.readouterr().err
