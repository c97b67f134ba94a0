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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return byKey(father, son, caller);
    }

    private static Map<RecordKey, StandardizedRecord> byKey(StandardizedRecord... members) {
        Map<RecordKey, StandardizedRecord> records = new LinkedHashMap<>();
        for (StandardizedRecord r : members) {
            records.put(r.key(), r);
        }
        return records;
    }

    @Test
    void aWeakRecordNeverBridgesTwoConflictingCustomersAndJoinsAClearlyStrongerOne() {
        StandardizedRecord fatherWithMail = Fixtures.standardized("""
                {"source":"sales","sourceId":"F","name":"陈伟","idNumber":"110105198507150016","phones":["13800138000"],"emails":["chenwei@example.com"]}""");
        StandardizedRecord callerWithMail = Fixtures.standardized("""
                {"source":"service","sourceId":"T","name":"陈先生","phones":["13800138000"],"emails":["chenwei@example.com"]}""");
        List<List<RecordKey>> clusters = partitioner.partition(byKey(fatherWithMail, son, callerWithMail),
                List.of(link(callerWithMail, son, 25.0), link(fatherWithMail, callerWithMail, 30.0)), StewardConstraints.NONE);
        assertEquals(List.of(List.of(father.key(), caller.key()), List.of(son.key())), clusters,
                "the e-mail he shares with his father's record says who called on the family phone");
    }

    @Test
    void aCallerOnTheNumberFatherAndSonBothHoldStaysAloneHoweverTheLinksDiffer() {
        // a few bits more for one of them (a shared project, a known gender) do not say which of the two called
        List<List<RecordKey>> clusters = partitioner.partition(records(),
                List.of(link(caller, son, 25.0), link(father, caller, 30.0)), StewardConstraints.NONE);
        assertEquals(List.of(List.of(father.key()), List.of(son.key()), List.of(caller.key())), clusters);
    }

    @Test
    void aCallerHeldBackIsReportedWithWhyAndJoinsTheOtherOnceAStewardRulesOneOut() {
        List<MatchResult> links = List.of(link(caller, son, 25.0), link(father, caller, 30.0));
        assertEquals(Map.of(caller.key(), ClusterPartitioner.HeldBack.SHARED_NUMBER),
                partitioner.partitionReporting(records(), links, StewardConstraints.NONE).heldBack());
        assertEquals(Map.of(caller.key(), ClusterPartitioner.HeldBack.CLOSE_LINKS), partitioner.partitionReporting(records(),
                List.of(link(caller, son, 29.0), link(father, caller, 30.0)), StewardConstraints.NONE).heldBack());

        // a steward's answer "not the son" (what accepting the father's link in the review queue also says)
        ClusterPartitioner.Partition answered = partitioner.partitionReporting(records(), links,
                StewardConstraints.NONE.withCannotLink(caller.key(), son.key()));
        assertEquals(Map.of(), answered.heldBack());
        assertEquals(List.of(List.of(father.key(), caller.key()), List.of(son.key())), answered.clusters());
    }

    @Test
    void aHeldBackCallersLinksQueueByHowMuchMoreTheySayThanItsOtherCandidate() {
        MatchResult toSon = link(caller, son, 25.0);
        MatchResult toFather = link(father, caller, 30.0);
        MatchResult fatherAndSon = link(father, son, 40.0);
        List<MatchResult> links = List.of(toSon, toFather, fatherAndSon);
        Map<MatchResult, Double> priorities = ClusterPartitioner.stewardPriorities(links,
                partitioner.partitionReporting(records(), links, StewardConstraints.NONE).heldBack());
        // 5 bits for the father over the son, whatever the review band's scores: the choice, not the match, is queued
        assertEquals(Map.of(toFather, 5.0, toSon, -5.0), priorities);
    }

    @Test
    void aCallerJoinsAClearlyStrongerLinkWhenTheTwoCustomersHoldDifferentNumbersOfHis() {
        StandardizedRecord sonAtHome = Fixtures.standardized("""
                {"source":"sales","sourceId":"S","name":"陈明","idNumber":"440304199001011233","phones":["075586001234"]}""");
        StandardizedRecord callerWithLandline = Fixtures.standardized("""
                {"source":"service","sourceId":"T","name":"陈先生","phones":["13800138000","075586001234"]}""");
        List<List<RecordKey>> clusters = partitioner.partition(byKey(father, sonAtHome, callerWithLandline),
                List.of(link(callerWithLandline, sonAtHome, 25.0), link(father, callerWithLandline, 30.0)), StewardConstraints.NONE);
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
    /**
     * One person three times: the original, a copy whose identifier was mistyped beyond a typo, a copy whose birth
     * date was. The two copies disagree on both, a conflict on their own; the original agrees with each on what the
     * other mistyped, so each disagreement is one copy's slip and the three are one customer, in either order.
     */
    @Test
    void aRecordAgreeingWithEachOfTwoConflictingCopiesExplainsTheirConflictAway() {
        StandardizedRecord original = Fixtures.standardized("""
                {"source":"a","sourceId":"1","name":"flynn cresp","idType":"OTHER","idNumber":"4371160","birthDate":"1971-03-02","address":"20 kitchener street bombala 2632 nsw"}""");
        StandardizedRecord idMistyped = Fixtures.standardized("""
                {"source":"a","sourceId":"2","name":"flynn cresp","idType":"OTHER","idNumber":"4317610","birthDate":"1971-03-02","address":"20 kitchener street bombala 2632 nsw"}""");
        StandardizedRecord dateMistyped = Fixtures.standardized("""
                {"source":"a","sourceId":"3","name":"flynn cresp","idType":"OTHER","idNumber":"4371160","birthDate":"1980-11-26","address":"20 kitchener street bombala 2632 nsw"}""");
        assertBridgedIntoOneCustomer(original, idMistyped, dateMistyped);
    }

    /**
     * The same with the bridge's identifier one keystroke off the first copy's, not equal to it: a typo is strong
     * evidence for the pair rule too (it outweighs one disagreement), so it vouches as an equal identifier does.
     */
    @Test
    void aRecordOneKeystrokeOffOneCopysIdentifierExplainsTheirConflictAwayToo() {
        StandardizedRecord original = Fixtures.standardized("""
                {"source":"a","sourceId":"1","name":"kayne gillard","idType":"OTHER","idNumber":"3871937","birthDate":"1934-04-27","address":"168 bursaria street leeton 2621 nsw"}""");
        StandardizedRecord bothMistyped = Fixtures.standardized("""
                {"source":"a","sourceId":"2","name":"kayne dunnicliff","idType":"OTHER","idNumber":"3871397","birthDate":"1934-04-27","address":"168 bursaria street leeton 2621 nsw"}""");
        StandardizedRecord idReplaced = Fixtures.standardized("""
                {"source":"a","sourceId":"3","name":"kayne gillard","idType":"OTHER","idNumber":"8329801","birthDate":"1934-04-27","address":"168 bursaria street leeton 2621 nsw"}""");
        assertBridgedIntoOneCustomer(original, bothMistyped, idReplaced);
    }

    /** Two copies in conflict and the record that explains it away are one customer, whichever link comes first. */
    private void assertBridgedIntoOneCustomer(StandardizedRecord bridge, StandardizedRecord a, StandardizedRecord b) {
        assertTrue(scorer.conflicts(a, b));
        Map<RecordKey, StandardizedRecord> records = byKey(bridge, a, b);
        List<List<RecordKey>> forward = partitioner.partition(records,
                List.of(link(bridge, b, 38.0), link(bridge, a, 33.0)), StewardConstraints.NONE);
        assertEquals(List.of(List.of(bridge.key(), a.key(), b.key())), forward);
        assertEquals(forward, partitioner.partition(records,
                List.of(link(bridge, b, 30.0), link(bridge, a, 33.0)), StewardConstraints.NONE));
    }

    /**
     * Father and son of one name at one address, born years apart: an undated record carrying the father's
     * identifier links to both, but says nothing about whose birth date is right, so the two stay apart.
     */
    @Test
    void aRecordWithoutABirthDateDoesNotExplainTwoBirthDatesAway() {
        StandardizedRecord senior = Fixtures.standardized("""
                {"source":"a","sourceId":"1","name":"john miller","idType":"OTHER","idNumber":"8812001","birthDate":"1950-04-12","address":"7 high street leeds ls1 4ab","phones":["0113 496 0123"]}""");
        StandardizedRecord junior = Fixtures.standardized("""
                {"source":"a","sourceId":"2","name":"john miller","idType":"OTHER","idNumber":"9930417","birthDate":"1979-08-30","address":"7 high street leeds ls1 4ab","phones":["0113 496 0123"]}""");
        StandardizedRecord undated = Fixtures.standardized("""
                {"source":"b","sourceId":"3","name":"john miller","idType":"OTHER","idNumber":"8812001","address":"7 high street leeds ls1 4ab","phones":["0113 496 0123"]}""");
        Map<RecordKey, StandardizedRecord> records = byKey(senior, junior, undated);
        List<List<RecordKey>> clusters = partitioner.partition(records,
                List.of(link(senior, undated, 60.0), link(junior, undated, 35.0)), StewardConstraints.NONE);
        assertEquals(List.of(List.of(senior.key(), undated.key()), List.of(junior.key())), clusters);
    }
}
