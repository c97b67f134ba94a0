package io.atrium.simulators.leasing;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.Ledger;
import io.atrium.simulators.Simulator;
import io.atrium.simulators.feed.SourceFeed;
import io.atrium.simulators.population.ChinesePlaces;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Project;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The leasing system's exports (section 2 of the source formats): `tenants_YYYYMMDDHHMMSS.csv`
 * in GBK with CRLF, then the empty `.done` marker once the file is complete. A configurable
 * share of rows is broken the way real exports are: a wrong column count, a bad date, an
 * empty name. {@link Deliveries} adds what a real exporter does on a bad day: an export dropped a
 * second time under the next name, rows of the previous export repeated in the next, and an export
 * written slowly (half of it, a pause, the rest, a pause, then the marker), so that a poller finds
 * it half-written and without its marker.
 */
public final class LeasingExporter implements Simulator {

    public static final Charset GBK = Charset.forName("GBK");
    public static final List<String> HEADER = List.of("租户编号", "租户类型", "租户名称", "联系人", "联系电话", "证件类型", "证件号码",
            "电子邮箱", "合同编号", "项目", "单元", "起租日期", "到期日期", "月租金", "合同状态");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter LEASE_DATE = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final ZoneId LEASING_TIME = ZoneId.of("Asia/Shanghai");
    private static final Map<IdType, String> CERT_TYPES = Map.of(
            IdType.CN_RESIDENT, "身份证", IdType.PASSPORT, "护照", IdType.HK_MACAU_PERMIT, "港澳通行证", IdType.USCC, "统一社会信用代码");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    private static final double SECOND_LEASE = 0.1;
    private static final int TENANT_ID = 0;
    private static final int LEASE_NUMBER = 8;
    /** The hub's fact type of a lease row. */
    private static final String LEASE_FACT = "LEASE";

    /** One CSV row, whether it was broken on purpose, and whether an earlier export had it already. */
    private record LeaseRow(List<String> fields, boolean broken, boolean repeated) {

        LeaseRow again() {
            return new LeaseRow(fields, broken, true);
        }
    }

    /**
     * redropRate: share of exports copied once more under the next name; repeatedRowRate: share of the previous
     * export's rows written again in the next; slowWriteRate: share of exports written in two halves with
     * writePauseMillis before the second half and again before the `.done` marker.
     */
    public record Deliveries(double redropRate, double repeatedRowRate, double slowWriteRate, long writePauseMillis) {
        public static final Deliveries NORMAL = new Deliveries(0, 0, 0, 0);
    }

    private final Path directory;
    private final SourceFeed tenants;
    private final Random random;
    private final double brokenRowRate;
    private final int rowsPerFile;
    private final Ledger ledger;
    private final Deliveries deliveries;
    private final List<LeaseRow> pending = new ArrayList<>();
    private List<LeaseRow> previousExport = List.of();
    private long redropped;
    private long repeatedRows;
    private long slowWrites;
    private LocalDateTime lastFileTime = LocalDateTime.MIN;
    private long leases;
    private long brokenRows;

    /** rowsPerFile: how many changed leases the demo collects before it exports a file. */
    public LeasingExporter(Path directory, Population population, long seed, double brokenRowRate, int rowsPerFile) throws IOException {
        this(directory, population, seed, brokenRowRate, rowsPerFile, Ledger.NONE);
    }

    public LeasingExporter(Path directory, Population population, long seed, double brokenRowRate, int rowsPerFile, Ledger ledger)
            throws IOException {
        this(directory, population, seed, brokenRowRate, rowsPerFile, ledger, Deliveries.NORMAL);
    }

    public LeasingExporter(Path directory, Population population, long seed, double brokenRowRate, int rowsPerFile, Ledger ledger,
                           Deliveries deliveries) throws IOException {
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.directory = Files.createDirectories(directory);
        this.random = new Random(seed);
        this.tenants = new SourceFeed(population, "leasing", random);
        this.brokenRowRate = brokenRowRate;
        this.rowsPerFile = rowsPerFile;
    }

    @Override
    public String name() {
        return "leasing";
    }

    /** One changed lease; every rowsPerFile of them are exported as one file. */
    @Override
    public void step() throws IOException {
        pending.addAll(leaseRows(tenants.next(null)));
        if (pending.size() >= rowsPerFile) {
            flush();
        }
    }

    /** The rows collected so far go out as one last file. */
    @Override
    public void endOfStream() throws IOException {
        flush();
    }

    /** Writes the collected rows, if any, as one export file. */
    public void flush() throws IOException {
        if (!pending.isEmpty()) {
            writeFile(pending);
            pending.clear();
        }
    }

    /** Exports the given number of lease rows as one file and returns it. */
    public Path export(int rows) throws IOException {
        List<LeaseRow> lines = new ArrayList<>(rows);
        while (lines.size() < rows) {
            for (LeaseRow row : leaseRows(tenants.next(null))) {
                if (lines.size() < rows) {
                    lines.add(row);
                }
            }
        }
        return writeFile(lines);
    }

    public long brokenRows() {
        return brokenRows;
    }

    @Override
    public String status() {
        return deliveries.redropRate() == 0 && deliveries.repeatedRowRate() == 0 && deliveries.slowWriteRate() == 0 ? ""
                : "dropped again " + redropped + ", rows repeated " + repeatedRows + ", written slowly " + slowWrites;
    }

    private Path writeFile(List<LeaseRow> fresh) throws IOException {
        // repeated rows first: a tenant's fresh row, if any, comes after its older one, as in the source
        List<LeaseRow> rows = new ArrayList<>();
        for (LeaseRow row : previousExport) {
            if (deliveries.repeatedRowRate() > 0 && random.nextDouble() < deliveries.repeatedRowRate()) {
                rows.add(row.again());
                repeatedRows++;
            }
        }
        rows.addAll(fresh);
        Path file = write(rows, deliveries.slowWriteRate() > 0 && random.nextDouble() < deliveries.slowWriteRate());
        if (deliveries.redropRate() > 0 && random.nextDouble() < deliveries.redropRate()) {
            write(rows.stream().map(LeaseRow::again).toList(), false);
            redropped++;
        }
        previousExport = List.copyOf(fresh);
        return file;
    }

    /** One export file, then its marker; slowly: half the rows, a pause, the rest, a pause, the marker. */
    private Path write(List<LeaseRow> rows, boolean slowly) throws IOException {
        Path file = nextFile();
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), GBK);
             CSVPrinter csv = new CSVPrinter(out, CSV)) {
            csv.printRecord(HEADER);
            for (int i = 0; i < rows.size(); i++) {
                if (slowly && i == rows.size() / 2) {
                    csv.flush();
                    pause();
                }
                csv.printRecord(rows.get(i).fields());
            }
        }
        if (slowly) {
            slowWrites++;
            pause();
        }
        // the marker tells the hub that the file is complete, so it comes only after the close
        Files.createFile(directory.resolve(file.getFileName() + ".done"));
        for (int i = 0; i < rows.size(); i++) {
            LeaseRow row = rows.get(i);
            if (row.broken()) {
                // line numbers count the header, as a person opening the file would; a broken row sent again is quarantined again
                ledger.broken(name(), "row", file.getFileName() + " line " + (i + 2));
            } else if (row.repeated()) {
                ledger.duplicate(name(), "record", row.fields().get(TENANT_ID));
                ledger.duplicate(name(), LEASE_FACT, row.fields().get(LEASE_NUMBER));
            } else {
                ledger.record(name(), row.fields().get(TENANT_ID));
                ledger.fact(name(), LEASE_FACT, row.fields().get(LEASE_NUMBER));
            }
        }
        return file;
    }

    private void pause() throws InterruptedIOException {
        try {
            Thread.sleep(deliveries.writePauseMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while writing an export slowly");
        }
    }

    /** A name no earlier export used: the clock's second, or the second after the last file's. */
    private Path nextFile() {
        LocalDateTime time = LocalDateTime.now(LEASING_TIME).withNano(0);
        if (!time.isAfter(lastFileTime)) {
            time = lastFileTime.plusSeconds(1);
        }
        Path file = directory.resolve("tenants_" + FILE_TIME.format(time) + ".csv");
        while (Files.exists(file)) {
            time = time.plusSeconds(1);
            file = directory.resolve("tenants_" + FILE_TIME.format(time) + ".csv");
        }
        lastFileTime = time;
        return file;
    }

    /** A tenant's changed lease, now and then two: a tenant with two leases has two rows. */
    private List<LeaseRow> leaseRows(PartyRecord tenant) {
        return random.nextDouble() < SECOND_LEASE ? List.of(leaseRow(tenant), leaseRow(tenant)) : List.of(leaseRow(tenant));
    }

    private LeaseRow leaseRow(PartyRecord tenant) {
        boolean company = tenant.getKind() == PartyKind.ORGANIZATION;
        List<Project> projects = company ? ChinesePlaces.commercialProjects() : ChinesePlaces.residentialProjects();
        Project project = projects.get(random.nextInt(projects.size()));
        LocalDate start = LocalDate.now(LEASING_TIME).minusDays(random.nextInt(3 * 365)).withDayOfMonth(1);
        LocalDate end = start.plusYears(1 + random.nextInt(3)).minusDays(1);
        BigDecimal rent = BigDecimal.valueOf(company ? 20_000 + random.nextInt(130_000) : 2_500 + random.nextInt(22_500))
                .add(BigDecimal.valueOf(random.nextInt(2) * 50));
        String status = random.nextDouble() < 0.1 ? "已退租" : end.isBefore(LocalDate.now(LEASING_TIME)) ? "已到期" : "执行中";
        List<String> row = new ArrayList<>(List.of(
                tenant.getSourceId(),
                company ? "企业" : "个人",
                tenant.getName(),
                company ? String.valueOf(tenant.getAttributes().getOrDefault("contactName", "")) : "",
                tenant.getPhones().isEmpty() ? "" : tenant.getPhones().get(0),
                tenant.getIdType() == null ? "" : CERT_TYPES.get(tenant.getIdType()),
                tenant.getIdNumber() == null ? "" : tenant.getIdNumber(),
                tenant.getEmails().isEmpty() ? "" : tenant.getEmails().get(0),
                String.format("LC-%d-%04d", start.getYear(), ++leases),
                project.name(),
                project.building(1 + random.nextInt(project.commercial() ? 4 : 12)) + ChinesePlaces.room(random),
                LEASE_DATE.format(start),
                LEASE_DATE.format(end),
                rent(rent),
                status));
        if (random.nextDouble() < brokenRowRate) {
            brokenRows++;
            return new LeaseRow(broken(row), true, false);
        }
        return new LeaseRow(row, false, false);
    }

    /** Mostly "12,500.00"; some exports write the plain number. */
    private String rent(BigDecimal rent) {
        DecimalFormat format = new DecimalFormat(random.nextDouble() < 0.85 ? "#,##0.00" : "0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(rent);
    }

    private List<String> broken(List<String> row) {
        List<String> broken = new ArrayList<>(row);
        switch (random.nextInt(4)) {
            case 0 -> broken.remove(broken.size() - 1);
            case 1 -> broken.add("备注");
            case 2 -> broken.set(11, random.nextBoolean() ? "2024/13/45" : "2024-02-30");
            default -> broken.set(2, "");
        }
        return broken;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
