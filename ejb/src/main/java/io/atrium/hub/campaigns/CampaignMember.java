package io.atrium.hub.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A customer of a campaign's segment when it was recorded: targeted, or held out. Written by {@link CampaignTables}. */
@Entity
@IdClass(CampaignMember.Key.class)
@Table(name = "campaign_member")
public class CampaignMember {

    public record Key(Long campaignId, String customerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "customer_id", length = 40)
    private String customerId;

    @Column(name = "held_out", nullable = false)
    private boolean heldOut;

    protected CampaignMember() {
    }

    public Long getCampaignId() { return campaignId; }
    public String getCustomerId() { return customerId; }
    public boolean isHeldOut() { return heldOut; }
}
