package io.atrium.hub.customer;

import io.atrium.client.CustomerStatus;

import io.atrium.resolution.model.PartyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A unified customer. Its id is stable: a merged-away customer stays, with status MERGED
 * and a pointer to the survivor, so that ids held by downstream systems keep answering.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @Column(length = 40)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private CustomerStatus status;

    @Column(name = "merged_into", length = 40)
    private String mergedInto;

    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private PartyKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
    }

    public static Customer create(PartyKind kind, Instant now) {
        Customer customer = new Customer();
        customer.id = "C-" + UUID.randomUUID();
        customer.status = CustomerStatus.ACTIVE;
        customer.kind = kind;
        customer.createdAt = now;
        customer.updatedAt = now;
        return customer;
    }

    public void mergeInto(Customer survivor, Instant now) {
        status = CustomerStatus.MERGED;
        mergedInto = survivor.getId();
        updatedAt = now;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    public String getId() { return id; }
    public CustomerStatus getStatus() { return status; }
    public String getMergedInto() { return mergedInto; }
    public PartyKind getKind() { return kind; }
    public void setKind(PartyKind kind) { this.kind = kind; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
