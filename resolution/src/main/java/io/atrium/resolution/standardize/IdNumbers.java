package io.atrium.resolution.standardize;

import io.atrium.resolution.model.IdType;

import java.util.Optional;
import java.util.regex.Pattern;

/** Identity document numbers: one compact form per type, and whether the number passes its type's checks. */
public final class IdNumbers {

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Pattern HK_MACAU_PERMIT = Pattern.compile("[HMC][0-9A-Z]{7,10}");

    private IdNumbers() {
    }

    /** A standardized identifier; valid means it passed the checks of its type. */
    public record StandardId(IdType type, String number, boolean valid) {
    }

    /** Empty when there is no number. A missing type is inferred from a number that passes a check. */
    public static Optional<StandardId> standardize(IdType declared, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        IdType type = declared != null ? declared : inferType(raw);
        return Optional.of(switch (type) {
            case CN_RESIDENT -> {
                String id = ResidentIds.normalize(raw);
                yield new StandardId(type, id, ResidentIds.isValid(id));
            }
            case USCC -> {
                String code = compact(raw);
                yield new StandardId(type, code, CreditCodes.isValid(code));
            }
            case PASSPORT -> formatChecked(type, raw, PASSPORT);
            case HK_MACAU_PERMIT -> formatChecked(type, raw, HK_MACAU_PERMIT);
            case OTHER -> new StandardId(type, compact(raw), false);
        });
    }

    /** Half-width, upper case, without spaces and dashes. */
    static String compact(String raw) {
        String halfWidth = ChineseText.toHalfWidth(raw);
        StringBuilder out = new StringBuilder(halfWidth.length());
        for (int i = 0; i < halfWidth.length(); i++) {
            char c = halfWidth.charAt(i);
            if (!Character.isWhitespace(c) && c != '-') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static IdType inferType(String raw) {
        return checkedType(raw, IdType.CN_RESIDENT).orElse(IdType.OTHER);
    }

    /**
     * The type whose check character the number passes: a resident ID's (GB 11643) or a unified social
     * credit code's (GB 32100); empty when it passes neither. A number passing both (possible for 18
     * digits) takes the preferred type if that is one of the two, else the resident ID.
     */
    public static Optional<IdType> checkedType(String raw, IdType preferred) {
        boolean resident = ResidentIds.isValid(ResidentIds.normalize(raw));
        boolean creditCode = CreditCodes.isValid(compact(raw));
        if (resident && creditCode) {
            return Optional.of(preferred == IdType.USCC ? IdType.USCC : IdType.CN_RESIDENT);
        }
        return resident ? Optional.of(IdType.CN_RESIDENT) : creditCode ? Optional.of(IdType.USCC) : Optional.empty();
    }

    private static StandardId formatChecked(IdType type, String raw, Pattern format) {
        String number = compact(raw);
        return new StandardId(type, number, format.matcher(number).matches());
    }
}
