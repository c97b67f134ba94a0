package io.atrium.resolution.standardize;

/**
 * The sex a Chinese given name tells, where its characters are ones that given names use for one sex almost only:
 * 秀, 娟, 婷 for women, 强, 刚, 勇 for men (common knowledge of Chinese naming, hand-compiled and kept short). A
 * character given to both (伟, 明, 华, 文, 平, 玉, 云, 英, 红, 宇) is in neither list, and a name with characters of
 * both lists tells nothing.
 */
public final class GivenNameGenders {

    private static final String WOMEN = "芳娜静秀娟婷霞燕玲萍梅莉雪淑颖倩琴蓉妍媛雯凤珍菊娇妮姗婉嫣婧瑶怡薇蕾艳丽兰";
    private static final String MEN = "强刚勇军杰涛斌磊鹏浩峰彪虎龙豪雄威武毅健超辉波亮俊博铭";

    private GivenNameGenders() {
    }

    /**
     * @param simplifiedHan a full Chinese name, simplified, surname first (a record's {@code hanName})
     * @return F or M when its given name tells the sex, null otherwise (no given name, or nothing certain)
     */
    public static String of(String simplifiedHan) {
        if (simplifiedHan == null || simplifiedHan.length() < 2) {
            return null;
        }
        boolean women = false;
        boolean men = false;
        for (int i = PersonNames.surnameLength(simplifiedHan); i < simplifiedHan.length(); i++) {
            char c = simplifiedHan.charAt(i);
            women |= WOMEN.indexOf(c) >= 0;
            men |= MEN.indexOf(c) >= 0;
        }
        return women == men ? null : women ? "F" : "M";
    }
}
