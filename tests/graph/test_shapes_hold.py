"""SHACL holds for every input: random articles from a grammar of news sentences, each graph validated."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.build import article_graph

# Parties as news names them: states and capitals standing for them, cities, groups, people, bodies.
PARTIES = ["Russia", "Ukraine", "Moscow", "Kyiv", "Washington", "Tanzania", "Dar es Salaam", "Nairobi", "Kenya",
           "Addis Ababa", "Khartoum", "the RSF", "Hamas", "Israel", "the Houthis", "al-Shabab", "the Taliban",
           "NATO", "the United Nations", "the European Union", "President Samia Suluhu Hassan", "Vladimir Putin",
           "police in Dar es Salaam", "protesters in Nairobi", "the Kremlin", "the Pentagon", "Ethiopian troops"]
PLACES = ["Kharkiv", "Dar es Salaam", "Mombasa", "Goma", "El Fasher", "Gaza City", "Mogadishu", "Tigray", "Kyiv",
          "the Black Sea", "the border", "a village near Bakhmut", "Zanzibar", "Arusha"]
WHEN = ["on Monday", "last week", "on March 3", "overnight", "in 2019", "on 12 May 2024", "earlier this month", ""]
FIGURES = ["three", "at least 40", "more than 1,200", "10,000-12,000", "dozens of", "two"]
CLAIMANTS = ["the governor said", "officials said", "{party} said", "{party} claimed", "according to {party}",
             "a spokesman for {party} told reporters", "{place} said", "officials in {place} said"]
FORMS = [
    "{party} {verb} {place} {when}, {claimant}.",
    "{figure} civilians were killed in {place} {when}, {claimant}.",
    "{party} met {other} in {place} {when}.",
    "{party} called on {other} to end the fighting in {place}.",
    "{party} deployed {figure} troops near {place} {when}, {claimant}.",
    "{party} accused {other} of shelling {place}.",
    "{party} sent {figure} tonnes of aid to {place} {when}.",
    "Police in {place} arrested {figure} protesters {when}.",
    "{party} denied that its forces had attacked {place}.",
    "Air defences shot down {figure} drones over {place} {when}, {claimant}.",
]
VERBS = ["shelled", "struck", "attacked", "bombed", "raided", "fired rockets at"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    fields = {"party": draw(st.sampled_from(PARTIES)), "other": draw(st.sampled_from(PARTIES)),
              "place": draw(st.sampled_from(PLACES)), "when": draw(st.sampled_from(WHEN)),
              "figure": draw(st.sampled_from(FIGURES)), "verb": draw(st.sampled_from(VERBS))}
    fields["claimant"] = draw(st.sampled_from(CLAIMANTS)).format(**fields)
    text = draw(st.sampled_from(FORMS)).format(**fields).replace("  ", " ").replace(" ,", ",").replace(" .", ".")
    return text[0].upper() + text[1:]


articles = st.lists(sentences(), min_size=1, max_size=8).map(" ".join) | st.tuples(
    sentences(), st.lists(sentences(), min_size=1, max_size=6)).map(lambda t: t[0].rstrip(".") + "\n\n" + " ".join(t[1]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles)
def test_every_article_graph_conforms_to_the_shapes(extract, text):
    report = article_graph(extract(text), "test").validation
    assert report.conforms, text + "\n" + "\n".join(report.lines()[:8])
