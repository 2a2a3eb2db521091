// The query page of `talkgraph serve`: pick or write a query, run it against /sparql, read the
// table, download the answer as CSV or SPARQL JSON.  Every request goes to this server only.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("qp-data").textContent);
  const $ = (id) => document.getElementById(id);
  const canned = $("qp-canned"), text = $("qp-query"), status = $("qp-status"), error = $("qp-error");
  const results = $("qp-results"), csvButton = $("qp-csv"), jsonButton = $("qp-json");
  const state = { running: false, rows: 0 };

  for (const query of data.queries) {
    const option = document.createElement("option");
    option.value = query.name;
    option.textContent = query.name;
    option.title = query.description;
    canned.appendChild(option);
  }

  const nameBox = $("qp-name-box"), nameInput = $("qp-name");
  let picked = null;

  function pick(name) {
    picked = data.queries.find((q) => q.name === name) || null;
    $("qp-description").textContent = picked ? picked.description : "";
    nameBox.hidden = !(picked && picked.nameTemplate);
    nameInput.value = "";
    if (picked) text.value = picked.text;
  }

  // a query that takes a name gets it in its VALUES clause, quoted as a SPARQL string
  function withName(name) {
    const literal = '"' + name.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") + '"';
    return picked.nameTemplate.replace('"' + data.nameMark + '"', () => literal);
  }

  function ask(accept) {
    return fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": accept },
      body: new URLSearchParams({ query: text.value }),
    });
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    td.textContent = term.value;
    if (term.type === "uri") td.className = "iri";
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
    else if (term.datatype) td.title = term.datatype;
    return td;
  }

  function drawTable(answer) {
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    if ("boolean" in answer) {
      head.appendChild(Object.assign(document.createElement("th"), { textContent: "ask" }));
      table.createTBody().insertRow().appendChild(cell({ type: "literal", value: String(answer.boolean) }));
      return { table, rows: 1 };
    }
    for (const name of answer.head.vars) {
      head.appendChild(Object.assign(document.createElement("th"), { textContent: name }));
    }
    const body = table.createTBody();
    for (const binding of answer.results.bindings) {
      const row = body.insertRow();
      for (const name of answer.head.vars) row.appendChild(cell(binding[name]));
    }
    return { table, rows: answer.results.bindings.length };
  }

  async function run() {
    if (state.running || !text.value.trim()) return;
    if (picked && picked.needsName && text.value === picked.text) {
      showError(`“${picked.name}” needs a name: type one in the Name box`);
      nameInput.focus();
      return;
    }
    state.running = true;
    error.hidden = true;
    results.textContent = "";
    delete results.dataset.done;
    status.textContent = "运行中 running…";
    const started = performance.now();
    try {
      const response = await ask("application/sparql-results+json");
      const type = response.headers.get("Content-Type") || "";
      const body = await response.text();
      if (!response.ok) {
        showError(body.trim() || `HTTP ${response.status}`);
        status.textContent = "";
        return;
      }
      let rows;
      if (type.startsWith("application/sparql-results+json")) {
        const drawn = drawTable(JSON.parse(body));
        results.appendChild(drawn.table);
        rows = drawn.rows;
      } else {  // CONSTRUCT and DESCRIBE give a graph, shown as Turtle
        results.appendChild(Object.assign(document.createElement("pre"), { textContent: body }));
        rows = null;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      status.textContent = rows === null ? `${seconds} s` : `${rows} 行 rows · ${seconds} s`;
      csvButton.disabled = jsonButton.disabled = rows === null;
      results.dataset.done = "true";
    } catch (exc) {
      showError(`the server did not answer: ${exc.message}`);
      status.textContent = "";
    } finally {
      state.running = false;
    }
  }

  async function download(accept, name) {
    const response = await ask(accept);
    if (!response.ok) return showError((await response.text()).trim());
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  canned.addEventListener("change", () => pick(canned.value));
  nameInput.addEventListener("input", () => {
    text.value = nameInput.value.trim() ? withName(nameInput.value.trim()) : picked.text;
  });
  nameInput.addEventListener("keydown", (event) => { if (event.key === "Enter") run(); });
  $("qp-run").addEventListener("click", run);
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
  text.addEventListener("input", () => { csvButton.disabled = jsonButton.disabled = true; });
  csvButton.addEventListener("click", () => download("text/csv", "results.csv"));
  jsonButton.addEventListener("click", () => download("application/sparql-results+json", "results.json"));
  const first = new URLSearchParams(location.search).get("canned") || (data.queries[0] || {}).name;
  if (first) { canned.value = first; pick(first); }
  window.talkgraphQueryPage = { run, pick, ready: true };
})();
