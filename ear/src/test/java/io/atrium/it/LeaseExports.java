package io.atrium.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tenants and their leases through the leasing connector's real intake: a GBK export with its {@code .done} marker in
 * the server's inbox. Each export is named a second later than the one before (from five minutes ago, never ahead of the hub's clock), so that a
 * later export is a newer version.
 */
final class LeaseExports {

    private static final Charset GBK = Charset.forName("GBK");
    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LEASING_DATE = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong EXPORTS = new AtomicLong();

    private LeaseExports() {
    }

    /** A personal tenant's row: its lease in the project, from start to end at the monthly rent (a whole number of CNY). */
    static String row(String tenantId, String name, String phone, String leaseNumber, String project, LocalDate start,
                      LocalDate end, long monthlyRent) {
        return tenantId + ",个人," + name + ",," + phone + ",身份证,,," + leaseNumber + "," + project + ",1栋" + Math.floorMod(leaseNumber.hashCode(), 1000)
                + "," + start.format(LEASING_DATE) + "," + end.format(LEASING_DATE) + ",\"" + String.format("%,d.00", monthlyRent)
                + "\",执行中";
    }

    static void drop(List<String> rows) {
        Path inbox = TestData.serverData().resolve("atrium/inbox/leasing");
        String file = "tenants_" + LocalDateTime.now(GROUP_ZONE).minusMinutes(5).plusSeconds(EXPORTS.incrementAndGet()).format(EXPORT_TIME) + ".csv";
        TestData.drop(inbox, file, LeasingFileIT.HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", GBK);
        try {
            Files.createFile(inbox.resolve(file + ".done"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
