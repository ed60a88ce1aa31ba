"""SPARQL text from the command line, saved queries in ``ontology/queries/``, and result formatting."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

from rdflib.query import Result
from rdflib.term import URIRef

from ..errors import QueryError
from .store import PREFIXES
from ..resources import ontology_file

QUERY_FORMATS = ("table", "csv", "json")


def saved_queries() -> dict[str, str]:
    """Saved query names -> the comment on their first line."""
    found = {}
    for entry in sorted(ontology_file("queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0]
            found[entry.name[:-3]] = first.lstrip("# ").strip()
    return found


def load_query(argument: str) -> str:
    """The query text for ``argument``: ``@path`` reads a file, a saved query's name loads it, else the text."""
    if argument.startswith("@"):
        path = Path(argument[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"cannot read the query file {path}: {error.strerror}") from None
    if argument in saved_queries():
        return ontology_file("queries", f"{argument}.rq").read_text(encoding="utf-8")
    if not any(word in argument.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        names = ", ".join(saved_queries())
        raise QueryError(f"{argument!r} is neither a SPARQL query nor a saved query; saved queries: {names}")
    return argument


# A saved query's parameter: a VALUES clause over one variable with one default value, e.g.
# ``VALUES ?actor { "Russia" }``. Any SPARQL client runs the file with its defaults.
_PARAMETER = re.compile(
    r'(?P<head>VALUES\s+\?(?P<name>\w+)\s*\{\s*)(?P<default>"[^"\\]*"(?:\^\^xsd:\w+)?)(?P<tail>\s*\})'
)


def query_parameters(text: str) -> dict[str, str]:
    """The parameters a query declares (name -> default as written in SPARQL)."""
    return {match["name"]: match["default"] for match in _PARAMETER.finditer(text)}


def bind_parameters(text: str, values: dict[str, str]) -> str:
    """``text`` with each named parameter's default replaced by the given value, of the default's datatype."""
    declared = query_parameters(text)
    for name, value in values.items():
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise QueryError(f"the query has no parameter {name!r}; its parameters: {known}")
        if declared[name].endswith("^^xsd:date"):
            try:
                date.fromisoformat(value)
            except ValueError:
                raise QueryError(f"parameter {name} must be a date as YYYY-MM-DD, not {value!r}") from None

    def bind(match: re.Match[str]) -> str:
        if match["name"] not in values:
            return match[0]
        datatype = match["default"].rpartition('"')[2]
        # JSON's string escapes are all valid SPARQL string escapes.
        literal = json.dumps(values[match["name"]], ensure_ascii=False) + datatype
        return match["head"] + literal + match["tail"]

    return _PARAMETER.sub(bind, text)


def _short(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace):]}"
    return str(term)


def format_result(result: Result, output_format: str) -> str:
    """A query result as an aligned table, CSV, or SPARQL 1.1 JSON results."""
    if result.type != "SELECT":
        if result.type == "ASK":
            return f"{str(result.askAnswer).lower()}\n"
        return result.graph.serialize(format="turtle")
    if output_format == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    names = [str(v) for v in result.vars]
    rows = [[_short(row[i]) for i in range(len(names))] for row in result]
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    widths = [min(60, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]
    clip = lambda text, width: text if len(text) <= width else text[: width - 1] + "…"  # noqa: E731
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(clip(c, w).ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
