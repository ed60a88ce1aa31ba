"""``kgbuild report`` on the seeds: one offline page whose numbers agree with the store."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, timedelta

import pytest

from kgbuild.graph.summary import StoreSummary
from kgbuild.report.data import ReportData
from kgbuild.report.page import render, text_fragment_link

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
PREFIX = "PREFIX kg: <https://w3id.org/kgbuild/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
# Events that stand for themselves (merged events, and reports merged into none).
REAL_EVENTS = PREFIX + """SELECT ?event ?type ?date ?granularity WHERE {
  ?event kg:eventType ?type . FILTER NOT EXISTS { ?merged kg:report ?event }
  OPTIONAL { ?event kg:date ?date } OPTIONAL { ?event kg:granularity ?granularity } }"""


def parse(page: str) -> ET.Element:
    """The page as XML: it must be well-formed, every element closed and every attribute quoted."""
    doctype, markup = page.split("\n", 1)
    assert doctype == "<!DOCTYPE html>"
    return ET.fromstring(markup)


def text(element: ET.Element) -> str:
    return "".join(element.itertext())


@pytest.fixture(scope="module")
def page(report_path) -> ET.Element:
    return parse(report_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sparql(seed_store, run_cli):
    def run(query: str) -> list[dict[str, str]]:
        result = run_cli("query", query, "--store", seed_store, "--format", "csv")
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.output)))

    return run


@pytest.fixture(scope="module")
def real_events(sparql) -> list[dict[str, str]]:
    return sparql(REAL_EVENTS)


def section(page: ET.Element, name: str) -> ET.Element:
    (found,) = [element for element in page.iter(f"{XHTML}section") if element.get("id") == name]
    return found


def table_rows(element: ET.Element) -> list[list[str]]:
    return [[text(cell).strip() for cell in row.findall(f"{XHTML}td")] for row in element.iter(f"{XHTML}tr")
            if row.find(f"{XHTML}td") is not None]


def test_the_page_fetches_nothing(page, report_path):
    markup = report_path.read_text(encoding="utf-8")
    policy = [meta.get("content") for meta in page.iter(f"{XHTML}meta") if meta.get("http-equiv")]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert not [element.tag for element in page.iter() if element.get("src") is not None or element.get("srcset")]
    assert not list(page.iter(f"{XHTML}script")) and not list(page.iter(f"{XHTML}link"))
    assert "url(" not in markup and "@import" not in markup
    ids = {element.get("id") for element in page.iter() if element.get("id")}
    for link in page.iter(f"{XHTML}a"):
        href = link.get("href")
        assert href.startswith("https://") or href[1:] in ids, href


def test_event_counts_count_each_real_world_event_once(page, real_events, seed_store, run_cli):
    counts = section(page, "counts")
    expected = Counter(row["type"] for row in real_events)
    table = {row[0]: int(row[1]) for row in table_rows(counts)}
    assert table == dict(expected)
    cards = {text(card).replace(card.find(f"{XHTML}b").text, "", 1): int(card.find(f"{XHTML}b").text)
             for card in counts.iter(f"{XHTML}div") if card.get("class") == "card"}
    assert cards["articles"] == 5
    assert cards["events"] == len(real_events)
    stats = run_cli("stats", "--store", seed_store).output
    assert f"places:   {cards['places']}" in stats and f"mentions: {cards['mentions']}" in stats


def test_the_timeline_has_one_bar_per_week_with_its_events(page, real_events):
    expected: dict[date, Counter[str]] = {}
    for row in real_events:
        if row["granularity"] in ("day", "week"):
            day = date.fromisoformat(row["date"])
            expected.setdefault(day - timedelta(days=day.weekday()), Counter())[row["type"]] += 1
    bars = {}
    heights = set()
    for group in section(page, "timeline").iter(f"{SVG}g"):
        title = group.find(f"{SVG}title").text
        monday = date.fromisoformat(re.match(r"Week of (\S+):", title)[1])
        bars[monday] = Counter({kind: int(n) for n, kind in re.findall(r"(\d+) (\w+)(?=[,)])", title)})
        # Every event is the same height, so a bar's height per event is the same in every week.
        height = sum(float(rect.get("height")) for rect in group.iter(f"{SVG}rect"))
        heights.add(round(height / sum(bars[monday].values()), 1))
    assert bars == expected
    assert len(heights) == 1
    # The seed's Sunday 1 June 2025 drone attack falls in the ISO week of Monday 26 May.
    assert bars[date(2025, 5, 26)]["strike"] >= 1


def circles(element: ET.Element) -> dict[str, tuple[float, float]]:
    return {circle.find(f"{SVG}title").text.split(" (")[0].split(":")[0]: (float(circle.get("cx")),
                                                                            float(circle.get("cy")))
            for circle in element.iter(f"{SVG}circle")}


def test_the_map_puts_places_where_they_are(page):
    overview, closer = [svg for svg in section(page, "map").iter(f"{SVG}svg")]
    for drawn in (circles(overview), circles(closer)):
        kyiv, kursk, kharkiv = drawn["Kyiv"], drawn["Kursk"], drawn["Kharkiv"]
        assert kyiv[0] < kharkiv[0] < kursk[0] + 5  # west to east
        assert kursk[1] < kharkiv[1]  # Kursk lies north of Kharkiv
    assert {"Brussels", "Paris", "Pyongyang"} <= set(circles(overview))
    assert circles(overview)["Paris"][0] < circles(overview)["Kyiv"][0] < circles(overview)["Pyongyang"][0]
    # The closer map is the cluster around Ukraine; far places stay on the overview only.
    assert "Pyongyang" not in circles(closer) and "Paris" not in circles(closer)
    notes = text(section(page, "map"))
    assert "Events placed only in a country, not shown:" in notes and "Russia (" in notes
    assert "Russia" not in circles(overview) and "Ukraine" not in circles(overview)


def test_the_map_draws_country_borders(page):
    overview = next(section(page, "map").iter(f"{SVG}svg"))
    countries = {path.find(f"{SVG}title").text for path in overview.iter(f"{SVG}path")}
    assert {"Ukraine", "Russia", "France", "North Korea"} <= countries
    assert "Brazil" not in countries


def test_top_actors_are_ranked_by_their_events(page, sparql):
    rows = table_rows(section(page, "actors"))
    assert {row[0] for row in rows[:2]} == {"Ukraine", "Russia"}
    events = [int(row[3]) for row in rows]
    assert events == sorted(events, reverse=True)
    (first,) = sparql(PREFIX + """SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {
        ?event kg:eventType ?type ; kg:actor|kg:target ?actor . ?actor rdfs:label "%s" .
        FILTER NOT EXISTS { ?merged kg:report ?event } }""" % rows[0][0])
    assert rows[0][3] == first["n"]
    assert rows[0][6] == {"Ukraine": "Q212", "Russia": "Q159"}[rows[0][0]]


def test_each_contradicting_claim_links_to_its_sentence(page, seed_store, run_cli):
    result = run_cli("query", "contradicting-claims", "--store", seed_store, "--format", "csv")
    expected = {(row["claimant"] or "unattributed", row["sentence"])
                for row in csv.DictReader(io.StringIO(result.output))}
    quotes = {quote.get("id"): quote for quote in page.iter(f"{XHTML}blockquote")}
    shown = set()
    for row in section(page, "claims").iter(f"{XHTML}tr"):
        link = row.find(f".//{XHTML}a")
        if link is not None:
            claimant = text(row.findall(f"{XHTML}td")[1])
            shown.add((claimant, text(quotes[link.get("href")[1:]].find(f".//{XHTML}mark"))))
    assert shown == expected
    assert "Security Service" in {claimant for claimant, _ in shown}
    assert any("at least 40 planes" == table_row[0] for table_row in table_rows(section(page, "claims")))


def test_evidence_shows_the_sentence_in_its_article(page, corpus):
    titles = {entry["title"] for entry in json.loads((corpus / "index.json").read_text(encoding="utf-8"))}
    quotes = list(page.iter(f"{XHTML}blockquote"))
    assert quotes
    for quote in quotes:
        meta = text(quote.findall(f"{XHTML}p")[-1])
        assert any(meta.startswith(title) for title in titles), meta
        # The sentences either side are shown, greyed, for context.
        assert quote.find(f".//{XHTML}span[@class='context']") is not None


@pytest.mark.parametrize("sentence, fragment", [
    ("Kyiv said 40 drones were shot down.", "Kyiv%20said%2040%20drones%20were%20shot%20down."),
    ("The strike, which hit a power plant in the north-east at 3am on Sunday, killed two workers.",
     "The%20strike%2C%20which%20hit%20a,on%20Sunday%2C%20killed%20two%20workers."),
    ("Ceasefire talks in Doha - or not.", "Ceasefire%20talks%20in%20Doha%20%2D%20or%20not."),
])
def test_evidence_links_open_the_source_at_the_sentence(sentence, fragment):
    assert text_fragment_link("https://news.example/a#top", sentence) == f"https://news.example/a#:~:text={fragment}"


def test_the_same_store_gives_the_same_page(report_path, seed_store, tmp_path, run_cli):
    again = tmp_path / "again.html"
    assert run_cli("report", "--store", seed_store, "-o", again).exit_code == 0
    assert again.read_bytes() == report_path.read_bytes()


def test_a_store_without_events_still_gives_a_page():
    data = ReportData(StoreSummary({"Article": 1}), outlets=1, period=("2025-02-14", "2025-02-14"),
                      types=[], weeks=[], coarse_dates=0, undated=0, places=[], unmapped_places=[],
                      country_only={}, actors=[], claims=[])
    page = parse(render(data, "Empty <store>"))
    assert text(page.find(f"{XHTML}head/{XHTML}title")) == "Empty <store>"
    body = text(page)
    assert "No event is dated to a day or week." in body
    assert "No event has a geocoded place." in body
    assert "No event has claims that state different figures." in body


@pytest.mark.parametrize("args, message", [
    (["--store", "{missing}"], "no kgbuild store"),
    (["-o", "{tmp}/no/such/folder/report.html"], "cannot write"),
])
def test_mistakes_get_one_line(args, message, seed_store, tmp_path, run_cli):
    args = [a.format(missing=tmp_path / "nothing", tmp=tmp_path) for a in args]
    if "--store" not in args:
        args += ["--store", str(seed_store)]
    result = run_cli("report", *args)
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and message in result.output.lower()
    assert "Traceback" not in result.output and result.output.count("\n") == 1
