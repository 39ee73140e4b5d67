"""The address of every page, in one table: ``url_for(kind, key)``.

Python code and templates (the Jinja global ``url_for``) both ask here, so the URL
scheme exists once. Addresses are relative to the site root and end in '/'.
"""

from __future__ import annotations

ROUTES: dict[str, str] = {
    # pages made from the catalogue
    "plek": "plek/{key}/",
    "aanbod": "aanbod/{key}/",
    "gemeente": "gemeente/{key}/",
    "kern": "kern/{key}/",
    "wijk": "wijk/{key}/",
    "thema": "thema/{key}/",
    "doelgroep": "voor/{key}/",
    "folder": "folder/{key}/",
    # life-event guides (core.guides, site.guides); "gids-gebied" and "folder-gids" have the key "<guide>/<area>"
    "gids": "gids/{key}/",
    "gids-gebied": "gids/{key}/",
    "folder-gids": "folder/gids/{key}/",
    # lists
    "themas": "thema/",
    "doelgroepen": "voor/",
    "buurt": "buurt/",
    "plekken": "plekken/",
    "alle-aanbod": "aanbod/",
    "professionals": "professionals/",
    "lijst": "lijst/",  # "Mijn lijst": entries the visitor keeps in the browser (site.lijst)
    "nieuw": "nieuw/",
    "gidsen": "gids/",
    "binnenkort": "binnenkort/",  # every coming one-off event (site.events)
    # the pages a public service owes its users (site.trust)
    "over": "over/",
    "privacy": "privacy/",
    "toegankelijkheid": "toegankelijkheid/",
    # hand-written pages with their own template (content/)
    "home": "",
    "zoeken": "zoeken/",
    "kaart": "kaart/",
    "open-data": "open-data/",
    "plan": "plan/",
    "redactie-hulp": "redactie/zo-voeg-je-iets-toe/",
    # pages for editors and the programme team
    "gereed": "redactie/gereed/",
    "redactie-gidsen": "redactie/gidsen/",
    # the intake form for providers: a new entry or a change, handed over without git (site.intake)
    "aanmelden": "aanmelden/",
}


# Pages that exist once under another address: the audience "professionals" is the professionals page
# (one page for both: the offers to refer residents to, and the offers for professionals themselves).
ALIASES: dict[tuple[str, str], tuple[str, str]] = {("doelgroep", "professionals"): ("professionals", "")}


def url_for(kind: str, key: str = "") -> str:
    """'plek', 'bibliotheek-den-burg' -> 'plek/bibliotheek-den-burg/'."""
    kind, key = ALIASES.get((kind, key), (kind, key))
    try:
        route = ROUTES[kind]
    except KeyError:
        raise KeyError(f"Unknown page kind {kind!r}; add it to ROUTES in wegwijzer/core/urls.py") from None
    if ("{key}" in route) != bool(key):
        raise ValueError(f"Page kind {kind!r} {'needs' if '{key}' in route else 'takes no'} key (got {key!r})")
    return route.format(key=key)
