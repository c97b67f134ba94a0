package io.atrium.resolution.match;

import io.atrium.resolution.standardize.ChineseText;

/**
 * The fuzzy-pinyin rules of Chinese input methods (模糊音): syllables that many speakers do not tell apart,
 * so that typing one yields the character of the other. zh/z, ch/c and sh/s initials, n/l initials and
 * -ng/-n finals are folded; tones are already gone.
 */
final class FuzzyPinyin {

    private FuzzyPinyin() {
    }

    /** Whether two different characters read alike under the fuzzy rules (周 zhou / 邹 zou, 玲 ling / 琳 lin). */
    static boolean soundAlike(char a, char b) {
        if (!ChineseText.isHan(a) || !ChineseText.isHan(b)) {
            return false;
        }
        return folded(ChineseText.pinyin(String.valueOf(a))).equals(folded(ChineseText.pinyin(String.valueOf(b))));
    }

    static String folded(String syllable) {
        String s = syllable;
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("n")) {
            s = "l" + s.substring(1);
        }
        if (s.endsWith("ng") && s.length() > 2) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
