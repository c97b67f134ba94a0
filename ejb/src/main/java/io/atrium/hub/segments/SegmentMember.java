package io.atrium.hub.segments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * A customer in a segment. Written set-wise by {@link SegmentTables} (plain JDBC); this mapping gives the table its
 * schema (the key serves a segment's members, the index a customer's segments) and the API its reads.
 */
@Entity
@IdClass(SegmentMember.Key.class)
@Table(name = "segment_member", indexes = @Index(name = "ix_segment_member_customer", columnList = "customer_id"))
public class SegmentMember {

    public record Key(String segment, String customerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "segment_name", length = 64)
    private String segment;

    @Id
    @Column(name = "customer_id", length = 40)
    private String customerId;

    protected SegmentMember() {
    }

    public String getSegment() { return segment; }
    public String getCustomerId() { return customerId; }
}
