"""Measure the extractor against gold annotations (``GOLD_FORMAT.md`` of the shared corpus).

An extracted event matches a gold event when the types agree and one of its
evidence sentences, from the same article, contains one of the gold evidence
strings (case-insensitive, quotes and white space normalised). Recall and
precision count core gold events; matching a non-core gold event is neither a hit
nor a false positive; further matches of one gold event are duplicates. Types are scored
for kgbuild's first eight; events of the other types (protests, arrests, accusations ...)
are counted as not scored, and scored by their PLOVER category where the gold codes one.

Where a gold file codes PLOVER categories (a ``plover`` field on its events), categories
are scored the same way but whatever the type: a gold event is found when an event of its
category, neither negated nor denied, has its evidence.

Argument accuracy is scored on each matched core event, over the arguments the
gold states: names compare through the gold's ``same`` groups and by containment
("Putin" within "Vladimir Putin"), dates at the coarser of the two granularities,
and a quantity must equal every bound the gold states.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import build
from .errors import InputError
from .export.tables import actor_rows, article_mentions, event_rows
from .graph.store import open_store
from .records import EVENT_TYPES, dates_overlap

ARGUMENTS = ("actor", "target", "place", "date", "quantity", "claimant")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "´": "'"})
_SPACE = re.compile(r"\s+")
# Modalities of events nobody says happened, or will: PLOVER codes no such event.
_UNSAID = ("negated", "denied")


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: the form evidence and names are compared in."""
    return _SPACE.sub(" ", text.translate(_QUOTES).lower()).strip()


def _bare_name(text: str) -> str:
    name = normalise(text)
    return name[4:] if name.startswith("the ") else name


@dataclass
class Score:
    """Hits and misses of one measure."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class TypeScore:
    """Event detection for one type: matched core events, core events, false positives, duplicates."""

    matched: int = 0
    core: int = 0
    false_positives: int = 0
    duplicates: int = 0

    @property
    def precision(self) -> float | None:
        found = self.matched + self.false_positives
        return self.matched / found if found else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.core if self.core else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


@dataclass
class EvalReport:
    """Everything ``kgbuild eval`` prints."""

    types: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in EVENT_TYPES})
    # PLOVER categories, scored over the articles whose gold codes them (a ``plover`` field on its events)
    categories: dict[str, TypeScore] = field(default_factory=dict)
    # Events of types other than the first eight (a protest, an arrest): not scored as types.
    unscored: dict[str, int] = field(default_factory=dict)
    arguments: dict[str, Score] = field(default_factory=lambda: {a: Score() for a in ARGUMENTS})
    must: Score = field(default_factory=Score)
    missing_actors: list[str] = field(default_factory=list)
    must_not_found: list[str] = field(default_factory=list)
    split_groups: list[list[str]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_arguments: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    inputs_failed: bool = False

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for score in self.types.values():
            total.matched += score.matched
            total.core += score.core
            total.false_positives += score.false_positives
            total.duplicates += score.duplicates
        return total

    @property
    def argument_accuracy(self) -> Score:
        return Score(sum(s.correct for s in self.arguments.values()), sum(s.total for s in self.arguments.values()))

    def lines(self) -> list[str]:
        """The report as text: a row per event type, argument accuracies, actor checks."""

        def figure(value: float | None) -> str:
            return "  -  " if value is None else f"{value:.2f}"

        rows = [f"{'type':14}{'P':>6}{'R':>6}{'F1':>6}{'found':>7}{'core':>6}{'FP':>5}{'dup':>5}"]
        for name, s in [*self.types.items(), ("overall", self.overall)]:
            rows.append(f"{name:14}{figure(s.precision):>6}{figure(s.recall):>6}{figure(s.f1):>6}"
                        f"{s.matched:>7}{s.core:>6}{s.false_positives:>5}{s.duplicates:>5}")
        if self.categories:
            rows.append("")
            rows.append(f"{'PLOVER':14}{'P':>6}{'R':>6}{'F1':>6}{'found':>7}{'core':>6}{'FP':>5}{'dup':>5}")
            for name, s in self.categories.items():
                rows.append(f"{name:14}{figure(s.precision):>6}{figure(s.recall):>6}{figure(s.f1):>6}"
                            f"{s.matched:>7}{s.core:>6}{s.false_positives:>5}{s.duplicates:>5}")
        if self.unscored:
            rows.append("not scored (types the gold does not annotate): "
                        + ", ".join(f"{kind} {count}" for kind, count in sorted(self.unscored.items())))
        rows.append("")
        rows.append("argument accuracy (matched core events, arguments the gold states)")
        for name, s in [*self.arguments.items(), ("overall", self.argument_accuracy)]:
            rows.append(f"  {name:12}{figure(s.value):>6}  ({s.correct}/{s.total})")
        rows.append("")
        rows.append(f"must actors found: {figure(self.must.value)} ({self.must.correct}/{self.must.total})"
                    + (f"; missing: {', '.join(self.missing_actors)}" if self.missing_actors else ""))
        rows.append(f"must-not actors present: {len(self.must_not_found)}"
                    + (f" ({', '.join(self.must_not_found)})" if self.must_not_found else ""))
        rows.append(f"alias groups split: {len(self.split_groups)}"
                    + (f" ({'; '.join(g[0] for g in self.split_groups)})" if self.split_groups else ""))
        rows += [f"problem: {p}" for p in self.problems]
        return rows

    def as_dict(self, details: bool = True) -> dict[str, Any]:
        """Plain values for ``--json``."""

        def scores(score: TypeScore) -> dict[str, Any]:
            return {"precision": score.precision, "recall": score.recall, "f1": score.f1, "matched": score.matched,
                    "core": score.core, "false_positives": score.false_positives, "duplicates": score.duplicates}

        result: dict[str, Any] = {
            "events": {"overall": scores(self.overall), **{t: scores(s) for t, s in self.types.items()}},
            "plover": {c: scores(s) for c, s in self.categories.items()},
            "unscored": dict(sorted(self.unscored.items())),
            "arguments": {"overall": self.argument_accuracy.value,
                          **{a: {"accuracy": s.value, "correct": s.correct, "total": s.total} for a, s in self.arguments.items()}},
            "actors": {"must_recall": self.must.value, "missing": self.missing_actors,
                       "must_not_found": self.must_not_found, "split_groups": self.split_groups},
            "problems": self.problems,
        }
        if details:
            result["details"] = {"misses": self.misses, "false_positives": self.false_positives,
                                 "wrong_arguments": self.wrong_arguments, "duplicates": self.duplicates}
        return result


class NameMatcher:
    """Compare actor names through the gold's ``same`` groups, the graph's aliases, and by containment.

    ``aliases`` maps a node's label to the surface forms the graph holds for it, so that
    "Oleksandr Syrskyi" found as written "Oleksandr Syrskii" matches a gold "Oleksandr Syrskii".
    """

    def __init__(self, groups: Iterable[list[str]], aliases: dict[str, Iterable[str]] | None = None) -> None:
        self.canonical: dict[str, str] = {}
        self.forms: dict[str, set[str]] = defaultdict(set)
        self.aliases = {_bare_name(label): {_bare_name(a) for a in forms} for label, forms in (aliases or {}).items()}
        for group in groups:
            head = _bare_name(group[0])
            for form in group:
                self.canonical[_bare_name(form)] = head
                self.forms[head].add(_bare_name(form))

    def _forms(self, name: str) -> set[str]:
        bare = _bare_name(name)
        head = self.canonical.get(bare, bare)
        return {bare, head} | self.forms.get(head, set())

    def same(self, gold: str, found: str) -> bool:
        """Whether ``found`` names what ``gold`` names."""
        found_forms = set().union(*(self._forms(f) for f in {found, *self.aliases.get(_bare_name(found), ())}))
        for a in self._forms(gold):
            for b in found_forms:
                if a == b or _contains(a, b) or _contains(b, a):
                    return True
        return False


def _contains(outer: str, inner: str) -> bool:
    return len(inner) >= 3 and re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _quantity_agrees(gold: Any, found: Any) -> bool:
    if found is None:
        return False
    low, high = (found if isinstance(found, list) else [found, found])
    if isinstance(gold, list):
        gold_low, gold_high = gold
        return (gold_low is None or gold_low == low) and (gold_high is None or gold_high == high)
    return low == high == gold


def _report_of(gold: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The claim of ``event`` whose sentence states ``gold`` (an event may merge several reports), else the event."""
    for claim in event.get("claims", []):
        sentence = normalise(claim["sentence"])
        if any(normalise(snippet) in sentence for snippet in _as_list(gold["evidence"])):
            return claim
    return event


def argument_agrees(name: str, gold: Any, found: dict[str, Any], names: NameMatcher) -> bool:
    """Whether the extracted event's argument ``name`` agrees with the gold value."""
    if name == "date":
        return bool(found.get("date")) and dates_overlap(str(gold), found["date"], None, found.get("date_granularity"))
    if name == "quantity":
        return _quantity_agrees(gold, found.get("quantity"))
    values = _as_list(found.get(name))
    return any(names.same(g, f) for g in _as_list(gold) for f in values)


def _evidence_matches(gold: dict[str, Any], event: dict[str, Any], article: str) -> bool:
    sentences = [normalise(e["sentence"]) for e in event["evidence"] if Path(e["source"]).name == article]
    return any(normalise(snippet) in sentence for snippet in _as_list(gold["evidence"]) for sentence in sentences)


def score(gold_files: dict[str, dict[str, Any]], events: list[dict[str, Any]], actors: list[dict[str, Any]],
          mentioned: dict[str, set[str]] | None = None) -> EvalReport:
    """Score extracted ``events`` and ``actors`` (as exported) against gold annotations keyed by article file name.

    With ``mentioned`` (the actor ids each article source names), a ``same`` group is split
    only when the article's own nodes hold its forms apart: another article's "Khan" is
    another person."""
    in_articles: dict[str, set[str]] = defaultdict(set)
    for source, ids in (mentioned or {}).items():
        in_articles[Path(source).name] |= ids
    report = EvalReport()
    aliases = {actor["label"]: actor["aliases"] for actor in actors}
    for article, gold in sorted(gold_files.items()):
        names = NameMatcher(gold.get("same", []), aliases)
        in_article = [e for e in events if any(Path(x["source"]).name == article for x in e["evidence"])]
        if any("plover" in g for g in gold["events"]):
            _score_categories(report, article, gold, in_article)
        matches: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for event in in_article:
            if event["type"] not in report.types:
                report.unscored[event["type"]] = report.unscored.get(event["type"], 0) + 1
                continue
            candidates = [g for g in gold["events"] if g["type"] == event["type"] and _evidence_matches(g, event, article)]
            if not candidates:
                report.types[event["type"]].false_positives += 1
                report.false_positives.append({"article": article, **_brief(event)})
                continue
            # Two events of one type in one sentence: each goes to the gold event whose arguments it shares.
            candidates.sort(key=lambda g: (not g.get("core", True), len(matches[g["id"]]) > 0,
                                           -_agreement(g, event, names)))
            chosen = candidates[0]["id"]
            # One event node for reports the gold calls one event (same_event) stands for each of them.
            group = next((set(g) for g in gold.get("same_event", []) if chosen in g), {chosen})
            for candidate in candidates:
                if candidate["id"] in group:
                    matches[candidate["id"]].append(event)
        for gold_event in gold["events"]:
            if not gold_event.get("core", True) or gold_event["type"] not in report.types:
                continue  # a protest or an arrest: scored by its PLOVER category only
            scores = report.types[gold_event["type"]]
            scores.core += 1
            found = matches.get(gold_event["id"], [])
            if not found:
                report.misses.append({"article": article, "id": gold_event["id"], "type": gold_event["type"],
                                      "evidence": gold_event["evidence"]})
                continue
            scores.matched += 1
            scores.duplicates += len(found) - 1
            if len(found) > 1:
                report.duplicates.append({"article": article, "id": gold_event["id"], "type": gold_event["type"],
                                          "found": [_brief(event) for event in found]})
            _score_arguments(report, article, gold_event, found, names)
        _score_actors(report, gold, actors, names, in_articles.get(article) if mentioned is not None else None)
    return report


def _score_categories(report: EvalReport, article: str, gold: dict[str, Any], events: list[dict[str, Any]]) -> None:
    """PLOVER category detection in one article whose gold codes categories: a gold event is found when an
    event of its category has its evidence; an event of a category matching no gold event of it is a false
    positive. Events nobody says happened (negated, denied) are no PLOVER events."""
    coded = [g for g in gold["events"] if "plover" in g]
    said = [e for e in events if e.get("plover") and e["modality"] not in _UNSAID]
    for event in said:
        scores = report.categories.setdefault(event["plover"], TypeScore())
        if not any(g["plover"] == event["plover"] and _evidence_matches(g, event, article) for g in coded):
            scores.false_positives += 1
    for gold_event in coded:
        if not gold_event.get("core", True):
            continue
        scores = report.categories.setdefault(gold_event["plover"], TypeScore())
        scores.core += 1
        found = [e for e in said if e["plover"] == gold_event["plover"] and _evidence_matches(gold_event, e, article)]
        scores.matched += bool(found)
        scores.duplicates += max(len(found) - 1, 0)
        if not found:
            report.misses.append({"article": article, "id": gold_event["id"], "plover": gold_event["plover"],
                                  "evidence": gold_event["evidence"]})


def _agreement(gold: dict[str, Any], event: dict[str, Any], names: NameMatcher) -> int:
    return sum(_agrees(a, gold, event, names) for a in ARGUMENTS if gold.get(a) is not None)


def _agrees(name: str, gold: dict[str, Any], event: dict[str, Any], names: NameMatcher) -> bool:
    # A figure and its claimant belong to the report that states them; the rest to the event.
    where = _report_of(gold, event) if name in ("quantity", "claimant") else event
    return argument_agrees(name, gold[name], where, names)


def _brief(event: dict[str, Any]) -> dict[str, Any]:
    return {k: event[k] for k in ("type", "actor", "target", "place", "date", "quantity", "claimant")} | {
        "sentence": event["evidence"][0]["sentence"] if event["evidence"] else None}


def _score_arguments(report: EvalReport, article: str, gold: dict[str, Any], found: list[dict[str, Any]],
                     names: NameMatcher) -> None:
    stated = [a for a in ARGUMENTS if gold.get(a) is not None]
    # The extracted report that gets most arguments right stands for the event.
    best = max(found, key=lambda e: _agreement(gold, e, names))
    for name in stated:
        right = _agrees(name, gold, best, names)
        report.arguments[name].total += 1
        report.arguments[name].correct += right
        if not right:
            report.wrong_arguments.append({"article": article, "id": gold["id"], "argument": name,
                                           "gold": gold[name], "found": best.get(name),
                                           "sentence": _brief(best)["sentence"]})


def _score_actors(report: EvalReport, gold: dict[str, Any], actors: list[dict[str, Any]], names: NameMatcher,
                  named_here: set[str] | None) -> None:
    groups = {_bare_name(g[0]): {_bare_name(f) for f in g} for g in gold.get("same", [])}
    carried = [(actor, {_bare_name(n) for n in [actor["label"], *actor["aliases"]]}) for actor in actors]
    for name in gold.get("actors", {}).get("must", []):
        forms = groups.get(_bare_name(name), {_bare_name(name)})
        report.must.total += 1
        if any(forms & surface for _, surface in carried):
            report.must.correct += 1
        else:
            report.missing_actors.append(name)
    for name in gold.get("actors", {}).get("must_not", []):
        if any(_bare_name(name) in surface for _, surface in carried):
            report.must_not_found.append(name)
    for group in gold.get("same", []):
        forms = {_bare_name(f) for f in group}
        holders = [actor for actor, surface in carried
                   if forms & surface and (named_here is None or actor.get("id") in named_here)]
        # A capital's place node beside the state it stands for is not a split.
        parties = [a for a in holders if a["type"] != "Place"] or holders
        if len(parties) > 1:
            report.split_groups.append(group)


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold annotation files of ``folder``, keyed by the article file name each describes."""
    gold = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            gold[Path(data["article"]).name] = data
        except (json.JSONDecodeError, KeyError, UnicodeDecodeError) as error:
            raise InputError(str(path), f"not a gold annotation file ({error}); see GOLD_FORMAT.md") from None
    if not gold:
        raise InputError(str(folder), "holds no gold annotation files (*.json)")
    return gold


def evaluate(gold_folder: Path, inputs: list[Path], workers: int = 1) -> EvalReport:
    """Build ``inputs`` into a temporary store and score the graph against the gold of ``gold_folder``."""
    gold = load_gold(gold_folder)
    with tempfile.TemporaryDirectory(prefix="kgbuild-eval-") as folder:
        outcome = build(inputs, Path(folder) / "store", workers=workers)
        with open_store(Path(folder) / "store", read_only=True) as store:
            events, actors, mentioned = event_rows(store), actor_rows(store), article_mentions(store)
    report = score(gold, events, actors, mentioned)
    report.problems = [str(p) for p in outcome.problems]
    report.inputs_failed = outcome.failed
    return report
