import pytest

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
    # platforms, which the model takes for places where statements are posted
    ("Trump wrote in a post on his Truth Social account on Tuesday.", "Truth Social", "actor/truth-social", "name"),
    ("The governor said on Telegram that drones hit Sumy.", "Telegram", "actor/telegram", "name"),
]


@pytest.mark.parametrize("sentence, surface, key, kind", SENTENCES)
def test_gazetteer_names_resolve(extract, sentence, surface, key, kind):
    facts = extract(sentence)
    found = {(m.text, m.entity, m.kind) for m in facts.mentions}
    assert (surface, key, kind) in found, found
