package io.atrium.resolution.standardize;

import com.ibm.icu.text.Transliterator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Width folding, traditional-to-simplified folding and toneless pinyin. ICU transliterators are slow
 * and not safe to share between threads, so each thread has its own and results are memoized per
 * distinct string (names repeat a lot).
 */
public final class ChineseText {

    /** Bounds the memo so a long-running hub does not grow it without limit. */
    private static final int MEMO_LIMIT = 500_000;

    private final ThreadLocal<Transliterator> toSimplified =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private final ThreadLocal<Transliterator> toPinyin =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    private final Map<String, String> simplifiedMemo = new ConcurrentHashMap<>();
    private final Map<String, String> pinyinMemo = new ConcurrentHashMap<>();

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

    public static boolean containsHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    public String simplified(String han) {
        return memoized(simplifiedMemo, han, s -> toSimplified.get().transliterate(s));
    }

    /** Toneless lowercase pinyin, one syllable per token, e.g. 张伟 → "zhang wei". */
    public String pinyin(String han) {
        return memoized(pinyinMemo, han, s -> toPinyin.get().transliterate(s).toLowerCase().trim());
    }

    private static String memoized(Map<String, String> memo, String key, Function<String, String> compute) {
        String cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        if (memo.size() > MEMO_LIMIT) {
            memo.clear();
        }
        String value = compute.apply(key);
        memo.put(key, value);
        return value;
    }
}
