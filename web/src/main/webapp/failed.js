// Failed work: the open quarantine and the dead-letter queue, counted by cause; replay or discard one item
// or every item of a cause, each after a confirmation (a discard with its reason).

const LIST_LIMIT = 1000;
const DISCARDED_SHOWN = 20;
const BROKER_PARKED = 'parked by the broker (no reason recorded)';

// The two kinds of failed work: where each is listed, how an item is shown, replayed and discarded.
const KINDS = {
  quarantine: {
    title: 'Quarantine: input no connector could read',
    list: 'quarantine?status=OPEN&limit=' + LIST_LIMIT,
    key: item => String(item.id),
    source: item => item.source,
    position: item => item.position,
    content: item => item.maskedPayload,
    at: item => item.createdAt,
    cause: item => item.reason,
    replay: item => 'quarantine/' + item.id + '/replay',
    discard: item => 'quarantine/' + item.id + '/discard',
  },
  dlq: {
    title: 'Dead-letter queue: batches the resolver gave up on',
    list: 'dlq?limit=' + LIST_LIMIT,
    key: item => item.messageId,
    source: item => item.originalQueue,
    position: item => item.messageId + (item.deliveries ? ', ' + item.deliveries + ' deliveries' : ''),
    content: item => item.content,
    at: item => item.parkedAt || item.sentAt,
    cause: item => item.reason || BROKER_PARKED,
    replay: item => 'dlq/replay?messageId=' + encodeURIComponent(item.messageId),
    discard: item => 'dlq/discard?messageId=' + encodeURIComponent(item.messageId),
  },
};

function failedWork() {
  return consolePage({
    refresh: false,
    items: {quarantine: [], dlq: []},
    discarded: [],
    outcome: null,

    async load() {
      for (const kind of Object.keys(KINDS)) {
        const answer = await api(KINDS[kind].list);
        if (answer.ok) {
          this.items[kind] = answer.body;
        } else {
          this.loadError = failure(answer);
        }
      }
      await this.loadDiscarded();
    },

    /** The latest discards of both kinds, newest first, with who discarded what and why. */
    async loadDiscarded() {
      const [items, messages] = await Promise.all([api('quarantine?status=DISCARDED&limit=' + DISCARDED_SHOWN),
        api('dlq/discards?limit=' + DISCARDED_SHOWN)]);
      if (!items.ok || !messages.ok) {
        this.loadError = failure(items.ok ? messages : items);
        return;
      }
      this.discarded = [
        ...items.body.map(item => ({key: 'quarantine-' + item.id, at: item.closedAt, by: item.closedBy,
          what: 'quarantined ' + item.source + ' item, ' + item.position, cause: item.reason, reason: item.closeReason})),
        ...messages.body.map(entry => ({key: 'dlq-' + entry.id, at: entry.discardedAt, by: entry.actor,
          what: 'parked message ' + entry.messageId + ' from ' + entry.originalQueue, cause: entry.failure || BROKER_PARKED, reason: entry.reason})),
      ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, DISCARDED_SHOWN);
    },

    /** The items of a kind grouped by cause, the commonest first: [{cause, items}]. */
    causes(kind) {
      const byCause = new Map();
      for (const item of this.items[kind]) {
        const cause = KINDS[kind].cause(item);
        byCause.set(cause, [...(byCause.get(cause) || []), item]);
      }
      return [...byCause].map(([cause, items]) => ({cause, items})).sort((a, b) => b.items.length - a.items.length);
    },

    kinds: KINDS,

    /** Replays or discards some items of a kind after a confirmation; a discard needs a reason, kept with it. */
    ask(kind, operation, items, what) {
      this.outcome = null;
      const replay = operation === 'replay';
      this.askToConfirm({
        title: (replay ? 'Replay ' : 'Discard ') + what + '?',
        text: replay ? 'Each item is read again by today\'s connector or resolver; one that still fails stays here with its reason.'
          : 'Discarded items are gone for good from failed work (who discarded them, when and why is kept); deliver them again from the source if needed.',
        label: replay ? 'Replay' : 'Discard',
        reason: replay ? undefined : 'required',
        run: reason => this.runOn(kind, operation, items, replay ? undefined : {reason}),
      });
    },

    /** Runs the confirmed operation item by item and says what came of it. */
    async runOn(kind, operation, items, body) {
      let done = 0;
      const refused = [];
      for (const item of items) {
        const answer = await api(KINDS[kind][operation](item), {method: 'POST', body});
        if (answer.ok) {
          done++;
        } else {
          refused.push('item ' + KINDS[kind].key(item) + ' ' + failure(answer));
        }
      }
      const verb = operation === 'replay' ? 'replayed' : 'discarded';
      this.outcome = {text: done + ' ' + verb + (refused.length ? ', ' + refused.length + ' not: ' + refused.join('; ') : ''), failed: refused.length > 0};
      await this.reload();
    },
  });
}
