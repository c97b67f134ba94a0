package io.atrium.connectors.leasing;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.standardize.PartyTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaseRowMapperTest {

    private static final String EXPORT = "tenants_20260301101530.csv";

    @Test
    void personRowWithQuotedRentBecomesTenantAndLease() {
        CanonicalMessage message = LeaseRowMapper.map(
                "L-00017,个人,陳美玲,,138-0013-8000,身份证,440301198507150026,,LC-2024-0031,翠湖花园,3栋1502,2024/3/1,2026/2/28,\"12,500.00\",执行中", EXPORT);

        assertEquals("leasing", message.getParty().getSource());
        assertEquals("L-00017", message.getParty().getSourceId());
        assertEquals(PartyKind.PERSON, message.getParty().getKind());
        assertEquals("陳美玲", message.getParty().getName());
        assertEquals(List.of("138-0013-8000"), message.getParty().getPhones());
        assertEquals(IdType.CN_RESIDENT, message.getParty().getIdType());
        assertEquals("440301198507150026", message.getParty().getIdNumber());
        assertTrue(message.getParty().getEmails().isEmpty());
        assertEquals(List.of("翠湖花园"), message.getParty().projects(), "the lease's project, evidence for the matcher");
        PartyFact lease = message.getFacts().get(0);
        assertEquals("LC-2024-0031", lease.getFactId());
        assertEquals("L-00017", lease.getPartySourceId());
        assertEquals(new BigDecimal("12500.00"), lease.getData().get("monthlyRent"));
        assertEquals("2024-03-01", lease.getData().get("startDate"));
        assertEquals("2026-02-28", lease.getData().get("endDate"));
        assertEquals("ACTIVE", lease.getData().get("status"));
        assertEquals("3栋1502", lease.getData().get("unit"));
    }

    @Test
    void companyRowKeepsItsContactPerson() {
        CanonicalMessage message = LeaseRowMapper.map(
                "L-00018,企业,深圳市翠湖置业有限公司,王芳,0755-86001234,统一社会信用代码,91440300MA5DC12341,,LC-2024-0032,海岸城,A座2001,2024/4/1,2027/3/31,\"88,000.00\",执行中", EXPORT);

        assertEquals(PartyKind.ORGANIZATION, message.getParty().getKind());
        assertEquals(IdType.USCC, message.getParty().getIdType());
        assertEquals("王芳", message.getParty().getAttributes().get("contactPerson"));
    }

    @Test
    void aCompanyFiledAsAPersonWithItsCreditCodeIsAnOrganizationWithItsContact() {
        CanonicalMessage message = LeaseRowMapper.map(
                "L-00019,个人,杭州市蓝海文化传播有限公司,王芳,0571-86001234,身份证,91330100MA2CFL4X7N,,LC-2024-0033,海岸城,A座2002,2024/4/1,2027/3/31,9000,执行中", EXPORT);

        assertEquals(PartyKind.ORGANIZATION, message.getParty().getKind());
        assertEquals(IdType.USCC, message.getParty().getIdType());
        assertEquals("身份证", message.getParty().getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
        assertEquals("PERSON", message.getParty().getAttributes().get(PartyTypes.SOURCE_KIND_ATTRIBUTE));
        assertEquals("王芳", message.getParty().getAttributes().get("contactPerson"));
    }

    @Test
    void brokenRowsAreRejectedWithAReasonThatQuotesNoValue() {
        assertReason("expected 15 columns, found 3", "L-1,个人,张伟");
        assertReason("租户名称 (tenant name) is empty",
                "L-2,个人,,,13800138000,身份证,,,LC-1,翠湖花园,1502,2024/3/1,2025/2/28,3000,执行中");
        assertReason("起租日期 (start date) is not a date in the source's format",
                "L-3,个人,张伟,,13800138000,身份证,,,LC-2,翠湖花园,1502,2024-13-45,2025/2/28,3000,执行中");
        assertReason("到期日期 (end date) is before 起租日期 (start date)",
                "L-4,个人,张伟,,13800138000,身份证,,,LC-3,翠湖花园,1502,2024/3/1,2023/2/28,3000,执行中");
        InvalidRecordException status = assertThrows(InvalidRecordException.class, () -> LeaseRowMapper.map(
                "L-5,个人,张伟,,13800138000,身份证,,,LC-4,翠湖花园,1502,2024/3/1,2025/2/28,3000,unknown", EXPORT));
        assertTrue(status.getMessage().startsWith("合同状态 (lease status) has an unknown value"));
        assertFalse(status.getMessage().contains("张伟"));
        assertReason("not a valid CSV row (unbalanced quotes?)",
                "L-6,个人,张伟,,13800138000,身份证,,,LC-5,翠湖花园,1502,2024/3/1,2025/2/28,\"3,000,执行中");
    }

    @Test
    void theExportTimeInChinaIsTheVersionOfTenantAndLease() {
        CanonicalMessage message = LeaseRowMapper.map("L-7,个人,张伟,,13800138000,,,,LC-6,翠湖花园,1502,2024/3/1,,3000,已退租",
                "tenants_20260301101530.csv line 12");

        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), message.getParty().getUpdatedAt());
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), message.getFacts().get(0).getUpdatedAt());
        assertEquals("the time in the export's name is not a valid date and time", assertThrows(InvalidRecordException.class,
                () -> LeaseRowMapper.map("L-7,个人,张伟,,,,,,LC-6,翠湖花园,1502,2024/3/1,,3000,已退租", "tenants_20260231101530.csv"))
                .getMessage());
    }

    @Test
    void anAbsentEndDateAndIdAreAllowed() {
        CanonicalMessage message = LeaseRowMapper.map("L-7,个人,张伟,,13800138000,,,,LC-6,翠湖花园,1502,2024/3/1,,3000,已退租", EXPORT);
        assertNull(message.getParty().getIdType());
        assertNull(message.getFacts().get(0).getData().get("endDate"));
        assertEquals("TERMINATED", message.getFacts().get(0).getData().get("status"));
    }

    private static void assertReason(String reason, String line) {
        assertEquals(reason, assertThrows(InvalidRecordException.class, () -> LeaseRowMapper.map(line, EXPORT)).getMessage());
    }
}
