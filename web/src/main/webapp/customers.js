// Customers: search by one key (phone, ID number, name, member number, e-mail) and the customer's page: golden
// fields with lineage, roles, the summary per system, the linked records, why each record belongs (evidence per
// field), the timeline with filters. The state lives in the location's hash (#phone=..., #customer=C-...), so back,
// forward and links work, and what was searched for never reaches the server's access log. Masking is the
// server's: the page shows what the API gives the role.

const SEARCH_KEYS = {
  auto: 'any key (detected)',
  phone: 'phone',
  idNumber: 'ID number',
  name: 'name',
  memberNo: 'member number',
  email: 'e-mail',
};
const PAGE_SIZE = 20;
const TIMELINE_PAGE = 20;
const FACT_TYPES = ['CONTRACT', 'LEASE', 'UNIT', 'ARREARS', 'WORK_ORDER', 'MEMBERSHIP', 'POINTS', 'TICKET'];

/**
 * The key an input is searched by when none is chosen: an e-mail has an @; 18 characters (digits, a final X) or 15
 * digits are a resident ID number (a phone written with its country code starts with + or 00 instead); other
 * digits are a phone; letters with digits are a member number (M00012345); anything else is a name.
 */
function detectKey(text) {
  const compact = text.normalize('NFKC').replace(/[\s()\-]/g, '');
  if (compact.includes('@')) return 'email';
  if (/^\d{17}[\dXx]$/.test(compact) || /^[1-9]\d{14}$/.test(compact)) return 'idNumber';
  if (/^\+?\d+$/.test(compact)) return 'phone';
  if (/\d/.test(compact) && /^[A-Za-z0-9]+$/.test(compact)) return 'memberNo';
  return 'name';
}

/** The location's hash as parameters, and back. */
function hashParams() {
  return new URLSearchParams(location.hash.slice(1));
}

function customers() {
  return consolePage({
    refresh: false,
    keys: SEARCH_KEYS,
    factTypes: FACT_TYPES,
    form: {text: '', key: 'auto', birthDate: '', gender: ''},
    searched: null,
    results: null,
    searchError: null,
    customer: null,
    mergedFrom: null,
    why: null,
    timeline: {facts: [], next: null, source: '', type: ''},
    customerError: null,

    async load() {
      window.addEventListener('hashchange', () => this.route());
      await this.route();
    },

    /** Shows what the hash names: a customer, a search, or the empty search box. */
    async route() {
      const params = hashParams();
      this.customerError = null;
      if (params.has('customer')) {
        this.searched = null;
        await this.openCustomer(params.get('customer'));
        return;
      }
      this.customer = null;
      const key = Object.keys(SEARCH_KEYS).find(k => k !== 'auto' && params.has(k));
      if (key) {
        this.form.text = params.get(key);
        this.form.birthDate = params.get('birthDate') || '';
        this.form.gender = params.get('gender') || '';
        await this.search(key, params.get(key), Number(params.get('page') || 0));
      }
    },

    /** The key the box's input is searched by: the one chosen, or the one detected. */
    keyOf() {
      return this.form.key === 'auto' ? detectKey(this.form.text) : this.form.key;
    },

    /** Birth date and gender narrow a name search only: an empty box chosen as automatic is no name yet. */
    nameSearch() {
      return this.form.key === 'name' || (this.form.text.trim() !== '' && this.keyOf() === 'name');
    },

    /** Puts the search in the hash (which runs it): a new search starts on its first page. */
    submit() {
      const text = this.form.text.trim();
      if (!text) return;
      const key = this.keyOf();
      const params = new URLSearchParams({[key]: text});
      if (key === 'name') {
        if (this.form.birthDate) params.set('birthDate', this.form.birthDate);
        if (this.form.gender) params.set('gender', this.form.gender);
      }
      location.hash = params.toString();
    },

    async search(key, value, page) {
      const query = new URLSearchParams({[key]: value, page, size: PAGE_SIZE});
      if (key === 'name') {
        const params = hashParams();
        ['birthDate', 'gender'].forEach(p => params.get(p) && query.set(p, params.get(p)));
      }
      this.searched = {key, label: SEARCH_KEYS[key], value, page};
      const answer = await api('customers?' + query);
      this.results = answer.ok ? answer.body : null;
      this.searchError = answer.ok ? null : failure(answer);
    },

    /** The hash of another page of the current search. */
    pageHash(page) {
      const params = hashParams();
      params.set('page', page);
      return '#' + params;
    },

    lastPage() {
      return this.results ? Math.max(Math.ceil(this.results.total / this.results.size) - 1, 0) : 0;
    },

    /**
     * The customer's view and why, asked at once. A merged-away id answers with its survivor's id: the page shows
     * the survivor (the why call already answered for it) with a note.
     */
    async openCustomer(id) {
      const [view, why] = await Promise.all([api('customers/' + encodeURIComponent(id)), api('customers/' + encodeURIComponent(id) + '/why')]);
      let shown = view;
      if (view.ok && view.body.status === 'MERGED') {
        shown = await api('customers/' + encodeURIComponent(view.body.mergedInto));
      }
      if (!shown.ok || !why.ok) {
        this.customer = null;
        this.customerError = failure(shown.ok ? why : shown);
        return;
      }
      this.mergedFrom = shown === view ? null : id;
      this.customer = shown.body;
      this.why = why.body;
      this.timeline = {facts: shown.body.timeline, next: shown.body.timelineNext, source: '', type: ''};
    },

    /** Golden fields with lineage; phones and e-mails are listed whole below them, best first. */
    goldenFields() {
      return Object.entries(this.customer.golden).filter(([field]) => field !== 'phone' && field !== 'email')
          .map(([field, value]) => ({field, ...value}))
          .concat(this.customer.phones.map(value => ({field: 'phone', ...value})))
          .concat(this.customer.emails.map(value => ({field: 'e-mail', ...value})));
    },

    /** The sources of the customer's records, for the timeline's filter. */
    sources() {
      return [...new Set(this.customer.sourceRecords.map(r => r.source))].sort();
    },

    /** The filtered timeline from its start (more=false) or its next page. */
    async readTimeline(more) {
      const query = new URLSearchParams({limit: TIMELINE_PAGE});
      if (this.timeline.source) query.set('source', this.timeline.source);
      if (this.timeline.type) query.set('type', this.timeline.type);
      if (more) query.set('cursor', this.timeline.next);
      const answer = await api('customers/' + encodeURIComponent(this.customer.id) + '/timeline?' + query);
      if (!answer.ok) {
        this.customerError = failure(answer);
        return;
      }
      this.timeline.facts = more ? this.timeline.facts.concat(answer.body.facts) : answer.body.facts;
      this.timeline.next = answer.body.next || null;
    },

    /** A fact's data in one line: key value pairs. */
    factData(fact) {
      return Object.entries(fact.data || {}).filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => k + ' ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(' · ');
    },

    /** The links that hold a record in the customer ([] when it is alone). */
    heldBy(record) {
      const membership = this.why && this.why.records.find(m => m.record.source === record.source && m.record.sourceId === record.sourceId);
      return membership ? membership.heldBy : [];
    },

    /** An evidence bar's width, in % of the largest weight of its link (against shows as much as for). */
    barWidth(link, evidence) {
      const largest = Math.max(...link.evidence.map(e => Math.abs(e.weight)), 1);
      return Math.round(Math.abs(evidence.weight) * 100 / largest) + '%';
    },

    money(amount) {
      return amount === null || amount === undefined ? '–' : Number(amount).toLocaleString(undefined, {maximumFractionDigits: 2}) + ' CNY';
    },

    number(value) {
      return value === null || value === undefined ? '–' : Number(value).toLocaleString(undefined, {maximumFractionDigits: 1});
    },
  });
}
