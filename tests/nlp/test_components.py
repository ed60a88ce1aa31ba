"""Helpers of kgbuild's components that read entities off the tags instead of ``doc.ents``."""

from __future__ import annotations

import random

from kgbuild.nlp.components import entities_in, entity_at

TEXT = ("Russian forces struck Kharkiv and the Zaporizhzhia Nuclear Power Plant on Tuesday, the Ukrainian air force "
        "said. President Volodymyr Zelensky met NATO Secretary General Mark Rutte in Brussels.\n\nThe United Nations "
        "Office for the Coordination of Humanitarian Affairs said 12 civilians were killed in Sumy and Kherson.")


def _key(span):
    return span.start, span.end, span.label_, span.kb_id_, span.id_


def test_entities_in_any_range_are_those_span_ents_gives(nlp):
    doc = nlp(TEXT)
    assert len(doc.ents) >= 8
    assert [_key(e) for e in entities_in(doc)] == [_key(e) for e in doc.ents]
    ranges = [(s.start, s.end) for s in doc.sents]
    generator = random.Random(7)
    ranges += [tuple(sorted(generator.sample(range(len(doc) + 1), 2))) for _ in range(300)]
    for start, end in ranges:
        assert [_key(e) for e in entities_in(doc, start, end)] == [_key(e) for e in doc[start:end].ents], (start, end)


def test_entity_at_is_the_entity_holding_the_token(nlp):
    doc = nlp(TEXT)
    for token in doc:
        holding = [e for e in doc.ents if e.start <= token.i < e.end]
        found = entity_at(token)
        assert (_key(found) if found else None) == (_key(holding[0]) if holding else None), token.text
