package io.atrium.hub.customer;

import io.atrium.client.CustomerDirectory;
import io.atrium.client.CustomerView;

import io.atrium.client.CustomerStatus;
import io.atrium.client.Explanation;
import io.atrium.client.SourceKey;
import io.atrium.client.TimelinePage;
import io.atrium.hub.explain.Explanations;
import io.atrium.hub.profile.CustomerProfiles;
import io.atrium.hub.profile.Survivors;

import io.atrium.hub.match.RecordHash;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.standardize.Phones;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read side of the unified customer view: the {@link CustomerDirectory} downstream applications call
 * remotely, and the no-interface view the hub's REST layer calls locally.
 */
@Stateless
@Remote(CustomerDirectory.class)
@LocalBean
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
public class CustomerDirectoryBean implements CustomerDirectory {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Survivors survivors;

    @Inject
    CustomerProfiles profiles;

    @Inject
    Explanations explanations;

    @Override
    public CustomerView find(String customerId) {
        Customer customer = em.find(Customer.class, customerId);
        return customer == null ? null : view(customer);
    }

    @Override
    public List<CustomerView> findByPhone(String phone) {
        Optional<Phones.Phone> standardized = Phones.standardize(phone);
        if (standardized.isEmpty()) {
            return List.of();
        }
        List<Long> hashes = Blocker.phoneLookupKeys(standardized.get().number()).stream().map(BlockingKey::hash).toList();
        return em.createQuery("select distinct c from Customer c, SourceRecord r, RecordHash h "
                        + "where h.hash in :hashes and h.field = :blocking and h.sourceRecordId = r.id "
                        + "and r.customerId = c.id and c.status = :active order by c.createdAt", Customer.class)
                .setParameter("hashes", hashes)
                .setParameter("blocking", RecordHash.BLOCKING_KEY)
                .setParameter("active", CustomerStatus.ACTIVE)
                .getResultList().stream().map(this::view).toList();
    }

    @Override
    public TimelinePage timeline(String customerId, String cursor, int limit, List<String> sources, List<String> types) {
        return survivors.of(customerId).map(c -> profiles.timeline(c.getId(), cursor, limit, sources, types)).orElse(null);
    }

    @Override
    public Explanation.Customer why(String customerId) {
        return survivors.of(customerId).map(c -> explanations.why(c.getId())).orElse(null);
    }

    @Override
    public Explanation.Pair explain(SourceKey a, SourceKey b) {
        return explanations.explain(a, b);
    }

    private CustomerView view(Customer customer) {
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
        List<CustomerView.SourceRecordRef> records = em.createQuery(
                        "select r from SourceRecord r where r.customerId = :id order by r.source, r.sourceId", SourceRecord.class)
                .setParameter("id", customer.getId())
                .getResultList().stream()
                .map(r -> new CustomerView.SourceRecordRef(r.getSource(), r.getSourceId(), r.getRecordUpdatedAt()))
                .toList();
        return new CustomerView(customer.getId(), customer.getStatus(), customer.getMergedInto(),
                customer.getKind() == null ? null : customer.getKind().name(), golden,
                contacts.getOrDefault("phone", List.of()), contacts.getOrDefault("email", List.of()), records, timeline.facts(),
                customer.getCreatedAt(), customer.getUpdatedAt(), timeline.next(),
                profile.roles(), profile.summary());
    }
}
