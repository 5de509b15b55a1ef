/* kg view, vis-network engine: draws #kg-data's nodes and edges (as pyvis assembled them) and lays
 * them out in the page with bounded Barnes-Hut physics, then switches physics off. The page script
 * (view.js) calls window.kgEngine(data, container, hooks) and drives filters, search and the panel
 * through the object returned. Tooltips are tables built from text nodes (hooks.rowsTable). */
window.kgEngine = function (data, container, hooks) {
  "use strict";
  data.nodes.forEach(function (node) {
    node.title = hooks.rowsTable(node.tip);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = null;

  return {
    name: "vis",
    start: function (onStable) {
      var layoutStart = performance.now();
      var iterations = 0;
      var done = false;
      network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
      window.kgView = { network: network, nodes: nodes, edges: edges };
      function finish() {
        if (done) {
          return;
        }
        done = true;
        network.setOptions({ physics: { enabled: false } });
        var layoutMs = Math.round(performance.now() - layoutStart);
        network.once("afterDrawing", function () {
          onStable({ layoutMs: layoutMs, iterations: iterations });
        });
        network.redraw();
      }
      network.on("stabilizationProgress", function (p) {
        iterations = p.iterations;
        hooks.progress("laying out… " + Math.round((100 * p.iterations) / p.total) + " %");
        if (performance.now() - layoutStart > data.layoutBudgetMs) {
          network.stopSimulation();  /* slow machine: keep the layout reached so far */
        }
      });
      network.once("stabilizationIterationsDone", finish);
      if (data.nodes.length === 0) {
        finish();
      }
      network.on("click", function (p) {
        hooks.click(p.nodes.length ? p.nodes[0] : null);
      });
    },
    counts: function () {
      return { nodes: network.body.data.nodes.length, edges: network.body.data.edges.length,
               drawnNodes: network.body.nodeIndices.length };
    },
    setVisible: function (visible) {
      var changes = [];
      nodes.forEach(function (n) {
        var hidden = !visible[n.id];
        if (Boolean(n.hidden) !== hidden) {
          changes.push({ id: n.id, hidden: hidden });
        }
      });
      if (changes.length) {
        nodes.update(changes);
      }
    },
    select: function (ids) {
      network.selectNodes(ids);
    },
    fit: function (ids) {
      network.fit({ nodes: ids, animation: false });
    },
    where: function (id) {  /* the node's place in the window, in CSS pixels */
      var p = network.canvasToDOM(network.getPosition(id));
      var box = container.getBoundingClientRect();
      return [p.x + box.left, p.y + box.top];
    }
  };
};
