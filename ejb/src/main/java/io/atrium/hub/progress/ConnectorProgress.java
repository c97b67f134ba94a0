package io.atrium.hub.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What a connector has already taken from its source, kept in the hub's database so that
 * a restart (or another node) neither skips nor re-reads: a polling watermark, or the key
 * of an input that was processed (a file name, a webhook request's digest; the latter expire).
 */
@Entity
@Table(name = "connector_progress", indexes = @Index(name = "connector_progress_updated", columnList = "updated_at"))
public class ConnectorProgress {

    @Id
    @Column(name = "progress_key", length = 300)
    private String key;

    @Column(name = "progress_value", length = 500)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ConnectorProgress() {
    }

    public ConnectorProgress(String key, String value, Instant updatedAt) {
        this.key = key;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    public void update(String value, Instant now) {
        this.value = value;
        this.updatedAt = now;
    }

    public String getKey() { return key; }
    public String getValue() { return value; }
    public Instant getUpdatedAt() { return updatedAt; }
}
