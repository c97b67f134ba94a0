package io.atrium.simulators;

import io.atrium.simulators.labeled.LabeledExport;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Script;

import java.nio.file.Path;
import java.util.Locale;

/** Entry point: `population`, `demo`, `leasing-files`, `membership-flood`; see the module's README. */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: java -jar atrium-simulators.jar <command> [--option value ...] [--config FILE]
              population --seed N --persons N --script chinese|latin --output FILE [--records MAX]
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Options options = Options.parse(args, 1);
        switch (args[0]) {
            case "population" -> population(options);
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void population(Options options) throws Exception {
        Script script = Script.valueOf(options.get("script", "chinese").toUpperCase(Locale.ROOT));
        long started = System.nanoTime();
        Population population = script.generate(options.getLong("seed", 1), options.getInt("persons", 10_000));
        long records = LabeledExport.write(population, Path.of(options.get("output", "labeled-" + script.name().toLowerCase() + ".jsonl")),
                options.getLong("records", Long.MAX_VALUE));
        System.out.printf("%d persons, %d companies, %d labeled records in %.1f s%n", population.persons().size(),
                population.companies().size(), records, (System.nanoTime() - started) / 1e9);
    }
}
