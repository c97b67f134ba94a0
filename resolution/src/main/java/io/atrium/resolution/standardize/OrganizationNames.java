package io.atrium.resolution.standardize;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Company names reduced to what distinguishes them: folded, lower case, without punctuation and without
 * legal-form words (有限公司, 股份, Co., Ltd. ...). The core form also drops a leading province or city.
 */
public final class OrganizationNames {

    private OrganizationNames() {
    }

    private static final List<String> HAN_LEGAL_FORMS = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团", "股份", "公司", "分公司", "总公司");
    private static final Pattern LATIN_LEGAL_FORMS = Pattern.compile(
            "\\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|group|holdings?)\\b");
    /** Words that name an organization without being a legal form to strip for matching (深圳数据中心 is not 深圳数据). */
    private static final List<String> HAN_ORGANIZATION_WORDS = List.of(
            "合伙企业", "事务所", "中心", "工作室", "合作社", "研究院", "研究所", "协会", "基金会", "委员会", "商行", "经营部",
            "门市部", "医院", "学校", "银行");
    private static final Pattern LATIN_ORGANIZATION_WORDS = Pattern.compile("\\b(llp|pte|partnership|foundation|association)\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{IsHan}a-z0-9]+");
    /** 远航传媒(深圳)有限公司 and 深圳市远航传媒有限公司 name the same company. */
    private static final Pattern PARENTHESIZED_REGION = Pattern.compile("[(（]\\p{IsHan}{2,4}[)）]");
    private static final Pattern REGION_PREFIX = Pattern.compile("^(\\p{IsHan}{2,3}?[省市])+");

    public record OrganizationName(String display, String normalized, String core) {
    }

    public static OrganizationName standardize(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String display = ChineseText.cleaned(name);
        String folded = ChineseText.simplified(display).toLowerCase();
        String normalized = NOT_WORD.matcher(LATIN_LEGAL_FORMS.matcher(withoutHanLegalForms(folded)).replaceAll(" "))
                .replaceAll("");
        if (normalized.isEmpty()) {
            normalized = NOT_WORD.matcher(folded).replaceAll("");
        }
        String core = REGION_PREFIX.matcher(normalized).replaceFirst("");
        return new OrganizationName(display, normalized, core.isEmpty() ? normalized : core);
    }

    private static String withoutHanLegalForms(String name) {
        String result = PARENTHESIZED_REGION.matcher(name).replaceAll("");
        for (String form : HAN_LEGAL_FORMS) {
            result = result.replace(form, " ");
        }
        return result;
    }

    /** Whether a name reads as a company's, for records that do not say their kind. */
    public static boolean looksLikeOrganization(String name) {
        if (name == null) {
            return false;
        }
        String lower = ChineseText.simplified(name).toLowerCase();
        return HAN_LEGAL_FORMS.stream().anyMatch(lower::contains) || HAN_ORGANIZATION_WORDS.stream().anyMatch(lower::contains)
                || LATIN_LEGAL_FORMS.matcher(lower).find() || LATIN_ORGANIZATION_WORDS.matcher(lower).find();
    }
}
