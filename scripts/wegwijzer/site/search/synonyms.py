"""Synonym groups (``data/synoniemen.yaml``): words residents use for the same need."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from wegwijzer.core import yamlsafe
from wegwijzer.core.vocab import DATA_DIR
from wegwijzer.site.search.analysis import analyze


def load_synonyms(path: Path = DATA_DIR / "synoniemen.yaml") -> list[list[str]]:
    data = yamlsafe.read(path).data
    groups = data.get("groepen") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise PluginError(f"{path.name}: zet de groepen onder 'groepen:', elke groep als een lijst woorden.")
    out = []
    for n, group in enumerate(groups, 1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            raise PluginError(f"{path.name}: groep {n} moet een lijst van minstens twee woorden zijn.")
        out.append([w.strip() for w in group])
    return out


def synonym_groups(groups: list[list[str]]) -> list[list[list[str]]]:
    """Every group as lists of stemmed terms (a phrase becomes more terms), without duplicates."""
    result = []
    for group in groups:
        phrases = []
        for phrase in group:
            terms = analyze(phrase)
            if terms and terms not in phrases:
                phrases.append(terms)
        if len(phrases) > 1:
            result.append(phrases)
    return result
