package io.atrium.simulators.demo;

import io.atrium.simulators.Ledger;
import io.atrium.simulators.LedgerFile;
import io.atrium.simulators.Options;
import io.atrium.simulators.Simulator;
import io.atrium.simulators.leasing.LeasingExporter;
import io.atrium.simulators.membership.MembershipPublisher;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;
import io.atrium.simulators.property.PropertyApiServer;
import io.atrium.simulators.sales.SalesDatabaseSimulator;
import io.atrium.simulators.service.CallCenterClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The `demo` command: all five source systems at once, each in its own thread, sharing the
 * total rate, until the process is killed. With `--records N` each system makes its share of N
 * changes, then ends its stream (says so in a line starting "stream complete") and keeps
 * serving what it serves; with `--ledger FILE` every item delivered is written there
 * ({@link LedgerFile}) for a drill to compare with what the hub stored. Defaults fit a hub started from the repository
 * root (WildFly unpacked under target/), so that the sales database and the leasing inbox are
 * the ones the hub reads.
 */
public final class DemoRunner {

    static final String WILDFLY_DATA = "./target/wildfly-39.0.1.Final/standalone/data";
    private static final long STATUS_EVERY_MS = 10_000;

    private DemoRunner() {
    }

    public static void run(Options options) throws InterruptedException, IOException {
        long seed = options.getLong("seed", 1);
        Population population = Script.CHINESE.generate(seed, options.getInt("persons", 20_000));
        String ledgerPath = options.get("ledger", "");
        LedgerFile ledgerFile = ledgerPath.isEmpty() ? null : new LedgerFile(Path.of(ledgerPath));
        Map<String, Callable<Simulator>> all = factories(options, population, seed, ledgerFile == null ? Ledger.NONE : ledgerFile);
        Set<String> chosen = Set.of(options.get("simulators", String.join(",", all.keySet())).split("\\s*,\\s*"));
        if (!all.keySet().containsAll(chosen)) {
            throw new IllegalArgumentException("--simulators takes a comma list of " + String.join(",", all.keySet()));
        }
        double rate = options.getDouble("rate", 10);
        long records = options.getLong("records", 0);
        List<PacedRunner> runners = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        all.forEach((name, factory) -> {
            if (chosen.contains(name)) {
                PacedRunner runner = new PacedRunner(name, factory, rate / chosen.size(),
                        records > 0 ? records / chosen.size() : Long.MAX_VALUE);
                runners.add(runner);
                Thread thread = new Thread(runner, "simulator-" + name);
                thread.setDaemon(true);
                threads.add(thread);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            threads.forEach(Thread::interrupt);
            if (ledgerFile != null) {
                closeAfter(threads, ledgerFile);
            }
        }));
        System.out.printf("demo: %d persons, %d companies; %d simulators at %.1f records/s in total%n", population.persons().size(),
                population.companies().size(), runners.size(), rate);
        threads.forEach(Thread::start);
        boolean complete = false;
        while (true) {
            Thread.sleep(STATUS_EVERY_MS);
            String status = runners.stream().map(PacedRunner::status).collect(Collectors.joining(", "));
            System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + status);
            if (!complete && runners.stream().allMatch(PacedRunner::streamEnded)) {
                complete = true;
                System.out.println("stream complete: " + status);
            }
        }
    }

    /** Closes the ledger once the simulators' threads have stopped writing to it (5 s at most each). */
    private static void closeAfter(List<Thread> threads, LedgerFile ledger) {
        try {
            for (Thread thread : threads) {
                thread.join(5_000);
            }
            ledger.close();
        } catch (InterruptedException | IOException e) {
            System.err.println("the ledger may be incomplete: " + e.getClass().getSimpleName());
        }
    }

    private static Map<String, Callable<Simulator>> factories(Options options, Population population, long seed, Ledger ledger) {
        Map<String, Callable<Simulator>> factories = new LinkedHashMap<>();
        factories.put("sales", () -> new SalesDatabaseSimulator(
                options.get("sales-url", "jdbc:h2:file:" + WILDFLY_DATA + "/sales/sales;AUTO_SERVER=TRUE"),
                options.get("sales-user", "sa"), options.get("sales-password", ""), population, seed, ledger,
                options.getDouble("sales-touch-rate", 0)));
        factories.put("leasing", () -> new LeasingExporter(Path.of(options.get("leasing-dir", WILDFLY_DATA + "/inbox/leasing")),
                population, seed, options.getDouble("broken-row-rate", 0.02), options.getInt("leasing-rows-per-file", 50), ledger,
                new LeasingExporter.Deliveries(options.getDouble("leasing-redrop-rate", 0), options.getDouble("leasing-repeated-row-rate", 0),
                        options.getDouble("leasing-slow-write-rate", 0), options.getLong("leasing-write-pause-ms", 3000))));
        factories.put("property", () -> new PropertyApiServer(propertySettings(options), population, seed, ledger).start());
        factories.put("membership", () -> new MembershipPublisher(membershipSettings(options), population, seed, ledger));
        factories.put("service", () -> new CallCenterClient(new CallCenterClient.Settings(
                options.get("hub", "http://127.0.0.1:8080/hub"), options.get("webhook-secret", "demo-webhook-secret"),
                options.getDouble("invalid-ticket-rate", 0.02), Boolean.parseBoolean(options.get("webhook-timestamps", "false")),
                options.getDouble("ticket-resend-rate", 0)), population, seed, ledger));
        return factories;
    }

    public static PropertyApiServer.Settings propertySettings(Options options) {
        return new PropertyApiServer.Settings(options.getInt("property-port", 8090),
                options.get("property-api-key", "demo-api-key"), options.getInt("property-requests-per-second", 20),
                options.getDouble("property-unavailable-rate", 0.02), options.getDouble("property-broken-item-rate", 0.01),
                options.getInt("property-churn", 1), options.getInt("property-initial-owners", 500),
                options.getDouble("property-throttled-rate", 0), options.getDouble("property-repeat-rate", 0));
    }

    public static MembershipPublisher.Settings membershipSettings(Options options) {
        return new MembershipPublisher.Settings(options.get("membership-url", MembershipPublisher.DEFAULT_URL),
                options.get("membership-user", "membership"), options.get("membership-password", "membership-pass1!"),
                options.get("membership-queue", MembershipPublisher.DEFAULT_QUEUE),
                options.getDouble("duplicate-rate", 0.05), options.getDouble("out-of-order-rate", 0.05));
    }
}
