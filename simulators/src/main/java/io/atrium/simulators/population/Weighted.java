package io.atrium.simulators.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Draws values with given relative frequencies. */
public final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private double[] cumulative = new double[0];
    private double total;

    public Weighted<T> add(T value, double weight) {
        values.add(value);
        total += weight;
        cumulative = Arrays.copyOf(cumulative, values.size());
        cumulative[values.size() - 1] = total;
        return this;
    }

    /** Parses `value:weight` items separated by spaces, as the name tables are written. */
    public static Weighted<String> parse(String table) {
        Weighted<String> weighted = new Weighted<>();
        for (String item : table.trim().split("\\s+")) {
            int colon = item.lastIndexOf(':');
            weighted.add(item.substring(0, colon), Double.parseDouble(item.substring(colon + 1)));
        }
        return weighted;
    }

    public T pick(Random random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble() * total);
        return values.get(index >= 0 ? index : -index - 1);
    }
}
