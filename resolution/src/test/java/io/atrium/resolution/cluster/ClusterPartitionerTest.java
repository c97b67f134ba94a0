package io.atrium.resolution.cluster;

import io.atrium.resolution.Fixtures;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.match.MatchSettings;
import io.atrium.resolution.match.Scorer;
import io.atrium.resolution.model.RecordKey;
import io.atrium.resolution.standardize.StandardizedRecord;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusterPartitionerTest {

    private final Scorer scorer = new Scorer(MatchSettings.defaults());
    private final ClusterPartitioner partitioner = new ClusterPartitioner(scorer);

    private final StandardizedRecord father = Fixtures.standardized("""
            {"source":"sales","sourceId":"F","name":"陈伟","idNumber":"110105198507150016","phones":["13800138000"]}""");
    private final StandardizedRecord son = Fixtures.standardized("""
            {"source":"sales","sourceId":"S","name":"陈明","idNumber":"440304199001011233","phones":["13800138000"]}""");
    private final StandardizedRecord caller = Fixtures.standardized("""
            {"source":"service","sourceId":"T","name":"陈先生","phones":["13800138000"]}""");

    private static MatchResult link(StandardizedRecord a, StandardizedRecord b, double score) {
        return new MatchResult(a.key(), b.key(), List.of(), score, Decision.MERGE, false);
    }

    private Map<RecordKey, StandardizedRecord> records() {
        Map<RecordKey, StandardizedRecord> records = new LinkedHashMap<>();
        for (StandardizedRecord r : List.of(father, son, caller)) {
            records.put(r.key(), r);
        }
        return records;
    }

    @Test
    void aWeakRecordNeverBridgesTwoConflictingCustomersAndJoinsAClearlyStrongerOne() {
        List<List<RecordKey>> clusters = partitioner.partition(records(),
                List.of(link(caller, son, 25.0), link(father, caller, 30.0)), StewardConstraints.NONE);
        assertEquals(List.of(List.of(father.key(), caller.key()), List.of(son.key())), clusters);
    }

    @Test
    void aCallerOnAPhoneSharedByFatherAndSonStaysAloneWhateverTheOrder() {
        List<MatchResult> links = List.of(link(caller, son, 25.0), link(father, caller, 26.0));
        List<List<RecordKey>> forward = partitioner.partition(records(), links, StewardConstraints.NONE);
        List<List<RecordKey>> backward = partitioner.partition(records(), List.of(links.get(1), links.get(0)), StewardConstraints.NONE);
        assertEquals(forward, backward);
        assertEquals(List.of(List.of(father.key()), List.of(son.key()), List.of(caller.key())), forward,
                "Mr Chen on the family phone may be either: no coin toss");
    }

    @Test
    void aCallerJoinsTheOnlyCandidateOfHisSurnameOnTheSharedPhone() {
        StandardizedRecord wife = Fixtures.standardized("""
                {"source":"sales","sourceId":"W","name":"王芳","gender":"F","phones":["13800138000"]}""");
        Map<RecordKey, StandardizedRecord> records = records();
        records.remove(son.key());
        records.put(wife.key(), wife);
        List<List<RecordKey>> clusters = partitioner.partition(records, List.of(link(father, caller, 26.0)), StewardConstraints.NONE);
        assertEquals(List.of(List.of(father.key(), caller.key()), List.of(wife.key())), clusters);
    }

    @Test
    void stewardCannotLinkIsRespectedAndSettlesTheCallersAmbiguity() {
        StewardConstraints steward = StewardConstraints.NONE.withCannotLink(caller.key(), father.key());
        List<List<RecordKey>> clusters = partitioner.partition(records(),
                List.of(link(caller, son, 25.0), link(father, caller, 26.0)), steward);
        assertEquals(List.of(List.of(father.key()), List.of(son.key(), caller.key())), clusters);
    }
}
