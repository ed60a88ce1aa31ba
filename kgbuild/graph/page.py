"""The endpoint's query page at ``/``: a form, the saved queries, a results table.

One self-contained HTML page, so it works offline: no script, style or font from elsewhere,
and a Content Security Policy that lets the page reach only its own endpoint. Answers are
put into the table as text, never as markup, so nothing a store holds can run in the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache

from .query import load_query, saved_queries

_SCRIPT = """
const queries = JSON.parse(document.getElementById("queries").textContent);
const form = document.getElementById("form"), area = document.getElementById("query");
const saved = document.getElementById("saved"), status = document.getElementById("status");
const table = document.getElementById("results"), graph = document.getElementById("graph");

saved.addEventListener("change", () => { if (saved.value) area.value = queries[saved.value]; });

function show(message) { status.textContent = message; }

function term(value) {
  if (!value) return "";
  return value.type === "bnode" ? "_:" + value.value : value.value;
}

function render(data) {
  const head = table.tHead.rows[0], body = table.tBodies[0];
  head.replaceChildren(...data.head.vars.map(name => {
    const cell = document.createElement("th"); cell.scope = "col"; cell.textContent = name; return cell;
  }));
  body.replaceChildren(...data.results.bindings.map(binding => {
    const row = document.createElement("tr");
    for (const name of data.head.vars) {
      const cell = document.createElement("td"); cell.textContent = term(binding[name]); row.append(cell);
    }
    return row;
  }));
  table.hidden = false;
  show(data.results.bindings.length + " row(s)");
}

async function run(text) {
  show("Running\\u2026"); table.hidden = true; graph.hidden = true;
  let response;
  try {
    response = await fetch("sparql", {method: "POST", body: text, headers: {
      "Content-Type": "application/sparql-query",
      "Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
  } catch (error) { show("The endpoint could not be reached: " + error.message); return; }
  const answer = await response.text();
  if (!response.ok) { show(answer.trim()); return; }
  if ((response.headers.get("Content-Type") || "").startsWith("text/turtle")) {
    graph.textContent = answer; graph.hidden = false; show("A graph, as Turtle"); return;
  }
  const data = JSON.parse(answer);
  if ("boolean" in data) { show("Answer: " + data.boolean); return; }
  render(data);
}

form.addEventListener("submit", event => {
  event.preventDefault();
  history.replaceState(null, "", "?query=" + encodeURIComponent(area.value));
  run(area.value);
});
const given = new URLSearchParams(location.search).get("query");
if (given) { area.value = given; run(given); }
"""

_STYLE = """
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; color: #1b1b1b; }
textarea { width: 100%; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: 1rem; font-size: 13px; }
th, td { border: 1px solid #c8c8c8; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
pre { background: #f6f6f6; padding: 0.6rem; overflow: auto; }
#status { font-weight: 600; white-space: pre-wrap; }
"""


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@cache
def query_page() -> tuple[bytes, str]:
    """The page's HTML and the Content Security Policy to send with it."""
    names = saved_queries()
    texts = {name: load_query(name) for name in names}
    options = "".join(f'<option value="{html.escape(name)}">{html.escape(name)}: {html.escape(about)}</option>'
                      for name, about in names.items())
    # "</" would end the script element early; JSON allows "\\/" for "/".
    embedded = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    first = html.escape(texts.get("actors", ""))
    page = f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>kgbuild SPARQL endpoint</title><style>{_STYLE}</style></head>
<body>
<h1>kgbuild SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 over this store. Any SPARQL client can send queries to <code>sparql</code>.</p>
<form id="form" method="get" action="">
<p><label for="saved">Saved query</label>
<select id="saved"><option value="">(write your own)</option>{options}</select></p>
<p><label for="query">Query</label><br><textarea id="query" name="query" rows="16" spellcheck="false">{first}</textarea></p>
<p><button type="submit">Run</button></p>
</form>
<p id="status" role="status" aria-live="polite"></p>
<table id="results" hidden><thead><tr></tr></thead><tbody></tbody></table>
<pre id="graph" hidden></pre>
<script type="application/json" id="queries">{embedded}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    policy = (f"default-src 'none'; script-src '{_digest(_SCRIPT)}'; style-src '{_digest(_STYLE)}'; "
              "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    return page.encode(), policy
