package io.atrium.hub.quarantine;

import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.connectors.canonical.CanonicalSourceRules;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.hub.ingest.RecordIngestion;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Source items the hub could not take. Operators list them (personal data masked), replay
 * them after the cause is fixed, or discard them with a reason; every close records who and when.
 */
@Stateless
@RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN})
public class Quarantine {

    private static final Logger LOG = Logger.getLogger(Quarantine.class.getName());

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @EJB
    RecordIngestion ingestion;

    @Resource
    SessionContext session;

    @EJB
    ConnectorActivity activity;

    @Inject
    CanonicalSourceRules canonicalRules;

    /**
     * Connectors call this from their own threads, without a caller identity. It never fails on
     * the item's content (see {@link QuarantinedItem}): a failure here would fail the good items
     * around the bad one.
     */
    @PermitAll
    public void record(RejectedInput rejected) {
        em.persist(new QuarantinedItem(rejected.source(), rejected.format(), rejected.position(),
                rejected.reason(), rejected.payload(), Instant.now()));
        activity.quarantined(rejected.source());
        // position and reason only: they never carry personal data
        LOG.log(Level.WARNING, "quarantined {0} item at {1}: {2}",
                new Object[]{rejected.source(), rejected.position(), rejected.reason()});
    }

    public List<QuarantineView> list(QuarantineStatus status, String source, int limit) {
        return em.createQuery("select q from QuarantinedItem q where (:status is null or q.status = :status) "
                        + "and (:source is null or q.source = :source) order by q.id desc", QuarantinedItem.class)
                .setParameter("status", status)
                .setParameter("source", source)
                .setMaxResults(limit)
                .getResultStream().map(QuarantineView::of).toList();
    }

    /** Items per source and status, for the metrics. */
    @RolesAllowed({HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.METRICS})
    public List<QuarantineCount> counts() {
        return em.createQuery("select new io.atrium.hub.quarantine.QuarantineCount(q.source, q.status, count(q)) "
                + "from QuarantinedItem q group by q.source, q.status", QuarantineCount.class).getResultList();
    }

    public Optional<QuarantineView> find(long id) {
        return Optional.ofNullable(em.find(QuarantinedItem.class, id)).map(QuarantineView::of);
    }

    /**
     * Maps an open item again and queues it. If it still fails it stays open with the new
     * reason; the answer says which. Closed items are answered as they are.
     */
    public Optional<QuarantineView> replay(long id) {
        return Optional.ofNullable(em.find(QuarantinedItem.class, id)).map(item -> {
            if (item.getStatus() == QuarantineStatus.OPEN) {
                IntakeBatch replayed = new IntakeBatch(item.getSource());
                replayed.add(item.getFormat(), item.getPosition(), () -> "", () -> {
                    String payload = item.originalPayload().orElseThrow(() -> new InvalidRecordException(
                            "only the first characters of this item were kept; deliver it again from the source, or discard it"));
                    CanonicalMessage message = NativeFormats.map(item.getFormat(), payload, item.getPosition());
                    if (item.getFormat() == InputFormat.CANONICAL_JSON) {
                        // a dropped line is held to the source rules again
                        canonicalRules.admitDropped(message);
                    }
                    return message;
                }).ifPresentOrElse(refused -> item.stillFails(refused.reason()), () -> {
                    // the item stays where it is: nothing is quarantined again
                    replayed.handOver(ingestion::enqueue, refusal -> { });
                    item.close(QuarantineStatus.REPLAYED, session.getCallerPrincipal().getName(), Instant.now(), null);
                });
            }
            return QuarantineView.of(item);
        });
    }

    /**
     * Closes an open item without replaying it, keeping the operator's reason (never logged: people type names
     * into reasons); closed items are answered as they are.
     */
    public Optional<QuarantineView> discard(long id, String reason) {
        return Optional.ofNullable(em.find(QuarantinedItem.class, id)).map(item -> {
            if (item.getStatus() == QuarantineStatus.OPEN) {
                item.close(QuarantineStatus.DISCARDED, session.getCallerPrincipal().getName(), Instant.now(), reason);
            }
            return QuarantineView.of(item);
        });
    }
}
