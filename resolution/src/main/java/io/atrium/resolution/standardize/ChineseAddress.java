package io.atrium.resolution.standardize;

import java.util.ArrayList;
import java.util.List;

/**
 * A Chinese address read by its parts, from the standardized text ({@link Addresses#standardize}): the
 * administrative divisions it names (a part ending in 省 province, 市 city, 区 or 县 district), then the last named
 * place (a road, a residential compound, a tower) and the numbers after it (building, room; a street number when
 * the road is the last place named). The same home is written with or without its province, city, road and street
 * number, with or without 室: {@code 广东省深圳市福田区香梅北路2号金地花园4栋3305} and {@code 福田区金地花园4栋3305室} are
 * one home ({@code 金地花园}, 4, 3305), {@code 金地花园5栋3303} another.
 *
 * @param province  the part ending in 省, or null
 * @param city      the part ending in 市, or null
 * @param district  the part ending in 区 or 县, or null
 * @param place     the last named part before the numbers, without unit words (号, 栋, 座 …)
 * @param numbers   the numbers after the place, in order (letters of a tower count as numbers: c座501 is c, 501)
 */
public record ChineseAddress(String province, String city, String district, String place, List<String> numbers) {

    private static final int DIVISION_LEVELS = 3;
    private static final int MIN_DIVISION_NAME = 2;
    /** Words that name a unit of a number (street number, building, entrance, floor, room), not a place. */
    private static final String UNIT_WORDS = "号栋幢座楼单元层室";

    public ChineseAddress {
        numbers = List.copyOf(numbers);
    }

    /** Whether a standardized address is a Chinese one written without spaces, which this class reads. */
    public static boolean isChinese(String standardized) {
        return standardized != null && standardized.indexOf(' ') < 0 && ChineseText.containsHan(standardized);
    }

    /**
     * Whether two Chinese addresses ({@link #isChinese}) may be one home by their last numbers (the room, or the street
     * number), without reading them whole: most pairs that get here are two flats of one compound. True when either
     * has no number.
     */
    public static boolean lastNumbersAgree(String a, String b) {
        String x = lastNumber(a);
        String y = lastNumber(b);
        return x == null || y == null || Addresses.sameNumber(x, y);
    }

    /**
     * The address's parts, or null when it is not a Chinese address written without spaces, or names no place
     * followed by a number (a home needs both).
     */
    public static ChineseAddress parse(String standardized) {
        if (!isChinese(standardized)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        split(standardized, texts, numbers);
        // texts[i] precedes numbers[i]; the leading text holds the divisions, then the first place
        String[] divisions = new String[DIVISION_LEVELS];
        String lead = texts.get(0);
        int next = 0;
        int cut;
        while ((cut = divisionEnd(lead)) >= 0 && level(lead, cut) >= next) {
            // province, city, district in this order: a 市 or 区 after the district belongs to the place (城市花园)
            next = level(lead, cut);
            divisions[next++] = lead.substring(0, cut + 1);
            lead = lead.substring(cut + 1);
        }
        texts.set(0, lead);
        for (int i = numbers.size() - 1; i >= 0; i--) {
            String place = withoutUnitWords(texts.get(i));
            if (!place.isEmpty()) {
                return new ChineseAddress(divisions[0], divisions[1], divisions[2], place, numbers.subList(i, numbers.size()));
            }
        }
        return null;
    }

    /**
     * One home: the same place and the same numbers (each equal, or two neighbouring digits swapped, as for the
     * house numbers of a Latin address), and no division named by both that differs. A division one of them leaves
     * out says nothing.
     */
    public boolean sameHome(ChineseAddress other) {
        if (!place.equals(other.place) || numbers.size() != other.numbers.size()
                || clash(province, other.province) || clash(city, other.city) || clash(district, other.district)) {
            return false;
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (!Addresses.sameNumber(numbers.get(i), other.numbers.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Place and numbers: what two writings of one home share, whatever divisions and road they name. */
    public String homeKey() {
        return place + '|' + String.join("|", numbers);
    }

    private static boolean clash(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /** Splits into alternating texts and numbers (runs of digits and Latin letters), a text before each number. */
    private static void split(String address, List<String> texts, List<String> numbers) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < address.length()) {
            char c = address.charAt(i);
            if (isNumberChar(c)) {
                int end = i;
                while (end < address.length() && isNumberChar(address.charAt(end))) {
                    end++;
                }
                texts.add(text.toString());
                numbers.add(address.substring(i, end));
                text.setLength(0);
                i = end;
            } else {
                text.append(c);
                i++;
            }
        }
        if (texts.isEmpty()) {
            texts.add(text.toString());
        }
    }

    private static String lastNumber(String address) {
        int end = address.length();
        while (end > 0 && !isNumberChar(address.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isNumberChar(address.charAt(start - 1))) {
            start--;
        }
        return end == 0 ? null : address.substring(start, end);
    }

    private static boolean isNumberChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z';
    }

    /**
     * Where the first division of the text ends (its 省, 市, 区 or 县), or -1. A division has a name of two characters
     * at least before it (深圳市, 南山区), so that 城市花园 is a place, not the city 城市.
     */
    private static int divisionEnd(String text) {
        for (int i = MIN_DIVISION_NAME; i < text.length(); i++) {
            if ("省市区县".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** 0 province (省, also 自治区 and 特别行政区), 1 city (市), 2 district (区, 县), of the division ending at {@code end}. */
    private static int level(String text, int end) {
        String division = text.substring(0, end + 1);
        return switch (text.charAt(end)) {
            case '省' -> 0;
            case '市' -> 1;
            default -> division.endsWith("自治区") || division.endsWith("特别行政区") ? 0 : 2;
        };
    }

    private static String withoutUnitWords(String text) {
        int start = 0;
        while (start < text.length() && UNIT_WORDS.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        int end = text.length();
        while (end > start && UNIT_WORDS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
