package io.atrium.hub.ingest;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies each queued batch (JSON Lines of canonical messages). A one-line message is
 * applied in the delivery's transaction: if it fails, the broker redelivers it with back-off
 * and finally parks it in the dead-letter queue. A batch is applied in one transaction of
 * its own; if that fails, each line is applied alone, and the lines that still fail are
 * re-queued one per message, so a bad line never holds back the good ones.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ResolverQueue.JNDI),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // One resolver session: see ResolverSessions for why more are refused.
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class ResolverConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ResolverConsumer.class.getName());

    @EJB
    CanonicalMessageHandler handler;

    @EJB
    RecordIngestion queue;

    @Override
    public void onMessage(Message message) {
        List<CanonicalMessage> batch = read(message);
        if (batch.size() == 1) {
            handler.apply(batch.get(0));
            return;
        }
        try {
            handler.applyAll(batch);
        } catch (EJBException batchFailed) {
            List<CanonicalMessage> failed = new ArrayList<>();
            for (CanonicalMessage item : batch) {
                try {
                    handler.applySeparately(item);
                } catch (EJBException itemFailed) {
                    failed.add(item);
                }
            }
            LOG.log(Level.WARNING, "{0} of {1} messages of a batch failed and are re-queued one by one: {2}",
                    new Object[]{failed.size(), batch.size(), batchFailed.getCause() == null ? batchFailed : batchFailed.getCause().getClass().getName()});
            queue.enqueueOneByOne(failed);
        }
    }

    private static List<CanonicalMessage> read(Message message) {
        try {
            return message.getBody(String.class).lines()
                    .filter(line -> !line.isBlank())
                    .map(PartyRecordJson::readMessage)
                    .toList();
        } catch (JMSException e) {
            // Poison messages go to the dead-letter queue after the redelivery attempts.
            throw new IllegalStateException("cannot read queued message", e);
        }
    }
}
