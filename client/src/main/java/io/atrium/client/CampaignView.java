package io.atrium.client;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded campaign: as requested, with the seed its holdout was drawn with and how many were targeted and held out. */
public record CampaignView(long id, String name, String segment, LocalDate date, BigDecimal cost, double holdoutShare,
                           int responseDays, long seed, long targeted, long heldOut, Instant createdAt, String createdBy)
        implements Serializable {
}
