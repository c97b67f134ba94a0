package io.atrium.hub.resolve;

import io.atrium.hub.customer.JpaSourceRecordRepository;
import io.atrium.hub.customer.StoredForm;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.resolve.ConflictLearning;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.StandardizedRecordJson;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The conflicts the stored records show to be slips, learned as {@code hub-match} learns them from a file
 * ({@link ConflictLearning}): the stored forms of persons whose quality columns show a full name, an identifier and a
 * birth date are read once, in chunks of {@value #SCAN} by id (the others cannot count and stay in the database),
 * and only the records that may count keep their id and usable blocking keys; the pairs among them are then
 * compared, their forms read again a chunk at a time. So the pass holds a few keys per such record and their pairs,
 * never the forms, and runs outside any transaction (each read its own), beside the resolver, which it never waits for.
 */
// Open to every caller: the frequency snapshot's timer calls it without a caller identity; users reach it only
// through role-checked beans.
@PermitAll
@Stateless
public class ConflictLearner {

    static final int SCAN = 1_000;
    private static final Logger LOG = Logger.getLogger(ConflictLearner.class.getName());

    /** The stored forms, as the pass reads them. */
    interface Forms {
        /** The forms of the records with ids after this one, at most {@code size}, in id order: at least those that may count. */
        List<Map.Entry<Long, StandardizedRecord>> after(long afterId, int size);

        /** The forms of the records with these ids that are still stored. */
        Map<Long, StandardizedRecord> byIds(long[] ids);
    }

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MatchEngine engine;

    @Inject
    JpaSourceRecordRepository sourceRecords;

    @Resource
    SessionContext context;

    /** Learns from the stored records, weighed against the snapshot just counted, and stores the result for every node. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LearnedConflicts learn(ValueFrequencies frequencies, long population) {
        long started = System.nanoTime();
        Scorer scorer = engine.scorer();
        ConflictLearning learning = new ConflictLearning(scorer.settings(), frequencies);
        Set<FieldKind> weighed = learn(new StoredForms(), learning, scorer);
        LearnedConflicts row = new LearnedConflicts(weighed, population, learning.records(), learning.pairsCompared(),
                Instant.now(), (System.nanoTime() - started) / 1_000_000);
        context.getBusinessObject(ConflictLearner.class).store(row);
        LOG.info(() -> String.format("conflicts weighed, learned from %d stored records (%d may count, %d pairs compared) in %d ms: %s",
                population, learning.records(), learning.pairsCompared(), (System.nanoTime() - started) / 1_000_000, weighed));
        return row;
    }

    /** The pass over any store of forms. */
    static Set<FieldKind> learn(Forms forms, ConflictLearning learning, Scorer scorer) {
        long after = Long.MIN_VALUE;
        for (List<Map.Entry<Long, StandardizedRecord>> chunk = forms.after(after, SCAN); !chunk.isEmpty();
             chunk = forms.after(after, SCAN)) {
            chunk.forEach(form -> learning.offer(form.getKey(), form.getValue()));
            after = chunk.get(chunk.size() - 1).getKey();
        }
        return learning.weighed(scorer, forms::byIds);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void store(LearnedConflicts row) {
        em.merge(row);
    }

    /** What the elected node learned last, if it ever did. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LearnedConflicts> stored() {
        return Optional.ofNullable(em.find(LearnedConflicts.class, LearnedConflicts.ROW));
    }

    /**
     * Each read a statement of its own through the repository, outside a transaction: nothing stays in a persistence
     * context. The forms by id are read as the resolver's batch reads its candidates ({@code formsWithIds}).
     */
    private final class StoredForms implements Forms {

        @Override
        public List<Map.Entry<Long, StandardizedRecord>> after(long afterId, int size) {
            List<StoredForm> rows = sourceRecords.identifiedPersonFormsAfter(afterId, size);
            Map<Long, StandardizedRecord> parsed = parse(rows);
            List<Map.Entry<Long, StandardizedRecord>> forms = new ArrayList<>(rows.size());
            rows.forEach(row -> forms.add(new AbstractMap.SimpleEntry<>(row.id(), parsed.get(row.id()))));
            return forms;
        }

        @Override
        public Map<Long, StandardizedRecord> byIds(long[] ids) {
            return parse(sourceRecords.formsWithIds(Arrays.stream(ids).boxed().toList()));
        }

        /** The forms of these rows; a row stored before its form was kept is standardized from its payload. */
        private Map<Long, StandardizedRecord> parse(List<StoredForm> rows) {
            Map<Long, StandardizedRecord> forms = new HashMap<>();
            List<Long> withoutForm = new ArrayList<>();
            for (StoredForm row : rows) {
                if (row.standardized() == null) {
                    withoutForm.add(row.id());
                } else {
                    forms.put(row.id(), StandardizedRecordJson.read(row.standardized()));
                }
            }
            if (!withoutForm.isEmpty()) {
                sourceRecords.withIds(withoutForm).forEach(row -> forms.put(row.getId(), StandardizedRecords.of(row)));
            }
            return forms;
        }
    }
}
