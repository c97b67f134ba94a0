package io.atrium.hub.quarantine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like personal data in a raw source item shown to operators: runs with
 * seven digits or more (phones, ID and credit-code numbers; not dates) keep their last four characters, e-mail
 * addresses keep their first letter and domain, and Chinese personal names in the item's
 * name fields keep their surname.
 */
public final class PersonalDataMask {

    /** A run of letters, digits, spaces and hyphens; masked when it holds seven digits or more. */
    private static final Pattern CODE_RUN = Pattern.compile("\\+?[0-9A-Za-z][0-9A-Za-z \\-]{5,}[0-9A-Za-z]");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}(T.*)?");
    private static final int DIGITS_OF_AN_IDENTIFIER = 7;
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");
    private static final Pattern NAME_FIELD = Pattern.compile(
            "((?:name|fullName|cust_name|contact|联系人|租户名称)\"?\\s*[:=,>]\\s*\"?)(\\p{IsHan})(\\p{IsHan}{1,3})");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = replace(CODE_RUN, text, m -> {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            if (digits < DIGITS_OF_AN_IDENTIFIER || DATE.matcher(run).matches()) {
                return run;
            }
            return "*".repeat(run.length() - 4) + run.substring(run.length() - 4);
        });
        masked = replace(EMAIL, masked, m -> m.group(1) + "***@" + m.group(2));
        return replace(NAME_FIELD, masked, m -> m.group(1) + m.group(2) + "*".repeat(m.group(3).length()));
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
