package io.atrium.connectors.sales;

import io.atrium.connectors.common.InputFormat;
import io.atrium.connectors.common.NativeFormats;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesRowMapperTest {

    @Test
    void customerRowBecomesPartyRecordInChinaTime() {
        PartyRecord party = SalesRowMapper.map(SalesTable.CUSTOMER, customerRow()).getParty();

        assertEquals("sales", party.getSource());
        assertEquals("S-001", party.getSourceId());
        assertEquals(PartyKind.PERSON, party.getKind());
        assertEquals(IdType.CN_RESIDENT, party.getIdType());
        assertEquals("F", party.getGender());
        assertEquals(LocalDate.of(1985, 7, 15), party.getBirthDate());
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), party.getUpdatedAt());
    }

    @Test
    void businessLicenceMakesAnOrganization() {
        Map<String, Object> row = companyRow("营业执照");
        PartyRecord party = SalesRowMapper.map(SalesTable.CUSTOMER, row).getParty();
        assertEquals(PartyKind.ORGANIZATION, party.getKind());
        assertEquals(IdType.USCC, party.getIdType());
        assertNull(party.getGender());
        assertTrue(party.getAttributes().isEmpty());
    }

    @Test
    void aCreditCodeFiledAsAResidentIdMakesAnOrganizationAndKeepsTheSourcesWord() {
        PartyRecord party = SalesRowMapper.map(SalesTable.CUSTOMER, companyRow("身份证")).getParty();

        assertEquals(PartyKind.ORGANIZATION, party.getKind());
        assertEquals(IdType.USCC, party.getIdType());
        assertEquals("身份证", party.getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
    }

    @Test
    void aResidentIdFiledAsABusinessLicenceIsAPersonsId() {
        Map<String, Object> row = customerRow();
        row.put("cert_type", "营业执照");
        PartyRecord party = SalesRowMapper.map(SalesTable.CUSTOMER, row).getParty();

        assertEquals(PartyKind.PERSON, party.getKind());
        assertEquals(IdType.CN_RESIDENT, party.getIdType());
        assertEquals("营业执照", party.getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
    }

    @Test
    void contractRowIsAFactOfItsCustomer() {
        CanonicalMessage message = SalesRowMapper.map(SalesTable.CONTRACT, contractRow());

        assertNull(message.getParty());
        PartyFact contract = message.getFacts().get(0);
        assertEquals("HT-9", contract.getFactId());
        assertEquals("S-001", contract.getPartySourceId());
        assertEquals("SIGNED", contract.getData().get("status"));
        assertEquals(new BigDecimal("3650000.00"), contract.getData().get("totalPrice"));
        assertEquals("2026-02-28", contract.getData().get("signDate"));
        assertEquals(Instant.parse("2026-02-27T16:00:00Z"), contract.getOccurredAt());
    }

    @Test
    void aQuarantinedRowReplaysFromItsJsonToTheSameMessage() {
        Map<String, Object> row = contractRow();
        CanonicalMessage replayed = NativeFormats.map(InputFormat.SALES_CONTRACT_ROW, NativeFormats.rowAsJson(row), "sales_contract contract_no=HT-9");
        PartyFact original = SalesRowMapper.map(SalesTable.CONTRACT, row).getFacts().get(0);
        PartyFact again = replayed.getFacts().get(0);
        assertEquals(original.getData().keySet(), again.getData().keySet());
        assertEquals(original.getUpdatedAt(), again.getUpdatedAt());
        assertEquals(original.getOccurredAt(), again.getOccurredAt());
        assertEquals(0, ((BigDecimal) original.getData().get("totalPrice"))
                .compareTo(new BigDecimal(again.getData().get("totalPrice").toString())));
    }

    @Test
    void badRowsNameTheirProblem() {
        Map<String, Object> noName = customerRow();
        noName.put("cust_name", " ");
        assertEquals("cust_name is empty", assertThrows(InvalidRecordException.class,
                () -> SalesRowMapper.map(SalesTable.CUSTOMER, noName)).getMessage());
        Map<String, Object> badStatus = contractRow();
        badStatus.put("status", "作废");
        assertThrows(InvalidRecordException.class, () -> SalesRowMapper.map(SalesTable.CONTRACT, badStatus));
    }

    private static Map<String, Object> customerRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("cust_no", "S-001");
        row.put("cust_name", "陈美玲");
        row.put("mobile", "13800138000");
        row.put("cert_type", "身份证");
        row.put("cert_no", "440301198507150026");
        row.put("gender", "女");
        row.put("birthday", java.sql.Date.valueOf("1985-07-15"));
        row.put("updated_at", LocalDateTime.parse("2026-03-01T10:15:30"));
        return row;
    }

    private static Map<String, Object> companyRow(String certificateType) {
        Map<String, Object> row = customerRow();
        row.put("cust_name", "杭州市蓝海文化传播有限公司");
        row.put("cert_type", certificateType);
        row.put("cert_no", "91330100MA2CFL4X7N");
        row.put("gender", null);
        row.put("birthday", null);
        return row;
    }

    private static Map<String, Object> contractRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("contract_no", "HT-9");
        row.put("cust_no", "S-001");
        row.put("project_name", "翠湖花园");
        row.put("unit_code", "3-1502");
        row.put("area_sqm", new BigDecimal("89.50"));
        row.put("total_price", new BigDecimal("3650000.00"));
        row.put("status", "签约");
        row.put("sign_date", LocalDate.of(2026, 2, 28));
        row.put("updated_at", LocalDateTime.parse("2026-03-01T10:15:30"));
        return row;
    }
}
