"""Sentence -> PLOVER category and mode: at least three sentences per category and per mode kgbuild reads,
each category with sentences that must not be coded as it.

The sentences are written for these tests, about several wars and none.
"""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2024, 3, 14)

# sentence, PLOVER category, mode (None: any)
CATEGORY_CASES = [
    # AGREE
    ("Kenya and Somalia signed a security agreement in Nairobi on Monday.", "AGREE", None),
    ("Armenia and Azerbaijan agreed to a ceasefire on Tuesday.", "AGREE", None),
    ("The Sudanese army and the RSF reached a deal in Jeddah to open aid corridors.", "AGREE", None),
    # CONSULT
    ("Vladimir Putin spoke by phone with Recep Tayyip Erdogan on Monday.", "CONSULT", "phone"),
    ("Emmanuel Macron held a phone call with Joe Biden on Friday.", "CONSULT", "phone"),
    ("Joe Biden phoned Benjamin Netanyahu on Sunday.", "CONSULT", "phone"),
    ("Antony Blinken visited Kyiv on Wednesday.", "CONSULT", "visit"),
    ("Narendra Modi paid a visit to Moscow on Monday.", "CONSULT", "visit"),
    ("Olaf Scholz traveled to Beijing for talks with Xi Jinping.", "CONSULT", "visit"),
    ("Joe Biden met Xi Jinping on the sidelines of the G20 summit in Bali.", "CONSULT", "multilateral"),
    ("Rishi Sunak met Volodymyr Zelenskyy at a NATO summit in Vilnius on Tuesday.", "CONSULT", "multilateral"),
    ("Abiy Ahmed met William Ruto at the African Union summit in Addis Ababa.", "CONSULT", "multilateral"),
    # SUPPORT
    ("Hungary praised the Russian government on Monday.", "SUPPORT", None),
    ("The Arab League endorsed the Egyptian peace plan.", "SUPPORT", None),
    ("Spain recognized the State of Palestine on Tuesday.", "SUPPORT", None),
    # CONCEDE
    ("The Burmese junta pardoned 3,000 prisoners on Thursday.", "CONCEDE", None),
    ("Ethiopia lifted the state of emergency in Amhara on Friday.", "CONCEDE", None),
    ("The government of Sri Lanka granted an amnesty to Tamil rebels.", "CONCEDE", None),
    # a ceasefire declared is a concession; one in force, a retreat
    ("The Kremlin announced a unilateral ceasefire for Orthodox Christmas.", "CONCEDE", None),
    # COOPERATE
    ("Turkey extradited two Islamic State suspects to Iraq on Sunday.", "COOPERATE", None),
    ("Russia and Belarus held joint military exercises near the Polish border.", "COOPERATE", None),
    ("Kenya and Uganda agreed to share intelligence on al-Shabab.", "COOPERATE", None),
    # AID
    ("Germany delivered 20 Leopard tanks to Ukraine.", "AID", "military"),
    ("The United States pledged $500 million in military aid to Ukraine.", "AID", "military"),
    ("Britain sent 50 howitzers to Ukraine on Monday.", "AID", "military"),
    ("Qatar sent 40 tonnes of food and medicine to Gaza.", "AID", "humanitarian"),
    ("The European Union gave 100 million euros in humanitarian aid to Sudan.", "AID", "humanitarian"),
    ("Japan delivered medical supplies to Turkey after the earthquake.", "AID", "humanitarian"),
    ("Ecuador granted asylum to Julian Assange.", "AID", "asylum"),
    ("Germany granted asylum to two Russian deserters.", "AID", "asylum"),
    ("Brazil offered asylum to the Venezuelan opposition leader.", "AID", "asylum"),
    ("The IMF approved a $3 billion loan to Pakistan.", "AID", "economic"),
    ("Saudi Arabia gave Egypt a $2 billion financial grant.", "AID", "economic"),
    ("The World Bank provided $1.5 billion in budget support to Ukraine.", "AID", "economic"),
    # RETREAT
    ("Russian forces withdrew from Kherson on Friday.", "RETREAT", "withdraw"),
    ("Ukrainian troops pulled out of Avdiivka overnight.", "RETREAT", "withdraw"),
    ("The Ethiopian army withdrew from Mekelle in June.", "RETREAT", "withdraw"),
    ("Hamas released 13 hostages on Friday.", "RETREAT", "release"),
    ("The Taliban freed two American prisoners on Tuesday.", "RETREAT", "release"),
    ("Russia released 90 Ukrainian prisoners of war.", "RETREAT", "release"),
    ("The ceasefire between Israel and Hezbollah took effect on Wednesday.", "RETREAT", "ceasefire"),
    ("The truce in Yemen took hold on Saturday.", "RETREAT", "ceasefire"),
    ("Azerbaijan and Armenia observed a ceasefire along the border.", "RETREAT", "ceasefire"),
    ("Pakistani Prime Minister Imran Khan resigned on Sunday.", "RETREAT", "resign"),
    ("Sri Lankan President Gotabaya Rajapaksa resigned on Thursday.", "RETREAT", "resign"),
    ("Sheikh Hasina resigned and fled Bangladesh on Monday.", "RETREAT", "resign"),
    ("The FARC rebels surrendered their weapons to the United Nations.", "RETREAT", "disarm"),
    ("Kurdish PKK fighters disarmed in northern Iraq.", "RETREAT", "disarm"),
    ("The rebels in Mozambique disarmed on Friday.", "RETREAT", "disarm"),
    ("Israel allowed aid trucks access to northern Gaza.", "RETREAT", "access"),
    ("Russia allowed IAEA inspectors access to the Zaporizhzhia plant.", "RETREAT", "access"),
    ("Sudan allowed aid convoys access to Darfur.", "RETREAT", "access"),
    ("Russia returned 30 Ukrainian children to Kyiv.", "RETREAT", "return"),
    ("Iran returned the seized tanker to Greece.", "RETREAT", "return"),
    ("Azerbaijan returned the bodies of soldiers to Armenia.", "RETREAT", "return"),
    # REQUEST
    ("The United Nations urged Myanmar to release political prisoners.", "REQUEST", "yield"),
    ("Antony Blinken called on Israel to halt its offensive in Rafah.", "REQUEST", "yield"),
    ("Qatar urged Hamas to release the hostages.", "REQUEST", "yield"),
    ("Volodymyr Zelenskyy appealed to NATO for more air defence systems.", "REQUEST", "assist"),
    ("Ukraine asked Germany for Taurus missiles.", "REQUEST", "assist"),
    ("Somalia appealed to the African Union for help against al-Shabab.", "REQUEST", "assist"),
    ("Haiti's opposition demanded the resignation of Prime Minister Ariel Henry.", "REQUEST", "change"),
    ("Protesters in Dhaka called for the resignation of Sheikh Hasina.", "REQUEST", "change"),
    ("The European Union urged Georgia to reform its electoral law.", "REQUEST", "change"),
    ("China called on Russia and Ukraine to hold talks.", "REQUEST", "meet"),
    ("The African Union urged Ethiopia to negotiate with the TPLF.", "REQUEST", "meet"),
    ("Turkey called for negotiations between Armenia and Azerbaijan.", "REQUEST", "meet"),
    # ACCUSE
    ("Ukraine accused Russia of shelling the Zaporizhzhia nuclear plant.", "ACCUSE", "disapprove"),
    ("The United Nations condemned the attack on a school in Gaza.", "ACCUSE", "disapprove"),
    ("Residents blamed the Ethiopian army for the drone strike.", "ACCUSE", "disapprove"),
    ("The call drew a protest from China on Friday.", "ACCUSE", None),
    ("The International Criminal Court is investigating Israel over the war in Gaza.", "ACCUSE", "investigate"),
    ("Human Rights Watch investigated the killings in Bucha.", "ACCUSE", "investigate"),
    ("The United Nations will investigate the massacre in Darfur.", "ACCUSE", "investigate"),
    # REJECT
    ("Russia rejected the accusations on Monday.", "REJECT", None),
    ("Iran refused to let inspectors visit the Fordow plant.", "REJECT", None),
    ("Hamas rejected the Israeli proposal for a truce.", "REJECT", "yield"),
    ("Russia rejected calls for a ceasefire in Ukraine.", "REJECT", "yield"),
    ("Israel refused to release the Palestinian prisoners.", "REJECT", "yield"),
    ("Germany refused to send Taurus missiles to Ukraine.", "REJECT", "assist"),
    ("Turkey rejected the request for military aid.", "REJECT", "assist"),
    ("Egypt refused to supply weapons to Russia.", "REJECT", "assist"),
    ("Nicolas Maduro refused to resign.", "REJECT", "change"),
    ("Belarus rejected the demands for new elections.", "REJECT", "change"),
    ("The government of Georgia refused to change the electoral law.", "REJECT", "change"),
    ("Ethiopia rejected the offer of talks with the TPLF.", "REJECT", "meet"),
    ("Israel refused to negotiate with Hamas.", "REJECT", "meet"),
    ("Ukraine rejected the Russian proposal for talks.", "REJECT", "meet"),
    ("Rwanda denied supporting the M23 rebels.", "REJECT", None),
    ("Ukraine accused Russia of shelling the plant, a charge Moscow denied.", "REJECT", None),
    # THREATEN
    ("Turkey threatened to launch a ground offensive in northern Syria.", "THREATEN", "violence"),
    ("Iran vowed to retaliate against Israel.", "THREATEN", "violence"),
    ("Kim Jong Un threatened to attack South Korea.", "THREATEN", "violence"),
    ("The United States threatened to impose sanctions on Uganda.", "THREATEN", "restrict"),
    ("The European Union threatened Belarus with new sanctions.", "THREATEN", "restrict"),
    ("China threatened to blockade Taiwan.", "THREATEN", "restrict"),
    ("Russia threatened to annex the occupied regions of Ukraine.", "THREATEN", "territory"),
    ("Azerbaijan threatened to seize Nagorno-Karabakh.", "THREATEN", "territory"),
    ("Venezuela threatened to occupy the Essequibo region of Guyana.", "THREATEN", "territory"),
    ("The junta threatened to arrest opposition leaders in Bamako.", "THREATEN", "arrest"),
    ("Iran threatened to jail the protesters.", "THREATEN", "arrest"),
    ("Belarus threatened to imprison the journalists.", "THREATEN", "arrest"),
    ("Mali threatened to expel the French ambassador.", "THREATEN", "expel"),
    ("Niger threatened to expel UN peacekeepers.", "THREATEN", "expel"),
    ("Ethiopia threatened to deport foreign aid workers.", "THREATEN", "expel"),
    ("The Russian government threatened to ban the opposition party.", "THREATEN", "ban"),
    ("Pakistan threatened to outlaw the Tehreek-e-Labbaik party.", "THREATEN", "ban"),
    ("Hungary threatened to ban the Pride march in Budapest.", "THREATEN", "ban"),
    ("Hamas threatened to suspend the talks with Israel.", "THREATEN", "relations"),
    ("Turkey threatened to cut relations with Israel.", "THREATEN", "relations"),
    ("Russia threatened to withdraw from the grain deal.", "THREATEN", "relations"),
    # PROTEST
    ("Thousands of protesters rallied in Tehran on Friday against the government.", "PROTEST", "demo"),
    ("Tens of thousands of people demonstrated in Tel Aviv on Saturday.", "PROTEST", "demo"),
    ("Protests erupted in Dhaka on Monday.", "PROTEST", "demo"),
    ("Hundreds of residents of Kherson gathered on the square to protest against the occupation.", "PROTEST", "demo"),
    ("Rioters torched police stations in Dhaka on Monday.", "PROTEST", "riot"),
    ("Riots broke out in Nairobi after the vote.", "PROTEST", "riot"),
    ("Security forces clashed with protesters in Cairo on Friday.", "PROTEST", "riot"),
    ("Palestinian prisoners went on a hunger strike in Israeli jails.", "PROTEST", "strike-hun"),
    ("Kurdish detainees launched a hunger strike in Turkey.", "PROTEST", "strike-hun"),
    ("Imran Khan began a hunger strike in Rawalpindi.", "PROTEST", "strike-hun"),
    ("Doctors in Nigeria began a nationwide strike on Monday.", "PROTEST", "strike"),
    ("Teachers in Kenya went on strike over pay.", "PROTEST", "strike"),
    ("Rail workers in Paris staged a general strike on Thursday.", "PROTEST", "strike"),
    ("The Pakistani opposition boycotted the parliament session.", "PROTEST", "boycott"),
    ("Venezuelan opposition parties boycotted the election.", "PROTEST", "boycott"),
    ("Palestinian shops in Hebron boycotted Israeli goods.", "PROTEST", "boycott"),
    ("Farmers blocked the main highway in Punjab on Monday.", "PROTEST", "obstruct"),
    ("Protesters blocked roads in Dhaka on Sunday.", "PROTEST", "obstruct"),
    ("Truck drivers barricaded the border crossing in Ottawa.", "PROTEST", "obstruct"),
    # SANCTION
    ("The European Union imposed new sanctions on Iran.", "SANCTION", "sever"),
    ("The United States sanctioned three RSF commanders on Wednesday.", "SANCTION", "sever"),
    ("Canada imposed an arms embargo on Israel.", "SANCTION", "sever"),
    ("China expelled two US diplomats on Friday.", "SANCTION", "expel"),
    ("Poland expelled the Russian ambassador.", "SANCTION", "expel"),
    ("Niger expelled the French ambassador on Thursday.", "SANCTION", "expel"),
    ("Mali recalled its ambassador from Algeria.", "SANCTION", "withdraw"),
    ("The United States suspended military aid to Niger.", "SANCTION", "withdraw"),
    ("Lithuania recalled its ambassador from Beijing.", "SANCTION", "withdraw"),
    ("Colombia cut diplomatic ties with Israel on Wednesday.", "SANCTION", None),
    ("Russia cancelled talks with Ukraine.", "SANCTION", "cancel"),
    ("Egypt postponed the summit with Israel.", "SANCTION", "cancel"),
    ("Uganda called off the meeting with Kenya.", "SANCTION", "cancel"),
    # a conviction of a person is coercion (PLOVER's COERCE)
    ("A Russian court convicted Evan Gershkovich of espionage.", "COERCE", None),
    # MOBILIZE
    ("Russia deployed troops to the border with Finland.", "MOBILIZE", "troops"),
    ("Azerbaijan mobilized reservists on Sunday.", "MOBILIZE", "troops"),
    ("Israel massed 100,000 troops on the Gaza border.", "MOBILIZE", "troops"),
    ("Kenya deployed police officers to Haiti.", "MOBILIZE", "police"),
    ("Ecuador deployed riot police to the port of Guayaquil.", "MOBILIZE", "police"),
    ("Pakistan deployed paramilitary police in Islamabad.", "MOBILIZE", "police"),
    ("North Korea test-fired a ballistic missile on Sunday.", "MOBILIZE", "weapons"),
    ("China held military drills around Taiwan on Thursday.", "MOBILIZE", "weapons"),
    ("Iran held naval exercises in the Gulf.", "MOBILIZE", "weapons"),
    # COERCE
    ("Police arrested 30 opposition activists in Minsk.", "COERCE", "arrest"),
    ("Egyptian authorities detained three journalists in Cairo.", "COERCE", "arrest"),
    ("Turkish police detained the mayor of Istanbul on Wednesday.", "COERCE", "arrest"),
    ("The military government imposed a curfew in Niamey.", "COERCE", "curfew"),
    ("Bangladesh imposed a nationwide curfew on Saturday.", "COERCE", "curfew"),
    ("Kenya declared a curfew in Lamu county.", "COERCE", "curfew"),
    ("Pakistan deported 500 Afghans on Tuesday.", "COERCE", "deport"),
    ("Niger deported two French journalists.", "COERCE", "deport"),
    ("Israel deported the activists to Jordan.", "COERCE", "deport"),
    ("Ethiopia shut down the internet in Tigray.", "COERCE", "censor"),
    ("The junta blocked access to Facebook in Myanmar.", "COERCE", "censor"),
    ("Iran censored newspapers in Tehran on Monday.", "COERCE", "censor"),
    ("Israel cut off electricity to Gaza on Monday.", "COERCE", "withhold"),
    ("Russia cut off gas supplies to Moldova.", "COERCE", "withhold"),
    ("The army cut fuel supplies to the rebel-held city of Mekelle.", "COERCE", "withhold"),
    ("China restricted travel to Tibet on Monday.", "COERCE", "restrict"),
    ("Israel imposed a closure on the West Bank.", "COERCE", "restrict"),
    ("Azerbaijan imposed a blockade on Nagorno-Karabakh.", "COERCE", "restrict"),
    ("Russia banned the Memorial human rights group.", "COERCE", "ban"),
    ("Tajikistan outlawed the opposition party.", "COERCE", "ban"),
    ("The junta banned political parties in Mali.", "COERCE", "ban"),
    ("Ethiopia declared a state of emergency in Amhara.", "COERCE", "martial-law"),
    ("Myanmar's junta imposed martial law in Yangon.", "COERCE", "martial-law"),
    ("Sri Lanka declared a state of emergency on Friday.", "COERCE", "martial-law"),
    ("Ukrainian police seized a cache of weapons in Dnipro.", "COERCE", "confiscate"),
    ("Iran seized a British tanker in the Strait of Hormuz.", "COERCE", "confiscate"),
    ("Customs officers in Mombasa confiscated a shipment of arms.", "COERCE", "confiscate"),
    # ASSAULT
    ("Russian drones struck Kharkiv overnight.", "ASSAULT", "aerial"),
    ("Israeli warplanes bombed Khan Younis on Sunday.", "ASSAULT", "aerial"),
    ("A US airstrike killed an al-Shabab commander in Somalia.", "ASSAULT", "aerial"),
    ("Russian artillery shelled Kherson on Monday.", "ASSAULT", "heavy-weapons"),
    ("Hezbollah fired rockets at northern Israel.", "ASSAULT", "heavy-weapons"),
    ("Russian missiles hit Odesa on Tuesday.", "ASSAULT", "heavy-weapons"),
    ("A roadside bomb killed three soldiers in Helmand.", "ASSAULT", "explosives"),
    ("A car bomb exploded in Mogadishu on Saturday.", "ASSAULT", "explosives"),
    ("A landmine killed two children in Idlib.", "ASSAULT", "explosives"),
    ("A suicide bomber killed 12 people at a market in Kabul.", "ASSAULT", "suicide-attack"),
    ("A suicide attack killed 20 people in Peshawar on Friday.", "ASSAULT", "suicide-attack"),
    ("A suicide car bomber attacked an army base in Kirkuk.", "ASSAULT", "suicide-attack"),
    ("Gunmen shot dead two police officers in Peshawar.", "ASSAULT", "firearms"),
    ("Snipers shot three civilians in Kharkiv.", "ASSAULT", "firearms"),
    ("Gunmen opened fire on a bus in Balochistan on Monday.", "ASSAULT", "firearms"),
    ("Boko Haram kidnapped 80 students in Kaduna.", "ASSAULT", "abduct"),
    ("Rebels abducted two aid workers in Darfur.", "ASSAULT", "abduct"),
    ("Gunmen kidnapped a priest in Zamfara on Sunday.", "ASSAULT", "abduct"),
    ("Syrian government forces used chemical weapons in Ghouta.", "ASSAULT", "cbrn"),
    ("A chemical attack killed dozens of people in Douma.", "ASSAULT", "cbrn"),
    ("The Islamic State used chlorine gas against Kurdish fighters.", "ASSAULT", "cbrn"),
    ("Militias tortured detainees in Tripoli.", "ASSAULT", "torture"),
    ("Soldiers tortured prisoners in Bucha.", "ASSAULT", "torture"),
    ("Police tortured two activists in Harare.", "ASSAULT", "torture"),
    ("Iran executed four men in Tehran on Thursday.", "ASSAULT", "execute"),
    ("Saudi Arabia executed 81 people on Saturday.", "ASSAULT", "execute"),
    ("The Houthis executed nine men in Sanaa.", "ASSAULT", "execute"),
    ("Attackers with machetes killed 10 villagers in Ituri.", "ASSAULT", "primitive"),
    ("A man stabbed three people in Mannheim.", "ASSAULT", "primitive"),
    ("Militants hacked 20 farmers to death with machetes in Benue.", "ASSAULT", "primitive"),
    ("Gunmen assassinated the mayor of Celaya.", "ASSAULT", "assassinate"),
    ("Hamas leader Ismail Haniyeh was assassinated in Tehran.", "ASSAULT", "assassinate"),
    ("Militants assassinated a police chief in Kandahar.", "ASSAULT", "assassinate"),
    ("Soldiers raped women in Tigray.", "ASSAULT", "sexual"),
    ("Militiamen raped dozens of women in Darfur.", "ASSAULT", "sexual"),
    ("Fighters raped two girls in Ituri.", "ASSAULT", "sexual"),
    ("Settlers torched Palestinian homes in Huwara.", "ASSAULT", "destroy"),
    ("Soldiers demolished Palestinian houses in Jenin.", "ASSAULT", "destroy"),
    ("Militias looted shops in Khartoum.", "ASSAULT", "destroy"),
    ("Settlers set fire to a mosque near Nablus.", "ASSAULT", "destroy"),
    ("Police beat protesters in Tbilisi on Sunday.", "ASSAULT", "beat"),
    ("Soldiers beat two journalists in Khartoum.", "ASSAULT", "beat"),
    ("A mob lynched a man in Lahore on Friday.", "ASSAULT", "beat"),
    ("Israeli air defences intercepted 30 drones over the Golan.", "ASSAULT", "air-defence"),
    ("Ukrainian air defences shot down 20 Russian drones.", "ASSAULT", "air-defence"),
    ("Saudi air defences intercepted a Houthi missile over Riyadh.", "ASSAULT", "air-defence"),
]

# sentence, category that no event of it may have
NOT_CATEGORY_CASES = [
    ("The two sides agreed that the situation remained tense.", "AGREE"),
    ("Officials signed the guest book at the embassy.", "AGREE"),
    ("Analysts agree the war will last years.", "AGREE"),
    ("The minister praised the weather in Geneva.", "SUPPORT"),
    ("Imran Khan conceded that the economy was weak.", "CONCEDE"),
    ("The company cooperated with investors on the launch.", "COOPERATE"),
    ("The army released a statement on Monday.", "RETREAT"),
    ("Police released the names of the victims.", "RETREAT"),
    ("Hamas released a video of the hostages.", "RETREAT"),
    ("The ministry declined to comment.", "REJECT"),
    ("Officials declined to give details.", "REJECT"),
    ("Oil prices declined on Monday.", "REJECT"),
    ("Storms threatened the harvest in Kenya.", "THREATEN"),
    ("The UN warned of famine in Gaza.", "THREATEN"),
    ("The threat of famine grew in Sudan.", "THREATEN"),
    ("A drone strike hit a market in Amhara on Tuesday.", "PROTEST"),
    ("Troops marched into the town of Bakhmut.", "PROTEST"),
    ("Russian forces struck Kharkiv with drones.", "PROTEST"),
    ("The United States imposed tariffs on Chinese steel.", "COERCE"),
    ("The council banned smoking in restaurants.", "COERCE"),
    ("Russia's central bank cut interest rates on Friday.", "SANCTION"),
    ("The company suspended its chief executive.", "SANCTION"),
    ("The team executed its plan perfectly.", "ASSAULT"),
    ("The bill was killed in the Senate.", "ASSAULT"),
    ("Arsenal beat Chelsea 2-0 on Sunday.", "ASSAULT"),
    ("Germany investigated the causes of the floods.", "ACCUSE"),
    ("Leaders spoke about the economy.", "CONSULT"),
    ("Ukraine asked whether the talks would resume.", "REQUEST"),
    ("Pakistan allocated $2 billion for its own defence.", "AID"),
    ("Officials said aid could help Sudan.", "AID"),
    ("Microsoft deployed a new software update.", "MOBILIZE"),
    ("Fans welcomed the decision to build a new stadium.", "SUPPORT"),
    ("The striker conceded a penalty in the final minute.", "CONCEDE"),
    ("Two banks cooperated on a new payment system.", "COOPERATE"),
    ("Critics accused the film of being too long.", "ACCUSE"),
    ("The minister visited a bakery in her constituency.", "CONSULT"),
    ("Analysts called the decision a mistake.", "REQUEST"),
    ("Fans massed outside the stadium in Madrid.", "MOBILIZE"),
]


def _coded(extract, text: str) -> list[tuple[str, str | None, str]]:
    return [(e.category, e.mode, e.type) for e in extract(text, PUBLISHED).events]


@pytest.mark.parametrize(("text", "category", "mode"), CATEGORY_CASES)
def test_sentence_is_coded_in_its_plover_category_and_mode(extract, text, category, mode):
    coded = _coded(extract, text)
    assert any(c == category and (mode is None or m == mode) for c, m, _ in coded), coded


@pytest.mark.parametrize(("text", "category"), NOT_CATEGORY_CASES)
def test_sentence_is_not_coded_in_a_category_it_does_not_report(extract, text, category):
    coded = _coded(extract, text)
    assert all(c != category for c, _, _ in coded), coded


def test_every_category_and_mode_has_three_sentences():
    from kgbuild.resources import read_json

    categories = read_json("events", "categories.json")["categories"]
    by_category = {name: sum(c == name for _, c, _ in CATEGORY_CASES) for name in categories}
    assert all(count >= 3 for count in by_category.values()), by_category
    # every mode kgbuild reads from words, and every mode a type always has
    modes = {(name, mode) for name, spec in categories.items() for mode in spec.get("mode_words", {})}
    modes |= {(row["category"], row["mode"]) for row in read_json("events", "categories.json")["types"].values() if "mode" in row}
    counts = {pair: sum((c, m) == pair for _, c, m in CATEGORY_CASES) for pair in modes}
    assert all(count >= 3 for count in counts.values()), {pair: n for pair, n in counts.items() if n < 3}
    assert {c for _, c in NOT_CATEGORY_CASES} == set(categories)
