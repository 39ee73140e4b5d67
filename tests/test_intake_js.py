"""The intake form's own code without a browser: node runs aanmelden-yaml.js and aanmelden-fouten.js
(tests/js/aanmelden.mjs), Python checks the answers the way `wegwijzer validate` reads and words things.

- every text the form writes reads back as exactly that text (hostile ones too), in lines a mail
  program does not wrap;
- ids are made as core.vocab.slug makes them;
- errors of the JSON Schema become the schema's own Dutch messages; the extra checks word control
  characters, long texts and times as core.guard and the model do.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import ROOT
from wegwijzer.core import guard, yamlsafe
from wegwijzer.core.model import OpeningHours
from wegwijzer.core.vocab import slug
from wegwijzer.site.intake import GITHUB_MAX, MAILTO_MAX, text_limits
from wegwijzer.tools.schema_export import schemas

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node ontbreekt")
WIDTH = 76

HOSTILE = [
    "a: b # c",
    "- lijst",
    "&anker *alias",
    "!!python/object/apply:os.system ['ls']",
    "{a: 1}",
    "[1, 2]",
    "true",
    "null",
    "~",
    "0123",
    "1e3",
    "12:30",
    "2026-01-01",
    "'enkel'",
    '"dubbel"',
    "back\\slash \\n geen regel",
    "  spaties voor en na  ",
    "regel een\nregel twee\n\n  ingesprongen\n- min",
    "--- einde wegwijzer ---",
    "\n--- einde wegwijzer ---\nnaam: kwaad",
    "# geen commentaar",
    "% geen directive",
    "@ en ` en |  en > en ?",
    "tab\there",
    "nul\x00byte en esc\x1b[31m",
    "lijn\u2028scheiding en \u2029 en \u0085 en \ufeff en \u202e omgedraaid",
    "Taalcafé, Ölçü, 日本語, emoji 👋🏽 samen",
    "x" * 300,
    ("woord " * 120).strip(),
    "a" + " " * 150 + "b",
    "\\" * 90,
    '"' * 90,
]


def _node(request: dict) -> dict:
    run = subprocess.run(
        [NODE, str(ROOT / "tests" / "js" / "aanmelden.mjs")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _random_texts(n: int) -> list[str]:
    rng = random.Random(14)
    alphabet = list("abc xyz:#-&*!|>'\"\\%@`{}[],?\n\t") + ["é", "ß", "👋", "\u2028", "\x7f", "\x85", "\u00a0"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200))) for _ in range(n)]


def test_every_text_reads_back_as_exactly_that_text_in_short_lines():
    texts = HOSTILE + _random_texts(300)
    cases = [{"data": {"naam": t, "lijst": [t, t], "deel": {"uitleg": t}, "rijen": [{"van": t}]}} for t in texts]
    cases.append({"data": {"bedrag": 2.5, "week": -1, "lat": 52.9563, "klein": 1e-7, "gratis": True, "nodig": False}})
    answers = _node({"yaml": cases})["yaml"]
    for case, text in zip(cases, answers, strict=True):
        doc = yamlsafe.parse(text, max_line=guard.MAX_LINE_CHARS)  # the reader of `validate`
        assert doc.data == case["data"], text
        too_long = [line for line in text.split("\n") if len(line) > WIDTH + 6]
        assert not too_long, f"lines a mail program would wrap: {too_long[:2]}"


def test_field_order_and_header_comments():
    [text] = _node(
        {
            "yaml": [
                {
                    "data": {"bron": "b", "naam": "n", "soort": "s"},
                    "order": ["naam", "soort"],
                    "header": ["Eerste regel.", "Tweede regel."],
                }
            ]
        }
    )["yaml"]
    assert text == '# Eerste regel.\n# Tweede regel.\nnaam: "n"\nsoort: "s"\nbron: "b"\n'


def test_ids_are_made_as_the_command_line_makes_them():
    names = ["Taalcafé Den Burg", "  Ça va? Über 50!  ", "'t Proefje & co", "日本語", "---", "a" * 80, "Ü" * 70 + "x"]
    assert _node({"slug": names})["slug"] == [slug(n) for n in names]


def test_links_to_github_and_e_mail():
    yaml_text = 'naam: "Taal & zo"\n'
    opts = {
        "repo": "https://github.com/proef/data",
        "branch": "main",
        "path": "activities/taal-zo.yaml",
        "yaml": yaml_text,
        "change": False,
        "email": "redactie@proef.example",
        "subject": "Aanmelding: Taal & zo",
        "body": "Hallo\n" + yaml_text,
        "githubMax": GITHUB_MAX,
        "mailMax": MAILTO_MAX,
        "pasteHere": "Plak hier.",
    }
    long = {**opts, "yaml": "x" * 9000, "body": "y" * 9000}
    change = {**opts, "change": True}
    new, too_long, edit = _node({"links": [opts, long, change]})["links"]
    github = urlsplit(new["github"])
    assert github.netloc == "github.com" and github.path == "/proef/data/new/main"
    assert parse_qs(github.query) == {"filename": ["activities/taal-zo.yaml"], "value": [yaml_text]}
    mail = urlsplit(new["email"])
    assert mail.scheme == "mailto" and unquote(mail.path) == "redactie@proef.example"
    assert parse_qs(mail.query) == {"subject": ["Aanmelding: Taal & zo"], "body": ["Hallo\n" + yaml_text]}
    assert not new["githubTooLong"] and not new["mailTooLong"]
    # too long for a link: the file name only, and an e-mail that asks to paste the copied text
    assert too_long["githubTooLong"] and too_long["mailTooLong"]
    assert parse_qs(urlsplit(too_long["github"]).query) == {"filename": ["activities/taal-zo.yaml"]}
    assert parse_qs(urlsplit(too_long["email"]).query)["body"] == ["Plak hier."]
    assert len(too_long["github"]) < GITHUB_MAX and len(too_long["email"]) < MAILTO_MAX
    # a change opens the file's edit page (GitHub cannot prefill it; the form copies the text first)
    assert edit["github"] == "https://github.com/proef/data/edit/main/activities/taal-zo.yaml"


@pytest.fixture(scope="module")
def offer_schema():
    return schemas(ROOT)["aanbod"]


def test_schema_errors_become_the_schemas_dutch_messages(offer_schema):
    good = {
        "naam": "Taalcafé",
        "soort": "activiteit",
        "samenvatting": "Praten.",
        "organisatie": "Bieb",
        "themas": ["taal"],
        "doelgroepen": ["iedereen"],
        "gebied": ["texel"],
        "bron": "b",
        "beheerder": "b",
    }
    cases = [
        good,
        {**good, "contact": {"telefoon": "12345"}},
        {k: v for k, v in good.items() if k != "naam"},
        {**good, "themas": ["taal", "geen-thema"]},
        {k: v for k, v in good.items() if k != "gebied"},
        {**good, "contact": {"bereikbaar": "Op maandag"}},
        {**good, "naam": "<b>vet</b>"},
    ]
    ok, phone, no_name, theme, nowhere, no_way, markup = _node({"fouten": {"schema": offer_schema, "cases": cases}})[
        "fouten"
    ]
    phone_rule = offer_schema["definitions"]["Contact"]["properties"]["telefoon"]["anyOf"][0]
    assert ok == []
    assert phone == [{"pad": "/contact/telefoon", "bericht": phone_rule["patternErrorMessage"]}]
    assert "Schrijf het hele nummer met netnummer" in phone[0]["bericht"]  # the model says the same
    assert no_name == [{"pad": "/naam", "bericht": None}]  # the form uses the field's own sentence
    assert theme == [{"pad": "/themas/1", "bericht": offer_schema["properties"]["themas"]["items"]["errorMessage"]}]
    assert nowhere == [{"pad": "/plekken", "bericht": None, "paden": ["/plekken", "/gebied"]}]
    assert no_way == [
        {
            "pad": "/contact/telefoon",
            "bericht": None,
            "paden": ["/contact/telefoon", "/contact/email", "/contact/website"],
        }
    ]
    assert markup == [{"pad": "/naam", "bericht": "Schrijf gewone tekst op één regel, geen HTML."}]


def test_extra_checks_word_it_as_validate_does():
    limits = text_limits()
    texts = [
        "tab\there",
        "geplakt\x1b[0m",
        "lijn\u2028",
        "x" * (guard.MAX_TEXT_CHARS + 1),
        ("y" * 1500 + " ") * 2,
        "ab" * 31,
        "gewone tekst",
    ]
    cases = [{"beschrijving": t} for t in texts]
    cases.append({"openingstijden": [{"dag": "maandag", "van": "10:00", "tot": "09:00"}]})
    answers = _node({"extra": {"limits": limits, "cases": cases}})["extra"]
    for text, answer in zip(texts, answers[:-1], strict=True):
        expected = guard.text_problem(text)
        assert answer == ([{"pad": "/beschrijving", "bericht": expected}] if expected else []), text
    with pytest.raises(ValueError) as model:
        OpeningHours.model_validate({"dag": "maandag", "van": "10:00", "tot": "09:00"})
    assert answers[-1] == [
        {"pad": "/openingstijden/0/tot", "bericht": model.value.errors()[0]["msg"].removeprefix("Value error, ")}
    ]
