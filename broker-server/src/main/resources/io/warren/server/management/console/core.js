/*
 * Warren management console: shared helpers (DOM building, API client, formatting, small UI widgets).
 *
 * Every value reaches the DOM through textContent, attribute setters or form-control properties, never through
 * innerHTML, so names coming from the broker (queues, exchanges, users, headers, payloads) cannot inject markup.
 */
'use strict';

window.Warren = window.Warren || {};

(function (W) {
  // Uncaught errors, kept for the browser test (and for a look in the devtools): {message, source, line}.
  W.errors = [];
  window.addEventListener('error', (event) => {
    W.errors.push({ message: String(event.message), source: event.filename || '', line: event.lineno || 0 });
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    W.errors.push({ message: 'unhandled rejection: ' + String(reason && reason.message ? reason.message : reason), source: '', line: 0 });
  });

  // ---------------------------------------------------------------- DOM building

  const SVG_NS = 'http://www.w3.org/2000/svg';

  /** Sets attributes; on* functions become listeners, testid becomes data-testid, false/null are skipped. */
  function applyAttrs(el, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.setAttribute('class', value);
      else if (key === 'testid') el.setAttribute('data-testid', value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'value' || key === 'checked' || key === 'selected') continue; // set after children
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }

  function appendChildren(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      el.append(child instanceof Node ? child : String(child)); // strings become text nodes
    }
  }

  /** Creates an HTML element: h('td', {class: 'num'}, 'text', otherNode). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    applyAttrs(el, attrs);
    appendChildren(el, children);
    if (attrs && 'value' in attrs && attrs.value !== undefined && attrs.value !== null) el.value = attrs.value;
    if (attrs && 'checked' in attrs) el.checked = !!attrs.checked;
    if (attrs && 'selected' in attrs) el.selected = !!attrs.selected;
    return el;
  }

  /** Creates an SVG element; string children become text nodes. */
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    applyAttrs(el, attrs);
    appendChildren(el, children);
    return el;
  }

  /** Replaces the element's children, keeping the page's scroll position. */
  function replace(el, ...children) {
    const x = window.scrollX;
    const y = window.scrollY;
    el.replaceChildren();
    appendChildren(el, children);
    if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
  }

  /**
   * Rebuilds el's content with build() only when data (anything JSON-serialisable) differs from what el shows, so
   * polls that bring nothing new leave the DOM, focus, hover and selections alone.
   */
  function update(el, data, build) {
    const signature = JSON.stringify(data);
    if (el.warrenSignature === signature) return;
    el.warrenSignature = signature;
    replace(el, build());
  }

  function byId(id) {
    return document.getElementById(id);
  }

  W.dom = { h, s, replace, update, byId };

  // ---------------------------------------------------------------- API client

  class ApiError extends Error {
    constructor(status, kind, reason, method, path) {
      super(reason || kind || ('HTTP ' + status));
      this.status = status;
      this.kind = kind;
      this.reason = reason;
      this.method = method;
      this.path = path;
    }

    /** One line for the error banner. */
    describe() {
      const what = this.method + ' ' + this.path;
      if (this.status === 0) return what + ': ' + this.reason;
      const kind = this.kind ? ' ' + this.kind : '';
      return what + ' failed (' + this.status + kind + '): ' + (this.reason || 'no reason given');
    }
  }

  const AUTH_KEY = 'warren.console.auth';
  const USER_KEY = 'warren.console.user';

  const api = {
    base: (document.documentElement.dataset.apiBase || '/api').replace(/\/$/, ''),
    /** Called with the ApiError of any 401, unless the request asked not to. */
    onUnauthorized: null,

    /** Builds "/api/a/b" from segments, percent-encoding each (vhost "/" becomes %2F). */
    path(...segments) {
      return '/' + segments.map((seg) => encodeURIComponent(String(seg))).join('/');
    },

    /** Exchange name as used in paths: the default exchange "" is "amq.default". */
    exchangePathName(name) {
      return name === '' ? 'amq.default' : name;
    },

    setCredentials(user, password) {
      const bytes = new TextEncoder().encode(user + ':' + password);
      let binary = '';
      bytes.forEach((b) => { binary += String.fromCharCode(b); });
      sessionStorage.setItem(AUTH_KEY, btoa(binary));
      sessionStorage.setItem(USER_KEY, user);
    },

    clearCredentials() {
      sessionStorage.removeItem(AUTH_KEY);
      sessionStorage.removeItem(USER_KEY);
    },

    hasCredentials() {
      return !!sessionStorage.getItem(AUTH_KEY);
    },

    /**
     * Sends one request. body: an object sent as JSON, or a string sent as it is. Resolves to the parsed JSON
     * (or null for an empty body); rejects with an ApiError carrying the body's "reason".
     */
    async request(method, path, body, options = {}) {
      const headers = { Accept: 'application/json' };
      const auth = sessionStorage.getItem(AUTH_KEY);
      if (auth) headers.Authorization = 'Basic ' + auth;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      Object.assign(headers, options.headers || {});
      let response;
      try {
        response = await fetch(this.base + path, {
          method,
          headers,
          body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
          credentials: 'omit', // we send Authorization ourselves; no browser login prompt
          cache: 'no-store',
        });
      } catch (e) {
        throw new ApiError(0, 'network', 'cannot reach the management API (' + e.message + ')', method, path);
      }
      const data = parseBody(await response.text());
      if (!response.ok) {
        const reason = data && typeof data === 'object' ? (data.reason || data.error) : (data || response.statusText);
        const kind = data && typeof data === 'object' ? data.error : response.statusText;
        const error = new ApiError(response.status, kind, String(reason || ''), method, path);
        if (response.status === 401 && !options.noAuthRedirect && this.onUnauthorized) this.onUnauthorized(error);
        throw error;
      }
      return data;
    },

    get(path, options) { return this.request('GET', path, undefined, options); },

    /**
     * GETs several paths at once; resolves to their answers in order, or rejects with the error of the first path
     * (in the given order) that failed, so a missing queue is reported rather than its missing bindings. Paths given
     * as {path, fallback} resolve to fallback when they fail.
     */
    async getAll(paths) {
      const settled = await Promise.allSettled(paths.map((p) => this.get(typeof p === 'string' ? p : p.path)));
      return settled.map((result, i) => {
        if (result.status === 'fulfilled') return result.value;
        if (typeof paths[i] !== 'string') return paths[i].fallback;
        throw result.reason;
      });
    },
    put(path, body, options) { return this.request('PUT', path, body === undefined ? {} : body, options); },
    post(path, body, options) { return this.request('POST', path, body === undefined ? {} : body, options); },
    del(path, options) { return this.request('DELETE', path, undefined, options); },
  };

  function parseBody(text) {
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (e) {
      return text;
    }
  }

  W.ApiError = ApiError;
  W.api = api;

  // ---------------------------------------------------------------- formatting

  const numberFormat = new Intl.NumberFormat('en-US');

  const fmt = {
    num(value) {
      return typeof value === 'number' && Number.isFinite(value) ? numberFormat.format(value) : '';
    },

    /** A rate per second from a stats object: fmt.rate(stats, 'publish') reads stats.publish_details.rate. */
    rateOf(stats, key) {
      const details = stats && stats[key + '_details'];
      return details && typeof details.rate === 'number' ? details.rate : null;
    },

    rate(value) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '';
      return (value >= 100 ? value.toFixed(0) : value.toFixed(1)) + '/s';
    },

    bytes(value) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '';
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let v = value;
      let i = 0;
      while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
      }
      return (i === 0 ? String(v) : v.toFixed(1)) + ' ' + units[i];
    },

    time(value) {
      if (value === undefined || value === null || value === '') return '';
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
    },

    bool(value) {
      return value ? 'yes' : 'no';
    },

    /** Arguments/headers as "k=v, k2=v2". */
    args(obj) {
      if (!obj || typeof obj !== 'object') return '';
      return Object.entries(obj).map(([k, v]) => k + '=' + fmt.value(v)).join(', ');
    },

    value(v) {
      if (v === null || v === undefined) return '';
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    },

    vhost(name) {
      return name === undefined ? '' : name;
    },

    exchange(name) {
      return name === '' ? '(AMQP default)' : name;
    },

    truncate(text, max) {
      const str = String(text);
      return str.length > max ? str.slice(0, max - 1) + '\u2026' : str;
    },
  };

  W.fmt = fmt;

  // ---------------------------------------------------------------- UI widgets

  const ui = {};

  /** The error banner; source 'poll' errors are cleared by the next successful poll. */
  ui.showError = function (error, source = 'action') {
    const banner = byId('error-banner');
    const text = error instanceof ApiError ? error.describe() : String(error && error.message ? error.message : error);
    byId('error-text').textContent = text;
    banner.dataset.source = source;
    banner.hidden = false;
  };

  ui.clearError = function (source) {
    const banner = byId('error-banner');
    if (!source || banner.dataset.source === source) banner.hidden = true;
  };

  /**
   * The shared confirm dialog. Resolves to null when cancelled, otherwise to {value} (the text of the optional
   * input).
   */
  ui.confirm = function ({ title, message, confirmLabel = 'Confirm', input = null }) {
    const dialog = byId('confirm-dialog');
    byId('confirm-title').textContent = title || 'Are you sure?';
    byId('confirm-message').textContent = message || '';
    byId('confirm-yes').textContent = confirmLabel;
    const row = byId('confirm-input-row');
    const field = byId('confirm-input');
    row.hidden = !input;
    byId('confirm-input-label').textContent = input ? input.label : '';
    field.value = input ? (input.value || '') : '';
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => {
        resolve(dialog.returnValue === 'ok' ? { value: field.value } : null);
      }, { once: true });
      dialog.showModal();
      byId('confirm-no').focus();
    });
  };

  /** A short status line inside a form ("Message published."); kind: ok | warn | error. */
  ui.flash = function (el, text, kind = 'ok') {
    el.textContent = text;
    el.className = 'flash flash-' + kind;
    el.hidden = false;
  };

  /** Runs an action for a form or button; shows errors in the banner. Returns the action's result or undefined. */
  ui.run = async function (action, flashEl) {
    try {
      const result = await action();
      ui.clearError('action');
      return result;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return undefined; // back at the login form already
      ui.showError(e, 'action');
      if (flashEl) ui.flash(flashEl, e instanceof ApiError ? (e.reason || e.describe()) : String(e.message || e), 'error');
      return undefined;
    }
  };

  /** A label/value list (properties panel): pairs is [[label, value or node], ...]. */
  ui.props = function (pairs, testid) {
    return h('dl', { class: 'props', testid },
      pairs.filter((p) => p).map(([label, value, field]) => [
        h('dt', null, label),
        h('dd', { dataset: field ? { field } : undefined }, value instanceof Node ? value : fmt.value(value)),
      ]));
  };

  /** Small feature badges: [{text, title}]. */
  ui.badges = function (items) {
    return items.map((b) => h('abbr', { class: 'badge' + (b.cls ? ' ' + b.cls : ''), title: b.title }, b.text));
  };

  /** The tags of a user as badges. */
  ui.tags = function (tags) {
    const list = Array.isArray(tags) ? tags : String(tags || '').split(',').filter((t) => t);
    return list.length ? list.map((t) => h('span', { class: 'tag' }, t)) : h('span', { class: 'muted' }, 'none');
  };

  /**
   * A table. columns: [{title, field, num, cls, sort (value fn), render(row) -> node|string, titleHint}].
   * options: {testid, rowAttrs(row), empty, sortState: {key, desc} (mutated on header click), onSort()}.
   */
  ui.table = function (columns, rows, options = {}) {
    const sortState = options.sortState;
    let sorted = rows;
    if (sortState && sortState.key) {
      const col = columns.find((c) => c.field === sortState.key);
      if (col) sorted = sortRows(rows, col, sortState.desc);
    }
    const head = h('tr', null, columns.map((col) => headerCell(col, sortState, options.onSort)));
    const body = sorted.length
      ? sorted.map((row) => h('tr', options.rowAttrs ? options.rowAttrs(row) : null,
        columns.map((col) => cell(col, row))))
      : [h('tr', { class: 'empty' }, h('td', { colspan: columns.length }, options.empty || 'Nothing here.'))];
    return h('table', { class: 'grid', testid: options.testid, id: options.id },
      h('thead', null, head), h('tbody', null, body));
  };

  function headerCell(col, sortState, onSort) {
    const attrs = { class: col.num ? 'num' : null, title: col.titleHint };
    if (!sortState || col.sortable === false || !col.field) return h('th', attrs, col.title);
    const active = sortState.key === col.field;
    const arrow = active ? (sortState.desc ? ' \u25be' : ' \u25b4') : '';
    return h('th', attrs, h('button', {
      type: 'button',
      class: 'sort' + (active ? ' active' : ''),
      onclick: () => {
        sortState.desc = active ? !sortState.desc : false;
        sortState.key = col.field;
        if (onSort) onSort();
      },
    }, col.title + arrow));
  }

  function cell(col, row) {
    const content = col.render ? col.render(row) : fmt.value(row[col.field]);
    const attrs = { class: (col.num ? 'num ' : '') + (col.cls || '') };
    if (col.field) attrs['data-field'] = col.field;
    return h('td', attrs, content);
  }

  function sortRows(rows, col, desc) {
    const value = col.sort || ((row) => row[col.field]);
    const copy = rows.slice();
    copy.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      let c;
      if (typeof va === 'number' || typeof vb === 'number') c = (Number(va) || 0) - (Number(vb) || 0);
      else c = String(va === undefined || va === null ? '' : va).localeCompare(String(vb === undefined || vb === null ? '' : vb));
      return desc ? -c : c;
    });
    return copy;
  }

  /**
   * Fills a <select> with options [{value, label}] or strings, keeping the chosen value; does nothing while the
   * select has focus or when the list did not change.
   */
  ui.syncOptions = function (select, options, keepFirst = 0) {
    if (document.activeElement === select) return;
    const wanted = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
    const key = JSON.stringify(wanted);
    if (select.dataset.options === key) return;
    const current = select.value;
    const fixed = Array.from(select.options).slice(0, keepFirst);
    select.replaceChildren(...fixed, ...wanted.map((o) => h('option', { value: o.value }, o.label)));
    select.dataset.options = key;
    if (Array.from(select.options).some((o) => o.value === current)) select.value = current;
  };

  /** Fills a <datalist> with values. */
  ui.syncDatalist = function (list, values) {
    const key = JSON.stringify(values);
    if (list.dataset.options === key) return;
    list.replaceChildren(...values.map((v) => h('option', { value: v })));
    list.dataset.options = key;
  };

  /** A labelled form field. */
  ui.field = function (label, control, hint) {
    return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control,
      hint ? h('span', { class: 'hint' }, hint) : null);
  };

  /** A collapsible form section (<details>), whose open state survives refreshes because it is built once. */
  ui.section = function (title, testid, ...content) {
    return h('details', { class: 'section', testid }, h('summary', null, title), h('div', { class: 'section-body' }, content));
  };

  /**
   * A key/value editor for arguments and headers: rows of key, value, type; a new empty row appears when the last
   * one is filled. quick: [{key, type, label}] adds links that insert a row for a well-known argument.
   * Returns {el, value() -> object, clear()}. value() throws an Error naming a bad number.
   */
  ui.kvEditor = function (testid, quick = []) {
    const rows = h('div', { class: 'kv-rows' });
    const el = h('div', { class: 'kv', testid }, rows);

    function addRow(key = '', value = '', type = 'string') {
      const keyInput = h('input', { class: 'kv-key', placeholder: 'key', value: key, 'aria-label': 'key' });
      const valueInput = h('input', { class: 'kv-value', placeholder: 'value', value, 'aria-label': 'value' });
      const typeSelect = h('select', { class: 'kv-type', 'aria-label': 'type' },
        h('option', { value: 'string' }, 'String'),
        h('option', { value: 'number' }, 'Number'),
        h('option', { value: 'boolean' }, 'Boolean'));
      typeSelect.value = type;
      const row = h('div', { class: 'kv-row' }, keyInput, h('span', null, '='), valueInput, typeSelect);
      keyInput.addEventListener('input', ensureEmptyRow);
      rows.append(row);
      return row;
    }

    function ensureEmptyRow() {
      const last = rows.lastElementChild;
      if (!last || last.querySelector('.kv-key').value !== '') addRow();
    }

    function insertQuick(q) {
      const empty = Array.from(rows.children).find((r) => r.querySelector('.kv-key').value === '');
      if (empty) empty.remove();
      const row = addRow(q.key, '', q.type || 'string');
      ensureEmptyRow();
      row.querySelector('.kv-value').focus();
    }

    if (quick.length) {
      el.append(h('div', { class: 'kv-quick' }, h('span', { class: 'muted' }, 'Add: '),
        quick.map((q) => h('button', { type: 'button', class: 'link', title: q.key, onclick: () => insertQuick(q) }, q.label))));
    }
    addRow();

    return {
      el,
      value() {
        const result = {};
        for (const row of rows.children) {
          const key = row.querySelector('.kv-key').value.trim();
          if (!key) continue;
          const raw = row.querySelector('.kv-value').value;
          const type = row.querySelector('.kv-type').value;
          result[key] = convert(key, raw, type);
        }
        return result;
      },
      clear() {
        rows.replaceChildren();
        addRow();
      },
    };
  };

  function convert(key, raw, type) {
    if (type === 'number') {
      const n = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(n)) throw new Error('"' + key + '" must be a number, not "' + raw + '"');
      return n;
    }
    if (type === 'boolean') return /^(true|yes|1)$/i.test(raw.trim());
    return raw;
  }

  /** Triggers a download of text as a file. */
  ui.download = function (filename, text, type = 'application/json') {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  /** Feature badges of a queue or exchange (D, AD, Excl, I, and one per argument). */
  ui.features = function (obj) {
    const items = [];
    if (obj.durable) items.push({ text: 'D', title: 'durable' });
    if (obj.auto_delete) items.push({ text: 'AD', title: 'auto-delete' });
    if (obj.exclusive) items.push({ text: 'Excl', title: 'exclusive' });
    if (obj.internal) items.push({ text: 'I', title: 'internal' });
    for (const [key, value] of Object.entries(obj.arguments || {})) {
      items.push({ text: ARG_ABBREVIATIONS[key] || 'Args', title: key + ': ' + fmt.value(value), cls: 'arg' });
    }
    return ui.badges(items);
  };

  const ARG_ABBREVIATIONS = {
    'x-message-ttl': 'TTL',
    'x-expires': 'Exp',
    'x-max-length': 'Lim',
    'x-max-length-bytes': 'Lim B',
    'x-overflow': 'Ovfl',
    'x-dead-letter-exchange': 'DLX',
    'x-dead-letter-routing-key': 'DLK',
    'x-max-priority': 'Pri',
    'x-single-active-consumer': 'SAC',
    'x-queue-type': 'Type',
    'x-queue-mode': 'Mode',
    'alternate-exchange': 'AE',
  };

  /** Well-known queue arguments for the kv editor's quick links. */
  ui.QUEUE_ARGS = [
    { key: 'x-message-ttl', type: 'number', label: 'Message TTL' },
    { key: 'x-expires', type: 'number', label: 'Auto expire' },
    { key: 'x-max-length', type: 'number', label: 'Max length' },
    { key: 'x-max-length-bytes', type: 'number', label: 'Max length bytes' },
    { key: 'x-overflow', type: 'string', label: 'Overflow' },
    { key: 'x-dead-letter-exchange', type: 'string', label: 'Dead letter exchange' },
    { key: 'x-dead-letter-routing-key', type: 'string', label: 'Dead letter routing key' },
    { key: 'x-max-priority', type: 'number', label: 'Max priority' },
    { key: 'x-single-active-consumer', type: 'boolean', label: 'Single active consumer' },
  ];

  ui.EXCHANGE_ARGS = [{ key: 'alternate-exchange', type: 'string', label: 'Alternate exchange' }];

  /** The vhost list of the session (kept fresh by the app) as option lists. */
  ui.vhostOptions = function () {
    return (W.session.vhosts || []).map((v) => v.name);
  };

  /**
   * Fills a form's vhost <select> and, when the header's vhost filter changes (or on first fill), preselects the
   * filtered vhost; a choice the user made stays otherwise. owner remembers the last filter seen.
   */
  W.syncVhostDefault = function (select, owner) {
    ui.syncOptions(select, ui.vhostOptions());
    const filter = W.session.vhostFilter;
    if (owner.lastVhostFilter === filter || document.activeElement === select) return;
    owner.lastVhostFilter = filter;
    if (filter && Array.from(select.options).some((o) => o.value === filter)) select.value = filter;
  };

  /** Hash link to an object's page. */
  ui.link = function (text, hash, attrs = {}) {
    return h('a', Object.assign({ href: hash }, attrs), text);
  };

  /** Builds a "#/a/b/c" hash from segments, each percent-encoded. */
  ui.hash = function (...segments) {
    return '#/' + segments.map((seg) => encodeURIComponent(String(seg))).join('/');
  };

  W.ui = ui;

  /** What the app knows about the session: whoami, vhosts, the chosen vhost filter ('' = all). */
  W.session = { whoami: null, vhosts: [], vhostFilter: '' };

  /** True when the logged-in user carries the tag. */
  W.session.hasTag = function (tag) {
    const tags = (W.session.whoami && W.session.whoami.tags) || [];
    const list = Array.isArray(tags) ? tags : String(tags).split(',');
    return list.includes(tag);
  };
}(window.Warren));
