package io.atrium.hub.customer;

import io.atrium.hub.match.RecordHash;
import io.atrium.hub.match.ReviewState;
import io.atrium.hub.quality.RecordQuality;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.model.RecordKey;
import io.atrium.hub.persistence.PlainReads;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every query for source records, one a method: by key, by customer, by blocking-key hash, and the counts over them.
 * Each query runs in the caller's transaction and persistence context, with its flush mode: the resolver's reads
 * (flush mode COMMIT, {@code UnflushedRecords}) issue exactly the statements they did when they were written inline.
 * The reads of plain values the resolver makes many of run as plain SQL on the transaction's connection
 * ({@link PlainReads}), which flushes nothing, as those reads with flush mode COMMIT did not.
 */
@ApplicationScoped
public class JpaSourceRecordRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    /** The record with this (source, sourceId), as a managed entity. */
    public Optional<SourceRecord> find(String source, String sourceId) {
        return em.createNamedQuery(SourceRecord.BY_KEY, SourceRecord.class)
                .setParameter("source", source)
                .setParameter("sourceId", sourceId)
                .getResultStream().findFirst();
    }

    /** A source's records by source id: one array parameter, so the statement is the same whatever the ids (prepared and translated once). */
    private static final String CONTENT_BY_KEY = "select r.source, r.source_id, r.id, r.content_hash from source_record r "
            + "join unnest(?, ?) as k(source, source_id) on r.source = k.source and r.source_id = k.source_id";

    /**
     * The ids and content hashes of the stored records among these keys, in one statement on the key's unique index (a
     * resolver batch's stored versions): the sources and the source ids are two array parameters, read as (source,
     * source id) pairs. Native SQL: JPQL's {@code in :ids} expands to a parameter per id, a new statement text, and a new
     * translation, for every number of ids.
     */
    public Map<RecordKey, StoredContent> storedContentOf(Collection<RecordKey> keys) {
        Map<RecordKey, StoredContent> stored = new HashMap<>();
        plainRead(CONTENT_BY_KEY, (db, statement) -> {
            statement.setArray(1, db.createArrayOf("varchar", keys.stream().map(RecordKey::source).toArray(String[]::new)));
            statement.setArray(2, db.createArrayOf("varchar", keys.stream().map(RecordKey::sourceId).toArray(String[]::new)));
        }, row -> stored.put(new RecordKey(row.getString(1), row.getString(2)), new StoredContent(row.getLong(3), row.getString(4))));
        return stored;
    }

    /** The id of the record with this (source, sourceId), without loading it (for callers that lock before they read). */
    public Optional<Long> idOf(String source, String sourceId) {
        return em.createNamedQuery(SourceRecord.ID_BY_KEY, Long.class)
                .setParameter("source", source)
                .setParameter("sourceId", sourceId)
                .getResultStream().findFirst();
    }

    /** The records with these ids (those that exist), in one query. */
    public List<SourceRecord> withIds(Collection<Long> ids) {
        return em.createQuery("select r from SourceRecord r where r.id in :ids", SourceRecord.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The customer's records, by source and source id. */
    public List<SourceRecord> ofCustomer(String customerId) {
        return em.createNamedQuery(SourceRecord.OF_CUSTOMER, SourceRecord.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    /** The records of these customers, by source and source id. */
    public List<SourceRecord> ofCustomers(Collection<String> customerIds) {
        return em.createQuery("select r from SourceRecord r where r.customerId in :customers order by r.source, r.sourceId", SourceRecord.class)
                .setParameter("customers", customerIds)
                .getResultList();
    }

    /** The ids of the customer's records, in ascending order, without loading them. */
    public List<Long> idsOfCustomer(String customerId) {
        return em.createQuery("select r.id from SourceRecord r where r.customerId = :customer order by r.id", Long.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    /** The customers now holding these records. */
    public List<String> customersOf(Collection<Long> ids) {
        return em.createQuery("select r.customerId from SourceRecord r where r.id in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The customer's records as plain values, in no particular order: the members a record joining it meets. */
    public List<StoredMember> membersOf(String customerId) {
        List<StoredMember> members = new ArrayList<>();
        plainRead("select standardized, payload from source_record where customer_id = ?",
                (db, statement) -> statement.setString(1, customerId),
                row -> members.add(new StoredMember(row.getString(1), row.getString(2))));
        return members;
    }

    /** The records of these customers, in no particular order (for callers that need no sort). */
    public List<SourceRecord> ofCustomersInAnyOrder(Collection<String> customerIds) {
        return em.createQuery("select r from SourceRecord r where r.customerId in :customers", SourceRecord.class)
                .setParameter("customers", customerIds)
                .getResultList();
    }

    /** The customer's first records by id, at most {@code max}. */
    public List<SourceRecord> firstOfCustomer(String customerId, int max) {
        return em.createQuery("select r from SourceRecord r where r.customerId = :customer order by r.id", SourceRecord.class)
                .setParameter("customer", customerId)
                .setMaxResults(max)
                .getResultList();
    }

    /** The standardized forms of the customer's records (those that have one). */
    public List<String> standardizedOfCustomer(String customerId) {
        return em.createQuery("select r.standardized from SourceRecord r where r.customerId = :customer and r.standardized is not null", String.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    private static final String CUSTOMERS_LINKED_RIGHT_OF = "select r.customerId from SourceRecord r, MatchLink l "
            + "where l.leftRecordId = :id and r.id = l.rightRecordId";
    private static final String CUSTOMERS_LINKED_LEFT_OF = "select r.customerId from SourceRecord r, MatchLink l "
            + "where l.rightRecordId = :id and r.id = l.leftRecordId";

    /**
     * The customers holding the records linked (by any stored link) to this record: a statement per side of the link,
     * each on that side's index. The two sides joined by {@code or} in one statement, H2 pairs every record with every
     * link (as many rows read as records times links, for each record updated).
     */
    public List<String> customersLinkedTo(long recordId) {
        List<String> customers = new ArrayList<>(customersOfLinks(CUSTOMERS_LINKED_RIGHT_OF, recordId));
        customers.addAll(customersOfLinks(CUSTOMERS_LINKED_LEFT_OF, recordId));
        return customers;
    }

    private List<String> customersOfLinks(String query, long recordId) {
        return em.createQuery(query, String.class)
                .setParameter("id", recordId)
                .getResultList();
    }

    /** The records with ids after {@code afterId}, in id order, at most {@code max}, locked for update as they are read. */
    public List<SourceRecord> lockedAfter(long afterId, int max) {
        return em.createQuery("select r from SourceRecord r where r.id > :after order by r.id", SourceRecord.class)
                .setParameter("after", afterId)
                .setMaxResults(max)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * The stored form of the records with any of these blocking-key hashes, at most {@code max}, read as values, not
     * managed entities (a record's candidates, which every flush of the transaction would otherwise dirty-check).
     */
    public List<StoredForm> formsWithBlockingKeys(Collection<Long> hashes, int max) {
        return em.createQuery("select new io.atrium.hub.customer.StoredForm(r.id, r.customerId, r.standardized) "
                        + "from SourceRecord r where r.id in "
                        + "(select h.sourceRecordId from RecordHash h where h.hash in :hashes and h.field = :blocking)", StoredForm.class)
                .setParameter("hashes", hashes)
                .setParameter("blocking", RecordHash.BLOCKING_KEY)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The ids of the records under each of these blocking-key hashes, by hash (a hash with none is left out), in one
     * statement on the candidates' index: a resolver batch's candidates ({@code BatchCandidates}), with their rows
     * read by {@link #formsWithIds} once each however many keys they are under. A join with the array unnested, not
     * {@code hash = any(?)}: H2 answers that one in about a millisecond a hash (1.1-1.4 s for a batch's 1,400 keys on
     * 360,000 hash rows), the join in 8-20 ms; PostgreSQL walks the index for each either way.
     */
    public Map<Long, List<Long>> idsWithBlockingKeys(Collection<Long> hashes) {
        Map<Long, List<Long>> ids = new HashMap<>();
        plainRead("select h.hash, h.source_record_id from unnest(?) as k(hash) join record_hash h on h.hash = k.hash where h.field = ?",
                (db, statement) -> {
                    statement.setArray(1, db.createArrayOf("bigint", hashes.stream().distinct().toArray(Long[]::new)));
                    statement.setShort(2, RecordHash.BLOCKING_KEY);
                }, row -> ids.computeIfAbsent(row.getLong(1), h -> new ArrayList<>()).add(row.getLong(2)));
        return ids;
    }

    /**
     * The stored form of the persons with ids after {@code afterId} whose quality columns show a full name, an
     * identifier and a birth date (and of the rows stored before those columns were kept), in id order, at most
     * {@code max}, read as values. The conflict learning counts only such records: the others (about half at 1,000,000
     * customers) are left in the database, unread and unparsed.
     */
    public List<StoredForm> identifiedPersonFormsAfter(long afterId, int max) {
        return em.createQuery("select new io.atrium.hub.customer.StoredForm(r.id, r.customerId, r.standardized) "
                        + "from SourceRecord r where r.id > :after and (r.quality.person is null or (r.quality.person = true "
                        + "and r.quality.nameHash is not null and r.quality.birthDate is not null and r.quality.idNumber <> :none)) "
                        + "order by r.id", StoredForm.class)
                .setParameter("after", afterId)
                .setParameter("none", RecordQuality.IdState.NONE)
                .setMaxResults(max)
                .getResultList();
    }

    /** The stored form of the records with these ids (those that exist), read as values in one statement. */
    public List<StoredForm> formsWithIds(Collection<Long> ids) {
        List<StoredForm> forms = new ArrayList<>(ids.size());
        plainRead("select id, customer_id, standardized from source_record where id = any(?)",
                (db, statement) -> statement.setArray(1, db.createArrayOf("bigint", ids.toArray(Long[]::new))),
                row -> forms.add(new StoredForm(row.getLong(1), row.getString(2), row.getString(3))));
        return forms;
    }

    /** {@link PlainReads#read} of source records. */
    private void plainRead(String sql, PlainReads.Binder binder, PlainReads.RowReader reader) {
        PlainReads.read(dataSource, sql, binder, reader, "source records");
    }

    /** The payloads of other customers' records sharing a phone with one of this customer's records, at most {@code max}. */
    public List<String> payloadsSharingAPhoneWith(String customerId, int max) {
        return em.createQuery("select o.payload from SourceRecord o where o.customerId <> :customer and o.id in "
                        + "(select h.sourceRecordId from RecordHash h where h.field = :phone and h.hash in "
                        + "(select m.hash from RecordHash m, SourceRecord r where r.customerId = :customer "
                        + "and m.sourceRecordId = r.id and m.field = :phone))", String.class)
                .setParameter("customer", customerId)
                .setParameter("phone", (short) FieldKind.PHONE.ordinal())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Every record's (source, sourceId, customer) in id order, streamed through a forward-only cursor {@code fetchSize}
     * rows at a time and read only: close the stream.
     */
    public Stream<CrosswalkRow> crosswalk(int fetchSize) {
        return em.createQuery("select new io.atrium.hub.customer.CrosswalkRow(r.source, r.sourceId, r.customerId) "
                        + "from SourceRecord r order by r.id", CrosswalkRow.class)
                .setHint("org.hibernate.fetchSize", fetchSize)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
    }

    /**
     * Per source, what its records offer, counted from their quality columns ({@link RecordQuality}): records, without
     * an ID number, persons, with a name, with a valid phone, with a valid ID number, persons with a birth date,
     * persons with a gender, with an email, with an invalid ID number, with an invalid phone, customers.
     */
    public Map<String, long[]> qualityCountsBySource() {
        return byFirstColumn(em.createQuery("select r.source, count(r), "
                        + "count(case when r.quality.idNumber is null then 1 end), "
                        + "count(case when r.quality.person = true then 1 end), "
                        + "count(case when r.quality.nameHash is not null then 1 end), "
                        + "count(case when r.quality.validPhones > 0 then 1 end), "
                        + "count(case when r.quality.idNumber = :valid then 1 end), "
                        + "count(case when r.quality.person = true and r.quality.birthDate is not null then 1 end), "
                        + "count(case when r.quality.person = true and r.quality.gender is not null then 1 end), "
                        + "count(case when r.quality.email = true then 1 end), "
                        + "count(case when r.quality.idNumber = :invalid then 1 end), "
                        + "count(case when r.quality.invalidPhones > 0 then 1 end), "
                        + "count(distinct r.customerId) "
                        + "from SourceRecord r group by r.source", Object[].class)
                .setParameter("valid", RecordQuality.IdState.VALID)
                .setParameter("invalid", RecordQuality.IdState.INVALID)
                .getResultList());
    }

    /**
     * Per source, the customers one of whose records from it disagrees with a record of another source on name,
     * birth date, gender (a customer counts once per source and field, however many of its record pairs disagree).
     */
    public Map<String, long[]> disagreeingCustomersBySource() {
        return byFirstColumn(em.createQuery("select a.source, "
                        + "count(distinct case when a.quality.nameHash <> b.quality.nameHash then a.customerId end), "
                        + "count(distinct case when a.quality.birthDate <> b.quality.birthDate then a.customerId end), "
                        + "count(distinct case when a.quality.gender <> b.quality.gender then a.customerId end) "
                        + "from SourceRecord a, SourceRecord b where b.customerId = a.customerId and b.source <> a.source "
                        + "group by a.source", Object[].class)
                .getResultList());
    }

    /** Per source, the steward queue's pairs with a record from it: pending, not suppressed by a split, across customers. */
    public Map<String, long[]> pendingReviewPairsBySource() {
        return byFirstColumn(em.createQuery("select r.source, count(distinct l.id) "
                        + "from MatchLink l, SourceRecord a, SourceRecord b, SourceRecord r "
                        + "where l.reviewState = :pending and l.suppressedBy is null and a.id = l.leftRecordId "
                        + "and b.id = l.rightRecordId and a.customerId <> b.customerId and r.id in (a.id, b.id) "
                        + "group by r.source", Object[].class)
                .setParameter("pending", ReviewState.PENDING)
                .getResultList());
    }

    /** The customers holding records from more than one source. */
    public long customersInSeveralSources() {
        // one pass grouped by customer, a quarter cheaper than a correlated look for another source; in SQL, since
        // JPQL (strict, as configured) has no subquery in its from clause
        return ((Number) em.createNativeQuery("select count(*) from (select customer_id from source_record "
                        + "group by customer_id having min(source) <> max(source)) several")
                .getSingleResult()).longValue();
    }

    /** Rows of (source, count...) as source to its counts. */
    private static Map<String, long[]> byFirstColumn(List<Object[]> rows) {
        Map<String, long[]> bySource = new HashMap<>();
        for (Object[] row : rows) {
            long[] counts = new long[row.length - 1];
            for (int i = 1; i < row.length; i++) {
                counts[i - 1] = ((Number) row[i]).longValue();
            }
            bySource.put((String) row[0], counts);
        }
        return bySource;
    }
}
