package io.atrium.hub.ingest;

import io.atrium.hub.resolve.RecordResolver;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Resolves each queued record in the message's JTA transaction. A failure rolls back both
 * the database work and the dequeue; the broker redelivers with back-off and finally parks
 * the message in the dead-letter queue (configured in config/cli).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ResolverQueue.JNDI),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // One resolver session per node until the resolver serializes merges by key itself.
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${atrium.resolver.sessions:1}")
})
public class ResolverConsumer implements MessageListener {

    @Inject
    RecordResolver resolver;

    @Override
    public void onMessage(Message message) {
        try {
            resolver.resolve(PartyRecordJson.read(message.getBody(String.class)));
        } catch (JMSException e) {
            // Poison messages go to the dead-letter queue after the redelivery attempts.
            throw new IllegalStateException("cannot read queued record", e);
        }
    }
}
