/*
 * Warren management console: the Connections view (connections and channels, closing a connection).
 */
'use strict';

(function (W) {
  const { h, update } = W.dom;
  const { api, fmt, ui } = W;

  const ConnectionsView = {
    nav: 'connections',
    title: 'Connections',
    connSort: { key: 'name', desc: false },
    chanSort: { key: 'name', desc: false },
    el: {},

    mount(root) {
      this.el = {
        connections: h('div', { class: 'table-wrap' }),
        channels: h('div', { class: 'table-wrap' }),
        connCount: h('span', { class: 'muted', testid: 'connection-count' }),
        chanCount: h('span', { class: 'muted', testid: 'channel-count' }),
      };
      root.append(
        h('div', { class: 'view-head' }, h('h2', null, 'Connections'), this.el.connCount),
        this.el.connections,
        h('div', { class: 'view-head' }, h('h2', null, 'Channels'), this.el.chanCount),
        this.el.channels);
    },

    async refresh() {
      const vhost = W.session.vhostFilter;
      const [connections, channels] = await api.getAll([
        vhost ? api.path('vhosts', vhost, 'connections') : '/connections',
        vhost ? api.path('vhosts', vhost, 'channels') : '/channels',
      ]);
      this.connections = connections || [];
      this.channels = channels || [];
      this.draw();
    },

    draw() {
      this.el.connCount.textContent = this.connections.length + ' connections';
      this.el.chanCount.textContent = this.channels.length + ' channels';
      update(this.el.connections, [this.connections, this.connSort], () => ui.table(CONNECTION_COLUMNS(this), this.connections, {
        testid: 'connections-table', id: 'connections-table', sortState: this.connSort, onSort: () => this.draw(),
        rowAttrs: (c) => ({ 'data-connection': c.name, testid: 'connection-row' }),
        empty: 'No connections.',
      }));
      update(this.el.channels, [this.channels, this.chanSort], () => ui.table(CHANNEL_COLUMNS, this.channels, {
        testid: 'channels-table', id: 'channels-table', sortState: this.chanSort, onSort: () => this.draw(),
        rowAttrs: (c) => ({ 'data-channel': c.name, testid: 'channel-row' }),
        empty: 'No channels.',
      }));
    },

    async close(connection) {
      const answer = await ui.confirm({
        title: 'Close connection',
        message: 'Close connection "' + connection.name + '" of user "' + (connection.user || '') + '"? Its channels and consumers go with it.',
        confirmLabel: 'Close connection',
        input: { label: 'Reason sent to the client', value: 'Closed via management console' },
      });
      if (!answer) return;
      const headers = answer.value ? { 'X-Reason': answer.value } : {};
      await ui.run(() => api.del(api.path('connections', connection.name), { headers }));
      W.app.refreshSoon();
    },
  };

  function clientName(c) {
    const props = c.client_properties || {};
    return props.connection_name || [props.product, props.version].filter((x) => x).join(' ');
  }

  const CONNECTION_COLUMNS = (view) => [
    { title: 'Virtual host', field: 'vhost', cls: 'vhost' },
    {
      title: 'Name', field: 'name', cls: 'name',
      render: (c) => [h('span', { class: 'mono' }, c.name), clientName(c) ? h('div', { class: 'muted small' }, clientName(c)) : null],
    },
    { title: 'User', field: 'user' },
    { title: 'Protocol', field: 'protocol' },
    { title: 'Peer', field: 'peer_host', render: (c) => (c.peer_host || '') + (c.peer_port !== undefined ? ':' + c.peer_port : '') },
    { title: 'State', field: 'state', render: (c) => h('span', { class: 'state state-' + (c.state || 'unknown') }, c.state || '') },
    { title: 'Channels', field: 'channels', num: true, render: (c) => fmt.num(c.channels) },
    { title: 'Connected', field: 'connected_at', render: (c) => fmt.time(c.connected_at) },
    {
      title: '', cls: 'actions',
      render: (c) => h('button', { type: 'button', class: 'small danger-link', testid: 'connection-close', onclick: () => view.close(c) }, 'Close'),
    },
  ];

  const CHANNEL_COLUMNS = [
    { title: 'Virtual host', field: 'vhost', cls: 'vhost' },
    { title: 'Channel', field: 'name', cls: 'name mono' },
    { title: 'User', field: 'user' },
    {
      title: 'Mode', field: 'mode', titleHint: 'T = transactional, C = publisher confirms',
      sort: (c) => (c.transactional ? 'T' : '') + (c.confirm ? 'C' : ''),
      render: (c) => ui.badges([
        c.transactional ? { text: 'T', title: 'transactional' } : null,
        c.confirm ? { text: 'C', title: 'publisher confirms' } : null,
      ].filter((b) => b)),
    },
    { title: 'State', field: 'state' },
    { title: 'Consumers', field: 'consumer_count', num: true, render: (c) => fmt.num(c.consumer_count) },
    { title: 'Unacked', field: 'messages_unacknowledged', num: true, render: (c) => fmt.num(c.messages_unacknowledged) },
    { title: 'Prefetch', field: 'prefetch_count', num: true, render: (c) => fmt.num(c.prefetch_count) },
  ];

  W.views = W.views || {};
  W.views.connections = ConnectionsView;
}(window.Warren));
