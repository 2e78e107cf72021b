// The actor network of /network, drawn as SVG with a small force layout (no library).
// Reads the page's embedded JSON (the same records as /network.json); deterministic.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 1000, H = 640, PAD = 30, LABEL = 110;
  var COLOURS = { person: "#0b5cad", state: "#c0392b", organisation: "#1f7a35", group: "#8e44ad", place: "#9a6a00" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  // Fruchterman-Reingold: nodes repel, edges pull, the step cools; start on a circle.
  // Scale and centre the drawing into the box, leaving room on the right for labels.
  function fit(pos) {
    var xs = pos.map(function (p) { return p.x; }), ys = pos.map(function (p) { return p.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var room = { w: W - 2 * PAD - LABEL, h: H - 2 * PAD };
    var s = Math.min(room.w / Math.max(x1 - x0, 1), room.h / Math.max(y1 - y0, 1), 1.5);
    var ox = PAD + (room.w - (x1 - x0) * s) / 2, oy = PAD + (room.h - (y1 - y0) * s) / 2;
    return pos.map(function (p) { return { x: ox + (p.x - x0) * s, y: oy + (p.y - y0) * s }; });
  }

  // Push overlapping circles apart (the layout ignores node sizes), staying in the box.
  function separate(pos, radii) {
    for (var round = 0; round < 60; round++) {
      var moved = false;
      for (var i = 0; i < pos.length; i++) {
        for (var j = i + 1; j < pos.length; j++) {
          var x = pos[j].x - pos[i].x, y = pos[j].y - pos[i].y;
          var d = Math.sqrt(x * x + y * y), need = radii[i] + radii[j] + 4;
          if (d >= need) continue;
          if (d < 0.01) { x = 1; y = 0; d = 1; }
          var push = (need - d) / 2;
          pos[i].x -= (x / d) * push; pos[i].y -= (y / d) * push;
          pos[j].x += (x / d) * push; pos[j].y += (y / d) * push;
          moved = true;
        }
      }
      pos.forEach(function (p) {
        p.x = Math.min(W - PAD, Math.max(PAD, p.x)); p.y = Math.min(H - PAD, Math.max(PAD, p.y));
      });
      if (!moved) break;
    }
    return pos;
  }

  function layout(nodes, edges) {
    var n = nodes.length, k = Math.min(Math.sqrt((W * H) / Math.max(n, 1)) * 0.5, 140);
    var pos = nodes.map(function (_, i) {
      var a = (2 * Math.PI * i) / Math.max(n, 1);
      return { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a) };
    });
    var index = {};
    nodes.forEach(function (node, i) { index[node.id] = i; });
    var links = edges.map(function (e) { return [index[e.source], index[e.target]]; });
    var t = W / 10;
    for (var step = 0; step < 300; step++) {
      var dx = new Float64Array(n), dy = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var x = pos[i].x - pos[j].x, y = pos[i].y - pos[j].y;
          var d = Math.max(Math.sqrt(x * x + y * y), 0.01), f = (k * k) / d;
          dx[i] += (x / d) * f; dy[i] += (y / d) * f; dx[j] -= (x / d) * f; dy[j] -= (y / d) * f;
        }
      }
      links.forEach(function (l) {
        var a = l[0], b = l[1];
        var x = pos[a].x - pos[b].x, y = pos[a].y - pos[b].y;
        var d = Math.max(Math.sqrt(x * x + y * y), 0.01), f = (d * d) / k;
        dx[a] -= (x / d) * f; dy[a] -= (y / d) * f; dx[b] += (x / d) * f; dy[b] += (y / d) * f;
      });
      for (var m = 0; m < n; m++) {
        // a weak pull to the centre keeps unconnected parts on the canvas
        dx[m] += (W / 2 - pos[m].x) * 1.5; dy[m] += (H / 2 - pos[m].y) * 1.5;
        var len = Math.max(Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]), 0.01), s = Math.min(len, t);
        pos[m].x = Math.min(W - PAD, Math.max(PAD, pos[m].x + (dx[m] / len) * s));
        pos[m].y = Math.min(H - PAD, Math.max(PAD, pos[m].y + (dy[m] / len) * s));
      }
      t = Math.max(t * 0.985, 0.5);
    }
    return fit(pos);
  }

  function draw(svg, data) {
    var nodes = data.nodes, edges = data.edges;
    if (!nodes.length) {
      el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", "class": "empty" }, svg).textContent = "No event links two actors yet.";
      svg.setAttribute("data-nodes", "0");
      return;
    }
    var index = {};
    nodes.forEach(function (node, i) { index[node.id] = i; });
    var most = Math.max.apply(null, nodes.map(function (d) { return d.n_events; }));
    function radius(d) { return 5 + 14 * Math.sqrt(d.n_events / most); }
    var pos = separate(layout(nodes, edges), nodes.map(radius));
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8a96a3" }, marker);
    var edgeLayer = el("g", { "class": "edges" }, svg), nodeLayer = el("g", { "class": "nodes" }, svg);
    edges.forEach(function (e) {
      var a = pos[index[e.source]], b = pos[index[e.target]];
      var x = b.x - a.x, y = b.y - a.y, d = Math.max(Math.sqrt(x * x + y * y), 0.01);
      var rb = radius(nodes[index[e.target]]) + 2;  // stop the arrow at the target's rim
      var line = el("line", { "class": "edge", x1: a.x, y1: a.y, x2: b.x - (x / d) * rb, y2: b.y - (y / d) * rb,
        "stroke-width": Math.min(1 + e.n_events, 8), "marker-end": "url(#arrow)",
        "data-source": e.source, "data-target": e.target }, edgeLayer);
      el("title", {}, line).textContent = nodes[index[e.source]].name + " → " + nodes[index[e.target]].name + ": " +
        e.types.map(function (t) { return t.type + " " + t.n_events; }).join(", ");
    });
    nodes.forEach(function (d, i) {
      var link = el("a", { href: "/actor/" + encodeURIComponent(d.id).replace(/%3A/g, ":"), "class": "node", "data-id": d.id }, nodeLayer);
      el("circle", { cx: pos[i].x, cy: pos[i].y, r: radius(d), fill: COLOURS[d.kind] || "#555" }, link);
      var label = el("text", { x: pos[i].x + radius(d) + 3, y: pos[i].y + 4 }, link);
      label.textContent = d.name;
      el("title", {}, link).textContent = d.name + (d.country ? " (" + d.country + ")" : "") + ": " + d.n_events + " events";
    });
    svg.setAttribute("data-nodes", String(nodes.length));
    svg.setAttribute("data-edges", String(edges.length));
  }

  var svg = document.getElementById("network"), source = document.getElementById("network-data");
  if (svg && source) draw(svg, JSON.parse(source.textContent));
})();
