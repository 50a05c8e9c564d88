/*
 * Warren management console: the Queues list (with filter and add form) and one queue's page (properties,
 * arguments, bindings, consumers, publish, get, move, purge, delete).
 */
'use strict';

(function (W) {
  const { h, replace, update } = W.dom;
  const { api, fmt, ui } = W;

  // ================================================================ shared forms

  const ACK_MODES = [
    { value: 'ack_requeue_true', label: 'Requeue (peek: messages stay in the queue)' },
    { value: 'ack_requeue_false', label: 'Ack (remove the messages)' },
    { value: 'reject_requeue_true', label: 'Reject, requeue' },
    { value: 'reject_requeue_false', label: 'Reject, drop (dead-letter)' },
  ];

  const NUMERIC_PROPERTIES = new Set(['priority', 'timestamp', 'delivery_mode']);

  /**
   * The publish form shared by queue and exchange pages. target() returns {vhost, exchange, routingKey?};
   * when withRoutingKey, the form has a routing key field. prefix names the data-testids.
   */
  W.publishForm = function ({ prefix, target, withRoutingKey }) {
    const routingKey = h('input', { name: 'routing_key', testid: prefix + '-routing-key', placeholder: 'routing key' });
    const deliveryMode = h('select', { name: 'delivery_mode', testid: prefix + '-delivery-mode' },
      h('option', { value: '1' }, '1 - Non-persistent'),
      h('option', { value: '2' }, '2 - Persistent'));
    const headers = ui.kvEditor(prefix + '-headers');
    const properties = ui.kvEditor(prefix + '-properties', [
      { key: 'content_type', label: 'content_type' },
      { key: 'correlation_id', label: 'correlation_id' },
      { key: 'reply_to', label: 'reply_to' },
      { key: 'expiration', label: 'expiration' },
      { key: 'message_id', label: 'message_id' },
      { key: 'priority', type: 'number', label: 'priority' },
      { key: 'type', label: 'type' },
      { key: 'app_id', label: 'app_id' },
    ]);
    const payload = h('textarea', { name: 'payload', rows: 4, testid: prefix + '-payload', placeholder: 'payload' });
    const encoding = h('select', { name: 'payload_encoding', testid: prefix + '-encoding' },
      h('option', { value: 'string' }, 'String'),
      h('option', { value: 'base64' }, 'Base64'));
    const status = h('p', { class: 'flash', testid: prefix + '-status', hidden: true, role: 'status' });
    const form = h('form', { class: 'form', testid: prefix + '-form', id: prefix + '-form' },
      withRoutingKey ? ui.field('Routing key', routingKey) : null,
      ui.field('Delivery mode', deliveryMode),
      ui.field('Headers', headers.el),
      ui.field('Properties', properties.el),
      ui.field('Payload', payload),
      ui.field('Payload encoding', encoding),
      h('div', { class: 'form-buttons' },
        h('button', { type: 'submit', class: 'primary', testid: prefix + '-submit' }, 'Publish message')),
      status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      ui.run(async () => {
        const t = target();
        const props = Object.assign({}, properties.value());
        for (const key of Object.keys(props)) {
          if (NUMERIC_PROPERTIES.has(key) && typeof props[key] === 'string') props[key] = Number(props[key]);
        }
        props.delivery_mode = Number(deliveryMode.value);
        const hdrs = headers.value();
        if (Object.keys(hdrs).length) props.headers = hdrs;
        const body = {
          properties: props,
          routing_key: withRoutingKey ? routingKey.value : t.routingKey,
          payload: payload.value,
          payload_encoding: encoding.value,
        };
        const result = await api.post(api.path('exchanges', t.vhost, api.exchangePathName(t.exchange), 'publish'), body);
        if (result && result.routed === false) ui.flash(status, 'Message published, but not routed to any queue.', 'warn');
        else ui.flash(status, 'Message published.', 'ok');
        W.app.refreshSoon();
      }, status);
    });
    return form;
  };

  /** Table of bindings with an Unbind button (not for the default exchange's implicit bindings). */
  W.bindingsTable = function (bindings, { testid, show, onUnbind }) {
    const columns = [];
    if (show.includes('source')) {
      columns.push({
        title: 'From', field: 'source',
        render: (b) => (b.source === '' ? h('span', { class: 'muted' }, '(AMQP default)')
          : ui.link(b.source, ui.hash('exchanges', b.vhost, b.source))),
      });
    }
    if (show.includes('destination')) {
      columns.push({
        title: 'To', field: 'destination',
        render: (b) => [
          h('span', { class: 'muted small' }, b.destination_type === 'exchange' ? 'exchange ' : 'queue '),
          ui.link(b.destination, ui.hash(b.destination_type === 'exchange' ? 'exchanges' : 'queues', b.vhost, b.destination)),
        ],
      });
    }
    columns.push(
      { title: 'Routing key', field: 'routing_key', cls: 'mono' },
      { title: 'Arguments', field: 'arguments', render: (b) => fmt.args(b.arguments) },
      {
        title: '', cls: 'actions',
        render: (b) => (b.source === '' ? null : h('button', {
          type: 'button', class: 'small danger-link', testid: 'unbind', onclick: () => onUnbind(b),
        }, 'Unbind')),
      });
    return ui.table(columns, bindings, { testid, empty: 'No bindings.' });
  };

  /** Asks, then deletes a binding. */
  W.unbind = async function (b) {
    const what = 'binding from ' + fmt.exchange(b.source) + ' to ' + b.destination_type + ' ' + b.destination +
      (b.routing_key ? ' with routing key "' + b.routing_key + '"' : '');
    const ok = await ui.confirm({ title: 'Unbind', message: 'Delete the ' + what + '?', confirmLabel: 'Unbind' });
    if (!ok) return;
    const kind = b.destination_type === 'exchange' ? 'e' : 'q';
    const props = b.properties_key !== undefined ? b.properties_key : (b.routing_key || '~');
    await ui.run(() => api.del(api.path('bindings', b.vhost, 'e', b.source, kind, b.destination, props)));
    W.app.refreshSoon();
  };

  // ================================================================ queue list

  const QueuesView = {
    nav: 'queues',
    title: 'Queues',
    sort: { key: 'name', desc: false },
    el: {},
    rows: [],

    mount(root) {
      this.lastVhostFilter = undefined;
      const filter = h('input', {
        type: 'search', id: 'queue-filter', testid: 'queue-filter', placeholder: 'Filter by name', 'aria-label': 'Filter queues',
        oninput: () => this.draw(),
      });
      const regex = h('input', { type: 'checkbox', id: 'queue-filter-regex', testid: 'queue-filter-regex', onchange: () => this.draw() });
      this.el = {
        filter,
        regex,
        count: h('span', { class: 'muted', testid: 'queue-count' }),
        table: h('div', { class: 'table-wrap' }),
      };
      root.append(
        h('div', { class: 'view-head' },
          h('h2', null, 'Queues'),
          h('div', { class: 'filter' }, filter, h('label', { class: 'inline' }, regex, ' Regex'), this.el.count)),
        this.el.table,
        this.addForm());
    },

    async refresh() {
      const vhost = W.session.vhostFilter;
      this.rows = (await api.get(vhost ? api.path('queues', vhost) : '/queues')) || [];
      this.draw();
      W.syncVhostDefault(this.el.vhostSelect, this);
    },

    matches() {
      const text = this.el.filter.value.trim();
      if (!text) return () => true;
      if (this.el.regex.checked) {
        let re;
        try {
          re = new RegExp(text, 'i');
          this.el.filter.classList.remove('invalid');
        } catch (e) {
          this.el.filter.classList.add('invalid');
          return () => true;
        }
        return (q) => re.test(q.name);
      }
      const lower = text.toLowerCase();
      return (q) => q.name.toLowerCase().includes(lower);
    },

    draw() {
      const shown = this.rows.filter(this.matches());
      this.el.count.textContent = shown.length === this.rows.length
        ? this.rows.length + ' queues' : shown.length + ' of ' + this.rows.length + ' queues';
      update(this.el.table, [shown, this.sort, this.rows.length], () => ui.table(QUEUE_COLUMNS, shown, {
        testid: 'queues-table',
        id: 'queues-table',
        sortState: this.sort,
        onSort: () => this.draw(),
        rowAttrs: (q) => ({ 'data-queue': q.vhost + '/' + q.name, testid: 'queue-row' }),
        empty: this.rows.length ? 'No queue matches the filter.' : 'No queues.',
      }));
    },

    addForm() {
      const vhostSelect = h('select', { name: 'vhost', testid: 'queue-add-vhost' });
      const name = h('input', { name: 'name', required: true, testid: 'queue-add-name', autocomplete: 'off' });
      const durable = h('select', { name: 'durable', testid: 'queue-add-durable' },
        h('option', { value: 'true' }, 'Durable'), h('option', { value: 'false' }, 'Transient'));
      const autoDelete = h('select', { name: 'auto_delete', testid: 'queue-add-auto-delete' },
        h('option', { value: 'false' }, 'No'), h('option', { value: 'true' }, 'Yes'));
      const args = ui.kvEditor('queue-add-arguments', ui.QUEUE_ARGS);
      const status = h('p', { class: 'flash', hidden: true, testid: 'queue-add-status', role: 'status' });
      this.el.vhostSelect = vhostSelect;
      const form = h('form', { class: 'form', id: 'queue-add-form', testid: 'queue-add-form' },
        ui.field('Virtual host', vhostSelect),
        ui.field('Name', name),
        ui.field('Durability', durable),
        ui.field('Auto delete', autoDelete),
        ui.field('Arguments', args.el),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary', testid: 'queue-add-submit' }, 'Add queue')),
        status);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        ui.run(async () => {
          const body = { durable: durable.value === 'true', auto_delete: autoDelete.value === 'true', arguments: args.value() };
          await api.put(api.path('queues', vhostSelect.value, name.value), body);
          ui.flash(status, 'Queue "' + name.value + '" declared in vhost "' + vhostSelect.value + '".');
          name.value = '';
          args.clear();
          W.app.refreshSoon();
        }, status);
      });
      return ui.section('Add a new queue', 'queue-add', form);
    },
  };

  const QUEUE_COLUMNS = [
    { title: 'Virtual host', field: 'vhost', cls: 'vhost' },
    {
      title: 'Name', field: 'name', cls: 'name',
      render: (q) => ui.link(q.name, ui.hash('queues', q.vhost, q.name), { testid: 'queue-link' }),
    },
    { title: 'Features', field: 'features', sortable: false, render: (q) => ui.features(q) },
    { title: 'State', field: 'state', render: (q) => h('span', { class: 'state state-' + (q.state || 'unknown') }, q.state || '') },
    { title: 'Ready', field: 'messages_ready', num: true, render: (q) => fmt.num(q.messages_ready) },
    { title: 'Unacked', field: 'messages_unacknowledged', num: true, render: (q) => fmt.num(q.messages_unacknowledged) },
    { title: 'Total', field: 'messages', num: true, render: (q) => fmt.num(q.messages) },
    { title: 'Consumers', field: 'consumers', num: true, render: (q) => fmt.num(q.consumers) },
    rateColumn('Incoming', 'publish', 'publish rate'),
    rateColumn('Deliver / get', 'deliver_get', 'deliver and get rate'),
    rateColumn('Ack', 'ack', 'ack rate'),
  ];

  function rateColumn(title, key, hint) {
    return {
      title, field: 'rate_' + key, num: true, titleHint: hint,
      sort: (row) => fmt.rateOf(row.message_stats, key) || 0,
      render: (row) => fmt.rate(fmt.rateOf(row.message_stats, key)),
    };
  }

  // ================================================================ one queue

  const QueueView = {
    nav: 'queues',
    title: 'Queue',
    el: {},

    mount(root, params) {
      this.vhost = params[0];
      this.name = params[1];
      this.queue = null;
      this.el = {
        summary: h('div', { testid: 'queue-summary' }),
        properties: h('div', { testid: 'queue-properties' }),
        consumers: h('div', { class: 'table-wrap' }),
        bindings: h('div', { class: 'table-wrap' }),
        exchangeList: h('datalist', { id: 'queue-exchange-names' }),
        queueList: h('datalist', { id: 'queue-queue-names' }),
      };
      root.append(
        h('div', { class: 'view-head' },
          h('h2', null, h('span', { class: 'muted' }, 'Queue '), h('span', { testid: 'queue-title' }, this.name),
            h('span', { class: 'muted small' }, ' in virtual host ' + this.vhost)),
          h('div', { class: 'head-actions' },
            ui.link('\u2190 All queues', '#/queues', { class: 'button' }),
            h('button', { type: 'button', id: 'queue-purge', testid: 'queue-purge', onclick: () => this.purge() }, 'Purge messages'),
            h('button', { type: 'button', class: 'danger', id: 'queue-delete', testid: 'queue-delete', onclick: () => this.remove() }, 'Delete queue'))),
        h('div', { class: 'columns', testid: 'queue-detail', id: 'queue-detail' },
          h('section', { class: 'panel' }, h('h3', null, 'Messages and rates'), this.el.summary),
          h('section', { class: 'panel' }, h('h3', null, 'Properties and arguments'), this.el.properties)),
        h('section', { class: 'panel' }, h('h3', null, 'Consumers'), this.el.consumers),
        h('section', { class: 'panel' }, h('h3', null, 'Bindings'), this.el.bindings, this.bindForm()),
        this.el.exchangeList,
        this.el.queueList,
        ui.section('Publish message', 'queue-publish', W.publishForm({
          prefix: 'queue-publish',
          withRoutingKey: false,
          target: () => ({ vhost: this.vhost, exchange: '', routingKey: this.name }),
        }), h('p', { class: 'hint' }, 'Published to the default exchange with the queue name as routing key.')),
        ui.section('Get messages', 'queue-get', this.getForm()),
        ui.section('Move messages', 'queue-move', this.moveForm()));
    },

    async refresh() {
      const base = api.path('queues', this.vhost, this.name);
      const [queue, bindings, consumers, exchanges, queues] = await api.getAll([
        base,
        base + '/bindings',
        { path: api.path('consumers', this.vhost), fallback: [] },
        { path: api.path('exchanges', this.vhost), fallback: [] },
        { path: api.path('queues', this.vhost), fallback: [] },
      ]);
      this.queue = queue;
      update(this.el.summary, queue, () => this.summary(queue));
      update(this.el.properties, [queue.durable, queue.auto_delete, queue.exclusive, queue.arguments], () => this.properties(queue));
      const mine = queue.consumer_details || (consumers || []).filter((c) => c.queue && c.queue.name === this.name);
      update(this.el.consumers, mine, () => consumersTable(mine));
      update(this.el.bindings, bindings, () => W.bindingsTable(bindings || [], {
        testid: 'queue-bindings', show: ['source'], onUnbind: (b) => W.unbind(b),
      }));
      ui.syncDatalist(this.el.exchangeList, (exchanges || []).map((e) => e.name).filter((n) => n));
      ui.syncDatalist(this.el.queueList, (queues || []).map((q) => q.name).filter((n) => n !== this.name));
    },

    summary(q) {
      const stats = q.message_stats || {};
      return ui.props([
        ['State', q.state, 'state'],
        ['Ready', fmt.num(q.messages_ready), 'messages_ready'],
        ['Unacked', fmt.num(q.messages_unacknowledged), 'messages_unacknowledged'],
        ['Total', fmt.num(q.messages), 'messages'],
        ['Ready bytes', fmt.bytes(q.message_bytes_ready), 'message_bytes_ready'],
        ['Consumers', fmt.num(q.consumers), 'consumers'],
        ['Publish', fmt.rate(fmt.rateOf(stats, 'publish'))],
        ['Deliver / get', fmt.rate(fmt.rateOf(stats, 'deliver_get'))],
        ['Ack', fmt.rate(fmt.rateOf(stats, 'ack'))],
        ['Redeliver', fmt.rate(fmt.rateOf(stats, 'redeliver'))],
      ], 'queue-depth');
    },

    properties(q) {
      const args = Object.entries(q.arguments || {});
      return [
        ui.props([
          ['Durable', fmt.bool(q.durable), 'durable'],
          ['Auto delete', fmt.bool(q.auto_delete), 'auto_delete'],
          ['Exclusive', fmt.bool(q.exclusive), 'exclusive'],
          ['Features', h('span', null, ui.features(q))],
        ]),
        h('h4', null, 'Arguments'),
        args.length
          ? ui.table([{ title: 'Key', field: 'k', cls: 'mono' }, { title: 'Value', field: 'v', cls: 'mono' }],
            args.map(([k, v]) => ({ k, v: fmt.value(v) })), { testid: 'queue-arguments' })
          : h('p', { class: 'muted', testid: 'queue-arguments' }, 'None.'),
      ];
    },

    async purge() {
      const depth = this.queue ? ' (' + fmt.num(this.queue.messages_ready) + ' ready)' : '';
      const ok = await ui.confirm({
        title: 'Purge queue',
        message: 'Delete all ready messages' + depth + ' of queue "' + this.name + '" in virtual host "' + this.vhost + '"?',
        confirmLabel: 'Purge',
      });
      if (!ok) return;
      await ui.run(() => api.del(api.path('queues', this.vhost, this.name, 'contents')));
      W.app.refreshSoon();
    },

    async remove() {
      const ok = await ui.confirm({
        title: 'Delete queue',
        message: 'Delete queue "' + this.name + '" in virtual host "' + this.vhost + '" and all its messages?',
        confirmLabel: 'Delete',
      });
      if (!ok) return;
      const done = await ui.run(async () => {
        await api.del(api.path('queues', this.vhost, this.name));
        return true;
      });
      if (done) location.hash = '#/queues';
    },

    bindForm() {
      const source = h('input', { name: 'source', list: 'queue-exchange-names', required: true, testid: 'queue-bind-source' });
      const key = h('input', { name: 'routing_key', testid: 'queue-bind-routing-key' });
      const args = ui.kvEditor('queue-bind-arguments');
      const status = h('p', { class: 'flash', hidden: true, role: 'status', testid: 'queue-bind-status' });
      const form = h('form', { class: 'form', testid: 'queue-bind-form' },
        ui.field('From exchange', source), ui.field('Routing key', key), ui.field('Arguments', args.el),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', testid: 'queue-bind-submit' }, 'Bind')),
        status);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        ui.run(async () => {
          await api.post(api.path('bindings', this.vhost, 'e', source.value, 'q', this.name),
            { routing_key: key.value, arguments: args.value() });
          ui.flash(status, 'Bound to exchange "' + source.value + '".');
          key.value = '';
          args.clear();
          W.app.refreshSoon();
        }, status);
      });
      return ui.section('Add binding to this queue', 'queue-bind', form);
    },

    getForm() {
      const count = h('input', { type: 'number', min: 1, value: '1', name: 'count', testid: 'queue-get-count' });
      const ackmode = h('select', { name: 'ackmode', testid: 'queue-get-ackmode' },
        ACK_MODES.map((m) => h('option', { value: m.value }, m.label)));
      const encoding = h('select', { name: 'encoding', testid: 'queue-get-encoding' },
        h('option', { value: 'auto' }, 'Automatic string/base64'), h('option', { value: 'base64' }, 'Base64'));
      const truncate = h('input', { type: 'number', min: 1, value: '50000', name: 'truncate', testid: 'queue-get-truncate' });
      const results = h('div', { class: 'messages', testid: 'queue-get-results', id: 'queue-get-results' });
      const status = h('p', { class: 'flash', hidden: true, role: 'status', testid: 'queue-get-status' });
      const form = h('form', { class: 'form', testid: 'queue-get-form' },
        ui.field('Ack mode', ackmode),
        ui.field('Encoding', encoding),
        ui.field('Messages', count),
        ui.field('Truncate at (bytes)', truncate),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', testid: 'queue-get-submit' }, 'Get messages')),
        status);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        ui.run(async () => {
          const body = { count: Number(count.value) || 1, ackmode: ackmode.value, encoding: encoding.value };
          if (truncate.value) body.truncate = Number(truncate.value);
          const messages = (await api.post(api.path('queues', this.vhost, this.name, 'get'), body)) || [];
          ui.flash(status, messages.length ? messages.length + ' message(s) fetched.' : 'The queue is empty.', messages.length ? 'ok' : 'warn');
          replace(results, messages.map(messageCard));
          W.app.refreshSoon();
        }, status);
      });
      return [form, results];
    },

    moveForm() {
      const destination = h('input', { name: 'destination', list: 'queue-queue-names', required: true, testid: 'queue-move-destination' });
      const count = h('input', { type: 'number', min: 1, name: 'count', testid: 'queue-move-count', placeholder: 'all' });
      const status = h('p', { class: 'flash', hidden: true, role: 'status', testid: 'queue-move-status' });
      const form = h('form', { class: 'form', testid: 'queue-move-form' },
        ui.field('Destination queue', destination),
        ui.field('Messages', count, 'empty: all ready messages'),
        h('div', { class: 'form-buttons' }, h('button', { type: 'submit', testid: 'queue-move-submit' }, 'Move messages')),
        status);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        ui.run(async () => {
          const body = { destination: destination.value };
          if (count.value) body.count = Number(count.value);
          const result = await api.post(api.path('queues', this.vhost, this.name, 'move'), body);
          ui.flash(status, 'Moved ' + fmt.num(result && result.moved) + ' message(s) to "' + destination.value + '".');
          W.app.refreshSoon();
        }, status);
      });
      return [form, h('p', { class: 'hint' }, 'Moves ready messages to another queue of this virtual host (Warren extension).')];
    },
  };

  function messageCard(m, i) {
    const props = Object.assign({}, m.properties || {});
    const headers = props.headers;
    delete props.headers;
    return h('article', { class: 'message', testid: 'message' },
      h('h4', null, 'Message ' + (i + 1)),
      ui.props([
        ['Exchange', fmt.exchange(m.exchange)],
        ['Routing key', m.routing_key],
        ['Redelivered', fmt.bool(m.redelivered)],
        ['Remaining', fmt.num(m.message_count)],
        ['Properties', fmt.args(props)],
        ['Headers', fmt.args(headers)],
        ['Payload', fmt.num(m.payload_bytes) + ' bytes, encoding ' + (m.payload_encoding || '')],
      ]),
      h('pre', { class: 'payload', testid: 'message-payload' }, m.payload === undefined ? '' : String(m.payload)));
  }

  function consumersTable(consumers) {
    return ui.table([
      { title: 'Consumer tag', field: 'consumer_tag', cls: 'mono' },
      {
        title: 'Channel', field: 'channel',
        render: (c) => (c.channel_details ? c.channel_details.name : ''),
      },
      { title: 'User', field: 'user', render: (c) => (c.channel_details ? c.channel_details.user : '') },
      { title: 'Ack required', field: 'ack_required', render: (c) => fmt.bool(c.ack_required) },
      { title: 'Exclusive', field: 'exclusive', render: (c) => fmt.bool(c.exclusive) },
      { title: 'Prefetch', field: 'prefetch_count', num: true, render: (c) => fmt.num(c.prefetch_count) },
      { title: 'Arguments', field: 'arguments', render: (c) => fmt.args(c.arguments) },
    ], consumers, { testid: 'queue-consumers', empty: 'No consumers.' });
  }

  W.views = W.views || {};
  W.views.queues = QueuesView;
  W.views.queue = QueueView;
}(window.Warren));
