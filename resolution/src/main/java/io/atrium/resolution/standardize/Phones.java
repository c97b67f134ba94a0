package io.atrium.resolution.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/**
 * Phone numbers to E.164, default region CN, with mobiles kept apart from landlines (a landline is
 * shared by a household or an office, so it is weaker evidence). Mainland mobiles, most of the input,
 * take a fast path; everything else goes through libphonenumber. A number no region rule accepts (a
 * foreign number written domestically) is kept as its digits, unverified, so that it can still match.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** What libphonenumber answers for a country code it does not know. */
    private static final String UNKNOWN_REGION = "ZZ";
    /** Digits of {@link #matchKey}. */
    public static final int MATCH_KEY_DIGITS = 9;

    private Phones() {
    }

    public enum Type { MOBILE, LANDLINE, UNVERIFIED }

    /** @param number E.164, or for an unverified number its digits as written */
    public record Phone(String number, Type type) {
    }

    public static Optional<Phone> standardize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = ChineseText.toHalfWidth(raw).trim();
        String digits = digitsOf(text);
        boolean international = text.startsWith("+") || digits.startsWith("00");
        String national = mainlandNational(digits, international);
        if (national != null && isMainlandMobile(national)) {
            return Optional.of(new Phone("+86" + national, Type.MOBILE));
        }
        if (national != null && isMainlandLandline(national)) {
            return Optional.of(new Phone("+86" + national.substring(1), Type.LANDLINE));
        }
        Optional<Phone> parsed = viaLibrary(text);
        if (parsed.isEmpty() && digits.length() >= MATCH_KEY_DIGITS) {
            return Optional.of(new Phone(digits, Type.UNVERIFIED));
        }
        return parsed;
    }

    /** The national significant number with trunk 0 for landlines, or null when the number is not mainland. */
    private static String mainlandNational(String digits, boolean international) {
        String rest = digits.startsWith("0086") ? digits.substring(4)
                : (international || digits.length() > 11) && digits.startsWith("86") ? digits.substring(2)
                : international ? null : digits;
        if (rest == null) {
            return null;
        }
        boolean hadCountryCode = rest.length() != digits.length();
        return hadCountryCode && !rest.startsWith("1") && !rest.startsWith("0") ? "0" + rest : rest;
    }

    /**
     * Whether both numbers are E.164 of one country code, so that their national numbers compare whole; a number
     * written domestically may have been read in the default region (a German 0151 … as +86 151 …), and an
     * unverified one has no known country.
     */
    public static boolean sameCountry(String a, String b) {
        if (!a.startsWith("+") || !b.startsWith("+")) {
            return false;
        }
        int code = countryCode(a);
        return code != 0 && code == countryCode(b);
    }

    /** The country code an E.164 number begins with (codes are prefix-free, one to three digits), or 0. */
    private static int countryCode(String e164) {
        for (int length = 1; length <= 3 && length < e164.length(); length++) {
            int code = Integer.parseInt(e164.substring(1, length + 1));
            if (!UNKNOWN_REGION.equals(UTIL.getRegionCodeForCountryCode(code))) {
                return code;
            }
        }
        return 0;
    }

    /**
     * The last nine digits: what two spellings of one number share even when one was written with its
     * country code and the other domestically (+44 7018 777140 and 07018 777140), where the default
     * region cannot tell them apart. Different numbers rarely share all nine.
     */
    public static String matchKey(String number) {
        return number.length() <= MATCH_KEY_DIGITS ? number : number.substring(number.length() - MATCH_KEY_DIGITS);
    }

    /**
     * Trunk 0, then a 2-digit area code (10, 2x) and 8 digits, or a 3-digit one and 8 digits: the common
     * shapes, decided without libphonenumber. A 3-digit area code with 7 digits has the shape of many
     * foreign domestic numbers, so that case is left to libphonenumber's per-area rules.
     */
    private static boolean isMainlandLandline(String national) {
        if (national.length() < 11 || national.charAt(0) != '0' || national.charAt(1) == '0') {
            return false;
        }
        boolean twoDigitArea = national.charAt(1) == '1' || national.charAt(1) == '2';
        return national.length() == (twoDigitArea ? 11 : 12);
    }

    private static boolean isMainlandMobile(String national) {
        return national.length() == 11 && national.charAt(0) == '1' && national.charAt(1) >= '3';
    }

    private static Optional<Phone> viaLibrary(String text) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, "CN");
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
            boolean mobile = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return Optional.of(new Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    mobile ? Type.MOBILE : Type.LANDLINE));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String digitsOf(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
