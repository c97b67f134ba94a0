package io.atrium.hub.campaigns;

import java.math.BigDecimal;

/**
 * What one part of a campaign (targeted or held out) did in the response window, as the facts tally it: members,
 * members with any response, contracts signed and their prices, leases begun and their monthly rents, tier changes.
 */
record ResponseTally(long members, long responders, long contracts, BigDecimal contractPrices, long leases,
                     BigDecimal monthlyRents, long tierChanges) {
}
