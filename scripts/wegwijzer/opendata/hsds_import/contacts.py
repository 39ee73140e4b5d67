"""HSDS phones, emails, urls and contacts -> our 'contact' block (telefoon, email, website, bereikbaar).

Each value is checked the way the model checks it; what does not pass gets a note. When the
service (or place) has no phone number or e-mail address of its own, the first usable one of
its ``contacts`` is taken, with a note: it may be a person's own line. Names of people are
never taken: the report names them, so the editor can ask for a general number.
The description of the phone number that is taken becomes ``bereikbaar`` when it says when
the line is open (times, days, "dag en nacht") and fits; otherwise it is quoted in the report.
"""

from __future__ import annotations

import re

from wegwijzer.core import model
from wegwijzer.core.guard import shown
from wegwijzer.opendata.hsds_import.feed import Part


def valid(check, value) -> bool:
    """Whether one of the model's field checks accepts the value."""
    try:
        check(value)
        return True
    except ValueError:
        return False


def _max_length(model_class, name: str) -> int:
    limits = [getattr(m, "max_length", None) for m in model_class.model_fields[name].metadata]
    return min(n for n in limits if n)


HOURS_MAX = _max_length(model.Contact, "bereikbaar")
_DAY_WORDS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo|werkdag(?:en)?|weekend|dagelijks|"
    "kantooruren|dag en nacht|altijd|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tue|wed|thu|fri|sat|sun|weekdays?|daily|office hours|day and night|always"
)
# Says when a line is open: a time (9:00, 9.30, 8am, 17 uur), 24/7, or a day word.
_HOURS = re.compile(rf"\d{{1,2}}[:.]\d{{2}}|\b\d{{1,2}}\s?(?:uur|u|am|pm)\b|24/7|\b(?:{_DAY_WORDS})\b", re.I)


def _hours(phone: Part, number: str) -> str | None:
    """'bereikbaar' from the description of a phone number, or None (with a note when it says something)."""
    text = phone.text("description", "de uitleg bij een telefoonnummer", one_line=True)
    if not text:
        return None
    if not _HOURS.search(text):
        phone.notes.append(
            f"Bij telefoonnummer {shown(number)} staat: '{shown(text, 200)}'. "
            "Niet overgenomen: het zegt niet wanneer je kunt bellen."
        )
        return None
    if len(text) > HOURS_MAX:
        phone.notes.append(
            f"Bij telefoonnummer {shown(number)} staat wanneer je kunt bellen, maar te lang voor 'bereikbaar' "
            f"(hoogstens {HOURS_MAX} tekens): '{shown(text, 300)}'. Schrijf het korter in 'bereikbaar'."
        )
        return None
    phone.notes.append(f"'bereikbaar' komt uit de uitleg bij telefoonnummer {shown(number)}: controleer het.")
    return text


def _phone(part: Part) -> tuple[str, Part] | None:
    """The first valid phone number of a part, and its HSDS phone (for the description)."""
    phones = part.parts("phones", "een telefoonnummer")
    for phone in phones:
        number = (phone.text("number") or "").strip().strip("\"'").strip()
        if not number:
            continue
        if valid(model._phone, number):
            if len(phones) > 1:
                part.notes.append(f"Alleen het eerste telefoonnummer is overgenomen ({len(phones)} in de bron).")
            if phone.has("extension"):
                part.notes.append(
                    f"Bij {shown(number)} hoort toestel {shown(phone.raw('extension'))}. "
                    "Dat staat niet in het nummer: zet het in 'bereikbaar' als het nodig is."
                )
            return number, phone
        part.notes.append(f"Telefoonnummer '{shown(number)}' is niet overgenomen: het klopt niet.")
    return None


def _email(part: Part, email: str | None) -> str | None:
    if not email:
        return None
    if valid(model._email, email):
        return email.strip()
    part.notes.append(f"E-mailadres '{shown(email)}' is niet overgenomen: het klopt niet.")
    return None


def _people(part: Part, known_names: set[str]) -> list[Part]:
    """The contacts of a part; the name of each person is reported, never taken."""
    people = part.parts("contacts", "een contactpersoon")
    for person in people:
        name = person.text("name", "de naam van een contactpersoon", one_line=True)
        if not name or name.casefold() in known_names:
            continue
        roles = [person.text(k, one_line=True) for k in ("title", "department")]
        role = ", ".join(r for r in roles if r)
        part.notes.append(
            f"Contactpersoon in de bron: {shown(name)}{f' ({shown(role, 80)})' if role else ''}. "
            "Niet overgenomen: de Wegwijzer zet geen namen van medewerkers op de site."
        )
    return people


def _from_people(part: Part, people: list[Part], own_phone, own_email) -> tuple:
    """A phone number and e-mail address from the contacts, for what the part itself does not have."""
    phone, email = own_phone, own_email
    for person in people:
        if phone is None:
            phone = _phone(person)
            if phone is not None:
                part.notes.append(
                    f"Het telefoonnummer {shown(phone[0])} komt van een contactpersoon. "
                    "Kijk of het een algemeen nummer is."
                )
        if email is None:
            email = _email(person, person.text("email"))
            if email is not None:
                part.notes.append(
                    f"Het e-mailadres {shown(email)} komt van een contactpersoon. Kijk of het een algemeen adres is."
                )
    return phone, email


def contact_block(part: Part, email: str | None, known_names: tuple[str, ...] = ()) -> dict | None:
    """Our 'contact' block from HSDS phones, email, url and contacts (each checked like the model does).

    known_names: names that are no person (the organisation, the place), so not reported as one.
    """
    people = _people(part, {n.casefold() for n in known_names if n})
    phone, address = _from_people(part, people, _phone(part), _email(part, email))
    out = {}
    if phone is not None:
        out["telefoon"] = phone[0]
    if address:
        out["email"] = address
    url = part.text("url")
    if url:
        if valid(model._website, url):
            out["website"] = url.strip()
        else:
            part.notes.append(f"Webadres '{shown(url)}' is niet overgenomen: het klopt niet.")
    if phone is not None:
        hours = _hours(phone[1], phone[0])
        if hours:
            out["bereikbaar"] = hours
    return out or None
