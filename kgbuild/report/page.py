"""The report as one static HTML page: inline CSS and SVG, no script, nothing fetched.

The markup is well-formed XML (every element closed, every attribute quoted) so that
tests can parse the whole page, and a Content Security Policy of ``default-src 'none'``
makes the browser refuse any request the page might make.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from .. import __version__
from .charts import colour, focus, map_svg, plural, timeline_svg
from .data import ClaimRow, Evidence, ReportData

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 1000px; padding: 0 16px 48px; }
header { border-bottom: 1px solid #ccc; margin-bottom: 8px; }
nav a { margin-right: 14px; }
h1 { font-size: 24px; margin: 20px 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.meta, .note { color: #555; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
th { background: #f4f4f4; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.swatch { display: inline-block; width: 11px; height: 11px; margin-right: 6px; border: 1px solid #666; }
.legend span { margin-right: 14px; font-size: 13px; white-space: nowrap; }
svg.chart { width: 100%; height: auto; display: block; }
svg .grid { stroke: #e6e6e6; } svg .axis { stroke: #888; } svg .tick { font-size: 11px; fill: #666; }
svg .sea { fill: #eef4f8; } svg .land { fill: #e2e2dc; stroke: #fff; stroke-width: 0.7; }
svg .graticule { stroke: #d4dde4; stroke-width: 0.5; }
svg .place { stroke: #222; stroke-width: 0.8; fill-opacity: 0.8; }
svg .label { font-size: 12px; fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .scale line { stroke: #333; stroke-width: 2; } svg .credit { font-size: 10px; fill: #777; }
tbody.event td { border-top: 2px solid #bbb; }
blockquote { margin: 6px 0 18px; padding: 6px 12px; border-left: 3px solid #0072B2; background: #f7f9fb; }
blockquote .context { color: #777; } blockquote mark { background: #fff2b3; }
:target { outline: 2px solid #E69F00; }
"""
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _number(value: str) -> str:
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,}"


def _figure(claim: ClaimRow) -> str:
    if claim.minimum is None and claim.maximum is None:
        return "no figure"
    if claim.minimum == claim.maximum:
        figure = _number(claim.minimum)
    elif claim.maximum is None:
        figure = f"at least {_number(claim.minimum)}"
    elif claim.minimum is None:
        figure = f"up to {_number(claim.maximum)}"
    else:
        figure = f"{_number(claim.minimum)}–{_number(claim.maximum)}"
    return f"{figure} {claim.unit or ''}".strip()


def render(data: ReportData, title: str) -> str:
    """The whole report page for ``data``, headed ``title``."""
    sections = [_counts(data), _timeline(data), _map(data), _actors(data), _claims(data), _evidence(data)]
    return (
        '<!DOCTYPE html>\n<html lang="en" xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f'<title>{_e(title)}</title><style>{_STYLE}</style></head><body>'
        f'<header><h1>{_e(title)}</h1><p class="meta">{_period(data)} Made by kgbuild {_e(__version__)}.</p>'
        '<nav><a href="#counts">Counts</a><a href="#timeline">Timeline</a><a href="#map">Map</a>'
        '<a href="#actors">Top actors</a><a href="#claims">Contradicting claims</a></nav></header>'
        + "".join(sections) + "</body></html>\n"
    )


def _period(data: ReportData) -> str:
    articles = f"{plural(data.articles, 'article')} from {plural(data.outlets, 'outlet')}"
    if data.period:
        return f"{articles}, published {_e(data.period[0])} to {_e(data.period[1])}."
    return f"{articles}."


def _legend(types: list[str]) -> str:
    return '<p class="legend">' + "".join(
        f'<span><i class="swatch" style="background:{colour(kind)}"></i>{_e(kind)}</span>' for kind in types
    ) + "</p>"


def _counts(data: ReportData) -> str:
    counts = data.summary.counts
    cards = [
        ("articles", data.articles), ("people", counts.get("Person", 0)),
        ("organisations", counts.get("Organisation", 0)), ("states", counts.get("State", 0)),
        ("armed groups", counts.get("ArmedGroup", 0)), ("populations", counts.get("Population", 0)),
        ("places", counts.get("Place", 0)),
        ("mentions", counts.get("Mention", 0)), ("events", sum(t.events for t in data.types)),
        ("claims", counts.get("Claim", 0)),
    ]
    rows = "".join(
        f'<tr><td><i class="swatch" style="background:{colour(t.type)}"></i>{_e(t.type)}</td>'
        f'<td class="n">{t.events}</td><td class="n">{t.reports}</td><td class="n">{t.claims}</td>'
        f'<td class="n">{t.weekly}</td><td class="n">{t.mapped}</td></tr>'
        for t in data.types
    )
    return (
        '<section id="counts"><h2>Counts</h2><div class="cards">'
        + "".join(f'<div class="card"><b>{n}</b>{label}</div>' for label, n in cards)
        + '</div><table><thead><tr><th>Event type</th><th class="n">Events</th><th class="n">Reports</th>'
        '<th class="n">Claims</th><th class="n">Dated to a week</th><th class="n">On the map</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<p class="note">An event reported by several sentences or articles is merged and counts once; '
        "its reports and the claims about it are counted beside it.</p></section>"
    )


def _timeline(data: ReportData) -> str:
    if not data.weeks:
        return '<section id="timeline"><h2>Events per week</h2><p>No event is dated to a day or week.</p></section>'
    order = [t.type for t in data.types]
    return (
        '<section id="timeline"><h2>Events per week</h2>' + _legend(order) + timeline_svg(data.weeks, order)
        + f'<p class="note">Each bar is an ISO week (Monday to Sunday); hover for its events. Not shown: '
        f"{data.coarse_dates} event(s) dated only to a month or year, {data.undated} undated.</p></section>"
    )


def _map(data: ReportData) -> str:
    unmapped = ""
    if data.country_only:
        unmapped += ('<p class="note">Events placed only in a country, not shown: '
                     + _e(", ".join(f"{name} ({n})" for name, n in data.country_only.items())) + ".</p>")
    if data.unmapped_places:
        unmapped += f'<p class="note">Events at places without coordinates: {_e(", ".join(data.unmapped_places))}.</p>'

    if not data.places:
        return f'<section id="map"><h2>Map of events</h2><p>No event has a geocoded place.</p>{unmapped}</section>'
    closer = focus(data.places)
    zoom = ""
    if len(closer) < len(data.places):
        zoom = (f"<h3>The busiest area: {plural(sum(p.total for p in closer), 'event')} at "
                f"{plural(len(closer), 'place')} within 750 km</h3>"
                + map_svg(closer, name="focus-map", labels=25))
    return (
        '<section id="map"><h2>Map of events</h2>' + _legend([t.type for t in data.types])
        + map_svg(data.places, name="overview-map") + zoom
        + '<p class="note">Each circle is a place, sized by its events and coloured by their commonest type; '
        "hover for the counts.</p>" + unmapped + "</section>"
    )


def _actors(data: ReportData) -> str:
    rows = "".join(
        f"<tr><td>{_e(a.label)}</td><td>{_e(a.kind)}</td><td>{_e(a.country or '')}</td>"
        f'<td class="n">{a.events}</td><td class="n">{a.mentions}</td><td class="n">{a.articles}</td><td>'
        + (f'<a href="https://www.wikidata.org/wiki/{quote(a.wikidata)}" rel="noreferrer">{_e(a.wikidata)}</a>'
           if a.wikidata else "")
        + "</td></tr>"
        for a in data.actors
    )
    return (
        '<section id="actors"><h2>Top actors</h2><table><thead><tr><th>Actor</th><th>Type</th><th>Country</th>'
        '<th class="n">Events</th><th class="n">Mentions</th><th class="n">Articles</th><th>Wikidata</th></tr>'
        f'</thead><tbody>{rows}</tbody></table><p class="note">Ranked by the events each takes part in as '
        "actor or target, then by mentions.</p></section>"
    )


def _claims(data: ReportData) -> str:
    if not data.claims:
        return ('<section id="claims"><h2>Contradicting claims</h2>'
                "<p>No event has claims that state different figures.</p></section>")
    groups: dict[str, list[ClaimRow]] = {}
    for claim in data.claims:
        groups.setdefault(claim.event, []).append(claim)
    bodies = []
    for claims in groups.values():
        first = claims[0]
        rows = "".join(
            f"<tr><td>{_e(_figure(c))}</td><td>{_e(c.claimant or 'unattributed')}</td><td>{_e(c.source)}</td>"
            f'<td><a href="#{c.evidence}">evidence</a></td></tr>'
            for c in claims
        )
        bodies.append(f'<tbody class="event"><tr><th colspan="4">{_e(first.type)}, {_e(first.date or "undated")}'
                      f"</th></tr>{rows}</tbody>")
    return (
        '<section id="claims"><h2>Contradicting claims</h2><p class="note">Events whose claims state different '
        "figures, with every claim on them; each links to the sentence it comes from.</p><table><thead><tr>"
        "<th>Figure</th><th>Claimant</th><th>Source</th><th>Sentence</th></tr></thead>"
        + "".join(bodies) + "</table></section>"
    )


def _evidence(data: ReportData) -> str:
    if not data.evidence:
        return ""
    return ('<section id="evidence"><h2>Evidence</h2>'
            + "".join(_quote(item) for item in data.evidence.values()) + "</section>")


def text_fragment_link(url: str, sentence: str) -> str:
    """A link that opens ``url`` scrolled to ``sentence``, highlighted (a URL text fragment).

    A long sentence is matched by its first and last five words, so that a small
    difference in the middle (a link, a soft hyphen) does not lose the match.
    """

    def encode(words: list[str]) -> str:
        # "-", "&" and "," are the fragment's own syntax and must be escaped in its text.
        return quote(" ".join(words), safe="").replace("-", "%2D")

    words = sentence.split()
    target = encode(words) if len(words) <= 10 else f"{encode(words[:5])},{encode(words[-5:])}"
    return f"{url.split('#', 1)[0]}#:~:text={target}"


def _quote(item: Evidence) -> str:
    article = _e(item.title or item.source)
    if item.url:
        article = f'<a href="{_e(text_fragment_link(item.url, item.text))}" rel="noreferrer">{article}</a>'
    meta = ", ".join(_e(part) for part in (item.outlet, item.issued, item.source) if part)
    before = f'<span class="context">{_e(item.before)}</span> ' if item.before else ""
    after = f' <span class="context">{_e(item.after)}</span>' if item.after else ""
    return (f'<blockquote id="{item.anchor}"><p>{before}<mark>{_e(item.text)}</mark>{after}</p>'
            f'<p class="meta">{article} ({meta})</p></blockquote>')
