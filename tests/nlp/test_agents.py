"""Unnamed parties ("gunmen", "the police", "rebels") are actors of their article, coded by Phoenix's agents."""

from __future__ import annotations

from datetime import date

import pytest

from kgbuild.graph.iri import entity_iri
from kgbuild.graph.namespace import KG
from kgbuild.graph.triples import entity_triples

PUBLISHED = date(2015, 9, 3)

# sentence, role, the agent as labelled, entity type, CAMEO agent code
AGENTS = [
    ("Gunmen stormed a hotel in Mogadishu.", "actors", "gunmen", "ArmedGroup", "UAF"),
    ("Rebels fired mortars at an army base near Aleppo.", "actors", "rebels", "ArmedGroup", "REB"),
    ("Militants attacked a checkpoint in Borno state, killing five soldiers.", "actors", "militants", "ArmedGroup", "UAF"),
    ("Troops opened fire on villagers in Myanmar.", "actors", "troops", "Organisation", "MIL"),
    ("Insurgents ambushed the police in Kandahar.", "targets", "police", "Organisation", "COP"),
]


@pytest.mark.parametrize(("text", "role", "label", "kind", "code"), AGENTS)
def test_an_unnamed_party_is_an_actor_of_its_article(extract, text, role, label, kind, code):
    facts = extract(text, PUBLISHED)
    entities = {e.key: e for e in facts.entities}
    parties = {entities[m.entity] for event in facts.events for m in getattr(event, role)}
    (agent,) = [e for e in parties if e.label == label]
    assert (agent.type, agent.cameo) == (kind, code)
    # the gunmen of one report are not known to be those of another
    assert agent.key.endswith(facts.article.id[:8])
    assert (entity_iri(agent.key), KG.cameoCode, None) in entity_triples([agent])


@pytest.mark.parametrize(("text", "word"), [
    ("Syrian rebels shelled the town of Azaz.", "rebels"),  # a demonym names the party
    ("Taliban fighters ambushed a convoy in Helmand.", "fighters"),  # so does a name
    ("Russia has tens of thousands of troops near Kharkiv.", "troops"),  # a count, not a party
    ("Gunmen killed five soldiers in Zamfara state.", "soldiers"),  # a counted noun is a figure's unit
    ("No combat troops are being sent to Ukraine.", "troops"),
    ("A car bomb exploded outside a police station in Kabul.", "police"),  # a thing, not a party
])
def test_a_named_or_counted_noun_is_no_unnamed_party(extract, text, word):
    facts = extract(text, PUBLISHED)
    assert word not in {m.text.lower().split()[-1] for m in facts.mentions if m.kind == "agent"}


@pytest.mark.parametrize(("text", "name"), [
    ("Germany will send two more Patriot batteries to Ukraine.", "Patriot"),
    ("Marder vehicles arrived in Ukraine on Monday.", "Marder"),
    ("A Shahed struck a power plant in Kharkiv.", "Shahed"),
    ("The Secretary of State said the Commission would send aid to Ukraine.", "Commission"),
])
def test_weapons_and_office_words_are_never_actors(extract, text, name):
    facts = extract(text, PUBLISHED)
    assert name not in {e.label for e in facts.entities}
    assert name not in {m.text for m in facts.mentions}
