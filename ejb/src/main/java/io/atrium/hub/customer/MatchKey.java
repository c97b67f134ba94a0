package io.atrium.hub.customer;

import io.atrium.hub.persistence.EnumColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A standardized key of a source record, indexed so that candidates are found by lookup. */
@Entity
@Table(name = "match_key", indexes = {
        @Index(name = "ix_match_key_value", columnList = "key_type, key_value"),
        @Index(name = "ix_match_key_record", columnList = "source_record_id")})
public class MatchKey {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Convert(converter = EnumColumns.MatchKeyTypes.class)
    @Column(name = "key_type", nullable = false, length = 16)
    private MatchKeyType keyType;

    @Column(name = "key_value", nullable = false, length = 128)
    private String keyValue;

    @Column(name = "source_record_id", nullable = false)
    private Long sourceRecordId;

    protected MatchKey() {
    }

    public MatchKey(MatchKeyType keyType, String keyValue, Long sourceRecordId) {
        this.keyType = keyType;
        this.keyValue = keyValue;
        this.sourceRecordId = sourceRecordId;
    }

    public MatchKeyType getKeyType() { return keyType; }
    public String getKeyValue() { return keyValue; }
    public Long getSourceRecordId() { return sourceRecordId; }
}
