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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's pages timed from a client: for --customers random seeded records (a phone of each), what each page
 * asks the API for, as the page's script asks it (web/src/main/webapp/*.js), one user at a time:
 * <ul>
 *   <li>customers search: {@code GET /customers?phone=&page=0&size=20};</li>
 *   <li>customer page: {@code GET /customers/{id}} and {@code GET /customers/{id}/why} at once (the first match of
 *   the search); the page's time is the slower of the two;</li>
 *   <li>timeline page: {@code GET /customers/{id}/timeline?limit=20} (the filter or More);</li>
 *   <li>stewards: {@code /steward/reviews?limit=100} and {@code /steward/actions?limit=100} at once;</li>
 *   <li>operations: {@code /health}, {@code /connectors}, {@code /routes} and {@code /resolver} at once (the
 *   dashboard's every refresh);</li>
 *   <li>failed work: {@code /quarantine?status=OPEN&limit=1000}, then {@code /dlq?limit=1000}, then the latest
 *   discards of both at once ({@code /quarantine?status=DISCARDED&limit=20}, {@code /dlq/discards?limit=20}), as
 *   failed.js does.</li>
 * </ul>
 * --warmup customers (other ones) go through the same pages first, not timed. Pages the user's roles do not
 * allow (403) and other failures are counted, not timed. Prints p50/p95/p99/max per page in ms; never a value.
 */
final class Pages {

    private static final Pattern SERVER_TIMING = Pattern.compile("directory;dur=([0-9.]+)");
    private static final Pattern FIRST_CUSTOMER = Pattern.compile("\"customer\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> PAGES = List.of("customers search (phone)", "customer (view + why)",
            "timeline", "stewards", "operations", "failed work");

    private final String hub;
    private final String auth;
    private final Map<String, List<Long>> timed = new LinkedHashMap<>();
    private final Map<String, Integer> refused = new LinkedHashMap<>();
    private final Map<String, Integer> failed = new LinkedHashMap<>();
    private final List<Long> searchService = new ArrayList<>();
    private int notFound;

    private Pages(String hub, String auth) {
        this.hub = hub;
        this.auth = auth;
        PAGES.forEach(page -> {
            timed.put(page, new ArrayList<>());
            refused.put(page, 0);
        });
    }

    static void run(Map<String, String> options) throws Exception {
        String hub = BenchMain.required(options, "hub");
        String user = BenchMain.required(options, "user");
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":"
                + BenchMain.required(options, "password")).getBytes(StandardCharsets.UTF_8));
        int customers = Integer.parseInt(options.getOrDefault("customers", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
        // a different draw per user, so that one user's pages do not find the other's rows in the buffers
        long seed = Long.parseLong(options.getOrDefault("random", "20261130")) + user.hashCode();
        List<String> lines = Files.readAllLines(Path.of(BenchMain.required(options, "input")), StandardCharsets.UTF_8);
        Collections.shuffle(lines, new Random(seed));
        List<String> phones = new ArrayList<>();
        for (String line : lines) {
            PartyRecord record = PartyRecordJson.read(line);
            if (!record.getPhones().isEmpty() && !record.getPhones().get(0).isBlank()) {
                phones.add(record.getPhones().get(0));
                if (phones.size() == customers + warmup) {
                    break;
                }
            }
        }
        lines.clear();
        Pages warm = new Pages(hub, auth);
        long started = System.nanoTime();
        for (String phone : phones.subList(customers, phones.size())) {
            warm.visit(phone);
        }
        System.out.printf(Locale.ROOT, "as %s: warm-up, not timed: %d customers through every page in %.1f s%n",
                user, phones.size() - customers, (System.nanoTime() - started) / 1e9);
        Pages measured = new Pages(hub, auth);
        started = System.nanoTime();
        for (String phone : phones.subList(0, customers)) {
            measured.visit(phone);
        }
        System.out.printf(Locale.ROOT, "as %s: %d customers through every page in %.1f s, one after the other; "
                + "%d phones found no customer (their customer pages not visited)%n", user, customers,
                (System.nanoTime() - started) / 1e9, measured.notFound);
        measured.print(user);
    }

    /** One customer through every page, as one user clicks through the console. */
    private void visit(String phone) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> search = get("customers?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "&page=0&size=20");
        record("customers search (phone)", started, search.statusCode());
        Matcher dur = SERVER_TIMING.matcher(search.headers().firstValue("Server-Timing").orElse(""));
        if (dur.find()) {
            searchService.add(Math.round(Double.parseDouble(dur.group(1)) * 1e6));
        }
        Matcher first = FIRST_CUSTOMER.matcher(search.body());
        if (search.statusCode() == 200 && first.find()) {
            String id = URLEncoder.encode(first.group(1), StandardCharsets.UTF_8);
            page("customer (view + why)", "customers/" + id, "customers/" + id + "/why");
            page("timeline", "customers/" + id + "/timeline?limit=20");
        } else {
            notFound++;
        }
        page("stewards", "steward/reviews?limit=100", "steward/actions?limit=100");
        page("operations", "health", "connectors", "routes", "resolver");
        started = System.nanoTime();
        int status = get("quarantine?status=OPEN&limit=1000").statusCode();
        if (status == 200) {
            status = get("dlq?limit=1000").statusCode();
        }
        if (status == 200) {
            status = all(List.of("quarantine?status=DISCARDED&limit=20", "dlq/discards?limit=20"));
        }
        record("failed work", started, status);
    }

    /** The paths asked at once, as the page's Promise.all: the page's time is the slowest answer's. */
    private void page(String page, String... paths) throws Exception {
        long started = System.nanoTime();
        record(page, started, all(List.of(paths)));
    }

    /** The worst status of the paths asked at once (200 when all are). */
    private int all(List<String> paths) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = paths.stream()
                .map(path -> HTTP.sendAsync(request(path), HttpResponse.BodyHandlers.ofString())).toList();
        int status = 200;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            int s = answer.get().statusCode();
            if (s != 200) {
                status = s;
            }
        }
        return status;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(hub + "/" + path)).header("Authorization", auth).GET().build();
    }

    private void record(String page, long started, int status) {
        long took = System.nanoTime() - started;
        if (status == 200) {
            timed.get(page).add(took);
        } else if (status == 403) {
            refused.merge(page, 1, Integer::sum);
        } else {
            failed.merge(page + " HTTP " + status, 1, Integer::sum);
        }
    }

    private void print(String user) {
        System.out.printf(Locale.ROOT, "%-26s %6s %9s %9s %9s %9s%n", "page (as " + user + "), ms", "timed", "p50", "p95", "p99", "max");
        for (String page : PAGES) {
            long[] nanos = timed.get(page).stream().mapToLong(Long::longValue).sorted().toArray();
            if (nanos.length == 0) {
                System.out.printf(Locale.ROOT, "%-26s %6d   refused (403) %d times: not a page of this user%n", page, 0, refused.get(page));
                continue;
            }
            System.out.printf(Locale.ROOT, "%-26s %6d %9.1f %9.1f %9.1f %9.1f%n", page, nanos.length,
                    pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        }
        if (!failed.isEmpty()) {
            System.out.println("  failed, not timed: " + failed);
        }
        long[] service = searchService.stream().mapToLong(Long::longValue).sorted().toArray();
        if (service.length > 0) {
            System.out.printf(Locale.ROOT, "%-26s %6d %9.1f %9.1f %9.1f %9.1f%n", "  search in the service", service.length,
                    pct(service, 0.50), pct(service, 0.95), pct(service, 0.99), service[service.length - 1] / 1e6);
        }
    }

    private static double pct(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
