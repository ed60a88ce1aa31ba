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
    # a demonym makes a non-state party one of that country, not the state
    ("Syrian rebels shelled the town of Azaz.", "actors", "Syrian rebels", "ArmedGroup", "REB"),
    # counted, armed men who act are still a party; some nouns are one only after a word that says so
    ("Three suicide bombers struck a mosque in Kano on Friday.", "actors", "suicide bombers", "ArmedGroup", "UAF"),
    ("Armed men stormed the consulate in Benghazi.", "actors", "armed men", "ArmedGroup", "UAF"),
    ("Two attackers stabbed shoppers near a market in London.", "actors", "attackers", "ArmedGroup", "UAF"),
    ("Security forces killed dozens of protesters in the capital.", "actors", "security forces", "Organisation", "MIL"),
    # protesters are civilians
    ("Police opened fire on protesters in Khartoum on Monday.", "targets", "civilians", "Population", "CVL"),
]


def test_government_forces_of_an_article_on_a_state_are_that_state(extract):
    facts = extract("Syrian President Bashar al-Assad visited Damascus on Monday.\n"
                    "Rebels said government forces shelled their positions in Idlib.", PUBLISHED)
    (strike,) = [e for e in facts.events if e.type == "strike"]
    assert {m.entity for m in strike.actors} == {"actor/syria"}


def test_police_of_no_named_state_strike_no_state_where_they_serve(extract):
    facts = extract("Police shot dead two protesters in Cairo on Friday.", PUBLISHED)
    (strike,) = [e for e in facts.events if e.type == "strike"]
    entities = {e.key: e for e in facts.entities}
    assert {entities[m.entity].type for m in strike.targets} == {"Population"}


@pytest.mark.parametrize(("text", "role", "label", "kind", "code"), AGENTS)
def test_an_unnamed_party_is_an_actor_of_its_article(extract, text, role, label, kind, code):
    facts = extract(text, PUBLISHED)
    entities = {e.key: e for e in facts.entities}
    parties = {entities[m.entity] for event in facts.events for m in getattr(event, role)}
    (agent,) = [e for e in parties if e.label.split()[-1] == label.split()[-1]]
    assert (agent.type, agent.cameo) == (kind, code)
    if agent.country is not None:
        # a party its country names is one node wherever it is named
        assert agent.key == f"actor/{agent.label.lower().replace(' ', '-')}" and agent.label.endswith(label)
    else:
        # the gunmen of one report are not known to be those of another
        assert agent.key.endswith(facts.article.id[:8]) and agent.country is None
    assert (entity_iri(agent.key), KG.cameoCode, None) in entity_triples([agent])


# whom a party supports is not whose it is, and it is one party wherever it is named
def test_whom_a_party_supports_is_not_its_state(extract):
    facts = extract("The army said pro-Russian separatists shelled the town of Debaltseve.", PUBLISHED)
    (separatists,) = [e for e in facts.entities if e.cameo == "REB"]
    assert (separatists.label, separatists.country, separatists.key) == \
        ("pro-Russian separatists", None, "actor/pro-russian-separatists")


@pytest.mark.parametrize("text", [
    "KANO, Nigeria — Three gunmen stormed a hotel in Kano on Friday.",
    # the town as subject, the attackers in apposition after the dash
    "Gunmen storm army base\n\nSRINAGAR, India — Militants armed with guns attacked an army base in Uri early "
    "Sunday, killing 17 soldiers.",
])
def test_a_dateline_the_parse_makes_a_subject_is_no_attacker(extract, text):
    facts = extract(text, PUBLISHED)
    (attack,) = [e for e in facts.events if e.type == "strike"]
    entities = {e.key: e for e in facts.entities}
    assert [entities[m.entity].cameo for m in attack.actors] == ["UAF"]


@pytest.mark.parametrize(("text", "word"), [
    ("Syrian troops shelled the town of Azaz.", "troops"),  # a state's forces are the state
    ("Taliban fighters ambushed a convoy in Helmand.", "fighters"),  # so does a name
    ("Russia has tens of thousands of troops near Kharkiv.", "troops"),  # a count, not a party
    ("Gunmen killed five soldiers in Zamfara state.", "soldiers"),  # a counted noun is a figure's unit
    ("No combat troops are being sent to Ukraine.", "troops"),
    ("A car bomb exploded outside a police station in Kabul.", "police"),  # a thing, not a party
    ("Russian bombers struck Aleppo on Monday.", "bombers"),  # aircraft, not suicide bombers
    ("Three men were arrested in Kano.", "men"),  # not armed men
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


def test_the_bare_noun_joins_the_party_its_article_qualifies(extract):
    facts = extract("Egyptian police arrested dozens of students in Cairo on Monday.\n"
                    "The police said the students had attacked a checkpoint.", PUBLISHED)
    police = {m.entity for m in facts.mentions if m.kind == "agent" and "police" in m.text}
    (key,) = police
    (entity,) = [e for e in facts.entities if e.key == key]
    assert (entity.label, entity.country) == ("Egyptian police", "actor/egypt")
    # a bare noun is no name of the node: every article's police would share it
    assert entity.aliases == ("Egyptian police",)


def test_bare_agents_of_one_code_are_one_party_of_the_article_s_state(extract):
    facts = extract("Rebels shelled the town of Azaz in Syria on Monday.\n"
                    "Rebel fighters said the army had attacked first.", PUBLISHED)
    (key,) = {m.entity for m in facts.mentions if m.kind == "agent"}
    (entity,) = [e for e in facts.entities if e.key == key]
    # rebels in an article about Syria that names no other party: Syria's
    assert (entity.label, entity.key, entity.country) == ("Syrian rebels", "actor/syrian-rebels", "actor/syria")


# Civilians of every trade are one party, the one that suffers: counted ("killed five villagers")
# they are still a party, labelled civilians, of the state they are qualified by or attacked in.
@pytest.mark.parametrize(("text", "label", "country"), [
    ("Militants killed five villagers in Zamfara state on Monday.", "Nigerian civilians", "actor/nigeria"),
    ("A missile strike on Kharkiv killed seven civilians, including two children.", "Ukrainian civilians",
     "actor/ukraine"),
    ("Gunmen opened fire on Syrian farmers near the border.", "Syrian civilians", "actor/syria"),
    ("Gunmen killed three passengers on a bus.", "civilians", None),
])
def test_civilians_are_the_population_that_suffers(extract, text, label, country):
    facts = extract(text, PUBLISHED)
    (victims,) = [e for e in facts.entities if e.type == "Population"]
    assert (victims.label, victims.country, victims.cameo) == (label, country, "CVL")
    assert any(victims.key in {m.entity for m in e.targets} for e in facts.events)


# A toll that names no side ("killing 13 people") counts civilians when the text names them
# after it or the attack hit where civilians are; never where it hit something military.
@pytest.mark.parametrize(("text", "victims"), [
    ("A missile hit a crowded market in Kharkiv on Monday, killing 13 people.", "Ukrainian civilians"),
    ("Gunmen opened fire inside a nightclub in Lagos, killing nine people and wounding 20 others.",
     "Nigerian civilians"),
    ("A suicide bomber blew himself up at a wedding in Kabul, killing 63 people.", "Afghan civilians"),
    ("Bandits raided a village in Zamfara state, killing 12 people.", "Nigerian civilians"),
    ("A blast tore through a crowded bus station in Kano, killing 20 people, police said.", "Nigerian civilians"),
    ("Twelve people, including four children, were killed when a shell struck a house in Idlib.", "Syrian civilians"),
    ("Militants ambushed an army convoy in Borno state, killing 21 people.", None),
    ("A car bomb exploded at a police checkpoint near a market in Mogadishu, killing eight people.", None),
    ("Floods killed 40 people in a village in Kenya.", None),
])
def test_a_toll_of_people_is_of_civilians_where_the_text_says_so(extract, text, victims):
    facts = extract(text, PUBLISHED)
    entities = {e.key: e for e in facts.entities}
    tolls = [e for e in facts.events if e.type == "casualties"]
    populations = {entities[m.entity].label for e in tolls for m in e.targets if entities[m.entity].type == "Population"}
    assert populations == ({victims} if victims else set())
    assert all(entities[m.entity].type in ("Population", "State") for e in tolls for m in e.targets)
    if victims:
        # the attack struck them, and the state they belong to
        (attack,) = [e for e in facts.events if e.type == "strike"]
        struck = {entities[m.entity].label for m in attack.targets}
        assert victims in struck and any(entities[m.entity].type == "State" for m in attack.targets)


@pytest.mark.parametrize("text", [
    "Twelve people, including four children, were killed when a shell struck a house in Idlib.",
    "The strike killed 12 people, among them four children.",
])
def test_the_toll_is_the_whole_count_not_those_named_among_it(extract, text):
    (toll,) = [e for e in extract(text, PUBLISHED).events if e.type == "casualties"]
    assert toll.claims[0].quantity.minimum == 12


def test_counted_soldiers_stay_a_figure_not_a_party(extract):
    facts = extract("Militants killed five soldiers in Zamfara state on Monday.", PUBLISHED)
    assert "soldiers" not in {m.text for m in facts.mentions}


@pytest.mark.parametrize(("text", "people"), [
    ("Thousands of Rohingya Muslims fled to Bangladesh after the army attacked their villages.", "Rohingya Muslims"),
    ("Republicans urged Obama to send more troops to Iraq.", "Republicans"),
])
def test_a_people_of_no_known_state_is_a_population(extract, text, people):
    facts = extract(text, PUBLISHED)
    assert (people, "Population") in {(e.label, e.type) for e in facts.entities}


def test_a_demonym_of_no_known_state_that_qualifies_a_party_is_no_population(extract):
    facts = extract("Kurdish fighters attacked Islamic State positions near Kobani.", PUBLISHED)
    assert not [e for e in facts.entities if e.type == "Population"]


@pytest.mark.parametrize(("text", "actor"), [
    ("Militants from the Islamic State attacked a checkpoint in Sinai on Monday.", "actor/islamic-state"),
    ("Fighters of the Rapid Support Forces shelled El Fasher on Sunday.", "actor/rsf"),
])
def test_unnamed_fighters_of_a_named_party_are_that_party(extract, text, actor):
    (attack,) = [e for e in extract(text, PUBLISHED).events if e.type == "strike"]
    assert [m.entity for m in attack.actors] == [actor]


def test_a_bare_noun_is_the_named_group_the_article_gave_it_with(extract):
    facts = extract("M23 rebels enter Goma\n\nM23 rebels entered the centre of Goma on Sunday.\n"
                    "The rebels shelled the airport on Monday.")
    (shelling,) = [e for e in facts.events if e.trigger == "shelled"]
    assert [m.entity for m in shelling.actors] == ["actor/m23"]
