package io.atrium.client;

import java.io.Serializable;
import java.util.List;

/** A page of a campaign's members by customer id: the segment's members when it was recorded, each targeted or held out. */
public record CampaignMembersPage(long campaignId, List<Member> members, int page, int size, long total) implements Serializable {

    public CampaignMembersPage {
        members = List.copyOf(members);
    }

    public record Member(String customerId, boolean heldOut) implements Serializable {
    }
}
