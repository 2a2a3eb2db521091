(function () {
  "use strict";
  const T0 = performance.now();
  const DATA = JSON.parse(document.getElementById("tg-data").textContent);
  const KINDS = Object.fromEntries(DATA.kinds.map((k) => [k.kind, k]));
  const FONT = DATA.config.font;
  const $ = (id) => document.getElementById(id);

  /* ---------- indexes ---------- */
  const nodeById = new Map(DATA.nodes.map((n) => [n.id, n]));
  const claimById = new Map(DATA.claims.map((c) => [c.id, c]));
  const speakerById = new Map(DATA.speakers.map((s) => [s.id, s]));
  const docById = new Map(DATA.documents.map((d) => [d.id, d]));
  const claimsByAuthor = groupBy(DATA.claims, (c) => [c.author]);
  const claimsByAbout = groupBy(DATA.claims, (c) => c.about);
  const questionsByAuthor = groupBy(DATA.questions, (q) => [q.author]);
  const edgesByNode = groupBy(DATA.edges, (e) => [e.from, e.to]);
  const entityKinds = DATA.kinds.map((k) => k.kind).filter((k) => k !== "Claim");

  function groupBy(items, keysOf) {
    const map = new Map();
    for (const item of items) {
      for (const key of keysOf(item)) {
        if (!key) continue;
        if (!map.has(key)) map.set(key, []);
        map.get(key).push(item);
      }
    }
    return map;
  }

  /* ---------- DOM helpers: text only, never HTML ---------- */
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function link(id, text) {
    const button = el("button", "tg-link", text);
    button.type = "button";
    button.addEventListener("click", () => api.select(id));
    return button;
  }
  function labelOf(id) {
    const n = nodeById.get(id);
    return n ? n.label : id;
  }
  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase().trim();
  }

  /* ---------- vis items ---------- */
  function tooltip(lines) {
    const box = el("div");
    lines.forEach((line, i) => box.appendChild(el(i ? "div" : "strong", null, line)));
    return box;
  }
  function entityItem(n) {
    const style = KINDS[n.kind];
    const lines = [n.label, style.label + " · " + style.zh + (n.count ? " · " + n.count + " mentions" : "")];
    if (n.aliases.length) lines.push("aka " + n.aliases.join(", "));
    return {
      id: n.id, label: n.label, shape: style.shape, value: Math.max(1, n.count),
      color: { background: style.color, border: style.color, highlight: { background: style.color, border: "#222" } },
      title: tooltip(lines),
    };
  }
  function claimItem(c) {
    const short = c.text.length > 18 ? c.text.slice(0, 18) + "…" : c.text;
    const cite = labelOf(c.author) + (c.turn ? " · turn " + c.turn : "") + (c.time ? " · " + c.time : "");
    return {
      id: c.id, label: short, shape: "box", value: 1,
      color: { background: "#fbf1c7", border: KINDS.Claim.color,
        highlight: { background: "#fbe7a1", border: "#8a6d00" }, hover: { background: "#fbe7a1", border: "#8a6d00" } },
      font: { size: 11, face: FONT },
      widthConstraint: { maximum: 160 }, title: tooltip([cite, c.text]),
    };
  }
  function edgeItem(e) {
    const item = {
      id: e.id, from: e.from, to: e.to, label: e.label, arrows: e.arrows ? "to" : "",
      dashes: e.type === "role",
    };
    if (e.bend) item.smooth = { enabled: true, type: e.bend % 2 ? "curvedCW" : "curvedCCW", roundness: 0.25 * Math.ceil(e.bend / 2) };
    return item;
  }
  function claimEdges(c) {
    const color = { color: KINDS.Claim.color, highlight: "#8a6d00", hover: "#8a6d00" };
    const edges = [{ id: "a|" + c.id, from: c.author, to: c.id, dashes: [2, 3], arrows: "to", color: color, label: "" }];
    for (const about of c.about) {
      edges.push({ id: "b|" + c.id + "|" + about, from: c.id, to: about, dashes: [2, 3], arrows: "to",
        color: color, label: "about" });
    }
    return edges;
  }

  const nodes = new vis.DataSet(DATA.nodes.map(entityItem).concat(DATA.claims.filter((c) => c.author).map(claimItem)));
  const edges = new vis.DataSet(DATA.edges.map(edgeItem).concat(...DATA.claims.filter((c) => c.author).map(claimEdges)));

  /* ---------- filtering ---------- */
  const state = {
    kinds: new Set(entityKinds), speaker: "", claims: false,
    topN: DATA.config.topN || 0, forced: new Set(),
  };
  let visible = new Set();

  function computeVisible() {
    const speaker = state.speaker ? speakerById.get(state.speaker) : null;
    let allowed = null;
    if (speaker) {
      allowed = new Set(speaker.mentions);
      allowed.add(speaker.id);
      for (const c of claimsByAuthor.get(speaker.id) || []) c.about.forEach((a) => allowed.add(a));
    }
    const shown = new Set();
    for (const n of DATA.nodes) {  // already ranked by mention count
      if (state.topN && shown.size >= state.topN) break;
      if (state.kinds.has(n.kind) && (!allowed || allowed.has(n.id))) shown.add(n.id);
    }
    state.forced.forEach((id) => shown.add(id));
    if (state.claims) {
      for (const c of DATA.claims) {
        if (c.author && shown.has(c.author) && (!speaker || c.author === speaker.id)) shown.add(c.id);
      }
    }
    visible = shown;
  }

  computeVisible();  // before the views exist: a DataView filters once when it is made
  const nodeView = new vis.DataView(nodes, { filter: (item) => visible.has(item.id) });
  const edgeView = new vis.DataView(edges, { filter: (item) => visible.has(item.from) && visible.has(item.to) });

  /* ---------- the network ---------- */
  const count = nodeView.length;
  const big = count > 300;
  const options = {
    autoResize: true,
    layout: { randomSeed: 20210601, improvedLayout: count <= 150 },
    nodes: { font: { face: FONT, size: 14, strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 40, label: { enabled: true, min: 12, max: 22 } }, borderWidth: 1 },
    edges: { font: { face: FONT, size: 10, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      color: { color: "#9aa3ad", highlight: "#333", hover: "#555" }, width: 1.2,
      smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.2 },
      arrows: { to: { scaleFactor: 0.6 } } },
    physics: {
      // big graphs: ForceAtlas2 with a coarse Barnes-Hut theta costs a third of the default per step,
      // and fewer steps; a 2,000-node graph settles in about 2 s on a slow laptop CPU
      enabled: true, solver: big ? "forceAtlas2Based" : "barnesHut",
      barnesHut: { gravitationalConstant: -6000, centralGravity: 0.3, springLength: 130, springConstant: 0.03,
        damping: 0.3, avoidOverlap: 0.1 },
      forceAtlas2Based: { theta: 1.0, gravitationalConstant: -60, springLength: 80, avoidOverlap: 0 },
      stabilization: { enabled: true, iterations: big ? Math.max(100, Math.round(200000 / count)) : 800,
        updateInterval: 50, fit: true },
    },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
  };
  const T1 = performance.now();
  const network = new vis.Network($("tg-network"), { nodes: nodeView, edges: edgeView }, options);
  const T2 = performance.now();

  const api = {
    ready: true, stabilized: false, stabilizeMs: null, network: network,
    timings: { dataMs: Math.round(T1 - T0), networkMs: Math.round(T2 - T1) },
    counts() {
      return { nodes: DATA.nodes.length, edges: DATA.edges.length, claims: DATA.claims.length,
        visibleNodes: nodeView.length, visibleEdges: edgeView.length };
    },
    visibleIds() { return nodeView.getIds(); },
    search(query) { return searchIds(query); },
    find(label) { const n = DATA.nodes.find((x) => x.label === label); return n ? n.id : null; },
    select(id) { return selectNode(id); },
    panelText() { return $("tg-panel").textContent; },
    setSpeaker(id) { $("tg-speaker").value = id || ""; state.speaker = id || ""; refresh(); },
    setKind(kind, on) { on ? state.kinds.add(kind) : state.kinds.delete(kind); syncLegend(); refresh(); },
    setTopN(n) { $("tg-topn").value = String(n || 0); state.topN = Math.max(0, n | 0); refresh(); },
    documents() { return DATA.documents.map((d) => d.id); },
    pickDocument(id) { return pickDocument(id); },
    pickedDocument() { return pickedDoc ? pickedDoc.id : null; },
    setShowClaims(on) { $("tg-claims").checked = !!on; state.claims = !!on; refresh(); },
  };
  window.talkgraphView = api;

  network.on("stabilizationProgress", (p) => {
    $("tg-loading").textContent = "布局计算中 laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });  // lay out once, then hold still
    $("tg-loading").hidden = true;
    if (!api.stabilized) {
      api.stabilized = true;
      api.stabilizeMs = Math.round(performance.now() - T0);
      network.fit();
    }
    updateStatus();
  });
  network.on("click", (params) => {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  function refresh() {
    const positions = network.getPositions();
    const before = new Set(Object.keys(positions));
    nodes.update(Object.entries(positions).map(([id, p]) => ({ id: id, x: p.x, y: p.y })));
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    const added = nodeView.getIds().some((id) => !before.has(id));
    if (added) {  // settle the newcomers, then freeze again
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(big ? 150 : 300);
    }
    updateStatus();
  }

  function updateStatus() {
    const c = api.counts();
    $("tg-status").textContent = "显示 " + c.visibleNodes + " 节点 / " + c.visibleEdges + " 边 (entities: "
      + c.nodes + ", relations: " + c.edges + ", claims: " + c.claims + ")";
  }

  /* ---------- selection & side panel ---------- */
  function selectNode(id) {
    if (!nodeById.has(id) && !claimById.has(id)) return false;
    if (!visible.has(id)) {
      if (claimById.has(id)) { state.claims = true; $("tg-claims").checked = true; state.forced.add(claimById.get(id).author); }
      else state.forced.add(id);
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
    return true;
  }

  function showDetails(id) {
    const panel = $("tg-panel");
    panel.replaceChildren();
    if (claimById.has(id)) showClaim(panel, claimById.get(id));
    else if (nodeById.has(id)) showEntity(panel, nodeById.get(id));
    panel.scrollTop = 0;
  }

  function kindBadge(kind) {
    const style = KINDS[kind];
    const badge = el("span", "tg-kind", style.label + " · " + style.zh);
    badge.style.background = style.color;
    return badge;
  }

  function section(panel, title, items, render) {
    if (!items.length) return;
    panel.appendChild(el("h3", null, title));
    const list = el("ul");
    items.forEach((item) => list.appendChild(render(item)));
    panel.appendChild(list);
  }

  function showEntity(panel, n) {
    panel.appendChild(el("h2", null, n.label));
    panel.appendChild(kindBadge(n.kind));
    if (n.count) panel.appendChild(el("span", "tg-muted", "  " + n.count + " 次提及 mentions"));
    if (n.aliases.length) panel.appendChild(el("p", "tg-aliases", "别名 aliases: " + n.aliases.join(" · ")));
    section(panel, "职务 Titles & roles", n.roles, (r) => {
      const li = el("li", null, r.name);
      if (r.org) { li.appendChild(document.createTextNode(" @ ")); li.appendChild(link(r.org, r.orgLabel)); }
      return li;
    });
    section(panel, "关系 Relations", edgesByNode.get(n.id) || [], (e) => {
      const li = el("li");
      const out = e.from === n.id;
      li.appendChild(el("span", "tg-muted", out ? (e.arrows ? "→ " : "— ") : (e.arrows ? "← " : "— ")));
      if (out) {
        li.appendChild(el("span", null, e.label + " "));
        li.appendChild(link(e.to, labelOf(e.to)));
      } else {
        li.appendChild(link(e.from, labelOf(e.from)));
        li.appendChild(el("span", null, " " + e.label));
      }
      return li;
    });
    const own = claimsByAuthor.get(n.id) || [];
    const about = (claimsByAbout.get(n.id) || []).filter((c) => c.author !== n.id);
    section(panel, "发言观点 Claims by " + n.label + " (turn order)", own, (c) => claimItemDom(c, n.id));
    section(panel, "提问 Questions asked", questionsByAuthor.get(n.id) || [], (q) => quoteDom(q, q.author, "question"));
    section(panel, "相关观点 Claims about " + n.label, about, (c) => claimItemDom(c, n.id));
    if (speakerById.has(n.id)) {
      const s = speakerById.get(n.id);
      panel.appendChild(el("p", "tg-muted", "Speaks in this conversation; mentions " + s.mentions.length + " entities."));
    }
    panel.appendChild(el("p", "tg-muted", n.id));
  }

  function citation(item, author) {
    const cite = el("div", "tg-cite");
    if (author) cite.appendChild(link(author, labelOf(author)));
    const doc = docById.get(item.doc);
    const where = (item.turn ? " · 第 " + item.turn + " 段 turn " + item.turn : "") + (item.time ? " · " + item.time : "")
      + (DATA.documents.length > 1 && doc ? " · " + doc.title : "");
    cite.appendChild(el("span", null, where + (item.type ? " · " + item.type : "")));
    return cite;
  }

  function quoteDom(item, author) {
    const li = el("li", "tg-claim");
    li.appendChild(citation(item, author));
    li.appendChild(el("blockquote", null, "“" + item.text + "”"));
    return li;
  }

  function claimItemDom(c, current) {
    const li = quoteDom(c, c.author);
    const others = c.about.filter((a) => a !== current);
    if (others.length) {
      const about = el("div", "tg-cite", "about: ");
      others.forEach((a, i) => { if (i) about.appendChild(document.createTextNode(", ")); about.appendChild(link(a, labelOf(a))); });
      li.appendChild(about);
    }
    return li;
  }

  function showClaim(panel, c) {
    panel.appendChild(el("h2", null, "观点 Claim"));
    panel.appendChild(kindBadge("Claim"));
    const list = el("ul");
    list.appendChild(claimItemDom(c, null));
    panel.appendChild(list);
  }

  /* ---------- search ---------- */
  function searchIds(query) {
    const q = fold(query);
    if (!q) return [];
    const ranked = [];
    DATA.nodes.forEach((n, rank) => {
      let best = 3;
      for (const key of n.keys) {
        if (key === q) best = Math.min(best, 0);
        else if (key.startsWith(q)) best = Math.min(best, 1);
        else if (key.includes(q)) best = Math.min(best, 2);
      }
      if (best < 3) ranked.push([best, rank, n.id]);
    });
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return ranked.map((r) => r[2]);
  }

  function showResults() {
    const list = $("tg-results");
    const ids = searchIds($("tg-search").value).slice(0, 20);
    list.replaceChildren();
    ids.forEach((id, i) => {
      const n = nodeById.get(id);
      const li = el("li", i ? null : "tg-active", n.label);
      if (n.aliases.length) li.appendChild(el("span", "tg-alias", n.aliases.join(" · ")));
      li.appendChild(el("span", "tg-alias", KINDS[n.kind].zh));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(id); });
      list.appendChild(li);
    });
    list.hidden = !ids.length;
    return ids;
  }

  function pick(id) {
    $("tg-results").hidden = true;
    selectNode(id);
  }

  $("tg-search").addEventListener("input", showResults);
  $("tg-search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { const ids = showResults(); if (ids.length) pick(ids[0]); }
    if (ev.key === "Escape") $("tg-results").hidden = true;
  });
  $("tg-search").addEventListener("blur", () => { $("tg-results").hidden = true; });

  /* ---------- header: one transcript at a time, picked from a searchable list ---------- */
  const DOC_LIST_MAX = 300;
  const docKeys = new Map(DATA.documents.map((d) => [d.id,
    fold([d.title, d.date].concat(d.participants.map((p) => p.label)).join(" "))]));
  const docIndex = new Map(DATA.documents.map((d, i) => [d.id, i]));
  let pickedDoc = null;

  function showDocument(doc) {
    pickedDoc = doc;
    const box = $("tg-docs");
    box.replaceChildren();
    if (!doc) { box.appendChild(el("h1", null, "talkgraph")); return; }
    box.appendChild(el("h1", null, doc.title));
    if (doc.date) box.appendChild(el("span", "tg-date", doc.date));
    for (const p of doc.participants) {
      const chip = el("button", p.moderator ? "tg-chip tg-mod" : "tg-chip", p.label);
      chip.type = "button";
      if (p.moderator) chip.appendChild(el("span", "tg-badge", "主持 moderator"));
      chip.addEventListener("click", () => selectNode(p.id));
      box.appendChild(chip);
    }
    box.scrollLeft = 0;
  }

  function matchingDocs(query) {
    const q = fold(query);
    return q ? DATA.documents.filter((d) => docKeys.get(d.id).includes(q)) : DATA.documents;
  }

  function showDocList() {
    const list = $("tg-doc-list");
    const docs = matchingDocs($("tg-doc-search").value);
    list.replaceChildren();
    docs.slice(0, DOC_LIST_MAX).forEach((d, i) => {
      const li = el("li", (i ? "" : "tg-active ") + (d === pickedDoc ? "tg-picked" : ""), d.title);
      li.dataset.doc = String(docIndex.get(d.id));
      if (d.date) li.appendChild(el("span", "tg-alias", d.date));
      li.appendChild(el("span", "tg-alias", d.participants.map((p) => p.label).join(" · ")));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pickDocument(d.id); });
      list.appendChild(li);
    });
    if (docs.length > DOC_LIST_MAX) list.appendChild(el("li", "tg-muted", "… " + (docs.length - DOC_LIST_MAX) + " more: type to narrow"));
    if (!docs.length) list.appendChild(el("li", "tg-muted", "没有匹配 no transcript matches"));
    list.hidden = false;
    return docs;
  }

  function pickDocument(id) {
    const doc = docById.get(id);
    if (!doc) return false;
    $("tg-doc-list").hidden = true;
    $("tg-doc-search").value = "";
    showDocument(doc);
    return true;
  }

  function buildHeader() {
    const search = $("tg-doc-search");
    if (DATA.documents.length > 1) {
      $("tg-picker").hidden = false;
      search.placeholder = DATA.documents.length + " 篇文字稿 · transcripts";
    }
    search.addEventListener("focus", showDocList);
    search.addEventListener("input", showDocList);
    search.addEventListener("keydown", (ev) => {
      const items = Array.from($("tg-doc-list").querySelectorAll("li[data-doc]"));
      const active = items.findIndex((li) => li.classList.contains("tg-active"));
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (!items.length) return;
        const next = Math.min(items.length - 1, Math.max(0, active + (ev.key === "ArrowDown" ? 1 : -1)));
        items.forEach((li, i) => li.classList.toggle("tg-active", i === next));
        items[next].scrollIntoView({ block: "nearest" });
      }
      if (ev.key === "Enter" && active >= 0) pickDocument(DATA.documents[Number(items[active].dataset.doc)].id);
      if (ev.key === "Escape") $("tg-doc-list").hidden = true;
    });
    search.addEventListener("blur", () => { $("tg-doc-list").hidden = true; });
    showDocument(DATA.documents[0] || null);
    if (/^https?:$/.test(location.protocol)) {  // served by `talkgraph serve`: its query page is beside the view
      const query = $("tg-sparql");
      query.href = "sparql";
      query.title = "SPARQL 查询页 the query page of this server";
      query.hidden = false;
    }
  }

  function swatch(kind) {
    const style = KINDS[kind];
    const s = el("span", "tg-swatch " + style.shape);
    s.style.background = style.color;
    s.style.setProperty("--c", style.color);
    return s;
  }

  function buildLegend() {
    const legend = $("tg-legend");
    const title = el("h2", null, "图例 Legend");
    title.title = "fold / unfold";
    title.addEventListener("click", () => legend.classList.toggle("tg-folded"));
    legend.appendChild(title);
    if (legend.parentElement.clientHeight < 560) legend.classList.add("tg-folded");  // a small window: the network first
    const perKind = groupBy(DATA.nodes, (n) => [n.kind]);
    for (const kind of entityKinds) {
      const n = (perKind.get(kind) || []).length;
      if (!n) continue;
      const row = el("label");
      const box = el("input");
      box.type = "checkbox"; box.checked = true; box.dataset.kind = kind;
      box.addEventListener("change", () => api.setKind(kind, box.checked));
      row.append(box, swatch(kind), el("span", null, KINDS[kind].zh + " " + KINDS[kind].label + " (" + n + ")"));
      legend.appendChild(row);
    }
    const claimRow = el("label");
    claimRow.append(swatch("Claim"), el("span", null, KINDS.Claim.zh + " " + KINDS.Claim.label + " (" + DATA.claims.length + ")"));
    legend.appendChild(claimRow);
    legend.appendChild(el("h2", null, "连线 Edges"));
    [["", "relation →"], ["dashed", "role at organisation"], ["dotted", "claim: author → claim → about"]].forEach(([cls, text]) => {
      const row = el("div");
      row.append(el("span", "tg-line " + cls), el("span", null, text));
      legend.appendChild(row);
    });
    legend.appendChild(el("div", "tg-muted", "size = mention count"));
  }

  function syncLegend() {
    document.querySelectorAll("#tg-legend input[data-kind]").forEach((box) => { box.checked = state.kinds.has(box.dataset.kind); });
  }

  function buildControls() {
    const select = $("tg-speaker");
    for (const s of DATA.speakers) {
      const option = el("option", null, s.label);
      option.value = s.id;
      select.appendChild(option);
    }
    select.addEventListener("change", () => api.setSpeaker(select.value));
    const topn = $("tg-topn");
    topn.max = String(DATA.nodes.length);
    topn.value = String(state.topN);
    topn.addEventListener("change", () => api.setTopN(parseInt(topn.value, 10) || 0));
    $("tg-claims").addEventListener("change", (ev) => api.setShowClaims(ev.target.checked));
    $("tg-fit").addEventListener("click", () => network.fit());
    const partial = DATA.config.partial;
    if (partial) {  // a build's page of a large corpus holds its most mentioned entities only
      $("tg-partial").textContent = "本页只含提及最多的 " + partial.entities + " 个实体（共 " + partial.entitiesOf
        + " 个）及其发言人的 " + partial.claims + " 条观点（共 " + partial.claimsOf + " 条）· This page holds the "
        + partial.entities + " most mentioned of " + partial.entitiesOf + " entities, and " + partial.claims
        + " of " + partial.claimsOf + " claims (the first ones of each speaker shown); graph.ttl holds everything, and "
        + "`talkgraph view OUT -o all.html` draws it all.";
      $("tg-partial").hidden = false;
    }
  }

  buildHeader();
  buildLegend();
  buildControls();
  updateStatus();
})();
