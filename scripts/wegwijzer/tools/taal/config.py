"""Settings of the language gate: ``data/taal.yaml`` (rules, thresholds, word lists) and ``data/jargon.yaml``.

Every threshold means "more than this is a finding", except ``leesbaarheid.minimum`` (a score below it is)
and ``woorden.zipf_minimum`` (a word less frequent than it is uncommon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from wegwijzer.core import yamlsafe

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
ERROR, WARNING, OFF = "fout", "let op", "uit"
LEVELS = (ERROR, WARNING, OFF)
LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"

# Every check the gate knows, with its level when taal.yaml does not name it.
CHECKS = {
    "zin_te_lang": ERROR,
    "zin_lang": WARNING,
    "woord_te_lang": ERROR,
    "jargon": ERROR,
    "ambtelijk": ERROR,
    "u_vorm": ERROR,
    "lijdende_vorm": WARNING,
    "lijdende_vorm_opdracht": ERROR,
    "naamwoordstijl": ERROR,
    "afkorting": ERROR,
    "afkortingen_stapel": WARNING,
    "opsomming": WARNING,
    "onbekend_woord": WARNING,
    "leesbaarheid": WARNING,
}

# A gap in a multi-word form ("dient … te"): up to six words, no punctuation and no "om" (dient als voorbeeld om te).
_GAP = r"(?:\s+(?!om\b)[^\s,;:()]+){0,6}?\s+"


class ConfigProblem(Exception):
    """A mistake in taal.yaml or jargon.yaml (the message is Dutch)."""


def norm_word(word: str) -> str:
    return word.strip().casefold().replace("’", "'")


@dataclass(frozen=True)
class Term:
    """A hard word (jargon) or a stiff official word or phrase (ambtelijk) with a plain alternative."""

    woord: str
    schrijf: str
    soort: str = "jargon"
    vormen: tuple[str, ...] = ()
    bekend_bij: tuple[str, ...] = ()  # audiences (doelgroepen) who know the word

    @property
    def pattern(self) -> re.Pattern:
        return _term_pattern(self.woord, self.vormen, self.soort == "jargon")

    @property
    def single(self) -> bool:
        """One plain word: it also counts inside a compound (zorgakkoord -> integraalzorgakkoord)."""
        return self.soort == "jargon" and re.fullmatch(rf"[{LETTER}]+", self.woord) is not None


@lru_cache(maxsize=1024)
def _term_pattern(woord: str, vormen: tuple[str, ...], plurals: bool = True) -> re.Pattern:
    forms = {woord, *vormen}
    if plurals and " " not in woord and "…" not in woord:
        forms |= {woord + "s", woord + "en", woord + "n"}
    alts = []
    for form in sorted(forms, key=len, reverse=True):
        parts = [re.escape(p.strip()).replace(r"\ ", r"\s+") for p in form.replace("...", "…").split("…")]
        alts.append(_GAP.join(parts))
    return re.compile(rf"(?<![{LETTER}\-])(?:{'|'.join(alts)})(?![{LETTER}\-])", re.IGNORECASE)


@dataclass(frozen=True)
class Config:
    checks: dict[str, str] = field(default_factory=dict)
    target_words: int = 12
    max_words: int = 20
    max_letters: int = 40
    flesch_min: float = 60.0
    flesch_min_words: int = 40
    zipf_min: float = 3.0
    max_list_items: int = 5
    max_nominalisations: int = 1
    max_abbreviations: int = 2
    allowed_everywhere: frozenset[str] = frozenset()
    allowed: dict[str, frozenset[str]] = field(default_factory=dict)
    names: tuple[str, ...] = ()  # known names, valid everywhere as a whole
    known_abbreviations: frozenset[str] = frozenset()
    recognised_abbreviations: frozenset[str] = frozenset()  # with lower-case letters: Wmo, Wlz
    everyday_nouns: frozenset[str] = frozenset()  # nouns on -ing, -atie, -heid that are no nominal style
    not_participles: frozenset[str] = frozenset()  # words like 'gezond' that look like ge-...-d
    zijn_participles: frozenset[str] = frozenset()  # 'is gegaan': perfect tense, not passive
    jargon: tuple[Term, ...] = ()

    def level(self, check: str) -> str:
        return self.checks.get(check, CHECKS.get(check, WARNING))


def _section(data: dict, key: str, source: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigProblem(f"{source}: '{key}' moet een lijstje met 'naam: waarde' zijn.")
    return value


def _number(section: dict, key: str, default: float, where: str, *, whole: bool = True) -> Any:
    value = section.get(key, default)
    kind = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind) or value < 0:
        what = "een heel getal van 0 of meer" if whole else "een getal van 0 of meer"
        raise ConfigProblem(f"{where}.{key} staat op '{value}'. Schrijf {what}.")
    return value


def _words(value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise ConfigProblem(f"{where} moet een lijst zijn, zo: [woord, ander woord].")
    return frozenset(norm_word(str(w)) for w in value if str(w).strip())


def _checks(data: dict, source: str) -> dict[str, str]:
    checks = {}
    for name, level in _section(data, "controles", source).items():
        name, level = str(name), str(level).strip()
        if name not in CHECKS:
            known = ", ".join(CHECKS)
            raise ConfigProblem(f"{source}: de controle '{name}' bestaat niet. Kies uit: {known}.")
        if level not in LEVELS:
            raise ConfigProblem(f"{source}: controle '{name}' staat op '{level}'. Kies fout, let op of uit.")
        checks[name] = level
    return checks


def _terms(terms: Any, source: str) -> tuple[Term, ...]:
    if not isinstance(terms, list):
        raise ConfigProblem(f"{source}: schrijf een lijst met woorden, elk met 'woord' en 'schrijf'.")
    out = []
    for i, t in enumerate(terms):
        if not isinstance(t, dict) or not t.get("woord") or not t.get("schrijf"):
            raise ConfigProblem(f"{source}: item {i + 1} heeft geen 'woord' en 'schrijf'.")
        soort = str(t.get("soort", "jargon"))
        if soort not in ("jargon", "ambtelijk"):
            raise ConfigProblem(
                f"{source}: item {i + 1} ('{t['woord']}') heeft soort '{soort}'. Kies jargon of ambtelijk."
            )
        out.append(
            Term(
                str(t["woord"]).strip().lower(),
                str(t["schrijf"]).strip(),
                soort,
                tuple(str(v).lower() for v in t.get("vormen") or ()),
                tuple(str(v) for v in t.get("bekend_bij") or ()),
            )
        )
    return tuple(out)


def _read(path: Path) -> Any:
    try:
        return yamlsafe.read(path).data
    except yamlsafe.YamlProblem as exc:
        raise ConfigProblem(f"{path.name}, regel {exc.line}: {exc.message}") from None
    except OSError:
        raise ConfigProblem(f"{path}: dit bestand kan ik niet lezen. Klopt de naam?") from None


def load_config(path: Path | None = None, jargon_path: Path | None = None) -> Config:
    """Read taal.yaml and jargon.yaml (a Dutch message on a mistake)."""
    path = path or DATA_DIR / "taal.yaml"
    jargon_path = jargon_path or DATA_DIR / "jargon.yaml"
    data = _read(path) or {}
    if not isinstance(data, dict):
        raise ConfigProblem(f"{path.name}: schrijf de instellingen als 'naam: waarde'.")
    src = path.name
    zin, lees, woorden = (_section(data, k, src) for k in ("zin", "leesbaarheid", "woorden"))
    opsomming, stijl = _section(data, "opsomming", src), _section(data, "naamwoordstijl", src)
    afk, lijdend = _section(data, "afkortingen", src), _section(data, "lijdende_vorm", src)
    toegestaan = _section(data, "toegestaan", src)
    return Config(
        checks=_checks(data, src),
        target_words=_number(zin, "doel_woorden", 12, "zin"),
        max_words=_number(zin, "max_woorden", 20, "zin"),
        max_letters=_number(woorden, "max_letters", 40, "woorden"),
        flesch_min=float(_number(lees, "minimum", 60, "leesbaarheid", whole=False)),
        flesch_min_words=_number(lees, "min_woorden", 40, "leesbaarheid"),
        zipf_min=float(_number(woorden, "zipf_minimum", 3.0, "woorden", whole=False)),
        max_list_items=_number(opsomming, "max_items", 5, "opsomming"),
        max_nominalisations=_number(stijl, "max_per_zin", 1, "naamwoordstijl"),
        max_abbreviations=_number(afk, "max_per_zin", 2, "afkortingen"),
        allowed_everywhere=_words(data.get("overal_toegestaan"), "overal_toegestaan"),
        allowed={str(f): _words(ws, f"toegestaan: {f}") for f, ws in toegestaan.items()},
        names=tuple(sorted({str(n).strip() for n in data.get("namen") or [] if str(n).strip()})),
        known_abbreviations=frozenset(str(a).strip() for a in afk.get("bekend") or []),
        recognised_abbreviations=frozenset(str(a).strip() for a in afk.get("herken") or []),
        everyday_nouns=_words(stijl.get("gewone_woorden"), "naamwoordstijl.gewone_woorden"),
        not_participles=_words(lijdend.get("geen_deelwoord"), "lijdende_vorm.geen_deelwoord"),
        zijn_participles=_words(lijdend.get("met_zijn"), "lijdende_vorm.met_zijn"),
        jargon=_terms(_read(jargon_path) or [], jargon_path.name),
    )
