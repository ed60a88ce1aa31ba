"""rdflib's in-memory store against Oxigraph (through oxrdflib) on event-like triples, and kgbuild's
saved queries on a store of a million triples or more, in one run.

    python bench/bench_store.py [--events N] [--queries-on STORE] [--triples N]

Measures (1) loading: N-Quads bulk-loaded by pyoxigraph against the same triples added
one by one through the rdflib API, and (2) a SPARQL join + FILTER + GROUP BY over the
union of named graphs, in rdflib's memory Dataset and in the Oxigraph store.

With ``--queries-on STORE`` (a store ``kgbuild build`` made, e.g. of the seeds and the VOA
articles), it then (3) copies that store's article graphs, each copy with its own article,
event, claim and mention IRIs and the actors and places shared, as the graphs of a large
build are, until the store holds ``--triples`` (default 1,000,000), and times every saved
query of ``ontology/queries/`` on it with its default parameters, best of three runs.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections.abc import Iterator
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


# The IRIs one article's build mints: its article (and its mentions and sentences), its named
# graph, and its events (and their claims); a copy of the article gets its own. The graphs of
# the entities and of the merged events are shared.
_MINTED = re.compile(rb"(<https://w3id\.org/kgbuild/id/(?:article|event|graph)/)(?!entities>|merged-events>)([\w-]+)")


def copies_of(nquads: bytes) -> Iterator[bytes]:
    """``nquads`` again and again, each copy with its own minted IRIs (the actors and places stay shared)."""
    copy = 0
    while True:
        yield _MINTED.sub(lambda m: m.group(1) + f"c{copy}-".encode() + m.group(2), nquads)
        copy += 1


def time_saved_queries(source: Path, triples: int) -> None:
    """Copy the store at ``source`` up to ``triples`` and time each saved query on the copy."""
    from kgbuild.graph.query import load_query, saved_queries
    from kgbuild.graph.store import open_store

    nquads = pyoxigraph.Store.read_only(str(source)).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    with tempfile.TemporaryDirectory() as folder:
        big = pyoxigraph.Store(str(Path(folder) / "big"))
        copies, start = 0, time.perf_counter()
        for chunk in copies_of(nquads):
            if len(big) >= triples:
                break
            big.bulk_load(input=chunk, format=pyoxigraph.RdfFormat.N_QUADS)
            copies += 1
        load, size = time.perf_counter() - start, len(big)
        del big
        print(f"\nsaved queries on {size:,} quads ({copies} copies of {source}), loaded in {load:.1f} s;"
              " best of 3 runs, target < 0.2 s")
        slow = []
        with open_store(Path(folder) / "big", read_only=True) as store:
            for name in saved_queries():
                text = load_query(name)
                best = min(timed(lambda: list(store.query(text)))[0] for _ in range(3))
                rows = len(list(store.query(text)))
                print(f"  {name:28} {best:7.3f} s  {rows:7} rows{'  SLOW' if best >= 0.2 else ''}", flush=True)
                if best >= 0.2:
                    slow.append(name)
        print(f"  {len(slow)} of {len(saved_queries())} saved queries at or over 0.2 s" + (f": {', '.join(slow)}" if slow else ""))


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000, help="5 triples per event")
    parser.add_argument("--queries-on", type=Path, default=None, help="a kgbuild store whose graphs to copy")
    parser.add_argument("--triples", type=int, default=1_000_000, help="how large the copied store grows")
    arguments = parser.parse_args()
    events = arguments.events
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
    if arguments.queries_on is not None:
        time_saved_queries(arguments.queries_on, arguments.triples)


if __name__ == "__main__":
    main()
