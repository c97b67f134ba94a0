package io.atrium.hub.analytics;

import io.atrium.hub.events.ChangeEvents;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hub's own subscriber to its change events (in-VM): the customers a change names, the one changed and those
 * merged into it or split from it, are marked for scoring again; a merged-away customer's row goes. It only marks
 * them ({@link ValueRecompute} scores them on its own thread), and takes each event without a transaction: a lost
 * mark is caught by the next full recompute, so a transaction per delivery (on the message pool the resolver uses
 * too) would guard little.
 * <p>
 * The subscription is shared by name (JMS 2.0), so that with two nodes on one broker each change reaches one node,
 * which scores it, rather than both scoring the same customers at once. Artemis' resource adapter shares only
 * durable subscriptions (a non-durable one is a temporary queue per node), so it is durable: changes sent while
 * no node listens wait in it and are scored on the next start. On a single node it is that node's subscription.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ChangeEvents.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "atrium-customer-value"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        // one session per node: a node scores with one writer anyway (ValueRecompute)
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerEventsListener implements MessageListener {

    /**
     * Made once: {@code Json.createReader} looks the JSON-P provider up through the {@code ServiceLoader} on every call,
     * which under JBoss Modules walks the deployment's resources (13 % of the hub's CPU samples while it resolved 380
     * records/s, one event each). A reader factory is safe for concurrent use.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @EJB
    ValueRecompute recompute;

    @Override
    public void onMessage(Message message) {
        if (!recompute.live()) {
            return;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(((TextMessage) message).getText()))) {
            JsonObject event = reader.readObject();
            List<String> customers = new ArrayList<>();
            customers.add(event.getString("customerId"));
            if (event.get("relatedCustomerIds") instanceof jakarta.json.JsonArray related) {
                related.getValuesAs(JsonString.class).forEach(id -> customers.add(id.getString()));
            }
            recompute.customersChanged(customers);
        } catch (JMSException e) {
            throw new IllegalStateException("a change event could not be read", e);
        }
    }
}
