package io.atrium.resolution.standardize;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Addresses folded for comparison: half-width, lower case, without whitespace and punctuation. */
public final class Addresses {

    /**
     * A Chinese address from the largest division to the smallest: province, city, district or county, a street
     * with its number, then the place (estate, building, room, its 室 left out). Province, city and street are
     * often left out when people write their address; the district and the place are what name the home.
     */
    private static final Pattern CHINESE_ADDRESS = Pattern.compile(
            "(?<province>\\p{IsHan}{2,4}?省)?(?<city>\\p{IsHan}{1,4}?市)?(?<district>\\p{IsHan}{1,4}?[区县])"
                    + "(?<street>\\p{IsHan}{1,8}?(?:大道|路|街|道|巷)\\d+号)?(?<place>\\p{IsHan}.*\\d.*?)室?");

    /** A Chinese address's parts; province, city and street may be missing, district and place never are. */
    public record Home(String province, String city, String district, String street, String place) {

        /** The same district and place, and the same province, city and street wherever both name one. */
        public boolean sameHome(Home other) {
            return district.equals(other.district) && place.equals(other.place) && agreeWhereBoth(province, other.province)
                    && agreeWhereBoth(city, other.city) && agreeWhereBoth(street, other.street);
        }

        /** What names the home, whatever the address leaves out: counted for the address's term frequency. */
        public String key() {
            return district + '|' + place;
        }

        private static boolean agreeWhereBoth(String a, String b) {
            return a == null || b == null || Objects.equals(a, b);
        }
    }

    private Addresses() {
    }

    /** The parts of a standardized address written in Chinese, or null when it is not one or names no building or room. */
    public static Home home(String standardized) {
        if (standardized == null || standardized.indexOf(' ') >= 0) {
            return null;
        }
        Matcher m = CHINESE_ADDRESS.matcher(standardized);
        return m.matches() ? new Home(m.group("province"), m.group("city"), m.group("district"), m.group("street"),
                m.group("place")) : null;
    }

    /** The value an address's term frequency is counted by: the home it names, or the address itself. */
    public static String frequencyValue(String standardized) {
        Home home = home(standardized);
        return home == null ? standardized : home.key();
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
