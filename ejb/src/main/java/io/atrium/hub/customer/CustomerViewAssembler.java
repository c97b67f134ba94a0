package io.atrium.hub.customer;

import io.atrium.client.CustomerView;
import io.atrium.hub.fact.SourceFact;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link CustomerView} of a customer entity: its golden record with lineage, its records and its timeline. */
@ApplicationScoped
public class CustomerViewAssembler {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    public CustomerView toView(Customer customer) {
        Map<String, CustomerView.GoldenValue> golden = new LinkedHashMap<>();
        Map<String, List<CustomerView.GoldenValue>> contacts = new LinkedHashMap<>();
        em.createQuery("select g from GoldenField g where g.customerId = :id order by g.id", GoldenField.class)
                .setParameter("id", customer.getId())
                .getResultList()
                .forEach(g -> {
                    CustomerView.GoldenValue value = new CustomerView.GoldenValue(g.getValue(), g.getSource(), g.getSourceId());
                    if (g.getRank() == 0) {
                        golden.put(g.getFieldName(), value);
                    }
                    contacts.computeIfAbsent(g.getFieldName(), f -> new ArrayList<>()).add(value);
                });
        List<CustomerView.SourceRecordRef> records = sourceRecords.ofCustomer(customer.getId()).stream()
                .map(r -> new CustomerView.SourceRecordRef(r.getSource(), r.getSourceId(), r.getRecordUpdatedAt()))
                .toList();
        return new CustomerView(customer.getId(), customer.getStatus(), customer.getMergedInto(),
                customer.getKind() == null ? null : customer.getKind().name(), golden,
                contacts.getOrDefault("phone", List.of()), contacts.getOrDefault("email", List.of()), records, timeline(customer.getId()),
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
