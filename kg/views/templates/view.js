/* kg view page: filters, search, timeline and provenance panel over either engine.
 *
 * #kg-data holds the nodes and edges (plus the sentences and documents the panel quotes); the
 * engine script before this one defines window.kgEngine (vis-network or sigma.js). Text from the
 * graph is only ever assigned with textContent or as DOM text nodes, never parsed as HTML.
 *
 * When the drawing is stable, #kg-status holds JSON: {engine, nodes, edges (in the engine's data),
 * drawnNodes, shownNodes, shownEdges, ms (performance.now() at the first stable drawing), layoutMs,
 * iterations, timelineEvents}; it is rewritten after each filter change. Tests and benchmarks read it.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;
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
  var marks = Object.create(null);  /* node id → its timeline mark */

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

  function isoDay(days) {
    return new Date(days * DAY_MS).toISOString().slice(0, 10);
  }

  function dayOf(iso) {
    var t = Date.parse(iso + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

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
    Object.keys(marks).forEach(function (id) {
      marks[id].classList.toggle("kg-off", !visible[id]);
    });
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
    drawBrush();
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
    Object.keys(marks).forEach(function (k) { marks[k].classList.toggle("kg-selected", +k === id); });
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

  /* --- the timeline ----------------------------------------------------------------------------------------- */

  var axis = null;  /* {lo, hi, left, width}: days ↔ pixels */
  var brush = null;

  function xOf(days) {
    return axis.left + ((days - axis.lo) / (axis.hi - axis.lo)) * axis.width;
  }

  function daysOf(x) {
    return axis.lo + ((x - axis.left) / axis.width) * (axis.hi - axis.lo);
  }

  function svgElement(name, attrs) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  function ticks(lo, hi) {
    var out = [];
    var first = new Date(lo * DAY_MS), span = hi - lo;
    var year = first.getUTCFullYear(), month = first.getUTCMonth();
    var step = span > 3 * 366 ? 12 * Math.ceil(span / 366 / 8) : span > 60 ? Math.max(1, Math.ceil(span / 30 / 10)) : 0;
    if (step === 0) {  /* days */
      var every = Math.max(1, Math.ceil(span / 10));
      for (var d = Math.ceil(lo); d <= hi; d += every) {
        out.push([d, isoDay(d)]);
      }
      return out;
    }
    for (var m = month; ; m += step) {
      var t = Date.UTC(year, m, 1) / DAY_MS;
      if (t > hi) {
        break;
      }
      if (t >= lo) {
        out.push([t, isoDay(t).slice(0, step >= 12 ? 4 : 7)]);
      }
    }
    return out;
  }

  function drawBrush() {
    if (!axis) {
      return;
    }
    if (state.range === null) {
      brush.setAttribute("width", 0);
      return;
    }
    var a = Math.max(axis.left, xOf(state.range[0])), b = Math.min(axis.left + axis.width, xOf(state.range[1] + 1));
    brush.setAttribute("x", a);
    brush.setAttribute("width", Math.max(0, b - a));
  }

  function buildTimeline() {
    var box = $("kg-timeline");
    var dated = [];
    nodes.forEach(function (n, i) { if (n.when) { dated.push(i); } });
    if (!dated.length) {
      box.textContent = "no dated event";
      return;
    }
    var lo = Infinity, hi = -Infinity;
    dated.forEach(function (i) { lo = Math.min(lo, nodes[i].when[0]); hi = Math.max(hi, nodes[i].when[1] + 1); });
    var pad = Math.max(1, (hi - lo) * 0.02);
    var width = Math.max(300, box.clientWidth || 900), height = Math.max(60, box.clientHeight || 96);
    axis = { lo: lo - pad, hi: hi + pad, left: 6, width: width - 12 };
    var classes = [];
    dated.forEach(function (i) { if (classes.indexOf(nodes[i].cls) === -1) { classes.push(nodes[i].cls); } });
    classes.sort();
    var rowH = Math.max(4, Math.min(12, (height - 18) / classes.length));
    var svg = svgElement("svg", { width: width, height: height, role: "img" });
    ticks(axis.lo, axis.hi).forEach(function (t) {
      var label = svgElement("text", { x: xOf(t[0]) + 2, y: height - 3, "class": "kg-tl-axis" });
      label.textContent = t[1];
      svg.appendChild(svgElement("line", { x1: xOf(t[0]), x2: xOf(t[0]), y1: 0, y2: height - 12, stroke: "#eee" }));
      svg.appendChild(label);
    });
    dated.forEach(function (i) {
      var n = nodes[i];
      var x0 = xOf(n.when[0]), x1 = xOf(n.when[1] + 1);
      var colour = data.colours[n.cls] || "#999999";
      var mark = svgElement("rect", {
        x: x0, width: Math.max(3, x1 - x0), y: 2 + classes.indexOf(n.cls) * rowH, height: Math.max(3, rowH - 3),
        fill: colour, stroke: colour, "data-kg-timeline-event": i, "data-kg-date-kind": n.when[2],
        "class": "kg-tl-mark" + (n.hedged ? " kg-hedged" : "") + (n.when[2] === "no-year" ? " kg-no-year" : "")
          + (n.when[2] !== "date" ? " kg-partial" : "")
      });
      var title = svgElement("title", {});
      title.textContent = n.when[3] + " · " + n.tip[0][1] + (n.hedged ? " · " + n.mod : "");
      mark.appendChild(title);
      marks[i] = mark;
      svg.appendChild(mark);
    });
    brush = svgElement("rect", { x: 0, width: 0, y: 0, height: height - 12, "class": "kg-tl-brush" });
    svg.appendChild(brush);
    box.replaceChildren(svg);

    var start = null;
    function localX(ev) {
      return ev.clientX - svg.getBoundingClientRect().left;
    }
    svg.addEventListener("pointerdown", function (ev) {
      start = { x: localX(ev), target: ev.target };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (start !== null && Math.abs(localX(ev) - start.x) >= 3) {
        var a = Math.min(start.x, localX(ev)), b = Math.max(start.x, localX(ev));
        brush.setAttribute("x", a);
        brush.setAttribute("width", b - a);
      }
    });
    svg.addEventListener("pointerup", function (ev) {
      if (start === null) {
        return;
      }
      var x = localX(ev), began = start;
      start = null;
      if (Math.abs(x - began.x) < 3) {  /* a click: on a mark, that event's details */
        var id = began.target.getAttribute && began.target.getAttribute("data-kg-timeline-event");
        if (id !== null && id !== undefined) {
          engine.select([+id]);
          showDetails(+id);
        }
        return;
      }
      setRange(Math.floor(daysOf(Math.min(x, began.x))), Math.floor(daysOf(Math.max(x, began.x))));
    });
  }

  /* --- start ------------------------------------------------------------------------------------------------ */

  var resizing = null;
  window.addEventListener("resize", function () {  /* the timeline is drawn to its box's width */
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      marks = Object.create(null);
      buildTimeline();
      drawBrush();
      apply();
      if (state.current !== null) {
        showDetails(state.current);
      }
    }, 150);
  });
  var t0 = performance.now();
  buildTimeline();
  phases.timelineMs = Math.round(performance.now() - t0);
  engine.start(function (timing) {
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
  });
  window.kgApp = { status: status, state: state, apply: apply, setRange: setRange, showDetails: showDetails,
                   runSearch: runSearch, where: engine.where, visible: function () { return visible; } };
})();
