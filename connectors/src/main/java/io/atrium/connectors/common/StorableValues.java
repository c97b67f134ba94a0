package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a mapped message must hold for the hub to store it: the raw checks ({@link RawItems}) see an
 * item's text, not what its escapes decode to (an escaped NUL in a JSON string is six harmless characters
 * until parsed) nor how long one value is. A value the database refuses (PostgreSQL text cannot hold NUL) or
 * that is longer than its column would fail the resolver's transaction again on every delivery and
 * end in the dead-letter queue; refused here, the item is quarantined with the reason instead. Limits
 * are the hub's columns: keys as stored, a party's values as golden values, a fact's data as JSON.
 */
public final class StorableValues {

    static final int SOURCE_LENGTH = 64;
    static final int SOURCE_ID_LENGTH = 128;
    static final int FACT_ID_LENGTH = 160;
    /** A golden value's column: every party field may become one. */
    static final int VALUE_LENGTH = 2000;
    static final int FACT_DATA_LENGTH = 100_000;
    /** Attribute and data keys that may be named in a reason; others could be anything the source wrote. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

    private StorableValues() {
    }

    /** @throws InvalidRecordException naming the field and what is wrong with it, never its value */
    public static void check(CanonicalMessage message) {
        PartyRecord party = message.getParty();
        if (party != null) {
            text("source", party.getSource(), SOURCE_LENGTH);
            text("sourceId", party.getSourceId(), SOURCE_ID_LENGTH);
            text("name", party.getName(), VALUE_LENGTH);
            text("givenName", party.getGivenName(), VALUE_LENGTH);
            text("familyName", party.getFamilyName(), VALUE_LENGTH);
            text("idNumber", party.getIdNumber(), VALUE_LENGTH);
            text("gender", party.getGender(), VALUE_LENGTH);
            text("address", party.getAddress(), VALUE_LENGTH);
            party.getPhones().forEach(phone -> text("phones", phone, VALUE_LENGTH));
            party.getEmails().forEach(email -> text("emails", email, VALUE_LENGTH));
            entries("attribute", party.getAttributes());
        }
        for (PartyFact fact : message.getFacts()) {
            text("fact source", fact.getSource(), SOURCE_LENGTH);
            text("factId", fact.getFactId(), FACT_ID_LENGTH);
            text("partySourceId", fact.getPartySourceId(), SOURCE_ID_LENGTH);
            entries("fact data", fact.getData());
            int length = PartyRecordJson.write(fact.getData()).length();
            if (length > FACT_DATA_LENGTH) {
                throw new InvalidRecordException("fact data has " + length + " characters as JSON, more than the "
                        + FACT_DATA_LENGTH + " the hub stores");
            }
        }
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw new InvalidRecordException(field + " has " + value.length() + " characters, more than the "
                    + maxLength + " the hub stores");
        }
        RawItems.refusedCharacter(value).ifPresent(refused -> {
            throw new InvalidRecordException(field + " holds " + refused);
        });
    }

    /** An attribute or data map: each entry named by its key when that is a plain name. */
    private static void entries(String what, Map<String, Object> map) {
        map.forEach((key, value) -> {
            RawItems.refusedCharacter(key).ifPresent(refused -> {
                throw new InvalidRecordException("a key of " + what + " holds " + refused);
            });
            nested(PLAIN_KEY.matcher(key).matches() ? what + " '" + key + "'" : what, value);
        });
    }

    /** Keys and texts at any depth of one entry (whose length the payload and data columns bound). */
    private static void nested(String field, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                RawItems.refusedCharacter(String.valueOf(key)).ifPresent(refused -> {
                    throw new InvalidRecordException("a key of " + field + " holds " + refused);
                });
                nested(field, item);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> nested(field, item));
        } else if (value instanceof String text) {
            RawItems.refusedCharacter(text).ifPresent(refused -> {
                throw new InvalidRecordException(field + " holds " + refused);
            });
        }
    }
}
