/* kg view timeline: one SVG mark per dated event, under the graph (window.kgTimeline).
 *
 * Each mark carries data-kg-timeline-event (the node's index) and data-kg-date-kind (date, month,
 * year or no-year). A month or a year without a day is a bar over that span; a day without a year
 * (placed in a year by Python, which says so in the label) has a dotted outline; a reported or
 * hypothetical event is hollow. Dragging across the timeline calls hooks.brushed(firstDay, lastDay)
 * (days since 1970-01-01); a click on a mark calls hooks.picked(node), hovering one
 * hooks.hovered(its label) (one label line, not a <title> per mark: 50,000 marks stay light).
 * Labels are attribute values and textContent, never markup. window.kgDays converts days to and from ISO dates.
 */
window.kgDays = {
  iso: function (days) {
    return new Date(days * 86400000).toISOString().slice(0, 10);
  },
  parse: function (iso) {
    var t = Date.parse(iso + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / 86400000);
  }
};

window.kgTimeline = function (box, nodes, colours, hooks) {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;
  var isoDay = window.kgDays.iso;
  var marks = Object.create(null);  /* node index → its mark */
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

  function showRange(range) {
    if (!axis) {
      return;
    }
    if (range === null) {
      brush.setAttribute("width", 0);
      return;
    }
    var a = Math.max(axis.left, xOf(range[0])), b = Math.min(axis.left + axis.width, xOf(range[1] + 1));
    brush.setAttribute("x", a);
    brush.setAttribute("width", Math.max(0, b - a));
  }

  function build() {
    marks = Object.create(null);
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
      var colour = colours[n.cls] || "#999999";
      var mark = svgElement("rect", {
        x: x0, width: Math.max(3, x1 - x0), y: 2 + classes.indexOf(n.cls) * rowH, height: Math.max(3, rowH - 3),
        fill: colour, stroke: colour, "data-kg-timeline-event": i, "data-kg-date-kind": n.when[2],
        "class": "kg-tl-mark" + (n.hedged ? " kg-hedged" : "") + (n.when[2] === "no-year" ? " kg-no-year" : "")
          + (n.when[2] !== "date" ? " kg-partial" : "")
      });
      mark.setAttribute("aria-label", n.when[3] + " · " + n.tip[0][1] + (n.hedged ? " · " + n.mod : ""));
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
      var label = ev.target.getAttribute && ev.target.getAttribute("aria-label");
      hooks.hovered(start === null && ev.target !== svg && label ? label : null);
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
          hooks.picked(+id);
        }
        return;
      }
      hooks.brushed(Math.floor(daysOf(Math.min(x, began.x))), Math.floor(daysOf(Math.max(x, began.x))));
    });
  }

  return {
    build: build,
    showRange: showRange,
    dim: function (visible) {  /* marks of events not shown are faded */
      Object.keys(marks).forEach(function (id) { marks[id].classList.toggle("kg-off", !visible[id]); });
    },
    select: function (id) {
      Object.keys(marks).forEach(function (k) { marks[k].classList.toggle("kg-selected", +k === id); });
    }
  };
};
