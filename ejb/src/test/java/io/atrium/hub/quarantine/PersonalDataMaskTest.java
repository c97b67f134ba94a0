package io.atrium.hub.quarantine;

import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.NativeFormats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One real item of each native format (the sources' spec and the connectors' mapper tests). */
class PersonalDataMaskTest {

    @Test
    void leasingPersonRowKeepsSurnameAndLastFourCharacters() {
        String masked = PersonalDataMask.mask(InputFormat.LEASING_CSV_ROW,
                "L-00017,个人,陳美玲,,138-0013-8000,身份证,440301198507150026,chen.meiling@example.com,LC-2024-0031,"
                        + "翠湖花园,3栋1502,2024/3/1,2026/2/28,\"12,500.00\",执行中");

        assertHidden(masked, "陳美玲", "138-0013", "44030119850715", "chen.meiling");
        assertKept(masked, "陳**", "8000", "0026", "@example.com", "翠湖花园", "3栋1502", "\"12,500.00\"", "执行中");
    }

    @Test
    void leasingCompanyRowKeepsTheCompanyAndMasksItsContact() {
        String masked = PersonalDataMask.mask(InputFormat.LEASING_CSV_ROW,
                "L-00018,企业,深圳市翠湖置业有限公司,王芳,0755-86001234,统一社会信用代码,91440300MA5DC12341,,LC-2024-0032,"
                        + "海岸城,A座2001,2024/4/1,2027/3/31,\"88,000.00\",执行中");

        assertHidden(masked, "王芳", "0755-8600");
        assertKept(masked, "深圳市翠湖置业有限公司,王*,", "1234", "2341");
    }

    @Test
    void leasingRowWithALatinNameKeepsTheInitialsAndTheLastToken() {
        String masked = PersonalDataMask.mask(InputFormat.LEASING_CSV_ROW,
                "L-00019,个人,Zhang Wei,,13800138000,护照,E12345678,,LC-2024-0033,翠湖花园,3栋1503,2024/3/1,,\"9,000.00\",执行中");

        assertHidden(masked, "Zhang", "E1234");
        assertKept(masked, ",Z. Wei,", "8000", "5678");
    }

    @Test
    void brokenLeasingRowMasksEveryFieldThatReadsLikeAName() {
        // a column missing before the name: the name sits where the type should be
        String masked = PersonalDataMask.mask(InputFormat.LEASING_CSV_ROW,
                "L-00020,陈美玲,李娜,13800138000,身份证,440301198507150026,,LC-2024-0034,翠湖花园,3栋1502,2024/3/1,2026/2/28");

        assertHidden(masked, "陈美玲", "李娜", "1380013", "4403011985");
        assertKept(masked, "陈**", "李*", "身份证");
    }

    @Test
    void salesCustomerRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cust_no", "S-001");
        row.put("cust_name", "欧阳娜娜");
        row.put("mobile", "+86 138 0013 8000");
        row.put("cert_type", "身份证");
        row.put("cert_no", "11010519850715001x");
        row.put("gender", "女");
        row.put("birthday", LocalDate.parse("1985-07-15"));
        row.put("email", "nana@example.cn");
        row.put("address", "北京市朝阳区建国路88号");
        row.put("updated_at", LocalDateTime.parse("2026-03-01T10:15:30"));
        String masked = PersonalDataMask.mask(InputFormat.SALES_CUSTOMER_ROW, NativeFormats.rowAsJson(row));

        assertHidden(masked, "欧阳娜娜", "+86 138 0013", "11010519850715", "1985-07-15", "nana@", "建国路", "88号");
        assertKept(masked, "\"欧阳**\"", "8000", "001x", "@example.cn", "2026-03-01T10:15:30", "S-001");
    }

    @Test
    void propertyOwnerItem() {
        String masked = PersonalDataMask.mask(InputFormat.PROPERTY_OWNER, """
                {"ownerId":"PM-000123","fullName":"陳美玲","phones":["13800138000","0755-86001234"],
                 "idCard":"440301198507150026","email":"meiling@qq.com",
                 "units":[{"project":"翠湖花园","building":"3栋","unit":"1502","relation":"业主","since":"2019-06-01"}],
                 "arrears":1200.50,"updatedAt":"2026-03-01T10:15:30+08:00"}""");

        assertHidden(masked, "陳美玲", "1380013", "0755-8600", "44030119850715", "meiling@");
        assertKept(masked, "\"陳**\"", "8000\"", "1234\"", "0026\"", "@qq.com", "PM-000123", "\"1502\"", "2019-06-01");
    }

    @Test
    void propertyWorkOrderHasNoPersonalDataAndStaysAsItIs() {
        String order = """
                {"orderId":"WO-000045","ownerId":"PM-000123","type":"维修","description":"厨房漏水",
                 "createdAt":"2026-03-02T09:00:00+08:00","closedAt":null,"rating":4,
                 "updatedAt":"2026-03-02T09:00:00+08:00"}""";

        assertEquals(order, PersonalDataMask.mask(InputFormat.PROPERTY_WORK_ORDER, order));
    }

    @Test
    void membershipEvent() {
        String masked = PersonalDataMask.mask(InputFormat.MEMBERSHIP_XML, """
                <memberEvent xmlns="urn:membership:event:1">
                  <eventId>0b6f2f56-3c1e-4c55-9a8f-1d0b1a2c3d4e</eventId>
                  <type>POINTS_EARNED</type>
                  <occurredAt>2026-03-01T10:15:30+08:00</occurredAt>
                  <member>
                    <memberNo>M00012345</memberNo>
                    <name>张 伟</name>
                    <mobile>+86 138 0013 8000</mobile>
                    <birthday>1985-07-15</birthday>
                    <gender>M</gender>
                    <email>zhangwei@163.com</email>
                    <address>上海市浦东新区世纪大道100号</address>
                    <tier>GOLD</tier>
                  </member>
                  <points delta="120" balance="3400" reason="物业缴费"/>
                </memberEvent>""");

        assertHidden(masked, "张 伟", "138 0013", "1985-07-15", "zhangwei@", "世纪大道");
        assertKept(masked, "<name>张 *</name>", "8000</mobile>", "<birthday>****-**-**</birthday>", "@163.com",
                "<address>***</address>", "<tier>GOLD</tier>", "2026-03-01T10:15:30+08:00", "物业缴费");
    }

    @Test
    void callCenterTicket() {
        String masked = PersonalDataMask.mask(InputFormat.SERVICE_TICKET_JSON, """
                {"ticketId":"T20260301-0001","event":"created",
                 "caller":{"name":"陈先生","phone":"138 0013 8000"},
                 "channel":"phone","category":"complaint","subject":"电梯故障","project":"翠湖花园",
                 "createdAt":"2026-03-01T10:15:30+08:00","closedAt":null,"satisfaction":null}""");

        assertHidden(masked, "陈先生", "138 0013");
        assertKept(masked, "\"陈**\"", "8000\"", "电梯故障", "翠湖花园", "2026-03-01T10:15:30+08:00");
    }

    @Test
    void canonicalRecordWithALatinNameKeepsTheStatedFamilyName() {
        String masked = PersonalDataMask.mask(InputFormat.CANONICAL_JSON, """
                {"source":"crm-legacy","sourceId":"C-77","kind":"PERSON","name":"Zhang Wei",
                 "givenName":"Wei","familyName":"Zhang","phones":["13800138000"],"emails":["zw@example.com"],
                 "idType":"CN_RESIDENT","idNumber":"110105198507150016","birthDate":"1985-07-15",
                 "gender":"M","address":"北京市朝阳区建国路88号","updatedAt":"2026-03-01T02:15:30Z",
                 "contactPerson":"Maria Garcia Lopez"}""");

        assertHidden(masked, "Zhang Wei", "Wei", "1380013", "zw@", "11010519850715", "1985-07-15", "建国路", "Maria", "Garcia");
        assertKept(masked, "\"name\":\"Zhang W.\"", "\"givenName\":\"W.\"", "\"familyName\":\"Zhang\"", "8000\"",
                "@example.com", "0016\"", "\"address\":\"***\"", "\"M. G. Lopez\"", "C-77");
    }

    @Test
    void companyNamesAreNotPersonalData() {
        String masked = PersonalDataMask.mask("{\"name\":\"Harbour Trading Co., Ltd.\",\"fullName\":\"杭州市蓝海文化传播有限公司\"}");

        assertKept(masked, "Harbour Trading Co., Ltd.", "杭州市蓝海文化传播有限公司");
    }

    @Test
    void traditionalCompoundSurnameIsKeptWhole() {
        assertEquals("{\"name\":\"歐陽**\"}", PersonalDataMask.mask("{\"name\":\"歐陽娜娜\"}"));
    }

    @Test
    void aGiantItemIsMaskedInOnePass() {
        String giant = "{\"name\":\"" + "张".repeat(1_000_000) + "\\\"" + "x".repeat(1_000_000) + "\",\"mobile\":\""
                + "a".repeat(1_000_000) + "13800138000\"}";

        String masked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PersonalDataMask.mask(giant));

        assertHidden(masked, "张张", "1380013");
        assertKept(masked, "{\"name\":\"张**", "8000\"}");
    }

    static void assertHidden(String masked, String... secrets) {
        for (String secret : secrets) {
            assertFalse(masked.contains(secret), () -> "'" + secret + "' survives in " + masked);
        }
    }

    static void assertKept(String masked, String... useful) {
        for (String kept : useful) {
            assertTrue(masked.contains(kept), () -> "'" + kept + "' is missing from " + masked);
        }
    }
}
