/*
 * Warren management console: the routing diagram. Exchanges in columns on the left (an exchange bound to another
 * sits one column right of its source), queues in the rightmost column, one curve per (source, destination) pair
 * labelled with its routing keys. Laid out by layers with a few barycentre sweeps to keep crossings down.
 */
'use strict';

(function (W) {
  const { s, h } = W.dom;
  const { fmt, ui } = W;

  const NODE_H = 28;
  const NODE_GAP = 10;
  const LABEL_H = 15;
  const CHAR_W = 6.6; // average width of a 12px sans-serif character
  const LABEL_CHAR_W = 6.0;
  const PAD = 12;
  const MAX_NAME = 30;
  const MAX_LABEL = 32;
  const ARROW_ROOM = 14;

  /**
   * Builds the diagram.
   * exchanges/queues: API objects of one vhost; bindings: API bindings of that vhost.
   * options: {focus: exchange name to highlight, vhost, testid}.
   * Returns an element (svg, or a note when there is nothing to draw).
   */
  function diagram(exchanges, queues, bindings, options = {}) {
    const graph = buildGraph(exchanges, queues, bindings);
    if (graph.nodes.length === 0) return h('p', { class: 'muted', testid: options.testid }, 'Nothing to draw.');
    assignColumns(graph);
    orderColumns(graph);
    const layout = place(graph);
    return render(graph, layout, options);
  }

  // ------------------------------------------------------------ graph

  function nodeId(type, name) {
    return (type === 'queue' ? 'q:' : 'e:') + name;
  }

  function buildGraph(exchanges, queues, bindings) {
    const nodes = new Map();
    for (const e of exchanges) {
      nodes.set(nodeId('exchange', e.name), { id: nodeId('exchange', e.name), type: 'exchange', name: e.name, obj: e });
    }
    for (const q of queues) {
      nodes.set(nodeId('queue', q.name), { id: nodeId('queue', q.name), type: 'queue', name: q.name, obj: q });
    }
    const edges = new Map();
    for (const b of bindings) {
      const from = nodeId('exchange', b.source);
      const to = nodeId(b.destination_type === 'exchange' ? 'exchange' : 'queue', b.destination);
      for (const [id, type, name] of [[from, 'exchange', b.source], [to, b.destination_type, b.destination]]) {
        if (!nodes.has(id)) nodes.set(id, { id, type: type === 'exchange' ? 'exchange' : 'queue', name, obj: null });
      }
      const key = from + '\u0000' + to;
      if (!edges.has(key)) edges.set(key, { from, to, bindings: [] });
      edges.get(key).bindings.push(b);
    }
    return { nodes: Array.from(nodes.values()), edges: Array.from(edges.values()), byId: nodes };
  }

  /** Exchanges: longest path from an exchange with no exchange source (capped against cycles); queues: last column. */
  function assignColumns(graph) {
    const exchanges = graph.nodes.filter((n) => n.type === 'exchange');
    const cap = Math.min(exchanges.length, 8);
    exchanges.forEach((n) => { n.col = 0; });
    const e2e = graph.edges.filter((e) => graph.byId.get(e.to).type === 'exchange' && e.from !== e.to);
    for (let round = 0; round < cap; round++) {
      let changed = false;
      for (const e of e2e) {
        const src = graph.byId.get(e.from);
        const dst = graph.byId.get(e.to);
        if (dst.col < src.col + 1 && src.col + 1 < cap) {
          dst.col = src.col + 1;
          changed = true;
        }
      }
      if (!changed) break;
    }
    const lastExchangeCol = exchanges.reduce((m, n) => Math.max(m, n.col), -1);
    graph.nodes.filter((n) => n.type === 'queue').forEach((n) => { n.col = lastExchangeCol + 1; });
    graph.columns = [];
    for (const n of graph.nodes) {
      (graph.columns[n.col] = graph.columns[n.col] || []).push(n);
    }
    graph.columns = graph.columns.filter((c) => c); // only queues: column 0 is empty
    graph.columns.forEach((column, i) => column.forEach((n) => { n.col = i; }));
  }

  /** Sorts by name, then sweeps right and left ordering each column by the mean position of its neighbours. */
  function orderColumns(graph) {
    graph.columns.forEach((column) => column.sort((a, b) => a.name.localeCompare(b.name)));
    const neighbours = new Map(graph.nodes.map((n) => [n.id, { in: [], out: [] }]));
    for (const e of graph.edges) {
      neighbours.get(e.to).in.push(e.from);
      neighbours.get(e.from).out.push(e.to);
    }
    const sweep = (indices, direction) => {
      for (const i of indices) {
        const pos = positions(graph);
        const column = graph.columns[i];
        const bary = new Map(column.map((n) => {
          const others = neighbours.get(n.id)[direction];
          const known = others.map((id) => pos.get(id)).filter((p) => p !== undefined);
          return [n.id, known.length ? known.reduce((a, b) => a + b, 0) / known.length : pos.get(n.id)];
        }));
        column.sort((a, b) => (bary.get(a.id) - bary.get(b.id)) || a.name.localeCompare(b.name));
      }
    };
    const forward = graph.columns.map((_, i) => i).slice(1);
    const backward = graph.columns.map((_, i) => i).reverse().slice(1);
    for (let round = 0; round < 3; round++) {
      sweep(forward, 'in');
      sweep(backward, 'out');
    }
    sweep(forward, 'in');
  }

  /** Relative position (0..1) of every node in its column. */
  function positions(graph) {
    const pos = new Map();
    for (const column of graph.columns) {
      column.forEach((n, i) => pos.set(n.id, column.length > 1 ? i / (column.length - 1) : 0.5));
    }
    return pos;
  }

  // ------------------------------------------------------------ geometry

  function place(graph) {
    const colWidths = graph.columns.map((column) => {
      const longest = column.reduce((m, n) => Math.max(m, displayName(n).length + (n.type === 'queue' ? 6 : 8)), 6);
      return Math.min(260, Math.max(110, Math.ceil(longest * CHAR_W) + 20));
    });
    const gapWidths = graph.columns.slice(1).map((_, i) => {
      const labels = graph.edges.filter((e) => graph.byId.get(e.to).col === i + 1).map(edgeLabel);
      const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
      return Math.min(320, Math.max(120, Math.ceil(longest * LABEL_CHAR_W) + 90));
    });
    const tallest = Math.max(...graph.columns.map((c) => c.length));
    const innerHeight = tallest * (NODE_H + NODE_GAP) - NODE_GAP;
    let x = PAD;
    graph.columns.forEach((column, i) => {
      const height = column.length * (NODE_H + NODE_GAP) - NODE_GAP;
      const top = PAD + (innerHeight - height) / 2;
      column.forEach((n, j) => {
        n.x = x;
        n.y = top + j * (NODE_H + NODE_GAP);
        n.w = colWidths[i];
      });
      x += colWidths[i] + (gapWidths[i] || 0);
    });
    const labels = placeLabels(graph);
    const labelBottom = labels.reduce((m, l) => Math.max(m, l.y + LABEL_H), 0);
    return {
      width: x + PAD,
      height: Math.max(PAD * 2 + innerHeight, labelBottom + PAD),
      labels,
    };
  }

  function displayName(node) {
    return node.type === 'exchange' ? fmt.exchange(node.name) : node.name;
  }

  function edgeLabel(edge) {
    const parts = edge.bindings.map((b) => {
      const args = b.arguments && Object.keys(b.arguments).length ? '[' + fmt.args(b.arguments) + ']' : '';
      return [b.routing_key, args].filter((p) => p).join(' ');
    }).filter((p) => p);
    return fmt.truncate(parts.join(', '), MAX_LABEL);
  }

  function edgeTitle(edge, graph) {
    const from = displayName(graph.byId.get(edge.from));
    const to = displayName(graph.byId.get(edge.to));
    const keys = edge.bindings.map((b) => {
      const args = b.arguments && Object.keys(b.arguments).length ? ' ' + fmt.args(b.arguments) : '';
      return '  routing key "' + b.routing_key + '"' + args;
    });
    return from + ' \u2192 ' + to + '\n' + keys.join('\n');
  }

  /** Endpoints and control points of an edge's cubic curve. */
  function curve(graph, edge) {
    const a = graph.byId.get(edge.from);
    const b = graph.byId.get(edge.to);
    const x1 = a.x + a.w;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    if (x2 <= x1) { // an exchange bound to itself or backwards (a cycle): loop around the right side
      const out = Math.max(x1, a.x + a.w) + 30;
      return { x1, y1, c1x: out, c1y: y1 - 10, c2x: out, c2y: y2 + 10, x2: b.x + b.w, y2, loop: true };
    }
    const mx = (x1 + x2) / 2;
    return { x1, y1, c1x: mx, c1y: y1, c2x: mx, c2y: y2, x2, y2 };
  }

  function pointAt(c, t) {
    const u = 1 - t;
    return {
      x: u * u * u * c.x1 + 3 * u * u * t * c.c1x + 3 * u * t * t * c.c2x + t * t * t * c.x2,
      y: u * u * u * c.y1 + 3 * u * u * t * c.c1y + 3 * u * t * t * c.c2y + t * t * t * c.y2,
    };
  }

  /** The curve's point at horizontal position x (bisection; x grows along the curve). */
  function pointAtX(c, x) {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (pointAt(c, mid).x < x) lo = mid; else hi = mid;
    }
    return pointAt(c, (lo + hi) / 2);
  }

  /**
   * One label per labelled edge, just left of the arrow head at the destination (where the edges of one column
   * arrive at distinct heights); labels before one column are pushed apart vertically so they never overlap (a
   * leader line then joins a moved label to its curve).
   */
  function placeLabels(graph) {
    const byGap = new Map();
    for (const edge of graph.edges) {
      const text = edgeLabel(edge);
      edge.curve = curve(graph, edge);
      if (!text) continue;
      const width = labelWidth(text);
      const dst = graph.byId.get(edge.to);
      const center = edge.curve.loop ? pointAt(edge.curve, 0.5).x : dst.x - ARROW_ROOM - width / 2;
      const anchor = edge.curve.loop ? pointAt(edge.curve, 0.5) : pointAtX(edge.curve, center);
      const label = { edge, text, width, x: center, anchorX: anchor.x, anchorY: anchor.y, y: anchor.y - LABEL_H / 2 };
      const gap = edge.curve.loop ? 'loop' : dst.col;
      if (!byGap.has(gap)) byGap.set(gap, []);
      byGap.get(gap).push(label);
    }
    const placed = [];
    for (const labels of byGap.values()) {
      spreadApart(labels);
      placed.push(...labels);
    }
    return placed;
  }

  /** Moves overlapping labels (sorted by y) apart symmetrically, then guarantees no overlap and a top margin. */
  function spreadApart(labels) {
    labels.sort((p, q) => p.y - q.y);
    for (let round = 0; round < 40; round++) {
      let moved = false;
      for (let i = 1; i < labels.length; i++) {
        const overlap = labels[i - 1].y + LABEL_H - labels[i].y;
        if (overlap > 0.5) {
          labels[i - 1].y -= overlap / 2;
          labels[i].y += overlap / 2;
          moved = true;
        }
      }
      if (!moved) break;
    }
    let floor = PAD / 2;
    for (const label of labels) {
      label.y = Math.max(label.y, floor);
      floor = label.y + LABEL_H;
    }
  }

  // ------------------------------------------------------------ drawing

  function render(graph, layout, options) {
    const svg = s('svg', {
      class: 'routing',
      width: Math.ceil(layout.width),
      height: Math.ceil(layout.height),
      viewBox: '0 0 ' + Math.ceil(layout.width) + ' ' + Math.ceil(layout.height),
      role: 'img',
      'aria-label': 'Routing diagram',
      testid: options.testid,
    },
    s('defs', null,
      arrowMarker('arrow-q', 'edge-q'),
      arrowMarker('arrow-e', 'edge-e')),
    s('g', { class: 'edges' }, graph.edges.map((edge) => drawEdge(graph, edge))),
    s('g', { class: 'labels' }, layout.labels.map(drawLabel)),
    s('g', { class: 'nodes' }, graph.nodes.map((node) => drawNode(node, options))));
    return svg;
  }

  function arrowMarker(id, cls) {
    return s('marker', { id, class: cls, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z' }));
  }

  function drawEdge(graph, edge) {
    const c = edge.curve;
    const toExchange = graph.byId.get(edge.to).type === 'exchange';
    const d = 'M' + c.x1 + ',' + c.y1 + ' C' + c.c1x + ',' + c.c1y + ' ' + c.c2x + ',' + c.c2y + ' ' + c.x2 + ',' + c.y2;
    return s('g', {
      class: 'edge ' + (toExchange ? 'edge-e' : 'edge-q'),
      'data-source': graph.byId.get(edge.from).name,
      'data-destination': graph.byId.get(edge.to).name,
    },
    s('title', null, edgeTitle(edge, graph)),
    s('path', { d, 'marker-end': 'url(#' + (toExchange ? 'arrow-e' : 'arrow-q') + ')' }),
    s('path', { d, class: 'edge-hit' }));
  }

  function labelWidth(text) {
    return text.length * LABEL_CHAR_W + 8;
  }

  function drawLabel(label) {
    const width = label.width;
    const cx = label.x;
    const cy = label.y + LABEL_H / 2;
    const moved = Math.abs(cy - label.anchorY) > 3;
    return s('g', { class: 'edge-label' },
      s('title', null, label.edge.bindings.map((b) => b.routing_key).join(', ')),
      moved ? s('line', { x1: label.anchorX, y1: label.anchorY, x2: cx, y2: cy, class: 'leader' }) : null,
      s('rect', { x: cx - width / 2, y: label.y + 1, width, height: LABEL_H - 2, rx: 3 }),
      s('text', { x: cx, y: cy + 4, 'text-anchor': 'middle' }, label.text));
  }

  function drawNode(node, options) {
    const name = displayName(node);
    const vhost = node.obj ? node.obj.vhost : options.vhost;
    const href = node.type === 'queue'
      ? ui.hash('queues', vhost, node.name)
      : ui.hash('exchanges', vhost, W.api.exchangePathName(node.name));
    const isFocus = node.type === 'exchange' && options.focus !== undefined && node.name === options.focus;
    const extra = node.type === 'queue'
      ? (node.obj && typeof node.obj.messages === 'number' ? fmt.num(node.obj.messages) : '')
      : (node.obj ? node.obj.type : '');
    const room = Math.floor((node.w - 16) / CHAR_W) - (extra ? String(extra).length + 1 : 0);
    const tooltip = (node.type === 'queue' ? 'queue ' : 'exchange ') + name +
      (node.type === 'queue' && extra !== '' ? ' (' + extra + ' messages)' : '') + (node.obj ? '' : ' (not listed)');
    return s('a', {
      href,
      class: 'node node-' + node.type + (isFocus ? ' focus' : '') + (node.obj ? '' : ' missing'),
      'data-node': node.type + ':' + node.name,
    },
    s('title', null, tooltip),
    s('rect', { x: node.x, y: node.y, width: node.w, height: NODE_H, rx: node.type === 'exchange' ? 12 : 3 }),
    s('text', { x: node.x + 8, y: node.y + NODE_H / 2 + 4, class: 'node-name' }, fmt.truncate(name, Math.max(6, Math.min(room, MAX_NAME)))),
    extra !== '' ? s('text', { x: node.x + node.w - 7, y: node.y + NODE_H / 2 + 4, 'text-anchor': 'end', class: 'node-extra' }, String(extra)) : null);
  }

  W.routing = { diagram };
}(window.Warren));
