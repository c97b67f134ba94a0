package io.atrium.hub.privacy;

import io.atrium.client.CustomerStatus;
import io.atrium.client.CustomerRole;
import io.atrium.client.CustomerSummary;
import io.atrium.client.CustomerView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PersonalDataMasksTest {

    @Test
    void valuesAreMaskedAsTheViewerSeesThem() {
        assertEquals("+86 138****8000", PersonalDataMasks.phone("+8613800138000"));
        assertEquals("+86 755****1234", PersonalDataMasks.phone("+8675586001234"), "a landline keeps its area code's head");
        assertEquals("4403**********0026", PersonalDataMasks.idNumber("440301199001010026"));
        assertEquals("********", PersonalDataMasks.idNumber("E1234567"), "too short to keep both ends");
        assertEquals("张*", PersonalDataMasks.name("张伟"));
        assertEquals("欧阳**", PersonalDataMasks.name("欧阳娜娜"), "a compound surname is kept whole");
        assertEquals("W. Zhang", PersonalDataMasks.name("Wei Zhang"));
        assertEquals("深圳万科物业服务有限公司", PersonalDataMasks.name("深圳万科物业服务有限公司"), "a company name is no personal data");
        assertEquals("z***@example.com", PersonalDataMasks.email("zhang.wei@example.com"));
        assertEquals("广东省深圳市***", PersonalDataMasks.address("广东省深圳市南山区科技园路1号"));
        assertEquals("No***", PersonalDataMasks.address("No. 8"), "a short address keeps at most half");
        assertEquals("1984-**-**", PersonalDataMasks.birthDate("1984-05-06"));
    }

    @Test
    void aSearchSummaryIsMaskedAsTheViewIs() {
        CustomerSummary masked = PersonalDataMasks.customerSummary(new CustomerSummary("C-1", "PERSON", "张伟", "M", "1990-01-01",
                "CN_RESIDENT", "440301199001010026", "+8613800138000", "zw@example.com"));

        assertEquals(new CustomerSummary("C-1", "PERSON", "张*", "M", "1990-**-**", "CN_RESIDENT", "4403**********0026",
                "+86 138****8000", "z***@example.com"), masked);
        assertEquals(new CustomerSummary("C-2", "PERSON", "W. Zhang", null, null, null, null, null, null),
                PersonalDataMasks.customerSummary(new CustomerSummary("C-2", "PERSON", "Wei Zhang", null, null, null, null, null, null)),
                "fields no record states stay empty");
    }

    @Test
    void theWholeViewIsMaskedAndItsLineageKept() {
        Map<String, CustomerView.GoldenValue> golden = new LinkedHashMap<>();
        golden.put("name", new CustomerView.GoldenValue("张伟", "sales", "S-1"));
        golden.put("idNumber", new CustomerView.GoldenValue("440301199001010026", "sales", "S-1"));
        golden.put("idType", new CustomerView.GoldenValue("CN_RESIDENT", "sales", "S-1"));
        golden.put("phone", new CustomerView.GoldenValue("+8613800138000", "leasing", "L-1"));
        golden.put("gender", new CustomerView.GoldenValue("M", "sales", "S-1"));
        CustomerView.FactView ticket = new CustomerView.FactView("TICKET", "service", "T-1", "S-9", Instant.EPOCH, Instant.EPOCH,
                Map.of("subject", "call back on 13800138000", "satisfaction", 5));
        CustomerView whole = new CustomerView("C-1", CustomerStatus.ACTIVE, null, "PERSON", golden,
                List.of(new CustomerView.GoldenValue("+8613800138000", "leasing", "L-1"),
                        new CustomerView.GoldenValue("+8613900139000", "sales", "S-1")),
                List.of(new CustomerView.GoldenValue("zw@example.com", "sales", "S-1")),
                List.of(new CustomerView.SourceRecordRef("sales", "S-1", Instant.EPOCH)), List.of(ticket), Instant.EPOCH, Instant.EPOCH,
                "next-page", List.of(CustomerRole.CALLER), null);

        CustomerView masked = PersonalDataMasks.customerView(whole);

        assertEquals("张*", masked.golden().get("name").value());
        assertEquals("sales", masked.golden().get("name").source(), "lineage stays");
        assertEquals("4403**********0026", masked.golden().get("idNumber").value());
        assertEquals("CN_RESIDENT", masked.golden().get("idType").value());
        assertEquals("M", masked.golden().get("gender").value());
        assertEquals(List.of("+86 138****8000", "+86 139****9000"), masked.phones().stream().map(CustomerView.GoldenValue::value).toList());
        assertEquals("z***@example.com", masked.emails().get(0).value());
        assertEquals(5, masked.timeline().get(0).data().get("satisfaction"));
        assertFalse(masked.timeline().get(0).data().get("subject").toString().contains("13800138000"), "a phone in free text is masked");
        assertEquals(whole.sourceRecords(), masked.sourceRecords());
        assertEquals("next-page", masked.timelineNext());
        assertEquals(List.of(CustomerRole.CALLER), masked.roles());
        assertEquals(whole.id(), masked.id());
    }
}
