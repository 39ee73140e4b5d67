"""The home page and an entry page in a real Chromium at phone size."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_on_a_phone(phone, server):
    phone.goto(server)
    assert phone.locator("h1").first.inner_text() == "De Wegwijzer van de Kop"
    assert phone.get_by_role("heading", name="Wat is er in mijn buurt?").is_visible()
    assert phone.get_by_role("heading", name="Waar zoek je hulp bij?").is_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert phone.console_errors == []


def test_entry_page_on_a_phone(phone, server, catalog):
    act = next(a for a in catalog.activities.values() if a.plekken and a.schema)
    phone.goto(server + f"aanbod/{act.id}/")
    assert phone.locator("h1").first.inner_text() == act.naam
    assert phone.get_by_text("Wanneer?").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.console_errors == []
    # From the entry to its place and back to its woonkern: the links work.
    phone.get_by_role("link", name=act.naam and next(iter([catalog.locations[act.plekken[0]].naam]))).first.click()
    assert phone.locator("h1").first.inner_text() == catalog.locations[act.plekken[0]].naam
    assert phone.console_errors == []
