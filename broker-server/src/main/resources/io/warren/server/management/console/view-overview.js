/*
 * Warren management console: the Overview view (totals, queued messages, message rates with live charts,
 * listeners, memory).
 */
'use strict';

(function (W) {
  const { h, replace, update } = W.dom;
  const { api, fmt, ui, charts } = W;

  /** Kept while the console is open, so coming back to the overview shows the recent past. */
  const history = new charts.SampleHistory(60);

  const QUEUED_SERIES = [
    { key: 'ready', label: 'Ready', color: '#c98b2b' },
    { key: 'unacked', label: 'Unacked', color: '#4c7fbf' },
    { key: 'total', label: 'Total', color: '#777' },
  ];

  const RATE_SERIES = [
    { key: 'publish', label: 'Publish', color: '#c98b2b' },
    { key: 'deliver_get', label: 'Deliver / get', color: '#3f9a5a' },
    { key: 'ack', label: 'Ack', color: '#4c7fbf' },
    { key: 'redeliver', label: 'Redeliver', color: '#c0504d' },
  ];

  const OverviewView = {
    nav: 'overview',
    title: 'Overview',
    el: {},

    mount(root) {
      this.el = {
        totals: h('div', { class: 'totals', testid: 'overview-totals' }),
        queued: h('div', { testid: 'overview-queued' }),
        rates: h('div', { testid: 'overview-rates' }),
        listeners: h('div', { testid: 'overview-listeners' }),
        node: h('div', { testid: 'overview-node' }),
      };
      root.append(
        h('h2', null, 'Overview'),
        this.el.totals,
        h('div', { class: 'columns' },
          h('section', { class: 'panel' }, h('h3', null, 'Queued messages'), this.el.queued),
          h('section', { class: 'panel' }, h('h3', null, 'Message rates'), this.el.rates)),
        h('div', { class: 'columns' },
          h('section', { class: 'panel' }, h('h3', null, 'Node'), this.el.node),
          h('section', { class: 'panel' }, h('h3', null, 'Listeners'), this.el.listeners)));
      if (history.samples.length) this.draw(this.last || {});
    },

    async refresh() {
      const overview = await api.get('/overview');
      W.session.overview = overview;
      const totals = overview.queue_totals || {};
      const stats = overview.message_stats || {};
      history.push({
        ready: totals.messages_ready || 0,
        unacked: totals.messages_unacknowledged || 0,
        total: totals.messages || 0,
        publish: fmt.rateOf(stats, 'publish') || 0,
        deliver_get: fmt.rateOf(stats, 'deliver_get') || 0,
        ack: fmt.rateOf(stats, 'ack') || 0,
        redeliver: fmt.rateOf(stats, 'redeliver') || 0,
      });
      this.last = overview;
      this.draw(overview);
    },

    draw(overview) {
      update(this.el.totals, overview.object_totals, () => this.totalCards(overview.object_totals || {}));
      replace(this.el.queued, charts.lineChart({ history, series: QUEUED_SERIES, format: fmt.num, testid: 'chart-queued' }));
      replace(this.el.rates, charts.lineChart({ history, series: RATE_SERIES, format: fmt.rate, testid: 'chart-rates' }));
      replace(this.el.node, this.nodePanel(overview));
      update(this.el.listeners, overview.listeners, () => this.listenersTable(overview.listeners || []));
    },

    totalCards(totals) {
      const cards = [
        ['Connections', 'connections', '#/connections'],
        ['Channels', 'channels', '#/connections'],
        ['Exchanges', 'exchanges', '#/exchanges'],
        ['Queues', 'queues', '#/queues'],
        ['Consumers', 'consumers', '#/queues'],
      ];
      return cards.map(([label, key, href]) => h('a', { class: 'card', href, 'data-total': key },
        h('span', { class: 'card-value', 'data-field': key }, fmt.num(totals[key] || 0)),
        h('span', { class: 'card-label' }, label)));
    },

    nodePanel(o) {
      const memory = o.memory || {};
      return [
        ui.props([
          ['Product', [o.product_name, o.product_version].filter((x) => x).join(' ')],
          ['Management', o.management_version],
          ['Node', o.node, 'node'],
          ['Cluster', o.cluster_name],
          ['Memory', this.memoryBar(memory)],
        ], 'overview-node-props'),
      ];
    },

    memoryBar(memory) {
      const used = memory.used;
      const limit = memory.limit;
      const fraction = typeof used === 'number' && typeof limit === 'number' && limit > 0 ? Math.min(1, used / limit) : null;
      const text = fmt.bytes(used) + (typeof limit === 'number' ? ' of ' + fmt.bytes(limit) + ' limit' : '');
      return h('div', { class: 'memory' + (memory.alarm ? ' alarm' : ''), testid: 'memory' },
        fraction === null ? null : h('div', { class: 'bar' }, h('div', { class: 'bar-fill', style: 'width:' + (fraction * 100).toFixed(1) + '%' })),
        h('span', null, text),
        memory.alarm ? h('strong', { class: 'alarm-text' }, ' memory alarm') : null);
    },

    listenersTable(listeners) {
      return ui.table([
        { title: 'Protocol', field: 'protocol' },
        { title: 'Bound to', field: 'ip_address' },
        { title: 'Port', field: 'port', num: true },
      ], listeners, { testid: 'listeners-table', empty: 'No listeners reported.' });
    },
  };

  W.views = W.views || {};
  W.views.overview = OverviewView;
}(window.Warren));
