package io.atrium.resolution.standardize;

import java.util.regex.Pattern;

/** E-mail addresses trimmed and lower-cased; anything without the shape local@domain.tld is dropped. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Emails() {
    }

    public static String standardize(String raw) {
        if (raw == null) {
            return null;
        }
        String email = ChineseText.toHalfWidth(raw).trim().toLowerCase();
        return SHAPE.matcher(email).matches() ? email : null;
    }
}
