package io.atrium.resolution.standardize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Person names in Chinese characters or Latin script. A Chinese name is folded (full-width, traditional,
 * inner spaces) and split into surname and given name; its pinyin gives a key comparable with Latin
 * spellings. A Latin name becomes lower-case ASCII tokens, compared without regard to order. A name that
 * is only a surname, with an honorific (陈先生, 王女士, Mr Chen) or without (a Latin family name and no
 * given name), is weak: surname and gender only.
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** Honorific suffixes, longest first so that 老师 wins over a one-character match; value is the gender or "". */
    private static final List<Map.Entry<String, String>> HAN_HONORIFICS = List.of(
            Map.entry("老先生", "M"), Map.entry("先生", "M"), Map.entry("女士", "F"), Map.entry("小姐", "F"),
            Map.entry("太太", "F"), Map.entry("夫人", "F"), Map.entry("阿姨", "F"), Map.entry("老师", ""),
            Map.entry("经理", ""), Map.entry("老板", ""), Map.entry("师傅", ""), Map.entry("总", ""),
            Map.entry("工", ""));
    private static final Map<String, String> LATIN_HONORIFICS = Map.of(
            "mr", "M", "mrs", "F", "ms", "F", "miss", "F", "madam", "F", "mdm", "F", "dr", "", "prof", "", "sir", "M");
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "夏侯", "慕容", "尉迟", "公孙", "长孙",
            "宇文", "轩辕", "端木", "申屠", "澹台", "独孤", "南宫", "西门", "闻人", "万俟", "呼延", "赫连");
    /** Surnames read otherwise than their character's everyday reading. */
    private static final Map<String, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry("曾", "zeng"), Map.entry("单", "shan"), Map.entry("解", "xie"), Map.entry("仇", "qiu"),
            Map.entry("区", "ou"), Map.entry("朴", "piao"), Map.entry("查", "zha"), Map.entry("盖", "ge"),
            Map.entry("乐", "yue"), Map.entry("覃", "qin"), Map.entry("缪", "miao"), Map.entry("翟", "zhai"),
            Map.entry("繁", "po"), Map.entry("员", "yun"), Map.entry("召", "shao"), Map.entry("秘", "bi"),
            Map.entry("种", "chong"), Map.entry("重", "chong"), Map.entry("薄", "bo"), Map.entry("折", "she"),
            Map.entry("句", "gou"), Map.entry("祭", "zhai"), Map.entry("都", "du"), Map.entry("万俟", "moqi"),
            Map.entry("尉迟", "yuchi"));
    /** ü written as v or yu in Latin spellings of pinyin (吕 Lv, Lyu), folded to the u that pinyin keys use. */
    private static final Map<String, String> U_UMLAUT_SPELLINGS = Map.of(
            "lv", "lu", "nv", "nu", "lyu", "lu", "nyu", "nu", "lve", "lue", "nve", "nue");
    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /**
     * The dots written between the parts of a transcribed name (买买提·艾力): the middle dot, its Japanese and half-width
     * forms, and the bullets and operator dots that input methods and fonts put in its place.
     */
    private static final String NAME_DOTS = "\u00B7\u30FB\uFF65\u2022\u2027\u2219\u22C5.";

    /**
     * A standardized person name.
     *
     * @param display  the folded name as people write it
     * @param han      folded Chinese characters without spaces, null for a Latin name
     * @param surname  romanized surname: pinyin of the Chinese one or the Latin family name, null when not known
     * @param key      lower-case pinyin or Latin tokens, sorted, space-separated: order- and script-insensitive
     * @param ordered  Latin "given family" tokens when the fields say which is which, else null
     * @param weak     only a surname (honorific, or marked weak by the connector)
     * @param gender   M/F implied by an honorific, null otherwise
     */
    public record PersonName(String display, String han, String surname, String key, String ordered,
                             boolean weak, String gender) {
    }

    public static PersonName standardize(String name, String givenName, String familyName, boolean markedWeak) {
        String family = clean(familyName);
        String given = clean(givenName);
        String full = clean(name);
        if (full.isEmpty()) {
            full = ChineseText.containsHan(family + given) ? family + given : (given + " " + family).trim();
        }
        if (full.isEmpty()) {
            return null;
        }
        return ChineseText.containsHan(full)
                ? han(full, family, markedWeak)
                : latin(full, given, family, markedWeak);
    }

    private static PersonName han(String full, String declaredFamily, boolean markedWeak) {
        String han = ChineseText.simplified(withoutSeparators(full));
        for (Map.Entry<String, String> honorific : HAN_HONORIFICS) {
            String rest = han.substring(0, Math.max(0, han.length() - honorific.getKey().length()));
            if (han.endsWith(honorific.getKey()) && isSurnameOnly(rest)) {
                return weakHan(rest, honorific.getValue().isEmpty() ? null : honorific.getValue());
            }
        }
        String surname = surnameOf(han, ChineseText.simplified(withoutSeparators(declaredFamily)));
        if (markedWeak) {
            return weakHan(surname, null);
        }
        String given = han.substring(surname.length());
        String key = sortedKey(List.of(surnamePinyin(surname), compactPinyin(given)));
        return new PersonName(han, han, surnamePinyin(surname), key, null, false, null);
    }

    private static PersonName weakHan(String surname, String gender) {
        String romanized = surnamePinyin(surname);
        return new PersonName(surname, surname, romanized, romanized, null, true, gender);
    }

    private static PersonName latin(String full, String given, String family, boolean markedWeak) {
        List<String> tokens = new ArrayList<>(tokens(full));
        String gender = null;
        boolean honorificOnly = false;
        if (!tokens.isEmpty() && LATIN_HONORIFICS.containsKey(tokens.get(0))) {
            String honorificGender = LATIN_HONORIFICS.get(tokens.remove(0));
            gender = honorificGender.isEmpty() ? null : honorificGender;
            honorificOnly = tokens.size() == 1;
        }
        if (tokens.isEmpty()) {
            return null;
        }
        String familyKey = String.join("", tokens(family));
        String givenKey = String.join("", tokens(given));
        String surname = !familyKey.isEmpty() ? familyKey : honorificOnly || markedWeak ? tokens.get(tokens.size() - 1) : null;
        boolean familyNameOnly = givenKey.isEmpty() && !familyKey.isEmpty() && String.join("", tokens).equals(familyKey);
        if (honorificOnly || markedWeak || familyNameOnly) {
            return new PersonName(full, null, surname, surname, null, true, gender);
        }
        String ordered = familyKey.isEmpty() || givenKey.isEmpty() ? null : givenKey + " " + familyKey;
        return new PersonName(full, null, surname, sortedKey(tokens), ordered, false, gender);
    }

    private static boolean isSurnameOnly(String rest) {
        return rest.length() == 1 && ChineseText.isHan(rest.charAt(0)) || COMPOUND_SURNAMES.contains(rest);
    }

    private static String surnameOf(String han, String declaredFamily) {
        if (!declaredFamily.isEmpty() && han.startsWith(declaredFamily) && declaredFamily.length() < han.length()) {
            return declaredFamily;
        }
        return han.substring(0, surnameLength(han));
    }

    /** How many leading characters of a simplified Chinese name are its surname: two for a compound one (欧阳). */
    public static int surnameLength(String simplifiedHan) {
        return simplifiedHan.length() > 2 && COMPOUND_SURNAMES.contains(simplifiedHan.substring(0, 2)) ? 2 : 1;
    }

    /** A surname's own reading where it differs from the character's everyday one (曾 zeng, not ceng). */
    public static String surnamePinyin(String surname) {
        String reading = SURNAME_READINGS.get(surname);
        return reading != null ? reading : compactPinyin(surname);
    }

    /** The pinyin of Chinese characters as one token, as a given name appears in a name key (秀英: xiuying). */
    public static String compactPinyin(String han) {
        return han.isEmpty() ? "" : ChineseText.pinyin(han).replace(" ", "");
    }

    /** Lower-case ASCII letter tokens; accents removed. */
    static List<String> tokens(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase();
        return Arrays.stream(NON_LETTERS.split(ascii)).filter(t -> !t.isEmpty())
                .map(t -> U_UMLAUT_SPELLINGS.getOrDefault(t, t)).toList();
    }

    private static String sortedKey(List<String> tokens) {
        return String.join(" ", tokens.stream().filter(t -> !t.isEmpty()).sorted().toList());
    }

    private static String clean(String text) {
        return text == null ? "" : ChineseText.cleaned(text);
    }

    private static String withoutSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && NAME_DOTS.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
