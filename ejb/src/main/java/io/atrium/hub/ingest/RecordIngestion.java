package io.atrium.hub.ingest;

import io.atrium.connectors.canonical.CanonicalSourceRules;
import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.IntakeBatch;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.connectors.common.RejectedInput;
import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts canonical messages on the resolver queue in the caller's JTA transaction (a new one
 * if there is none): when this returns, every message is durably queued. Messages travel
 * in batches (JSON Lines), since one JMS message per record caps throughput well below the
 * rate the connectors deliver.
 */
@Stateless
@PermitAll
public class RecordIngestion {

    /**
     * A message property: the message holds one canonical message that failed in a batch, and is applied alone
     * (the resolver consumer takes no other message into its batch, nor it into another's), so that its
     * failure is its own and it meets the queue's delivery attempts and the dead-letter queue.
     */
    public static final String APPLY_ALONE = "applyAlone";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = ResolverQueue.JNDI)
    Queue queue;

    @EJB
    ConnectorActivity activity;

    @Inject
    @ConfigProperty(name = "atrium.queue.batch-size")
    int batchSize;

    @Inject
    CanonicalSourceRules rules;

    @Resource
    SessionContext session;

    /**
     * Canonical records posted by a user, as JSON Lines: each line is mapped as a dropped file's line
     * is (kind and ID type completed where the line omits them) and checked against the source rules
     * for this user; the valid ones are queued, the others come back with their line number and reason.
     */
    @RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
    public IngestResult submit(String jsonLines) {
        Optional<String> user = Optional.of(session.getCallerPrincipal().getName());
        IntakeBatch batch = new IntakeBatch("canonical");
        List<IngestResult.RejectedLine> rejected = new ArrayList<>();
        int accepted = 0;
        List<String> lines = jsonLines.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String position = "request line " + (i + 1);
            Optional<RejectedInput> refused = batch.add(InputFormat.CANONICAL_JSON, position, () -> line, () -> {
                CanonicalMessage message = NativeFormats.map(InputFormat.CANONICAL_JSON, line, position);
                rules.check(message.getParty(), user);
                return message;
            });
            if (refused.isPresent()) {
                rejected.add(new IngestResult.RejectedLine(i + 1, refused.get().reason()));
            } else {
                accepted++;
            }
        }
        // refused lines are answered to the caller, not quarantined
        batch.handOver(this::enqueue, refusal -> { });
        return new IngestResult(accepted, rejected.size(), rejected);
    }

    /** The hub's own connectors, from their threads and without a caller identity. */
    public void enqueue(List<CanonicalMessage> messages) {
        messages.stream().collect(Collectors.groupingBy(RecordIngestion::sourceOf, Collectors.counting()))
                .forEach((source, count) -> activity.queued(source, count.intValue()));
        messages.stream().flatMap(message -> message.getFacts().stream())
                .filter(fact -> fact.getPartySourceId() == null)
                .collect(Collectors.groupingBy(PartyFact::getSource, Collectors.counting()))
                .forEach((source, count) -> activity.queuedWithoutParty(source, count.intValue()));
        for (int from = 0; from < messages.size(); from += batchSize) {
            send(messages.subList(from, Math.min(messages.size(), from + batchSize)));
        }
    }

    /** Queues each message as a message of its own, to be applied alone ({@link #APPLY_ALONE}). */
    public void enqueueOneByOne(List<CanonicalMessage> messages) {
        messages.forEach(message -> send(List.of(message), jms.createProducer().setProperty(APPLY_ALONE, true)));
    }

    /** Puts a batch back on the queue as one message, to be tried again; it was counted when first queued. */
    public void requeue(List<CanonicalMessage> batch) {
        send(batch);
    }

    private static String sourceOf(CanonicalMessage message) {
        if (message.getParty() != null) {
            return message.getParty().getSource();
        }
        return message.getFacts().isEmpty() ? "unknown" : message.getFacts().get(0).getSource();
    }

    private void send(List<CanonicalMessage> batch) {
        send(batch, jms.createProducer());
    }

    private void send(List<CanonicalMessage> batch, JMSProducer producer) {
        producer.setProperty("count", batch.size())
                .send(queue, batch.stream().map(PartyRecordJson::write).collect(Collectors.joining("\n")));
    }
}
