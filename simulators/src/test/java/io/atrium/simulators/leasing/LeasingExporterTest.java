package io.atrium.simulators.leasing;

import io.atrium.simulators.Ledger;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeasingExporterTest {

    private static final Population POPULATION = Script.CHINESE.generate(3, 1500);
    private static final DateTimeFormatter LEASE_DATE = DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT);

    private static boolean isDate(String text) {
        try {
            LEASE_DATE.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @TempDir
    Path directory;

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    @Test
    void fileIsGbkWithCrlfHeaderQuotedRentAndDoneMarker() throws IOException {
        Path file = new LeasingExporter(directory, POPULATION, 1, 0, 100).export(300);
        assertTrue(file.getFileName().toString().matches("tenants_\\d{14}\\.csv"));
        Path done = directory.resolve(file.getFileName() + ".done");
        assertTrue(Files.exists(done));
        assertEquals(0, Files.size(done));

        byte[] bytes = Files.readAllBytes(file);
        byte[] header = (String.join(",", LeasingExporter.HEADER) + "\r\n").getBytes(LeasingExporter.GBK);
        byte[] start = new byte[header.length];
        System.arraycopy(bytes, 0, start, 0, header.length);
        assertArrayEquals(header, start, "header row in GBK");
        String text = new String(bytes, LeasingExporter.GBK);
        assertEquals(301, text.split("\r\n", -1).length - 1, "CRLF after the header and each row");
        assertEquals(text.split("\r\n", -1).length - 1, text.split("\n", -1).length - 1, "no bare LF");

        List<CSVRecord> rows = parse(text).subList(1, 301);
        assertTrue(rows.stream().allMatch(row -> row.size() == 15));
        assertTrue(rows.stream().allMatch(row -> isDate(row.get(11)) && isDate(row.get(12))));
        assertTrue(rows.stream().allMatch(row -> !row.get(2).isEmpty()));
        assertTrue(text.matches("(?s).*,\"\\d{1,3}(,\\d{3})+\\.\\d{2}\",.*"), "rent with a thousands separator is quoted");
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("企业") && !row.get(3).isEmpty()), "company with contact person");
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("个人") && row.get(3).isEmpty()));
        Set<String> statuses = new HashSet<>();
        rows.forEach(row -> statuses.add(row.get(14)));
        assertTrue(Set.of("执行中", "已到期", "已退租").containsAll(statuses));
    }

    @Test
    void filesInTheSameSecondGetDistinctNames() throws IOException {
        LeasingExporter exporter = new LeasingExporter(directory, POPULATION, 2, 0, 100);
        for (int i = 0; i < 3; i++) {
            exporter.export(5);
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(6, files.count(), "three files, three markers");
        }
    }

    @Test
    void brokenRowsAreBrokenInOneOfTheKnownWays() throws IOException {
        LeasingExporter exporter = new LeasingExporter(directory, POPULATION, 3, 1.0, 100);
        Path file = exporter.export(200);
        List<CSVRecord> rows = parse(Files.readString(file, LeasingExporter.GBK)).subList(1, 201);
        for (CSVRecord row : rows) {
            boolean wrongColumns = row.size() != 15;
            boolean badDate = !wrongColumns && !isDate(row.get(11));
            boolean noName = !wrongColumns && row.get(2).isEmpty();
            assertTrue(wrongColumns || badDate || noName, "row " + row.getRecordNumber() + " is not broken");
        }
        assertEquals(200, exporter.brokenRows());
    }

    @Test
    void ledgerNamesEachGoodRowsTenantAndLeaseAndEachBrokenRowsLine() throws IOException {
        List<String> ledger = new CopyOnWriteArrayList<>();
        LeasingExporter exporter = new LeasingExporter(directory, POPULATION, 4, 0.2, 100,
                (source, kind, type, id) -> ledger.add(source + " " + kind + " " + type + " " + id));
        Path file = exporter.export(300);
        List<CSVRecord> rows = parse(Files.readString(file, LeasingExporter.GBK));
        Set<String> expected = new HashSet<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            if (row.size() != 15 || !isDate(row.get(11)) || row.get(2).isEmpty()) {
                expected.add("leasing BROKEN row " + file.getFileName() + " line " + row.getRecordNumber());
            } else {
                expected.add("leasing RECORD null " + row.get(0));
                expected.add("leasing FACT LEASE " + row.get(8));
            }
        }
        assertEquals(expected, new HashSet<>(ledger));
        assertEquals(exporter.brokenRows(), ledger.stream().filter(line -> line.contains(" " + Ledger.Kind.BROKEN + " ")).count());
        assertTrue(exporter.brokenRows() > 0);
    }

    @Test
    void anExportDroppedAgainIsTheSameFileUnderTheNextNameAndTheLedgerCountsItsRowsAsDuplicates() throws IOException {
        List<String> ledger = new CopyOnWriteArrayList<>();
        LeasingExporter exporter = new LeasingExporter(directory, POPULATION, 5, 0.1, 100,
                (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id), new LeasingExporter.Deliveries(1.0, 0, 0, 0));
        Path first = exporter.export(100);
        List<Path> exports;
        try (Stream<Path> files = Files.list(directory)) {
            exports = files.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
        }
        assertEquals(2, exports.size());
        assertEquals(first, exports.get(0));
        Path again = exports.get(1);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again));
        assertTrue(Files.exists(directory.resolve(again.getFileName() + ".done")));
        long good = ledger.stream().filter(line -> line.startsWith("RECORD ")).count();
        assertEquals(good, ledger.stream().filter(line -> line.startsWith("DUPLICATE record ")).count());
        assertEquals(good, ledger.stream().filter(line -> line.startsWith("DUPLICATE LEASE ")).count());
        long broken = exporter.brokenRows();
        assertTrue(broken > 0);
        assertEquals(broken, ledger.stream().filter(line -> line.startsWith("BROKEN row " + again.getFileName() + " ")).count(),
                "a broken row delivered again is a broken input again, at its new position");
        assertEquals("dropped again 1, rows repeated 0, written slowly 0", exporter.status());
    }

    @Test
    void rowsOfThePreviousExportAreRepeatedAheadOfTheNextOnesRows() throws IOException {
        List<String> ledger = new CopyOnWriteArrayList<>();
        LeasingExporter exporter = new LeasingExporter(directory, POPULATION, 6, 0, 100,
                (source, kind, type, id) -> ledger.add(kind + " " + type + " " + id), new LeasingExporter.Deliveries(0, 1.0, 0, 0));
        List<CSVRecord> first = parse(Files.readString(exporter.export(40), LeasingExporter.GBK));
        List<CSVRecord> second = parse(Files.readString(exporter.export(40), LeasingExporter.GBK));
        assertEquals(1 + 40 + 40, second.size());
        for (int i = 1; i <= 40; i++) {
            assertEquals(first.get(i).toList(), second.get(i).toList());
        }
        assertEquals(40, ledger.stream().filter(line -> line.startsWith("DUPLICATE LEASE ")).count());
        assertEquals(80, ledger.stream().filter(line -> line.startsWith("FACT LEASE ")).count());
    }

    @Test
    void aSlowExportIsSeenHalfWrittenAndWithoutItsMarker() throws Exception {
        LeasingExporter exporter = new LeasingExporter(directory, POPULATION, 7, 0, 100, Ledger.NONE,
                new LeasingExporter.Deliveries(0, 0, 1.0, 400));
        java.util.concurrent.CompletableFuture<Path> export = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return exporter.export(200);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path file = null;
        while (file == null) {
            try (Stream<Path> files = Files.list(directory)) {
                file = files.filter(path -> path.toString().endsWith(".csv")).findFirst().orElse(null);
            }
        }
        Thread.sleep(150);
        assertTrue(!Files.exists(directory.resolve(file.getFileName() + ".done")), "no marker while the file is written");
        long halfWritten = parse(Files.readString(file, LeasingExporter.GBK)).size();
        assertTrue(halfWritten > 1 && halfWritten < 201, "rows seen while it is written: " + halfWritten);
        assertEquals(file, export.join());
        assertEquals(201, parse(Files.readString(file, LeasingExporter.GBK)).size());
        assertTrue(Files.exists(directory.resolve(file.getFileName() + ".done")));
    }
}
