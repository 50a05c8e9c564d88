/*
 * Warren management console: the application shell (login, navigation by URL hash, polling, header).
 *
 * Routes: #/overview, #/queues, #/queues/<vhost>/<name>, #/exchanges, #/exchanges/<vhost>/<name>, #/routing[/<vhost>],
 * #/connections, #/admin[/users|vhosts|permissions|definitions]. Segments are percent-encoded.
 */
'use strict';

(function (W) {
  const { byId } = W.dom;
  const { api, ui } = W;

  const REFRESH_KEY = 'warren.console.refresh';

  const app = {
    current: null, // {view, key}
    timer: null,
    busy: false,
    generation: 0, // bumps on every navigation, so late answers for a previous view are dropped

    start() {
      api.onUnauthorized = (error) => this.toLogin('The server refused the credentials: ' + (error.reason || 'not authorised') + '.');
      byId('login-form').addEventListener('submit', (event) => {
        event.preventDefault();
        this.login();
      });
      byId('logout').addEventListener('click', () => this.logout());
      byId('error-close').addEventListener('click', () => ui.clearError());
      byId('refresh-now').addEventListener('click', () => this.refreshNow());
      const interval = byId('refresh-interval');
      const saved = localStorage.getItem(REFRESH_KEY);
      if (saved !== null && Array.from(interval.options).some((o) => o.value === saved)) interval.value = saved;
      interval.addEventListener('change', () => {
        localStorage.setItem(REFRESH_KEY, interval.value);
        this.schedule();
      });
      byId('vhost-filter').addEventListener('change', (event) => {
        W.session.vhostFilter = event.target.value;
        this.refreshNow();
      });
      window.addEventListener('hashchange', () => this.route());
      document.addEventListener('visibilitychange', () => {
        if (!document.hidden) this.refreshNow();
      });
      if (api.hasCredentials()) this.enter();
      else this.toLogin('');
    },

    // ------------------------------------------------------------ session

    async login() {
      const user = byId('login-username').value;
      const password = byId('login-password').value;
      api.setCredentials(user, password);
      const button = byId('login-submit');
      button.disabled = true;
      try {
        await this.enter(true);
      } finally {
        button.disabled = false;
      }
    },

    /** Checks the stored credentials with /api/whoami and shows the console. */
    async enter(fromForm = false) {
      let whoami;
      try {
        whoami = await api.get('/whoami', { noAuthRedirect: true });
      } catch (e) {
        if (e.status === 401) {
          const reason = e.reason || 'not authorised';
          this.toLogin(fromForm ? (/^login failed/i.test(reason) ? reason : 'Login failed: ' + reason)
            : 'Please log in again: ' + reason);
        } else {
          this.toLogin('Cannot log in: ' + (e instanceof W.ApiError ? e.describe() : e.message));
        }
        return;
      }
      W.session.whoami = whoami;
      byId('login-password').value = '';
      byId('login-error').hidden = true;
      byId('whoami-user').textContent = whoami.name;
      byId('whoami-tags').replaceChildren(...[ui.tags(whoami.tags)].flat());
      byId('login').hidden = true;
      byId('app').hidden = false;
      this.loadHeader();
      this.route();
    },

    toLogin(reason) {
      this.stop();
      api.clearCredentials();
      W.session.whoami = null;
      if (this.current) {
        this.current = null;
        byId('view').replaceChildren();
      }
      ui.clearError();
      byId('app').hidden = true;
      byId('login').hidden = false;
      byId('login-password').value = '';
      const error = byId('login-error');
      error.textContent = reason || '';
      error.hidden = !reason;
      byId('login-username').focus();
    },

    logout() {
      this.toLogin('');
    },

    /** The header's product/node line and the vhost list (also refreshed with every poll). */
    async loadHeader() {
      try {
        const overview = await api.get('/overview');
        const parts = [overview.product_name, overview.product_version].filter((x) => x).join(' ');
        byId('server-info').textContent = parts + (overview.node ? ' \u00b7 node ' + overview.node : '') +
          (overview.cluster_name ? ' \u00b7 cluster ' + overview.cluster_name : '');
      } catch (e) {
        // shown by the view's own refresh if it persists
      }
    },

    async loadVhosts() {
      const vhosts = (await api.get('/vhosts')) || [];
      W.session.vhosts = vhosts;
      const select = byId('vhost-filter');
      ui.syncOptions(select, vhosts.map((v) => v.name), 1);
      if (W.session.vhostFilter && !vhosts.some((v) => v.name === W.session.vhostFilter)) {
        W.session.vhostFilter = '';
        select.value = '';
      }
    },

    // ------------------------------------------------------------ routing

    parseHash() {
      const raw = location.hash.replace(/^#\/?/, '');
      const segments = raw ? raw.split('/').map((seg) => {
        try {
          return decodeURIComponent(seg);
        } catch (e) {
          return seg;
        }
      }) : [];
      return segments;
    },

    resolve(segments) {
      const [name, ...params] = segments;
      if (name === 'queues' && params.length >= 2) return { view: W.views.queue, params };
      if (name === 'exchanges' && params.length >= 2) return { view: W.views.exchange, params };
      const view = W.views[name];
      if (view && name !== 'queue' && name !== 'exchange') return { view, params };
      return { view: W.views.overview, params: [] };
    },

    route() {
      if (!W.session.whoami) return;
      const { view, params } = this.resolve(this.parseHash());
      this.generation++;
      if (this.current && this.current.view.unmount) this.current.view.unmount();
      this.current = { view, params };
      const root = byId('view');
      root.replaceChildren();
      ui.clearError('poll');
      window.scrollTo(0, 0);
      view.mount(root, params);
      document.title = view.title + ' \u00b7 Warren';
      document.querySelectorAll('.tabs a').forEach((a) => a.classList.toggle('active', a.dataset.view === view.nav));
      this.refreshNow();
    },

    // ------------------------------------------------------------ polling

    intervalSeconds() {
      return Number(byId('refresh-interval').value) || 0;
    },

    stop() {
      clearTimeout(this.timer);
      this.timer = null;
    },

    schedule() {
      this.stop();
      const seconds = this.intervalSeconds();
      if (seconds > 0 && W.session.whoami) this.timer = setTimeout(() => this.tick(), seconds * 1000);
    },

    tick() {
      if (document.hidden) this.schedule(); // the view is not visible: wait for the next tick
      else this.refreshNow();
    },

    /** Refreshes the vhost list and the visible view once, then schedules the next poll. */
    async refreshNow() {
      if (!this.current || !W.session.whoami) return;
      this.stop();
      const generation = this.generation;
      const { view } = this.current;
      try {
        await this.loadVhosts();
        if (generation !== this.generation) return;
        await view.refresh();
        if (generation !== this.generation) return;
        ui.clearError('poll');
        byId('last-update').textContent = 'updated ' + new Date().toLocaleTimeString();
      } catch (e) {
        if (generation !== this.generation) return;
        if (e instanceof W.ApiError && e.status === 401) return; // back at the login form
        ui.showError(e, 'poll');
      }
      if (generation === this.generation) this.schedule();
    },

    /** After an action: refresh shortly (the change is visible at once, without waiting for the poll). */
    refreshSoon() {
      setTimeout(() => this.refreshNow(), 150);
    },
  };

  W.app = app;
  document.addEventListener('DOMContentLoaded', () => app.start());
}(window.Warren));
