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
}
