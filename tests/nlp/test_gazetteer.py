import pytest
import spacy
from spacy.pipeline import EntityRuler
from spacy.tokens import Span

from kgbuild.build import article_graph
from kgbuild.cache import CACHE_ENV
from kgbuild.nlp.gazetteer import fold, ruler_patterns, tokenized_phrases

SENTENCES = [
    # sentence, surface form, entity key, mention kind
    ("The Kremlin said the talks had failed.", "Kremlin", "actor/russia", "metonym"),
    ("Ukrainian drones hit an oil depot.", "Ukrainian", "actor/ukraine", "demonym"),
    ("Russian air defences downed 30 drones.", "Russian", "actor/russia", "demonym"),
    ("Explosions were heard in Kiev overnight.", "Kiev", "place/kyiv", "name"),
    ("Explosions were heard in Kyiv overnight.", "Kyiv", "place/kyiv", "name"),
    ("Zelensky spoke to reporters.", "Zelensky", "actor/volodymyr-zelenskyy", "name"),
    ("Zelenskyy spoke to reporters.", "Zelenskyy", "actor/volodymyr-zelenskyy", "name"),
    ("Delegations met in Turkiye on Monday.", "Turkiye", "actor/turkey", "name"),
    ("The RSF shelled El Fasher again.", "RSF", "actor/rsf", "name"),
    ("Houthi forces fired a missile at a tanker.", "Houthi", "actor/houthis", "name"),
    # states of ontology/gazetteer/states.derived.json, with WordNet's demonyms
    ("Nepalese soldiers fired tear gas at protesters in Kathmandu.", "Nepalese", "actor/nepal", "demonym"),
    ("Sri Lankan troops shelled rebel positions near Kilinochchi.", "Sri Lankan", "actor/sri-lanka", "demonym"),
    ("Senegalese troops crossed into Gambia on Thursday.", "Senegalese", "actor/senegal", "demonym"),
    ("Senegalese troops crossed into Gambia on Thursday.", "Gambia", "actor/gambia", "name"),
    ("Uzbek border guards shot dead two smugglers.", "Uzbek", "actor/uzbekistan", "demonym"),
    ("Delegations met in Cote d'Ivoire on Monday.", "Cote d'Ivoire", "actor/ivory-coast", "name"),
    ("Peacekeepers from Timor-Leste arrived in Dili.", "Timor-Leste", "actor/east-timor", "name"),
    # an organisation named after a derived state keeps its whole name, as the model tags it
    ("Tsvangirai accused the Zimbabwe Election Commission of rigging the vote.", "Zimbabwe Election Commission",
     "actor/zimbabwe-election-commission", "name"),
    # platforms, which the model takes for places where statements are posted
    ("Trump wrote in a post on his Truth Social account on Tuesday.", "Truth Social", "actor/truth-social", "name"),
    ("The governor said on Telegram that drones hit Sumy.", "Telegram", "actor/telegram", "name"),
]


@pytest.mark.parametrize("sentence, surface, key, kind", SENTENCES)
def test_gazetteer_names_resolve(extract, sentence, surface, key, kind):
    facts = extract(sentence)
    found = {(m.text, m.entity, m.kind) for m in facts.mentions}
    assert (surface, key, kind) in found, found


# Actors of Phoenix's dictionaries (tools/derive_lexicons.py), with their state and CAMEO code;
# hand-made entries keep their names and take Phoenix's code.
ACTORS = [
    # sentence, entity key, type, state, CAMEO code
    ("Mohammad Javad Zarif met reporters in Vienna on Tuesday.", "actor/mohammad-javad-zarif", "Person",
     "actor/iran", "IRNGOV"),
    ("King Abdullah II of Jordan arrived in Washington.", "actor/abdullah-ii", "Person", "actor/jordan", "JORGOV"),
    ("The Revolutionary Armed Forces of Colombia laid down their arms.",
     "actor/revolutionary-armed-forces-of-colombia", "ArmedGroup", "actor/colombia", "COLREB"),
    ("Hezbollah fired rockets at northern Israel.", "actor/hezbollah", "ArmedGroup", "actor/lebanon", "LBNREB"),
    ("The Israel Defense Forces said it had struck Gaza.", "actor/idf", "Organisation", "actor/israel", "ISRMIL"),
    ("Vladimir Putin said Russia would respond.", "actor/russia", "State", None, "RUS"),
    ("Vladimir Putin said Russia would respond.", "actor/vladimir-putin", "Person", "actor/russia", "RUSGOV"),
    # derived states take their CAMEO code, and Phoenix's people of those states their state
    ("Sri Lanka said it would send more troops to the north.", "actor/sri-lanka", "State", None, "LKA"),
    ("Peacekeepers from Timor-Leste arrived in Dili.", "actor/east-timor", "State", None, "TMP"),
    ("Pushpa Kamal Dahal met Chinese officials in Kathmandu on Monday.", "actor/pushpa-kamal-dahal", "Person",
     "actor/nepal", "NPLGOV"),
    ("Robert Mugabe addressed supporters in Harare.", "actor/robert-mugabe", "Person", "actor/zimbabwe", "ZWEGOV"),
]


@pytest.mark.parametrize(("sentence", "key", "kind", "state", "code"), ACTORS)
def test_phoenix_actors_carry_their_state_and_cameo_code(extract, sentence, key, kind, state, code):
    entities = {e.key: e for e in extract(sentence).entities}
    assert key in entities, sorted(entities)
    assert (entities[key].type, entities[key].country, entities[key].cameo) == (kind, state, code)


# A demonym of a derived state before an agent noun gives the party its state, as a hand-made one does.
@pytest.mark.parametrize(("sentence", "key", "state"), [
    ("Nepalese police fired tear gas in Kathmandu.", "actor/nepalese-police", "actor/nepal"),
    ("Zimbabwean police arrested 20 opposition supporters in Harare.", "actor/zimbabwean-police", "actor/zimbabwe"),
    ("Egyptian police fired tear gas in Cairo.", "actor/egyptian-police", "actor/egypt"),
])
def test_a_derived_state_s_demonym_gives_a_party_its_state(extract, sentence, key, state):
    entities = {e.key: e for e in extract(sentence).entities}
    assert entities[key].country == state, entities
    assert entities[state].type == "State"


# The model takes some states for people ("Nepal" as a PERSON): the gazetteer's name wins, so the
# state of a town is a State node and the article graph keeps to the SHACL shapes.
@pytest.mark.parametrize(("sentence", "state", "town"), [
    ("A powerful earthquake struck central Nepal on Saturday, flattening homes in Kathmandu.", "actor/nepal",
     "Kathmandu"),
    ("Floods swept through Malawi and Mozambique, and hundreds sheltered in Blantyre schools.", "actor/malawi",
     "Blantyre"),
])
def test_a_state_the_model_takes_for_a_person_is_a_state(extract, sentence, state, town):
    facts = extract(sentence)
    entities = {e.key: e for e in facts.entities}
    (place,) = [e for e in facts.entities if e.type == "Place" and e.label == town]
    assert (entities[state].type, place.country) == ("State", state)
    assert not [e for e in facts.entities if e.type == "Person"]
    report = article_graph(facts, "test").validation
    assert report.conforms, report.lines()


def test_an_acronym_the_article_spells_out_is_not_the_gazetteer_s(extract):
    facts = extract("The International Commission of Jurists (ICJ) criticised the decree. "
                    "The ICJ said judges had been dismissed.")
    keys = {m.entity for m in facts.mentions if m.text in ("ICJ", "International Commission of Jurists")}
    assert keys == {"actor/international-commission-of-jurists"}


@pytest.mark.parametrize(("text", "named"), [
    ("IS fighters stormed the village at dawn.", {"IS"}),
    ("WHY THE WAR IS NOT OVER\n\nFighting went on in the east.", set()),
    ("WHAT THE US WANTS FROM THE TALKS\n\nDiplomats met in Geneva.", set()),
])
def test_a_short_acronym_in_a_line_set_in_capitals_is_a_word(extract, text, named):
    facts = extract(text)
    assert {m.text for m in facts.mentions if m.text.isupper()} == named


@pytest.mark.parametrize(("name", "folded"), [
    ("Ryazan’", "ryazan"), ("Mar'inka", "marinka"), ("Sloviansk-Kramatorsk", "sloviansk kramatorsk"), ("Zürich", "zurich"),
])
def test_names_fold_without_case_accents_or_punctuation(name, folded):
    assert fold(name) == folded


def test_a_town_the_model_takes_for_a_product_is_a_place(extract):
    (strike,) = [e for e in extract("Artillery fire hit targets in Siversk on Sunday.").events if e.type == "strike"]
    assert [m.text for m in strike.places] == ["Siversk"] and strike.places[0].entity.startswith("place/siversk")


@pytest.mark.parametrize(("text", "place"), [
    ("Government airstrikes hit Aleppo on Monday, killing nine people.", "Aleppo"),  # a name the model misses
    ("Airstrikes hit Homs on Monday.", "Homs"),  # one it takes for an organisation
    ("Warplanes bombed the outskirts of Aleppo overnight.", "Aleppo"),
])
def test_a_large_city_the_model_misses_is_a_place_where_a_place_is_named(extract, text, place):
    (strike,) = [e for e in extract(text).events if e.type == "strike"]
    assert [m.text for m in strike.places] == [place]


def test_a_large_city_s_name_is_no_place_when_it_is_a_person_met(extract):
    facts = extract("The minister met Victoria Nuland in Brussels on Monday.")
    assert not any(m.text.startswith("Victoria") for e in facts.events for m in e.places)


# Incident notes write a town before the regions that hold it, in brackets: the name is a place,
# whatever the model took it for, and whether or not GeoNames knows it.
@pytest.mark.parametrize(("text", "place"), [
    ("On 4 May 2023, Russian forces shelled Nikopol (Dnipropetrovsk) with heavy artillery.", "Nikopol"),
    ("On 9 June 2023, Russian aircraft bombed Chasiv Yar (Bakhmut raion, Donetsk).", "Chasiv Yar"),
    ("On 3 July 2023, militants opened fire on farmers near Mafa (Borno), killing 12.", "Mafa"),
    ("On 8 May 2023, bandits raided a village in Tsafe LGA (Zamfara).", "Tsafe LGA"),
    ("On 1 June 2023, rebels ambushed a convoy near Zelenopillia (Okhtyrka raion, Sumy).", "Zelenopillia"),
    # a town the model reads as a common noun, and one the parse hangs on its region
    ("On 7 February 2024, M23 rebels fired mortar bombs at Sake (Masisi territory, North Kivu).", "Sake"),
    ("On 9 March 2022, Ukrainian troops ambushed a column on the road near Brovary (Kyiv).", "Brovary"),
    ("On 17 January 2023, Russian forces attacked Ukrainian positions near Bakhmut (Donetsk).", "Bakhmut"),
    # the place taken, under what is taken of it
    ("On 1 October 2022, Ukrainian forces regained control of Lyman (Kramatorsk raion, Donetsk).", "Lyman"),
    # a district of a city: the city, as incident data places it
    ("On 3 November 2023, a Russian drone dropped explosives on a car in the Korabelnyi district of Kherson city "
     "(Kherson).", "Kherson"),
    ("On 21 January 2024, shelling hit a market in the Tekstilshchik area of Donetsk city (Donetsk).", "Donetsk"),
])
def test_a_name_before_its_bracketed_regions_is_a_place(extract, text, place):
    (strike,) = [e for e in extract(text).events if e.type == "strike"]
    assert [m.text for m in strike.places] == [place]


@pytest.mark.parametrize("text", [
    "On 4 May 2023, the Rapid Support Forces (RSF) shelled a market.",  # an acronym
    "On 4 May 2023, Boko Haram fighters (ISWAP) raided a camp.",
    "Around 9 May 2023 (month of report), rebels shelled a market.",  # no region
])
def test_brackets_that_hold_no_region_make_no_place(extract, text):
    facts = extract(text)
    assert [m.text for m in facts.mentions if m.label == "GPE"] == []


@pytest.mark.parametrize(("text", "place"), [
    ("Rebels seized the town of Sake on Tuesday.", "Sake"),  # a town the model tags as nothing
    ("Hamas fired rockets at the kibbutz of Nirim on Tuesday.", "Nirim"),  # or as an organisation
    # a town the struck object lies in
    ("Shells hit a residential area of the nearby town of Kostiantynivka on Saturday.", "Kostiantynivka"),
])
def test_a_named_settlement_is_where_the_strike_happened(extract, text, place):
    (strike,) = [e for e in extract(text).events if e.type == "strike"]
    assert [m.text for m in strike.places] == [place]


@pytest.mark.parametrize(("text", "river"), [
    ("Militants ambushed an army convoy near a town on the Niger River in central Mali on Sunday.", "Niger River"),
    ("Russian troops shelled the Dnipro river crossing near Antonivka on Monday.", "Dnipro river"),
])
def test_a_name_before_a_word_for_water_is_a_river_not_a_state_or_town(extract, text, river):
    facts = extract(text)
    (mention,) = [m for m in facts.mentions if m.text.startswith(river.split()[0])]
    assert (mention.text, mention.label, mention.gazetteer_id) == (river, "LOC", None)
    (strike,) = [e for e in facts.events if e.type == "strike"]
    assert river not in {m.text for m in strike.places}  # a river is where only when nothing else is named


@pytest.mark.parametrize(("text", "place"), [
    ("The bombs struck a monastery in Let Pan Hla village in Kanbalu township on Monday.", "Let Pan Hla"),
    ("Soldiers shelled houses in Tat Kone village on Friday.", "Tat Kone"),
])
def test_a_name_before_a_word_for_a_village_is_the_place(extract, text, place):
    (strike,) = [e for e in extract(text).events if e.type == "strike"]
    assert [m.text for m in strike.places] == [place]


def _labelled(doc) -> list[tuple[int, int, str, str]]:
    return [(entity.start, entity.end, entity.label_, entity.id_) for entity in doc.ents]


@pytest.fixture(scope="module")
def entity_ruler_of(nlp):
    """spaCy's own entity ruler, with the gazetteer's patterns that occur in ``text``, as kgbuild
    configured it before its gazetteer component replaced it."""

    def make(text: str):
        ruler = EntityRuler(nlp, name="reference", phrase_matcher_attr="ORTH", overwrite_ents=False)
        with nlp.select_pipes(disable=nlp.pipe_names):
            ruler.add_patterns([pattern for pattern in ruler_patterns() if pattern["pattern"] in text])
        return ruler

    return make


def test_the_gazetteer_labels_what_spacy_s_entity_ruler_labels(nlp, corpus, entity_ruler_of):
    texts = [path.read_text(encoding="utf-8") for path in sorted((corpus / "seeds").glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted((corpus / "voa" / "texts").glob("*.txt"))[:10]]
    # phrases inside longer ones, phrases that share their first word, and the first word of a
    # longer phrase as the last of the text
    texts.append("Islamic State of Iraq fighters and Islamic State forces met Al Qaeda men. Islamic State")
    gazetteer = nlp.get_pipe("gazetteer")
    labelled = 0
    for text in texts:
        ours, theirs = gazetteer(nlp.make_doc(text)), entity_ruler_of(text)(nlp.make_doc(text))
        assert _labelled(ours) == _labelled(theirs)
        labelled += len(ours.ents)
    assert labelled > 500


def test_a_name_over_an_entity_already_set_is_left_alone(nlp):
    doc = nlp.make_doc("Fighters of Islamic State attacked.")
    doc.ents = [Span(doc, 2, 3, label="PERSON")]
    labelled = nlp.get_pipe("gazetteer")(doc)
    assert [(e.text, e.label_) for e in labelled.ents] == [("Islamic", "PERSON")]


def test_the_tokenized_names_are_kept_on_disk_and_read_back(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    made = []

    def patterns():
        made.append(1)
        return [{"label": "GPE", "pattern": "Cote d'Ivoire", "id": "ivory-coast"},
                {"label": "ORG", "pattern": "Al-Shabaab", "id": "al-shabaab"}]

    first, second = tokenized_phrases(nlp, patterns), tokenized_phrases(nlp, patterns)
    assert first == second == {("Cote", "d'Ivoire"): ("GPE", "ivory-coast"), ("Al", "-", "Shabaab"): ("ORG", "al-shabaab")}
    assert made == [1] and len(list(tmp_path.glob("gazetteer-phrases-*.pickle"))) == 1
    # another tokenizer splits the names anew: one that keeps hyphenated words whole
    other = spacy.blank("en")
    other.tokenizer.infix_finditer = None
    assert tokenized_phrases(other, patterns)[("Al-Shabaab",)] == ("ORG", "al-shabaab")
    assert made == [1, 1]
