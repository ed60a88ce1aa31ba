def keys(facts):
    return {m.text: m.entity for m in facts.mentions}


def test_surname_joins_full_name_in_the_same_article(extract):
    facts = extract("Regional governor Oleh Sinehubov said two people died. Sinehubov said rescuers were at the scene.")
    found = keys(facts)
    assert found["Sinehubov"] == found["Oleh Sinehubov"] == "actor/oleh-sinehubov"


def test_title_is_not_part_of_the_name(extract):
    facts = extract("Heorhii Tykhyi said the meeting was delayed. Later Mr. Tykhyi said it would start at noon.")
    assert {m.entity for m in facts.mentions if "Tykhyi" in m.text} == {"actor/heorhii-tykhyi"}


def test_journalists_are_not_actors(extract):
    facts = extract("Al Jazeera's Maria Lopez, reporting from Kherson, said shelling continued. "
                    "Lopez said residents were leaving.")
    assert not any("Lopez" in m.text for m in facts.mentions)
    assert not any(e.key == "actor/maria-lopez" for e in facts.entities)


def test_spelling_variants_meet_in_one_entity(extract):
    facts = extract("Zelensky met Macron in Paris. Later Zelenskyy flew to Kiev, then on to Kyiv's airport.")
    found = keys(facts)
    assert found["Zelensky"] == found["Zelenskyy"]
    assert {m.entity for m in facts.mentions if m.text in ("Kiev", "Kyiv")} == {"place/kyiv"}


def test_offsets_point_into_the_article_text(extract):
    text = "Slider1\nnext arrow\n\nShelling hit Kharkiv on Tuesday, Mayor Ihor Terekhov said.\n"
    facts = extract(text)
    for mention in facts.mentions:
        assert text[mention.start:mention.end] == mention.text
    sentence = next(s for s in facts.sentences)
    assert text[sentence.start:sentence.end] == sentence.text
    assert facts.dates[0].value == "2025-02-11"
