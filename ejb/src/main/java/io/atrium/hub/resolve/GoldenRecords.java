package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.GoldenField;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecordJson;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.survivorship.GoldenAttribute;
import io.atrium.resolution.survivorship.GoldenRecord;
import io.atrium.resolution.survivorship.GoldenValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a customer's golden record as the engine's survivorship builds it from the member records
 * (valid values first, then source trust, then recency), each value with the source record it came
 * from. The identifier is kept as two fields, its type and its number. The name shows as the
 * winning source record wrote it (traditional characters stay traditional): standardized forms are
 * for matching, the golden record is for people.
 */
@ApplicationScoped
public class GoldenRecords {

    /** Field names of the stored golden record, per attribute. */
    private static final Map<GoldenAttribute, String> FIELD_NAMES = Map.of(
            GoldenAttribute.KIND, "kind", GoldenAttribute.NAME, "name", GoldenAttribute.GENDER, "gender",
            GoldenAttribute.BIRTH_DATE, "birthDate", GoldenAttribute.PHONE, "phone", GoldenAttribute.EMAIL, "email",
            GoldenAttribute.ADDRESS, "address");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MatchEngine engine;

    /** @param members the customer's source records, each with its standardized form */
    public void rebuild(Customer customer, Map<SourceRecord, StandardizedRecord> members) {
        clear(customer.getId());
        GoldenRecord golden = engine.survivorship().golden(members.values());
        Map<RecordKey, SourceRecord> rows = new HashMap<>();
        members.forEach((row, standardized) -> rows.put(standardized.key(), row));
        for (GoldenAttribute attribute : GoldenAttribute.values()) {
            List<GoldenValue> values = golden.all(attribute);
            for (int rank = 0; rank < values.size(); rank++) {
                GoldenValue value = values.get(rank);
                if (attribute == GoldenAttribute.ID) {
                    String[] typeAndNumber = value.value().split(":", 2);
                    store(customer, "idType", rank, typeAndNumber[0], value);
                    store(customer, "idNumber", rank, typeAndNumber[1], value);
                } else if (attribute == GoldenAttribute.NAME) {
                    String written = PartyRecordJson.read(rows.get(value.from()).getPayload()).getName();
                    store(customer, "name", rank, written == null || written.isBlank() ? value.value() : written.strip(), value);
                } else {
                    store(customer, FIELD_NAMES.get(attribute), rank, value.value(), value);
                }
            }
        }
        GoldenValue kind = golden.best(GoldenAttribute.KIND);
        if (kind != null) {
            customer.setKind(PartyKind.valueOf(kind.value()));
        }
    }

    /** A customer merged into another keeps no golden record of its own. */
    public void clear(String customerId) {
        em.createQuery("delete from GoldenField g where g.customerId = :id")
                .setParameter("id", customerId)
                .executeUpdate();
    }

    private void store(Customer customer, String field, int rank, String value, GoldenValue lineage) {
        em.persist(new GoldenField(customer.getId(), field, rank, value, lineage.from().source(), lineage.from().sourceId()));
    }
}
