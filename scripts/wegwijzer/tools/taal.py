"""B1 language gate: is every text a resident reads easy to read?

Checks entry texts (from the Catalog) and content pages (``content/**/*.md``):

- sentence length (aim: ``zin.doel_woorden``; over ``zin.max_woorden`` is an error),
- jargon and stiff official words from ``data/jargon.yaml`` (jargon is fine when it is
  explained once in the same file),
- uncommon words (Dutch word frequency from wordfreq, Zipf below ``woorden.zipf_minimum``),
  skipping proper names, place names, entry names, numbers, times, e-mail addresses and URLs,
- the Flesch-Douma score of longer pieces of text (textstat with language "nl").

Thresholds and which check is an error live in ``data/taal.yaml``. Messages are Dutch (B1).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from wegwijzer.core import yamlsafe

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ERROR, WARNING, OFF = "fout", "let op", "uit"

# Which fields of an entry a resident reads, as paths into the entry (after 'schema' items).
ENTRY_FIELDS = ("samenvatting", "beschrijving", "voor_professionals")
NESTED_FIELDS = (("aanmelden", "hoe"), ("kosten", "uitleg"), ("contact", "bereikbaar"))
LIST_FIELDS = (("schema", "opmerking"), ("inloop", "opmerking"), ("openingstijden", "opmerking"))

LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_WORD = re.compile(rf"[{LETTER}]+(?:['’\-][{LETTER}]+)*|['’][st]\b|§+|\+")
_MASK_CHAR = "§"
# Things that are not words for a reader to stumble over. Each becomes one token of §.
_MASKS = [
    re.compile(r"\u27e6[^\u27e7]*\u27e7"),  # inline code
    re.compile(r"(?:https?://|www\.)[^\s)\]>]+[^\s)\].,;:!?>]"),
    re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"),
    re.compile(r"\b[A-Za-z0-9-]+\.(?:nl|com|org|eu|net|info)(?:/[^\s)]*)?\b"),
    re.compile(r"(?<![\w])(?:\+31|0)\d{1,3}[ -]?\d{3}[ -]?\d{3,4}\b"),  # phone numbers
    re.compile(r"\b[1-9]\d{3} ?[A-Z]{2}\b"),  # postcodes
    re.compile(r"€ ?\d+(?:[.,]\d+)*(?:,-)?"),  # amounts
    re.compile(r"\b\d+(?:[.:,/\-]\d+)*(?:e|ste|de)?\b"),  # numbers, times, dates
]
# Abbreviations with dots: the dot does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"(?<![\w.])(?:bijv|bv|o\.a|d\.w\.z|i\.p\.v|m\.b\.v|t\.o\.v|m\.u\.v|a\.u\.b|n\.a\.v|z\.o\.z|e\.d|enz|etc|ca|nr|tel|"
    r"incl|excl|mevr|dhr|drs|dr|mr|ir|st|jl|resp|vnl|evt|max|min|gem|zgn|t\.m|t/m)\.",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?=\s+(?![a-zà-ÿ])|\s*$)")
_SPLIT_TRAILING = re.compile(r"^[\s\"'“”‘’(]+")

# Markdown clean-up for one line (lengths may change: line numbers are kept per line).
_MD_INLINE = [
    (re.compile(r"`([^`]*)`"), "\u27e6\\1\u27e7"),  # inline code: kept, but not checked
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"<(?:https?://|mailto:)[^>]+>"), ""),  # autolinks
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"</?[A-Za-z][^>]*>"), " "),  # HTML tags
    (re.compile(r"\{[:#.][^}]*\}|\{ *[#.][^}]*\}"), ""),  # attribute lists
    (re.compile(r"(\*\*|__|~~|==|\^\^)"), ""),  # strong, strike, mark
    (re.compile(rf"(?<![{LETTER}0-9])[*_]|[*_](?![{LETTER}0-9])"), ""),  # emphasis
    (re.compile(r"&nbsp;|&amp;"), " "),
]
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w\s-]*?)?(?:\s+\"(.*)\")?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ALLOW_COMMENT = re.compile(r"(?:#|<!--)\s*taal-ok\s*:\s*(.*?)\s*(?:-->)?\s*$", re.M)


# --- configuration ------------------------------------------------------------------------


@dataclass(frozen=True)
class Jargon:
    woord: str
    schrijf: str
    soort: str = "jargon"
    vormen: tuple[str, ...] = ()
    bekend_bij: tuple[str, ...] = ()  # audiences (doelgroepen) who know the word

    @property
    def pattern(self) -> re.Pattern:
        return _jargon_pattern(self.woord, self.vormen)


@cache
def _jargon_pattern(woord: str, vormen: tuple[str, ...]) -> re.Pattern:
    forms = {woord, *vormen}
    if " " not in woord:
        forms |= {woord + "s", woord + "en", woord + "n"}
    alts = "|".join(sorted((re.escape(f).replace(r"\ ", r"\s+") for f in forms), key=len, reverse=True))
    return re.compile(rf"(?<![{LETTER}\-])(?:{alts})(?![{LETTER}\-])", re.IGNORECASE)


@dataclass
class Config:
    checks: dict[str, str]
    target_words: int = 12
    max_words: int = 20
    flesch_min: float = 60.0
    flesch_min_words: int = 40
    zipf_min: float = 3.0
    allowed_everywhere: frozenset = frozenset()
    allowed: dict[str, frozenset] = field(default_factory=dict)
    jargon: tuple[Jargon, ...] = ()

    def level(self, check: str) -> str:
        return self.checks.get(check, WARNING)


class ConfigProblem(Exception):
    pass


def _norm_word(word: str) -> str:
    return word.strip().casefold().replace("’", "'")


def load_config(path: Path | None = None, jargon_path: Path | None = None) -> Config:
    """Read taal.yaml and jargon.yaml (Dutch message on a mistake)."""
    path = path or DATA_DIR / "taal.yaml"
    jargon_path = jargon_path or DATA_DIR / "jargon.yaml"
    docs = []
    for p in (path, jargon_path):
        try:
            docs.append(yamlsafe.read(p).data)
        except yamlsafe.YamlProblem as exc:
            raise ConfigProblem(f"{p.name}, regel {exc.line}: {exc.message}") from None
    data, terms = docs[0] or {}, docs[1] or []
    checks = {str(k): str(v).strip() for k, v in (data.get("controles") or {}).items()}
    for name, level in checks.items():
        if level not in (ERROR, WARNING, OFF):
            raise ConfigProblem(f"{path.name}: controle '{name}' staat op '{level}'. Kies fout, let op of uit.")
    zin = data.get("zin") or {}
    lees = data.get("leesbaarheid") or {}
    words = data.get("woorden") or {}
    allowed = {str(f): frozenset(_norm_word(w) for w in (ws or [])) for f, ws in (data.get("toegestaan") or {}).items()}
    jargon = []
    for i, t in enumerate(terms):
        if not isinstance(t, dict) or not t.get("woord") or not t.get("schrijf"):
            raise ConfigProblem(f"{jargon_path.name}: item {i + 1} heeft geen 'woord' en 'schrijf'.")
        jargon.append(
            Jargon(
                str(t["woord"]).strip().lower(),
                str(t["schrijf"]).strip(),
                str(t.get("soort", "jargon")),
                tuple(str(v).lower() for v in t.get("vormen") or ()),
                tuple(str(v) for v in t.get("bekend_bij") or ()),
            )
        )
    return Config(
        checks=checks,
        target_words=int(zin.get("doel_woorden", 12)),
        max_words=int(zin.get("max_woorden", 20)),
        flesch_min=float(lees.get("minimum", 60)),
        flesch_min_words=int(lees.get("min_woorden", 40)),
        zipf_min=float(words.get("zipf_minimum", 3.0)),
        allowed_everywhere=frozenset(_norm_word(w) for w in data.get("overal_toegestaan") or []),
        allowed=allowed,
        jargon=tuple(jargon),
    )


# --- findings -----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Finding:
    """One thing that is hard to read, with what to write instead."""

    file: str
    line: int
    field: str
    check: str
    level: str
    message: str
    sentence: str = ""

    @property
    def error(self) -> bool:
        return self.level == ERROR


# --- turning text into sentences ------------------------------------------------------------


@dataclass
class Piece:
    """A block a reader sees as one unit: a paragraph, a list item, a heading, a table cell."""

    kind: str
    parts: list[tuple[int, str]] = field(default_factory=list)  # (line, text)

    def add(self, line: int, text: str):
        if text.strip():
            self.parts.append((line, text.strip()))


@dataclass
class Sentence:
    text: str
    line: int
    field: str
    words: list[tuple[str, bool]]  # (word, at sentence start); masked tokens left out
    count: int  # words a reader reads (a number or address counts as one)


def _mask(text: str) -> str:
    """Replace URLs, e-mail addresses, numbers... with § of the same length."""
    for pattern in _MASKS:
        text = pattern.sub(lambda m: _MASK_CHAR * len(m.group(0)), text)
    text = _ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + "\u2024", text)
    return text


def sentences_of(piece: Piece, field_name: str) -> list[Sentence]:
    """Split a piece into sentences, each with the line it starts on."""
    if not piece.parts:
        return []
    text, starts = "", []
    for line, part in piece.parts:
        if text:
            text += " "
        starts.append((len(text), line))
        text += part
    masked = _mask(text)
    out = []
    pos = 0
    bounds = [m.end() for m in _SENTENCE_END.finditer(masked)]
    if not bounds or bounds[-1] < len(masked):
        bounds.append(len(masked))
    for end in bounds:
        chunk, mchunk = text[pos:end], masked[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        start = pos + lead
        pos = end
        if not chunk.strip():
            continue
        line = max(ln for off, ln in starts if off <= start) if starts[0][0] <= start else starts[0][1]
        tokens = [(m.group(0), m.start()) for m in _WORD.finditer(mchunk)]
        count = sum(1 for t, _ in tokens if t not in ("+",))
        words, first = [], True
        for tok, _ in tokens:
            if tok.startswith(_MASK_CHAR) or tok in ("+", "'s", "'t", "’s", "’t"):
                first = False
                continue
            words.append((tok.replace("’", "'"), first))
            first = False
        if count == 0:
            continue
        display = chunk.strip().replace("\u27e6", "`").replace("\u27e7", "`")
        out.append(Sentence(display, line, field_name, words, count))
    return out


def markdown_pieces(text: str, first_line: int = 1, *, page: bool = True) -> list[Piece]:
    """Pieces of a Markdown text, with line numbers (first_line is the line of text's first line)."""
    pieces: list[Piece] = []
    current: Piece | None = None
    in_fence = False
    in_comment = False
    lines = text.split("\n")
    i = 0
    if page and lines and lines[0].strip() == "---":  # front matter
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                i = j + 1
                break

    def close():
        nonlocal current
        if current is not None and current.parts:
            pieces.append(current)
        current = None

    for idx in range(i, len(lines)):
        raw = lines[idx]
        line_no = first_line + idx
        if in_comment:
            if "-->" in raw:
                in_comment = False
                raw = raw.split("-->", 1)[1]
            else:
                continue
        if _FENCE.match(raw):
            in_fence = not in_fence
            close()
            continue
        if in_fence:
            continue
        if "<!--" in raw and "-->" not in raw.split("<!--", 1)[1]:
            raw = raw.split("<!--", 1)[0]
            in_comment = True
        stripped = raw.strip()
        if not stripped:
            close()
            continue
        if page and re.match(r"^\*\[[^\]]+\]:", stripped):  # abbreviation definitions
            continue
        if page and re.match(r"^\[[^\]]+\]:\s*\S+", stripped):  # link reference definitions
            continue
        stripped = re.sub(r"^(?:>\s*)+", "", stripped)  # block quotes
        heading = _HEADING.match(stripped)
        if heading:
            close()
            p = Piece("kop")
            p.add(line_no, _inline(heading.group(2)))
            pieces.append(p)
            continue
        admonition = _ADMONITION.match(raw)
        if page and admonition:
            close()
            if admonition.group(1):
                p = Piece("kop")
                p.add(line_no, _inline(admonition.group(1)))
                pieces.append(p)
            continue
        if "|" in stripped and stripped.startswith("|"):
            close()
            if _TABLE_SEP.match(stripped):
                continue
            for cell in stripped.strip("|").split("|"):
                p = Piece("cel")
                p.add(line_no, _inline(cell))
                if p.parts:
                    pieces.append(p)
            continue
        if page and re.match(r"^</?[A-Za-z][^>]*>", stripped):  # a line of HTML is a block of its own
            close()
            p = Piece("html")
            p.add(line_no, _inline(stripped))
            if p.parts:
                pieces.append(p)
            continue
        item = _LIST_ITEM.match(raw)
        if item:
            close()
            current = Piece("item")
            current.add(line_no, _inline(raw[item.end() :]))
            continue
        if current is None:
            current = Piece("alinea")
        current.add(line_no, _inline(stripped))
    close()
    return pieces


def _inline(text: str) -> str:
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip()


# --- words -------------------------------------------------------------------------------


@cache
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


def _known(word: str, minimum: float) -> bool:
    return zipf(word) >= minimum


# Endings that wordfreq knows as (English) words, but that are no part of a Dutch compound.
_NOT_A_WORD = frozenset({"ing", "ers", "end", "ens", "ige", "ste", "tje", "pje", "jes", "isch", "heid", "lijk", "baar"})


@cache
def compound_known(word: str, minimum: float, depth: int = 0) -> bool:
    """A Dutch compound of known parts (taal+café, koffie+ochtend, schuld+hulp+verlening)."""
    if depth > 2 or len(word) < 6:
        return False
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if right in _NOT_A_WORD:
            continue
        right_ok = _known(right, minimum) or compound_known(right, minimum, depth + 1)
        if not right_ok:
            continue
        stems = {left, left + "en", left + "e"}
        if left.endswith(("s", "e")) and len(left) > 3:
            stems |= {left[:-1], left[:-1] + "en"}
        if left.endswith("en") and len(left) > 4:
            stems.add(left[:-2])
        if any(_known(s, minimum) for s in stems):
            return True
    return False


_SUFFIXES = ("", "s", "e", "er", "ere", "der", "dere", "st", "ste", "t", "d", "de", "te", "den", "ten", "n", "en")


@cache
def inflection_known(word: str, minimum: float) -> bool:
    """An inflected form of a known word: zinvols, controleerde, inzakt, tevredener."""
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: len(word) - len(suffix)]
        candidates = {stem, stem + "en", stem + stem[-1] + "en"}
        if re.search(r"(aa|ee|oo|uu)[^aeiou]$", stem):
            candidates.add(stem[:-2] + stem[-1] + "en")
        if stem.endswith("f"):
            candidates.add(stem[:-1] + "ven")
        if stem.endswith("s"):
            candidates.add(stem[:-1] + "zen")
        if any(_known(c, minimum) for c in candidates):
            return True
    return False


def common_word(word: str, minimum: float) -> bool:
    low = word.casefold()
    if _known(low, minimum) or inflection_known(low, minimum):
        return True
    parts = [p for p in re.split(r"[-']", low) if p]
    if len(parts) > 1:
        return all(_known(p, minimum) or compound_known(p, minimum) or len(p) <= 2 for p in parts)
    return compound_known(low, minimum)


def _is_abbreviation(word: str) -> bool:
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", word)
    return len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2


# --- the checks --------------------------------------------------------------------------


def _explained(sentences: list[Sentence], idx: int, term: Jargon, match: re.Match) -> bool:
    """Is the jargon word at sentences[idx] explained right there or in the next sentence?"""
    s = sentences[idx].text
    after = s[match.end() : match.end() + 60].lower()
    before = s[max(0, match.start() - 30) : match.start()].lower()
    if re.match(r"\s*(?:\(|:|–|—| - |=)", after):
        return True
    if re.match(r"\s*(?:betekent|betekenen|wil zeggen|willen zeggen|heet|heten|noemen we)\b", after):
        return True
    if re.match(
        r"\s*(?:is|zijn|was|waren)\s+(?:een|iemand|mensen|alles|iets|het|de|dat|als|wanneer|wat|hulp|zorg)\b", after
    ):
        return True
    if re.search(r"(?:dat heet|dit heet|heet dat|heet dit|noemen we|noemen wij|noemt men|heten)\s*$", before):
        return True
    if re.search(r"\b(?:het woord|woorden als|woorden zoals|woord als)\b", s[: match.start()].lower()):
        return True  # the word is mentioned as a word, e.g. "woorden als hulpvraag"
    nearby = " ".join(x.text.lower() for x in sentences[idx : idx + 2])
    if term.schrijf.lower() in nearby:
        return True
    key = [w for w in re.findall(rf"[{LETTER}]+", term.schrijf.lower()) if len(w) >= 4]
    near_words = set(re.findall(rf"[{LETTER}]+", nearby))
    if key and sum(w in near_words for w in key) / len(key) >= 0.6:
        return True
    if idx + 1 < len(sentences) and re.match(
        r"^(?:dat|dit|zo'n|daarmee|hiermee|daarbij)\s+(?:is|zijn|betekent|bedoelen|wil zeggen|heet)\b",
        sentences[idx + 1].text.lower().replace("’", "'"),
    ):
        return True
    return False


def check_sentences(
    file: str,
    sentences: list[Sentence],
    config: Config,
    names: frozenset,
    allowed: frozenset = frozenset(),
    name_phrases: tuple[str, ...] = (),
    audiences: tuple[str, ...] = (),
) -> list[Finding]:
    """All sentence checks for one file (jargon counts as explained once per file)."""
    findings: list[Finding] = []
    allowed = allowed | config.allowed_everywhere | config.allowed.get(file, frozenset())

    def add(check, s, message):
        level = config.level(check)
        if level != OFF:
            findings.append(Finding(file, s.line, s.field, check, level, message, s.text))

    # sentence length
    for s in sentences:
        if s.count > config.max_words:
            add(
                "zin_te_lang",
                s,
                f"Deze zin is te lang: {s.count} woorden. Maak er twee of drie zinnen van. "
                f"Schrijf liefst {config.target_words} woorden of minder per zin.",
            )
        elif s.count > config.target_words:
            add(
                "zin_lang",
                s,
                f"Deze zin heeft {s.count} woorden. Kun je hem korter maken? "
                f"Streef naar {config.target_words} woorden of minder.",
            )

    # jargon: explained once in the file is enough; report the first use only
    unnamed = [_without_names(s.text, name_phrases) for s in sentences]
    for term in config.jargon:
        check = "ambtelijk" if term.soort == "ambtelijk" else "jargon"
        if term.woord in allowed or config.level(check) == OFF or set(term.bekend_bij) & set(audiences):
            continue
        pattern = term.pattern
        first = None
        explained = False
        for idx, s in enumerate(sentences):
            text = unnamed[idx]
            low_text = text.lower()
            if not any(f[:4] in low_text for f in (term.woord, *term.vormen)):
                continue
            for m in pattern.finditer(text):
                at_start = not text[: m.start()].strip(" \"'“‘(*-")
                if m.group(0)[0].isupper() and not at_start:
                    continue  # part of a name, e.g. Participatiewet or a project name
                if first is None:
                    first = s
                if check == "jargon" and _explained(sentences, idx, term, m):
                    explained = True
        if first is not None and not explained:
            if check == "jargon":
                msg = (
                    f"'{term.woord}' is een moeilijk woord. Schrijf: {term.schrijf}. "
                    f"Of leg het woord één keer uit, bijvoorbeeld: '{term.woord} betekent: {term.schrijf}'."
                )
            else:
                msg = f"'{term.woord}' is een stijf woord. Schrijf: {term.schrijf}."
            add(check, first, msg)

    jargon_patterns = [t.pattern for t in config.jargon]
    folded_names = "\n".join(p.casefold() for p in name_phrases)
    # uncommon words, once per word per file
    if config.level("onbekend_woord") != OFF:
        seen = set()
        for s in sentences:
            for word, at_start in s.words:
                low = _norm_word(word)
                if low in seen or len(low) <= 3 or low in allowed or any(p.fullmatch(low) for p in jargon_patterns):
                    continue
                if _is_abbreviation(word) or low in names:
                    continue
                if word[0].isupper() and not at_start:
                    continue  # a name: people, organisations, places
                if low in folded_names:
                    continue
                if common_word(word, config.zipf_min):
                    continue
                seen.add(low)
                add(
                    "onbekend_woord",
                    s,
                    f"Het woord '{word}' kennen veel mensen niet. Kies een gewoner woord, "
                    "of leg het uit. Is het een naam? Zet het dan bij 'toegestaan' in taal.yaml "
                    "of in een regel 'taal-ok:' in het bestand.",
                )
    return findings


def _without_names(text: str, phrases: tuple[str, ...]) -> str:
    """Mask whole names (of places, entries, organisations) so their words are not checked."""
    if not phrases:
        return text
    for m in reversed(list(_names_regex(phrases).finditer(text))):
        text = text[: m.start()] + _MASK_CHAR * (m.end() - m.start()) + text[m.end() :]
    return text


@lru_cache(maxsize=8)
def _names_regex(phrases: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return re.compile("|".join(rf"(?<![{LETTER}]){re.escape(p)}(?![{LETTER}])" for p in ordered))


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl")


@cache
def syllable_count(word: str) -> int:
    """Syllables as textstat counts them for Dutch (pyphen hyphenation points + 1)."""
    return len(_hyphenator().positions(word.lower())) + 1


def flesch_douma(sentences: list[Sentence]) -> float | None:
    """Flesch-Douma: 206.835 - 0.93 x words per sentence - 77 x syllables per word."""
    n_sent = len(sentences)
    words = [w for s in sentences for w, _ in s.words]
    if not n_sent or not words:
        return None
    syllables = sum(syllable_count(w) for w in words)
    n_words = sum(s.count for s in sentences)
    return 206.835 - 0.93 * (n_words / n_sent) - 77 * (syllables / len(words))


def check_readability(file: str, field_name: str, sentences: list[Sentence], config: Config) -> list[Finding]:
    level = config.level("leesbaarheid")
    if level == OFF or not sentences:
        return []
    n_words = sum(s.count for s in sentences)
    if n_words < config.flesch_min_words:
        return []
    score = flesch_douma(sentences)
    if score is None or score >= config.flesch_min:
        return []
    return [
        Finding(
            file,
            sentences[0].line,
            field_name,
            "leesbaarheid",
            level,
            f"Dit stuk is moeilijk te lezen (Flesch-Douma {score:.0f}, doel {config.flesch_min:.0f} of hoger). "
            "Maak de zinnen korter en kies kortere woorden.",
        )
    ]


# --- entries and pages --------------------------------------------------------------------


def _allow_comments(text: str) -> frozenset:
    words = set()
    for m in _ALLOW_COMMENT.finditer(text):
        words.update(_norm_word(w) for w in re.split(r"[,;]", m.group(1)) if w.strip())
    return frozenset(words)


def _entry_texts(entry) -> list[tuple[tuple, str, str]]:
    """(path, label, text) for every field of an entry that a resident reads."""
    out = []
    for name in ENTRY_FIELDS:
        value = getattr(entry, name, None)
        if value:
            out.append(((name,), name, value))
    for outer, inner in NESTED_FIELDS:
        part = getattr(entry, outer, None)
        value = getattr(part, inner, None) if part is not None else None
        if value:
            out.append(((outer, inner), f"{outer}.{inner}", value))
    for outer, inner in LIST_FIELDS:
        items = getattr(entry, outer, None)
        for i, item in enumerate(items if isinstance(items, list) else []):
            value = getattr(item, inner, None)
            if value:
                out.append(((outer, i, inner), f"{outer}[{i + 1}].{inner}", value))
    return out


def _find_line(raw_lines: list[str], start: int, snippet: str) -> int | None:
    """The first line at or after start (1-based) that holds the start of snippet."""
    words = re.findall(rf"[{LETTER}0-9]+", snippet)[:3]
    if not words:
        return None
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words))
    for n in range(start - 1, min(len(raw_lines), start + 200)):
        if pattern.search(raw_lines[n]):
            return n + 1
    first = re.compile(re.escape(words[0]))
    for n in range(start - 1, min(len(raw_lines), start + 200)):
        if first.search(raw_lines[n]):
            return n + 1
    return None


def entry_sentences(entry, raw_text: str = "") -> list[Sentence]:
    """Sentences of an entry's texts, with the line in the YAML file where each starts."""
    from wegwijzer.core.load import _line

    raw_lines = raw_text.split("\n") if raw_text else []
    out = []
    for path, label, value in _entry_texts(entry):
        key_line = _line(entry, *path) or 1
        for piece in markdown_pieces(value, key_line, page=False):
            for s in sentences_of(piece, label):
                s.line = (_find_line(raw_lines, key_line, s.text) if raw_lines else None) or key_line
                out.append(s)
    return out


def names_of(catalog) -> tuple[frozenset, tuple[str, ...]]:
    """Words that are names (places, entries, organisations) and whole names to skip."""
    words: set[str] = set()
    phrases: set[str] = set()
    for area in catalog.region.areas.values():
        phrases.add(area.naam)
    for entry in [*catalog.locations.values(), *catalog.activities.values()]:
        for name in (entry.naam, entry.organisatie):
            if name:
                phrases.add(name)
        if entry.organisatie:
            phrases.add(entry.organisatie)
        adres = getattr(entry, "adres", None)
        if adres is not None:
            for part in (adres.straat, adres.plaats):
                if part:
                    phrases.add(part)
    for phrase in phrases:
        words.update(_norm_word(w) for w in re.findall(rf"[{LETTER}]+(?:['’\-][{LETTER}]+)*", phrase))
    ordered = tuple(sorted(phrases, key=lambda p: (-len(p), p)))
    return frozenset(words), ordered


def check_entry(entry, config: Config, names: frozenset, phrases: tuple[str, ...], raw_text: str = "") -> list[Finding]:
    sentences = entry_sentences(entry, raw_text)
    allowed = _allow_comments(raw_text) | {_norm_word(w) for w in re.findall(rf"[{LETTER}]+", entry.naam)}
    findings = check_sentences(
        entry.source, sentences, config, names, allowed, phrases, tuple(getattr(entry, "doelgroepen", ()) or ())
    )
    by_field: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_field.setdefault(s.field, []).append(s)
    for label, group in by_field.items():
        findings += check_readability(entry.source, label, group, config)
    return findings


def page_sentences(text: str) -> list[tuple[str, list[Sentence]]]:
    """Sentences of a content page, grouped per section (a heading starts a section)."""
    sections: list[tuple[str, list[Sentence]]] = [("", [])]
    for piece in markdown_pieces(text):
        found = sentences_of(piece, "")
        if piece.kind == "kop":
            title = found[0].text if found else ""
            sections.append((title, []))
        for s in found:
            s.field = sections[-1][0]
        sections[-1][1].extend(found)
    return [(t, ss) for t, ss in sections if ss]


def check_page(
    rel: str, text: str, config: Config, names: frozenset = frozenset(), phrases: tuple[str, ...] = ()
) -> list[Finding]:
    sections = page_sentences(text)
    sentences = [s for _, ss in sections for s in ss]
    findings = check_sentences(rel, sentences, config, names, _allow_comments(text), phrases)
    for title, group in sections:
        findings += check_readability(rel, title, [s for s in group if s.count > 1], config)
    return findings


@dataclass
class Report:
    findings: list[Finding]
    files: int
    skipped: list[str] = field(default_factory=list)  # entries that could not be read

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.error]


def check_all(root: Path, catalog=None, config: Config | None = None, only: list[str] | None = None) -> Report:
    """Check every entry and content page under root (or only the given relative paths)."""
    from wegwijzer.core.load import load_catalog

    config = config or load_config()
    if catalog is None:
        catalog = load_catalog(root, strict=False)
    names, phrases = names_of(catalog)
    findings: list[Finding] = []
    files = 0
    wanted = {p.replace("\\", "/").lstrip("./") for p in only} if only else None
    entries = sorted([*catalog.locations.values(), *catalog.activities.values()], key=lambda e: e.source)
    for entry in entries:
        if wanted is not None and entry.source not in wanted:
            continue
        path = root / entry.source
        raw = path.read_text(encoding="utf-8") if path.exists() else ""
        findings += check_entry(entry, config, names, phrases, raw)
        files += 1
    skipped = sorted({p.file for p in catalog.problems if not p.warning})
    content = root / "content"
    if content.is_dir():
        for path in sorted(content.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            if wanted is not None and rel not in wanted:
                continue
            findings += check_page(rel, path.read_text(encoding="utf-8"), config, names, phrases)
            files += 1
    return Report(sorted(findings), files, skipped)


def format_report(report: Report, show_warnings: bool = True) -> str:
    """Per file and per sentence: what is hard and what to write instead."""
    shown = [f for f in report.findings if show_warnings or f.error]
    out: list[str] = []
    by_file: dict[str, list[Finding]] = {}
    for f in shown:
        by_file.setdefault(f.file, []).append(f)
    for file, items in by_file.items():
        out.append(file)
        groups: dict[tuple, list[Finding]] = {}
        for f in sorted(items, key=lambda f: (f.line, f.field, f.sentence, not f.error, f.check)):
            groups.setdefault((f.line, f.field, f.sentence), []).append(f)
        for (line, fld, sentence), fs in groups.items():
            where = f"  regel {line}" + (f", {fld}" if fld else "")
            quote = sentence if len(sentence) <= 160 else sentence[:157] + "..."
            out.append(f'{where}: "{quote}"' if quote and fs[0].check != "leesbaarheid" else where + ":")
            for f in fs:
                out.append(f"    {f.level}: {f.message}")
        out.append("")
    n_err, n_warn = len(report.errors), len(report.warnings)
    for file in report.skipped:
        out.append(f"{file}: niet gecontroleerd, want het item heeft fouten. Draai eerst 'wegwijzer validate'.")
    summary = f"{report.files} {'bestand' if report.files == 1 else 'bestanden'} gecontroleerd: {n_err} {'fout' if n_err == 1 else 'fouten'}"
    summary += f", {n_warn} keer let op." if show_warnings else "."
    out.append(summary)
    if n_err:
        out.append("Verbeter de fouten en probeer het opnieuw. Een 'let op' is een tip: dat hoeft niet.")
    return "\n".join(out)


def report_json(report: Report) -> str:
    return json.dumps(
        {
            "bestanden": report.files,
            "bevindingen": [asdict(f) for f in report.findings],
            "niet_gecontroleerd": report.skipped,
        },
        ensure_ascii=False,
        indent=2,
        sort_keys=True,
    )
