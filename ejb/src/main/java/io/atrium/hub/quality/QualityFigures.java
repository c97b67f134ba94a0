package io.atrium.hub.quality;

import io.atrium.client.CustomerStatus;
import io.atrium.client.QualityReport;
import io.atrium.client.QualityReport.HubQuality;
import io.atrium.client.QualityReport.QuarantineCause;
import io.atrium.client.QualityReport.SourceQuality;
import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.quarantine.QuarantineStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    JpaSourceRecordRepository sourceRecords;

    public QualityReport compute(Instant at) {
        Map<String, long[]> records = sourceRecords.qualityCountsBySource();
        Map<String, long[]> conflicts = sourceRecords.disagreeingCustomersBySource();
        Map<String, long[]> reviews = sourceRecords.pendingReviewPairsBySource();
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
        return new HubQuality(customers, sourceRecords.customersInSeveralSources());
    }
}
