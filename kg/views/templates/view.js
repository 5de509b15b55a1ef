/* kg view page: filters, search, timeline and provenance panel over either engine.
 *
 * #kg-data holds the nodes and edges (plus the sentences and documents the panel quotes); the
 * engine script before this one defines window.kgEngine (vis-network or sigma.js). Text from the
 * graph is only ever assigned with textContent or as DOM text nodes, never parsed as HTML.
 *
 * When the drawing is stable, #kg-status holds JSON: {engine, nodes, edges (in the engine's data),
 * drawnNodes, shownNodes, shownEdges, ms (performance.now() at the first stable drawing), layoutMs,
 * iterations, timelineEvents, phases}; it is rewritten after each filter change; it holds {error} when
 * the engine cannot draw (sigma without WebGL). Tests and benchmarks read it.
 */
(function () {
  "use strict";

  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var phases = { scriptStart: Math.round(started), parseMs: Math.round(performance.now() - started) };
  var nodes = data.nodes;
  var edges = data.edges;
  var $ = function (id) { return document.getElementById(id); };
  var search = $("kg-search");
  var found = $("kg-found");
  var progress = $("kg-progress");
  var details = $("kg-details");
  var detailsBody = $("kg-details-body");
  var statusBox = $("kg-status");
  var dateFrom = $("kg-date-from");
  var dateTo = $("kg-date-to");
  var status = { engine: data.engine, nodes: 0, edges: 0, drawnNodes: 0, shownNodes: 0, shownEdges: 0, ms: null,
                 layoutMs: null, iterations: 0, timelineEvents: 0 };
  var state = { hiddenClasses: Object.create(null), hiddenModalities: Object.create(null), range: null,
                explore: null, current: null };
  var visible = new Uint8Array(nodes.length).fill(1);
  var stable = false;

  var around = nodes.map(function () { return []; });
  edges.forEach(function (e) {
    around[e.from].push(e.to);
    around[e.to].push(e.from);
  });

  /* As kg.lang.fold: apostrophes and dashes unified, accents dropped, lower case, dashes as spaces. */
  function fold(text) {
    text = text.replace(/\u2019/g, "'").replace(/\u2011/g, "-").normalize("NFKD").replace(/\p{M}/gu, "");
    return text.toLowerCase().replace(/-/g, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  /* Tooltip rows [heading, text] as a table built from text nodes only. */
  function rowsTable(rows) {
    var table = document.createElement("table");
    table.className = "kg-tip";
    rows.forEach(function (row) {
      var tr = table.insertRow();
      var th = document.createElement("th");
      th.textContent = row[0];
      tr.appendChild(th);
      tr.insertCell().textContent = row[1];
    });
    return table;
  }

  var isoDay = window.kgDays.iso;
  var dayOf = window.kgDays.parse;

  var engine = window.kgEngine(data, $("kg-network"), {
    rowsTable: rowsTable,
    progress: function (text) { progress.textContent = text; },
    click: function (id) {
      if (id === null) {
        details.hidden = true;
        state.current = null;
      } else {
        showDetails(id);
      }
    }
  });

  var timelineKey = $("kg-timeline-key");
  var timelineHelp = timelineKey.textContent;
  var timeline = window.kgTimeline($("kg-timeline"), nodes, data.colours, {
    brushed: function (first, last) { setRange(first, last); },
    hovered: function (label) { timelineKey.textContent = label === null ? timelineHelp : label; },
    picked: function (id) {
      engine.select([id]);
      showDetails(id);
    }
  });

  /* --- filters: class, modality, date range and « show neighbours », all combined ------------------------- */

  function computeVisible() {
    var eventFilter = state.range !== null || Object.keys(state.hiddenModalities).some(function (m) {
      return state.hiddenModalities[m];
    });
    var v = new Uint8Array(nodes.length);
    nodes.forEach(function (n, i) {
      if (state.hiddenClasses[n.cls]) {
        return;
      }
      if (!n.event) {
        v[i] = eventFilter ? 0 : 1;
        return;
      }
      if (state.hiddenModalities[n.mod]) {
        return;
      }
      if (state.range !== null && !(n.when && n.when[0] <= state.range[1] && n.when[1] >= state.range[0])) {
        return;
      }
      v[i] = 1;
    });
    if (eventFilter) {  /* the role fillers of the events kept */
      edges.forEach(function (e) {
        var a = nodes[e.from], b = nodes[e.to];
        if (a.event && !b.event && v[e.from] && !state.hiddenClasses[b.cls]) {
          v[e.to] = 1;
        } else if (b.event && !a.event && v[e.to] && !state.hiddenClasses[a.cls]) {
          v[e.from] = 1;
        }
      });
    }
    if (state.explore !== null) {
      for (var i = 0; i < v.length; i += 1) {
        v[i] = v[i] && state.explore.has(i) ? 1 : 0;
      }
    }
    return v;
  }

  function report() {
    var shownNodes = 0, shownEdges = 0;
    visible.forEach(function (x) { shownNodes += x; });
    edges.forEach(function (e) { shownEdges += visible[e.from] && visible[e.to] ? 1 : 0; });
    var counts = engine.counts();
    status.nodes = counts.nodes;
    status.edges = counts.edges;
    status.drawnNodes = counts.drawnNodes;
    status.shownNodes = shownNodes;
    status.shownEdges = shownEdges;
    status.timelineEvents = document.querySelectorAll("[data-kg-timeline-event]").length;
    statusBox.textContent = JSON.stringify(status);
    progress.textContent = shownNodes + " nodes, " + shownEdges + " edges";
  }

  function apply() {
    visible = computeVisible();
    timeline.dim(visible);
    if (stable) {
      engine.setVisible(visible);
      report();
    }
  }

  function setRange(first, last) {
    state.range = first === null && last === null ? null
      : [first === null ? -Infinity : first, last === null ? Infinity : last];
    dateFrom.value = first === null ? "" : isoDay(first);
    dateTo.value = last === null ? "" : isoDay(last);
    timeline.showRange(state.range);
    apply();
  }

  document.querySelectorAll("#kg-legend input[data-cls]").forEach(function (box) {
    box.addEventListener("change", function () {
      state.hiddenClasses[box.getAttribute("data-cls")] = !box.checked;
      apply();
    });
  });
  document.querySelectorAll("#kg-modalities input[data-modality]").forEach(function (box) {
    box.addEventListener("change", function () {
      state.hiddenModalities[box.getAttribute("data-modality")] = !box.checked;
      apply();
    });
  });
  [dateFrom, dateTo].forEach(function (input) {
    input.addEventListener("change", function () {
      setRange(dayOf(dateFrom.value), dayOf(dateTo.value));
    });
  });
  $("kg-date-clear").addEventListener("click", function () { setRange(null, null); });

  /* --- the provenance panel --------------------------------------------------------------------------------- */

  /* A sentence with the marked words in <mark> elements; offsets count code points, as Python does. */
  function sentence(text, spans) {
    var chars = Array.from(text);
    var cuts = [0, chars.length];
    spans.forEach(function (m) { cuts.push(m[0], m[1]); });
    cuts = cuts.filter(function (c, i) { return cuts.indexOf(c) === i && c >= 0 && c <= chars.length; });
    cuts.sort(function (a, b) { return a - b; });
    var p = document.createElement("p");
    p.className = "kg-sentence";
    for (var k = 0; k + 1 < cuts.length; k += 1) {
      var a = cuts[k], b = cuts[k + 1];
      var piece = chars.slice(a, b).join("");
      var kinds = spans.filter(function (m) { return m[0] <= a && m[1] >= b; }).map(function (m) { return m[2]; });
      if (!kinds.length) {
        p.appendChild(document.createTextNode(piece));
        continue;
      }
      kinds.sort(function (x, y) { return (x === "trigger" ? 0 : 1) - (y === "trigger" ? 0 : 1); });
      var mark = document.createElement("mark");
      mark.className = "kg-mark" + (/^[a-z]+$/.test(kinds[0]) ? " kg-mark-" + kinds[0] : "");
      mark.setAttribute("data-kg-mark", kinds.join(" "));
      mark.title = kinds.join(", ");
      mark.textContent = piece;
      p.appendChild(mark);
    }
    return p;
  }

  function heading(text) {
    var h = document.createElement("h2");
    h.textContent = text;
    return h;
  }

  function showDetails(id) {
    var node = nodes[id];
    if (node === undefined) {
      details.hidden = true;
      return;
    }
    state.current = id;
    var evidence = node.ev || [];
    var rows = evidence.length ? node.tip.filter(function (r) { return r[0] !== "sentence"; }) : node.tip;
    var parts = [heading("facts"), rowsTable(rows)];
    if (evidence.length) {
      parts.push(heading(evidence.length === 1 ? "sentence" : "sentences"));
      evidence.forEach(function (ev) {
        var s = data.sentences[ev[0]];
        parts.push(sentence(s[0], ev[1]));
        var doc = document.createElement("p");
        doc.className = "kg-doc";
        doc.textContent = "document: " + data.docs[s[1]];
        parts.push(doc);
      });
    }
    detailsBody.replaceChildren.apply(detailsBody, parts);
    $("kg-neighbours").textContent = "show neighbours (" + around[id].length + ")";
    details.hidden = false;
    timeline.select(id);
  }

  $("kg-neighbours").addEventListener("click", function () {
    if (state.current === null) {
      return;
    }
    var keep = state.explore || new Set([state.current]);
    keep.add(state.current);
    around[state.current].forEach(function (o) { keep.add(o); });
    state.explore = keep;
    $("kg-show-all").hidden = false;
    apply();
  });
  $("kg-show-all").addEventListener("click", function () {
    state.explore = null;
    $("kg-show-all").hidden = true;
    apply();
  });
  $("kg-close").addEventListener("click", function () { details.hidden = true; state.current = null; });

  /* --- search ----------------------------------------------------------------------------------------------- */

  function runSearch(text, zoom) {
    var q = fold(text);
    if (!q) {
      engine.select([]);
      found.textContent = "";
      return [];
    }
    var rank = function (n) { return (n.search.split(" | ").indexOf(q) !== -1 ? 0 : 2) + (n.event ? 1 : 0); };
    var hits = [];
    nodes.forEach(function (n, i) {
      if (visible[i] && n.search.indexOf(q) !== -1) {
        hits.push(i);
      }
    });
    hits.sort(function (a, b) { return rank(nodes[a]) - rank(nodes[b]) || a - b; });  /* exact names, entities first */
    engine.select(hits);
    found.textContent = hits.length + (hits.length === 1 ? " match" : " matches");
    if (hits.length && zoom) {
      var near = hits.slice();
      if (hits.length <= 20) {  /* show what the matches are linked to as well */
        hits.forEach(function (i) { near = near.concat(around[i].filter(function (o) { return visible[o]; })); });
      }
      engine.fit(near);
    }
    return hits;
  }

  /* #focus=NAME in the address selects the nodes so named and shows the first one's details. */
  function applyHash() {
    var match = /^#focus=(.+)$/.exec(window.location.hash);
    if (!match) {
      return;
    }
    var text;
    try {
      text = decodeURIComponent(match[1]);
    } catch (err) {
      found.textContent = "the address after #focus= is not valid percent-encoding";
      return;
    }
    search.value = text;
    var hits = runSearch(text, true);
    if (hits.length) {
      showDetails(hits[0]);
    }
  }

  search.addEventListener("input", function () { runSearch(search.value, false); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = runSearch(search.value, true);
      if (hits.length) {
        showDetails(hits[0]);
      }
    }
  });
  window.addEventListener("hashchange", applyHash);

  /* --- start ------------------------------------------------------------------------------------------------ */

  var resizing = null;
  window.addEventListener("resize", function () {  /* the timeline is drawn to its box's width */
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      timeline.build();
      timeline.showRange(state.range);
      apply();
      if (state.current !== null) {
        showDetails(state.current);
      }
    }, 150);
  });
  var t0 = performance.now();
  timeline.build();
  phases.timelineMs = Math.round(performance.now() - t0);
  function whenStable(timing) {
    status.phases = phases;
    phases.buildMs = timing.buildMs;
    stable = true;
    status.ms = Math.round(performance.now());
    status.layoutMs = timing.layoutMs;
    status.iterations = timing.iterations;
    apply();
    var focused = [];
    nodes.forEach(function (n, i) { if (n.focus) { focused.push(i); } });
    if (focused.length) {
      engine.select(focused);
      showDetails(focused[0]);
    }
    applyHash();
    report();
  }
  try {
    engine.start(whenStable);
  } catch (err) {  /* e.g. no WebGL here: say so instead of a blank page */
    status.error = String(err && err.message ? err.message : err);
    progress.textContent = "cannot draw the graph here (" + status.error + ")" +
      (data.engine === "sigma" ? "; write the page with kg view --engine vis" : "");
    statusBox.textContent = JSON.stringify(status);
  }
  window.kgApp = { status: status, state: state, apply: apply, setRange: setRange, showDetails: showDetails,
                   runSearch: runSearch, where: engine.where, visible: function () { return visible; } };
})();
