package io.atrium.connectors.common;

import io.atrium.resolution.model.InvalidRecordException;

/**
 * What any raw item from a file must be before it is mapped, and again before a quarantined
 * item is replayed: no longer than a source item can reasonably be, and without control
 * characters (a NUL byte is corruption, and PostgreSQL text refuses it wherever it would be
 * stored). Tabs and line ends are allowed: XML and JSON items hold them.
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
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidRecordException(String.format("holds the control character U+%04X at character %d",
                        (int) c, i + 1));
            }
        }
    }
}
