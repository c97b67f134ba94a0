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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REST lookups of stored customers, as downstream applications make them: {@code GET /customers?phone=},
 * {@code ?idNumber=} and {@code ?name=} with values of seeded records (written as the source wrote them), from
 * --clients threads for --seconds each, after as long a warm-up of the same key and client count, and after every key
 * was first warmed up once with the most clients (so that no key measured pays for the hub's JIT); --keys picks the
 * keys (default all three).
 * Prints requests per second and latency percentiles per key, at the client and in the service (the hub's
 * {@code Server-Timing} header: the directory's time, HTTP and JSON excluded); one client gives the latency of
 * a lookup alone. The key {@code session} calls {@code GET /session} instead (who is calling, no lookup): the
 * ceiling that HTTP, authentication and JSON alone allow on this machine. Values are never printed.
 */
final class Lookups {

    private static final Pattern SERVER_TIMING = Pattern.compile("directory;dur=([0-9.]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Values drawn per key: enough that the database cannot keep the answers of a few in its buffers only. */
    private static final int VALUES = 20_000;
    /** Not a search key: {@code GET /session}, the same request path without a lookup. */
    private static final String CEILING = "session";

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
        Map<String, Function<PartyRecord, String>> fields = Map.of(
                "phone", r -> r.getPhones().isEmpty() ? null : r.getPhones().get(0),
                "idNumber", PartyRecord::getIdNumber,
                "name", PartyRecord::getName);
        List<String> keys = Arrays.asList(options.getOrDefault("keys", "phone,idNumber,name").split(","));
        Map<String, List<String>> values = new HashMap<>();
        keys.forEach(key -> values.put(key, key.equals(CEILING) ? List.of("") : values(lines, fields.get(key))));
        // every key's code path compiled before any is measured: without this the first key measured paid for the JIT
        int most = clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (String key : keys) {
            run(key, values.get(key), most, seconds, hub, auth);
        }
        System.out.printf(Locale.ROOT, "warmed up: every key with %d client(s) for %d s each, not measured%n", most, seconds);
        for (int threads : clients) {
            for (String key : keys) {
                measure(key, values.get(key), threads, seconds, hub, auth);
            }
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
        long[] service = result.serviceNanos();
        Arrays.sort(service);
        System.out.printf(Locale.ROOT, "GET %s with %d client(s), %d s after a %d s warm-up: %d lookups, %.0f/s, "
                        + "ms p50 %.2f  p95 %.2f  p99 %.2f  max %.2f; in the service p50 %.2f  p95 %.2f  p99 %.2f  max %.2f; "
                        + "%d found no customer, %d refused or failed (not timed)%n",
                key.equals(CEILING) ? "/session" : "/customers?" + key + "=", threads, seconds, seconds, nanos.length, nanos.length / (double) seconds,
                pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
                pct(service, 0.50), pct(service, 0.95), pct(service, 0.99), service.length == 0 ? Double.NaN : service[service.length - 1] / 1e6,
                result.empty(), result.failed());
    }

    /** Client-side times of every lookup, and the service's own times of those that told it (Server-Timing). */
    private record Result(long[] nanos, long[] serviceNanos, long empty, long failed) {
    }

    private record Timed(long nanos, long serviceNanos) {
    }

    /** The duration of the hub's {@code Server-Timing: directory;dur=<ms>} header in nanoseconds, or -1 without one. */
    private static long serviceNanos(HttpResponse<?> response) {
        Matcher dur = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
        return dur.find() ? Math.round(Double.parseDouble(dur.group(1)) * 1e6) : -1;
    }

    private static Result run(String key, List<String> values, int threads, int seconds, String hub, String auth) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong empty = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Timed>>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(pool.submit(() -> {
                List<Timed> timed = new ArrayList<>(1 << 16);
                for (int i = first; System.nanoTime() < until; i += threads) {
                    URI uri = URI.create(key.equals(CEILING) ? hub + "/session"
                            : hub + "/customers?" + key + "=" + URLEncoder.encode(values.get(i % values.size()), StandardCharsets.UTF_8));
                    long started = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - started;
                    if (response.statusCode() != 200) {
                        // refused searches (a surname-only name) are counted, not timed: they do no lookup
                        failed.incrementAndGet();
                        continue;
                    }
                    if (response.body().contains("\"total\":0")) {
                        empty.incrementAndGet();
                    }
                    timed.add(new Timed(took, serviceNanos(response)));
                }
                return timed;
            }));
        }
        List<Timed> all = new ArrayList<>();
        for (Future<List<Timed>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        return new Result(all.stream().mapToLong(Timed::nanos).toArray(),
                all.stream().mapToLong(Timed::serviceNanos).filter(t -> t >= 0).toArray(), empty.get(), failed.get());
    }

    private static double pct(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
