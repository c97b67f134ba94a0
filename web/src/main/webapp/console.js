// The console's shared parts: the API over the session's cookie, who is logged in, the navigation, formats.
// Each page is an Alpine.js component built with consolePage(), which loads the session first.

const ROLES = {viewer: 'hub-viewer', operator: 'hub-operator', admin: 'hub-admin'};

// The navigation: a role sees only the pages it may use (the server refuses the others anyway), and is sent from
// a page it may not use to its first one: a viewer who logs in lands on Customers, not on the operations dashboard.
const PAGES = [
  {href: 'index.html', title: 'Operations', roles: [ROLES.operator, ROLES.admin]},
  {href: 'failed.html', title: 'Failed work', roles: [ROLES.operator, ROLES.admin]},
  {href: 'customers.html', title: 'Customers', roles: [ROLES.viewer, ROLES.operator, ROLES.admin]},
  {href: 'quality.html', title: 'Data quality', roles: [ROLES.viewer, ROLES.operator, ROLES.admin]},
  {href: 'analytics.html', title: 'Customer value', roles: [ROLES.viewer, ROLES.operator, ROLES.admin]},
  {href: 'stewards.html', title: 'Stewards', roles: [ROLES.admin]},
];

const REFRESH_MILLIS = 5000;

/**
 * Calls the hub's API; answers {status, body} with the JSON body (or null). A lost session opens the page again
 * (a page always needs a login, so the hub asks for it and comes back to the page).
 */
async function api(path, {method = 'GET', body} = {}) {
  const response = await fetch('api/' + path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {Accept: 'application/json'} : {Accept: 'application/json', 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.replace(location.pathname.endsWith('.html') ? location.href : 'index.html');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = {error: text};
  }
  return {status: response.status, ok: response.ok, body: json};
}

/** The reason an answer gives (an error's, or the reason an item still holds), for a message to the operator. */
function failure(answer) {
  const reason = answer.body && (answer.body.error || answer.body.reason);
  return 'HTTP ' + answer.status + (reason ? ': ' + reason : '');
}

/** "3 min ago" for an ISO instant, "never" for none. */
function ago(instant) {
  if (!instant) {
    return 'never';
  }
  const seconds = Math.round((Date.now() - Date.parse(instant)) / 1000);
  if (seconds < 60) return Math.max(seconds, 0) + ' s ago';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  if (seconds < 86400) return Math.round(seconds / 3600) + ' h ago';
  return new Date(instant).toLocaleString();
}

/** "12.5 %" for a share of 0.125. */
function percent(share) {
  return (share * 100).toFixed(1) + ' %';
}

/**
 * Draws data as the uPlot chart kept in charts under key: the chart already in the element gets the new data (a page
 * reloading keeps its charts), else a new one of these options, as wide as the element, takes the element's place.
 */
function drawChart(charts, key, element, data, options) {
  const chart = charts.get(key);
  if (chart && element.contains(chart.root)) {
    chart.setData(data);
    return;
  }
  element.replaceChildren();
  charts.set(key, new uPlot({width: Math.max(element.clientWidth, 320), ...options}, data, element));
}

/** The local time of an ISO instant, for a title attribute. */
function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

/**
 * A page component: the session (user, roles, the pages they may use) plus the page's own state and methods.
 * page.load() is called once the session is known, and then every REFRESH_MILLIS when page.refresh is true.
 */
function consolePage(page) {
  return Object.assign({
    user: null,
    roles: [],
    pages: [],
    loadError: null,
    refreshedAt: null,
    dialog: null,
    async init() {
      const session = await api('session');
      if (!session.ok) {
        this.loadError = failure(session);
        return;
      }
      this.roles = session.body.roles;
      this.pages = PAGES.filter(p => this.may(...p.roles));
      if (this.pages.length && !this.pages.some(p => this.current(p.href))) {
        location.replace(this.pages[0].href);
        return;
      }
      this.user = session.body.user;
      await this.reload();
      if (this.refresh) {
        setInterval(() => this.reload(), REFRESH_MILLIS);
      }
    },
    async reload() {
      await this.load();
      this.refreshedAt = new Date().toLocaleTimeString();
    },
    may(...roles) {
      return roles.some(role => this.roles.includes(role));
    },
    current(href) {
      return location.pathname.endsWith('/' + href) || (href === 'index.html' && location.pathname.endsWith('/'));
    },

    /**
     * Opens the confirmation dialog: title, what will happen (text), the button's label, whether a reason is
     * 'required' or 'optional' (none asked when absent), and run(reason), which does the action and answers an
     * error to show in the dialog (the action is then not done), or nothing to close it.
     */
    askToConfirm({title, text, label, reason, run}) {
      this.dialog = {title, text, label, reason, run, given: '', error: null, running: false};
    },

    async confirmDialog() {
      this.dialog.running = true;
      const error = await this.dialog.run(this.dialog.given.trim());
      if (error) {
        Object.assign(this.dialog, {error, running: false});
      } else {
        this.dialog = null;
      }
    },
  }, page);
}

// The header of every page (inside its component): the pages the role may use, who is logged in, log out.
const HEADER = `
  <nav>
    <ul>
      <li><strong>Atrium</strong></li>
      <template x-for="page in pages" :key="page.href">
        <li><a :href="page.href" x-text="page.title" :aria-current="current(page.href) ? 'page' : null"></a></li>
      </template>
    </ul>
    <ul>
      <li><small x-show="refreshedAt">as of <span x-text="refreshedAt"></span></small></li>
      <li><span id="user" x-text="user"></span> <small x-text="roles.join(', ')"></small></li>
      <li><form method="post" action="logout"><button id="logout" class="secondary outline">Log out</button></form></li>
    </ul>
  </nav>
  <p class="error" x-show="loadError" x-text="loadError"></p>`;

// The confirmation dialog every page's actions go through (askToConfirm): a reason when the action takes one,
// and the API's refusal with its reason.
const DIALOG = `
  <dialog id="confirm" :open="dialog !== null">
    <template x-if="dialog">
      <article>
        <h3 x-text="dialog.title"></h3>
        <p x-show="dialog.text" x-text="dialog.text"></p>
        <label x-show="dialog.reason">
          <span x-text="dialog.reason === 'required' ? 'Reason (required, kept in the audit trail)' : 'Reason (kept in the audit trail)'"></span>
          <input id="dialog-reason" x-model="dialog.given" maxlength="2000">
        </label>
        <p id="dialog-error" class="error" x-show="dialog.error" x-text="dialog.error"></p>
        <footer>
          <button id="dialog-cancel" class="secondary" @click="dialog = null">Cancel</button>
          <button id="dialog-confirm" @click="confirmDialog()" x-text="dialog.label"
                  :disabled="dialog.running || (dialog.reason === 'required' && !dialog.given.trim())"></button>
        </footer>
      </article>
    </template>
  </dialog>`;

document.querySelectorAll('header.console').forEach(header => header.innerHTML = HEADER);
document.querySelectorAll('main').forEach(main => main.insertAdjacentHTML('beforeend', DIALOG));
