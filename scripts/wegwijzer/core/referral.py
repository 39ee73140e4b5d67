"""How a professional refers a resident to an offer: the ``verwijzen`` block of an offer, and its words.

An offer may say, as data, who may sign a resident up (``wie``, from the list ``verwijzers``),
whether the resident's consent or an indication is needed (``toestemming``, ``indicatie``:
true, false, or left out when nobody knows), how the referral goes (``hoe``, from the list
``verwijs_manieren``), the web address of a form (``formulier``) and what to send along
(``meesturen``). An offer without the block says so: "not known, ask through the contact route".

Everything that shows a referral asks here, so the entry page ("Voor professionals"), the
professionals table, the list shards, HSDS and the CSV all say the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wegwijzer.core import vocab
from wegwijzer.core.fieldtypes import Line, Url, YesNo
from wegwijzer.core.vocab import choice_type

if TYPE_CHECKING:  # the values come from data/lijsten.yaml; type checkers see plain text
    Referrer: TypeAlias = str
    Method: TypeAlias = str
else:
    Referrer = choice_type("verwijzers")
    Method = choice_type("verwijs_manieren")

# Who counts as "a professional can sign someone up" (the filter on the professionals page).
BY_PROFESSIONAL = ("iedereen", "huisarts", "zorgverlener", "wijkteam")
NOT_KNOWN = "Niet bekend. Vraag het na."


class Referral(BaseModel):
    """The ``verwijzen`` block: how a professional signs a resident up for an offer."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, allow_inf_nan=False)

    wie: list[Referrer] = Field(
        min_length=1,
        description="Wie iemand mag aanmelden: zelf, iedereen, huisarts, zorgverlener of wijkteam. Een of meer.",
    )
    toestemming: YesNo | None = Field(
        None,
        description="true als de inwoner eerst toestemming moet geven, false als dat niet hoeft. "
        "Laat weg als je het niet weet.",
    )
    indicatie: YesNo | None = Field(
        None,
        description="true als er eerst een indicatie of beschikking nodig is, false als dat niet hoeft. "
        "Laat weg als je het niet weet.",
    )
    hoe: list[Method] = Field(
        default_factory=list, description="Hoe je iemand aanmeldt: telefoon, email, formulier of langskomen."
    )
    formulier: Url | None = Field(None, description="Webadres van het aanmeldformulier. Begint met https://.")
    meesturen: Line | None = Field(
        None, max_length=300, description="Wat je meestuurt of meeneemt, bijvoorbeeld een verwijsbrief."
    )

    @model_validator(mode="after")
    def _consistent(self):
        for name in ("wie", "hoe"):
            values = getattr(self, name)
            twice = next((v for i, v in enumerate(values) if v in values[:i]), None)
            if twice:
                raise ValueError(f"'{twice}' staat twee keer bij '{name}'. Haal er één weg.")
        if self.formulier and "formulier" not in self.hoe:
            raise ValueError("Je gaf een formulier, maar bij 'hoe' staat geen 'formulier'. Zet het erbij.")
        return self


# --- words --------------------------------------------------------------------------------


def _join(parts: list[str], last: str) -> str:
    """'a', 'b', 'c' -> 'a, b en c' (or '... of c')."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def _labels(list_name: str, keys: list[str]) -> list[str]:
    """Labels in a sentence: the first as it is, the others starting with a small letter."""
    labels = [vocab.label(list_name, k) for k in keys]
    return labels[:1] + [label[0].lower() + label[1:] for label in labels[1:]]


def who_text(ref: Referral) -> str:
    """'Huisarts of andere zorgverlener.'"""
    return _join(_labels("verwijzers", ref.wie), "of") + "."


def how_text(ref: Referral) -> str:
    """'Bellen of een formulier invullen.' (or: not known)."""
    if not ref.hoe:
        return "Niet bekend. Neem contact op."
    return _join(_labels("verwijs_manieren", ref.hoe), "of") + "."


def _needed(value: bool | None) -> str:
    if value is None:
        return NOT_KNOWN
    return "Nodig." if value else "Niet nodig."


CONSENT = "Toestemming van de inwoner"
INDICATION = "Indicatie of beschikking"
FORM = "Formulier"
PROCESS_HEADING = "Verwijzen door een professional:"  # starts the block in HSDS application_process
_NEEDED = {"Nodig.": True, "Niet nodig.": False}


def facts(ref: Referral) -> list[tuple[str, str]]:
    """The block as (question, answer) rows, in the order a professional asks them."""
    return [
        ("Wie kan aanmelden?", who_text(ref)),
        (CONSENT, _needed(ref.toestemming)),
        (INDICATION, _needed(ref.indicatie)),
        ("Zo meld je aan", how_text(ref)),
        ("Meesturen", ref.meesturen or "Niet bekend."),
    ]


def short_text(ref: Referral | None) -> str:
    """One line for a table or a text message: who, how, and what is needed when that is known."""
    if ref is None:
        return "Niet bekend. Neem contact op."
    parts = [who_text(ref)]
    if ref.hoe:
        parts.append(how_text(ref))
    if ref.toestemming:
        parts.append("Met toestemming van de inwoner.")
    if ref.indicatie:
        parts.append("Indicatie nodig.")
    return " ".join(parts)


def by_professional(ref: Referral | None) -> bool:
    """True when it is known that a professional may sign a resident up."""
    return ref is not None and any(w in BY_PROFESSIONAL for w in ref.wie)


def process_text(ref: Referral) -> str:
    """The block as one paragraph (HSDS application_process)."""
    lines = [
        f"{question} {answer}" if question.endswith("?") else f"{question}: {answer}" for question, answer in facts(ref)
    ]
    if ref.formulier:
        lines.append(f"{FORM}: {ref.formulier}")
    return "\n".join(lines)


def from_process(text: str) -> dict[str, bool | str]:
    """Consent, indication and form read back from ``process_text`` (the HSDS importer, for our own export).

    Who and how come back from the export's attributes, what to send from ``required_documents``.
    A line that says "not known", or that is not ours, gives nothing.
    """
    out: dict[str, bool | str] = {}
    for line in text.splitlines():
        question, _, answer = line.strip().partition(": ")
        if question in (CONSENT, INDICATION) and answer in _NEEDED:
            out["toestemming" if question == CONSENT else "indicatie"] = _NEEDED[answer]
        elif question == FORM and answer:
            out["formulier"] = answer
    return out


def _yes_no_cell(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nee")


def csv_cells(ref: Referral | None) -> dict[str, str]:
    """The CSV columns of the block (empty cells when it is not known)."""
    if ref is None:
        return dict.fromkeys(CSV_COLUMNS, "")
    return {
        "verwijzen_wie": ", ".join(ref.wie),
        "verwijzen_toestemming": _yes_no_cell(ref.toestemming),
        "verwijzen_indicatie": _yes_no_cell(ref.indicatie),
        "verwijzen_hoe": ", ".join(ref.hoe),
        "verwijzen_formulier": ref.formulier or "",
        "verwijzen_meesturen": ref.meesturen or "",
    }


CSV_COLUMNS = (
    "verwijzen_wie",
    "verwijzen_toestemming",
    "verwijzen_indicatie",
    "verwijzen_hoe",
    "verwijzen_formulier",
    "verwijzen_meesturen",
)
