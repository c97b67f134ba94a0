package io.atrium.hub.quarantine;

import io.atrium.connectors.common.InputFormat;
import io.atrium.resolution.standardize.ChineseText;
import io.atrium.resolution.standardize.OrganizationNames;
import io.atrium.resolution.standardize.PersonNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks personal data in a raw source item shown to operators (quarantine, dead letters), in
 * any of the native formats, and still broken ones, so it works on text rather than on parsed
 * values:
 * <ul>
 * <li>runs with seven digits or more (phones, ID and credit-code numbers; not dates) keep their
 *     last four characters;</li>
 * <li>e-mail addresses keep their domain;</li>
 * <li>person names keep their surname: a Chinese name its first character, or two for a
 *     compound surname (欧阳); a Latin name its family name when the item states it
 *     ({@code familyName}), else its last token whole and the initial of every other one (the
 *     order of a Latin-script name is ambiguous: {@code Zhang Wei} is family-first, {@code Wei
 *     Zhang} is not; the initials give away no given name for the usual Western order).
 *     Company names are kept: they are not personal data;</li>
 * <li>addresses and birth dates are masked entirely.</li>
 * </ul>
 * Names, addresses and birth dates are found by their JSON key or XML element (sales rows,
 * property items, tickets, membership events, canonical records), in a leasing CSV row by its
 * column.
 */
public final class PersonalDataMask {

    private static final int KEPT_CHARACTERS = 4;
    /** A run of letters, digits, spaces and hyphens; masked when it holds seven digits or more. */
    private static final Pattern CODE_RUN = Pattern.compile("\\+?[0-9A-Za-z][0-9A-Za-z \\-]{5,}[0-9A-Za-z]");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}(T.*)?");
    private static final int DIGITS_OF_AN_IDENTIFIER = 7;
    /** Starts only where a local part starts, so that a long run without an '@' is read once, not once per character. */
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]++@([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+)");
    private static final Pattern LATIN_LETTERS = Pattern.compile("\\p{L}+");

    private static final Pattern NAME = keyed("name|fullName|cust_name|contact|contactPerson|contact_person|联系人|租户名称");
    private static final Pattern GIVEN_NAME = keyed("givenName|given_name");
    private static final Pattern FAMILY_NAME = keyed("familyName|family_name");
    private static final Pattern ADDRESS = keyed("address|addr|地址");
    private static final Pattern BIRTH_DATE = keyed("birthday|birthDate|birth_date|dob|出生日期");

    /** Leasing export columns (租户编号,租户类型,租户名称,联系人,...) holding a name. */
    private static final int LEASING_TENANT_NAME = 2;
    private static final int LEASING_CONTACT = 3;
    private static final int LEASING_COLUMNS = 15;
    private static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}{2,4}");
    /** Coded values of a leasing row: never names, kept when a broken row's columns cannot be told apart. */
    private static final Set<String> LEASING_CODES = Set.of("个人", "企业", "身份证", "护照", "港澳通行证", "营业执照",
            "统一社会信用代码", "执行中", "已到期", "已退租");

    private PersonalDataMask() {
    }

    /** Masks an item of the given format; a leasing row's names are found by column. */
    public static String mask(InputFormat format, String text) {
        return format == InputFormat.LEASING_CSV_ROW && text != null ? mask(maskLeasingNames(text)) : mask(text);
    }

    /** Masks text of any format whose names are keyed (JSON, XML), and the phones, IDs and e-mails of any text. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Set<String> familyNames = valuesOf(FAMILY_NAME, text);
        String masked = replaceValues(NAME, text, name -> maskName(name, familyNames));
        masked = replaceValues(GIVEN_NAME, masked, PersonalDataMask::maskGivenName);
        masked = replaceValues(ADDRESS, masked, address -> address.isBlank() ? address : "***");
        masked = replaceValues(BIRTH_DATE, masked, date -> date.replaceAll("[\\p{L}\\p{N}]", "*"));
        masked = replace(EMAIL, masked, m -> "***@" + m.group(1));
        return replace(CODE_RUN, masked, m -> {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            if (digits < DIGITS_OF_AN_IDENTIFIER || DATE.matcher(run).matches()) {
                return run;
            }
            return "*".repeat(run.length() - KEPT_CHARACTERS) + run.substring(run.length() - KEPT_CHARACTERS);
        });
    }

    /**
     * A JSON member {@code "key": "value"} or an XML element {@code <key ...>value</key>}; group 1 is the value.
     * The value is matched as runs between escapes, without backtracking, so a huge value costs no stack.
     */
    private static Pattern keyed(String keys) {
        return Pattern.compile("(?:\"(?:" + keys + ")\"\\s*:\\s*\"|<(?:" + keys + ")(?:\\s[^>/]*)?>)"
                + "([^\"\\\\<]*+(?:\\\\.[^\"\\\\<]*+)*+)", Pattern.CASE_INSENSITIVE);
    }

    private static Set<String> valuesOf(Pattern keyed, String text) {
        Matcher matcher = keyed.matcher(text);
        Set<String> values = new HashSet<>();
        while (matcher.find()) {
            values.add(matcher.group(1).trim().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static String replaceValues(Pattern keyed, String text, Function<String, String> mask) {
        return replace(keyed, text, m -> m.group().substring(0, m.start(1) - m.start()) + mask.apply(m.group(1)));
    }

    public static String maskName(String name, Set<String> familyNames) {
        if (name.isBlank() || OrganizationNames.looksLikeOrganization(name)) {
            return name;
        }
        if (ChineseText.containsHan(name)) {
            String han = name.codePoints().filter(c -> !isSeparator(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return maskAfter(name, PersonNames.surnameLength(ChineseText.simplified(han)));
        }
        String[] tokens = name.trim().split("\\s+");
        int kept = tokens.length - 1;
        for (int i = 0; i < tokens.length; i++) {
            if (familyNames.contains(tokens[i].toLowerCase(Locale.ROOT))) {
                kept = i;
            }
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            masked.append(i == 0 ? "" : " ").append(i == kept ? tokens[i] : initial(tokens[i]));
        }
        return masked.toString();
    }

    private static String maskGivenName(String given) {
        if (ChineseText.containsHan(given)) {
            return maskAfter(given, 0);
        }
        return Arrays.stream(given.trim().split("\\s+")).map(PersonalDataMask::initial).collect(Collectors.joining(" "));
    }

    /** Keeps the first {@code kept} characters other than separators and stars the others. */
    private static String maskAfter(String name, int kept) {
        StringBuilder masked = new StringBuilder(name.length());
        int seen = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (isSeparator(c)) {
                masked.appendCodePoint(c);
            } else {
                masked.append(seen++ < kept ? Character.toString(c) : "*");
            }
        }
        return masked.toString();
    }

    private static boolean isSeparator(int c) {
        return Character.isWhitespace(c) || c == '·' || c == '・' || c == '.';
    }

    private static String initial(String token) {
        Matcher letters = LATIN_LETTERS.matcher(token);
        return letters.find() ? letters.group().substring(0, 1) + "." : token;
    }

    /**
     * A leasing row's tenant name and contact person, by column. In a row with the wrong column
     * count the columns may have moved, so every field that reads like a Chinese name is masked too.
     */
    private static String maskLeasingNames(String row) {
        List<String> fields = csvFields(row);
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            boolean nameColumn = i == LEASING_TENANT_NAME || i == LEASING_CONTACT;
            boolean mayBeName = fields.size() != LEASING_COLUMNS && HAN_WORD.matcher(field.trim()).matches()
                    && !LEASING_CODES.contains(field.trim());
            if (nameColumn || mayBeName) {
                boolean quoted = field.length() > 1 && field.startsWith("\"") && field.endsWith("\"");
                fields.set(i, quoted ? "\"" + maskName(field.substring(1, field.length() - 1), Set.of()) + "\""
                        : maskName(field, Set.of()));
            }
        }
        return String.join(",", fields);
    }

    /** The row cut at the commas outside quotes, each field's text as it was (quotes included); one pass, for rows of any length. */
    private static List<String> csvFields(String row) {
        List<String> fields = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(row.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(row.substring(start));
        return fields;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
