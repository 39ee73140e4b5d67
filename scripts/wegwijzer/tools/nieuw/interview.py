"""`wegwijzer nieuw` in a terminal: ask for what is still missing, until each answer is valid."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from wegwijzer.core import vocab
from wegwijzer.core.region import Region
from wegwijzer.tools.nieuw.answers import LIST_OF_TYPE, Answers


def _ask(prompt: str, options: list[str] | None = None, required: bool = True, many: bool = False, ask=input):
    """Ask until the answer is valid. Returns '' (or []) for an empty optional answer."""
    while True:
        hint = f" ({', '.join(options)})" if options and len(options) <= 25 else ""
        raw = ask(f"{prompt}{hint}: ").strip()
        if not raw:
            if required:
                print("Vul dit in, alsjeblieft.")
                continue
            return [] if many else ""
        values = [v.strip() for v in re.split(r"[,\s]+", raw) if v.strip()] if many else [raw]
        if options:
            wrong = [v for v in values if v.lower() not in options]
            if wrong:
                match = difflib.get_close_matches(wrong[0].lower(), options, n=1, cutoff=0.6)
                print(
                    f"'{wrong[0]}' kan niet."
                    + (f" Bedoelde je '{match[0]}'?" if match else "")
                    + f" Kies uit: {', '.join(options)}."
                )
                continue
            values = [v.lower() for v in values]
        return values if many else values[0]


@dataclass(frozen=True)
class _Question:
    field: str
    prompt: Callable[[Answers], str]
    options: Callable[[Answers, Region], list[str] | None] = lambda a, region: None
    required: Callable[[Answers], bool] = lambda a: True
    many: bool = False
    when: Callable[[Answers], bool] = lambda a: True


def _offer(a: Answers) -> bool:
    return a.soort == "aanbod"


def _place(a: Answers) -> bool:
    return a.soort == "plek"


# In this order; a question is asked only when its field is still empty and `when` holds.
QUESTIONS = (
    _Question("soort", lambda a: "Wat voeg je toe: een plek of aanbod?", lambda a, r: ["plek", "aanbod"]),
    _Question("naam", lambda a: "Hoe heet het?"),
    _Question("type", lambda a: f"Wat voor {a.soort} is het?", lambda a, r: vocab.keys(LIST_OF_TYPE[a.soort])),
    _Question(
        "gemeente",
        lambda a: "In welke gemeente?",
        lambda a, r: [g.id for g in r.gemeenten()],
        required=lambda a: a.soort == "plek",
    ),
    _Question(
        "woonkern",
        lambda a: "In welke woonkern?" + (" (leeg als het in de hele gemeente is)" if _offer(a) else ""),
        lambda a, r: [k.id for k in r.kernen(a.gemeente)],
        required=lambda a: a.soort == "plek",
        when=lambda a: bool(a.gemeente),
    ),
    _Question(
        "plekken",
        lambda a: "Waar is het? De id van een plek (leeg als er geen vaste plek is)",
        lambda a, r: None,
        required=lambda a: False,
        many=True,
        when=_offer,
    ),
    _Question(
        "gebied",
        lambda a: "Voor welk gebied is het dan? Een gemeente, of regio",
        lambda a, r: [g.id for g in r.gemeenten()] + ["regio"],
        many=True,
        when=lambda a: _offer(a) and not a.plekken,
    ),
    _Question("straat", lambda a: "Straat (leeg als je het niet weet)", required=lambda a: False, when=_place),
    _Question("huisnummer", lambda a: "Huisnummer", required=lambda a: False, when=lambda a: bool(a.straat)),
    _Question("postcode", lambda a: "Postcode, zoals 1781 AB", required=lambda a: False, when=_place),
    _Question("samenvatting", lambda a: "Eén zin over wat het is", when=_offer),
    _Question("organisatie", lambda a: "Wie biedt het aan?", when=_offer),
    _Question(
        "themas",
        lambda a: "Welke thema's? (met komma's ertussen)",
        lambda a, r: vocab.keys("themas"),
        many=True,
        when=_offer,
    ),
    _Question(
        "doelgroepen",
        lambda a: "Voor wie? (met komma's ertussen)",
        lambda a, r: vocab.keys("doelgroepen"),
        many=True,
        when=_offer,
    ),
    _Question("bron", lambda a: "Waar komen de gegevens vandaan? (website, gesprek)"),
    _Question("beheerder", lambda a: "Wie houdt dit item bij? (organisatie of naam)"),
)


def interview(a: Answers, region: Region, ask=None) -> Answers:
    """Ask for what is still missing. Optional questions may stay empty."""
    ask = ask or input  # looked up now, so a test (or Ctrl-D handling) sees the real input()
    if a.woonkern and not a.gemeente and a.woonkern in region.areas:  # --woonkern says the gemeente too
        a.gemeente = region.gemeente_of(a.woonkern).id
    # Everything needed was given on the command line: ask nothing (not even the optional questions).
    if not any(not getattr(a, q.field) and q.when(a) and q.required(a) for q in QUESTIONS):
        return a
    for q in QUESTIONS:
        if getattr(a, q.field) or not q.when(a):
            continue
        answer = _ask(q.prompt(a), q.options(a, region), required=q.required(a), many=q.many, ask=ask)
        setattr(a, q.field, answer)
    return a
