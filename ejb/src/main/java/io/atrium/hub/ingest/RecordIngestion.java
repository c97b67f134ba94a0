package io.atrium.hub.ingest;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

import java.util.List;

/**
 * Puts canonical records on the resolver queue, all in one JTA transaction: when this
 * returns, every record is durably queued.
 */
@Stateless
@RolesAllowed({"hub-app", "hub-admin"})
public class RecordIngestion {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = ResolverQueue.JNDI)
    Queue queue;

    public void enqueue(List<PartyRecord> records) {
        JMSProducer producer = jms.createProducer();
        for (PartyRecord record : records) {
            producer.setProperty("source", record.getSource())
                    .setProperty("sourceId", record.getSourceId())
                    .send(queue, PartyRecordJson.write(record));
        }
    }
}
