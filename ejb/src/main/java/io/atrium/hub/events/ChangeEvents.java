package io.atrium.hub.events;

import io.atrium.hub.resolve.CustomerChange;
import io.atrium.resolution.model.RecordKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.time.Instant;

/**
 * Publishes change events on the customer-events topic in the caller's JTA transaction,
 * so an event goes out exactly when the change it describes is committed.
 */
@ApplicationScoped
public class ChangeEvents {

    public static final String TOPIC = "java:/jms/topic/atrium/customer-events";
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = TOPIC)
    Topic topic;

    /** @param cause the source record that caused the change, null for a steward's decision */
    public void publish(CustomerChange change, RecordKey cause, Instant at) {
        ChangeEvent event = new ChangeEvent(change.type().name(), change.customerId(), change.related(),
                cause == null ? null : cause.source(), cause == null ? null : cause.sourceId(), at);
        jms.createProducer()
                .setProperty("type", event.type())
                .setProperty("customerId", event.customerId())
                .send(topic, JSONB.toJson(event));
    }
}
