import pytest

from kgbuild.nlp.acronyms import defined_acronyms, initials

DEFINITION_CASES = [
    ("South Korea's National Intelligence Service (NIS) said", {"NIS": "National Intelligence Service"}),
    ("the Danish Defence Intelligence Service (DDIS) released", {"DDIS": "Danish Defence Intelligence Service"}),
    ("the North Atlantic Treaty Organization (NATO) met", {"NATO": "North Atlantic Treaty Organization"}),
    ("the Rapid Support Forces (RSF) shelled", {"RSF": "Rapid Support Forces"}),
    # letters that spell no name before them define nothing
    ("the Security Service of Ukraine (SBU) said", {}),
    ("a speech (EN) was given", {}),
    # a long form never reaches across a line break
    ("Reporting by Intelligence\nService (IS) said", {}),
]


@pytest.mark.parametrize(("text", "expected"), DEFINITION_CASES)
def test_defined_acronyms(text, expected):
    found = defined_acronyms(text)
    assert {acronym: form.text for acronym, form in found.items()} == expected
    for form in found.values():
        assert text[form.start:form.end].strip() == form.text


def test_initials_skip_small_words():
    assert initials("Institute for the Study of War") == "ISW"
    assert initials("Organization for Security and Co-operation in Europe") == "OSCE"
