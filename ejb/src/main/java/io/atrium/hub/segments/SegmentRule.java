package io.atrium.hub.segments;

import io.atrium.client.InvalidQueryException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A segment's rule (docs/ANALYTICS.md, Segments): conditions joined by {@code and}, each on a column of
 * {@code customer_value} or on the projects of the customer's facts, e.g.
 * {@code cell in (HIGH_HIGH, LOW_HIGH) and role = TENANT and next_lease_end <= today+6m and not at_risk}.
 * Parsed once; compiled to a WHERE clause over {@code customer_value v} with its parameters for a given date,
 * so that membership is one set-wise statement. Pure: no container, no database.
 */
public final class SegmentRule {

    /** Rules longer than this are refused (the column holds it). */
    public static final int MAX_LENGTH = 1000;

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<date>\\d{4}-\\d{2}-\\d{2})|(?<today>today(?:[+-]\\d+[dmy])?)|(?<number>-?\\d+(?:\\.\\d+)?)"
                    + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)|'(?<text>[^']*)'|(?<symbol><=|>=|!=|=|<|>|\\(|\\)|,))");
    private static final Pattern RELATIVE = Pattern.compile("today(?:([+-]\\d+)([dmy]))?");
    private static final List<String> COMPARISONS = List.of("=", "!=", "<", "<=", ">", ">=");

    private enum Kind { NUMBER, CHOICE, DATE, TIME, ROLE, FLAG, PROJECT }

    private record Field(String column, Kind kind, List<String> choices) {
        Field(String column, Kind kind) {
            this(column, kind, List.of());
        }
    }

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("current_value", new Field("current_value", Kind.NUMBER)),
            Map.entry("potential_value", new Field("potential_value", Kind.NUMBER)),
            Map.entry("satisfaction", new Field("satisfaction", Kind.NUMBER)),
            Map.entry("loyalty", new Field("loyalty", Kind.NUMBER)),
            Map.entry("monetary", new Field("monetary", Kind.NUMBER)),
            Map.entry("deals", new Field("deals", Kind.NUMBER)),
            Map.entry("points_balance", new Field("points_balance", Kind.NUMBER)),
            Map.entry("arrears", new Field("arrears", Kind.NUMBER)),
            Map.entry("owned_units", new Field("owned_units", Kind.NUMBER)),
            Map.entry("open_complaints", new Field("open_complaints", Kind.NUMBER)),
            Map.entry("cell", new Field("value_cell", Kind.CHOICE, List.of("HIGH_HIGH", "HIGH_LOW", "LOW_HIGH", "LOW_LOW"))),
            Map.entry("tier", new Field("tier", Kind.CHOICE, List.of("SILVER", "GOLD", "PLATINUM"))),
            Map.entry("next_lease_end", new Field("next_lease_end", Kind.DATE)),
            Map.entry("last_business", new Field("last_business_at", Kind.TIME)),
            Map.entry("first_fact", new Field("first_fact_at", Kind.TIME)),
            Map.entry("role", new Field(null, Kind.ROLE,
                    List.of("BUYER", "TENANT", "OWNER", "FAMILY_MEMBER", "MEMBER", "CALLER"))),
            Map.entry("at_risk", new Field("at_risk", Kind.FLAG)),
            Map.entry("project", new Field(null, Kind.PROJECT)));

    /** A date in a rule: fixed, or relative to the day membership is reckoned for. */
    private record DateValue(LocalDate fixed, int amount, char unit) {
        LocalDate on(LocalDate today) {
            if (fixed != null) {
                return fixed;
            }
            return switch (unit) {
                case 'd' -> today.plusDays(amount);
                case 'm' -> today.plusMonths(amount);
                case 'y' -> today.plusYears(amount);
                default -> today;
            };
        }
    }

    private record Condition(String field, String operator, List<Object> values) {
    }

    /** A rule compiled for a day: {@code where} over {@code customer_value v}, its {@code parameters} in order. */
    public record Compiled(String where, List<Object> parameters) {
    }

    private final String text;
    private final List<Condition> conditions;

    private SegmentRule(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = conditions;
    }

    public String text() {
        return text;
    }

    /** @throws InvalidQueryException the rule with the reason it cannot be read (the rule is no personal data) */
    public static SegmentRule parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new InvalidQueryException("rule is required");
        }
        String text = rule.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("rule is longer than " + MAX_LENGTH + " characters");
        }
        Tokens tokens = new Tokens(text);
        List<Condition> conditions = new ArrayList<>();
        do {
            conditions.add(condition(tokens));
        } while (tokens.nextIs("and"));
        if (!tokens.atEnd()) {
            throw tokens.error("expected 'and' or the end of the rule");
        }
        return new SegmentRule(text, List.copyOf(conditions));
    }

    private static Condition condition(Tokens tokens) {
        boolean negated = tokens.nextIs("not");
        String name = tokens.word();
        Field field = FIELDS.get(name);
        if (field == null) {
            throw tokens.errorAtTaken("unknown field '" + name + "': one of " + FIELDS.keySet().stream().sorted().toList());
        }
        if (field.kind() == Kind.FLAG) {
            return new Condition(name, negated ? "not" : "is", List.of());
        }
        if (negated) {
            throw tokens.error("'not' applies to at_risk only; use != or a comparison");
        }
        if (tokens.nextIs("in")) {
            if (field.kind() != Kind.CHOICE && field.kind() != Kind.ROLE) {
                throw tokens.error("'in' applies to cell, tier and role");
            }
            tokens.expect("(");
            List<Object> values = new ArrayList<>();
            do {
                values.add(choice(tokens, name, field));
            } while (tokens.nextIs(","));
            tokens.expect(")");
            return new Condition(name, "in", List.copyOf(values));
        }
        String operator = tokens.comparison();
        if (!COMPARISONS.contains(operator)) {
            throw tokens.error("expected a comparison (=, !=, <, <=, >, >=) or 'in' after " + name);
        }
        boolean equality = operator.equals("=") || operator.equals("!=");
        Object value = switch (field.kind()) {
            case NUMBER -> tokens.number(name);
            case DATE, TIME -> tokens.date(name);
            case CHOICE, ROLE, PROJECT -> {
                if (!equality) {
                    throw tokens.error(name + " is compared with = or != only");
                }
                yield field.kind() == Kind.PROJECT ? tokens.text(name) : choice(tokens, name, field);
            }
            case FLAG -> throw new IllegalStateException();
        };
        if (field.kind() == Kind.TIME && equality) {
            throw tokens.error(name + " is a time: compare it with <, <=, > or >=");
        }
        return new Condition(name, operator, List.of(value));
    }

    private static String choice(Tokens tokens, String name, Field field) {
        String value = tokens.word().toUpperCase(Locale.ROOT);
        if (!field.choices().contains(value)) {
            throw tokens.errorAtTaken(name + " is one of " + field.choices());
        }
        return value;
    }

    /** The WHERE clause over {@code customer_value v} that selects this rule's members as of {@code today}. */
    public Compiled compile(LocalDate today, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Condition c : conditions) {
            Field field = FIELDS.get(c.field());
            String column = "v." + field.column();
            String operator = c.operator().equals("!=") ? "<>" : c.operator();
            switch (field.kind()) {
                case FLAG -> parts.add(column + (c.operator().equals("not") ? " = false" : " = true"));
                case ROLE -> {
                    String any = c.values().stream().map(role -> "v.is_" + ((String) role).toLowerCase(Locale.ROOT) + " = true")
                            .collect(Collectors.joining(" or ", "(", ")"));
                    parts.add(c.operator().equals("!=") ? "not " + any : any);
                }
                case CHOICE -> {
                    if (c.operator().equals("in")) {
                        parts.add(column + " in (" + String.join(", ", Collections.nCopies(c.values().size(), "?")) + ")");
                        parameters.addAll(c.values());
                    } else {
                        parts.add(nullable(c, column, operator));
                        parameters.add(c.values().get(0));
                    }
                }
                case NUMBER -> {
                    parts.add(nullable(c, column, operator));
                    parameters.add(c.values().get(0));
                }
                case DATE -> {
                    parts.add(nullable(c, column, operator));
                    parameters.add(((DateValue) c.values().get(0)).on(today));
                }
                case TIME -> {
                    // a day is the group's calendar day: "<= D" ends where D+1 starts
                    LocalDate day = ((DateValue) c.values().get(0)).on(today);
                    boolean fromNextDay = operator.equals("<=") || operator.equals(">");
                    parts.add(column + (operator.startsWith("<") ? " < ?" : " >= ?"));
                    parameters.add((fromNextDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant());
                }
                case PROJECT -> {
                    // the project is inside the fact's JSON as the connectors write it (compact, by Jackson)
                    String exists = "exists (select 1 from source_record r join source_fact f on f.source = r.source"
                            + " and f.party_source_id = r.source_id where r.customer_id = v.customer_id and f.data like ?)";
                    parts.add(c.operator().equals("!=") ? "not " + exists : exists);
                    parameters.add("%\"project\":\"" + likeLiteral((String) c.values().get(0)) + "\"%");
                }
            }
        }
        return new Compiled(String.join(" and ", parts), List.copyOf(parameters));
    }

    /** A figure the customer lacks (no tier, no lease) satisfies {@code !=} and no other comparison. */
    private static String nullable(Condition c, String column, String operator) {
        String comparison = column + " " + operator + " ?";
        return c.operator().equals("!=") ? "(" + column + " is null or " + comparison + ")" : comparison;
    }

    private static String likeLiteral(String text) {
        // LIKE's wildcards stand for themselves in a project's name; JSON escapes a quote and a backslash
        return text.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String toString() {
        return text;
    }

    /** The rule's text as tokens, read left to right; errors say where. */
    private static final class Tokens {
        private final String text;
        private final Matcher matcher;
        private int position;
        private int start;
        private int takenStart;
        private String current;
        private String group;

        Tokens(String text) {
            this.text = text;
            this.matcher = TOKEN.matcher(text);
            advance();
        }

        private void advance() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            start = position;
            if (position >= text.length()) {
                current = null;
                return;
            }
            if (!matcher.find(position) || matcher.start() != position) {
                throw error("cannot read it");
            }
            for (String name : List.of("date", "today", "number", "word", "text", "symbol")) {
                if (matcher.group(name) != null) {
                    group = name;
                    current = matcher.group(name);
                }
            }
            position = matcher.end();
        }

        private String take(String expected, String what) {
            if (current == null || !expected.equals(group)) {
                throw error("expected " + what);
            }
            String taken = current;
            takenStart = start;
            advance();
            return taken;
        }

        boolean atEnd() {
            return current == null;
        }

        boolean nextIs(String word) {
            if (current != null && ("word".equals(group) || "symbol".equals(group)) && current.equalsIgnoreCase(word)) {
                advance();
                return true;
            }
            return false;
        }

        void expect(String symbol) {
            if (!nextIs(symbol)) {
                throw error("expected '" + symbol + "'");
            }
        }

        String word() {
            return take("word", "a name").toLowerCase(Locale.ROOT);
        }

        /** The comparison next, or "" when something else comes. */
        String comparison() {
            return current != null && "symbol".equals(group) ? take("symbol", "") : "";
        }

        BigDecimal number(String field) {
            return new BigDecimal(take("number", "a number for " + field));
        }

        String text(String field) {
            String value = take("text", "a name in single quotes for " + field);
            if (value.isBlank()) {
                throw errorAtTaken(field + " must not be empty");
            }
            return value;
        }

        DateValue date(String field) {
            if ("date".equals(group)) {
                String value = take("date", "");
                try {
                    return new DateValue(LocalDate.parse(value), 0, ' ');
                } catch (DateTimeParseException e) {
                    throw errorAtTaken("'" + value + "' is no date");
                }
            }
            Matcher relative = RELATIVE.matcher(take("today", "a date for " + field + " (YYYY-MM-DD, today, today+6m, today-90d)"));
            relative.matches();
            return relative.group(1) == null ? new DateValue(null, 0, ' ')
                    : new DateValue(null, Integer.parseInt(relative.group(1)), relative.group(2).charAt(0));
        }

        /** At the token next. */
        InvalidQueryException error(String reason) {
            return at(reason, start);
        }

        /** At the token just taken (a value read but not fit). */
        InvalidQueryException errorAtTaken(String reason) {
            return at(reason, takenStart);
        }

        private static InvalidQueryException at(String reason, int index) {
            return new InvalidQueryException("rule: " + reason + " at character " + (index + 1));
        }
    }
}
