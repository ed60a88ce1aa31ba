"""Turn a processed spaCy Doc into records. The only module that reads spaCy tokens after the pipeline."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .nlp.components import DATES, JOURNALISTS
from .nlp.gazetteer import mention_kinds
from .records import Article, ArticleFacts, Mention, Sentence, TimeExpression

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Site and widget names such as "Daily8"; all-capital codes ("M23", "G7") stay.
_BRAND = re.compile(r"^[A-Z]?[a-z]+\d+$")
_NO_LETTERS = re.compile(r"^[^A-Za-zÀ-ÿĀ-ž]*$")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s?)$")


def _plausible_name(text: str, label: str) -> bool:
    if len(text) < 2 or len(text) > 80 or _NO_LETTERS.match(text) or _BRAND.match(text):
        return False
    if any(mark in text for mark in ("http", "@", "/", "|", "\n")):
        return False
    if label == "PERSON" and any(c.isdigit() for c in text):
        return False  # "Leopard 2", "J-16": equipment the small model takes for people
    return label == "NORP" or not text[0].islower()


def doc_to_facts(doc: Doc, article: Article) -> ArticleFacts:
    """Sentences, actor and place mentions, and dates of one article's Doc (offsets into ``article.text``)."""
    sentence_of = {}
    sentences = list(doc.sents)
    for number, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = number
    journalists = {token.i for span in doc.spans.get(JOURNALISTS, []) for token in span}
    kinds = mention_kinds()

    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = _TRAILING_POSSESSIVE.sub("", ent.text).strip() if ent.label_ != "NORP" else ent.text
        gazetteer_id = ent.ent_id_ or None
        if ent.label_ == "NORP" and gazetteer_id is None or not _plausible_name(text, ent.label_):
            continue
        if ent.start in journalists:
            kind = "journalist"
        else:
            kind = kinds.get((gazetteer_id, ent.text), "name") if gazetteer_id else "name"
        mentions.append(
            Mention(text, ent.label_, ent.start_char, ent.start_char + len(text), sentence_of[ent.start], gazetteer_id, kind)
        )

    dates = [
        TimeExpression(span.text, span.start_char, span.end_char, sentence_of[span.start],
                       span._.date_value, span._.date_granularity)
        for span in doc.spans.get(DATES, [])
    ]
    used = {m.sentence for m in mentions} | {d.sentence for d in dates}
    kept = []
    for number in sorted(used):
        span = sentences[number]
        text = span.text.rstrip()
        lead = len(text) - len(text.lstrip())
        kept.append(Sentence(number, span.start_char + lead, span.start_char + len(text), text.strip()))
    return ArticleFacts(article, tuple(kept), tuple(mentions), tuple(dates))
