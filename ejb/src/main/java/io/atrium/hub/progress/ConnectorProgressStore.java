package io.atrium.hub.progress;

import io.atrium.connectors.common.ProgressStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

/** The connectors' progress in the hub's database, in the caller's transaction. */
// Open to every caller: the hub's own routes, consumers and timers call it without a caller
// identity; users reach it only through role-checked beans.
@PermitAll
@Stateless
@LocalBean
public class ConnectorProgressStore implements ProgressStore {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Optional<String> load(String key) {
        return Optional.ofNullable(em.find(ConnectorProgress.class, key)).map(ConnectorProgress::getValue);
    }

    @Override
    public void save(String key, String value) {
        ConnectorProgress progress = em.find(ConnectorProgress.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            em.persist(new ConnectorProgress(key, value, Instant.now()));
        } else {
            progress.update(value, Instant.now());
        }
    }

    @Override
    public boolean remove(String key) {
        ConnectorProgress progress = em.find(ConnectorProgress.class, key);
        if (progress == null) {
            return false;
        }
        em.remove(progress);
        return true;
    }

    /** Removes the keys under this prefix not written since the given time; answers how many. */
    public int removeOlderThan(String keyPrefix, Instant before) {
        return em.createQuery("delete from ConnectorProgress p where p.key like :prefix and p.updatedAt < :before")
                .setParameter("prefix", keyPrefix + "%")
                .setParameter("before", before)
                .executeUpdate();
    }
}
