package io.atrium.hub.activity;

import io.atrium.hub.persistence.AfterCommit;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each source has delivered to the resolver queue and had quarantined since the
 * server started, counted when the transaction that queued or quarantined the items
 * commits, and the failures its connector gave up on: whether it is failing now (since its first failure after it last
 * delivered) and when it last recovered (delivered again after failing). Operators read it at `GET /hub/api/connectors`;
 * the connector benchmark reads its rates from it.
 */
@Singleton
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConnectorActivity {

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final ConcurrentMap<String, Counters> bySource = new ConcurrentHashMap<>();

    @PermitAll
    public void queued(String source, int items) {
        afterCommit(() -> counters(source).queued(items));
    }

    /** Facts queued that name no party (a ticket of an anonymous caller): stored, on no customer's timeline. */
    @PermitAll
    public void queuedWithoutParty(String source, int facts) {
        afterCommit(() -> counters(source).withoutParty.add(facts));
    }

    /** An item dated beyond now plus the clock skew, delivered all the same; counted once per version taken. */
    @PermitAll
    public void futureDated(String source, String position) {
        afterCommit(() -> counters(source).futureDated(position));
    }

    /** The source told the connector to wait (429, 503) and the connector retries: not a failure, but worth seeing. */
    @PermitAll
    public void throttled(String source, String reason) {
        counters(source).throttled(reason);
    }

    @PermitAll
    public void quarantined(String source) {
        afterCommit(() -> counters(source).quarantined());
    }

    /** A failure that outlasted the connector's retries: the source system or its transport needs a look. */
    @PermitAll
    public void failed(String source, String reason) {
        counters(source).failed(reason);
    }

    @RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP, HubRoles.METRICS})
    public List<SourceActivity> snapshot() {
        return bySource.entrySet().stream()
                .map(e -> e.getValue().view(e.getKey()))
                .sorted(Comparator.comparing(SourceActivity::source))
                .toList();
    }

    private Counters counters(String source) {
        return bySource.computeIfAbsent(source == null ? "unknown" : source, s -> new Counters());
    }

    private void afterCommit(Runnable count) {
        AfterCommit.run(transactions, count);
    }

    /**
     * One source's figures since the server started; lastFailure says why its connector last gave up; failingSince is
     * set while the connector fails (from its first failure after it last delivered, null once it delivers again, an
     * item queued or quarantined), recoveredAt is when it last delivered again after failing; throttled counts the
     * answers that told the connector to wait (429, 503), each retried.
     */
    public record SourceActivity(String source, long queued, long factsWithoutParty, long quarantined, Instant firstQueuedAt,
                                 Instant lastQueuedAt, Instant lastQuarantinedAt, long failures, Instant lastFailureAt, String lastFailure,
                                 Instant failingSince, Instant recoveredAt, long futureDated, Instant lastFutureDatedAt,
                                 String lastFutureDated, long throttled, Instant lastThrottledAt, String lastThrottled) {
    }

    private static final class Counters {
        private final LongAdder queued = new LongAdder();
        private final LongAdder withoutParty = new LongAdder();
        private final LongAdder quarantined = new LongAdder();
        private volatile Instant firstQueuedAt;
        private volatile Instant lastQueuedAt;
        private volatile Instant lastQuarantinedAt;
        private final LongAdder failures = new LongAdder();
        private volatile Instant lastFailureAt;
        private volatile String lastFailure;
        private volatile Instant failingSince;
        private volatile Instant recoveredAt;
        private final LongAdder futureDated = new LongAdder();
        private volatile Instant lastFutureDatedAt;
        private volatile String lastFutureDated;
        private final LongAdder throttled = new LongAdder();
        private volatile Instant lastThrottledAt;
        private volatile String lastThrottled;

        void queued(int items) {
            Instant now = Instant.now();
            queued.add(items);
            if (firstQueuedAt == null) {
                firstQueuedAt = now;
            }
            lastQueuedAt = now;
            delivered(now);
        }

        void quarantined() {
            Instant now = Instant.now();
            quarantined.increment();
            lastQuarantinedAt = now;
            delivered(now);
        }

        void failed(String reason) {
            Instant now = Instant.now();
            failures.increment();
            lastFailure = reason;
            lastFailureAt = now;
            if (failingSince == null) {
                failingSince = now;
            }
        }

        /** The source delivers again: a failure before it is over. */
        private void delivered(Instant now) {
            if (failingSince != null) {
                failingSince = null;
                recoveredAt = now;
            }
        }

        void futureDated(String position) {
            futureDated.increment();
            lastFutureDated = position;
            lastFutureDatedAt = Instant.now();
        }

        void throttled(String reason) {
            throttled.increment();
            lastThrottled = reason;
            lastThrottledAt = Instant.now();
        }

        SourceActivity view(String source) {
            return new SourceActivity(source, queued.sum(), withoutParty.sum(), quarantined.sum(), firstQueuedAt, lastQueuedAt, lastQuarantinedAt,
                    failures.sum(), lastFailureAt, lastFailure, failingSince, recoveredAt, futureDated.sum(), lastFutureDatedAt,
                    lastFutureDated, throttled.sum(), lastThrottledAt, lastThrottled);
        }
    }
}
