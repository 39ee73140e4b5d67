"""Asking the Overpass API for meeting places in the four gemeenten: only when an editor runs `import-osm`.

One POST request with a clear User-Agent and a timeout; the answer is read bounded and kept in a
file (``--bewaar``, never over an existing one) so the same data can be read again offline with
``--bestand``. Every failure is one Dutch message (offline, too slow, refused, too busy).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlencode

from wegwijzer.core.guard import shown
from wegwijzer.opendata.hsds_import.feed import FeedProblem
from wegwijzer.opendata.imports.common import MAX_INPUT_BYTES
from wegwijzer.opendata.imports.osm import KINDS

SERVER = "https://overpass-api.de/api/interpreter"
USER_AGENT = "wegwijzer-van-de-kop (sociale kaart; wegwijzer import-osm)"
TIMEOUT_SECONDS = 90
GEMEENTEN = ("Den Helder", "Hollands Kroon", "Schagen", "Texel")


def query(gemeenten: tuple[str, ...] = GEMEENTEN) -> str:
    """Overpass QL: every node, way and relation with one of our amenities inside the gemeenten, with centres."""
    names = "|".join(gemeenten)
    amenities = "|".join(KINDS)
    return (
        f"[out:json][timeout:{TIMEOUT_SECONDS - 10}];\n"
        f'area["boundary"="administrative"]["admin_level"="8"]["name"~"^({names})$"]->.kop;\n'
        f'nwr["amenity"~"^({amenities})$"](area.kop);\n'
        "out center tags;\n"
    )


def fetch(server: str = SERVER, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The Overpass answer as bytes (JSON); FeedProblem with a Dutch message when it cannot be had."""
    if not server.startswith(("https://", "http://")):
        raise FeedProblem(f"--server '{shown(server, 80)}' is geen webadres. Begin met https://.")
    request = urllib.request.Request(
        server,
        data=urlencode({"data": query()}).encode("utf-8"),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        method="POST",
    )
    offline = (
        f"OpenStreetMap (Overpass, {shown(server, 80)}) is niet bereikbaar. Ben je online? "
        "Probeer het later opnieuw, of lees een opgeslagen antwoord in met --bestand."
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            raw = answer.read(MAX_INPUT_BYTES + 1)
    except urllib.error.HTTPError as exc:
        busy = " De server heeft het druk: probeer het over een paar minuten opnieuw." if exc.code in (429, 504) else ""
        raise FeedProblem(f"Overpass gaf een fout ({exc.code}).{busy}") from None
    except TimeoutError:
        raise FeedProblem(
            f"Overpass antwoordde niet binnen {timeout:.0f} seconden. Probeer het later opnieuw."
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        raise FeedProblem(f"{offline} ({shown(getattr(exc, 'reason', exc), 80)})") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise FeedProblem("Het antwoord van Overpass is te groot. Vraag een kleiner gebied op.")
    return raw
