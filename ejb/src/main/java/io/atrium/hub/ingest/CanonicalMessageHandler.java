package io.atrium.hub.ingest;

import io.atrium.hub.analytics.ValueRefresh;
import io.atrium.hub.events.AnnouncesChanges;
import io.atrium.hub.fact.FactStore;
import io.atrium.hub.resolve.Arrival;
import io.atrium.hub.resolve.BlockingKeyLocks;
import io.atrium.hub.resolve.RecordResolver;
import io.atrium.hub.resolve.ResolverTimings;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.PartyFact;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies queued canonical messages: resolves the party record and stores the facts, a
 * batch in one transaction of its own. The consumer applies a failing batch's messages one
 * by one (batches of one) to isolate the one that fails. Before any record is resolved, the
 * blocking keys of all the batch's records are locked ({@link BlockingKeyLocks}), so batches
 * resolved by other sessions at the same time never hold a record this one could be compared with.
 */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Stateless
public class CanonicalMessageHandler {

    @EJB
    RecordResolver resolver;

    @Inject
    FactStore facts;

    @Inject
    ResolverTimings timings;

    @Inject
    BlockingKeyLocks blockingKeyLocks;

    @Inject
    ValueRefresh valueRefresh;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Interceptors(AnnouncesChanges.class)
    public void applyAll(List<CanonicalMessage> messages) {
        timings.batchStarted();
        List<Arrival> arrivals = new ArrayList<>(messages.size());
        for (CanonicalMessage message : messages) {
            arrivals.add(message.getParty() == null ? null : Arrival.of(message.getParty()));
        }
        List<Arrival> records = arrivals.stream().filter(Objects::nonNull).toList();
        blockingKeyLocks.lock(records.stream().map(Arrival::standardized).toList());
        resolver.readAhead(records);
        for (int i = 0; i < messages.size(); i++) {
            apply(messages.get(i), arrivals.get(i));
        }
        resolver.batchResolved();
    }

    private void apply(CanonicalMessage message, Arrival arrival) {
        if (arrival != null) {
            long started = System.nanoTime();
            resolver.resolve(arrival);
            timings.record(System.nanoTime() - started);
        }
        for (PartyFact fact : message.getFacts()) {
            // a changed fact announces no change event: its customer's scores are refreshed after the commit
            if (facts.store(fact) && fact.getPartySourceId() != null) {
                valueRefresh.factChanged(fact.getSource(), fact.getPartySourceId());
            }
        }
    }
}
