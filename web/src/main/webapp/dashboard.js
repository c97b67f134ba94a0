// The operations dashboard: overall state (/health), every connector with its lag (/connectors) and routes
// (/routes, grouped by source), the internal routes; stop, start, suspend and resume with a confirmation.

// The connectors the hub always has, shown even before they delivered anything; other canonical sources join as they appear.
const CONNECTORS = ['sales', 'leasing', 'property', 'membership', 'service', 'canonical'];
const INTERNAL = 'internal';

// What an operator may do to a route in each state: [action, label].
const ROUTE_ACTIONS = {
  Started: [['suspend', 'Suspend'], ['stop', 'Stop']],
  Suspended: [['resume', 'Resume'], ['stop', 'Stop']],
  Stopped: [['start', 'Start']],
};

// uPlot charts live outside Alpine's reactive state, by route id.
const charts = new Map();

function dashboard() {
  return consolePage({
    refresh: true,
    health: null,
    connectors: {sources: [], queues: [], resolver: null},
    routes: [],
    routesError: null,
    resolver: null,

    async load() {
      const [health, connectors, routes, resolver] = await Promise.all([api('health'), api('connectors'), api('routes'), api('resolver')]);
      this.health = health.body;
      this.resolver = resolver.ok ? resolver.body.timings : null;
      if (connectors.ok) {
        this.connectors = connectors.body;
      }
      this.routes = routes.ok ? routes.body.routes : [];
      this.routesError = routes.ok ? null : 'Route statistics unavailable (' + failure(routes) + ')';
      this.$nextTick(() => this.drawCharts());
    },

    /** One card per connector (with its lag and routes), then the internal routes. */
    groups() {
      const names = [...CONNECTORS];
      this.connectors.sources.forEach(s => names.includes(s.source) || names.push(s.source));
      this.routes.forEach(r => r.group === INTERNAL || names.includes(r.group) || names.push(r.group));
      const cards = names.map(name => ({
        name,
        activity: this.connectors.sources.find(s => s.source === name) || null,
        routes: this.routes.filter(r => r.group === name),
      }));
      cards.push({name: INTERNAL, activity: null, routes: this.routes.filter(r => r.group === INTERNAL)});
      return cards;
    },

    /** failing, stopped, suspended, running or idle: what the card's badge says. */
    connectorState(card) {
      if (card.activity && card.activity.failingSince) return 'failing';
      if (card.routes.some(r => r.failing)) return 'failing';
      if (card.routes.some(r => r.state === 'Stopped')) return 'stopped';
      if (card.routes.some(r => r.state === 'Suspended')) return 'suspended';
      return card.routes.length || card.activity ? 'running' : 'idle';
    },

    routeState(route) {
      return route.failing && route.state === 'Started' ? 'failing' : route.state.toLowerCase();
    },

    actions(route) {
      return ROUTE_ACTIONS[route.state] || [];
    },

    lastHour(route) {
      return route.perMinute.reduce((sum, n) => sum + n, 0);
    },

    queue(name) {
      const queue = (this.connectors.queues || []).find(q => q.queue === name);
      return queue && queue.messages !== null ? queue.messages : '?';
    },

    /** Stops, starts, suspends or resumes a route after a confirmation with an optional reason. */
    ask(route, action, label) {
      this.askToConfirm({
        title: label + ' ' + route.id + '?',
        text: action === 'stop' ? 'A stopped route takes nothing in until it is started again.' : '',
        label,
        reason: 'optional',
        run: async reason => {
          const answer = await api('routes/' + encodeURIComponent(route.id) + '/' + action, {method: 'POST', body: {reason}});
          if (!answer.ok) {
            return failure(answer);
          }
          await this.reload();
        },
      });
    },

    drawCharts() {
      const minutes = Array.from({length: 60}, (_, i) => i - 59);
      for (const route of this.routes) {
        const element = document.querySelector('[data-chart="' + CSS.escape(route.id) + '"]');
        if (!element) continue;
        const data = [minutes, route.perMinute];
        const chart = charts.get(route.id);
        if (chart && element.contains(chart.root)) {
          chart.setData(data);
        } else {
          element.replaceChildren();
          charts.set(route.id, new uPlot({
            width: 180, height: 36, cursor: {show: false}, legend: {show: false}, select: {show: false},
            scales: {x: {time: false}, y: {range: (u, min, max) => [0, Math.max(max, 1)]}},
            axes: [{show: false}, {show: false}],
            series: [{}, {stroke: '#1971c2', fill: 'rgba(25, 113, 194, 0.15)', width: 1, points: {show: false}}],
          }, data, element));
        }
      }
    },
  });
}
