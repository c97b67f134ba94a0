package io.atrium.hub.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Source records by their key and by their customer: the queries every reader of source records shares. */
@ApplicationScoped
public class JpaSourceRecordRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** The record with this (source, sourceId), as a managed entity. */
    public Optional<SourceRecord> find(String source, String sourceId) {
        return em.createNamedQuery(SourceRecord.BY_KEY, SourceRecord.class)
                .setParameter("source", source)
                .setParameter("sourceId", sourceId)
                .getResultStream().findFirst();
    }

    /** The id of the record with this (source, sourceId), without loading it (for callers that lock before they read). */
    public Optional<Long> idOf(String source, String sourceId) {
        return em.createNamedQuery(SourceRecord.ID_BY_KEY, Long.class)
                .setParameter("source", source)
                .setParameter("sourceId", sourceId)
                .getResultStream().findFirst();
    }

    /** The records with these ids (those that exist), in one query. */
    public List<SourceRecord> withIds(Collection<Long> ids) {
        return em.createQuery("select r from SourceRecord r where r.id in :ids", SourceRecord.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The customer's records, by source and source id. */
    public List<SourceRecord> ofCustomer(String customerId) {
        return em.createNamedQuery(SourceRecord.OF_CUSTOMER, SourceRecord.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    /** The records of these customers, by source and source id. */
    public List<SourceRecord> ofCustomers(Collection<String> customerIds) {
        return em.createQuery("select r from SourceRecord r where r.customerId in :customers order by r.source, r.sourceId", SourceRecord.class)
                .setParameter("customers", customerIds)
                .getResultList();
    }

    /** The ids of the customer's records, in ascending order, without loading them. */
    public List<Long> idsOfCustomer(String customerId) {
        return em.createQuery("select r.id from SourceRecord r where r.customerId = :customer order by r.id", Long.class)
                .setParameter("customer", customerId)
                .getResultList();
    }

    /** The customers now holding these records. */
    public List<String> customersOf(Collection<Long> ids) {
        return em.createQuery("select r.customerId from SourceRecord r where r.id in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
