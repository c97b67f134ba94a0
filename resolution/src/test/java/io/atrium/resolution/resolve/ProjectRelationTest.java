package io.atrium.resolution.resolve;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.cluster.StewardConstraints;
import io.atrium.resolution.match.ComparisonLevel;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.FieldKind;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project both records tie a person to (the ticket's, a unit's, a lease's) as evidence: hand-made
 * records in one project among forty residents of another surname, so that the snapshot shows the
 * caller's surname to be rare there. Resolved one by one (as the hub does) and in bulk, alike.
 */
class ProjectRelationTest {

    private static final String PROJECT = "锦绣江南";
    private static final RecordKey CALLER = new RecordKey("service", "T1");
    private static final RecordKey OWNER = new RecordKey("property", "PM-1");

    private static final String OWNER_RECORD = """
            {"source":"property","sourceId":"PM-1","name":"李秀英","gender":"F","phones":["13912345670"],"projects":["锦绣江南"]}""";

    private static String caller(String phone, String project) {
        return """
                {"source":"service","sourceId":"T1","name":"李女士","phones":["%s"],"projects":["%s"]}""".formatted(phone, project);
    }

    /** Forty residents of the project sharing a common surname, each with a phone of their own. */
    private static List<String> neighbours() {
        return IntStream.range(0, 40).mapToObj(i -> """
                {"source":"property","sourceId":"PM-%d","name":"王%s","phones":["1380000%04d"],"projects":["锦绣江南"]}"""
                .formatted(100 + i, "伟芳娜敏静丽强磊军洋".charAt(i % 10) + String.valueOf("一二三四".charAt(i / 10)), i)).toList();
    }

    private record Resolved(Clustering clustering, List<MatchResult> links) {
        List<RecordKey> clusterOf(RecordKey key) {
            return clustering.clusters().stream().filter(c -> c.contains(key)).findFirst().orElseThrow();
        }

        Optional<MatchResult> link(RecordKey a, RecordKey b) {
            return links.stream().filter(l -> l.left().equals(a) && l.right().equals(b) || l.left().equals(b) && l.right().equals(a))
                    .findFirst();
        }
    }

    /** One by one as the hub resolves, after checking that bulk resolution of the same records agrees. */
    private static Resolved resolve(String... records) {
        List<StandardizedRecord> load = new ArrayList<>(neighbours().stream().map(Fixtures::standardized).toList());
        for (String record : records) {
            load.add(Fixtures.standardized(record));
        }
        Scorer scorer = new Scorer(MatchSettings.defaults());
        InMemoryFrequencies frequencies = InMemoryFrequencies.of(load);
        InMemoryResolver incremental = new InMemoryResolver(scorer, frequencies);
        List<MatchResult> links = new ArrayList<>();
        load.forEach(record -> links.addAll(incremental.add(record)));
        Clustering bulk = new BulkResolver(scorer).resolve(load, StewardConstraints.NONE, frequencies);
        assertEquals(sorted(bulk.clusters()), sorted(incremental.clustering().clusters()), "bulk = incremental");
        return new Resolved(incremental.clustering(), links);
    }

    private static List<String> sorted(List<List<RecordKey>> clusters) {
        return clusters.stream().map(c -> c.stream().map(RecordKey::toString).sorted().toList().toString()).sorted().toList();
    }

    @Test
    void aSurnameOnlyCallerMeetsTheOneCustomerOfHerSurnameInTheTicketsProjectInReviewWithTheReason() {
        Resolved resolved = resolve(OWNER_RECORD, caller("13766665555", PROJECT));
        MatchResult link = resolved.link(CALLER, OWNER).orElseThrow(() -> new AssertionError("never compared"));
        assertEquals(Decision.REVIEW, link.decision());
        assertTrue(link.evidence().stream().anyMatch(e -> e.field() == FieldKind.PROJECT
                && e.level() == ComparisonLevel.EXACT && e.weight() > 0), link.evidence().toString());
        assertEquals(List.of(CALLER), resolved.clusterOf(CALLER), "a surname and a project are not enough to merge");
    }

    @Test
    void aCallerWithAMobileOneDigitOffIsFoundThroughTheProjectAndMerges() {
        Resolved resolved = resolve(OWNER_RECORD, caller("13912345679", PROJECT));
        assertEquals(Decision.MERGE, resolved.link(CALLER, OWNER).orElseThrow().decision());
        assertTrue(resolved.clusterOf(CALLER).contains(OWNER));
    }

    @Test
    void aCallerWithTwoCandidatesOfHerSurnameInTheProjectStaysInReviewWithBoth() {
        RecordKey sister = new RecordKey("property", "PM-2");
        Resolved resolved = resolve(OWNER_RECORD, caller("13766665555", PROJECT), """
                {"source":"property","sourceId":"PM-2","name":"李娟","gender":"F","phones":["13655554444"],"projects":["锦绣江南"]}""");
        assertEquals(Decision.REVIEW, resolved.link(CALLER, OWNER).orElseThrow().decision());
        assertEquals(Decision.REVIEW, resolved.link(CALLER, sister).orElseThrow().decision());
        assertEquals(List.of(CALLER), resolved.clusterOf(CALLER));
    }

    @Test
    void aCallerAboutAnotherProjectStaysApart() {
        Resolved resolved = resolve(OWNER_RECORD, caller("13766665555", "华润城"));
        assertTrue(resolved.link(CALLER, OWNER).isEmpty(), "nothing but the surname brings them together");
        assertEquals(List.of(CALLER), resolved.clusterOf(CALLER));
    }

    @Test
    void aFullNameAndAProjectAloneNeverMerge() {
        Resolved resolved = resolve("""
                {"source":"property","sourceId":"PM-7","name":"赵雅琴","phones":["13511112222"],"projects":["锦绣江南"]}""", """
                {"source":"leasing","sourceId":"L-7","name":"赵雅琴","phones":["13533334444"],"projects":["锦绣江南"]}""");
        RecordKey owner = new RecordKey("property", "PM-7");
        RecordKey tenant = new RecordKey("leasing", "L-7");
        assertNotEquals(Decision.MERGE, resolved.link(owner, tenant).orElseThrow().decision());
        assertEquals(List.of(owner), resolved.clusterOf(owner));
    }
}
