"""What the graph says about a place: coordinates, its kind (GeoNames feature class) and its GeoNames record."""

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kgbuild.graph.iri import entity_iri
from kgbuild.graph.namespace import GN, KG
from kgbuild.graph.triples import GEO, entity_triples
from kgbuild.records import Entity


def test_a_geocoded_town_links_to_geonames_and_says_it_is_a_town():
    town = Entity("place/munster-2867542", "Munster", "Place", country="actor/germany", lat=52.98569, lon=10.08756,
                  feature="P", geonames=2867542)
    graph = entity_triples([town])
    node = entity_iri(town.key)
    assert (node, GN.featureClass, GN.P) in graph
    assert (node, OWL.sameAs, URIRef("https://sws.geonames.org/2867542/")) in graph
    assert (node, GEO.lat, Literal(52.98569, datatype=XSD.decimal)) in graph
    assert (node, KG.country, entity_iri("actor/germany")) in graph


def test_a_place_nothing_settles_has_no_coordinates_and_no_class():
    graph = entity_triples([Entity("place/makhnovka", "Makhnovka", "Place")])
    assert not set(graph.triples((None, GEO.lat, None))) and not set(graph.triples((None, GN.featureClass, None)))


def test_coordinates_are_true_decimals_not_doubles_in_disguise():
    graph = entity_triples([Entity("place/odesa-698740", "Odesa", "Place", lat=46.47747, lon=30.73262)])
    (latitude,) = graph.objects(None, GEO.lat)
    assert str(latitude) == "46.47747" and type(latitude.value).__name__ == "Decimal"


def test_a_place_that_acts_is_typed_an_actor_too():
    graph = entity_triples([Entity("place/europe", "Europe", "Place", acts=True),
                            Entity("place/kharkiv", "Kharkiv", "Place")])
    assert (entity_iri("place/europe"), RDF.type, KG.Actor) in graph
    assert (entity_iri("place/kharkiv"), RDF.type, KG.Actor) not in graph


def test_an_article_involves_what_takes_part_in_its_events_and_mentions_the_rest(extract):
    from kgbuild.graph.iri import article_iri
    from kgbuild.graph.triples import article_triples

    facts = extract("Russian drones struck Kharkiv overnight, Governor Oleh Syniehubov said on Telegram. "
                    "Tourists in Paris watched the news.")
    graph = article_triples(facts, "test")
    article = article_iri(facts.article.id)
    involved = {str(o).rsplit("/", 1)[1] for o in graph.objects(article, KG.involves)}
    mentioned = {str(o).rsplit("/", 1)[1] for o in graph.objects(article, KG.mentions)}
    assert {"russia", "oleh-syniehubov"} <= involved and any(key.startswith("kharkiv") for key in involved)
    assert involved <= mentioned
    # named, but no party to the strike or its claim: mere mentions
    assert {"telegram", "paris"} <= mentioned - involved
