package io.atrium.hub.customer;

import io.atrium.client.ChangesPage;
import io.atrium.client.CustomerDirectory;
import io.atrium.client.CustomerView;

import io.atrium.client.CustomerStatus;

import io.atrium.hub.changes.ChangeFeed;
import io.atrium.hub.fact.SourceFact;
import io.atrium.hub.match.RecordHash;
import io.atrium.hub.security.HubRoles;
import io.atrium.resolution.blocking.Blocker;
import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.standardize.Phones;
import io.atrium.resolution.model.PartyRecordJson;
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
    ChangeFeed changeFeed;

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
    @RolesAllowed({HubRoles.APP, HubRoles.ADMIN})
    public ChangesPage changes(long after, int limit) {
        return changeFeed.after(after, limit);
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
        List<CustomerView.SourceRecordRef> records = em.createQuery(
                        "select r from SourceRecord r where r.customerId = :id order by r.source, r.sourceId", SourceRecord.class)
                .setParameter("id", customer.getId())
                .getResultList().stream()
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
