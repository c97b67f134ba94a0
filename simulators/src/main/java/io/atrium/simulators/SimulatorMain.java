package io.atrium.simulators;

import io.atrium.simulators.demo.DemoRunner;
import io.atrium.simulators.labeled.LabeledExport;
import io.atrium.simulators.leasing.LeasingExporter;
import io.atrium.simulators.membership.MembershipPublisher;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;

import java.nio.file.Path;
import java.util.Locale;

/** Entry point of the simulators' jar; the commands and their options are described in the module's README. */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: java -jar atrium-simulators.jar <command> [--option value ...] [--config FILE]
              population        --seed N --persons N --script chinese|latin --output FILE [--records MAX]
              demo              --hub URL --seed N --rate N --sales-url JDBC --leasing-dir DIR --property-port N
                                --property-api-key KEY --webhook-secret SECRET --membership-url URL [more in README]
              leasing-files     --rows N --dir DIR [--rows-per-file N] [--broken-row-rate R]
              membership-flood  --count N [--membership-url URL --membership-user U --membership-password P]
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Options options = Options.parse(args, 1);
        switch (args[0]) {
            case "population" -> population(options);
            case "demo" -> DemoRunner.run(options);
            case "leasing-files" -> leasingFiles(options);
            case "membership-flood" -> membershipFlood(options);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.print(USAGE);
        System.exit(2);
    }

    private static void population(Options options) throws Exception {
        Script script = Script.valueOf(options.get("script", "chinese").toUpperCase(Locale.ROOT));
        long started = System.nanoTime();
        Population population = script.generate(options.getLong("seed", 1), options.getInt("persons", 10_000));
        long records = LabeledExport.write(population, Path.of(options.get("output", "labeled-" + script.name().toLowerCase(Locale.ROOT) + ".jsonl")),
                options.getLong("records", Long.MAX_VALUE));
        System.out.printf("%d persons, %d companies, %d labeled records in %.1f s%n", population.persons().size(),
                population.companies().size(), records, seconds(started));
    }

    private static void leasingFiles(Options options) throws Exception {
        int rows = options.getInt("rows", 100_000);
        int rowsPerFile = options.getInt("rows-per-file", rows);
        Population population = Script.CHINESE.generate(options.getLong("seed", 1), options.getInt("persons", 20_000));
        LeasingExporter exporter = new LeasingExporter(Path.of(options.get("dir", "leasing-out")), population,
                options.getLong("seed", 1), options.getDouble("broken-row-rate", 0), rowsPerFile);
        long started = System.nanoTime();
        int files = 0;
        for (int written = 0; written < rows; written += rowsPerFile, files++) {
            exporter.export(Math.min(rowsPerFile, rows - written));
        }
        double seconds = seconds(started);
        System.out.printf("%d rows in %d files (%d broken) in %.1f s: %.0f rows/s%n", rows, files, exporter.brokenRows(),
                seconds, rows / seconds);
    }

    private static void membershipFlood(Options options) throws Exception {
        int count = options.getInt("count", 10_000);
        Population population = Script.CHINESE.generate(options.getLong("seed", 1), options.getInt("persons", 20_000));
        try (MembershipPublisher publisher = new MembershipPublisher(DemoRunner.membershipSettings(options), population,
                options.getLong("seed", 1))) {
            long started = System.nanoTime();
            publisher.publish(count);
            double seconds = seconds(started);
            System.out.printf("%d messages (%d duplicates, %d out of order) in %.1f s: %.0f messages/s%n", publisher.sent(),
                    publisher.duplicates(), publisher.reordered(), seconds, publisher.sent() / seconds);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
