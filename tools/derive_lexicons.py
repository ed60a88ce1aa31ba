"""Derive kgbuild's trigger lexicons from PETRARCH2's CAMEO verb dictionary and WordNet 3.0.

    python tools/derive_lexicons.py [--petrarch DIR] [--wordnet DIR] [-o ontology/events/lexicons.derived.json]

It also writes ``ontology/gazetteer/agents.json``: the agent nouns of Phoenix's agents
dictionary ("gunmen", "police", "insurgents") with their CAMEO agent codes.

Reads ``CAMEO.verbpatterns.150430.txt`` (PETRARCH2, MIT licence, Open Event Data Alliance)
and WordNet 3.0's ``data.noun`` (Princeton WordNet licence; Debian's ``wordnet-base``), keeps
what the hand review in ``tools/lexicon_review.json`` accepts, and writes one JSON file under
``ontology/`` that the trigger patterns reference as ``$name``. Nothing at run time reads the
sources: the derived file is committed, and running this script again rebuilds it byte for byte.

How a verb gets its type and CAMEO code:

* each ``--- NAME [code] ---`` block of the dictionary heads a synonym group (the verbs up to
  the first blank line); those verbs carry the block's code, or the code written beside the
  verb (``DONATE [070]``);
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
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

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
            "agents": dict(sorted(kept.items()))}


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


def read_wordnet_nouns(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, str]]:
    """WordNet's noun synsets: offset -> words, offset -> hyponym offsets, and ``word.n.NN`` -> offset."""
    words: dict[str, list[str]] = {}
    hyponyms: dict[str, list[str]] = defaultdict(list)
    for line in (path / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words[offset] = [fields[4 + 2 * i].lower().replace("_", " ") for i in range(count)]
        at = 4 + 2 * count
        for i in range(int(fields[at])):
            symbol, target, pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
            if symbol in ("~", "~i") and pos == "n":
                hyponyms[offset].append(target)
    # word.n.NN names count a lemma's senses in the order of index.noun, as NLTK's do
    senses: dict[str, str] = {}
    for line in (path / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[6 + pointer_count:6 + pointer_count + synset_count]
        for number, offset in enumerate(offsets, 1):
            senses[f"{lemma}.n.{number:02d}"] = offset
    return words, dict(hyponyms), senses


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petrarch", type=Path, default=REPO.parent / "shared" / "resources" / "petrarch2")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    for needed, how in ((arguments.petrarch / VERB_FILE, "pass --petrarch DIR, the folder of PETRARCH2's dictionaries"),
                        (arguments.petrarch / AGENTS_FILE, "pass --petrarch DIR, the folder of PETRARCH2's dictionaries"),
                        (arguments.wordnet / "data.noun", "install WordNet 3.0 (apt-get install wordnet-base) or pass "
                                                          "--wordnet DIR")):
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


if __name__ == "__main__":
    main()
