"""rdflib's in-memory store against Oxigraph (through oxrdflib) on event-like triples, in one run.

    python bench/bench_store.py [--events N]

Measures (1) loading: N-Quads bulk-loaded by pyoxigraph against the same triples added
one by one through the rdflib API, and (2) a SPARQL join + FILTER + GROUP BY over the
union of named graphs, in rdflib's memory Dataset and in the Oxigraph store.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

KG = Namespace("https://w3id.org/kgbuild/ontology#")
ID = Namespace("https://w3id.org/kgbuild/id/")
QUERY = """
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
SELECT ?actor (COUNT(?e) AS ?n) WHERE {
  ?e a kg:Event ; kg:actor ?actor ; kg:place ?place ; kg:date ?d ; kg:quantity ?q .
  FILTER(?q > 50 && ?d >= "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>)
} GROUP BY ?actor ORDER BY DESC(?n)
"""


def quads(events: int):
    rng = random.Random(7)
    for i in range(events):
        g, e = ID[f"graph/{i // 20}"], ID[f"event/{i}"]
        yield e, RDF.type, KG.Event, g
        yield e, KG.actor, ID[f"actor/{rng.randrange(300)}"], g
        yield e, KG.place, ID[f"place/{rng.randrange(500)}"], g
        yield e, KG.date, Literal(f"202{rng.randrange(2, 6)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}", datatype=XSD.date), g
        yield e, KG.quantity, Literal(rng.randrange(200)), g


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000, help="5 triples per event")
    events = parser.parse_args().events
    data = list(quads(events))
    nquads = "".join(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n" for s, p, o, g in data).encode()

    memory = Dataset(default_union=True)
    add_memory, _ = timed(lambda: memory.addN((s, p, o, memory.graph(g)) for s, p, o, g in data))

    with tempfile.TemporaryDirectory() as folder:
        inner = pyoxigraph.Store(str(Path(folder) / "bulk"))
        bulk, _ = timed(lambda: inner.bulk_load(input=nquads, format=pyoxigraph.RdfFormat.N_QUADS))
        oxigraph = Dataset(store=OxigraphStore(store=inner), default_union=True)

        one_by_one_store = Dataset(store=OxigraphStore(store=pyoxigraph.Store(str(Path(folder) / "api"))))
        sample = data[: min(len(data), 50_000)]
        api, _ = timed(lambda: [one_by_one_store.graph(URIRef(g)).add((s, p, o)) for s, p, o, g in sample])
        api_scaled = api * len(data) / len(sample)

        mem_query, mem_rows = timed(lambda: list(memory.query(QUERY)))
        ox_query, ox_rows = timed(lambda: list(oxigraph.query(QUERY)))
    assert len(mem_rows) == len(ox_rows)

    print(f"triples: {len(data)}")
    print(f"load  rdflib memory addN            : {add_memory:7.2f} s")
    print(f"load  oxigraph via rdflib add, 1 by 1: {api_scaled:7.2f} s (extrapolated from {len(sample)})")
    print(f"load  oxigraph bulk_load N-Quads     : {bulk:7.2f} s   ratio 1-by-1/bulk: {api_scaled / bulk:.1f}x")
    print(f"query rdflib memory                  : {mem_query:7.3f} s")
    print(f"query oxigraph (oxrdflib)            : {ox_query:7.3f} s   ratio memory/oxigraph: {mem_query / ox_query:.1f}x")


if __name__ == "__main__":
    main()
