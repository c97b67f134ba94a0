package io.atrium.hub.fact;

import io.atrium.hub.resolve.ContentHash;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stores facts idempotently by their source's version ({@link SourceFact#update}): the same
 * state changes nothing, an older one is ignored (events of one member, ticket changes and
 * leasing exports may arrive out of order), a newer one replaces the stored fact. A fact without a
 * party is kept all the same, on no customer's timeline; a later version naming its party attaches it.
 */
@ApplicationScoped
public class FactStore {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** @return true when the stored facts changed */
    public boolean store(PartyFact fact) {
        String party = fact.getPartySourceId() == null ? SourceFact.NO_PARTY : fact.getPartySourceId();
        String data = PartyRecordJson.write(fact.getData());
        String hash = ContentHash.of(fact.getPartySourceId() + "|" + fact.getOccurredAt() + "|" + data);
        SourceFact stored = em.createQuery("select f from SourceFact f where f.source = :source "
                        + "and f.type = :type and f.factId = :factId", SourceFact.class)
                .setParameter("source", fact.getSource())
                .setParameter("type", fact.getType())
                .setParameter("factId", fact.getFactId())
                .getResultStream().findFirst().orElse(null);
        if (stored != null) {
            boolean changed = stored.update(party, fact.getOccurredAt(), fact.getUpdatedAt(), data, hash);
            if (hash.equals(stored.getContentHash())) {
                // also when unchanged: a fact stored before its figures were kept gets them on its next delivery
                stored.figures(FactFigures.of(fact.getType(), fact.getData()));
            }
            return changed;
        }
        stored = new SourceFact(fact.getSource(), fact.getType(), fact.getFactId());
        stored.update(party, fact.getOccurredAt(), fact.getUpdatedAt(), data, hash);
        stored.figures(FactFigures.of(fact.getType(), fact.getData()));
        // complete before persist: Hibernate's insert takes the state it had at persist time
        em.persist(stored);
        return true;
    }
}
