package io.atrium.hub.customer;

import io.atrium.client.CustomerView;
import io.atrium.client.TimelinePage;
import io.atrium.hub.profile.CustomerProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link CustomerView} of a customer entity: its golden record with lineage, its records, the first page of its timeline, its roles and summary. */
@ApplicationScoped
public class CustomerViewAssembler {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    @Inject
    CustomerProfiles profiles;

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
        TimelinePage timeline = profiles.timeline(customer.getId(), null, CustomerView.TIMELINE_FIRST_PAGE, List.of(), List.of());
        CustomerProfiles.Profile profile = profiles.profile(customer.getId());
        List<CustomerView.SourceRecordRef> records = sourceRecords.ofCustomer(customer.getId()).stream()
                .map(r -> new CustomerView.SourceRecordRef(r.getSource(), r.getSourceId(), r.getRecordUpdatedAt()))
                .toList();
        return new CustomerView(customer.getId(), customer.getStatus(), customer.getMergedInto(),
                customer.getKind() == null ? null : customer.getKind().name(), golden,
                contacts.getOrDefault("phone", List.of()), contacts.getOrDefault("email", List.of()), records, timeline.facts(),
                customer.getCreatedAt(), customer.getUpdatedAt(), timeline.next(), profile.roles(), profile.summary());
    }
}
