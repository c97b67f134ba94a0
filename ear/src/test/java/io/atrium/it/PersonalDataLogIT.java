package io.atrium.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data never reaches a log: after every other test of the pass has fed the hub its people
 * (through all five connectors and the API, broken input included), the server's log of this pass
 * holds no phone number, resident ID number, e-mail address or Chinese name.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataLogIT {

    /** Bounded by letters too: Camel's exchange ids are hex ({@code 15846342009C665-0000000000000002}). */
    private static final Pattern MOBILE = Pattern.compile("(?<![\\dA-Za-z])(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![\\dA-Za-z])");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])");
    /** A domain starts with a letter: JBoss module names in stack frames ({@code org.jboss.as.ee@39.0.1.Final}) do not. */
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[A-Za-z][\\w-]*(\\.[\\w-]+)*\\.[A-Za-z]{2,}\\b");
    /**
     * The logs are English, but a rejection reason may name a column or a code of the source's format
     * (`起租日期 (start date) is not a date`, `expected one of [认购, 签约, 退房]`): those words of
     * `../shared/sources/README.md` are no personal data. Any other Han text came from the data.
     */
    private static final Pattern FORMAT_WORDS = Pattern.compile(String.join("|", List.of(
            "租户编号", "租户类型", "租户名称", "联系人", "联系电话", "证件类型", "证件号码", "电子邮箱", "合同编号", "项目", "单元",
            "起租日期", "到期日期", "月租金", "合同状态", "个人", "企业", "执行中", "已到期", "已退租", "身份证", "护照",
            "港澳通行证", "营业执照", "统一社会信用代码", "认购", "签约", "退房", "业主", "家属", "租户", "维修", "投诉", "咨询")));
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";

    @Test
    void theServerLogOfThisPassHoldsNoPersonalData() throws IOException {
        Path log = Path.of(System.getProperty("atrium.it.log.dir"), "server.log");
        assertTrue(Files.size(log) > 0, "no server log at " + log);
        List<String> leaks = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                find(MOBILE, line, "phone", leaks);
                find(EMAIL, line, "e-mail", leaks);
                find(HAN, FORMAT_WORDS.matcher(line).replaceAll(""), "Chinese text", leaks);
                Matcher id = RESIDENT_ID.matcher(line);
                while (id.find()) {
                    if (validResidentId(id.group())) {
                        leaks.add("ID number: " + line);
                    }
                }
            });
        }
        assertEquals(List.of(), leaks.stream().limit(20).toList(), leaks.size() + " log lines with personal data");
    }

    private static void find(Pattern pattern, String line, String what, List<String> leaks) {
        if (pattern.matcher(line).find()) {
            leaks.add(what + ": " + line);
        }
    }

    /** A timestamp or a counter of 18 digits is not an ID number: its check character rarely fits. */
    private static boolean validResidentId(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(number.charAt(17)) == ID_CHECKS.charAt(sum % 11);
    }
}
