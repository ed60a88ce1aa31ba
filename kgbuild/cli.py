"""The ``kgbuild`` command line. Each command parses options and calls one library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from . import __version__
from .build import build as run_build
from .errors import KGBuildError, Problem
from .evaluate import evaluate
from .export import EXPORTERS, export
from .export.network import PROJECTIONS
from .graph.docs import ontology_docs
from .graph.endpoint import serve as serve_store
from .graph.query import QUERY_FORMATS, bind_parameters, format_result, load_query, query_parameters, saved_queries
from .graph.store import KGStore, open_store, store_location
from .graph.summary import summarize
from .graph.validate import validate_store
from .report import write_report

store_option = click.option(
    "--store",
    metavar="FOLDER|URL",
    default=None,
    help="Store folder, or a SPARQL 1.1 server: http://HOST:PORT (Oxigraph server) or "
         "query=URL,update=URL,store=URL (its three endpoints) [default: $KGBUILD_STORE or ./kgbuild-store].",
)


def _open(store: str | None) -> KGStore:
    try:
        return open_store(store_location(store), read_only=True)
    except KGBuildError as error:
        raise click.ClickException(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgbuild")
def cli() -> None:
    """Turn news articles about armed conflicts into an RDF knowledge graph."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that run the spaCy stage.")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Run the extraction on a Dask cluster: its scheduler (tcp://HOST:8786), or local:N to "
                   "start N worker processes here. Every worker needs kgbuild installed: "
                   "pip install 'kgbuild[cluster]'.")
@click.option("--rebuild", is_flag=True, help="Re-extract articles that are already in the store.")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Merge reports of one event across sentences and articles (kg:MergedEvent).")
def build(inputs: tuple[Path, ...], store: str | None, workers: int, cluster: str | None, rebuild: bool,
          merge: bool) -> None:
    """Read INPUTS (files, folders, index.json lists) and add them to the store.

    Reads .txt/.md, .html/.htm and .jsonl; an index.json beside the files adds feed
    metadata. Bad files are reported and skipped; the exit code is 1 if any failed.
    """
    if cluster and workers > 1:
        raise click.BadParameter("give --workers or --cluster, not both (a cluster's size is its workers')",
                                 param_hint="--cluster")
    path = store_location(store)
    progress = _Progress(enabled=sys.stderr.isatty())

    def on_problem(problem: Problem) -> None:
        progress.clear()
        click.echo(str(problem), err=True)

    try:
        report = run_build(inputs, path, workers=workers, cluster=cluster, rebuild=rebuild, merge=merge,
                           on_problem=on_problem, on_article=progress.tick)
    except KGBuildError as error:
        raise click.ClickException(str(error)) from None
    progress.clear()
    click.echo(f"built {report.built} article(s) into {path}"
               + (f", {report.unchanged} already there" if report.unchanged else "")
               + (f", {report.duplicates} duplicate(s) skipped" if report.duplicates else ""))
    for line in report.summary.lines():
        click.echo(f"  {line}")
    if report.failed:
        errors = sum(p.severity == "error" for p in report.problems)
        click.echo(f"{errors} input(s) failed; see the errors above", err=True)
        sys.exit(1)


def _parameters(context: click.Context, option: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    parameters = {}
    for value in values:
        name, equals, setting = value.partition("=")
        if not equals or not name:
            raise click.BadParameter(f"{value!r} is not NAME=VALUE, e.g. --param actor=Ukraine")
        parameters[name.strip()] = setting.strip()
    return parameters


@cli.command()
@click.argument("sparql")
@store_option
@click.option("--format", "output_format", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@click.option("--param", "params", multiple=True, callback=_parameters, metavar="NAME=VALUE",
              help="Set a parameter of the query (see `kgbuild queries`); repeatable.")
def query(sparql: str, store: str | None, output_format: str, params: dict[str, str]) -> None:
    """Run a SPARQL query: inline text, @file.rq, or the name of a saved query (see `kgbuild queries`)."""
    try:
        text = bind_parameters(load_query(sparql), params)
        with _open(store) as opened:
            click.echo(format_result(opened.query(text), output_format), nl=False)
    except KGBuildError as error:
        raise click.ClickException(str(error)) from None


@cli.command()
def queries() -> None:
    """List the saved queries that `kgbuild query NAME` runs."""
    for name, description in saved_queries().items():
        click.echo(f"{name:24} {description}")
        parameters = query_parameters(load_query(name))
        if parameters:
            click.echo(" " * 25 + "parameters: " + ", ".join(f"{p} (default {d})" for p, d in parameters.items()))


@cli.command(name="export")
@click.argument("kind", type=click.Choice(sorted(EXPORTERS)))
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True,
              help="File to write.")
@click.option("--projection", type=click.Choice(sorted(PROJECTIONS)), default=None,
              help="For graphml and gexf: actors joined by shared events [default], the actor-event-place "
                   "network, or everything with articles and claims.")
def export_command(kind: str, store: str | None, output: Path, projection: str | None) -> None:
    """Write the graph as KIND to a file (GraphML or GEXF for Gephi, Turtle, N-Quads, tables)."""
    try:
        with _open(store) as opened:
            export(opened, kind, output, projection)
    except KGBuildError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    click.echo(f"wrote {output}")


@cli.command()
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              default=Path("report.html"), show_default=True, help="HTML file to write.")
@click.option("--title", default="kgbuild report", show_default=True, help="The page's heading.")
@click.option("--top", type=click.IntRange(1, 1000), default=25, show_default=True,
              help="How many actors the top-actors table lists.")
def report(store: str | None, output: Path, title: str, top: int) -> None:
    """Write one static HTML page: counts, a weekly timeline, a map of events, top actors, contradicting claims.

    The page fetches nothing: open it offline, mail it, or attach it to a brief.
    """
    try:
        with _open(store) as opened:
            write_report(opened, output, title=title, top_actors=top)
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    click.echo(f"wrote {output}")


@cli.command(name="eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold annotation files (see GOLD_FORMAT.md).")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that run the spaCy stage.")
@click.option("--json", "as_json", is_flag=True, help="Print scores, misses and false positives as JSON.")
def eval_command(gold: Path, inputs: tuple[Path, ...], workers: int, as_json: bool) -> None:
    """Build INPUTS into a temporary store and score events, arguments and actors against --gold."""
    try:
        report = evaluate(gold, list(inputs), workers=workers)
    except KGBuildError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(report.lines()))
    if report.inputs_failed:
        click.echo("some inputs failed, so these scores miss their articles; see the problems above", err=True)
        sys.exit(1)


@cli.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(store: str | None, as_json: bool) -> None:
    """Count articles, actors, places, mentions and events in the store."""
    with _open(store) as opened:
        summary = summarize(opened)
    if as_json:
        click.echo(json.dumps({"counts": summary.counts, "events_by_type": summary.events_by_type}, indent=2))
    else:
        click.echo("\n".join(summary.lines()))


def _service_hosts(context: click.Context, parameter: click.Parameter, given: tuple[str, ...]) -> tuple[str, ...]:
    hosts = []
    for value in given:
        host = urlsplit(value if "//" in value else f"//{value}").netloc
        if not host or any(c in host for c in "/@ "):
            raise click.BadParameter(f"{value!r} is not a HOST:PORT; give the SPARQL server as e.g. 127.0.0.1:7878")
        hosts.append(host.lower())
    return tuple(hosts)


def _origin(context: click.Context, parameter: click.Parameter, given: str | None) -> str | None:
    if given is None:
        return None
    origin = urlsplit(given)
    if origin.scheme not in ("http", "https") or not origin.netloc or origin.path.strip("/") or given == "*":
        raise click.BadParameter(f"{given!r} is not a web origin; give one like https://yasgui.example.org")
    return f"{origin.scheme}://{origin.netloc}"


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the endpoint to other machines.")
@click.option("--port", type=click.IntRange(0, 65535), default=3030, show_default=True, help="Port (0: any free one).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Largest result served; bigger ones are refused with a hint to page them.")
@click.option("--max-memory", type=click.IntRange(min=64), default=1024, show_default=True, metavar="MIB",
              help="Memory a query may take; one that needs more is stopped.")
@click.option("--allow-service", "allow_service", metavar="HOST:PORT", multiple=True, callback=_service_hosts,
              help="A SPARQL server that queries may call with SERVICE (repeatable); none by default.")
@click.option("--cors", metavar="ORIGIN", default=None, callback=_origin,
              help="The one web origin (e.g. https://yasgui.example.org) whose pages may read answers.")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
def serve(store: str | None, host: str, port: int, timeout: float, max_rows: int, max_memory: int,
          allow_service: tuple[str, ...], cors: str | None, quiet: bool) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (GET and POST; JSON, XML, CSV, TSV results)."""
    def ready(url: str) -> None:
        click.echo(f"SPARQL endpoint (read-only) at {url}; stop it with Ctrl-C", err=True)

    try:
        serve_store(store_location(store), host, port, timeout=timeout, max_rows=max_rows, on_ready=ready,
                    max_memory_mb=max_memory, allow_service=allow_service, cors=cors,
                    log=None if quiet else lambda line: click.echo(line, err=True))
    except KGBuildError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}; pass another --port") from None


@cli.command()
@store_option
def validate(store: str | None) -> None:
    """Check the whole store against the SHACL shapes in ontology/shapes.ttl; exit 1 on any violation."""
    with _open(store) as opened:
        report = validate_store(opened)
    click.echo("\n".join(report.lines()))
    if not report.conforms:
        sys.exit(1)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="File to write [default: print to standard output].")
def docs(output: Path | None) -> None:
    """Describe the ontology (classes, properties, example triples, SHACL shapes) as Markdown."""
    text = ontology_docs()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    click.echo(f"wrote {output}")


class _Progress:
    """A one-line article counter on a terminal; silent when output is piped."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.enabled:
            click.echo(f"\rextracted {self.count} article(s)", nl=False, err=True)

    def clear(self) -> None:
        if self.enabled and self.count:
            click.echo("\r\033[K", nl=False, err=True)


def main() -> None:
    """Entry point of the ``kgbuild`` script."""
    cli(prog_name="kgbuild")
