package io.atrium.hub.ingest;

import io.atrium.hub.analytics.ValueRefresh;
import io.atrium.hub.events.AnnouncesChanges;
import io.atrium.hub.fact.FactStore;
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

import java.util.List;

/**
 * Applies queued canonical messages: resolves the party record and stores the facts, a
 * batch in one transaction of its own. The consumer applies a failing batch's messages one
 * by one (batches of one) to isolate the one that fails.
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
    ValueRefresh valueRefresh;

    private void apply(CanonicalMessage message) {
        if (message.getParty() != null) {
            long started = System.nanoTime();
            resolver.resolve(message.getParty());
            timings.record(System.nanoTime() - started);
        }
        for (PartyFact fact : message.getFacts()) {
            // a changed fact announces no change event: its customer's scores are refreshed after the commit
            if (facts.store(fact) && fact.getPartySourceId() != null) {
                valueRefresh.factChanged(fact.getSource(), fact.getPartySourceId());
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Interceptors(AnnouncesChanges.class)
    public void applyAll(List<CanonicalMessage> messages) {
        messages.forEach(this::apply);
    }
}
