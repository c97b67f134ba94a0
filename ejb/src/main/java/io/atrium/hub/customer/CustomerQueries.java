package io.atrium.hub.customer;

import io.atrium.hub.fact.SourceFact;
import io.atrium.hub.resolve.ExactMatchKeys;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of the unified customer view. */
@Stateless
@RolesAllowed({"hub-viewer", "hub-operator", "hub-admin", "hub-app"})
public class CustomerQueries {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    public Optional<CustomerView> find(String customerId) {
        return Optional.ofNullable(em.find(Customer.class, customerId)).map(this::view);
    }

    /** Active customers with a source record carrying this phone, in any of its spellings. */
    public List<CustomerView> findByPhone(String phone) {
        String key = ExactMatchKeys.mobile(phone);
        if (key == null) {
            return List.of();
        }
        return em.createQuery("select distinct c from Customer c, SourceRecord r, MatchKey k "
                        + "where k.keyType = :type and k.keyValue = :value and k.sourceRecordId = r.id "
                        + "and r.customerId = c.id and c.status = :active order by c.createdAt", Customer.class)
                .setParameter("type", MatchKeyType.PHONE)
                .setParameter("value", key)
                .setParameter("active", CustomerStatus.ACTIVE)
                .getResultList().stream().map(this::view).toList();
    }

    private CustomerView view(Customer customer) {
        Map<String, CustomerView.GoldenValue> golden = new LinkedHashMap<>();
        em.createQuery("select g from GoldenField g where g.customerId = :id order by g.id", GoldenField.class)
                .setParameter("id", customer.getId())
                .getResultList()
                .forEach(g -> golden.put(g.getFieldName(), new CustomerView.GoldenValue(g.getValue(), g.getSource(), g.getSourceId())));
        List<CustomerView.SourceRecordRef> records = em.createQuery(
                        "select r from SourceRecord r where r.customerId = :id order by r.source, r.sourceId", SourceRecord.class)
                .setParameter("id", customer.getId())
                .getResultList().stream()
                .map(r -> new CustomerView.SourceRecordRef(r.getSource(), r.getSourceId(), r.getRecordUpdatedAt()))
                .toList();
        return new CustomerView(customer.getId(), customer.getStatus(), customer.getMergedInto(),
                customer.getKind() == null ? null : customer.getKind().name(), golden, records, timeline(customer.getId()),
                customer.getCreatedAt(), customer.getUpdatedAt());
    }

    /** Facts are joined to the customer through their party record, so a fact that arrived first shows once its party does. */
    private List<CustomerView.FactView> timeline(String customerId) {
        return em.createQuery("select f from SourceFact f, SourceRecord r where r.customerId = :id "
                        + "and f.source = r.source and f.partySourceId = r.sourceId "
                        + "order by f.occurredAt desc nulls last, f.id desc", SourceFact.class)
                .setParameter("id", customerId)
                .getResultList().stream()
                .map(f -> new CustomerView.FactView(f.getType().name(), f.getSource(), f.getFactId(), f.getPartySourceId(),
                        f.getOccurredAt(), f.getUpdatedAt(), PartyRecordJson.readMap(f.getData())))
                .toList();
    }
}
