package io.atrium.connectors.common;

import io.atrium.resolution.model.InvalidRecordException;

import java.util.Optional;

/**
 * What any raw item from a file must be before it is mapped, and again before a quarantined
 * item is replayed: no longer than a source item can reasonably be, and without control
 * characters (a NUL byte is corruption, and PostgreSQL text refuses it wherever it would be
 * stored). Tabs and line ends are allowed: XML and JSON items hold them. What an item says once
 * mapped (an escaped NUL inside a JSON string, a value too long for its column) is checked by {@link StorableValues}.
 */
public final class RawItems {

    /** Far above any real item of the native formats, and within what the hub's columns hold. */
    public static final int MAX_LENGTH = 100_000;

    private RawItems() {
    }

    /** @throws InvalidRecordException saying what is wrong and where, never the item's content */
    public static void check(String item) {
        if (item.length() > MAX_LENGTH) {
            throw new InvalidRecordException("item has " + item.length() + " characters, more than the "
                    + MAX_LENGTH + " a source item may have");
        }
        refusedCharacter(item).ifPresent(refused -> {
            throw new InvalidRecordException("holds " + refused);
        });
    }

    /**
     * The first character no source text may hold, described by code and place (never the text): a control
     * character other than tab and line ends, or half of a surrogate pair (which no database text can encode).
     */
    public static Optional<String> refusedCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("the control character U+%04X at character %d", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of(String.format("half of a surrogate pair (U+%04X) at character %d", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
