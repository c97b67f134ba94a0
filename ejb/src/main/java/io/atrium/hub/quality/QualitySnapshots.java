package io.atrium.hub.quality;

import io.atrium.client.QualityHistory;
import io.atrium.client.QualityReport;
import io.atrium.client.QualityReport.HubQuality;
import io.atrium.hub.persistence.TimePeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes data-quality snapshots (the timer, an administrator) and reads them back as a trend. */
@ApplicationScoped
public class QualitySnapshots {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    QualityFigures figures;

    /** Computes the figures now and stores one row per source, in the caller's transaction. */
    public QualityReport take() {
        // to the microsecond, as the databases keep it: the time answered is the time history gives back
        QualityReport report = figures.compute(Instant.now().truncatedTo(ChronoUnit.MICROS));
        report.sources().forEach(source -> em.persist(
                new QualitySnapshot(report.at(), report.hub().customers(), report.hub().inSeveralSystems(), source)));
        return new QualityReport(report.at(), true, report.hub(), report.sources());
    }

    /** The snapshots of the period, oldest first, at most the newest {@link QualityHistory#MAX_SNAPSHOTS}. */
    public QualityHistory history(String source, Instant from, Instant to) {
        TimePeriod period = TimePeriod.of(from, to);
        List<Instant> newest = em.createQuery("select distinct s.takenAt from QualitySnapshot s "
                        + "where (:source is null or s.source = :source) and s.takenAt between :start and :end "
                        + "order by s.takenAt desc", Instant.class)
                .setParameter("source", source)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setMaxResults(QualityHistory.MAX_SNAPSHOTS)
                .getResultList();
        if (newest.isEmpty()) {
            return new QualityHistory(source, from, to, List.of());
        }
        Map<Instant, List<QualitySnapshot>> byTime = new LinkedHashMap<>();
        em.createQuery("select s from QualitySnapshot s where (:source is null or s.source = :source) "
                        + "and s.takenAt between :start and :end order by s.takenAt, s.source", QualitySnapshot.class)
                .setParameter("source", source)
                .setParameter("start", newest.get(newest.size() - 1))
                .setParameter("end", period.end())
                .getResultStream()
                .forEach(row -> byTime.computeIfAbsent(row.takenAt(), t -> new ArrayList<>()).add(row));
        List<QualityReport> snapshots = byTime.entrySet().stream().map(snapshot -> {
            QualitySnapshot first = snapshot.getValue().get(0);
            return new QualityReport(snapshot.getKey(), true,
                    new HubQuality(first.hubCustomers(), first.hubInSeveralSystems()),
                    snapshot.getValue().stream().map(QualitySnapshot::figures).toList());
        }).toList();
        return new QualityHistory(source, from, to, snapshots);
    }
}
