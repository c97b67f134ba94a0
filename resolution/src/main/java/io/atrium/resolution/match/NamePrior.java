package io.atrium.resolution.match;

import io.atrium.resolution.blocking.BlockingKey;
import io.atrium.resolution.standardize.PersonNames;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * How common names are before any population was seen: shares of Chinese and Latin surnames and given names
 * from public counts (the {@code name-prior/*.tsv} resources, each naming its source). A small frequency
 * snapshot cannot tell 王芳 from a rare name (every name it holds is there once or twice), so a fresh hub would
 * merge two 王芳 sharing a birth date that the bulk tool, counting its whole load, sends to review.
 *
 * <p>The rule, the same for the bulk tool and the hub so that bulk = incremental holds: a name's (and a
 * surname's) term-frequency adjustment is the snapshot's and the prior's, weighted N : K, where N is the
 * snapshot's population and K = {@value #PRIOR_RECORDS} records, so the prior decides alone at N = 0, weighs
 * half at N = K and one percent at 100,000 records. (K = 10,000 was tried first: it moved the bulk tool's
 * figures on 20,000-record populations, whose own counts already know their common names, by half a point.)
 * Under independence of surname and given name a name's prior share is surname share x given-name share
 * (the commonest reading when a key can be read several ways: either token as the surname, Chinese or
 * Latin), compared with the typical name of its script (the share-weighted mean share). The prior only takes weight away: national counts say surely that
 * 王芳 is common, not that a name they lack is rare among this group's customers (a family, a region), so a
 * name the prior finds rarer than typical is weighed as typical. A value the snapshot has not counted yet
 * (a stale snapshot, a new name) is typical as far as the snapshot can tell. The other fields and block
 * sizes are the snapshot's.
 */
public final class NamePrior {

    /** How many records the prior counts as against the snapshot's population: its job is the cold start. */
    public static final long PRIOR_RECORDS = 1_000;
    /** The scale of the prior's frequencies; only their ratio to the typical one matters to scoring. */
    private static final double REFERENCE_FREQUENCY = 1e-4;
    private static final String UNLISTED = "*";

    private static final List<Script> SCRIPTS = List.of(
            new Script(shares("han-surnames.tsv", PersonNames::surnamePinyin), shares("han-given.tsv", PersonNames::compactPinyin)),
            new Script(shares("latin-surnames.tsv", UnaryOperator.identity()), shares("latin-given.tsv", UnaryOperator.identity())));

    private NamePrior() {
    }

    /** The snapshot's frequencies with the prior blended in by the rule above. */
    public static ValueFrequencies blend(ValueFrequencies snapshot, long population) {
        return new Blended(snapshot, population);
    }

    /**
     * How many times more common than its script's typical name this name key is (sorted tokens as in
     * {@code StandardizedRecord.nameKey}), at least 1; the commonest reading wins.
     */
    static double nameCommonness(String nameKey) {
        String[] tokens = nameKey.split(" ");
        double commonness = 1;
        for (Script script : SCRIPTS) {
            commonness = Math.max(commonness, script.nameCommonness(tokens));
        }
        return commonness;
    }

    static double surnameCommonness(String surname) {
        double commonness = 1;
        for (Script script : SCRIPTS) {
            commonness = Math.max(commonness, script.surnames.share(surname) / script.surnames.typical());
        }
        return commonness;
    }

    /** Shares of one part of names, by romanized token, and the share assumed for a token not listed. */
    private record Shares(Map<String, Double> byToken, double unlisted, double typical) {

        double share(String token) {
            return byToken.getOrDefault(token, unlisted);
        }
    }

    private record Script(Shares surnames, Shares givenNames) {

        /** Either token the surname, the others given names; the typical name's share is the product of the typicals. */
        double nameCommonness(String[] tokens) {
            if (tokens.length == 1) {
                return Math.max(surnames.share(tokens[0]) / surnames.typical(), givenNames.share(tokens[0]) / givenNames.typical());
            }
            double best = 0;
            for (int surname = 0; surname < tokens.length; surname++) {
                double share = surnames.share(tokens[surname]);
                for (int given = 0; given < tokens.length; given++) {
                    share *= given == surname ? 1 : givenNames.share(tokens[given]);
                }
                best = Math.max(best, share);
            }
            double typical = surnames.typical() * givenNames.typical();
            return best / typical;
        }
    }

    /**
     * Reads token, share lines ({@code *} for an unlisted token); tokens romanized alike add up. The typical
     * share is sum(share^2) over every name, the unlisted ones counted as many names of the unlisted share.
     */
    private static Shares shares(String resource, UnaryOperator<String> romanize) {
        Map<String, Double> byToken = new HashMap<>();
        double unlisted = 0;
        try (InputStream in = NamePrior.class.getClassLoader().getResourceAsStream("name-prior/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("name-prior/" + resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                double share = Double.parseDouble(fields[1]);
                if (fields[0].equals(UNLISTED)) {
                    unlisted = share;
                } else {
                    byToken.merge(romanize.apply(fields[0]), share, Double::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name-prior/" + resource, e);
        }
        double listed = byToken.values().stream().mapToDouble(Double::doubleValue).sum();
        double squares = byToken.values().stream().mapToDouble(s -> s * s).sum() + Math.max(0, 1 - listed) * unlisted;
        return new Shares(Map.copyOf(byToken), unlisted, squares);
    }

    /**
     * A snapshot with the prior blended in for names and surnames: geometric, so that log ratios average N : K.
     * The weights and typical frequencies are worked out once (the snapshot is frozen): scoring asks for them
     * on every pair of a bulk load.
     */
    private static final class Blended implements ValueFrequencies {

        private final ValueFrequencies snapshot;
        /** Per field: N / (N + K), or 0 while the snapshot holds no value of the field. */
        private final double[] snapshotWeight = new double[FieldKind.values().length];
        /** Per field: the prior's share of a blended frequency before the value's commonness, REFERENCE^(1 - weight). */
        private final double[] priorPart = new double[FieldKind.values().length];
        private final double[] typical = new double[FieldKind.values().length];
        /** Commonness by name key, worked out once per snapshot: reading a key costs more than a cache look-up. */
        private final Map<String, Double> commonnessByName = new ConcurrentHashMap<>();

        Blended(ValueFrequencies snapshot, long population) {
            this.snapshot = snapshot;
            for (FieldKind field : List.of(FieldKind.NAME, FieldKind.SURNAME)) {
                int f = field.ordinal();
                double snapshotTypical = snapshot.typicalFrequency(field);
                snapshotWeight[f] = population == 0 || snapshotTypical == 0 ? 0 : (double) population / (population + PRIOR_RECORDS);
                priorPart[f] = Math.pow(REFERENCE_FREQUENCY, 1 - snapshotWeight[f]);
                typical[f] = Math.pow(snapshotWeight[f] == 0 ? 1 : snapshotTypical, snapshotWeight[f]) * priorPart[f];
            }
        }

        @Override
        public double frequency(FieldKind field, String value) {
            if (field != FieldKind.NAME && field != FieldKind.SURNAME) {
                return snapshot.frequency(field, value);
            }
            int f = field.ordinal();
            double weight = snapshotWeight[f];
            double commonness = field == FieldKind.NAME
                    ? commonnessByName.computeIfAbsent(value, NamePrior::nameCommonness) : surnameCommonness(value);
            double counted = weight == 0 ? 1 : snapshot.frequency(field, value);
            if (counted == 0) {
                counted = snapshot.typicalFrequency(field);
            }
            return (weight == 0 ? 1 : Math.pow(counted, weight)) * priorPart[f]
                    * (commonness == 1 ? 1 : Math.pow(commonness, 1 - weight));
        }

        @Override
        public double typicalFrequency(FieldKind field) {
            return field == FieldKind.NAME || field == FieldKind.SURNAME ? typical[field.ordinal()] : snapshot.typicalFrequency(field);
        }

        @Override
        public long blockSize(BlockingKey key) {
            return snapshot.blockSize(key);
        }
    }
}
