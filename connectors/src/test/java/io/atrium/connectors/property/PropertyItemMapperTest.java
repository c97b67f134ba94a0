package io.atrium.connectors.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.FactType;
import io.atrium.resolution.model.InvalidRecordException;
import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyFact;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.standardize.PartyTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PropertyItemMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ownerBringsUnitsAndArrears() throws Exception {
        CanonicalMessage message = PropertyItemMapper.map(PropertyEndpoint.OWNERS, JSON.readTree("""
                {"ownerId":"PM-000123","fullName":"陳美玲","phones":["13800138000","0755-86001234"],
                 "idCard":"440301198507150026","email":null,
                 "units":[{"project":"翠湖花园","building":"3栋","unit":"1502","relation":"业主","since":"2019-06-01"},
                          {"project":"华润城","building":"1栋","unit":"801","relation":"租户"},
                          {"project":"翠湖花园","building":"5栋","unit":"302","relation":"业主"}],
                 "arrears":1200.50,"updatedAt":"2026-03-01T10:15:30+08:00"}"""));

        assertEquals("PM-000123", message.getParty().getSourceId());
        assertEquals(List.of("13800138000", "0755-86001234"), message.getParty().getPhones());
        assertEquals(Instant.parse("2026-03-01T02:15:30Z"), message.getParty().getUpdatedAt());
        assertEquals(List.of("翠湖花园", "华润城"), message.getParty().projects(), "each project of its units once");
        PartyFact unit = message.getFacts().get(0);
        assertEquals(FactType.UNIT, unit.getType());
        assertEquals("OWNER", unit.getData().get("relation"));
        assertEquals("PM-000123/翠湖花园/3栋/1502", unit.getFactId());
        PartyFact arrears = message.getFacts().get(3);
        assertEquals(FactType.ARREARS, arrears.getType());
        assertEquals(0, new BigDecimal("1200.50").compareTo((BigDecimal) arrears.getData().get("amount")));
    }

    @Test
    void aCompanyOwnerWithItsCreditCodeInIdCardIsAnOrganization() throws Exception {
        PartyRecord owner = PropertyItemMapper.map(PropertyEndpoint.OWNERS, JSON.readTree("""
                {"ownerId":"PM-000124","fullName":"杭州市蓝海文化传播有限公司","phones":["0571-86001234"],
                 "idCard":"91330100MA2CFL4X7N","units":[],"arrears":0,"updatedAt":"2026-03-01T10:15:30+08:00"}""")).getParty();

        assertEquals(PartyKind.ORGANIZATION, owner.getKind());
        assertEquals(IdType.USCC, owner.getIdType());
        assertEquals("CN_RESIDENT", owner.getAttributes().get(PartyTypes.SOURCE_ID_TYPE_ATTRIBUTE));
        assertEquals(List.of(), owner.projects(), "no units, no projects");
    }

    @Test
    void aPersonOwnerStaysAPersonAndACompanyWithoutNumberIsKnownByItsName() throws Exception {
        PartyRecord person = PropertyItemMapper.map(PropertyEndpoint.OWNERS, JSON.readTree("""
                {"ownerId":"PM-000125","fullName":"陳美玲","idCard":"440301198507150026","updatedAt":"2026-03-01T10:15:30+08:00"}""")).getParty();
        PartyRecord firm = PropertyItemMapper.map(PropertyEndpoint.OWNERS, JSON.readTree("""
                {"ownerId":"PM-000126","fullName":"北京天元律师事务所","updatedAt":"2026-03-01T10:15:30+08:00"}""")).getParty();

        assertEquals(PartyKind.PERSON, person.getKind());
        assertEquals(IdType.CN_RESIDENT, person.getIdType());
        assertEquals(PartyKind.ORGANIZATION, firm.getKind());
    }

    @Test
    void workOrderIsAFactOfItsOwner() throws Exception {
        PartyFact order = PropertyItemMapper.map(PropertyEndpoint.WORK_ORDERS, JSON.readTree("""
                {"orderId":"WO-000045","ownerId":"PM-000123","type":"维修","description":"厨房漏水",
                 "createdAt":"2026-03-02T09:00:00+08:00","closedAt":null,"rating":4,
                 "updatedAt":"2026-03-02T09:00:00+08:00"}""")).getFacts().get(0);

        assertEquals("PM-000123", order.getPartySourceId());
        assertEquals("REPAIR", order.getData().get("type"));
        assertEquals(4, order.getData().get("rating"));
    }

    @Test
    void brokenItemsAreRejectedWithTheirReason() {
        assertReason(PropertyEndpoint.OWNERS, "{\"fullName\":\"张伟\",\"updatedAt\":\"2026-03-01T10:15:30+08:00\"}", "ownerId is empty");
        assertReason(PropertyEndpoint.OWNERS, "{\"ownerId\":\"PM-1\",\"fullName\":\"张伟\",\"updatedAt\":\"yesterday\"}",
                "updatedAt is not an ISO-8601 date-time with offset");
        assertReason(PropertyEndpoint.OWNERS, "{\"ownerId\":\"PM-1\",\"fullName\":\"张伟\",\"phones\":\"138\",\"updatedAt\":\"2026-03-01T10:15:30+08:00\"}",
                "phones is not an array");
        assertReason(PropertyEndpoint.WORK_ORDERS, "{\"orderId\":\"WO-1\",\"ownerId\":\"PM-1\",\"type\":\"维修\",\"rating\":9,"
                + "\"createdAt\":\"2026-03-02T09:00:00+08:00\",\"updatedAt\":\"2026-03-02T09:00:00+08:00\"}", "rating is not a whole number from 1 to 5");
        assertReason(PropertyEndpoint.WORK_ORDERS, "[1]", "item is not a JSON object");
    }

    private static void assertReason(PropertyEndpoint endpoint, String json, String reason) {
        JsonNode item;
        try {
            item = JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(reason, assertThrows(InvalidRecordException.class, () -> PropertyItemMapper.map(endpoint, item)).getMessage());
    }
}
