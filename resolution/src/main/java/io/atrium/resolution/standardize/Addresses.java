package io.atrium.resolution.standardize;

/** Addresses folded for comparison: half-width, lower case, without whitespace and punctuation. */
public final class Addresses {

    /** A locality is an address's last two parts (its postcode and the town or state beside it). */
    public static final int LOCALITY_PARTS = 2;
    private static final int MIN_PARTS_WITH_LOCALITY = 3;
    /** Postcodes have four digits or more (Australia, the Netherlands: 4; the US, Germany, France: 5; China: 6). */
    public static final int MIN_POSTCODE_DIGITS = 4;

    private Addresses() {
    }

    public static String standardize(String raw) {
        if (raw == null) {
            return null;
        }
        String text = ChineseText.toHalfWidth(raw).toLowerCase();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (c == ' ' && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        String address = out.toString().trim();
        return address.isEmpty() ? null : address;
    }

    /**
     * The postcode of a standardized address written with spaces, or null: a number of four digits or more among its
     * last two parts, where a Western address writes its locality (dapto 4703 sa, 12761 berlin), of an address of
     * three parts or more. The last such number if both are; a Chinese address (one part) has none.
     */
    public static String postcode(String address) {
        if (address == null) {
            return null;
        }
        String[] parts = address.split(" ");
        if (parts.length < MIN_PARTS_WITH_LOCALITY) {
            return null;
        }
        for (int i = parts.length - 1; i >= parts.length - LOCALITY_PARTS; i--) {
            String part = parts[i];
            if (part.length() >= MIN_POSTCODE_DIGITS && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return part;
            }
        }
        return null;
    }

    /**
     * Two house, building or room numbers of one home: equal, or two neighbouring digits swapped (3129 / 3192), a
     * slip of the keyboard; 176 and 178 are two homes.
     */
    public static boolean sameNumber(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() != b.length()) {
            return false;
        }
        int first = 0;
        while (a.charAt(first) == b.charAt(first)) {
            first++;
        }
        return first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }
}
