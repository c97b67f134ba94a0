package io.atrium.resolution.standardize;

/** Addresses folded for comparison: half-width, lower case, without whitespace and punctuation. */
public final class Addresses {

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
