package io.atrium.resolution.standardize;

import com.ibm.icu.text.Transliterator;

import java.util.function.Supplier;


/**
 * Width folding, traditional-to-simplified folding and toneless pinyin. ICU transliterators are slow
 * to build (about a second each) and to run (hundreds of microseconds per name), and not safe to use
 * from two threads at once: there is one of each, built on first use and used under its own lock,
 * and results are memoized per character, once per process, so the lock is taken only for a
 * character not seen before (a few thousand characters cover every name). Building one per thread
 * made every new pooled thread of a server pay a second or two in the middle of its first record.
 */
public final class ChineseText {

    private ChineseText() {
    }

    private static final class ToSimplified {
        static final Transliterator INSTANCE = Transliterator.getInstance("Traditional-Simplified");
    }

    private static final class ToPinyin {
        static final Transliterator INSTANCE = Transliterator.getInstance("Han-Latin; Latin-ASCII");
    }

    /** Indexed by UTF-16 unit; racing writers store equal immutable strings, so plain arrays are safe. */
    private static final String[] simplifiedMemo = new String[Character.MAX_VALUE + 1];
    private static final String[] pinyinMemo = new String[Character.MAX_VALUE + 1];

    /** Full-width ASCII forms and the ideographic space become their ASCII counterparts. */
    public static String toHalfWidth(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = c == '\u3000' ? ' ' : (c >= '\uFF01' && c <= '\uFF5E') ? (char) (c - 0xFEE0) : c;
            if (folded != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Half-width, trimmed, runs of whitespace collapsed to one space. */
    public static String cleaned(String text) {
        String halfWidth = toHalfWidth(text);
        StringBuilder out = new StringBuilder(halfWidth.length());
        boolean space = false;
        for (int i = 0; i < halfWidth.length(); i++) {
            char c = halfWidth.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean containsHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isHan(char c) {
        if (c >= '\u4E00' && c <= '\u9FFF') {
            return true;
        }
        return c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Traditional characters folded to simplified ones; other characters unchanged. */
    public static String simplified(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isHan(c) ? memoized(simplifiedMemo, c, () -> ToSimplified.INSTANCE) : String.valueOf(c));
        }
        return out.toString();
    }

    /** Toneless lowercase pinyin, one syllable per character, space-separated: 张伟 → "zhang wei". */
    public static String pinyin(String han) {
        StringBuilder out = new StringBuilder(han.length() * 5);
        for (int i = 0; i < han.length(); i++) {
            char c = han.charAt(i);
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(isHan(c) ? memoized(pinyinMemo, c, () -> ToPinyin.INSTANCE).toLowerCase() : String.valueOf(c));
        }
        return out.toString();
    }

    /** @param transliterator only asked for on a miss, so that a memoized character never builds one */
    private static String memoized(String[] memo, char c, Supplier<Transliterator> transliterator) {
        String cached = memo[c];
        if (cached == null) {
            Transliterator shared = transliterator.get();
            synchronized (shared) {
                cached = shared.transliterate(String.valueOf(c)).trim();
            }
            memo[c] = cached;
        }
        return cached;
    }
}
