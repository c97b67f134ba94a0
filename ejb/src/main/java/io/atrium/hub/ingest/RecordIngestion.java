package io.atrium.hub.ingest;

import io.atrium.hub.activity.ConnectorActivity;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Puts canonical messages on the resolver queue in the caller's JTA transaction (a new one
 * if there is none): when this returns, every message is durably queued. Messages travel
 * in batches (JSON Lines), since one JMS message per record caps throughput well below the
 * rate the connectors deliver.
 */
@Stateless
public class RecordIngestion {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = ResolverQueue.JNDI)
    Queue queue;

    @EJB
    ConnectorActivity activity;

    @Inject
    @ConfigProperty(name = "atrium.queue.batch-size", defaultValue = "200")
    int batchSize;

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

    public void enqueueOneByOne(List<CanonicalMessage> messages) {
        messages.forEach(message -> send(List.of(message)));
    }

    private static String sourceOf(CanonicalMessage message) {
        if (message.getParty() != null) {
            return message.getParty().getSource();
        }
        return message.getFacts().isEmpty() ? "unknown" : message.getFacts().get(0).getSource();
    }

    private void send(List<CanonicalMessage> batch) {
        jms.createProducer()
                .setProperty("count", batch.size())
                .send(queue, batch.stream().map(PartyRecordJson::write).collect(Collectors.joining("\n")));
    }
}
