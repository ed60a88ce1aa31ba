"""Event wording beyond the seeds (from the CAMEO verb dictionary and WordNet), and its lookalikes.

Each row is a sentence written for this test: the event type it must give, or the type it must
not give. The sentences name a place or party, as reports do, since an event that names nothing
is never stored.
"""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2016, 5, 12)

# sentence, event type it states
WORDING = [
    # a raid that kills or takes ground is one
    ("Commandos killed two militants in a raid on a compound in Idlib.", "strike"),
    # an operation of war, not of surgery or rescue
    ("Kurdish fighters took part in a ground operation near Mosul on Sunday.", "strike"),
    ("The army began a military operation against the rebels in Idlib.", "strike"),
    # a trigger noun opening a sentence, which the tagger may take for a name
    ("He did not look up.\nAirstrikes and mortars crashed down a few blocks away.", "strike"),
    ("Rebels fired mortars at an army base near Aleppo.", "strike"),
    ("Militants in Gaza launched rockets at Israel on Monday.", "strike"),
    ("Hamas fired a barrage of rockets into southern Israel.", "strike"),
    ("Troops opened fire on villagers in Myanmar.", "strike"),
    ("Government forces shelled the rebel-held town of Daraya.", "strike"),
    ("Syrian troops clashed with rebels near Homs.", "strike"),
    # a hyphenated noun of fighting
    ("The gunman died after a shoot-out with police in Dallas.", "strike"),
    ("Two soldiers were killed in a gun-battle with militants in Kashmir.", "strike"),
    ("Indian and Pakistani soldiers exchanged fire across the border in Kashmir.", "strike"),
    ("Taliban fighters ambushed a police convoy in Helmand province.", "strike"),
    ("Gunmen stormed a hotel in Mogadishu.", "strike"),
    ("Gunmen attacked a checkpoint in Borno state.", "strike"),
    ("A bomb went off in a market in Baghdad.", "strike"),
    ("A car bomb exploded outside a police station in Kabul.", "strike"),
    ("A blast tore through a mosque in Quetta.", "strike"),
    ("An explosion killed four soldiers in Diyala province.", "strike"),
    ("An IED exploded near a patrol in Kandahar.", "strike"),
    ("A roadside bomb killed two soldiers in Zabul province.", "strike"),
    ("A suicide bomber blew himself up at a wedding in Kunduz.", "strike"),
    ("An air raid hit a hospital in Idlib.", "strike"),
    ("A drone attack hit an oil depot in Belgorod.", "strike"),
    ("Sniper fire killed a journalist in Aleppo.", "strike"),
    ("Islamic State fighters took the town of Ramadi.", "strike"),
    ("The army retook the town of Palmyra.", "strike"),
    ("Rebels captured the city of Goma on Tuesday.", "strike"),
    ("Gunmen killed five villagers in Zamfara state.", "strike"),
    ("Gunmen attacked a bus in Sinai, killing at least 11 people.", "casualties"),
    ("Militants attacked a bus in Sinai, leaving 10 dead.", "casualties"),
    ("Five people were killed and 12 wounded in the blast in Kano.", "casualties"),
    ("No one was hurt in the attack on the embassy in Kabul.", "casualties"),
    ("A drone dropped explosives on a car in Kherson.", "strike"),
    ("Mortar rounds slammed into the Green Zone in Baghdad on Sunday.", "strike"),
    ("A suicide bomber drove a truck packed with explosives into an army camp in Gao.", "strike"),
    ("A man drove a van into pedestrians on a bridge in London.", "strike"),
    ("An Afghan soldier turned his weapon on coalition troops in Zabul.", "strike"),
    ("The assault on the hotel in Mogadishu left at least 59 people dead.", "casualties"),
    ("The death toll from the bombings in Colombo climbed to 72.", "casualties"),
    ("Obama and Putin agreed in a telephone conversation on Friday to resume talks.", "call"),
    ("Ban Ki-moon paid a brief visit to Gaza on Tuesday.", "meeting"),
    ("Air defences repelled a drone attack on Kyiv overnight.", "interception"),
    ("Ukrainian forces repelled an assault by Russian marines near Vuhledar.", "strike"),
    ("Car bombings in Baghdad have claimed more than 300 lives this year.", "casualties"),
    ("Thousands of Afghan lives have been lost in the fighting in Helmand.", "casualties"),
    ("The suicide attack in Quetta cost 52 lives.", "casualties"),
    ("Hundreds of Yazidis were killed in Sinjar in 2014.", "casualties"),
    ("John Kerry met with Sergei Lavrov in Geneva.", "meeting"),
    ("Chinese and Indian officials held talks in Beijing on Friday.", "meeting"),
    ("Egypt hosted Israeli and Palestinian negotiators in Cairo.", "meeting"),
    ("Pope Francis visited a refugee camp on Lesbos.", "meeting"),
    ("Mahmoud Abbas sat down with Benjamin Netanyahu in Jerusalem.", "meeting"),
    ("Donald Trump and Kim Jong Un shook hands in Singapore.", "meeting"),
    ("Angela Merkel welcomed Emmanuel Macron to Berlin.", "meeting"),
    ("Clashes between Russian and Ukrainian forces took place near Izium.", "strike"),
    ("Explosions were reported in Kyiv overnight.", "strike"),
    ("Barack Obama spoke by phone with Hassan Rouhani.", "call"),
    ("John Kerry and his Russian counterpart, Sergei Lavrov, spoke by phone on Wednesday.", "call"),
    ("Shinzo Abe offered the Philippines a loan for ten patrol boats.", "aid"),
    ("Angela Merkel telephoned Vladimir Putin on Sunday.", "call"),
    ("The United Nations urged Sudan to open the roads to aid convoys.", "appeal"),
    ("Ban Ki-moon called on Syria to allow aid into Aleppo.", "appeal"),
    ("The European Union demanded that Russia withdraw its troops.", "appeal"),
    ("Japan pledged $1 billion in aid to the Philippines.", "aid"),
    ("The United States delivered 200 tons of food aid to Yemen.", "aid"),
    ("Congress approved $500 million in aid for Ukraine.", "aid"),
    # incident notes' wording
    ("On 15 April 2023, fighting broke out between the army and the RSF in Khartoum.", "strike"),
    ("On 7 October 2023, Hamas fired rockets from Gaza toward Ashkelon.", "strike"),
    ("On 6 August 2022, an IED went off next to a car in Nova Kakhovka.", "strike"),
    ("On 28 January 2024, bandits killed nine villagers in Tsafe.", "strike"),
    ("At least 56 civilians were reported dead.", "casualties"),
    ("Two adults were killed at the hospital.", "casualties"),
    ("Nikki Haley addresses a meeting of the Security Council on Syria in New York.", "meeting"),
    # fighting that rages or erupts, however the tagger reads the sentence's first word
    ("Fighting raged in the Donetsk region on Monday.", "strike"),
    ("Yemen\nClashes erupted in Aden on Monday.", "strike"),
    ("Hostilities resumed near Bakhmut on Monday.", "strike"),
    ("A gunbattle erupted in Kunar on Monday.", "strike"),
    ("Donetsk\nArtillery fire hit residential areas of Donetsk on Wednesday.", "strike"),
    ("Security forces mounted a sweep of villages in Rakhine State.", "strike"),
    ("Insurgents set off a car bomb outside the governor's office in Helmand.", "strike"),
    ("Angela Merkel called Vladimir Putin on Sunday.", "call"),
    ("Barack Obama called Vladimir Putin to discuss Ukraine.", "call"),
    ("Donald Trump on Friday called on Qatar to stop funding terrorism 'at a high level,' siding with Riyadh.", "appeal"),
    ("Gunmen sprayed bullets at worshippers at a church in Ondo state.", "strike"),
    ("Medics said 19 bodies had been recovered from the rubble in Gaza.", "casualties"),
    ("Fourteen policemen were among the dead in the attack in Dagestan.", "casualties"),
    ("Saudi Arabia pledged 500 million dollars to Iraq.", "aid"),
    ("Japan gave 10 million dollars to the UN refugee agency.", "aid"),
    ("The World Food Programme delivered food aid to Yemen.", "aid"),
    # a journey to meet someone is a meeting, planned or made
    ("Narendra Modi will travel to Washington next week to meet Joe Biden.", "meeting"),
    ("Vladimir Putin flew to Tehran on Tuesday to meet Hassan Rouhani.", "meeting"),
    ("At an emergency council session on Tuesday, envoys criticized Russia.", "meeting"),
]

# sentence, event type it must not give
LOOKALIKES = [
    ("Prisoners in Guantanamo went on a hunger strike.", "strike"),
    ("Dock workers in Antwerp began a labour strike over pay.", "strike"),
    ("Teachers in Nairobi went on strike on Monday.", "strike"),
    # shots into the air or warning shots disperse a crowd; they attack nobody
    ("Russian troops fired shots into the air to disperse protesters in Nova Kakhovka.", "strike"),
    ("Soldiers fired warning shots at a crowd outside the town hall in Kherson.", "strike"),
    ("Kenya and Somalia struck a deal on the border.", "strike"),
    ("The opposition in Kinshasa rejected calls for new elections.", "appeal"),
    ("Senator John McCain attacked the plan as reckless.", "strike"),
    ("Critics in Ankara attacked the government's handling of the crisis.", "strike"),
    ("Boris Nemtsov's father died of a heart attack in Moscow.", "strike"),
    ("Police conducted a rescue operation in the flooded town of Derna.", "strike"),
    ("The surgeon said the operation on his knee in Kyiv went well.", "strike"),
    # a question put to a speaker asks for no action
    ('Talks\n\n"It confirms our fears," Senator John Smith told reporters on Thursday when asked what conclusions he '
     "would draw.", "appeal"),
    # what hurts an economy attacks no one
    ("Russia said the Western measures were hurting ordinary people in Moscow.", "casualties"),
    ("New sanctions hit Iran's oil exports in March.", "strike"),
    ("Rising prices have hurt families in Cairo, officials said.", "casualties"),
    # a raid to arrest someone coerces, it does not attack (PLOVER's COERCE, not ASSAULT)
    ("Police arrested 12 people in raids on homes in Cairo.", "strike"),
    ("In a late night raid on Monday, police seized Abdulkadir Masharipov in an apartment in Istanbul.", "strike"),
    ("The arrests since Thursday have involved raids on cafes and homes in Alexandria.", "strike"),
    # a kind of people named after what befell them is no report of it
    ("A cafe run by acid attack survivors opened in Lahore last year.", "strike"),
    ("Bombing victims gathered outside the parliament in Kabul on Monday.", "strike"),
    ("Police arrested a bombing suspect in Lahore on Monday.", "strike"),
    # criticism, and sanctions on a state's economy, attack no one
    ("The health minister came under fire from opposition lawmakers in Nairobi over the hospital closures.", "strike"),
    ("Britain targets Iranian banks and oil exporters in new sanctions", "strike"),
    ("The shooting suspect, a man born in Kandahar, moved to Texas in 2010.", "strike"),
    ("Boris Nemtsov's father died of a heart attack in Moscow.", "casualties"),
    ("Photographs shot in Aleppo by the agency show the damage.", "strike"),
    ("The manager was fired from his job in Lagos last week.", "strike"),
    ("He was fired as manager of the club in Kano.", "strike"),
    ("Tehran's muscle flexing was aimed at Riyadh, analysts in London said.", "strike"),
    ("The ministers in Kyiv discussed a training session for pilots.", "meeting"),
    ("Criticism directed at the government in Kabul grew on Monday.", "strike"),
    ("Wildfires destroyed hundreds of homes in California.", "strike"),
    ("A tropical storm hit Manila on Sunday.", "strike"),
    ("Real Madrid beat Barcelona 3-1 in Madrid on Sunday.", "strike"),
    ("Lionel Messi struck twice as Barcelona beat Sevilla 4-0 in Seville.", "strike"),
    ("Police in Cairo clashed with protesters outside the parliament.", "strike"),
    ("Thousands of people in Tbilisi protested against the Russian shelling of Kharkiv.", "strike"),
    ("Residents of Kherson rallied against the bombing of their city.", "strike"),
    ("The Supreme Court in Harare took up the election challenge on Monday.", "strike"),
    ("The White House received word that Hassan Rouhani wanted to talk.", "meeting"),
    ("Iran is meeting its obligations under the deal, Germany said.", "meeting"),
    ("Another crowd gathered in Los Angeles on Saturday.", "meeting"),
    ("Richard Holbrooke died at the age of 69 in Washington.", "casualties"),
    ("Protesters in Cairo chanted that students' rights will never die.", "casualties"),
    ("Tropical storm Washi hit the city of Cagayan de Oro in 2011.", "strike"),
    # a ground assault beaten off is an attack, not an interception
    ("Ukrainian forces repelled an assault by Russian marines near Vuhledar.", "interception"),
    ("Sappers destroyed the old shells in a controlled detonation near Izium.", "strike"),
    ("A Su-25 attack aircraft was shot down near Bakhmut.", "strike"),
    ("Miners' strike in Kryvyi Rih", "strike"),
    ("Gunmen abducted 280 pupils from a school in Kaduna.", "strike"),
    ("The army carried out an air strike on a village gathering in Sagaing.", "meeting"),
    ("He drove his car into town to vote in Kabul.", "strike"),
    ("The fall of Aleppo left the rebels weakened.", "casualties"),
    # what an appeal asks for has not happened
    ("Donald Trump urged Barack Obama not to attack Syria.", "strike"),
    # a gerund after a noun names a task or a crime, not an event
    ("Iraq still faces many challenges, including destroying terror cells in Mosul.", "strike"),
    ("The army in Kabul has the goal of capturing the city.", "strike"),
    ("The crime of killing civilians in Darfur must be punished.", "casualties"),
    ("He won a clean sweep in the elections in Lagos.", "strike"),
    ("Thousands of demonstrators clashed with riot police in Hong Kong on Sunday.", "strike"),
    ("Russia allocated 50 billion dollars for defence.", "aid"),
    ("The verdict set off a wave of protests in Lagos.", "strike"),
    # who finds a body did not kill
    ("Police found the body of a journalist in Mexico City.", "casualties"),
    # a call that names someone something rings nobody
    ("Joe Biden called Vladimir Putin a killer in an interview in Washington.", "call"),
    ("The United Nations called the attack in Aleppo a war crime.", "call"),
]


@pytest.fixture(scope="module")
def types_of(extract):
    def run(text: str) -> list[tuple[str, str | None]]:
        return [(e.type, e.cameo) for e in extract(text, PUBLISHED).events]
    return run


@pytest.mark.parametrize(("text", "kind"), WORDING)
def test_wording_gives_the_event(types_of, text, kind):
    found = types_of(text)
    assert kind in {t for t, _ in found}, (text, found)
    # every trigger carries a CAMEO code, three or four digits
    assert all(code and code.isdigit() and len(code) in (3, 4) for _, code in found), found


@pytest.mark.parametrize(("text", "kind"), LOOKALIKES)
def test_lookalike_gives_no_such_event(types_of, text, kind):
    assert kind not in {t for t, _ in types_of(text)}, text


@pytest.mark.parametrize(("text", "trigger", "code"), [
    ("Government forces shelled the town of Daraya.", "shelled", "190"),
    ("Militants assassinated a tribal leader in Yemen.", "assassinated", "186"),
    ("Japan pledged $1 billion in aid to the Philippines.", "pledged", "033"),
    ("Egypt hosted Israeli and Palestinian negotiators in Cairo.", "hosted", "043"),
    ("Angela Merkel telephoned Vladimir Putin on Sunday.", "telephoned", "041"),
])
def test_each_trigger_keeps_the_cameo_code_of_its_verb(extract, text, trigger, code):
    (event,) = [e for e in extract(text, PUBLISHED).events if e.trigger == trigger]
    assert event.cameo == code


@pytest.mark.parametrize("text", ["A car bomb killed 14 people and wounded 21 in Mosul.",
                                  "A car bomb killed 14 people and wounded 21 others in Mosul.",
                                  # the parse hangs the 21 on the clause that follows
                                  "The blast of a car bomb that killed 14 soldiers and wounded 21 other people is "
                                  "raising fears of a wider war."])
def test_killed_and_wounded_are_separate_figures(extract, text):
    events = extract(text, PUBLISHED).events
    figures = {e.trigger: (e.claims[0].quantity.minimum, e.claims[0].quantity.maximum)
               for e in events if e.type == "casualties"}
    assert figures == {"killed": (14, 14), "wounded": (21, 21)}


def test_a_figure_under_a_subordinate_count_is_the_deployment_s(extract):
    (event,) = [e for e in extract("Obama approved the deployment of an additional 30,000 troops to Afghanistan.",
                                   PUBLISHED).events if e.type == "troop_figure"]
    assert (event.claims[0].quantity.minimum, event.claims[0].quantity.unit) == (30000, "troops")


@pytest.mark.parametrize("text", ["No one was hurt in the attack on the embassy in Kabul.",
                                  "Drones struck a depot in Odesa. No injuries were reported.",
                                  "Drones struck a depot in Odesa; no injuries reported."])
def test_no_one_hurt_is_a_figure_of_zero(extract, text):
    (event,) = [e for e in extract(text, PUBLISHED).events if e.type == "casualties"]
    assert (event.claims[0].quantity.minimum, event.claims[0].quantity.maximum) == (0, 0)


def test_the_casualties_of_a_blast_carry_its_place(extract):
    events = extract("A bomb went off in a market in Baghdad, killing at least 12 people.", PUBLISHED).events
    (casualties,) = [e for e in events if e.type == "casualties"]
    assert {m.text for m in casualties.places} == {"Baghdad"}
    assert (casualties.claims[0].quantity.minimum, casualties.claims[0].quantity.maximum) == (12, None)


def test_a_place_of_the_struck_area_places_the_strike(extract):
    events = extract("Russian aircraft bombed residential areas of Chernihiv, killing 47 civilians.", PUBLISHED).events
    assert all({m.text for m in e.places} == {"Chernihiv"} for e in events if e.type in ("strike", "casualties"))
    assert {e.type for e in events} >= {"strike", "casualties"}


@pytest.mark.parametrize(("text", "place"), [
    ("Hamas fired rockets from the Gaza Strip toward Ashkelon on Saturday.", "Ashkelon"),
    ("Houthi rebels fired a missile from Yemen at Jizan on Monday.", "Jizan"),
    # a state it went into is where it landed
    ("Militants fired rockets from Gaza into southern Israel on Sunday.", "Israel"),
])
def test_where_a_missile_came_from_is_not_where_it_struck(extract, text, place):
    (strike,) = [e for e in extract(text, PUBLISHED).events if e.type == "strike"]
    assert [m.text for m in strike.places] == [place]
