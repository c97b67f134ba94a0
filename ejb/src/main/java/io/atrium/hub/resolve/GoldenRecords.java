package io.atrium.hub.resolve;

import io.atrium.hub.customer.Customer;
import io.atrium.hub.customer.GoldenField;
import io.atrium.hub.customer.SourceRecord;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rebuilds a customer's golden record from its source records: per field, the most recently
 * updated record with a value gives it, and the field keeps that record as its lineage.
 */
@ApplicationScoped
public class GoldenRecords {

    /** The golden fields and how each is read from a canonical record. */
    static final Map<String, Function<PartyRecord, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("kind", PartyRecord::getKind);
        FIELDS.put("name", PartyRecord::getName);
        FIELDS.put("idType", PartyRecord::getIdType);
        FIELDS.put("idNumber", PartyRecord::getIdNumber);
        FIELDS.put("birthDate", PartyRecord::getBirthDate);
        FIELDS.put("gender", PartyRecord::getGender);
        FIELDS.put("phone", r -> r.getPhones().isEmpty() ? null : r.getPhones().get(0));
        FIELDS.put("email", r -> r.getEmails().isEmpty() ? null : r.getEmails().get(0));
        FIELDS.put("address", PartyRecord::getAddress);
    }

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    public void rebuild(Customer customer) {
        List<SourceRecord> records = em.createQuery(
                        "select r from SourceRecord r where r.customerId = :id", SourceRecord.class)
                .setParameter("id", customer.getId())
                .getResultList();
        records.sort(Comparator.comparing(GoldenRecords::recency).reversed());
        em.createQuery("delete from GoldenField g where g.customerId = :id")
                .setParameter("id", customer.getId())
                .executeUpdate();
        List<PartyRecord> parsed = records.stream().map(r -> PartyRecordJson.read(r.getPayload())).toList();
        FIELDS.forEach((field, reader) -> {
            for (PartyRecord record : parsed) {
                Object value = reader.apply(record);
                if (value != null && !value.toString().isBlank()) {
                    em.persist(new GoldenField(customer.getId(), field, value.toString(), record.getSource(), record.getSourceId()));
                    return;
                }
            }
        });
        parsed.stream().map(PartyRecord::getKind).filter(Objects::nonNull).findFirst().ifPresent(customer::setKind);
    }

    private static Instant recency(SourceRecord record) {
        return record.getRecordUpdatedAt() != null ? record.getRecordUpdatedAt() : record.getReceivedAt();
    }
}
