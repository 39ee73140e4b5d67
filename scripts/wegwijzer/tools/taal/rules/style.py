"""Style: passive sentences, nominal style (nouns doing the work of verbs) and the formal 'u'."""

from __future__ import annotations

from functools import lru_cache

from wegwijzer.tools.taal.rules.definitions import defined_tokens
from wegwijzer.tools.taal.sentences import Token
from wegwijzer.tools.taal.text import FileText
from wegwijzer.tools.taal.words import compound_parts, known, verb_known

WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
ZIJN = frozenset({"is", "zijn", "was", "waren", "ben", "bent", "geweest"})
_MODALS = frozenset({"moet", "moeten", "dient", "dienen", "diende", "dienden", "mag", "mogen", "hoeft", "hoeven"})
_MAY = frozenset({"kan", "kunnen", "zal", "zullen", "wil", "willen"})
_ASKING = frozenset({"verzocht", "gevraagd", "verwacht", "aangeraden", "geadviseerd", "verplicht", "verboden"})
_STOP_WORDS = "dat als omdat die wat want maar of en wanneer zodat terwijl hoe waar wie welke doordat nadat voordat"
_STOP = frozenset(_STOP_WORDS.split())
_SEPARABLE_WORDS = (
    "aan af bij door in mee na om onder op over terug toe uit vast voor weg samen tegen binnen buiten neer rond "
    "los open klaar vrij thuis dicht bekend stil goed kapot schoon tot achter teweeg tegemoet bloot kennis deel "
    "plaats"
)
_SEPARABLE = tuple(sorted(_SEPARABLE_WORDS.split(), key=len, reverse=True))
_UNSTRESSED = ("be", "ver", "ont", "her", "er", "ge")
# A participle never follows these: 'te' (infinitive), 'aan het' (progressive), an article or 'mijn' (a noun).
_NOT_BEFORE = frozenset(["te", "het", "een", "de", "mijn", "jouw", "onze", "uw"])
_FORMAL = frozenset({"u", "uw", "uzelf", "uwe"})
_WINDOW = 8  # words between 'wordt' and the participle


def _verb_forms(stem: str) -> set[str]:
    """Infinitives a stem can come from: behandel -> behandelen, besliss -> beslissen, weg -> wegen."""
    forms = {stem + "en", stem + stem[-1:] + "en"}
    if len(stem) > 3 and stem[-3:-1] in ("aa", "ee", "oo", "uu"):
        forms.add(stem[:-2] + stem[-1] + "en")
    if stem.endswith("f"):
        forms.add(stem[:-1] + "ven")
    if stem.endswith("s"):
        forms.add(stem[:-1] + "zen")
    if stem.endswith("en"):
        forms.add(stem)
    return forms


def _plural_noun(word: str) -> bool:
    """gemeenten, gezinnen, gebieden, bedrijven: the plural of a noun, not a participle on -en."""
    stems = {word[:-1], word[:-2]}
    if len(word) > 4 and word[-3] == word[-4]:
        stems.add(word[:-3])
    if word.endswith("ven"):
        stems.add(word[:-3] + "f")
    if word.endswith("zen"):
        stems.add(word[:-3] + "s")
    return any(len(s) >= 4 and known(s, 3.0) for s in stems)


def _compound_noun(core: str) -> bool:
    """geldzaken, gezinsleden: a compound whose first part is a common word (geld, gezin), not ge-...-en."""
    if not core.startswith("ge"):
        return False
    parts = compound_parts(core, 3.0)
    return bool(parts) and len(parts[0]) >= 4 and known(parts[0], 4.0)


def _weak(core: str) -> bool:
    """A participle on -d or -t: its verb has a present form on -t (geregeld -> regelt, opgeleid -> leidt)."""
    stem = core[2:] if core.startswith("ge") else core
    forms = {stem} if stem.endswith("t") else {stem[:-1] + "t", stem + "t"}
    return len(stem) >= 3 and any(known(f, 2.0) for f in forms)


def _infinitive(word: str) -> bool:
    """bewegen -> beweegt, bedrijven -> bedrijft, zitten -> zit: a verb's infinitive, not a participle."""
    stem = word[:-2]
    cands = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        cands.add(stem[:-1])
    if len(stem) > 3 and stem[-2] in "aeou" and stem[-3] not in "aeiou" and stem[-1] not in "aeiou":
        cands.add(stem[:-1] + stem[-2] + stem[-1])
    cands |= {c[:-1] + {"v": "f", "z": "s"}[c[-1]] for c in list(cands) if c[-1:] in ("v", "z")}
    return any(known(c if c.endswith("t") else c + "t", 2.5) for c in cands)


def _strong(core: str, word: str) -> bool:
    """A participle on -en (genomen, besproken), not a plural (gemeenten) or an infinitive (bewegen)."""
    if _plural_noun(word) or _compound_noun(core):
        return False
    return core.startswith("ge") or not _infinitive(word)


def _participle(word: str, not_participles: frozenset[str]) -> bool:
    """Does this look like a past participle (ingevuld, genomen, behandeld, verstrekt)?"""
    if len(word) < 5 or word in not_participles or not word.isalpha():
        return False
    if word.endswith(("end", "ende")) and verb_known(word.removesuffix("e")[:-1]):
        return False  # a present participle: verschillend
    cores = [word]
    for prefix in _SEPARABLE:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            cores.append(word[len(prefix) :])
            break
    for core in cores:
        if not core.startswith(_UNSTRESSED):
            continue
        if core.endswith("en") and _strong(core, word):
            return True
        if core.endswith(("d", "t")) and _weak(core):
            return True
    return False


# Cached by wrapping, not with a decorator: `make mutatie` measures plain functions only.
participle = lru_cache(maxsize=65536)(_participle)


def _passives(text: FileText, idx: int) -> list[tuple[Token, Token]]:
    """(auxiliary, participle) pairs in sentence idx."""
    s = text.sentences[idx]
    tokens = s.tokens
    cfg = text.config
    found = []
    for a, aux in enumerate(tokens):
        if aux.kind != "word" or aux.low not in WORDEN | ZIJN or text.is_name(idx, a):
            continue
        candidates = [a - 1] if a > 0 else []
        if a > 1 and tokens[a - 1].low in _MODALS | _MAY:
            candidates.append(a - 2)  # 'geregeld moet worden
        for i in range(a + 1, min(len(tokens), a + 1 + _WINDOW)):
            if tokens[i].kind == "punct" or tokens[i].low in _STOP:
                break
            candidates.append(i)
        for i in candidates:
            t = tokens[i]
            before = tokens[i - 1].low if i > 0 else ""
            if t.kind != "word" or (i - 1 != a and before in _NOT_BEFORE) or text.is_name(idx, i) or text.too_long(t):
                continue
            if not participle(t.low, cfg.not_participles):
                continue
            if aux.low in ZIJN and t.low in cfg.zijn_participles:
                continue
            found.append((aux, t))
            break
    return found


def check_passive(text: FileText) -> None:
    for idx, s in enumerate(text.sentences):
        pairs = _passives(text, idx)
        if not pairs:
            continue
        lows = {t.low for t in s.words}
        aux, part = pairs[0]
        shown = f"'{aux.text} … {part.text}'" if aux.start < part.start else f"'{part.text} {aux.text}'"
        instruction = bool(lows & _MODALS) or any(p.low in _ASKING for _, p in pairs) or "gelieve" in lows
        if instruction and "door" not in lows:
            text.add(
                "lijdende_vorm_opdracht",
                s,
                f"Deze zin zegt wat er moet gebeuren ({shown}), maar niet wie het moet doen. "
                "Schrijf actief: wie doet wat? Spreek de lezer aan: 'Vul het formulier in.' "
                "Of zeg wie het doet: 'Wij sturen je een brief.'",
            )
        else:
            text.add(
                "lijdende_vorm",
                s,
                f"Deze zin is passief ({shown}). Schrijf actief: wie doet wat? "
                "Bijvoorbeeld 'De gemeente bekijkt je aanvraag' in plaats van 'Je aanvraag wordt bekeken'.",
            )


def _nominalisation(word: str, everyday: frozenset[str], minimum: float = 3.0, depth: int = 0) -> bool:
    """A noun made from a verb or adjective (toekenning, participatie, zelfredzaamheid, deelname)."""
    if word in everyday or len(word) < 6:
        return False
    base = word
    for plural, single in (("ingen", "ing"), ("aties", "atie"), ("heden", "heid"), ("names", "name")):
        if word.endswith(plural):
            base = word[: -len(plural)] + single
    if base in everyday:
        return False
    found = False
    if base.endswith("ing"):
        found = any(verb_known(f) for f in _verb_forms(base[:-3]))
    elif base.endswith("atie"):
        found = verb_known(base[:-4] + "eren")
    elif base.endswith("heid"):
        found = known(base[:-4], minimum)
    elif base.endswith("name"):
        found = verb_known(base[:-4] + "nemen")
    else:
        return False
    if found or depth:
        return found
    parts = compound_parts(base, minimum)
    return bool(parts) and nominalisation(parts[-1], everyday, minimum, 1)


nominalisation = lru_cache(maxsize=65536)(_nominalisation)  # cached by wrapping, as participle


def check_nominal(text: FileText) -> None:
    """Nominal style. A word the sentence explains is left out ('Dagbesteding is ...'); 'meting' and 'nulmeting'
    count once."""
    cfg = text.config
    for idx, s in enumerate(text.sentences):
        explained = defined_tokens(s)
        nouns: list[str] = []
        for i, t in text.plain_words(idx):
            if i in explained or any(t.low.endswith(n) or n.endswith(t.low) for n in nouns):
                continue
            if nominalisation(t.low, cfg.everyday_nouns, cfg.zipf_min):
                nouns.append(t.low)
        if len(nouns) > cfg.max_nominalisations:
            listed = ", ".join(f"'{n}'" for n in nouns)
            text.add(
                "naamwoordstijl",
                s,
                f"In deze zin staan {len(nouns)} woorden die eigenlijk een werkwoord zijn: {listed}. "
                "Dat maakt de zin zwaar. Schrijf met werkwoorden: wie doet wat? "
                "Bijvoorbeeld 'we beslissen' in plaats van 'de beslissing', 'je doet mee' in plaats van 'deelname'.",
            )


def check_formal(text: FileText) -> None:
    for idx, s in enumerate(text.sentences):
        if not text.resident(s):
            continue
        formal = [t.text for _, t in text.plain_words(idx) if t.low in _FORMAL]
        if formal:
            text.add(
                "u_vorm",
                s,
                f"Hier staat '{formal[0]}'. Op deze site schrijven we 'je' en 'jouw'. "
                f"Schrijf bijvoorbeeld 'Je kunt ...' in plaats van 'U kunt ...', en 'je aanvraag' in plaats van "
                "'uw aanvraag'.",
            )
