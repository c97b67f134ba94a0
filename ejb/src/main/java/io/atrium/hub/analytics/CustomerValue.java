package io.atrium.hub.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One active customer's stored scores ({@link CustomerScores}), with the figures they came from in columns
 * of their own so that segment rules can select on them. Written by {@link ValueTables} (plain JDBC, in chunks);
 * this mapping gives the table its schema and the API its reads.
 */
@Entity
@Table(name = "customer_value", indexes = {
        @Index(name = "ix_customer_value_cell", columnList = "value_cell, at_risk"),
        @Index(name = "ix_customer_value_risk", columnList = "at_risk")})
public class CustomerValue {

    @Id
    @Column(name = "customer_id", length = 40)
    private String customerId;

    /** The date the scores are reckoned as of (recency, windows, lease ends). */
    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    /** The newest version of the facts scored (their source's time): how current the inputs were. */
    @Column(name = "inputs_at")
    private Instant inputsAt;

    @Column(name = "current_value", nullable = false)
    private int currentValue;

    @Column(name = "potential_value", nullable = false)
    private int potentialValue;

    @Column(name = "value_cell", nullable = false, length = 16)
    private String cell;

    @Column(nullable = false)
    private int satisfaction;

    @Column(nullable = false)
    private int loyalty;

    @Column(name = "at_risk", nullable = false)
    private boolean atRisk;

    /** Reasons as {@link Reason#format}: the rules that fired, with their points. */
    @Column(name = "current_reasons", nullable = false, length = 400)
    private String currentReasons;

    @Column(name = "potential_reasons", nullable = false, length = 400)
    private String potentialReasons;

    @Column(name = "satisfaction_reasons", nullable = false, length = 400)
    private String satisfactionReasons;

    @Column(name = "loyalty_reasons", nullable = false, length = 400)
    private String loyaltyReasons;

    @Column(name = "risk_reasons", nullable = false, length = 400)
    private String riskReasons;

    @Column(precision = 18, scale = 2, nullable = false)
    private BigDecimal monetary;

    @Column(nullable = false)
    private long deals;

    @Column(name = "last_business_at")
    private Instant lastBusinessAt;

    @Column(name = "first_fact_at")
    private Instant firstFactAt;

    @Column(length = 16)
    private String tier;

    @Column(name = "points_balance")
    private Long pointsBalance;

    @Column(precision = 18, scale = 2, nullable = false)
    private BigDecimal arrears;

    @Column(name = "next_lease_end")
    private LocalDate nextLeaseEnd;

    @Column(name = "owned_units", nullable = false)
    private long ownedUnits;

    @Column(name = "open_complaints", nullable = false)
    private long openComplaints;

    @Column(name = "is_buyer", nullable = false)
    private boolean buyer;

    @Column(name = "is_tenant", nullable = false)
    private boolean tenant;

    @Column(name = "is_owner", nullable = false)
    private boolean owner;

    @Column(name = "is_family_member", nullable = false)
    private boolean familyMember;

    @Column(name = "is_member", nullable = false)
    private boolean member;

    @Column(name = "is_caller", nullable = false)
    private boolean caller;

    protected CustomerValue() {
    }

    public String getCustomerId() { return customerId; }
    public LocalDate getAsOf() { return asOf; }
    public Instant getComputedAt() { return computedAt; }
    public Instant getInputsAt() { return inputsAt; }
    public int getCurrentValue() { return currentValue; }
    public int getPotentialValue() { return potentialValue; }
    public String getCell() { return cell; }
    public int getSatisfaction() { return satisfaction; }
    public int getLoyalty() { return loyalty; }
    public boolean isAtRisk() { return atRisk; }
    public String getCurrentReasons() { return currentReasons; }
    public String getPotentialReasons() { return potentialReasons; }
    public String getSatisfactionReasons() { return satisfactionReasons; }
    public String getLoyaltyReasons() { return loyaltyReasons; }
    public String getRiskReasons() { return riskReasons; }
    public BigDecimal getMonetary() { return monetary; }
    public long getDeals() { return deals; }
    public Instant getLastBusinessAt() { return lastBusinessAt; }
    public Instant getFirstFactAt() { return firstFactAt; }
    public String getTier() { return tier; }
    public Long getPointsBalance() { return pointsBalance; }
    public BigDecimal getArrears() { return arrears; }
    public LocalDate getNextLeaseEnd() { return nextLeaseEnd; }
    public long getOwnedUnits() { return ownedUnits; }
    public long getOpenComplaints() { return openComplaints; }
    public boolean isBuyer() { return buyer; }
    public boolean isTenant() { return tenant; }
    public boolean isOwner() { return owner; }
    public boolean isFamilyMember() { return familyMember; }
    public boolean isMember() { return member; }
    public boolean isCaller() { return caller; }
}
