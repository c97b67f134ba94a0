package io.atrium.hub.analytics;

import io.atrium.hub.persistence.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The resolver's hook for facts: a fact stored or changed for a record already linked changes no customer and
 * so announces no change event, yet changes its customer's scores. The resolver notes the fact's party record
 * here (a set add in its transaction, nothing more); once that transaction committed, the records go to
 * {@link ValueRecompute}'s drain, which finds their customers and scores them in transactions of its own.
 * A rolled-back transaction hands over nothing.
 */
@ApplicationScoped
public class ValueRefresh {

    private static final Object KEY = ValueRefresh.class;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @EJB
    ValueRecompute recompute;

    /** In the caller's transaction: the facts of this record changed. */
    public void factChanged(String source, String partySourceId) {
        @SuppressWarnings("unchecked")
        Set<Map.Entry<String, String>> records = (Set<Map.Entry<String, String>>) transactions.getResource(KEY);
        if (records == null) {
            Set<Map.Entry<String, String>> changed = new HashSet<>();
            transactions.putResource(KEY, changed);
            AfterCommit.run(transactions, () -> recompute.recordsChanged(changed));
            records = changed;
        }
        records.add(Map.entry(source, partySourceId));
    }
}
