// Data quality: the figures of every source now (GET /quality) and their trend from the stored snapshots
// (GET /quality/history), one chart per source; administrators take a snapshot. Not refreshed by itself:
// the figures are counted over every record.

const TREND_DAYS = 90;
// The shares charted per source: [field of shares, label, colour].
const TREND_SERIES = [
  ['name', 'name', '#1971c2'],
  ['validPhone', 'valid phone', '#2f9e44'],
  ['validIdNumber', 'valid ID', '#f08c00'],
  ['birthDate', 'birth date', '#9c36b5'],
  ['invalidIdNumber', 'invalid ID', '#e03131'],
  ['invalidPhone', 'invalid phone', '#c2255c'],
];

// uPlot charts live outside Alpine's reactive state, by source.
const trendCharts = new Map();

function dataQuality() {
  return consolePage({
    refresh: false,
    report: null,
    history: [],
    trendSources: [],
    outcome: null,

    async load() {
      const from = new Date(Date.now() - TREND_DAYS * 86400000).toISOString();
      const [current, history] = await Promise.all([api('quality'), api('quality/history?from=' + encodeURIComponent(from))]);
      this.loadError = current.ok ? null : failure(current);
      this.report = current.ok ? current.body : null;
      this.history = history.ok ? history.body.snapshots : [];
      this.trendSources = [...new Set(this.history.flatMap(snapshot => snapshot.sources.map(s => s.source)))].sort();
      this.$nextTick(() => this.drawTrends());
    },

    async takeSnapshot() {
      const answer = await api('quality/snapshots', {method: 'POST'});
      this.outcome = answer.ok
        ? {failed: false, text: 'Snapshot taken of ' + answer.body.sources.length + ' sources.'}
        : {failed: true, text: 'No snapshot: ' + failure(answer)};
      await this.reload();
    },

    drawTrends() {
      for (const source of this.trendSources) {
        const element = document.querySelector('[data-trend="' + CSS.escape(source) + '"]');
        if (!element) continue;
        const points = this.history.map(snapshot => [Date.parse(snapshot.at) / 1000,
          snapshot.sources.find(s => s.source === source)]).filter(([, figures]) => figures);
        const data = [points.map(([at]) => at), ...TREND_SERIES.map(([field]) => points.map(([, f]) => f.shares[field] * 100))];
        drawChart(trendCharts, source, element, data, {
          height: 180,
          // the whole window, whatever the snapshots cover (one snapshot alone would stretch over years)
          scales: {x: {range: () => [Date.now() / 1000 - TREND_DAYS * 86400, Date.now() / 1000]}, y: {range: [0, 100]}},
          axes: [{}, {values: (u, ticks) => ticks.map(t => t + ' %')}],
          series: [{}, ...TREND_SERIES.map(([, label, stroke]) => ({label, stroke, width: 1.5,
            value: (u, v) => v == null ? '' : v.toFixed(1) + ' %'}))],
        });
      }
    },
  });
}
