// Stewards: the review queue (pairs the matcher was unsure of, most likely first) with both records side by side and
// the evidence per field, accepted or rejected with a reason; a record split out of its customer; the audit trail,
// where a decision is undone. Every action goes through the confirmation dialog and needs a reason.

const QUEUE_LIMIT = 100;
const TRAIL_LIMIT = 100;

// The standardized values compared side by side: [label, how to read it from a record summary].
const COMPARED = [
  ['kind', r => r.kind],
  ['name', r => r.name],
  ['gender', r => r.gender],
  ['birth date', r => r.birthDate],
  ['ID type', r => r.idType],
  ['ID number', r => r.idNumber],
  ['phones', r => (r.phones || []).join(', ')],
  ['e-mails', r => (r.emails || []).join(', ')],
  ['address', r => r.address],
];

function stewards() {
  return consolePage({
    refresh: false,
    reviews: [],
    actions: [],
    outcome: null,
    split: {source: '', sourceId: '', block: true},
    compared: COMPARED,

    async load() {
      const [reviews, actions] = await Promise.all([api('steward/reviews?limit=' + QUEUE_LIMIT), api('steward/actions?limit=' + TRAIL_LIMIT)]);
      if (reviews.ok && actions.ok) {
        this.reviews = reviews.body;
        this.actions = actions.body;
      } else {
        this.loadError = failure(reviews.ok ? actions : reviews);
      }
    },

    /** A value as shown in the comparison; an empty one as a dash. */
    shown(value) {
      return value === null || value === undefined || value === '' ? '–' : value;
    },

    /** Both records state the value and they differ. */
    differs(pair, read) {
      const left = read(pair.left);
      const right = read(pair.right);
      return Boolean(left) && Boolean(right) && left !== right;
    },

    /** A bar's width in percent of half the bar area, scaled to the pair's strongest evidence. */
    barWidth(pair, evidence) {
      const strongest = Math.max(...pair.fieldEvidence.map(e => Math.abs(e.weight)).filter(Number.isFinite), 1);
      return Number.isFinite(evidence.weight) ? Math.round(Math.abs(evidence.weight) / strongest * 100) : 100;
    },

    weight(evidence) {
      return (evidence.weight > 0 ? '+' : '') + evidence.weight.toFixed(1) + (evidence.frequencyAdjusted ? ' (by frequency)' : '');
    },

    customerHref(id) {
      return 'customer.html?id=' + encodeURIComponent(id);
    },

    /** Accepts (merges the pair's customers) or rejects (keeps them apart for good) a review pair. */
    decide(pair, decision) {
      const accept = decision === 'accept';
      this.act({
        title: (accept ? 'Accept' : 'Reject') + ' pair ' + pair.linkId + '?',
        text: accept ? 'The two customers become one (' + pair.left.customerId + ' and ' + pair.right.customerId + ').'
          : 'The two records are kept apart for good: the matcher never merges them.',
        label: accept ? 'Accept' : 'Reject',
        path: 'steward/reviews/' + pair.linkId + '/' + decision,
      });
    },

    askSplit() {
      const {source, sourceId, block} = this.split;
      this.act({
        title: 'Split ' + source + '/' + sourceId + ' out?',
        text: 'The record leaves its customer for a new one' + (block ? ' and never joins its former fellow records again.'
          : '; new evidence (an update of the record) may merge it back.'),
        label: 'Split',
        path: 'steward/splits',
        body: {source, sourceId, block},
      });
    },

    undo(action) {
      this.act({
        title: 'Undo ' + action.type.toLowerCase() + ' ' + action.id + '?',
        text: 'The records go back to how the decision found them (a review pair returns to the queue).',
        label: 'Undo',
        path: 'steward/actions/' + action.id + '/undo',
      });
    },

    /** An action with its reason, after the confirmation; a refusal stays in the dialog with the API's reason. */
    act({title, text, label, path, body = {}}) {
      this.outcome = null;
      this.askToConfirm({
        title, text, label, reason: 'required',
        run: async reason => {
          const answer = await api(path, {method: 'POST', body: {...body, reason}});
          if (!answer.ok) {
            await this.reload(); // a pair another steward decided meanwhile leaves the queue
            return failure(answer);
          }
          this.outcome = 'Done: ' + answer.body.type.toLowerCase() + ' ' + answer.body.id + ', customers after: '
            + answer.body.after.map(c => c.customerId).join(', ');
          await this.reload();
        },
      });
    },

    undoable(action) {
      return action.type !== 'UNDO' && action.undoneBy == null; // JSON-B leaves null fields out
    },

    /** What an action was about: its review pair or its record. */
    subject(action) {
      const record = action.record ? action.record.source + '/' + action.record.sourceId : '';
      return [action.linkId == null ? '' : 'pair ' + action.linkId, record].filter(Boolean).join(', ');
    },
  });
}
