/* kg view, WebGL engine: sigma.js over a graphology graph. Every node arrives with its place
 * (computed ahead in Python), so the page runs no layout: it builds the graph, draws it once and
 * is stable. Hidden and selected nodes go through sigma's reducers. Labels are drawn on a canvas
 * (never parsed); the panel and search are in view.js. */
window.kgEngine = function (data, container, hooks) {
  "use strict";
  var graph = null;
  var renderer = null;
  var visible = null;
  var selected = null;

  function nodeReducer(key, attrs) {
    var i = +key;
    if (visible && !visible[i]) {
      return Object.assign({}, attrs, { hidden: true, label: "" });
    }
    if (selected && selected[i]) {
      return Object.assign({}, attrs, { highlighted: true, zIndex: 2, forceLabel: true });
    }
    return attrs;
  }

  function edgeReducer(key, attrs) {
    var e = data.edges[attrs.kg];
    if (visible && !(visible[e.from] && visible[e.to])) {
      return Object.assign({}, attrs, { hidden: true });
    }
    return attrs;
  }

  return {
    name: "sigma",
    start: function (onStable) {
      var t0 = performance.now();
      graph = new graphology.Graph({ type: "directed", multi: true, allowSelfLoops: true });
      data.nodes.forEach(function (n) {
        graph.addNode(String(n.id), { x: n.x, y: n.y, size: n.size, color: n.color, label: n.label });
      });
      data.edges.forEach(function (e, i) {
        graph.addDirectedEdgeWithKey("e" + i, String(e.from), String(e.to), { color: e.color, size: 1, kg: i });
      });
      var big = data.nodes.length > 5000;
      renderer = new Sigma(graph, container, {
        allowInvalidContainer: true, renderEdgeLabels: false, hideEdgesOnMove: big, hideLabelsOnMove: big,
        labelRenderedSizeThreshold: big ? 6 : 0, labelDensity: big ? 0.5 : 1, zIndex: true, defaultEdgeType: "line",
        nodeReducer: nodeReducer, edgeReducer: edgeReducer
      });
      window.kgView = { renderer: renderer, graph: graph };
      renderer.on("clickNode", function (e) {
        hooks.click(+e.node);
      });
      renderer.on("clickStage", function () {
        hooks.click(null);
      });
      var buildMs = Math.round(performance.now() - t0);
      /* the second frame after the first drawing: what is on screen is the whole graph */
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          onStable({ layoutMs: 0, iterations: 0, buildMs: buildMs });
        });
      });
    },
    counts: function () {
      var drawn = 0;
      graph.forEachNode(function (key) {
        var d = renderer.getNodeDisplayData(key);
        if (d && !d.hidden) {
          drawn += 1;
        }
      });
      return { nodes: graph.order, edges: graph.size, drawnNodes: drawn };
    },
    setVisible: function (v) {
      visible = v;
      renderer.refresh();
    },
    select: function (ids) {
      selected = null;
      if (ids.length) {
        selected = new Uint8Array(data.nodes.length);
        ids.forEach(function (id) { selected[id] = 1; });
      }
      renderer.refresh();
    },
    fit: function (ids) {
      var box = null;
      ids.forEach(function (id) {
        var d = renderer.getNodeDisplayData(String(id));
        if (d) {
          box = box ? [Math.min(box[0], d.x), Math.min(box[1], d.y), Math.max(box[2], d.x), Math.max(box[3], d.y)]
                    : [d.x, d.y, d.x, d.y];
        }
      });
      if (box) {
        var ratio = Math.min(1.2, Math.max(0.03, 1.4 * Math.max(box[2] - box[0], box[3] - box[1])));
        renderer.getCamera().setState({ x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2, ratio: ratio });
      }
    },
    where: function (id) {  /* the node's place in the window, in CSS pixels */
      var p = renderer.graphToViewport(graph.getNodeAttributes(String(id)));
      var box = container.getBoundingClientRect();
      return [p.x + box.left, p.y + box.top];
    }
  };
};
