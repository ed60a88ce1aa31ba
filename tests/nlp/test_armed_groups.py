"""Armed forces and armed groups of the wars since 2019 (ontology/gazetteer/organisations.jsonl):
each name, acronym or spelling resolves to one node, with its type, its state and its CAMEO code."""

import pytest

GROUPS = [
    # sentence, surface form, entity key, type, state, CAMEO code
    # the Sahel
    ("JNIM fighters ambushed a convoy near Djibo.", "JNIM", "actor/jnim", "ArmedGroup", "actor/mali", "MLIREB"),
    ("Jama'at Nusrat al-Islam wal-Muslimin claimed the attack on the camp at Boulkessi.",
     "Jama'at Nusrat al-Islam wal-Muslimin", "actor/jnim", "ArmedGroup", "actor/mali", "MLIREB"),
    ("Islamic State in the Greater Sahara gunmen killed 20 villagers near Menaka.",
     "Islamic State in the Greater Sahara", "actor/islamic-state-sahel", "ArmedGroup", "actor/mali", "MLIREB"),
    ("FAMa soldiers and Africa Corps instructors left the base at Tessalit.", "FAMa", "actor/fama", "Organisation",
     "actor/mali", "MLIMIL"),
    ("FAMa soldiers and Africa Corps instructors left the base at Tessalit.", "Africa Corps", "actor/africa-corps",
     "Organisation", "actor/russia", "RUSMIL"),
    ("The Malian army said it had repelled an attack near Sevare.", "Malian army", "actor/fama", "Organisation",
     "actor/mali", "MLIMIL"),
    ("The Azawad Liberation Front said drones had struck a market in Tinzaouaten.", "Azawad Liberation Front",
     "actor/azawad-liberation-front", "ArmedGroup", "actor/mali", "MLIREB"),
    ("VDP militiamen guarded the road to Djibo.", "VDP", "actor/volunteers-for-the-defence-of-the-homeland",
     "ArmedGroup", "actor/burkina-faso", "BFAMIL"),
    ("MINUSMA handed its camp in Kidal over to the army.", "MINUSMA", "actor/minusma", "Organisation", None, "IGOUNO"),
    # Nigeria: Ansaru is Phoenix's entry, which already has its state and code
    ("ISWAP fighters overran a military base in Malam Fatori.", "ISWAP", "actor/iswap", "ArmedGroup", "actor/nigeria",
     "NGAREB"),
    ("Ansaru gunmen kidnapped 14 travellers in Kaduna.", "Ansaru", "actor/ansaru", "ArmedGroup", "actor/nigeria",
     "NGAREB"),
    ("IPOB ordered a sit-at-home in Enugu.", "IPOB", "actor/ipob", "ArmedGroup", "actor/nigeria", "NGAREB"),
    # Sudan, DR Congo and Uganda
    ("The SPLM-N shelled Kadugli on Sunday.", "SPLM-N", "actor/splm-n", "ArmedGroup", "actor/sudan", "SDNREB"),
    ("ADF militants attacked a school dormitory in Mpondwe.", "ADF", "actor/allied-democratic-forces", "ArmedGroup",
     "actor/uganda", "UGAREB"),
    ("CODECO militiamen raided a camp for displaced people in Djugu.", "CODECO", "actor/codeco", "ArmedGroup",
     "actor/democratic-republic-of-the-congo", "CODREB"),
    ("The FDLR denied that its men had crossed into Rwanda.", "FDLR", "actor/fdlr", "ArmedGroup", "actor/rwanda",
     "RWAREB"),
    ("Wazalendo fighters clashed with M23 near Sake.", "Wazalendo", "actor/wazalendo", "ArmedGroup",
     "actor/democratic-republic-of-the-congo", "CODUAF"),
    ("MONUSCO peacekeepers came under fire near Goma.", "MONUSCO", "actor/monusco", "Organisation", None, "IGOUNO"),
    # Ethiopia and Somalia
    ("The Ethiopian National Defense Force said it had retaken Lalibela.", "Ethiopian National Defense Force",
     "actor/endf", "Organisation", "actor/ethiopia", "ETHMIL"),
    ("Fano fighters attacked an army camp near Bahir Dar.", "Fano", "actor/fano", "ArmedGroup", "actor/ethiopia",
     "ETHREB"),
    ("The TPLF said its fighters had withdrawn from Alamata.", "TPLF", "actor/tplf", "ArmedGroup", "actor/ethiopia",
     "ETHREB"),
    ("The Tigray Defense Forces entered Mekelle on Monday.", "Tigray Defense Forces", "actor/tigray-defence-forces",
     "ArmedGroup", "actor/ethiopia", "ETHREB"),
    ("OLA fighters kidnapped students near Gimbi.", "OLA", "actor/oromo-liberation-army", "ArmedGroup",
     "actor/ethiopia", "ETHREB"),
    ("Somali army forces clashed with militants near Adan Yabaal.", "Somali army", "actor/somali-national-army",
     "Organisation", "actor/somalia", "SOMMIL"),
    ("ATMIS troops withdrew from the base at Jalalaqsi.", "ATMIS", "actor/atmis", "Organisation", None, "IGOAFRAFU"),
    ("AUSSOM took over from the previous mission in January.", "AUSSOM", "actor/aussom", "Organisation", None,
     "IGOAFRAFU"),
    # Myanmar
    ("The Kachin Independence Army captured a jade mining town in Hpakant.", "Kachin Independence Army",
     "actor/kachin-independence-army", "ArmedGroup", "actor/myanmar", "MMRREB"),
    ("The MNDAA took control of Laukkai after weeks of fighting.", "MNDAA", "actor/mndaa", "ArmedGroup",
     "actor/myanmar", "MMRREB"),
    ("KNLA troops attacked an army outpost near Myawaddy.", "KNLA", "actor/karen-national-union", "ArmedGroup",
     "actor/myanmar", "MMRREB"),
    ("The Three Brotherhood Alliance launched an offensive in northern Shan state.", "Three Brotherhood Alliance",
     "actor/three-brotherhood-alliance", "ArmedGroup", "actor/myanmar", "MMRREB"),
    ("The Chin National Army said it had captured Falam.", "Chin National Army", "actor/chin-national-army",
     "ArmedGroup", "actor/myanmar", "MMRREB"),
    ("The Burmese army shelled a village in Sagaing.", "Burmese army", "actor/tatmadaw", "Organisation",
     "actor/myanmar", "MMRMIL"),
    # the Middle East
    ("UNIFIL said a tank had fired at its watchtower in Naqoura.", "UNIFIL", "actor/unifil", "Organisation", None,
     "IGOUNO"),
    ("The Lebanese army deployed troops along the border.", "Lebanese army", "actor/lebanese-armed-forces",
     "Organisation", "actor/lebanon", "LBNMIL"),
    ("YPG fighters clashed with the Syrian National Army near Manbij.", "YPG", "actor/ypg", "ArmedGroup",
     "actor/syria", "SYRREB"),
    ("YPG fighters clashed with the Syrian National Army near Manbij.", "Syrian National Army",
     "actor/syrian-national-army", "ArmedGroup", "actor/syria", "SYRREB"),
    ("Kataib Hezbollah claimed the drone attack on the base.", "Kataib Hezbollah", "actor/kataib-hezbollah",
     "ArmedGroup", "actor/iraq", "IRQREB"),
    ("The Popular Mobilization Forces sent reinforcements to Sinjar.", "Popular Mobilization Forces",
     "actor/popular-mobilization-forces", "Organisation", "actor/iraq", "IRQMIL"),
    ("AQAP claimed the attack on a checkpoint in Abyan.", "AQAP", "actor/aqap", "ArmedGroup", "actor/yemen", "YEMREB"),
    ("The Southern Transitional Council seized the presidential palace in Aden.", "Southern Transitional Council",
     "actor/southern-transitional-council", "ArmedGroup", "actor/yemen", "YEMREB"),
    # Afghanistan and Pakistan
    ("ISIS-K claimed the bombing at the airport.", "ISIS-K", "actor/iskp", "ArmedGroup", "actor/afghanistan", "AFGREB"),
    ("TTP militants attacked a police post in Bannu.", "TTP", "actor/ttp", "ArmedGroup", "actor/pakistan", "PAKREB"),
    ("The Pakistani Taliban denied any role in the blast.", "Pakistani Taliban", "actor/ttp", "ArmedGroup",
     "actor/pakistan", "PAKREB"),
    ("BLA fighters hijacked a passenger train in Bolan.", "BLA", "actor/baloch-liberation-army", "ArmedGroup",
     "actor/pakistan", "PAKREB"),
    # Mozambique, Haiti, Colombia
    ("Ansar al-Sunna insurgents attacked Mocimboa da Praia.", "Ansar al-Sunna", "actor/islamic-state-mozambique",
     "ArmedGroup", "actor/mozambique", "MOZREB"),
    ("Viv Ansanm gangs attacked Mirebalais overnight.", "Viv Ansanm", "actor/viv-ansanm", "ArmedGroup", "actor/haiti",
     "HTICRM"),
    ("The ELN bombed a military base in Arauca.", "ELN", "actor/eln", "ArmedGroup", "actor/colombia", "COLREB"),
    ("The National Liberation Army bombed a pipeline in Arauca.", "National Liberation Army", "actor/eln",
     "ArmedGroup", "actor/colombia", "COLREB"),
    # Russia and Ukraine (the Russian volunteers fight in Ukraine's forces), and North Korea
    ("Akhmat special forces were sent to the Kursk region.", "Akhmat special forces", "actor/akhmat", "Organisation",
     "actor/russia", "RUSMIL"),
    ("The Russian Volunteer Corps raided the border village of Tetkino.", "Russian Volunteer Corps",
     "actor/russian-volunteer-corps", "ArmedGroup", "actor/ukraine", "UKRMIL"),
    ("The Freedom of Russia Legion said it had crossed the border.", "Freedom of Russia Legion",
     "actor/freedom-of-russia-legion", "ArmedGroup", "actor/ukraine", "UKRMIL"),
    ("The Azov Brigade said it had repelled an assault near Toretsk.", "Azov Brigade", "actor/azov-brigade",
     "Organisation", "actor/ukraine", "UKRMIL"),
    ("The National Guard of Ukraine shot down 12 drones.", "National Guard of Ukraine",
     "actor/national-guard-of-ukraine", "Organisation", "actor/ukraine", "UKRMIL"),
    ("The North Korean military fired two ballistic missiles into the sea.", "North Korean military",
     "actor/korean-peoples-army", "Organisation", "actor/north-korea", "PRKMIL"),
]


@pytest.mark.parametrize(("sentence", "surface", "key", "kind", "state", "code"), GROUPS)
def test_armed_forces_and_groups_resolve_with_their_state_and_code(extract, sentence, surface, key, kind, state, code):
    facts = extract(sentence)
    assert (surface, key) in {(m.text, m.entity) for m in facts.mentions}, [(m.text, m.entity) for m in facts.mentions]
    entities = {e.key: e for e in facts.entities}
    assert (entities[key].type, entities[key].country, entities[key].cameo) == (kind, state, code)


# An acronym the article spells out in brackets is the one node, whether or not the gazetteer
# holds the acronym ("KIA" and "SDF" it leaves out: killed in action, Japan's Self-Defense Forces).
@pytest.mark.parametrize(("text", "names", "key"), [
    ("The Ta'ang National Liberation Army (TNLA) said it had seized Lashio. The TNLA said 20 soldiers had surrendered.",
     {"Ta'ang National Liberation Army", "TNLA"}, "actor/tnla"),
    ("The Kachin Independence Army (KIA) captured Bhamo. The KIA said fighting continued.",
     {"Kachin Independence Army", "KIA"}, "actor/kachin-independence-army"),
    ("The Syrian Democratic Forces (SDF) said Turkish drones struck Qamishli. The SDF said four fighters were killed.",
     {"Syrian Democratic Forces", "SDF"}, "actor/syrian-democratic-forces"),
    ("The Islamic State West Africa Province (ISWAP) claimed the attack. ISWAP said it had killed 12 soldiers.",
     {"Islamic State West Africa Province", "ISWAP"}, "actor/iswap"),
])
def test_an_acronym_defined_in_the_article_is_the_group(extract, text, names, key):
    facts = extract(text)
    assert {m.entity for m in facts.mentions if m.text in names} == {key}
    assert {m.text for m in facts.mentions if m.entity == key} == names


# The model cuts an organisation's name at a possessive inside it ("People's"): the mention is
# shorter, but it stays on the gazetteer's node.
@pytest.mark.parametrize(("sentence", "key"), [
    ("The Tigray People's Liberation Front said its forces had withdrawn from Alamata.", "actor/tplf"),
    ("The Korean People's Army fired artillery near the border.", "actor/korean-peoples-army"),
    ("Fighters of the People's Protection Units withdrew from Manbij.", "actor/ypg"),
])
def test_names_with_a_possessive_inside_stay_on_their_node(extract, sentence, key):
    assert key in {m.entity for m in extract(sentence).mentions}


# One row per alias another body also goes by: the other body keeps its own name.
NOT_THE_GROUP = [
    # sentence, surface form, the node it is (None: one of the article's own), the node it is not
    ("The Australian Defence Force (ADF) said two of its aircraft had been sent.", "ADF",
     "actor/australian-defence-force", "actor/allied-democratic-forces"),
    ("The Fair Labor Association (FLA) audited the factories.", "FLA", "actor/fair-labor-association",
     "actor/azawad-liberation-front"),
    ("The Black Liberation Army (BLA) robbed an armoured car in 1981.", "BLA", "actor/black-liberation-army",
     "actor/baloch-liberation-army"),
    ("The Irish National Liberation Army claimed the bombing.", "Irish National Liberation Army",
     "actor/irish-national-liberation-army", "actor/eln"),
    ("Jamaat Ansar al-Sunna claimed the bombing in Mosul.", "Jamaat Ansar al-Sunna", "actor/jamaat-ansar-al-sunna",
     "actor/islamic-state-mozambique"),
    # acronyms the gazetteer leaves out
    ("Japan's Self-Defense Forces (SDF) sent troops to the quake zone.", "SDF", None,
     "actor/syrian-democratic-forces"),
]


@pytest.mark.parametrize(("sentence", "surface", "key", "not_key"), NOT_THE_GROUP)
def test_an_alias_another_body_goes_by_stays_that_body_s(extract, sentence, surface, key, not_key):
    facts = extract(sentence)
    linked = {m.entity for m in facts.mentions if m.text == surface}
    assert linked and not_key not in {m.entity for m in facts.mentions}, [(m.text, m.entity) for m in facts.mentions]
    if key is not None:
        assert linked == {key}


@pytest.mark.parametrize("text", [
    "On Monday al-Shabaab detonated two car bombs in Mogadishu.",
    "Al Qaida claimed the attack on the hotel in Bamako.",
    "Officials blamed al-Qaeda for the bombing in Aden.",
])
def test_names_written_in_lower_case_are_kept_when_the_gazetteer_knows_them(extract, text):
    facts = extract(text)
    assert {m.entity for m in facts.mentions} & {"actor/al-shabab", "actor/al-qaeda"}


@pytest.mark.parametrize(("text", "label", "state"), [
    ("Saudi-led coalition warplanes struck a funeral hall in Sanaa.", "Saudi-led coalition", "actor/saudi-arabia"),
    # however the article spells the state, and whether it says forces or coalition, one node
    ("The U.S.-led coalition struck Raqqa on Monday.\nUS-led forces hit Mosul on Tuesday, the coalition said.",
     "American-led coalition", "actor/united-states"),
])
def test_a_coalition_a_state_leads_is_one_body_of_that_state(extract, text, label, state):
    facts = extract(text)
    (coalition,) = [e for e in facts.entities if e.label.endswith("-led coalition")]
    assert (coalition.label, coalition.country, coalition.type) == (label, state, "Organisation")
    assert all(coalition.key in {m.entity for m in e.actors} for e in facts.events if e.type == "strike")
