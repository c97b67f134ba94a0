package io.atrium.resolution.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * What a connector puts on the resolver queue for one source item: the party record it
 * states (absent when the item is only a fact, e.g. a sales contract row) and the facts.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CanonicalMessage {

    private PartyRecord party;
    private List<PartyFact> facts = new ArrayList<>();

    public CanonicalMessage() {
    }

    public CanonicalMessage(PartyRecord party, List<PartyFact> facts) {
        this.party = party;
        this.facts = new ArrayList<>(facts);
    }

    public static CanonicalMessage of(PartyRecord party) {
        return new CanonicalMessage(party, List.of());
    }

    public PartyRecord getParty() { return party; }
    public void setParty(PartyRecord party) { this.party = party; }
    public List<PartyFact> getFacts() { return facts; }
    public void setFacts(List<PartyFact> facts) { this.facts = facts == null ? new ArrayList<>() : new ArrayList<>(facts); }
}
