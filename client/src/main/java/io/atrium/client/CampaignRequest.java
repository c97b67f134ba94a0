package io.atrium.client;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A campaign to record against a segment: its name, the day it ran (the group's calendar, Asia/Shanghai), its cost in
 * CNY, the share of the segment held out (0 to 1, both excluded), the days after its date within which business counts
 * as its response, and optionally the seed of the holdout's draw (null: drawn at random; answered with the campaign, so
 * that a draw can be repeated).
 */
public record CampaignRequest(String name, String segment, LocalDate date, BigDecimal cost, Double holdoutShare,
                              Integer responseDays, Long seed) implements Serializable {
}
