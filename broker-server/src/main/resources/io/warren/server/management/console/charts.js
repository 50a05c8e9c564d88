/*
 * Warren management console: small live line charts (inline SVG) from the last samples.
 */
'use strict';

(function (W) {
  const { h, s } = W.dom;

  const WIDTH = 300;
  const HEIGHT = 70;
  const MIN_SPAN = 12;

  /** A fixed-length history of samples: push({key: number, ...}). */
  class SampleHistory {
    constructor(capacity = 60) {
      this.capacity = capacity;
      this.samples = [];
    }

    push(sample) {
      this.samples.push(sample);
      if (this.samples.length > this.capacity) this.samples.shift();
    }

    values(key) {
      return this.samples.map((sample) => (typeof sample[key] === 'number' ? sample[key] : 0));
    }
  }

  /**
   * A chart panel: series [{key, label, color}] drawn from the history, a legend with the latest values (formatted
   * with format), and the scale's maximum. Returns a new element each call (cheap: a few polylines).
   */
  function lineChart({ history, series, format, testid }) {
    const all = series.flatMap((sr) => history.values(sr.key));
    const max = niceMax(Math.max(0, ...all));
    const plot = s('svg', {
      class: 'chart',
      viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': series.map((sr) => sr.label).join(', '),
    },
    gridLines(),
    // Drawn last to first, so the first series (the legend's top line) lies on top where lines coincide.
    series.slice().reverse().map((sr) => polyline(history.values(sr.key), max, history.capacity, sr.color)));
    const legend = h('ul', { class: 'legend' }, series.map((sr) => {
      const values = history.values(sr.key);
      const latest = values.length ? values[values.length - 1] : null;
      return h('li', { 'data-series': sr.key },
        h('span', { class: 'swatch', style: 'background:' + sr.color }),
        h('span', { class: 'legend-label' }, sr.label),
        h('strong', { class: 'legend-value', 'data-field': sr.key }, latest === null ? '\u2013' : format(latest)));
    }));
    return h('div', { class: 'chart-panel', testid },
      h('div', { class: 'chart-box' },
        h('span', { class: 'chart-max' }, format(max)),
        plot,
        h('span', { class: 'chart-span' }, history.samples.length + ' samples')),
      legend);
  }

  function gridLines() {
    return [0.25, 0.5, 0.75].map((f) => s('line', {
      x1: 0, x2: WIDTH, y1: HEIGHT * f, y2: HEIGHT * f, class: 'chart-grid', 'vector-effect': 'non-scaling-stroke',
    }));
  }

  function polyline(values, max, capacity, color) {
    if (values.length === 0) return null;
    // At least MIN_SPAN samples wide, so a fresh chart is readable; the full history once it is that long.
    const step = WIDTH / Math.max(MIN_SPAN - 1, Math.min(capacity, values.length) - 1);
    const offset = WIDTH - step * (values.length - 1); // newest sample on the right edge
    const points = values.map((v, i) => {
      const x = offset + i * step;
      const y = HEIGHT - (max > 0 ? (v / max) * (HEIGHT - 2) : 0) - 1;
      return x.toFixed(1) + ',' + y.toFixed(1);
    });
    if (points.length === 1) points.unshift((WIDTH - step).toFixed(1) + ',' + points[0].split(',')[1]);
    return s('polyline', {
      points: points.join(' '),
      fill: 'none',
      stroke: color,
      'stroke-width': 2,
      'vector-effect': 'non-scaling-stroke',
      'stroke-linejoin': 'round',
    });
  }

  /** 1, 2, 5 × 10^n at or above value (at least 1). */
  function niceMax(value) {
    if (value <= 1) return 1;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 5, 10]) {
      if (m * magnitude >= value) return m * magnitude;
    }
    return 10 * magnitude;
  }

  W.charts = { SampleHistory, lineChart, niceMax };
}(window.Warren));
