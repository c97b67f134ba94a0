package io.atrium.hub.resolve;

import io.atrium.resolution.match.FieldKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The conflicts the hub's stored records show to be slips ({@link ConflictLearner}), one row that every node reads, so
 * that all weigh alike whichever learned it: the elected node learns at each recount of its frequency snapshot.
 */
@Entity
@Table(name = "learned_conflicts")
public class LearnedConflicts {

    static final long ROW = 1;

    @Id
    private long id = ROW;

    /** FieldKind names, comma-separated, in their order; empty when every conflict stays a veto. */
    @Column(nullable = false, length = 100)
    private String weighed;

    /** Records the frequency snapshot counted when these were learned. */
    @Column(nullable = false)
    private long population;

    /** Records that may take part in a counted pair (a person with name, identifier, birth date and address). */
    @Column(name = "records_counted", nullable = false)
    private long recordsCounted;

    @Column(name = "pairs_compared", nullable = false)
    private long pairsCompared;

    @Column(name = "learned_at", nullable = false)
    private Instant learnedAt;

    @Column(name = "took_millis", nullable = false)
    private long tookMillis;

    protected LearnedConflicts() {
    }

    LearnedConflicts(Set<FieldKind> weighed, long population, long recordsCounted, long pairsCompared, Instant learnedAt,
                     long tookMillis) {
        this.weighed = weighed.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.population = population;
        this.recordsCounted = recordsCounted;
        this.pairsCompared = pairsCompared;
        this.learnedAt = learnedAt;
        this.tookMillis = tookMillis;
    }

    public Set<FieldKind> weighed() {
        Set<FieldKind> fields = EnumSet.noneOf(FieldKind.class);
        if (!weighed.isEmpty()) {
            Arrays.stream(weighed.split(",")).map(FieldKind::valueOf).forEach(fields::add);
        }
        return fields;
    }

    /**
     * What {@code GET /resolver} shows of the conflicts weighed.
     *
     * @param weighed        the fields whose disagreement beside identifiers that differ is weighed, not a veto
     * @param source         {@code LEARNED} from the stored records, {@code PINNED} by the settings file, or
     *                       {@code NOT_YET_LEARNED} (none weighed until the first count learns them)
     * @param population     records counted by the snapshot they were learned at
     * @param recordsCounted records that may take part in a counted pair
     * @param pairsCompared  candidate pairs among them compared
     */
    public record View(List<String> weighed, String source, Long population, Long recordsCounted, Long pairsCompared,
                       Instant learnedAt, Long tookMillis) {

        static View pinned(Set<FieldKind> weighed) {
            return new View(names(weighed), "PINNED", null, null, null, null, null);
        }

        static final View NOT_YET_LEARNED = new View(List.of(), "NOT_YET_LEARNED", null, null, null, null, null);

        static View of(LearnedConflicts row) {
            return new View(names(row.weighed()), "LEARNED", row.population, row.recordsCounted, row.pairsCompared,
                    row.learnedAt, row.tookMillis);
        }

        private static List<String> names(Set<FieldKind> fields) {
            return fields.stream().sorted().map(Enum::name).toList();
        }
    }
}
