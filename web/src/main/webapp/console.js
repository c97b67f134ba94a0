// The console's shared parts: the API over the session's cookie, who is logged in, the navigation, formats.
// Each page is an Alpine.js component built with consolePage(), which loads the session first.

const ROLES = {viewer: 'hub-viewer', operator: 'hub-operator', admin: 'hub-admin'};

// The navigation: a role sees only the pages it may use (the server refuses the others anyway).
// Customers (hub-viewer and up) and Stewards (hub-admin) join this list.
const PAGES = [
  {href: 'index.html', title: 'Operations', roles: [ROLES.viewer, ROLES.operator, ROLES.admin]},
  {href: 'failed.html', title: 'Failed work', roles: [ROLES.operator, ROLES.admin]},
  {href: 'quality.html', title: 'Data quality', roles: [ROLES.viewer, ROLES.operator, ROLES.admin]},
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
    async init() {
      const session = await api('session');
      if (!session.ok) {
        this.loadError = failure(session);
        return;
      }
      this.user = session.body.user;
      this.roles = session.body.roles;
      this.pages = PAGES.filter(p => this.may(...p.roles));
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

document.querySelectorAll('header.console').forEach(header => header.innerHTML = HEADER);
