"""Every kgbuild spaCy registration, in one place (as spaCy's ``pipeline/factories.py``)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from ..resources import read_jsonl
from .components import Dates, Journalists, LineBreaks
from .gazetteer import ruler_patterns

Doc.set_extension("published", default=None, force=True)
Span.set_extension("date_value", default=None, force=True)
Span.set_extension("date_granularity", default=None, force=True)


@Language.factory("kgbuild_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


@Language.factory("kgbuild_journalists")
def make_journalists(nlp: Language, name: str) -> Journalists:
    return Journalists(nlp)


@Language.factory("kgbuild_dates")
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates()


@registry.misc("kgbuild.read_jsonl.v1")
def read_ontology_jsonl(path: str) -> list[dict[str, Any]]:
    """A JSON Lines file under ``ontology/`` as a list (srsly's reader returns a generator that configs reject)."""
    return read_jsonl(*path.split("/"))


@registry.misc("kgbuild.gazetteer_patterns.v1")
def gazetteer_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for every name in ``ontology/gazetteer/``."""
    return ruler_patterns()
