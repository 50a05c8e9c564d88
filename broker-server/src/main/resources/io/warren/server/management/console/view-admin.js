/*
 * Warren management console: the Admin view (users, virtual hosts, permissions, definitions export/import).
 * One sub-tab at a time; each sub-tab is a small object with mount/refresh like a view.
 */
'use strict';

(function (W) {
  const { h, update } = W.dom;
  const { api, fmt, ui } = W;

  const KNOWN_TAGS = ['administrator', 'monitoring', 'policymaker', 'management'];

  function statusLine(testid) {
    return h('p', { class: 'flash', hidden: true, role: 'status', testid });
  }

  function submitButton(label, testid) {
    return h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary', testid }, label));
  }

  function onSubmit(form, status, action) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      ui.run(action, status);
    });
    return form;
  }

  /** Comma-separated tags from a text field. */
  function parseTags(text) {
    return text.split(',').map((t) => t.trim()).filter((t) => t);
  }

  // ================================================================ users

  const Users = {
    el: {},

    mount(root) {
      this.el.table = h('div', { class: 'table-wrap' });
      this.el.editForm = this.editForm();
      root.append(this.el.table, h('div', { class: 'columns' }, this.addForm(), this.el.editForm));
    },

    async refresh() {
      this.users = (await api.get('/users')) || [];
      this.draw();
    },

    draw() {
      update(this.el.table, [this.users, this.sort], () => ui.table([
        { title: 'Name', field: 'name', cls: 'name' },
        { title: 'Tags', field: 'tags', render: (u) => ui.tags(u.tags) },
        { title: 'Password', field: 'password_hash', render: (u) => (u.password_hash ? '\u25cf\u25cf\u25cf' : h('span', { class: 'muted' }, 'none')) },
        {
          title: '', cls: 'actions',
          render: (u) => [
            h('button', { type: 'button', class: 'small', testid: 'user-edit', onclick: () => this.edit(u) }, 'Edit'),
            h('button', { type: 'button', class: 'small danger-link', testid: 'user-delete', onclick: () => this.remove(u) }, 'Delete'),
          ],
        },
      ], this.users, {
        testid: 'users-table', id: 'users-table', sortState: this.sort || (this.sort = { key: 'name', desc: false }),
        onSort: () => this.draw(), rowAttrs: (u) => ({ 'data-user': u.name }), empty: 'No users.',
      }));
    },

    tagPicker(input) {
      return h('span', { class: 'tag-picker' }, KNOWN_TAGS.map((tag) => h('button', {
        type: 'button', class: 'link', onclick: () => {
          const tags = parseTags(input.value);
          if (!tags.includes(tag)) tags.push(tag);
          input.value = tags.join(', ');
        },
      }, tag)), h('button', { type: 'button', class: 'link', onclick: () => { input.value = ''; } }, 'none'));
    },

    addForm() {
      const name = h('input', { name: 'name', required: true, testid: 'user-add-name', autocomplete: 'off' });
      const password = h('input', { name: 'password', type: 'password', testid: 'user-add-password', autocomplete: 'new-password' });
      const tags = h('input', { name: 'tags', testid: 'user-add-tags', placeholder: 'e.g. management' });
      const status = statusLine('user-add-status');
      const form = h('form', { class: 'form', testid: 'user-add-form', id: 'user-add-form' },
        h('h3', null, 'Add a user'),
        ui.field('Username', name), ui.field('Password', password), ui.field('Tags', tags), this.tagPicker(tags),
        submitButton('Add user', 'user-add-submit'), status);
      return onSubmit(form, status, async () => {
        await api.put(api.path('users', name.value), { password: password.value, tags: parseTags(tags.value).join(',') });
        ui.flash(status, 'User "' + name.value + '" added.');
        name.value = '';
        password.value = '';
        tags.value = '';
        W.app.refreshSoon();
      });
    },

    editForm() {
      const name = h('input', { name: 'name', required: true, readonly: true, testid: 'user-edit-name' });
      const tags = h('input', { name: 'tags', testid: 'user-edit-tags' });
      const password = h('input', { name: 'password', type: 'password', testid: 'user-edit-password', autocomplete: 'new-password', placeholder: 'unchanged' });
      const status = statusLine('user-edit-status');
      this.el.editName = name;
      this.el.editTags = tags;
      this.el.editPassword = password;
      const form = h('form', { class: 'form', testid: 'user-edit-form', id: 'user-edit-form' },
        h('h3', null, 'Set tags / password'),
        h('p', { class: 'hint' }, 'Pick a user with its Edit button.'),
        ui.field('Username', name), ui.field('Tags', tags), this.tagPicker(tags), ui.field('New password', password),
        submitButton('Update user', 'user-edit-submit'), status);
      return onSubmit(form, status, async () => {
        const user = (this.users || []).find((u) => u.name === name.value);
        if (!user) throw new Error('Pick a user to edit first.');
        const body = { tags: parseTags(tags.value).join(',') };
        if (password.value) body.password = password.value;
        else if (user.password_hash) {
          body.password_hash = user.password_hash;
          if (user.hashing_algorithm) body.hashing_algorithm = user.hashing_algorithm;
        } else body.password_hash = '';
        await api.put(api.path('users', name.value), body);
        ui.flash(status, 'User "' + name.value + '" updated.');
        password.value = '';
        W.app.refreshSoon();
      });
    },

    edit(user) {
      this.el.editName.value = user.name;
      const tags = user.tags;
      this.el.editTags.value = Array.isArray(tags) ? tags.join(', ') : String(tags || '');
      this.el.editPassword.value = '';
      this.el.editTags.focus();
    },

    async remove(user) {
      const ok = await ui.confirm({ title: 'Delete user', message: 'Delete user "' + user.name + '" and its permissions?', confirmLabel: 'Delete' });
      if (!ok) return;
      await ui.run(() => api.del(api.path('users', user.name)));
      W.app.refreshSoon();
    },
  };

  // ================================================================ vhosts

  const Vhosts = {
    el: {},

    mount(root) {
      this.el.table = h('div', { class: 'table-wrap' });
      const name = h('input', { name: 'name', required: true, testid: 'vhost-add-name', autocomplete: 'off' });
      const status = statusLine('vhost-add-status');
      const form = h('form', { class: 'form panel', testid: 'vhost-add-form', id: 'vhost-add-form' },
        h('h3', null, 'Add a virtual host'), ui.field('Name', name), submitButton('Add virtual host', 'vhost-add-submit'), status);
      onSubmit(form, status, async () => {
        await api.put(api.path('vhosts', name.value), {});
        ui.flash(status, 'Virtual host "' + name.value + '" added.');
        name.value = '';
        W.app.refreshSoon();
      });
      root.append(this.el.table, form);
    },

    async refresh() {
      const vhosts = (await api.get('/vhosts')) || [];
      W.session.vhosts = vhosts;
      update(this.el.table, vhosts, () => ui.table([
        { title: 'Name', field: 'name', cls: 'name' },
        { title: 'Ready', field: 'messages_ready', num: true, render: (v) => fmt.num(v.messages_ready) },
        { title: 'Unacked', field: 'messages_unacknowledged', num: true, render: (v) => fmt.num(v.messages_unacknowledged) },
        { title: 'Total', field: 'messages', num: true, render: (v) => fmt.num(v.messages) },
        { title: 'Tracing', field: 'tracing', render: (v) => fmt.bool(v.tracing) },
        {
          title: '', cls: 'actions',
          render: (v) => h('button', { type: 'button', class: 'small danger-link', testid: 'vhost-delete', onclick: () => this.remove(v) }, 'Delete'),
        },
      ], vhosts, { testid: 'vhosts-table', id: 'vhosts-table', rowAttrs: (v) => ({ 'data-vhost': v.name }), empty: 'No virtual hosts.' }));
    },

    async remove(vhost) {
      const ok = await ui.confirm({
        title: 'Delete virtual host',
        message: 'Delete virtual host "' + vhost.name + '" with all its exchanges, queues, messages and permissions?',
        confirmLabel: 'Delete',
      });
      if (!ok) return;
      await ui.run(() => api.del(api.path('vhosts', vhost.name)));
      W.app.refreshSoon();
    },
  };

  // ================================================================ permissions

  const Permissions = {
    el: {},

    mount(root) {
      this.el.table = h('div', { class: 'table-wrap' });
      const user = h('select', { name: 'user', required: true, testid: 'permission-user' });
      const vhost = h('select', { name: 'vhost', required: true, testid: 'permission-vhost' });
      const configure = h('input', { name: 'configure', value: '.*', testid: 'permission-configure' });
      const write = h('input', { name: 'write', value: '.*', testid: 'permission-write' });
      const read = h('input', { name: 'read', value: '.*', testid: 'permission-read' });
      const status = statusLine('permission-status');
      Object.assign(this.el, { user, vhost, configure, write, read });
      const form = h('form', { class: 'form panel', testid: 'permission-form', id: 'permission-form' },
        h('h3', null, 'Set permission'),
        ui.field('User', user), ui.field('Virtual host', vhost),
        ui.field('Configure regexp', configure), ui.field('Write regexp', write), ui.field('Read regexp', read),
        submitButton('Set permission', 'permission-submit'), status);
      onSubmit(form, status, async () => {
        await api.put(api.path('permissions', vhost.value, user.value),
          { configure: configure.value, write: write.value, read: read.value });
        ui.flash(status, 'Permission of "' + user.value + '" on "' + vhost.value + '" set.');
        W.app.refreshSoon();
      });
      root.append(this.el.table, form);
    },

    async refresh() {
      const [permissions, users] = await api.getAll(['/permissions', '/users']);
      ui.syncOptions(this.el.user, (users || []).map((u) => u.name));
      ui.syncOptions(this.el.vhost, ui.vhostOptions());
      update(this.el.table, permissions, () => ui.table([
        { title: 'User', field: 'user', cls: 'name' },
        { title: 'Virtual host', field: 'vhost', cls: 'vhost' },
        { title: 'Configure', field: 'configure', cls: 'mono' },
        { title: 'Write', field: 'write', cls: 'mono' },
        { title: 'Read', field: 'read', cls: 'mono' },
        {
          title: '', cls: 'actions',
          render: (p) => [
            h('button', { type: 'button', class: 'small', testid: 'permission-edit', onclick: () => this.edit(p) }, 'Edit'),
            h('button', { type: 'button', class: 'small danger-link', testid: 'permission-clear', onclick: () => this.clear(p) }, 'Clear'),
          ],
        },
      ], permissions || [], {
        testid: 'permissions-table', id: 'permissions-table',
        rowAttrs: (p) => ({ 'data-permission': p.vhost + '/' + p.user }), empty: 'No permissions.',
      }));
    },

    edit(p) {
      this.el.user.value = p.user;
      this.el.vhost.value = p.vhost;
      this.el.configure.value = p.configure;
      this.el.write.value = p.write;
      this.el.read.value = p.read;
      this.el.configure.focus();
    },

    async clear(p) {
      const ok = await ui.confirm({
        title: 'Clear permission', message: 'Remove the permissions of "' + p.user + '" on virtual host "' + p.vhost + '"?', confirmLabel: 'Clear',
      });
      if (!ok) return;
      await ui.run(() => api.del(api.path('permissions', p.vhost, p.user)));
      W.app.refreshSoon();
    },
  };

  // ================================================================ definitions

  const Definitions = {
    el: {},

    mount(root) {
      const exportVhost = h('select', { testid: 'definitions-export-vhost' }, h('option', { value: '' }, 'All virtual hosts'));
      const importVhost = h('select', { testid: 'definitions-import-vhost' }, h('option', { value: '' }, 'All (as in the file)'));
      const file = h('input', { type: 'file', accept: '.json,application/json', required: true, testid: 'definitions-import-file' });
      const exportStatus = statusLine('definitions-export-status');
      const importStatus = statusLine('definitions-import-status');
      Object.assign(this.el, { exportVhost, importVhost });
      const exportForm = onSubmit(h('form', { class: 'form', testid: 'definitions-export-form' },
        h('h3', null, 'Export definitions'),
        h('p', { class: 'hint' }, 'Users, virtual hosts, permissions, exchanges, queues and bindings as JSON (RabbitMQ format).'),
        ui.field('Virtual host', exportVhost),
        submitButton('Download JSON', 'definitions-export'), exportStatus), exportStatus, async () => {
        const vhost = exportVhost.value;
        const data = await api.get(vhost ? api.path('definitions', vhost) : '/definitions');
        const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
        const label = vhost ? '-' + vhost.replace(/[^A-Za-z0-9_-]/g, '_') : '';
        ui.download('warren-definitions' + label + '-' + stamp + '.json', JSON.stringify(data, null, 2));
        ui.flash(exportStatus, 'Definitions downloaded.');
      });
      const importForm = onSubmit(h('form', { class: 'form', testid: 'definitions-import-form' },
        h('h3', null, 'Import definitions'),
        h('p', { class: 'hint' }, 'Adds or updates the objects of a definitions file; existing objects not in the file stay.'),
        ui.field('File', file), ui.field('Virtual host', importVhost),
        submitButton('Upload', 'definitions-import'), importStatus), importStatus, async () => {
        if (!file.files.length) throw new Error('Choose a definitions file first.');
        const text = await file.files[0].text();
        try {
          JSON.parse(text);
        } catch (e) {
          throw new Error('The file is not JSON: ' + e.message);
        }
        const vhost = importVhost.value;
        const ok = await ui.confirm({
          title: 'Import definitions',
          message: 'Import "' + file.files[0].name + '" into ' + (vhost ? 'virtual host "' + vhost + '"' : 'the broker') + '?',
          confirmLabel: 'Import',
        });
        if (!ok) return;
        await api.post(vhost ? api.path('definitions', vhost) : '/definitions', text);
        ui.flash(importStatus, 'Definitions imported from "' + file.files[0].name + '".');
        W.app.refreshSoon();
      });
      root.append(h('div', { class: 'columns' }, exportForm, importForm));
    },

    async refresh() {
      ui.syncOptions(this.el.exportVhost, ui.vhostOptions(), 1);
      ui.syncOptions(this.el.importVhost, ui.vhostOptions(), 1);
    },
  };

  // ================================================================ the view

  const SECTIONS = [
    { id: 'users', label: 'Users', part: Users },
    { id: 'vhosts', label: 'Virtual hosts', part: Vhosts },
    { id: 'permissions', label: 'Permissions', part: Permissions },
    { id: 'definitions', label: 'Definitions', part: Definitions },
  ];

  const AdminView = {
    nav: 'admin',
    title: 'Admin',

    mount(root, params) {
      const current = SECTIONS.find((sct) => sct.id === params[0]) || SECTIONS[0];
      this.part = current.part;
      this.part.el = {};
      const tabs = h('ul', { class: 'subtabs' }, SECTIONS.map((sct) => h('li', null,
        h('a', { href: ui.hash('admin', sct.id), id: 'admin-tab-' + sct.id, testid: 'admin-tab-' + sct.id, class: sct === current ? 'active' : null }, sct.label))));
      const body = h('div', { testid: 'admin-' + current.id, id: 'admin-' + current.id });
      root.append(h('div', { class: 'view-head' }, h('h2', null, 'Admin'), tabs));
      if (!W.session.hasTag('administrator')) {
        root.append(h('p', { class: 'notice', testid: 'admin-not-allowed' },
          'These pages need the administrator tag; you may see errors for what your tags do not allow.'));
      }
      root.append(body);
      this.part.mount(body);
    },

    refresh() {
      return this.part.refresh();
    },
  };

  W.views = W.views || {};
  W.views.admin = AdminView;
}(window.Warren));
