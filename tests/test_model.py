"""Every validation rule of the entry model: a good and a bad case each."""

import datetime as dt

import pytest
from pydantic import ValidationError

from entries import offer, place
from wegwijzer.core import guard, vocab
from wegwijzer.core.messages import translate
from wegwijzer.core.model import Activity, Location


def errors_of(model, data) -> str:
    """The Dutch messages an editor sees for this data."""
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data)
    return "\n".join(translate(e, model.kind, model)[1] for e in exc.value.errors())


def test_valid_place_and_offer():
    loc = Location.model_validate(place())
    act = Activity.model_validate(offer())
    assert loc.adres.postcode == "1781 AB"
    assert act.schema[0].herhaling == "wekelijks"


@pytest.mark.parametrize(
    "good, bad", [("1781 AB", "178 AB"), ("1781ab", "1781 SS"), ("1791 CD", "ABCD 12"), ("1781 SE", "1781 sd")]
)
def test_postcode(good, bad):
    Location.model_validate(place(adres={"plaats": "Den Helder", "postcode": good}))
    assert "geen geldige postcode" in errors_of(Location, place(adres={"plaats": "Den Helder", "postcode": bad}))


@pytest.mark.parametrize(
    "good",
    [
        "0223 123 456",
        "06-12345678",
        "+31 223 123456",
        "0031 223 123456",
        "0800 1234",
        "0800-2000",  # Veilig Thuis
        "0800-0113",
        "0900-8844",  # politie, geen spoed
        "+31 800 2000",
        "088-0767000",  # De Luisterlijn
        "14 0223",  # the gemeente's short number
        "112",
        "113",
        "+32 2 123 45 67",
    ],
)
def test_phone_good(good):
    Location.model_validate(place(contact={"telefoon": good}))


@pytest.mark.parametrize(
    "bad",
    [
        "12345",
        "06-1234",
        "bel ons",
        "0223 123 4567 8",
        "11",
        "114",
        "1120",
        "0800 12",
        "0800-20000000",
        "14 12",
        "+31 6 1234",
        "088-076700",
    ],
)
def test_phone_bad(bad):
    assert "geen geldig telefoonnummer" in errors_of(Location, place(contact={"telefoon": bad}))


def test_email():
    Location.model_validate(place(contact={"email": "naam@bieb.nl"}))
    assert "geen geldig e-mailadres" in errors_of(Location, place(contact={"email": "naam@bieb"}))
    assert "geen geldig e-mailadres" in errors_of(Location, place(contact={"email": "<script>@x.nl"}))


@pytest.mark.parametrize(
    "bad",
    [
        "javascript:alert(1)",
        "www.bieb.nl",
        "ftp://bieb.nl",
        "data:text/html,x",
        'https://bieb.nl/"onmouseover="x',
        "https://bieb.nl/<script>",
    ],
)
def test_website_only_http(bad):
    Location.model_validate(place(contact={"website": "http://bieb.nl/pagina"}))
    assert "geen geldig webadres" in errors_of(Location, place(contact={"website": bad}))


def test_links_in_text_only_safe_schemes():
    Activity.model_validate(offer(beschrijving="Kijk op [de site](https://bieb.nl) of [bel](tel:0223123456)."))
    assert "Een link mag alleen" in errors_of(Activity, offer(beschrijving="[klik](javascript:alert(1))"))


def test_html_in_text_is_an_error():
    Activity.model_validate(offer(beschrijving="Prijs: 3 < 5 en 5 > 3."))
    assert "Gebruik geen HTML" in errors_of(Activity, offer(beschrijving="Hallo <script>alert(1)</script>"))
    assert "Gebruik geen HTML" in errors_of(Activity, offer(naam="<b>Vet</b>"))


def test_coordinates_inside_region():
    Location.model_validate(place(coordinaten={"lat": 53.05, "lon": 4.80}))  # Texel
    assert "ligt niet in de Kop" in errors_of(Location, place(coordinaten={"lat": 52.37, "lon": 4.89}))  # Amsterdam
    assert "ligt niet in de Kop" in errors_of(Location, place(coordinaten={"lat": 4.76, "lon": 52.95}))  # swapped


@pytest.mark.parametrize("bad", ["25:00", "9.30", "10:60", "tien uur"])
def test_impossible_times(bad):
    assert "geen bestaande tijd" in errors_of(Activity, offer(schema=[{"dag": "maandag", "van": bad, "tot": "23:00"}]))


def test_end_time_before_start():
    Activity.model_validate(offer(schema=[{"dag": "maandag", "van": "9:00", "tot": "10:00"}]))
    assert "eindtijd" in errors_of(Activity, offer(schema=[{"dag": "maandag", "van": "12:00", "tot": "10:00"}]))


def test_impossible_dates_and_end_before_start():
    Activity.model_validate(offer(schema=[{"datum": "2026-02-28", "van": "10:00", "tot": "11:00"}]))
    assert "geen bestaande datum" in errors_of(
        Activity, offer(schema=[{"datum": "2026-02-30", "van": "10:00", "tot": "11:00"}])
    )
    assert "ligt voor de startdatum" in errors_of(
        Activity,
        offer(schema=[{"dag": "maandag", "van": "10:00", "tot": "11:00", "start": "2026-09-01", "eind": "2026-08-01"}]),
    )


def test_monthly_needs_week():
    Activity.model_validate(
        offer(schema=[{"dag": "donderdag", "van": "10:00", "tot": "11:00", "herhaling": "maandelijks", "week": -1}])
    )
    assert "hoort 'week'" in errors_of(
        Activity, offer(schema=[{"dag": "donderdag", "van": "10:00", "tot": "11:00", "herhaling": "maandelijks"}])
    )


def test_day_or_date_not_both():
    assert "niet allebei" in errors_of(
        Activity, offer(schema=[{"dag": "maandag", "datum": "2026-12-01", "van": "10:00", "tot": "11:00"}])
    )


def test_controlled_lists():
    assert "geen geldige keuze" in errors_of(Activity, offer(themas=["koken"]))
    assert "Bedoelde je 'gezondheid'?" in errors_of(Activity, offer(themas=["gezondheit"]))
    assert "geen geldige keuze" in errors_of(Location, place(soort="kasteel"))


def test_summary_at_most_160_characters():
    Activity.model_validate(offer(samenvatting="woord " * 26 + "klar"))  # 160 characters
    assert "te lang" in errors_of(Activity, offer(samenvatting="woord " * 26 + "klaar"))


def test_unknown_field_is_an_error():
    assert "Bedoelde je 'doelgroepen'?" in errors_of(Activity, offer(doelgroep=["ouders"]))


def test_offer_needs_a_place_or_area():
    Activity.model_validate(offer(plekken=[], gebied=["texel"]))
    assert "Vul 'plekken' in" in errors_of(Activity, offer(plekken=[]))


def test_cost_free_or_amount():
    Activity.model_validate(offer(kosten={"bedrag": 2.5, "uitleg": "per keer"}))
    assert "Kies één van de twee" in errors_of(Activity, offer(kosten={"gratis": True, "bedrag": 3}))


def test_checked_date_not_in_future():
    Activity.model_validate(offer(gecontroleerd_op="2026-01-05"))
    assert "toekomst" in errors_of(Activity, offer(gecontroleerd_op="2999-01-01"))


def test_ja_nee_accepted_for_yes_no():
    assert Activity.model_validate(offer(aanmelden={"nodig": "ja"})).aanmelden.nodig is True


def test_mailto_from_a_copied_link_is_left_out():
    """'mailto:' pasted from a link is dropped, so the page's mail link goes to the address itself."""
    for written in ("mailto:naam@bieb.nl", "MAILTO:naam@bieb.nl"):
        assert Location.model_validate(place(contact={"email": written})).contact.email == "naam@bieb.nl"


def test_ids_up_to_the_limit():
    longest = "a" * vocab.ID_MAX
    assert Activity.model_validate(offer(plekken=[longest])).plekken == [longest]
    assert "is geen id" in errors_of(Activity, offer(plekken=[longest + "a"]))


def test_checked_today_is_not_in_the_future():
    checked = Activity.model_validate(offer(gecontroleerd_op=dt.date.today().isoformat())).gecontroleerd_op
    assert checked == dt.date.today()


def test_web_address_up_to_the_limit():
    longest = "https://bieb.nl/" + "a" * (guard.MAX_URL_CHARS - len("https://bieb.nl/"))
    assert Location.model_validate(place(contact={"website": longest})).contact.website == longest
    assert "geen geldig webadres" in errors_of(Location, place(contact={"website": longest + "a"}))


def test_ja_and_nee_in_any_case():
    assert Activity.model_validate(offer(aanmelden={"nodig": " Nee "})).aanmelden.nodig is False
    assert Activity.model_validate(offer(bel_112="JA")).bel_112 is True


def test_a_text_up_to_the_limit():
    text = ("woord " * 1000)[: guard.MAX_TEXT_CHARS]  # ends in 'wo'
    longest = "\n".join(text[i : i + 1000] for i in range(0, len(text), 1000))  # lines of 1000 characters
    longest = longest[: guard.MAX_TEXT_CHARS]
    assert len(longest) == guard.MAX_TEXT_CHARS and not longest.endswith((" ", "\n"))
    assert Activity.model_validate(offer(beschrijving=longest)).beschrijving == longest
    assert errors_of(Activity, offer(beschrijving=longest + "x")) == (
        "De tekst is te lang: 5001 tekens. Maak hem korter dan 5001 tekens."
    )


def test_a_long_wrong_value_is_cut_in_the_message():
    """A message shows a wrong value of up to 60 characters whole, a longer one cut with '...'."""
    sixty = "a" * 51 + "@biebnl.n"  # a last part of one letter: not an address
    assert len(sixty) == 60
    assert errors_of(Location, place(contact={"email": sixty})).startswith(f"'{sixty}' is geen")
    assert errors_of(Location, place(contact={"email": "b" + sixty})).startswith(f"'{'b' + sixty[:56]}...' is geen")


def test_an_address_on_one_line():
    """As on a place's page, a leaflet and in the exports."""
    assert Location.model_validate(place()).adres.one_line() == "Keizerstraat 1, 1781 AB Den Helder"
    assert Location.model_validate(place(adres={"plaats": "Den Helder"})).adres.one_line() == "Den Helder"
    only_street = place(adres={"straat": "Keizerstraat", "plaats": "Oudeschild"})
    assert Location.model_validate(only_street).adres.one_line() == "Keizerstraat, Oudeschild"


def test_a_line_and_a_word_up_to_the_limit():
    line = ("woord " * 400)[: guard.MAX_LINE_CHARS - 1] + "x"
    assert len(line) == guard.MAX_LINE_CHARS
    assert Activity.model_validate(offer(beschrijving=line)).beschrijving == line
    assert errors_of(Activity, offer(beschrijving="Eerst dit.\n" + line + "x")) == (
        "Regel 2 van de tekst is te lang (2001 tekens). "
        "Zet er een lege regel tussen: een alinea is hoogstens 2000 tekens."
    )
    word = "a" * guard.MAX_WORD_LETTERS
    assert Activity.model_validate(offer(beschrijving=f"Een {word}.")).beschrijving == f"Een {word}."
    assert errors_of(Activity, offer(beschrijving=f"Een {word}b.")) == (
        f"Het woord '{'a' * 27}...' is te lang (61 letters). "
        "Een woord heeft hoogstens 60 letters. Zet spaties of streepjes tussen de delen."
    )


def test_times_are_counted_at_every_place_they_are_held_at():
    """40 places: 4 times at all of them and one time at each place is 200 times on the pages, the most."""
    places = [f"plek-{i}" for i in range(guard.MAX_PLACES)]
    at_all = [{"dag": "maandag", "van": f"{9 + i:02d}:00", "tot": f"{9 + i:02d}:30"} for i in range(4)]
    at_one = [{"dag": "dinsdag", "van": "10:00", "tot": "11:00", "plek": p} for p in places]
    assert len(Activity.model_validate(offer(plekken=places, schema=at_all + at_one)).schema) == 44
    extra = {"dag": "woensdag", "van": "10:00", "tot": "11:00", "plek": places[0]}
    assert errors_of(Activity, offer(plekken=places, schema=[*at_all, *at_one, extra])) == (
        "Er staan te veel tijden op te veel plekken: 201 (tijden keer plekken). Dat kan hoogstens 200 zijn. "
        "Zet bij elke tijd 'plek', of maak er meer items van."
    )
