package io.atrium.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Tools of bench/incremental.sh: {@code prepare} splits a population into the records to seed, to post and to
 * time end to end; {@code seed} loads a hub database with the resolved seed records; {@code post} feeds records
 * through the hub's ingest API and prints the resolver's figures; {@code paced} posts at a fixed rate and
 * times each record from its post to its change event, taken from the change-event topic or the changes feed;
 * {@code e2e} times single records from the ingest API to the customer view; {@code tickets} streams complaint tickets of seeded persons through the signed
 * ticket webhook at a fixed rate (facts, for the live value refresh's latency); {@code lookups} times REST lookups by phone, ID number and name; {@code pages} times what each console page asks the API for. Nothing personal
 * is printed: counts and timings only.
 */
public final class BenchMain {

    private static final String USAGE = """
            usage: atrium-bench prepare --input population.jsonl --seed N --post N --e2e N --dir DIR
                   atrium-bench seed    --input seed.jsonl --url JDBC --user U --password P
                   atrium-bench post    --input post.jsonl --hub URL --user U --password P [--batch 25] [--rate 50]
                   atrium-bench paced   --input post.jsonl --hub URL --user U --password P [--batch 10] [--rate 500]
                                        [--events topic --broker tcp://HOST:PORT?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor | --events feed]
                   atrium-bench tickets --input seed.jsonl --hub URL --secret S --output sent.csv [--rate 20] [--tickets 2000] [--close-after 3]
                   atrium-bench e2e     --input e2e.jsonl --hub URL --user U --password P
                   atrium-bench lookups --input seed.jsonl --hub URL --user U --password P [--clients 1,16] [--seconds 30] [--keys phone,idNumber,name,session]
                   atrium-bench pages   --input seed.jsonl --hub URL --user U --password P [--customers 200] [--warmup 50]""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        switch (args[0]) {
            case "prepare" -> Prepare.run(options);
            case "seed" -> Seeder.run(options);
            case "post" -> Poster.post(options);
            case "e2e" -> Poster.endToEnd(options);
            case "paced" -> Poster.paced(options);
            case "tickets" -> TicketStream.run(options);
            case "lookups" -> Lookups.run(options);
            case "pages" -> Pages.run(options);
            default -> usage();
        }
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("missing --" + name + "\n" + USAGE);
            System.exit(2);
        }
        return value;
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }
}
