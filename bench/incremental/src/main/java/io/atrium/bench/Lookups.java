package io.atrium.bench;

import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * REST lookups of stored customers, as downstream applications make them: {@code GET /customers?phone=} and
 * {@code ?idNumber=} with values of seeded records (written as the source wrote them), from --clients threads
 * for --seconds each, after as long a warm-up. Prints requests per second and latency percentiles per key;
 * one client gives the latency of a lookup alone. Values are never printed.
 */
final class Lookups {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Values drawn per key: enough that the database cannot keep the answers of a few in its buffers only. */
    private static final int VALUES = 20_000;

    private Lookups() {
    }

    static void run(Map<String, String> options) throws Exception {
        String hub = BenchMain.required(options, "hub");
        String auth = "Basic " + Base64.getEncoder().encodeToString((BenchMain.required(options, "user") + ":"
                + BenchMain.required(options, "password")).getBytes(StandardCharsets.UTF_8));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        List<Integer> clients = Arrays.stream(options.getOrDefault("clients", "1,16").split(",")).map(Integer::parseInt).toList();
        List<String> lines = Files.readAllLines(Path.of(BenchMain.required(options, "input")), StandardCharsets.UTF_8);
        Collections.shuffle(lines, new Random(20261130));
        List<String> phones = values(lines, r -> r.getPhones().isEmpty() ? null : r.getPhones().get(0));
        List<String> idNumbers = values(lines, PartyRecord::getIdNumber);
        for (int threads : clients) {
            measure("phone", phones, threads, seconds, hub, auth);
            measure("idNumber", idNumbers, threads, seconds, hub, auth);
        }
    }

    private static List<String> values(List<String> lines, Function<PartyRecord, String> value) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            String v = value.apply(PartyRecordJson.read(line));
            if (v != null && !v.isBlank()) {
                values.add(v);
                if (values.size() == VALUES) {
                    break;
                }
            }
        }
        return values;
    }

    private static void measure(String key, List<String> values, int threads, int seconds, String hub, String auth) throws Exception {
        run(key, values, threads, seconds, hub, auth);
        Result result = run(key, values, threads, seconds, hub, auth);
        long[] nanos = result.nanos();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "GET /customers?%s= with %d client(s), %d s after a %d s warm-up: %d lookups, %.0f/s, "
                        + "ms p50 %.2f  p95 %.2f  p99 %.2f  max %.2f; %d found no customer, %d failed%n",
                key, threads, seconds, seconds, nanos.length, nanos.length / (double) seconds,
                pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6, result.empty(), result.failed());
    }

    private record Result(long[] nanos, long empty, long failed) {
    }

    private static Result run(String key, List<String> values, int threads, int seconds, String hub, String auth) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong empty = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(pool.submit(() -> {
                long[] nanos = new long[1 << 16];
                int n = 0;
                for (int i = first; System.nanoTime() < until; i += threads) {
                    URI uri = URI.create(hub + "/customers?" + key + "=" + URLEncoder.encode(values.get(i % values.size()), StandardCharsets.UTF_8));
                    long started = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - started;
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                    } else if (response.body().contains("\"total\":0")) {
                        empty.incrementAndGet();
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = took;
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            parts.add(worker.get());
        }
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all, empty.get(), failed.get());
    }

    private static double pct(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
