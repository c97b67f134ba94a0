package io.atrium.hub.quality;

import io.atrium.client.QualityReport;
import io.atrium.client.QualityReport.SourceQuality;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QualityReportSharesTest {

    @Test
    void sharesAreOfTheAssessedRecordsBirthDatesOfPersonsAndQuarantineOfAllDelivered() {
        // 10 records, 2 stored before quality was kept, 6 persons among the 8 assessed; 2 quarantined items
        SourceQuality figures = new SourceQuality("crm", 10, 2, 6, 8, 4, 2, 3, 6, 1, 2, 1, 9, 1, 0, 1, 0, 0, 2, 1, List.of());
        QualityReport.Shares shares = figures.shares();
        assertEquals(1.0, shares.name());
        assertEquals(0.5, shares.validPhone());
        assertEquals(0.25, shares.validIdNumber());
        assertEquals(0.5, shares.birthDate(), "3 of 6 persons");
        assertEquals(1.0, shares.gender());
        assertEquals(0.125, shares.email());
        assertEquals(0.25, shares.invalidIdNumber());
        assertEquals(0.125, shares.invalidPhone());
        assertEquals(0.1, shares.duplicate(), "1 surplus record of 10");
        assertEquals(0.1667, shares.quarantine(), "2 of the 12 items delivered, to four places");
    }

    @Test
    void nothingToShareIsZeroNotAnError() {
        SourceQuality onlyQuarantined = new SourceQuality("x", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, List.of());
        assertEquals(0.0, onlyQuarantined.shares().name());
        assertEquals(0.0, onlyQuarantined.shares().birthDate());
        assertEquals(1.0, onlyQuarantined.shares().quarantine());
        assertEquals(0.0, new QualityReport.HubQuality(0, 0).inSeveralSystemsShare());
        assertEquals(0.3333, new QualityReport.HubQuality(3, 1).inSeveralSystemsShare());
    }
}
