"""The whole CLI on the five seed pages and on bad input."""

import csv
import io
import json

import pytest


def select(run_cli, store, sparql):
    result = run_cli("query", sparql, "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def typed_labels(run_cli, store, kg_class):
    rows = select(run_cli, store, f"""
        PREFIX kg: <https://w3id.org/kgbuild/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE {{ ?x a kg:{kg_class} ; rdfs:label ?label }}""")
    return {r["label"] for r in rows}


def test_places_and_persons_from_the_seeds(run_cli, seed_store):
    places = typed_labels(run_cli, seed_store, "Place")
    persons = typed_labels(run_cli, seed_store, "Person")
    assert {"Kharkiv", "Istanbul", "Kyiv", "Brussels", "Munich"} <= places
    assert {"Rustem Umerov", "Hakan Fidan", "Heorhii Tykhyi", "Pete Hegseth", "Guo Jiakun"} <= persons
    assert "Tykhyi" not in persons and "Hegseth" not in persons  # surnames joined their full names


def test_zelensky_spellings_are_one_node(run_cli, seed_store):
    rows = select(run_cli, seed_store, """
        PREFIX kg: <https://w3id.org/kgbuild/ontology#>
        SELECT DISTINCT ?x WHERE { ?m kg:refersTo ?x ; kg:surfaceForm ?f . FILTER(STRSTARTS(?f, "Zelensk")) }""")
    assert [r["x"] for r in rows] == ["kgid:actor/volodymyr-zelenskyy"]


def test_no_page_noise_becomes_an_actor(run_cli, seed_store, corpus):
    labels = set()
    for kg_class in ("Person", "Organisation", "ArmedGroup", "Place"):
        labels |= typed_labels(run_cli, seed_store, kg_class)
    must_not = set()
    for gold in (corpus / "gold").glob("*.json"):
        must_not |= set(json.loads(gold.read_text())["actors"]["must_not"])
    assert must_not, "gold files list names that must not become actors"
    assert not {name for name in must_not if any(name in label for label in labels)}


def test_saved_actor_query_returns_the_actors(run_cli, seed_store):
    rows = select(run_cli, seed_store, "actors")
    labels = [r["label"] for r in rows]
    assert {"Ukraine", "Russia", "NATO", "Vladimir Putin", "Donald Trump"} <= set(labels[:15])
    assert all(int(r["mentions"]) >= 1 for r in rows)


def test_query_formats(run_cli, seed_store):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/kgbuild/ontology#Article> }"
    as_json = json.loads(run_cli("query", query, "--store", seed_store, "--format", "json").output)
    assert as_json["results"]["bindings"][0]["n"]["value"] == "5"
    table = run_cli("query", query, "--store", seed_store).output
    assert table.splitlines()[2].strip() == "5" and table.splitlines()[-1] == "(1 row)"


def test_query_from_file(run_cli, seed_store, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?a a <https://w3id.org/kgbuild/ontology#Article> }")
    assert run_cli("query", f"@{path}", "--store", seed_store).output.strip() == "true"


@pytest.mark.parametrize(
    "args, message",
    [
        (("query", "SELEC ?x WHERE {", "--store", "{store}"), "SPARQL"),
        (("query", "no-such-query", "--store", "{store}"), "saved queries"),
        (("query", "@/nonexistent/q.rq", "--store", "{store}"), "cannot read"),
        (("query", "actor-events", "--param", "actor", "--store", "{store}"), "NAME=VALUE"),
        (("query", "actor-events", "--param", "place=Kyiv", "--store", "{store}"), "its parameters: actor"),
        (("stats", "--store", "{missing}"), "kgbuild build"),
    ],
)
def test_user_mistakes_get_one_line_errors(run_cli, seed_store, tmp_path, args, message):
    args = [a.replace("{store}", str(seed_store)).replace("{missing}", str(tmp_path / "none")) for a in args]
    result = run_cli(*args)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_stats_json(run_cli, seed_store):
    counts = json.loads(run_cli("stats", "--store", seed_store, "--json").output)["counts"]
    assert counts["Article"] == 5 and counts["Person"] > 20 and counts["Place"] > 10


def test_build_reports_bad_files_and_keeps_the_good_ones(run_cli, tmp_path):
    (tmp_path / "good.txt").write_text("Russian missiles struck Dnipro on Friday, Governor Serhiy Lysak said.\n")
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": "Drones hit Sumy."}\n{oops\n')
    (tmp_path / "empty.txt").write_text("")
    result = run_cli("build", tmp_path, "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert "error: broken.jsonl:2: not valid JSON" in result.output
    assert "warning: empty.txt: the file is empty" in result.output
    assert "built 2 article(s)" in result.output


def test_export_turtle_and_nquads(run_cli, seed_store, tmp_path):
    from rdflib import Dataset, Graph

    for kind, suffix in (("turtle", "ttl"), ("nquads", "nq")):
        out = tmp_path / f"g.{suffix}"
        assert run_cli("export", kind, "--store", seed_store, "-o", out).exit_code == 0
    assert len(Graph().parse(tmp_path / "g.ttl")) > 5000
    assert len(Dataset().parse(tmp_path / "g.nq", format="nquads")) > 5000


def test_workers_give_the_same_graph(run_cli, tmp_path):
    from rdflib.compare import isomorphic

    from kgbuild import open_store

    from .conftest import DATA

    for workers in ("1", "2"):
        assert run_cli("build", DATA, "--store", tmp_path / workers, "--workers", workers).exit_code == 0
    with open_store(tmp_path / "1", read_only=True) as one, open_store(tmp_path / "2", read_only=True) as two:
        assert isomorphic(one.construct_union(), two.construct_union())


def test_build_places_villages_from_the_geonames_files_named(run_cli, tmp_path, monkeypatch):
    from kgbuild.resolve.geocode import GEONAMES_ENV

    from .resolve.test_geocode import dump_text

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "village.txt").write_text(
        "Ukrainian forces captured the village of Verkhnyaya Testovka in the Kursk region on Friday, "
        "Russian military bloggers said.\n", encoding="utf-8")
    store = tmp_path / "store"
    latitude = ("SELECT ?lat WHERE { ?place <http://www.w3.org/2000/01/rdf-schema#label> \"Verkhnyaya Testovka\" ; "
                "<http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?lat }")
    assert run_cli("build", tmp_path / "in", "--store", store).exit_code == 0
    assert run_cli("query", latitude, "--store", store, "--format", "csv").output.split() == ["lat"]

    # Naming a dump changes what extraction finds: the article is read again, not skipped.
    (tmp_path / "RU.txt").write_text(dump_text(), encoding="utf-8")
    monkeypatch.setenv(GEONAMES_ENV, str(tmp_path / "RU.txt"))
    result = run_cli("build", tmp_path / "in", "--store", store)
    assert result.exit_code == 0 and "built 1 article(s)" in result.output, result.output
    assert run_cli("query", latitude, "--store", store, "--format", "csv").output.split() == ["lat", "51.21"]

    monkeypatch.setenv(GEONAMES_ENV, str(tmp_path / "in" / "village.txt"))
    result = run_cli("build", tmp_path / "in", "--store", store)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"{tmp_path / 'in' / 'village.txt'} (in $KGBUILD_GEONAMES) is not a GeoNames dump" in result.output
