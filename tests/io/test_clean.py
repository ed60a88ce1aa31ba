from kgbuild.io.clean import blank_out, find_noise

PAGE = """Slider1
Slider2
previous arrow
next arrow

Rebels shell town as talks stall

Rebels shelled the town of Sake on Tuesday, killing four people, the army said.

Residents queue for water in Sake [Jane Doe/Reuters]

Most Read
Markets Slide As Oil Prices Climb Again
City Council Approves New Budget Plan
Storm Leaves Thousands Without Power

Cup final preview: squads named

The tournament final pits holders Lions against Rovers. Captain Sam Ortiz returns to the squad, while goalkeeper Ben Ray misses the match with a wrist injury.

Comments
No comments yet...
"""


def noisy_text(text):
    return [text[s:e] for s, e in find_noise(text)]


def test_page_furniture_is_found():
    noise = " ".join(noisy_text(PAGE))
    for furniture in ["Slider1", "next arrow", "[Jane Doe/Reuters]", "Markets Slide", "Storm Leaves",
                      "Sam Ortiz", "Ben Ray", "No comments yet"]:
        assert furniture in noise, furniture


def test_news_is_kept():
    noise = " ".join(noisy_text(PAGE))
    assert "Rebels shelled the town of Sake" not in noise
    assert "Rebels shell town as talks stall" not in noise
    assert "Residents queue for water in Sake" not in noise


def test_military_captain_alone_is_not_sports():
    text = "Captain Olena Kovalenko said her squad held the line near the village overnight.\n"
    assert find_noise(text) == ()


def test_blank_out_keeps_offsets():
    cleaned = blank_out(PAGE, find_noise(PAGE))
    assert len(cleaned) == len(PAGE)
    start = PAGE.index("Rebels shelled")
    assert cleaned[start:start + 14] == "Rebels shelled"
    assert "Slider1" not in cleaned


def test_a_credit_that_runs_into_the_text_goes_with_its_dash():
    text = "(J. Doe/VOA)-Onlookers cheered the marchers.\n(Ann Lee via AP)-Rivera called on both sides to talk.\n"
    cleaned = blank_out(text, find_noise(text))
    assert "Doe" not in cleaned and "AP)" not in cleaned and "-" not in cleaned
    assert "Onlookers cheered the marchers." in cleaned and "Rivera called on both sides to talk." in cleaned
    assert find_noise("He said (in a statement) - no one was hurt.\n") == ()


def test_a_report_of_deaths_among_sports_words_is_news():
    text = ("Plane carrying football team crashes\n\n"
            "At least 40 people were killed when a plane carrying a football club's squad crashed near the stadium. "
            "The goalkeeper, a defender and the coach survived; the club had been due to play the cup final "
            "against the league leaders, and the tournament was suspended.\n")
    assert "were killed" in blank_out(text, find_noise(text))


def test_a_heading_run_into_its_first_sentence_goes_with_its_dash():
    text = ("Regional talks-The foreign ministers met in Doha on Monday.\n"
            "Reaction -Analysts said the talks were a start.\n"
            "Prime Minister Haider al-Abadi visited Mosul.\n"
            "Iran stepped up its anti-Saudi rhetoric.\n"
            "Omar Al-Zuhbe wept at the funeral.")
    cleaned = blank_out(text, find_noise(text))
    lines = [line.strip() for line in cleaned.split("\n")]
    assert lines[:2] == ["The foreign ministers met in Doha on Monday.", "Analysts said the talks were a start."]
    assert lines[2:] == text.split("\n")[2:]  # names and prefixed words keep their hyphen


def test_an_article_read_as_one_line_is_never_blanked_whole():
    # With its line breaks lost, the article is one section, and its sports words are war words.
    text = ("Russian missiles struck a football stadium in Kharkiv on Monday, killing three people. "
            "The captain of a Ukrainian army squad said his unit had sheltered there before the championship "
            "match was cancelled. Rescuers searched the rubble through the night.")
    assert find_noise(text) == ()
    one_line = PAGE.replace("\n", " ")
    assert noisy_text(one_line) == ["[Jane Doe/Reuters]"]


def test_a_contact_line_needs_an_address_and_prose_with_reach_at_is_news():
    prose = "Officials warned that Russian troops could reach the outskirts of Pokrovsk at any moment, the mayor said.\n"
    assert find_noise(prose) == ()
    for contact in ["Reach Jane Doe at jdoe@example.org.", "Contact the newsroom at +1 202 555 0100.",
                    "Write to Sam Ortiz at @samortiz", "Write to Sam Ortiz at"]:
        assert noisy_text(prose + contact + "\n") == [contact], contact


def test_a_run_of_marks_is_set_aside_and_the_words_around_it_are_kept():
    text = ("Drones struck Kharkiv" + "!" * 16_000 + " on Monday, the mayor said. ----------- Talks resume?!?! "
            + "\U0001F64F" * 12)
    cleaned = blank_out(text, find_noise(text))
    assert "!" * 11 not in cleaned and "-" * 11 not in cleaned and "\U0001F64F" * 11 not in cleaned
    assert "Drones struck Kharkiv" in cleaned and "on Monday, the mayor said." in cleaned and "resume?!?!" in cleaned
