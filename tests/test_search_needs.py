"""Search as residents ask: need-phrased queries on the shipped site, in Chromium on a phone.

Every query is written the way people describe what they need (objects, symptoms, life events),
with the entries of the shipped data that answer it. A query is answered on the first screen
when one of those entries is among the first ``FIRST_SCREEN`` results. At least 95% must be.
For needs without any fitting entry the honest answer is checked instead: "Geen resultaten",
with tips and a link to the wijkteam.
"""

from __future__ import annotations

import pytest

from conftest import wait_for_text

FIRST_SCREEN = 3  # result cards that fit on the first screen of a 360x640 phone, next to the form

ONTMOETEN = {
    "Koffieochtend in de buurtkamer",
    "Brei- en haakcafé",
    "Koffie en kaarten",
    "Samen eten in het dorpshuis",
    "Samen eten in Oudeschild",
    "Wandelen en praten",
    "Burendag De Waal",
    "Omzien naar Elkaar",
    "Community Care",
    "Voorzorgcirkels",
    "Welzijn op Recept",
    "Zomerfeest voor het hele dorp",
}
GELD = {
    "Spreekuur geldzaken",
    "Schuldhulpverlening via het wijkteam",
    "Financieel Fit Den Helder",
    "Get a Grip",
    "Moneytalks",
    "Thuisadministratie",
    "Hulp bij formulieren",
}
DIGITAAL = {
    "Hulp bij je telefoon of tablet",
    "Digitaal spreekuur",
    "Digi-hulplijn voor ouderen",
    "Computercursus voor beginners",
}
REPAIR = {"Reparatiecafé Middenmeer", "Klusochtend Huisduinen"}
WERK = {"Regionaal Werkcentrum Noord-Holland Noord (RWC)", "Werkcafé", "Ontwikkelfonds: scholingsvouchers"}
TAAL = {
    "Taalcafé Den Burg",
    "Taalcafé Den Helder",
    "Taalmaatjes Schagen",
    "Samen Inburgering Noordkop (SIN)",
    "Internationaal Vrouwencentrum (IVC)",
}
MANTELZORG = {
    "Mantelzorgcafé",
    "Mantelzorgontbijt",
    "Wandelen voor mantelzorgers",
    "Even tijd voor jezelf",
    "Spreekuur welzijn bij de huisarts",
}
SOMBER = {
    "Online hulp van GGZ NHN",
    "Welzijn op Recept",
    "Wijkteam van je gemeente",
    "Gespreksgroep rouw",
    "Spreekuur welzijn bij de huisarts",
    "Chat met een jongerenwerker",
    "Wandelen en praten",
    "YOUH",
}
VERVOER = {"Vrijwillige vervoersdienst", "Rijden met een vrijwilliger", "Boodschappenbus"}
SCHEIDEN = {
    "Scheidingsplein",
    "Ouderavond: uit elkaar, en de kinderen?",
    "Praatgroep voor kinderen van gescheiden ouders",
}
BEWEGEN_OUD = {"Samen bewegen 55+", "Stoelyoga", "Walking football", "Valpreventie: groepstraining op Texel"}
SAMEN_ETEN = {"Samen eten in het dorpshuis", "Samen eten in Oudeschild"}

# (query as residents type it, filters, entries that answer it)
QUERIES = [
    ("ik voel me eenzaam", {}, ONTMOETEN),
    ("ik ben vaak alleen", {}, ONTMOETEN),
    ("ik kan mijn rekeningen niet betalen", {}, GELD),
    ("schulden", {}, GELD),
    ("brief van de belastingdienst", {}, GELD),
    ("toeslagen aanvragen", {}, {"Hulp bij formulieren"}),
    ("hulp met mijn ipad", {}, DIGITAAL),
    ("whatsapp op mijn telefoon", {}, DIGITAAL),
    ("digid", {}, DIGITAAL),
    ("computerles", {}, {"Computercursus voor beginners"}),  # compound: computer + les
    ("stoel kapot", {}, REPAIR),
    ("mijn fiets is stuk", {}, REPAIR),
    ("lamp ophangen", {}, {"Klusochtend Huisduinen"}),
    ("werk zoeken", {}, WERK),
    ("ik ben ontslagen", {}, WERK),
    ("sollicitatiebrief schrijven", {}, {"Werkcafé"}),
    ("nederlands leren", {}, TAAL),
    ("taal", {}, TAAL),
    ("maatje", {}, {"Taalmaatjes Schagen"}),  # compound: taal + maatjes
    ("vrouwen", {}, {"Internationaal Vrouwencentrum (IVC)", "Fietsles voor vrouwen"}),  # compound: vrouwen + centrum
    ("engels", {}, {"Taalcafé Den Burg", "Taalcafé Den Helder", "Huiswerkhulp"}),  # language spoken
    ("english", {}, {"Taalcafé Den Burg", "Taalcafé Den Helder", "Huiswerkhulp"}),
    ("arabisch", {}, {"Fietsles voor vrouwen", "Taalcafé Den Helder"}),
    ("pools", {}, {"Ouderkoffie op school"}),
    ("ik zorg voor mijn moeder", {}, MANTELZORG),
    ("mantelzorger", {}, MANTELZORG),
    ("mijn man is overleden", {}, {"Gespreksgroep rouw"}),
    ("ik ben somber", {}, SOMBER),
    ("stress", {}, SOMBER),
    ("psychische klachten", {}, {"Online hulp van GGZ NHN", "Welzijn op Recept"}),
    ("we gaan uit elkaar", {}, SCHEIDEN),
    ("scheiding kinderen", {}, SCHEIDEN),
    ("vragen over opvoeden", {}, {"Opvoedspreekuur", "Ouderkoffie op school", "Wijkteam van je gemeente"}),
    ("huiswerk", {}, {"Huiswerkhulp"}),
    ("ik heb geen auto", {}, VERVOER),
    ("vervoer naar de dokter", {}, VERVOER),
    ("boodschappen doen", {}, {"Boodschappenbus"}),
    ("hoge energierekening", {}, {"Energiecafé"}),
    ("vrijwilligerswerk", {}, {"Vrijwilligersmarkt"}),
    ("iets doen voor een ander", {}, {"Vrijwilligersmarkt", "Vrijwillige vervoersdienst", "Taalmaatjes Schagen"}),
    ("warme maaltijd", {}, SAMEN_ETEN),
    ("samen eten", {}, SAMEN_ETEN),
    ("bang om te vallen", {}, {"Valpreventie: groepstraining op Texel", "Stoelyoga"}),
    ("bewegen ouderen", {}, BEWEGEN_OUD),
    ("voetballen", {}, {"Walking football"}),
    ("breien", {}, {"Brei- en haakcafé"}),
    ("kaarten spelen", {}, {"Koffie en kaarten"}),
    ("peuters", {}, {"Speelochtend voor peuters en ouders", "Voorleesochtend voor peuters"}),
    ("sport kinderen texel", {}, {"TexelPas"}),  # not the chair yoga for older people
    ("sporten met een beperking", {}, {"Sporten op maat"}),
    ("thuis niet veilig", {}, {"Veilig Thuis"}),
    ("chatten met jongerenwerker", {}, {"Chat met een jongerenwerker"}),
    ("inburgering", {}, {"Samen Inburgering Noordkop (SIN)"}),
    (
        "geldzorgen Den Helder",
        {},
        {"Spreekuur geldzaken", "Financieel Fit Den Helder", "Schuldhulpverlening via het wijkteam"},
    ),
    ("koffie", {"gemeente": "texel"}, {"Speelochtend voor peuters en ouders"}),  # the only coffee on Texel
    ("regiovisie", {}, {"Het plan achter de Wegwijzer"}),  # a question about the plan
]

# Needs with no fitting entry in the shipped data: the honest answer is tested, not a result.
NO_ENTRY = ["tandarts", "ik zoek een oppas voor mijn hond"]

LOAD_CARDS = """async (refs) => {
  const per = JSON.parse(await (await fetch('../zoekindex/index.json')).text()).kaarten;
  const files = {};
  const out = [];
  for (const ref of refs) {
    const n = Math.floor(ref / per);
    files[n] = files[n] || await (await fetch('../zoekindex/kaarten-' + n + '.json')).json();
    out.push(files[n][ref % per].naam);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def searcher(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="nl-NL")
    page = context.new_page()
    page.goto(server + "zoeken/")
    page.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    yield page
    context.close()


def _first(page, query: str, filters: dict) -> list[str]:
    page.evaluate("([q, f]) => wwZoeken.prepare(q, f)", [query, filters])
    refs = page.evaluate("([q, f]) => wwZoeken.search(q, f).refs.slice(0, 10)", [query, filters])
    return page.evaluate(LOAD_CARDS, refs)


@pytest.mark.browser
def test_need_phrased_queries_are_answered_on_the_first_screen(searcher):
    assert len(QUERIES) >= 40
    missed = []
    for query, filters, answers in QUERIES:
        names = _first(searcher, query, filters)
        if not answers & set(names[:FIRST_SCREEN]):
            missed.append((query, names[:FIRST_SCREEN]))
    answered = 1 - len(missed) / len(QUERIES)
    assert answered >= 0.95, f"{answered:.0%} answered; missed: {missed}"


@pytest.mark.browser
@pytest.mark.parametrize("query", NO_ENTRY)
def test_a_need_without_an_entry_gets_an_honest_answer(phone, server, query):
    phone.goto(server + "zoeken/?q=" + query.replace(" ", "+"))
    phone.wait_for_selector("#ww-zoeken[data-klaar='ja']")
    wait_for_text(phone, "#zoek-status", pattern=r"^Geen")
    help_text = phone.inner_text("#zoek-hulp")
    assert "Probeer dit" in help_text
    assert phone.locator("#zoek-hulp a[href$='aanbod/wijkteam/']").count() == 1
    assert phone.locator("#zoek-bladeren a[href*='thema/']").count() >= 10
    assert phone.console_errors == []
