package io.atrium.simulators.membership;

/** One membership event as the membership system sends it; points fields only on points events. */
record MemberEvent(String eventId, Type type, String occurredAt, String memberNo, String name, String mobile,
                   String birthday, String gender, String email, String tier, long pointsDelta, long balance, String reason) {

    enum Type {
        REGISTERED, UPDATED, POINTS_EARNED, POINTS_REDEEMED, TIER_CHANGED, CANCELLED;

        boolean isPoints() {
            return this == POINTS_EARNED || this == POINTS_REDEEMED;
        }
    }
}
