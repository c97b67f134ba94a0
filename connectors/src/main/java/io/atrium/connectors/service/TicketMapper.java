package io.atrium.connectors.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.connectors.common.JsonFields;
import io.atrium.connectors.common.SourceValues;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.atrium.connectors.common.JsonFields.text;

/**
 * A call-center ticket change as a canonical message: the caller as the ticket's party
 * record (the call center has no customer ids, so each ticket states who called) and the
 * ticket as its fact. Callers often give only a surname and an honorific (`陈先生`); such a
 * name is marked weak, which tells the matcher to rely on the phone. A caller who gave neither
 * name nor phone brings no party: the ticket is a fact without one (no party source id). Both are
 * versioned by the event's time, so an older change never replaces a newer one.
 */
public final class TicketMapper {

    public static final String SOURCE = "service";
    public static final String WEAK_NAME = "weakName";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One or two Han characters (a surname), then an honorific; spaces as callers' names get typed. */
    private static final Pattern HONORIFIC_ONLY = Pattern.compile(
            "^\\p{IsHan}{1,2}\\s*(先生|女士|小姐|太太|夫人|老师|师傅|阿姨|老板|总|经理)$");
    private static final Set<String> EVENTS = Set.of("created", "updated", "closed");
    private static final Set<String> CHANNELS = Set.of("phone", "wechat", "email", "walk-in");
    private static final Set<String> CATEGORIES = Set.of("complaint", "repair", "inquiry", "praise");

    private TicketMapper() {
    }

    public static CanonicalMessage map(String body) {
        JsonNode ticket = parse(body);
        String ticketId = SourceValues.required(text(ticket, "ticketId"), "ticketId");
        String event = oneOf(text(ticket, "event"), EVENTS, "event");
        PartyRecord party = caller(ticket.get("caller"), ticketId);
        Instant createdAt = SourceValues.offsetTime(SourceValues.required(text(ticket, "createdAt"), "createdAt"), "createdAt");
        Instant closedAt = SourceValues.offsetTime(text(ticket, "closedAt"), "closedAt");
        Integer satisfaction = JsonFields.score(ticket, "satisfaction");
        PartyFact fact = new PartyFact(SOURCE, FactType.TICKET, ticketId, party == null ? null : ticketId)
                .with("event", event)
                .with("channel", oneOf(text(ticket, "channel"), CHANNELS, "channel"))
                .with("category", oneOf(text(ticket, "category"), CATEGORIES, "category"))
                .with("subject", SourceValues.text(text(ticket, "subject")))
                .with("project", SourceValues.text(text(ticket, "project")))
                .with("createdAt", createdAt.toString())
                .with("closedAt", closedAt == null ? null : closedAt.toString())
                .with("satisfaction", satisfaction);
        fact.setOccurredAt(createdAt);
        Instant version = version(createdAt, closedAt, SourceValues.offsetTime(text(ticket, "updatedAt"), "updatedAt"));
        fact.setUpdatedAt(version);
        if (party != null) {
            party.setUpdatedAt(version);
        }
        return CanonicalMessage.withRelations(party, List.of(fact));
    }

    /**
     * The ticket's version: the latest time the event states (its creation, its closing, or the
     * change time when the call center sends one), so that a retried older change, an `updated`
     * after the `closed`, never replaces a newer state.
     */
    private static Instant version(Instant createdAt, Instant closedAt, Instant updatedAt) {
        return Stream.of(createdAt, closedAt, updatedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * The caller as the ticket's party record, or null when the caller gave neither name nor phone
     * (a walk-in who stayed anonymous): the ticket is then kept as a fact of no party.
     */
    private static PartyRecord caller(JsonNode caller, String ticketId) {
        boolean absent = caller == null || caller.isNull();
        if (!absent && !caller.isObject()) {
            throw new InvalidRecordException("caller is not an object");
        }
        String phone = absent ? null : SourceValues.text(text(caller, "phone"));
        String name = absent ? null : SourceValues.text(text(caller, "name"));
        if (phone == null && name == null) {
            return null;
        }
        PartyRecord party = new PartyRecord();
        party.setSource(SOURCE);
        party.setSourceId(ticketId);
        party.setName(name);
        SourceValues.addIfPresent(party.getPhones(), phone);
        if (name != null && isHonorificOnly(name)) {
            party.putAttribute(WEAK_NAME, true);
        }
        return PartyTypes.complete(party);
    }

    static boolean isHonorificOnly(String name) {
        return HONORIFIC_ONLY.matcher(name.strip()).matches();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRecordException("body is empty");
        }
        try {
            JsonNode ticket = JSON.readTree(body);
            if (ticket == null || !ticket.isObject()) {
                throw new InvalidRecordException("body is not a JSON object");
            }
            return ticket;
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("body is not valid JSON" + where(e));
        }
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        String text = SourceValues.required(value, field);
        if (!allowed.contains(text)) {
            throw new InvalidRecordException(field + " has an unknown value; expected one of " + new TreeSet<>(allowed));
        }
        return text;
    }


    /** Where the JSON broke, without quoting the content. */
    private static String where(JsonProcessingException error) {
        return error.getLocation() == null ? ""
                : " (line " + error.getLocation().getLineNr() + ", column " + error.getLocation().getColumnNr() + ")";
    }
}
