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
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stores a customer's golden record as the engine's survivorship builds it from the member records
 * (valid values first, then source trust, then recency), each value with the source record it came
 * from. The identifier is kept as two fields, its type and its number. The name shows as the
 * winning source record wrote it (traditional characters stay traditional): standardized forms are
 * for matching, the golden record is for people.
 */
@ApplicationScoped
public class GoldenRecords implements BatchGoldenRecords.Store {

    /** Field names of the stored golden record, per attribute. */
    private static final Map<GoldenAttribute, String> FIELD_NAMES = Map.of(
            GoldenAttribute.KIND, "kind", GoldenAttribute.NAME, "name", GoldenAttribute.GENDER, "gender",
            GoldenAttribute.BIRTH_DATE, "birthDate", GoldenAttribute.PHONE, "phone", GoldenAttribute.EMAIL, "email",
            GoldenAttribute.ADDRESS, "address");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MatchEngine engine;

    /**
     * A member of a customer as its golden record is built from it: its standardized form, and its payload, which has
     * the name as its source wrote it.
     */
    public record Member(StandardizedRecord form, String payload) {
        public static Member of(SourceRecord row, StandardizedRecord form) {
            return new Member(form, row.getPayload());
        }
    }

    /**
     * Stores the golden record by difference with the stored one: a record joining a customer usually
     * changes a value or two, and rewriting all of them would cost a delete and a dozen inserts.
     *
     * @param members all the customer's source records
     */
    public void rebuild(Customer customer, List<Member> members) {
        rebuild(customer, members, stored(customer.getId()));
    }

    /** {@link #rebuild(Customer, List)} by difference with these stored values (all the customer's, read before). */
    @Override
    public void rebuild(Customer customer, List<Member> members, List<GoldenField> storedValues) {
        Map<String, GoldenField> stored = new HashMap<>();
        storedValues.forEach(field -> stored.put(slot(field), field));
        Map<RecordKey, String> payloads = new HashMap<>();
        members.forEach(member -> payloads.put(member.form().key(), member.payload()));
        for (GoldenField built : build(customer, members.stream().map(Member::form).toList(),
                key -> PartyRecordJson.read(payloads.get(key)).getName())) {
            GoldenField old = stored.remove(slot(built));
            if (old == null) {
                em.persist(built);
            } else {
                old.replaceWith(built);
            }
        }
        stored.values().forEach(em::remove);
    }

    /**
     * The customer's golden values as survivorship picks them from its members (and its kind set from them),
     * unstored: {@link #rebuild} stores them by difference, a first load writes them in bulk.
     *
     * @param writtenName the name as a member's source wrote it, by the member's key
     */
    public List<GoldenField> build(Customer customer, Collection<StandardizedRecord> members,
                                   Function<RecordKey, String> writtenName) {
        List<GoldenField> fields = new ArrayList<>();
        GoldenRecord golden = engine.survivorship().golden(members);
        for (GoldenAttribute attribute : GoldenAttribute.values()) {
            List<GoldenValue> values = golden.all(attribute);
            for (int rank = 0; rank < values.size(); rank++) {
                GoldenValue value = values.get(rank);
                if (attribute == GoldenAttribute.ID) {
                    String[] typeAndNumber = value.value().split(":", 2);
                    fields.add(field(customer, "idType", rank, typeAndNumber[0], value));
                    fields.add(field(customer, "idNumber", rank, typeAndNumber[1], value));
                } else if (attribute == GoldenAttribute.NAME) {
                    String written = writtenName.apply(value.from());
                    fields.add(field(customer, "name", rank, written == null || written.isBlank() ? value.value() : written.strip(), value));
                } else {
                    fields.add(field(customer, FIELD_NAMES.get(attribute), rank, value.value(), value));
                }
            }
        }
        GoldenValue kind = golden.best(GoldenAttribute.KIND);
        if (kind != null) {
            customer.setKind(PartyKind.valueOf(kind.value()));
        }
        return fields;
    }

    private static String slot(GoldenField field) {
        return field.getFieldName() + "#" + field.getRank();
    }

    /**
     * A customer merged into another keeps no golden record of its own. Removed as entities, not by a
     * bulk delete, so that values of it loaded earlier in the transaction cannot be written back.
     */
    public void clear(String customerId) {
        stored(customerId).forEach(em::remove);
    }

    private List<GoldenField> stored(String customerId) {
        return em.createQuery("select g from GoldenField g where g.customerId = :id", GoldenField.class)
                .setParameter("id", customerId)
                .getResultList();
    }

    /**
     * The stored golden values of these customers, by customer id, in one statement: native SQL, the ids one array
     * parameter, so that it is translated once (JPQL's {@code in :ids} is a new statement for every number of ids).
     * Read with flush mode COMMIT: the resolver leaves no golden value unflushed when it reads them.
     */
    @Override
    public Map<String, List<GoldenField>> storedOf(Collection<String> customerIds) {
        @SuppressWarnings("unchecked")
        List<GoldenField> fields = em.createNativeQuery("select * from golden_value where customer_id = any(?)", GoldenField.class)
                .setParameter(1, customerIds.toArray(String[]::new))
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        Map<String, List<GoldenField>> byCustomer = new HashMap<>();
        fields.forEach(field -> byCustomer.computeIfAbsent(field.getCustomerId(), id -> new ArrayList<>()).add(field));
        return byCustomer;
    }

    private static GoldenField field(Customer customer, String field, int rank, String value, GoldenValue lineage) {
        return new GoldenField(customer.getId(), field, rank, value, lineage.from().source(), lineage.from().sourceId());
    }
}
