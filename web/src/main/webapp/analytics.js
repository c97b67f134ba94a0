// Customer value: the value matrix with its counts (a cell's customers listed on a click, highest value first), the
// customers at risk with their reasons, the satisfaction and loyalty distributions, and the last full recompute
// (started here by administrators). Scores are no personal data: the lists show customer ids, which link to the
// customer's page, where the role's masking applies.

const LIST_SIZE = 20;
// The matrix as it is drawn: potential value up, current value to the right (a cell is named current_potential).
const MATRIX_ROWS = [
  {label: 'high potential value', cells: ['LOW_HIGH', 'HIGH_HIGH']},
  {label: 'low potential value', cells: ['LOW_LOW', 'HIGH_LOW']},
];
const RISK_REASONS = {
  RECENT_UNRESOLVED_COMPLAINT: 'recent unresolved complaint',
  ARREARS: 'arrears',
  LEASE_ENDING_WITHOUT_RENEWAL: 'lease ending without renewal',
};
const INDICATORS = [
  {field: 'satisfaction', title: 'Satisfaction', colour: '#1971c2'},
  {field: 'loyalty', title: 'Loyalty', colour: '#2f9e44'},
];

// the histograms' count axis steps by whole customers: 1, 2, 5, 10, 20, 50, ...
const WHOLE_STEPS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6].flatMap(power => [1, 2, 5].map(m => m * power));
// uPlot charts live outside Alpine's reactive state, by indicator and by segment.
const histograms = new Map();
const segmentCharts = new Map();

// a segment's sizes are charted over this many days to now
const HISTORY_DAYS = 90;
// a campaign's results (GET /campaigns/{id}/results), one column each
const RESULT_COLUMNS = [
  {key: 'window', title: 'window', text: r => r.from + ' to ' + r.to},
  {key: 'complete', title: 'complete', text: r => r.complete ? 'yes' : 'not yet'},
  {key: 'targeted', title: 'targeted: members, response', text: r => r.targeted.members + ', ' + percent(r.targeted.responseRate)},
  {key: 'holdout', title: 'held out: members, response', text: r => r.holdout.members + ', ' + percent(r.holdout.responseRate)},
  {key: 'targeted-revenue', title: 'targeted revenue', text: r => money(r.targeted.revenue)},
  {key: 'holdout-revenue', title: 'held-out revenue', text: r => money(r.holdout.revenue)},
  {key: 'incremental-revenue', title: 'incremental revenue', text: r => money(r.incrementalRevenue)},
  {key: 'return-on-cost', title: 'return on cost', text: r => r.returnOnCost == null ? '–' : r.returnOnCost.toFixed(2)},
];

/** "216,000.00" for an amount in CNY. */
function money(amount) {
  return amount.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
}

function analytics() {
  return consolePage({
    refresh: false,
    matrix: null,
    distribution: null,
    progress: null,
    selected: null,
    outcome: null,
    segments: null,
    campaigns: null,
    lists: [
      {id: 'cell-customers', title: '', query: null, number: 0, page: null},
      {id: 'at-risk', title: 'At risk, highest current value first', query: 'atRisk=true', number: 0, page: null},
    ],

    async load() {
      const [matrix, distribution, progress] = await Promise.all(
        [api('analytics/value-matrix'), api('analytics/distribution'), api('analytics/recompute'), ...this.lists.map(list => this.fetchList(list))]);
      const refused = [matrix, distribution, progress].find(answer => !answer.ok);
      this.loadError = refused ? failure(refused) : null;
      this.matrix = matrix.ok ? matrix.body : null;
      this.distribution = distribution.ok ? distribution.body : null;
      this.progress = progress.ok ? progress.body : null;
      await Promise.all([this.loadSegments(), this.loadCampaigns()]);
      this.$nextTick(() => {
        this.drawHistograms();
        this.drawSegmentHistories();
      });
    },

    /** Every segment with its sizes of the last HISTORY_DAYS (GET /segments and GET /segments/history, for all at once). */
    async loadSegments() {
      const from = encodeURIComponent(new Date(Date.now() - HISTORY_DAYS * 86400000).toISOString());
      const [answer, histories] = await Promise.all([api('segments'), api('segments/history?from=' + from)]);
      if (!answer.ok) {
        this.segments = null;
        this.outcome = {failed: true, text: 'Segments: ' + failure(answer)};
        return;
      }
      const sizes = new Map(histories.ok ? histories.body.map(history => [history.segment, history.sizes]) : []);
      this.segments = answer.body.map(segment => ({...segment, sizes: sizes.get(segment.name) || []}));
    },

    /** Every campaign with its results computed now (GET /campaigns and GET /campaigns/results, for all at once). */
    async loadCampaigns() {
      const [answer, results] = await Promise.all([api('campaigns'), api('campaigns/results')]);
      if (!answer.ok) {
        this.campaigns = null;
        this.outcome = {failed: true, text: 'Campaigns: ' + failure(answer)};
        return;
      }
      const byCampaign = new Map(results.ok ? results.body.map(r => [r.campaignId, r]) : []);
      // a campaign recorded between the two answers has no results yet: its row says so
      this.campaigns = answer.body.map(campaign => {
        const found = byCampaign.get(campaign.id);
        return {...campaign, results: found || null, failure: found ? null : (results.ok ? 'no results yet' : failure(results))};
      });
    },

    cell(name) {
      return (this.matrix && this.matrix.cells.find(c => c.cell === name)) || {customers: 0, atRisk: 0};
    },

    async showCell(name) {
      this.selected = name;
      Object.assign(this.lists[0], {title: 'Customers of ' + name + ', highest current value first', query: 'cell=' + name, number: 0});
      await this.fetchList(this.lists[0]);
    },

    /** The list's current page from GET /analytics/customers. */
    async fetchList(list) {
      if (!list.query) return;
      const answer = await api('analytics/customers?' + list.query + '&page=' + list.number + '&size=' + LIST_SIZE);
      list.page = answer.ok ? answer.body : null;
      if (!answer.ok) this.outcome = {failed: true, text: list.title + ': ' + failure(answer)};
    },

    async turn(list, by) {
      list.number = Math.max(list.number + by, 0);
      await this.fetchList(list);
    },

    lastPage(list) {
      return Math.max(Math.ceil(list.page.total / list.page.size), 1);
    },

    recomputeState() {
      const p = this.progress;
      if (!p || !p.startedAt) return 'none since the server started';
      if (p.running) return 'running: ' + p.customers + ' customers scored so far';
      return p.failure ? 'stopped early' : 'finished ' + ago(p.finishedAt);
    },

    recompute() {
      this.askToConfirm({
        title: 'Recompute every score',
        text: 'Scores every active customer again as of today, in the background; changes arriving meanwhile are scored as they come.',
        label: 'Recompute',
        run: async () => {
          const answer = await api('analytics/recompute', {method: 'POST'});
          if (!answer.ok) return failure(answer);
          this.progress = answer.body;
          this.outcome = {failed: false, text: 'Recompute started.'};
          this.watchRecompute();
        },
      });
    },

    /** Follows a running recompute, then shows the scores it wrote. */
    async watchRecompute() {
      const answer = await api('analytics/recompute');
      if (answer.ok) this.progress = answer.body;
      if (answer.ok && this.progress.running) {
        setTimeout(() => this.watchRecompute(), 1000);
      } else {
        this.outcome = null; // the recompute's state says how it ended
        await this.reload();
      }
    },

    drawHistograms() {
      if (!this.distribution) return;
      for (const indicator of INDICATORS) {
        const element = document.querySelector('[data-histogram="' + indicator.field + '"]');
        const buckets = this.distribution[indicator.field];
        const data = [buckets.map((b, i) => i), buckets.map(b => b.customers)];
        drawChart(histograms, indicator.field, element, data, {
          height: 200,
          scales: {x: {time: false, range: [-0.5, buckets.length - 0.5]}, y: {range: (u, min, max) => [0, Math.max(max, 1)]}},
          // each bar labelled with where its bucket starts: whole ranges do not fit under ten narrow bars (the legend has them)
          axes: [{label: 'points from', values: (u, ticks) => ticks.map(i => buckets[i] ? String(buckets[i].from) : ''), splits: () => buckets.map((b, i) => i)},
                 {label: 'customers', incrs: WHOLE_STEPS}],
          series: [{label: 'points', value: (u, i) => i == null ? '' : buckets[i].from + '–' + buckets[i].to},
                   {label: 'customers', fill: indicator.colour, stroke: indicator.colour, points: {show: false},
                    paths: uPlot.paths.bars({size: [0.8, 60]})}],
        });
      }
    },

    drawSegmentHistories() {
      for (const segment of this.segments || []) {
        const element = document.querySelector('[data-segment-history="' + CSS.escape(segment.name) + '"]');
        if (!element) continue;
        const data = [segment.sizes.map(size => Date.parse(size.at) / 1000), segment.sizes.map(size => size.members)];
        drawChart(segmentCharts, segment.name, element, data, {
          height: 160,
          // the whole window, whatever the sizes cover (a new segment has one)
          scales: {x: {range: () => [Date.now() / 1000 - HISTORY_DAYS * 86400, Date.now() / 1000]},
                   y: {range: (u, min, max) => [0, Math.max(max, 1)]}},
          axes: [{}, {label: 'members', incrs: WHOLE_STEPS}],
          series: [{}, {label: 'members', stroke: '#1971c2', width: 1.5, points: {show: true}}],
        });
      }
    },
  });
}
