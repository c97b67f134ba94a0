package io.atrium.hub.quarantine;

/**
 * Text made fit for a length-limited text column on every database the hub runs on: a
 * quarantine write must never fail, whatever the rejected input holds. PostgreSQL text refuses
 * U+0000, and an unpaired surrogate cannot be encoded at all; both are written as {@code \\uXXXX}
 * escapes (with {@code \} doubled, so that {@link #unescape} gives the original back).
 */
final class StorableText {

    private StorableText() {
    }

    /** Whether the text holds a character no text column takes. */
    static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (refused(text, i)) {
                return true;
            }
        }
        return false;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (refused(text, i)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && escaped.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\') {
                out.append('\\');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first {@code length} characters at most, never half of a surrogate pair. */
    static String head(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /**
     * A short text (source, position, reason) as it can be stored: refused characters escaped, and
     * cut to the column with a note of its full length when longer; null as empty.
     */
    static String fitted(String text, int columnLength) {
        if (text == null) {
            return "";
        }
        String storable = needsEscape(text) ? escape(text) : text;
        if (storable.length() <= columnLength) {
            return storable;
        }
        String note = "... [" + text.length() + " characters]";
        return head(storable, columnLength - note.length()) + note;
    }

    private static boolean refused(String text, int i) {
        char c = text.charAt(i);
        if (c == '\0') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
