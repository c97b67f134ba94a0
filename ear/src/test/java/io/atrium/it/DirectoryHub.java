package io.atrium.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Base of the customer directory's tests: the run's persons, and records fed through the ingest API. */
abstract class DirectoryHub extends DeployedHub {

    final DirectoryData data = new DirectoryData();
    HubClient hub;

    @BeforeEach
    void connect() {
        hub = hub();
    }

    /** Posts the record as a downstream application and returns the id of the customer that has the phone. */
    String feed(ObjectNode record, String phone) {
        post(record);
        return hub.awaitCustomerWithPhone(phone, c -> true).get("id").asText();
    }

    void post(ObjectNode record) {
        HubClient.Response posted = hub.postRecords(HubClient.APP, record.toString());
        assertEquals(202, posted.status(), posted.body());
    }
}
