package io.atrium.it;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Persons of one test run for the customer directory's tests: a Chinese name unique enough to search
 * by (欧阳 and two given characters picked by the run, in both scripts and pinyin), a valid resident ID
 * number ending in X (so its lowercase spelling matters) with its 15-digit form, a phone and an e-mail.
 */
final class DirectoryData {

    /** Given-name characters: simplified, traditional, pinyin, and another character read the same. */
    private static final String[][] GIVEN = {{"东", "東", "dong", "冬"}, {"华", "華", "hua", "花"}, {"国", "國", "guo", "果"},
            {"丽", "麗", "li", "立"}, {"龙", "龍", "long", "隆"}, {"凤", "鳳", "feng", "峰"}, {"马", "馬", "ma", "玛"},
            {"云", "雲", "yun", "芸"}, {"红", "紅", "hong", "宏"}};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    final String run = TestData.runId();
    final String source = "it-" + run;
    final String phone = TestData.mobile(run);
    final String email = "Ouyang." + run + "@Example.com";
    /** Born in the 20th century, so that the ID number has a 15-digit form. */
    final LocalDate birthDate = LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(TestData.mixed(run), 18_000L));
    final String simplifiedName;
    final String traditionalName;
    final String pinyinGivenName;
    /** Another name written with other characters, read the same in pinyin. */
    final String homophoneName;
    final String idNumber;

    DirectoryData() {
        String[] first = GIVEN[(int) Math.floorMod(TestData.mixed(run + "first"), (long) GIVEN.length)];
        String[] second = GIVEN[(int) Math.floorMod(TestData.mixed(run + "second"), (long) GIVEN.length)];
        simplifiedName = "欧阳" + first[0] + second[0];
        traditionalName = "歐陽" + first[1] + second[1];
        pinyinGivenName = first[2] + second[2];
        homophoneName = "欧阳" + first[3] + second[0];
        idNumber = idNumberEndingInX();
    }

    /** The 15-digit spelling of the ID number: no century, no check character. */
    String idNumber15() {
        return idNumber.substring(0, 6) + idNumber.substring(8, 17);
    }

    ObjectNode person(String sourceId) {
        ObjectNode record = TestData.canonicalPerson(source, sourceId, simplifiedName, phone)
                .put("idNumber", idNumber)
                .put("birthDate", birthDate.toString())
                .put("gender", "M");
        record.putArray("emails").add(email);
        return record;
    }

    private String idNumberEndingInX() {
        String born = birthDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        int start = (int) Math.floorMod(TestData.mixed(run + "id"), 900L);
        for (int sequence = start; ; sequence = (sequence + 1) % 1000) {
            String seventeen = "440301" + born + String.format("%03d", sequence);
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (seventeen.charAt(i) - '0') * ID_WEIGHTS[i];
            }
            if (ID_CHECK.charAt(sum % 11) == 'X') {
                return seventeen + 'X';
            }
        }
    }
}
