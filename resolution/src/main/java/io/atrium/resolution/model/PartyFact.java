package io.atrium.resolution.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business fact about a party as one source system states it: identified by
 * (source, type, factId), attached to the party record (source, partySourceId). A newer
 * updatedAt replaces an older version of the same fact; the same version changes nothing.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PartyFact {

    private String source;
    private FactType type;
    private String factId;
    private String partySourceId;
    /** When it happened in the business (signing date, event time, ticket creation). */
    private Instant occurredAt;
    /** The source's version of the fact. */
    private Instant updatedAt;
    private Map<String, Object> data = new LinkedHashMap<>();

    public PartyFact() {
    }

    public PartyFact(String source, FactType type, String factId, String partySourceId) {
        this.source = source;
        this.type = type;
        this.factId = factId;
        this.partySourceId = partySourceId;
    }

    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public FactType getType() { return type; }
    public void setType(FactType type) { this.type = type; }
    public String getFactId() { return factId; }
    public void setFactId(String factId) { this.factId = factId; }
    public String getPartySourceId() { return partySourceId; }
    public void setPartySourceId(String partySourceId) { this.partySourceId = partySourceId; }
    public Instant getOccurredAt() { return occurredAt; }
    public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Map<String, Object> getData() { return data; }
    public void setData(Map<String, Object> data) { this.data = data == null ? new LinkedHashMap<>() : new LinkedHashMap<>(data); }

    /** Adds a data item, skipping nulls so that absent values stay absent. */
    public PartyFact with(String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
        return this;
    }
}
