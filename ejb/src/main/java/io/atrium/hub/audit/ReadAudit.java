package io.atrium.hub.audit;

import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** The audit of unmasked reads of personal data, for administrators. */
@Stateless
@RolesAllowed(HubRoles.ADMIN)
public class ReadAudit {

    public static final int MAX_PAGE_SIZE = 500;

    /** One audited read. */
    public record Entry(long id, String reader, String customerId, ReadChannel channel, Instant readAt) {
    }

    /** One page of reads, newest first; page 0 is the first. */
    public record Page(List<Entry> reads, int page, int size, long total) {
    }

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** @param size at most {@value #MAX_PAGE_SIZE} */
    public Page reads(int page, int size) {
        List<Entry> reads = em.createQuery("select r from PersonalDataRead r order by r.id desc", PersonalDataRead.class)
                .setFirstResult(page * size)
                .setMaxResults(Math.min(size, MAX_PAGE_SIZE))
                .getResultStream()
                .map(r -> new Entry(r.getId(), r.getReader(), r.getCustomerId(), r.getChannel(), r.getReadAt()))
                .toList();
        long total = em.createQuery("select count(r) from PersonalDataRead r", Long.class).getSingleResult();
        return new Page(reads, page, size, total);
    }
}
