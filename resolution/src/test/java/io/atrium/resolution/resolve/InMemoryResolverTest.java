package io.atrium.resolution.resolve;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import io.atrium.resolution.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryResolverTest {

    private final List<StandardizedRecord> population = Fixtures.population().stream().map(Standardizer::standardize).toList();
    private final Scorer scorer = new Scorer(MatchSettings.defaults());
    private final InMemoryResolver resolver = new InMemoryResolver(scorer, InMemoryFrequencies.of(population));

    private List<RecordKey> clusterOf(RecordKey key) {
        return resolver.clustering().clusters().stream().filter(c -> c.contains(key)).findFirst().orElseThrow();
    }

    @Test
    void eachArrivalReturnsExplainedLinksStrongestFirst() {
        population.subList(0, 2).forEach(resolver::add);
        List<MatchResult> links = resolver.add(population.get(2));
        assertEquals(2, links.size());
        assertTrue(links.get(0).score() >= links.get(1).score());
        assertTrue(links.stream().allMatch(l -> l.decision() == Decision.MERGE && !l.evidence().isEmpty()));
    }

    @Test
    void splitOutKeepsTheRecordOutWhenMoreRecordsArrive() {
        RecordKey caller = new RecordKey("service", "T1");
        population.subList(0, 4).forEach(resolver::add);
        assertTrue(clusterOf(caller).size() > 1);

        resolver.splitOut(caller);
        assertEquals(List.of(caller), clusterOf(caller));
        population.subList(4, population.size()).forEach(resolver::add);
        assertEquals(List.of(caller), clusterOf(caller));
        assertTrue(clusterOf(new RecordKey("sales", "S1")).size() >= 4);
    }

    @Test
    void removingARecordSplitsWhatOnlyItHeldTogether() {
        population.forEach(resolver::add);
        RecordKey leasing = new RecordKey("leasing", "L3");
        RecordKey sales = new RecordKey("sales", "S5");
        assertTrue(clusterOf(sales).contains(leasing));
        resolver.remove(leasing);
        assertFalse(clusterOf(sales).contains(leasing));
        assertEquals(List.of(sales), clusterOf(sales));
    }
}
