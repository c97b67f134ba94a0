package io.atrium.client;

import java.util.List;

/**
 * Campaigns recorded against segments and their return, measured against a holdout (the hub's docs/ANALYTICS.md,
 * Campaign return): remote over {@code remote+http} (look it up as
 * {@code ejb:atrium/atrium-ejb//CampaignReturnsBean!io.atrium.client.CampaignReturns}) and local for the hub's REST layer.
 * Every hub role reads; recording a campaign is for {@code hub-admin}.
 */
public interface CampaignReturns {

    /** Every campaign, newest first. */
    List<CampaignView> campaigns();

    /** The campaign, or null when there is none of that id. */
    CampaignView campaign(long id);

    /**
     * Records the campaign and draws its holdout from the segment's members now (hub-admin).
     *
     * @throws InvalidQueryException a field missing or out of range, an unknown segment, or too few members for the
     *                               holdout share (each part needs one at least)
     */
    CampaignView record(CampaignRequest request) throws InvalidQueryException;

    /**
     * A page of the campaign's members by customer id, or null when there is no such campaign.
     *
     * @param heldOut true or false for one part only, null for both
     * @throws InvalidQueryException a page or size out of range (size 1 to 500)
     */
    CampaignMembersPage members(long id, Boolean heldOut, int page, int size) throws InvalidQueryException;

    /** The campaign's return computed now from the facts, or null when there is no such campaign. */
    CampaignResults results(long id);

    /** Every recorded campaign's results computed now, newest campaign first, as {@link #results(long)} gives them. */
    List<CampaignResults> allResults();
}
