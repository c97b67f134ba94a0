package io.atrium.hub.resolve;

import io.atrium.hub.match.MatchLink;
import io.atrium.hub.match.ReviewState;
import io.atrium.resolution.match.Decision;
import io.atrium.resolution.match.MatchResult;

/** What re-scoring ({@link Rescoring}) does to one stored link, given the pair scored again with today's weights. */
enum LinkRescore {

    /** The link takes the new score and keeps its decision: a steward's (accepted, rejected, split), or the matcher's again. */
    RESCORE,
    /** The matcher now decides the pair the other way between MERGE and REVIEW. */
    REDECIDE,
    /** The pair now falls below the review band or conflicts, and nobody decided it: stored as the resolver would, not at all. */
    REMOVE;

    static LinkRescore of(MatchLink link, MatchResult rescored) {
        boolean stewardDecided = link.getReviewState() == ReviewState.ACCEPTED || link.getReviewState() == ReviewState.REJECTED
                || link.getSuppressedBy() != null;
        if (stewardDecided) {
            return RESCORE;
        }
        // a pair in conflict is not kept for review, as the resolver stores links: no steward could merge it
        if (rescored.decision() == Decision.NO_MATCH || rescored.conflict()) {
            return REMOVE;
        }
        return rescored.decision() == link.getDecision() ? RESCORE : REDECIDE;
    }
}
