package io.atrium.resolution.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * The party and its facts, the party's {@link PartyRecord#PROJECTS} filled from the facts' {@code project}s
     * (the units it holds, its lease, the ticket it called about): relations the matcher weighs.
     */
    public static CanonicalMessage withRelations(PartyRecord party, List<PartyFact> facts) {
        if (party != null) {
            List<Object> projects = facts.stream().map(fact -> fact.getData().get("project"))
                    .filter(Objects::nonNull).distinct().toList();
            if (!projects.isEmpty()) {
                party.putAttribute(PartyRecord.PROJECTS, projects);
            }
        }
        return new CanonicalMessage(party, facts);
    }

    public static CanonicalMessage of(PartyRecord party) {
        return new CanonicalMessage(party, List.of());
    }

    public PartyRecord getParty() { return party; }
    public void setParty(PartyRecord party) { this.party = party; }
    public List<PartyFact> getFacts() { return facts; }
    public void setFacts(List<PartyFact> facts) { this.facts = facts == null ? new ArrayList<>() : new ArrayList<>(facts); }
}
