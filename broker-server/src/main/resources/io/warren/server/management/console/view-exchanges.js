/*
 * Warren management console: the Exchanges list (with add form), one exchange's page (properties, bindings both
 * ways, its routing picture, publish, bind, delete) and the Routing view (a whole vhost's picture).
 */
'use strict';

(function (W) {
  const { h, replace, update } = W.dom;
  const { api, fmt, ui } = W;

  const TYPES = ['direct', 'fanout', 'topic', 'headers'];

  // ================================================================ exchange list

  const ExchangesView = {
    nav: 'exchanges',
    title: 'Exchanges',
    sort: { key: 'name', desc: false },
    el: {},
    rows: [],

    mount(root) {
      this.lastVhostFilter = undefined;
      const filter = h('input', {
        type: 'search', id: 'exchange-filter', testid: 'exchange-filter', placeholder: 'Filter by name',
        'aria-label': 'Filter exchanges', oninput: () => this.draw(),
      });
      this.el = { filter, count: h('span', { class: 'muted', testid: 'exchange-count' }), table: h('div', { class: 'table-wrap' }) };
      root.append(
        h('div', { class: 'view-head' }, h('h2', null, 'Exchanges'), h('div', { class: 'filter' }, filter, this.el.count)),
        this.el.table,
        this.addForm());
    },

    async refresh() {
      const vhost = W.session.vhostFilter;
      this.rows = (await api.get(vhost ? api.path('exchanges', vhost) : '/exchanges')) || [];
      this.draw();
      W.syncVhostDefault(this.el.vhostSelect, this);
    },

    draw() {
      const text = this.el.filter.value.trim().toLowerCase();
      const shown = text ? this.rows.filter((e) => fmt.exchange(e.name).toLowerCase().includes(text)) : this.rows;
      this.el.count.textContent = shown.length === this.rows.length
        ? this.rows.length + ' exchanges' : shown.length + ' of ' + this.rows.length + ' exchanges';
      update(this.el.table, [shown, this.sort, this.rows.length], () => ui.table(EXCHANGE_COLUMNS, shown, {
        testid: 'exchanges-table',
        id: 'exchanges-table',
        sortState: this.sort,
        onSort: () => this.draw(),
        rowAttrs: (e) => ({ 'data-exchange': e.vhost + '/' + e.name, testid: 'exchange-row' }),
        empty: this.rows.length ? 'No exchange matches the filter.' : 'No exchanges.',
      }));
    },

    addForm() {
      const vhostSelect = h('select', { name: 'vhost', testid: 'exchange-add-vhost' });
      const name = h('input', { name: 'name', required: true, testid: 'exchange-add-name', autocomplete: 'off' });
      const type = h('select', { name: 'type', testid: 'exchange-add-type' }, TYPES.map((t) => h('option', { value: t }, t)));
      const durable = h('select', { name: 'durable', testid: 'exchange-add-durable' },
        h('option', { value: 'true' }, 'Durable'), h('option', { value: 'false' }, 'Transient'));
      const autoDelete = h('select', { name: 'auto_delete', testid: 'exchange-add-auto-delete' },
        h('option', { value: 'false' }, 'No'), h('option', { value: 'true' }, 'Yes'));
      const internal = h('select', { name: 'internal', testid: 'exchange-add-internal' },
        h('option', { value: 'false' }, 'No'), h('option', { value: 'true' }, 'Yes'));
      const args = ui.kvEditor('exchange-add-arguments', ui.EXCHANGE_ARGS);
      const status = h('p', { class: 'flash', hidden: true, role: 'status', testid: 'exchange-add-status' });
      this.el.vhostSelect = vhostSelect;
      const form = h('form', { class: 'form', id: 'exchange-add-form', testid: 'exchange-add-form' },
        ui.field('Virtual host', vhostSelect), ui.field('Name', name), ui.field('Type', type),
        ui.field('Durability', durable), ui.field('Auto delete', autoDelete), ui.field('Internal', internal),
        ui.field('Arguments', args.el),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary', testid: 'exchange-add-submit' }, 'Add exchange')),
        status);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        ui.run(async () => {
          const body = {
            type: type.value,
            durable: durable.value === 'true',
            auto_delete: autoDelete.value === 'true',
            internal: internal.value === 'true',
            arguments: args.value(),
          };
          await api.put(api.path('exchanges', vhostSelect.value, name.value), body);
          ui.flash(status, 'Exchange "' + name.value + '" declared in vhost "' + vhostSelect.value + '".');
          name.value = '';
          args.clear();
          W.app.refreshSoon();
        }, status);
      });
      return ui.section('Add a new exchange', 'exchange-add', form);
    },
  };

  const EXCHANGE_COLUMNS = [
    { title: 'Virtual host', field: 'vhost', cls: 'vhost' },
    {
      title: 'Name', field: 'name', cls: 'name',
      render: (e) => ui.link(fmt.exchange(e.name), ui.hash('exchanges', e.vhost, api.exchangePathName(e.name)), { testid: 'exchange-link' }),
    },
    { title: 'Type', field: 'type' },
    { title: 'Features', field: 'features', sortable: false, render: (e) => ui.features(e) },
    {
      title: 'Rate in', field: 'rate_in', num: true, titleHint: 'messages published in per second',
      sort: (e) => fmt.rateOf(e.message_stats, 'publish_in') || 0,
      render: (e) => fmt.rate(fmt.rateOf(e.message_stats, 'publish_in')),
    },
    {
      title: 'Rate out', field: 'rate_out', num: true, titleHint: 'messages routed out per second',
      sort: (e) => fmt.rateOf(e.message_stats, 'publish_out') || 0,
      render: (e) => fmt.rate(fmt.rateOf(e.message_stats, 'publish_out')),
    },
  ];

  // ================================================================ one exchange

  const ExchangeView = {
    nav: 'exchanges',
    title: 'Exchange',
    el: {},

    mount(root, params) {
      this.vhost = params[0];
      this.name = params[1] === 'amq.default' ? '' : params[1];
      this.el = {
        properties: h('div', { testid: 'exchange-properties' }),
        diagram: h('div', { class: 'diagram-wrap', testid: 'exchange-diagram' }),
        outgoing: h('div', { class: 'table-wrap' }),
        incoming: h('div', { class: 'table-wrap' }),
        queueList: h('datalist', { id: 'exchange-queue-names' }),
        exchangeList: h('datalist', { id: 'exchange-exchange-names' }),
      };
      const isDefault = this.name === '';
      root.append(
        h('div', { class: 'view-head' },
          h('h2', null, h('span', { class: 'muted' }, 'Exchange '), h('span', { testid: 'exchange-title' }, fmt.exchange(this.name)),
            h('span', { class: 'muted small' }, ' in virtual host ' + this.vhost)),
          h('div', { class: 'head-actions' },
            ui.link('\u2190 All exchanges', '#/exchanges', { class: 'button' }),
            ui.link('Routing of this vhost', ui.hash('routing', this.vhost), { class: 'button' }),
            isDefault ? null : h('button', {
              type: 'button', class: 'danger', id: 'exchange-delete', testid: 'exchange-delete', onclick: () => this.remove(),
            }, 'Delete exchange'))),
        h('div', { class: 'columns wide-right' },
          h('section', { class: 'panel' }, h('h3', null, 'Properties'), this.el.properties),
          h('section', { class: 'panel' }, h('h3', null, 'Routing'), this.el.diagram)),
        h('section', { class: 'panel' }, h('h3', null, 'Bindings from this exchange'), this.el.outgoing,
          isDefault ? h('p', { class: 'hint' }, 'The default exchange routes to the queue named by the routing key; it takes no bindings.')
            : this.bindForm()),
        h('section', { class: 'panel' }, h('h3', null, 'Bindings to this exchange'), this.el.incoming),
        this.el.queueList, this.el.exchangeList,
        ui.section('Publish message', 'exchange-publish', W.publishForm({
          prefix: 'exchange-publish',
          withRoutingKey: true,
          target: () => ({ vhost: this.vhost, exchange: this.name }),
        })));
    },

    async refresh() {
      const base = api.path('exchanges', this.vhost, api.exchangePathName(this.name));
      const [exchange, outgoing, incoming, exchanges, queues] = await api.getAll([
        base,
        base + '/bindings/source',
        base + '/bindings/destination',
        { path: api.path('exchanges', this.vhost), fallback: [] },
        { path: api.path('queues', this.vhost), fallback: [] },
      ]);
      update(this.el.properties, exchange, () => this.properties(exchange));
      update(this.el.outgoing, outgoing, () => W.bindingsTable(outgoing || [], { testid: 'exchange-bindings-source', show: ['destination'], onUnbind: W.unbind }));
      update(this.el.incoming, incoming, () => W.bindingsTable(incoming || [], { testid: 'exchange-bindings-destination', show: ['source'], onUnbind: W.unbind }));
      const related = (outgoing || []).concat((incoming || []).filter((b) => b.source !== this.name));
      const names = new Set();
      related.forEach((b) => { names.add('e:' + b.source); names.add((b.destination_type === 'exchange' ? 'e:' : 'q:') + b.destination); });
      const nodeExchanges = (exchanges || []).filter((e) => e.name === this.name || names.has('e:' + e.name));
      const nodeQueues = (queues || []).filter((q) => names.has('q:' + q.name));
      const signature = [nodeExchanges.map((e) => [e.name, e.type]), nodeQueues.map((q) => [q.name, q.messages]), related];
      W.keepScroll(this.el.diagram, () => update(this.el.diagram, signature, () => W.routing.diagram(
        nodeExchanges, nodeQueues, related, { focus: this.name, vhost: this.vhost, testid: 'exchange-routing-svg' })));
      ui.syncDatalist(this.el.queueList, (queues || []).map((q) => q.name));
      ui.syncDatalist(this.el.exchangeList, (exchanges || []).map((e) => e.name).filter((n) => n && n !== this.name));
    },

    properties(e) {
      const args = Object.entries(e.arguments || {});
      return [
        ui.props([
          ['Type', e.type, 'type'],
          ['Durable', fmt.bool(e.durable), 'durable'],
          ['Auto delete', fmt.bool(e.auto_delete), 'auto_delete'],
          ['Internal', fmt.bool(e.internal), 'internal'],
          ['Rate in', fmt.rate(fmt.rateOf(e.message_stats, 'publish_in'))],
          ['Rate out', fmt.rate(fmt.rateOf(e.message_stats, 'publish_out'))],
        ]),
        h('h4', null, 'Arguments'),
        args.length
          ? ui.table([{ title: 'Key', field: 'k', cls: 'mono' }, { title: 'Value', field: 'v', cls: 'mono' }],
            args.map(([k, v]) => ({ k, v: fmt.value(v) })), { testid: 'exchange-arguments' })
          : h('p', { class: 'muted', testid: 'exchange-arguments' }, 'None.'),
      ];
    },

    async remove() {
      const ok = await ui.confirm({
        title: 'Delete exchange',
        message: 'Delete exchange "' + this.name + '" in virtual host "' + this.vhost + '" and its bindings?',
        confirmLabel: 'Delete',
      });
      if (!ok) return;
      const done = await ui.run(async () => {
        await api.del(api.path('exchanges', this.vhost, this.name));
        return true;
      });
      if (done) location.hash = '#/exchanges';
    },

    bindForm() {
      const kind = h('select', { name: 'destination_type', testid: 'exchange-bind-type' },
        h('option', { value: 'q' }, 'To queue'), h('option', { value: 'e' }, 'To exchange'));
      const destination = h('input', { name: 'destination', list: 'exchange-queue-names', required: true, testid: 'exchange-bind-destination' });
      kind.addEventListener('change', () => destination.setAttribute('list', kind.value === 'q' ? 'exchange-queue-names' : 'exchange-exchange-names'));
      const key = h('input', { name: 'routing_key', testid: 'exchange-bind-routing-key' });
      const args = ui.kvEditor('exchange-bind-arguments', [{ key: 'x-match', label: 'x-match (headers)' }]);
      const status = h('p', { class: 'flash', hidden: true, role: 'status', testid: 'exchange-bind-status' });
      const form = h('form', { class: 'form', testid: 'exchange-bind-form' },
        ui.field('Destination', h('span', { class: 'pair' }, kind, destination)),
        ui.field('Routing key', key), ui.field('Arguments', args.el),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', testid: 'exchange-bind-submit' }, 'Bind')),
        status);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        ui.run(async () => {
          await api.post(api.path('bindings', this.vhost, 'e', this.name, kind.value, destination.value),
            { routing_key: key.value, arguments: args.value() });
          ui.flash(status, 'Bound ' + (kind.value === 'q' ? 'queue' : 'exchange') + ' "' + destination.value + '".');
          key.value = '';
          args.clear();
          W.app.refreshSoon();
        }, status);
      });
      return ui.section('Add binding from this exchange', 'exchange-bind', form);
    },
  };

  /** Runs fn (which replaces content inside el) keeping el's own scroll offsets. */
  W.keepScroll = function (el, fn) {
    const top = el.scrollTop;
    const left = el.scrollLeft;
    fn();
    el.scrollTop = top;
    el.scrollLeft = left;
  };

  // ================================================================ routing of a vhost

  const RoutingView = {
    nav: 'routing',
    title: 'Routing',
    el: {},

    mount(root, params) {
      this.vhost = params[0] !== undefined ? params[0] : (W.session.vhostFilter || '/');
      this.signature = null;
      const vhostSelect = h('select', { id: 'routing-vhost', testid: 'routing-vhost', 'aria-label': 'Virtual host' },
        h('option', { value: this.vhost }, this.vhost));
      vhostSelect.addEventListener('change', () => { location.hash = ui.hash('routing', vhostSelect.value); });
      const showDefault = h('input', { type: 'checkbox', id: 'routing-show-default', testid: 'routing-show-default', onchange: () => this.draw() });
      const hideUnbound = h('input', { type: 'checkbox', id: 'routing-hide-unbound', testid: 'routing-hide-unbound', checked: true, onchange: () => this.draw() });
      const filter = h('input', {
        type: 'search', id: 'routing-filter', testid: 'routing-filter', placeholder: 'Only bindings of names containing\u2026',
        'aria-label': 'Filter', oninput: () => this.draw(),
      });
      this.el = {
        vhostSelect, showDefault, hideUnbound, filter,
        diagram: h('div', { class: 'diagram-wrap large', testid: 'routing-diagram', id: 'routing-diagram' }),
        summary: h('span', { class: 'muted', testid: 'routing-summary' }),
      };
      root.append(
        h('div', { class: 'view-head' },
          h('h2', null, 'Routing'),
          h('div', { class: 'filter' },
            h('label', { class: 'inline' }, 'Virtual host ', vhostSelect),
            filter,
            h('label', { class: 'inline' }, showDefault, ' default exchange'),
            h('label', { class: 'inline' }, hideUnbound, ' hide unbound'),
            this.el.summary)),
        h('p', { class: 'hint' }, 'Exchanges on the left, queues on the right; each arrow is a binding labelled with its routing key(s). Click a box to open it.'),
        this.el.diagram);
    },

    async refresh() {
      ui.syncOptions(this.el.vhostSelect, ui.vhostOptions());
      if (document.activeElement !== this.el.vhostSelect) this.el.vhostSelect.value = this.vhost;
      const [exchanges, queues, bindings] = await api.getAll([
        api.path('exchanges', this.vhost),
        api.path('queues', this.vhost),
        api.path('bindings', this.vhost),
      ]);
      this.data = { exchanges: exchanges || [], queues: queues || [], bindings: bindings || [] };
      this.draw();
    },

    draw() {
      if (!this.data) return;
      let { exchanges, queues, bindings } = this.data;
      if (!this.el.showDefault.checked) {
        bindings = bindings.filter((b) => b.source !== '');
        exchanges = exchanges.filter((e) => e.name !== '');
      }
      const text = this.el.filter.value.trim().toLowerCase();
      if (text) {
        bindings = bindings.filter((b) => b.source.toLowerCase().includes(text) || b.destination.toLowerCase().includes(text));
      }
      if (this.el.hideUnbound.checked || text) {
        const used = new Set();
        bindings.forEach((b) => { used.add('e:' + b.source); used.add((b.destination_type === 'exchange' ? 'e:' : 'q:') + b.destination); });
        exchanges = exchanges.filter((e) => used.has('e:' + e.name));
        queues = queues.filter((q) => used.has('q:' + q.name));
      }
      this.el.summary.textContent = exchanges.length + ' exchanges, ' + queues.length + ' queues, ' + bindings.length + ' bindings';
      const signature = JSON.stringify([exchanges.map((e) => [e.name, e.type]), queues.map((q) => [q.name, q.messages]), bindings]);
      if (signature === this.signature) return; // unchanged: keep the drawing (and any hover) as it is
      this.signature = signature;
      const diagram = W.routing.diagram(exchanges, queues, bindings, { vhost: this.vhost, testid: 'routing-svg' });
      W.keepScroll(this.el.diagram, () => replace(this.el.diagram, diagram));
    },
  };

  W.views = W.views || {};
  W.views.exchanges = ExchangesView;
  W.views.exchange = ExchangeView;
  W.views.routing = RoutingView;
}(window.Warren));
