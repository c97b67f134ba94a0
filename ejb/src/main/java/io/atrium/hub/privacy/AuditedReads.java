package io.atrium.hub.privacy;

import io.atrium.hub.audit.PersonalDataRead;
import io.atrium.hub.audit.ReadChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;

/** Writes the audit rows of unmasked reads ({@code personal_data_read}). */
@ApplicationScoped
public class AuditedReads {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /**
     * In the caller's transaction, or in one of its own when the caller has none (a search reads without one):
     * then the rows are committed when this returns, before the caller hands out what was read.
     */
    @Transactional
    public void record(String reader, Collection<String> customerIds, ReadChannel channel) {
        Instant at = Instant.now();
        customerIds.forEach(customerId -> em.persist(new PersonalDataRead(reader, customerId, channel, at)));
    }
}
