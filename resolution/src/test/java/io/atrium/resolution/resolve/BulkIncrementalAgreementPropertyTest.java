package io.atrium.resolution.resolve;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.match.ValueFrequencies;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental resolution reaches the clusters of bulk resolution whatever the arrival order. The
 * population is the trap fixture twice over (every record also arrives from a second source), so that
 * equal scores and cluster-level conflicts are exercised, not only clear cases.
 */
class BulkIncrementalAgreementPropertyTest {

    private static final Scorer SCORER = new Scorer(MatchSettings.defaults());
    private static final List<StandardizedRecord> POPULATION = population();
    // with the name prior, as the bulk tool and the hub score
    private static final ValueFrequencies FREQUENCIES = InMemoryFrequencies.of(POPULATION).withNamePrior();
    private static final RecordKey CALLER = new RecordKey("service", "T1");
    private static final RecordKey OWNER = new RecordKey("sales", "S1");

    @Property(tries = 40)
    void incrementalAgreesWithBulkForAnyArrivalOrder(@ForAll long seed) {
        List<StandardizedRecord> arrivals = new ArrayList<>(POPULATION);
        Collections.shuffle(arrivals, new Random(seed));

        InMemoryResolver incremental = new InMemoryResolver(SCORER, FREQUENCIES);
        arrivals.forEach(incremental::add);
        Clustering bulk = new BulkResolver(SCORER).resolve(POPULATION, StewardConstraints.NONE, FREQUENCIES);

        assertEquals(bulk.clusters(), incremental.clustering().clusters());
        assertTrue(bulk.clusters().size() < POPULATION.size(), "the population has duplicates to merge");
    }

    @Property(tries = 20)
    void stewardDecisionsHoldInBothModesWhateverTheOrder(@ForAll long seed) {
        List<StandardizedRecord> arrivals = new ArrayList<>(POPULATION);
        Collections.shuffle(arrivals, new Random(seed));
        InMemoryResolver incremental = new InMemoryResolver(SCORER, FREQUENCIES);
        int half = arrivals.size() / 2;
        arrivals.subList(0, half).forEach(incremental::add);
        incremental.cannotLink(CALLER, OWNER);
        arrivals.subList(half, arrivals.size()).forEach(incremental::add);

        Clustering bulk = new BulkResolver(SCORER).resolve(POPULATION, incremental.steward(), FREQUENCIES);
        assertEquals(bulk.clusters(), incremental.clustering().clusters());
        assertTrue(bulk.clusters().stream().noneMatch(c -> c.contains(CALLER) && c.contains(OWNER)));
    }

    @Property(tries = 20)
    void replacingARecordWithItsNewerVersionEndsLikeLoadingTheNewerVersion(@ForAll long seed) {
        List<StandardizedRecord> arrivals = new ArrayList<>(POPULATION);
        Collections.shuffle(arrivals, new Random(seed));
        StandardizedRecord moved = arrivals.get(0);
        StandardizedRecord stranger = Standardizer.standardize(io.atrium.resolution.model.PartyRecordJson.read(
                "{\"source\":\"" + moved.key().source() + "\",\"sourceId\":\"" + moved.key().sourceId()
                        + "\",\"name\":\"Nobody Else\",\"phones\":[\"+8613311112222\"]}"));
        InMemoryResolver incremental = new InMemoryResolver(SCORER, FREQUENCIES);
        arrivals.forEach(incremental::add);
        incremental.add(stranger);

        List<StandardizedRecord> finalLoad = new ArrayList<>(POPULATION);
        finalLoad.add(stranger);
        Clustering bulk = new BulkResolver(SCORER).resolve(finalLoad, StewardConstraints.NONE, FREQUENCIES);
        assertEquals(bulk.clusters(), incremental.clustering().clusters());
        assertTrue(bulk.clusters().contains(List.of(moved.key())), "the new version stands alone");
    }

    private static List<StandardizedRecord> population() {
        List<StandardizedRecord> records = new ArrayList<>();
        for (PartyRecord record : Fixtures.population()) {
            records.add(Standardizer.standardize(record));
            record.setSource("copy-" + record.getSource());
            records.add(Standardizer.standardize(record));
        }
        return List.copyOf(records);
    }
}
