package io.atrium.hub.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One value of a customer's golden record, with its lineage: the source record that gave it. Phones
 * and emails keep every distinct value, best first (rank 0); other fields have rank 0 only.
 */
@Entity
@Table(name = "golden_value",
        uniqueConstraints = @UniqueConstraint(name = "uk_golden_value", columnNames = {"customer_id", "field_name", "value_rank"}))
public class GoldenField {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "customer_id", nullable = false, length = 40)
    private String customerId;

    @Column(name = "field_name", nullable = false, length = 32)
    private String fieldName;

    @Column(name = "value_rank", nullable = false)
    private int rank;

    @Column(name = "field_value", nullable = false, length = 2000)
    private String value;

    @Column(nullable = false, length = 64)
    private String source;

    @Column(name = "source_id", nullable = false, length = 128)
    private String sourceId;

    protected GoldenField() {
    }

    public GoldenField(String customerId, String fieldName, int rank, String value, String source, String sourceId) {
        this.customerId = customerId;
        this.fieldName = fieldName;
        this.rank = rank;
        this.value = value;
        this.source = source;
        this.sourceId = sourceId;
    }

    public String getCustomerId() { return customerId; }
    public String getFieldName() { return fieldName; }
    public int getRank() { return rank; }
    public String getValue() { return value; }
    public String getSource() { return source; }
    public String getSourceId() { return sourceId; }
}
