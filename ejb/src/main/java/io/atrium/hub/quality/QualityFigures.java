package io.atrium.hub.quality;

import io.atrium.client.CustomerStatus;
import io.atrium.client.QualityReport;
import io.atrium.client.QualityReport.HubQuality;
import io.atrium.client.QualityReport.QuarantineCause;
import io.atrium.client.QualityReport.SourceQuality;
import io.atrium.hub.match.ReviewState;
import io.atrium.hub.quarantine.QuarantineStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data-quality figures of every source, counted by the database: a handful of group-bys over the records'
 * quality columns ({@link RecordQuality}), a self-join of records per customer for conflicts, the pending
 * review pairs and the quarantine. Nothing is loaded record by record.
 */
@ApplicationScoped
public class QualityFigures {

    /** Quarantine causes listed per source at most, commonest first. */
    static final int MAX_CAUSES = 20;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    public QualityReport compute(Instant at) {
        Map<String, long[]> records = byFirstColumn(em.createQuery("select r.source, count(r), "
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
        // a customer counts once per source and field, however many of its record pairs disagree
        Map<String, long[]> conflicts = byFirstColumn(em.createQuery("select a.source, "
                        + "count(distinct case when a.quality.nameHash <> b.quality.nameHash then a.customerId end), "
                        + "count(distinct case when a.quality.birthDate <> b.quality.birthDate then a.customerId end), "
                        + "count(distinct case when a.quality.gender <> b.quality.gender then a.customerId end) "
                        + "from SourceRecord a, SourceRecord b where b.customerId = a.customerId and b.source <> a.source "
                        + "group by a.source", Object[].class)
                .getResultList());
        // the steward queue's pairs: pending, not suppressed by a split, their records in different customers
        Map<String, long[]> reviews = byFirstColumn(em.createQuery("select r.source, count(distinct l.id) "
                        + "from MatchLink l, SourceRecord a, SourceRecord b, SourceRecord r "
                        + "where l.reviewState = :pending and l.suppressedBy is null and a.id = l.leftRecordId "
                        + "and b.id = l.rightRecordId and a.customerId <> b.customerId and r.id in (a.id, b.id) "
                        + "group by r.source", Object[].class)
                .setParameter("pending", ReviewState.PENDING)
                .getResultList());
        Map<String, List<Object[]>> causes = new HashMap<>();
        for (Object[] row : em.createQuery("select q.source, q.reason, count(q), "
                        + "count(case when q.status = :open then 1 end) from QuarantinedItem q "
                        + "group by q.source, q.reason order by count(q) desc, q.reason", Object[].class)
                .setParameter("open", QuarantineStatus.OPEN)
                .getResultList()) {
            causes.computeIfAbsent((String) row[0], s -> new ArrayList<>()).add(row);
        }

        TreeSet<String> sources = new TreeSet<>(records.keySet());
        sources.addAll(causes.keySet());
        List<SourceQuality> figures = new ArrayList<>();
        for (String source : sources) {
            long[] r = records.getOrDefault(source, new long[12]);
            long[] c = conflicts.getOrDefault(source, new long[3]);
            List<Object[]> quarantine = causes.getOrDefault(source, List.of());
            long quarantined = quarantine.stream().mapToLong(row -> (Long) row[2]).sum();
            long open = quarantine.stream().mapToLong(row -> (Long) row[3]).sum();
            long delivered = quarantined + r[0];
            List<QuarantineCause> byCause = quarantine.stream().limit(MAX_CAUSES)
                    .map(row -> new QuarantineCause((String) row[1], (Long) row[2], (Long) row[3],
                            QualityReport.share((Long) row[2], delivered)))
                    .toList();
            figures.add(new SourceQuality(source, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                    r[11], r[0] - r[11], c[0], c[1], c[2], reviews.getOrDefault(source, new long[1])[0],
                    quarantined, open, byCause));
        }
        return new QualityReport(at, false, hub(), figures);
    }

    private HubQuality hub() {
        long customers = em.createQuery("select count(c) from Customer c where c.status = :active", Long.class)
                .setParameter("active", CustomerStatus.ACTIVE)
                .getSingleResult();
        // one pass grouped by customer, a quarter cheaper than a correlated look for another source; in SQL, since
        // JPQL (strict, as configured) has no subquery in its from clause
        long inSeveralSystems = ((Number) em.createNativeQuery("select count(*) from (select customer_id from source_record "
                        + "group by customer_id having min(source) <> max(source)) several")
                .getSingleResult()).longValue();
        return new HubQuality(customers, inSeveralSystems);
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
