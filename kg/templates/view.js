/* kg view: draws the graph held as JSON in #kg-data with vis-network.
 *
 * Text from the graph is only ever assigned with textContent, never parsed as
 * HTML. When the layout is done, physics is switched off and #kg-status holds
 * JSON: {nodes, edges, shownNodes, shownEdges, ms (from the start of loading
 * to the first drawing after layout), layoutMs, iterations}; tests and
 * benchmarks read it.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var search = document.getElementById("kg-search");
  var found = document.getElementById("kg-found");
  var progress = document.getElementById("kg-progress");
  var details = document.getElementById("kg-details");
  var detailsBody = document.getElementById("kg-details-body");
  var statusBox = document.getElementById("kg-status");
  var hiddenClasses = Object.create(null);
  var status = { nodes: 0, edges: 0, shownNodes: 0, shownEdges: 0, ms: null, layoutMs: null, iterations: 0 };

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
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

  data.nodes.forEach(function (node) {
    node.title = rowsTable(node.tip);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var layoutStart = performance.now();
  var network = new vis.Network(document.getElementById("kg-network"), { nodes: nodes, edges: edges }, data.options);
  window.kgView = { network: network, nodes: nodes, edges: edges, status: status };

  function shownIds() {
    return nodes.getIds({ filter: function (n) { return !n.hidden; } });
  }

  function report() {
    var shown = {};
    shownIds().forEach(function (id) { shown[id] = true; });
    status.nodes = network.body.data.nodes.length;
    status.edges = network.body.data.edges.length;
    status.shownNodes = Object.keys(shown).length;
    status.shownEdges = edges.get({ filter: function (e) { return shown[e.from] && shown[e.to]; } }).length;
    statusBox.textContent = JSON.stringify(status);
    progress.textContent = status.shownNodes + " nodes, " + status.shownEdges + " edges";
  }

  function showDetails(id) {
    var node = nodes.get(id);
    if (node === null) {
      details.hidden = true;
      return;
    }
    detailsBody.replaceChildren(rowsTable(node.tip));
    details.hidden = false;
  }

  function runSearch(text, zoom) {
    var q = fold(text);
    if (!q) {
      network.unselectAll();
      found.textContent = "";
      return [];
    }
    var rank = function (n) { return (n.search.split(" | ").indexOf(q) !== -1 ? 0 : 2) + (n.event ? 1 : 0); };
    var hits = nodes.get({ filter: function (n) { return !n.hidden && n.search.indexOf(q) !== -1; } });
    hits.sort(function (a, b) { return rank(a) - rank(b); });  /* exact names, then entities, first */
    var ids = hits.map(function (n) { return n.id; });
    network.selectNodes(ids);
    found.textContent = ids.length + (ids.length === 1 ? " match" : " matches");
    if (ids.length && zoom) {
      var around = ids.slice();
      if (ids.length <= 20) {  /* show what the matches are linked to as well */
        ids.forEach(function (id) { around = around.concat(network.getConnectedNodes(id)); });
      }
      network.fit({ nodes: around, animation: false });
    }
    return ids;
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
    var ids = runSearch(text, true);
    if (ids.length) {
      showDetails(ids[0]);
    }
  }

  function finish() {
    network.setOptions({ physics: { enabled: false } });
    status.layoutMs = Math.round(performance.now() - layoutStart);
    var focused = nodes.getIds({ filter: function (n) { return n.focus === true; } });
    if (focused.length) {
      network.selectNodes(focused);
      showDetails(focused[0]);
    }
    applyHash();
    network.once("afterDrawing", function () {
      status.ms = Math.round(performance.now());
      report();
    });
    network.redraw();
  }

  network.on("stabilizationProgress", function (p) {
    status.iterations = p.iterations;
    progress.textContent = "laying out… " + Math.round((100 * p.iterations) / p.total) + " %";
    if (performance.now() - layoutStart > data.layoutBudgetMs) {
      network.stopSimulation();  /* slow machine: keep the layout reached so far */
    }
  });
  network.once("stabilizationIterationsDone", finish);
  if (data.nodes.length === 0) {
    finish();
  }

  network.on("click", function (p) {
    if (p.nodes.length) {
      showDetails(p.nodes[0]);
    } else {
      details.hidden = true;
    }
  });
  search.addEventListener("input", function () {
    runSearch(search.value, false);
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var ids = runSearch(search.value, true);
      if (ids.length) {
        showDetails(ids[0]);
      }
    }
  });
  window.addEventListener("hashchange", applyHash);

  document.querySelectorAll("#kg-legend input[data-cls]").forEach(function (box) {
    box.addEventListener("change", function () {
      var cls = box.getAttribute("data-cls");
      hiddenClasses[cls] = !box.checked;
      nodes.update(nodes.get({ filter: function (n) { return n.cls === cls; } }).map(function (n) {
        return { id: n.id, hidden: !box.checked };
      }));
      report();
    });
  });
})();
