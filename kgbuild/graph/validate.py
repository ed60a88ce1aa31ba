"""SHACL validation of kgbuild graphs against ``ontology/shapes.ttl`` (with pyshacl).

pyshacl is fast on rdflib's in-memory graphs and several times slower against the
Oxigraph store, so graphs are always validated as in-memory copies: one article's
graph as it is written, or a whole store copied out with one CONSTRUCT.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH

from .namespace import ontology_graph
from .store import KGStore


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node, the property path, and pyshacl's message."""

    focus: str
    path: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        return f"{where}: {self.message}" + (f" (value: {self.value})" if self.value else "")


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms to the shapes, and every violation if not."""

    triples: int
    violations: tuple[Violation, ...]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def lines(self) -> list[str]:
        if self.conforms:
            return [f"the graph conforms to ontology/shapes.ttl ({self.triples} triples checked)"]
        return [f"{len(self.violations)} violation(s) of ontology/shapes.ttl in {self.triples} triples:"] + [
            f"  {violation}" for violation in self.violations
        ]


@cache
def _targeted_shapes() -> Graph:
    """``shapes.ttl`` with each property shape of a class's node shape targeting that class itself.

    The two say the same, but pyshacl checks a nested property shape once per focus node,
    building its constraints each time, and a targeted one once for all of them: three
    times faster on a long article, whose hundreds of mentions share one shape.
    """
    written = ontology_graph("shapes.ttl")
    shapes = Graph()
    shapes += written
    for prefix, namespace in written.namespaces():
        shapes.bind(prefix, namespace)  # the report names paths with the shapes' prefixes
    for node, target in list(shapes.subject_objects(SH.targetClass)):
        for shape in list(shapes.objects(node, SH.property)):
            shapes.remove((node, SH.property, shape))
            shapes.add((shape, RDF.type, SH.PropertyShape))
            shapes.add((shape, SH.targetClass, target))
    return shapes


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` (left unchanged) against the shapes, with the ontology's subclasses known."""
    data = Graph()
    data += graph
    return _validate(data, len(graph))


def validate_article_graph(graph: Graph) -> ValidationReport:
    """Validate an article's graph with its entities described; ``graph`` gets the ontology added,
    so pass one made for the check (:func:`validate_graph` copies instead)."""
    return _validate(graph, len(graph))


def _validate(data: Graph, triples: int) -> ValidationReport:
    """Validate ``data``, adding the ontology to it; ``triples`` is the size of the graph it was made from."""
    # SHACL reads rdfs:subClassOf from the data graph: with the ontology, a kg:State counts as a kg:Place.
    data += ontology_graph("kgbuild.ttl")
    _, results, _ = pyshacl.validate(data, shacl_graph=_targeted_shapes(), inference="none")
    violations = sorted(
        Violation(
            str(results.value(result, SH.focusNode)),
            _path(results, results.value(result, SH.resultPath)),
            str(results.value(result, SH.resultMessage) or "constraint not met"),
            str(results.value(result, SH.value) or ""),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    )
    return ValidationReport(triples, tuple(violations))


def _path(results: Graph, path: object) -> str:
    if path is None:
        return ""
    inverse = results.value(path, SH.inversePath)
    term = inverse if inverse is not None else path
    name = term.n3(results.namespace_manager)
    return f"^{name}" if inverse is not None else name


def validate_store(store: KGStore) -> ValidationReport:
    """Validate everything in ``store`` (articles, entities, merged events) on an in-memory copy."""
    return validate_graph(store.construct_union())
