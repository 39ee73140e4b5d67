"""Words residents use (``data/synoniemen.yaml``): synonym groups, words for "voor wie", words about the plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from wegwijzer.core import vocab, yamlsafe
from wegwijzer.core.vocab import DATA_DIR
from wegwijzer.site.search.analysis import analyze, stem, words

SYNONYMS = DATA_DIR / "synoniemen.yaml"


@dataclass(frozen=True)
class SearchWords:
    """The search words, analysed: every phrase is a list of index terms."""

    groups: list[list[list[str]]]  # synonym groups, each a list of phrases
    audiences: dict[str, str]  # a word (not a stem: 'ouders' and 'ouderen' share one) -> the audience key
    plan: frozenset[str]  # stems that make a query one about the regional plan
    fillers: frozenset[str] = frozenset()  # words (not stems) a result does not need to have

    def stems(self) -> set[str]:
        found = {t for group in self.groups for phrase in group for t in phrase}
        return found | {stem(w) for w in self.audiences} | set(self.plan)


def _word_list(path: Path, where: str, value, minimum: int = 1) -> list[str]:
    if not isinstance(value, list) or len(value) < minimum or not all(isinstance(w, str) and w.strip() for w in value):
        words = "minstens twee woorden" if minimum > 1 else "minstens één woord"
        raise PluginError(f"{path.name}: {where} moet een lijst van {words} zijn.")
    return [w.strip() for w in value]


def _read(path: Path):
    try:
        return yamlsafe.read(path).data
    except yamlsafe.YamlProblem as exc:
        where = f", regel {exc.line}" if exc.line else ""
        raise PluginError(f"{path.name}{where}: {exc.message}") from None


def load_synonyms(path: Path = SYNONYMS) -> list[list[str]]:
    """The synonym groups as written: lists of words and phrases."""
    data = _read(path)
    groups = data.get("groepen") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise PluginError(f"{path.name}: zet de groepen onder 'groepen:', elke groep als een lijst woorden.")
    return [_word_list(path, f"groep {n}", group, 2) for n, group in enumerate(groups, 1)]


def synonym_groups(groups: list[list[str]]) -> list[list[list[str]]]:
    """Every group as lists of stemmed terms (a phrase becomes more terms), without duplicates."""
    result = []
    for group in groups:
        phrases: list[list[str]] = []
        for phrase in group:
            terms = analyze(phrase)
            if terms and terms not in phrases:
                phrases.append(terms)
        if len(phrases) > 1:
            result.append(phrases)
    return result


def _audiences(path: Path, data: dict) -> dict[str, str]:
    section = data.get("voor_wie") or {}
    if not isinstance(section, dict):
        raise PluginError(f"{path.name}: zet onder 'voor_wie:' per doelgroep een lijst woorden.")
    out: dict[str, str] = {}
    for key, value in section.items():
        if key not in vocab.LISTS["doelgroepen"]:
            choices = ", ".join(vocab.keys("doelgroepen"))
            raise PluginError(f"{path.name}: '{key}' onder 'voor_wie' is geen doelgroep. Kies uit: {choices}.")
        for word in _word_list(path, f"voor_wie: {key}", value):
            for found in words(word):
                out.setdefault(found, key)
    return out


def load_search_words(path: Path = SYNONYMS) -> SearchWords:
    data = _read(path)
    if not isinstance(data, dict):
        raise PluginError(f"{path.name}: het bestand moet 'groepen:', 'voor_wie:' en 'over_het_plan:' hebben.")
    plan = _word_list(path, "over_het_plan", data.get("over_het_plan") or ["plan"])
    return SearchWords(
        groups=synonym_groups(load_synonyms(path)),
        audiences=_audiences(path, data),
        plan=frozenset(t for word in plan for t in analyze(word)),
        fillers=frozenset(
            w for word in _word_list(path, "vulwoorden", data.get("vulwoorden") or ["graag"]) for w in words(word)
        ),
    )
