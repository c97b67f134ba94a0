package io.atrium.resolution.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/**
 * Phone numbers to E.164, default region CN, with mobiles kept apart from landlines (a landline is
 * shared by a household or an office, so it is weaker evidence). Mainland numbers, nearly all of the
 * input, take a fast path; everything else goes through libphonenumber.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    public record Phone(String e164, boolean mobile) {
    }

    public static Optional<Phone> standardize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = ChineseText.toHalfWidth(raw).trim();
        String digits = digitsOf(text);
        boolean international = text.startsWith("+") || digits.startsWith("00");
        String national = mainlandNational(digits, international);
        if (national != null) {
            if (isMainlandMobile(national)) {
                return Optional.of(new Phone("+86" + national, true));
            }
            if (national.startsWith("0") && national.length() >= 10 && national.length() <= 12 && national.charAt(1) != '0') {
                return Optional.of(new Phone("+86" + national.substring(1), false));
            }
        }
        return viaLibrary(text);
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
            return Optional.of(new Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), mobile));
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
