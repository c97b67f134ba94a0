package io.atrium.hub.resolve;

import io.atrium.hub.match.MatchLink;
import io.atrium.hub.match.ReviewState;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;
import io.atrium.resolution.model.RecordKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What re-scoring does to a stored link: the matcher's decisions follow the new weights, a steward's stay. */
class LinkRescoreTest {

    private static final Instant SCORED = Instant.parse("2026-11-01T00:00:00Z");

    private static MatchLink stored(Decision decision) {
        double score = decision == Decision.MERGE ? 23 : 15;
        return new MatchLink(1, 2, score, score, decision, false, "stored", SCORED);
    }

    private static MatchResult rescored(Decision decision, boolean conflict) {
        double score = switch (decision) {
            case MERGE -> 23;
            case REVIEW -> 19;
            case NO_MATCH -> 5;
        };
        return new MatchResult(new RecordKey("a", "1"), new RecordKey("b", "2"), List.of(), score, decision, conflict);
    }

    @Test
    void aMergeTheNewWeightsSendToReviewIsRedecidedAndWaitsForAStewardNoLongerLinking() {
        MatchLink link = stored(Decision.MERGE);
        assertEquals(LinkRescore.REDECIDE, LinkRescore.of(link, rescored(Decision.REVIEW, false)));
        link.redecide(19, 19, Decision.REVIEW, false, "rescored", SCORED.plusSeconds(1));
        assertEquals(ReviewState.PENDING, link.getReviewState());
        assertFalse(link.links());
    }

    @Test
    void aPendingReviewTheNewWeightsMergeIsRedecidedAndLinks() {
        MatchLink link = stored(Decision.REVIEW);
        assertEquals(LinkRescore.REDECIDE, LinkRescore.of(link, rescored(Decision.MERGE, false)));
        link.redecide(23, 23, Decision.MERGE, false, "rescored", SCORED.plusSeconds(1));
        assertNull(link.getReviewState());
        assertTrue(link.links());
    }

    @Test
    void theSameDecisionOnlyTakesTheNewScore() {
        assertEquals(LinkRescore.RESCORE, LinkRescore.of(stored(Decision.MERGE), rescored(Decision.MERGE, false)));
        assertEquals(LinkRescore.RESCORE, LinkRescore.of(stored(Decision.REVIEW), rescored(Decision.REVIEW, false)));
    }

    @Test
    void aPairBelowTheReviewBandOrInConflictGoesAsTheResolverWouldNotStoreIt() {
        assertEquals(LinkRescore.REMOVE, LinkRescore.of(stored(Decision.MERGE), rescored(Decision.NO_MATCH, false)));
        assertEquals(LinkRescore.REMOVE, LinkRescore.of(stored(Decision.REVIEW), rescored(Decision.NO_MATCH, false)));
        // the scorer never decides a conflict MERGE, but may put it in the review band
        assertEquals(LinkRescore.REMOVE, LinkRescore.of(stored(Decision.MERGE), rescored(Decision.REVIEW, true)));
    }

    @Test
    void aStewardsDecisionStandsWhateverTheNewWeightsSay() {
        MatchLink rejected = stored(Decision.REVIEW);
        rejected.setReviewState(ReviewState.REJECTED);
        MatchLink accepted = stored(Decision.REVIEW);
        accepted.setReviewState(ReviewState.ACCEPTED);
        MatchLink splitAway = stored(Decision.MERGE);
        splitAway.setSuppressedBy(7L);
        for (MatchLink decided : List.of(rejected, accepted, splitAway)) {
            for (Decision now : Decision.values()) {
                assertEquals(LinkRescore.RESCORE, LinkRescore.of(decided, rescored(now, false)), decided.getReviewState() + " " + now);
            }
            assertEquals(LinkRescore.RESCORE, LinkRescore.of(decided, rescored(Decision.REVIEW, true)));
        }
    }

    @Test
    void theEstimateIsTheLinksLeftAtTheRateSoFar() {
        assertNull(Rescoring.Progress.secondsLeft(0, 1_000, Duration.ofSeconds(3)));
        assertEquals(30, Rescoring.Progress.secondsLeft(250, 1_000, Duration.ofSeconds(10)));
        // links stored during the pass are not in its total: done may pass it
        assertEquals(0, Rescoring.Progress.secondsLeft(1_200, 1_000, Duration.ofSeconds(10)));
    }
}
