package io.atrium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** Feeds records through POST /hub/api/ingest/records as a source system would, and reads the resolver's figures. */
final class Poster {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Poster() {
    }

    /**
     * Posts the records in requests of --batch lines at --rate records per second, then waits until the
     * resolver has resolved them all (its own count, reset by the caller before) and its queue is empty (every
     * batch committed and acknowledged), and prints the records per second from the first post to then and the
     * resolver's figures.
     */
    static void post(Map<String, String> options) throws Exception {
        String hub = BenchMain.required(options, "hub");
        String auth = basic(options);
        List<String> lines = Files.readAllLines(Path.of(BenchMain.required(options, "input")), StandardCharsets.UTF_8);
        int batch = Integer.parseInt(options.getOrDefault("batch", "25"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "50"));
        long before = resolved(hub, options);
        long started = System.nanoTime();
        double posting = postAtRate(hub, auth, lines, batch, rate, part -> { });
        System.out.printf(Locale.ROOT, "posted %d records in %d requests of up to %d in %.1f s (%.0f records/s)%n",
                lines.size(), (lines.size() + batch - 1) / batch, batch, posting, lines.size() / posting);
        long target = before + lines.size();
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = resolved(hub, options);
            if (now >= target) {
                break;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 300e9) {
                throw new IllegalStateException("the resolver stopped at " + now + " of " + target + " records for 5 minutes");
            }
            Thread.sleep(100);
        }
        while (resolverQueueDepth(hub, options) != 0) {
            Thread.sleep(100);
        }
        double drained = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "resolver drained %d records %.1f s after the first post, queue empty (%.0f records/s overall)%n",
                lines.size(), drained, lines.size() / drained);
        JsonNode view = status(hub, options);
        JsonNode t = view.path("timings");
        System.out.printf(Locale.ROOT, "in-transaction resolve time over the last %d records (hub's own timing, ms): "
                        + "p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", t.path("window").asInt(),
                t.path("p50Millis").asDouble(), t.path("p95Millis").asDouble(), t.path("p99Millis").asDouble(),
                t.path("maxMillis").asDouble());
        System.out.println("GET /hub/api/resolver: " + view);
    }

    /**
     * Posts the records at a fixed --rate in requests of --batch lines while a reader takes the change events, and
     * prints percentiles of each record's arrival-to-event time: from just before the request carrying it was sent
     * until the first change event it caused (its source and sourceId as the event's cause) reached the reader, and
     * that time in two parts at the event's {@code occurredAt} (when the resolver took the record up): queued (the
     * request, the queue and the batches before it) and resolved (its batch, the commit and the event's delivery).
     * With --events topic (the default) the reader is a downstream application's subscriber to the change-event topic
     * at --broker, as --user: each event arrives as it is sent, and the reader puts no load on the hub but the
     * delivery. With --events feed it follows the changes feed (GET /customers/changes, a page every
     * {@value FeedReader#POLL_MILLIS} ms unless the last one was full): the pull path, whose pages are a small load
     * of their own on the hub it measures. Records that announce nothing (content the hub already holds, a version older
     * than one posted before) are counted apart. The feed's end is noted before the first post, and read again from
     * there at the end for the records the reader did not see.
     */
    static void paced(Map<String, String> options) throws Exception {
        String hub = BenchMain.required(options, "hub");
        String auth = basic(options);
        List<String> lines = Files.readAllLines(Path.of(BenchMain.required(options, "input")), StandardCharsets.UTF_8);
        int batch = Integer.parseInt(options.getOrDefault("batch", "10"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "500"));
        long target = resolved(hub, options) + lines.size();
        boolean fromTopic = switch (options.getOrDefault("events", "topic")) {
            case "topic" -> true;
            case "feed" -> false;
            default -> throw new IllegalArgumentException("--events is topic or feed");
        };
        Map<String, Instant> postedAt = new ConcurrentHashMap<>();
        Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
        FeedReader feed = new FeedReader(hub, auth, postedAt, arrivals);
        feed.skipToEnd();
        double posting;
        try (AutoCloseable events = fromTopic ? new TopicReader(BenchMain.required(options, "broker"),
                BenchMain.required(options, "user"), BenchMain.required(options, "password"), postedAt, arrivals) : feed.follow()) {
            posting = postAtRate(hub, auth, lines, batch, rate, part -> {
                Instant sent = Instant.now();
                part.forEach(line -> postedAt.put(causeOf(PartyRecordJson.read(line)), sent));
            });
            // the records still without an event are resolving, or announce nothing: wait until the resolver is done
            while (resolved(hub, options) < target || resolverQueueDepth(hub, options) != 0) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        }
        System.out.printf(Locale.ROOT, "posted %d records in requests of up to %d in %.1f s (%.0f records/s, asked %.0f)%n",
                lines.size(), batch, posting, lines.size() / posting, rate);
        feed.recheck(postedAt.keySet(), fromTopic);
        String reader = fromTopic ? "the topic's subscriber received" : "the feed showed";
        System.out.printf(Locale.ROOT, "arrival to change event (POST until %s the record's first event), %d of %d "
                + "records with an event, ms: %s%n", reader, arrivals.size(), lines.size(), percentiles(arrivals, Arrival::total));
        System.out.printf(Locale.ROOT, "  of it queued (POST until the resolver took the record up, the event's occurredAt), ms: %s%n",
                percentiles(arrivals, Arrival::queued));
        System.out.printf(Locale.ROOT, "  of it resolved (occurredAt until %s the event), ms: %s%n", reader,
                percentiles(arrivals, Arrival::resolved));
    }

    /** A posted record's first change event: when it was sent, when the resolver took it up and when the reader saw it. */
    private record Arrival(Instant sent, Instant occurred, Instant seen) {
        Duration total() {
            return Duration.between(sent, seen);
        }

        Duration queued() {
            return Duration.between(sent, occurred);
        }

        Duration resolved() {
            return Duration.between(occurred, seen);
        }
    }

    private static String percentiles(Map<String, Arrival> arrivals, Function<Arrival, Duration> part) {
        long[] nanos = arrivals.values().stream().map(part).mapToLong(Duration::toNanos).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f  p95 %.1f  p99 %.1f  max %.1f", pct(nanos, 0.50), pct(nanos, 0.95),
                pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    /**
     * Posts the lines through the ingest API in requests of {@code batch} lines at {@code rate} lines per second,
     * handing each request's lines to {@code sending} just before it goes out; answers the seconds it took.
     */
    private static double postAtRate(String hub, String auth, List<String> lines, int batch, double rate,
                                     Consumer<List<String>> sending) throws IOException, InterruptedException {
        long started = System.nanoTime();
        for (int from = 0; from < lines.size(); from += batch) {
            List<String> part = lines.subList(from, Math.min(lines.size(), from + batch));
            sending.accept(part);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/ingest/records"))
                    .header("Authorization", auth).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", part) + "\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202 || JSON.readTree(response.body()).path("rejected").asInt() != 0) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + " to a batch at line " + (from + 1));
            }
            long wait = started + (long) ((from + part.size()) / rate * 1e9) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String causeOf(PartyRecord record) {
        return record.getSource() + '|' + record.getSourceId();
    }

    /** The cause a change event names, as {@link #causeOf(PartyRecord)} writes a posted record's. */
    private static String causeOf(JsonNode change) {
        return change.path("source").asText() + '|' + change.path("sourceId").asText();
    }

    /** Follows the changes feed from its end and notes, per posted record, when its first event showed. */
    private static final class FeedReader implements Runnable {
        static final int POLL_MILLIS = 20;
        private static final int PAGE = 1000;

        private final String hub;
        private final String auth;
        private final Map<String, Instant> postedAt;
        private final Map<String, Arrival> arrivals;
        private volatile boolean running = true;
        private long cursor;
        private long start;

        FeedReader(String hub, String auth, Map<String, Instant> postedAt, Map<String, Arrival> arrivals) {
            this.hub = hub;
            this.auth = auth;
            this.postedAt = postedAt;
            this.arrivals = arrivals;
        }

        /** To the end of the feed: the events before it are not the posted records'. */
        void skipToEnd() throws IOException, InterruptedException {
            cursor = readToEnd(cursor, change -> { });
            start = cursor;
        }

        /** Hands each change after {@code from} to {@code reading}, page by page to the feed's end; answers the end. */
        private long readToEnd(long from, Consumer<JsonNode> reading) throws IOException, InterruptedException {
            long at = from;
            JsonNode page;
            do {
                page = page(at);
                page.path("changes").forEach(reading);
                at = page.path("next").asLong();
            } while (!page.path("changes").isEmpty());
            return at;
        }

        /** Follows the feed on a thread of its own until the answer is closed. */
        AutoCloseable follow() {
            Thread thread = new Thread(this, "changes-feed");
            thread.start();
            return () -> {
                running = false;
                thread.join();
            };
        }

        /**
         * Reads the feed again from where the reader started and prints what it holds for the posted records the
         * reader did not see: an event at a position the feed reader had passed would be one the feed let a poller
         * miss; with {@code fromTopic}, every event found is one the topic's subscriber did not receive.
         */
        void recheck(Set<String> posted, boolean fromTopic) throws IOException, InterruptedException {
            Set<String> missed = new HashSet<>(posted);
            missed.removeAll(arrivals.keySet());
            long end = cursor;
            List<Long> passed = new ArrayList<>();
            List<Long> after = new ArrayList<>();
            readToEnd(start, change -> {
                if (missed.remove(causeOf(change))) {
                    long position = change.path("position").asLong();
                    (position <= end ? passed : after).add(position);
                }
            });
            if (fromTopic) {
                System.out.printf(Locale.ROOT, "posted records the topic's subscriber did not receive: %d with an event in the "
                        + "feed %s, %d with none%n", after.size(), after, missed.size());
            } else {
                System.out.printf(Locale.ROOT, "posted records the reader did not see: %d with an event at a position it had "
                        + "passed %s, %d with one after its last page (%d), %d with none%n", passed.size(), passed, after.size(),
                        end, missed.size());
            }
        }

        @Override
        public void run() {
            try {
                while (running) {
                    Instant asked = Instant.now();
                    JsonNode page = page(cursor);
                    Instant seen = Instant.now();
                    for (JsonNode change : page.path("changes")) {
                        String cause = causeOf(change);
                        Instant posted = postedAt.get(cause);
                        if (posted != null) {
                            arrivals.putIfAbsent(cause, new Arrival(posted, Instant.parse(change.path("occurredAt").asText()), seen));
                        }
                    }
                    cursor = page.path("next").asLong();
                    long wait = POLL_MILLIS - Duration.between(asked, Instant.now()).toMillis();
                    if (page.path("changes").size() < PAGE && wait > 0) {
                        Thread.sleep(wait);
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("reading the changes feed failed", e);
            }
        }

        private JsonNode page(long after) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/customers/changes?limit=" + PAGE + "&after=" + after))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /customers/changes answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        }
    }

    /** A downstream application's subscriber to the change-event topic: notes, per posted record, when its first event arrived. */
    private static final class TopicReader implements AutoCloseable {
        /** The topic's core address on the hub's broker (README, change events). */
        private static final String TOPIC = "jms.topic.AtriumCustomerEvents";

        private final ActiveMQConnectionFactory factory;
        private final JMSContext jms;

        /** Subscribes (a non-durable subscription) and takes events from now until {@link #close}. */
        TopicReader(String broker, String user, String password, Map<String, Instant> postedAt, Map<String, Arrival> arrivals) {
            factory = new ActiveMQConnectionFactory(broker, user, password);
            jms = factory.createContext();
            jms.createConsumer(jms.createTopic(TOPIC)).setMessageListener(message -> {
                Instant seen = Instant.now();
                try {
                    JsonNode change = JSON.readTree(message.getBody(String.class));
                    String cause = causeOf(change);
                    Instant posted = postedAt.get(cause);
                    if (posted != null) {
                        arrivals.putIfAbsent(cause, new Arrival(posted, Instant.parse(change.path("occurredAt").asText()), seen));
                    }
                } catch (JMSException | IOException e) {
                    throw new IllegalStateException("reading a change event failed", e);
                }
            });
            jms.start();
        }

        @Override
        public void close() {
            jms.close();
            factory.close();
        }
    }

    /**
     * One record at a time: posts it and polls the customer search by its first phone number until a customer
     * lists the record; prints percentiles of that time (queue, resolution, commit and the first query that sees it).
     */
    static void endToEnd(Map<String, String> options) throws Exception {
        String hub = BenchMain.required(options, "hub");
        String auth = basic(options);
        List<String> lines = Files.readAllLines(Path.of(BenchMain.required(options, "input")), StandardCharsets.UTF_8);
        long[] nanos = new long[lines.size()];
        int timedOut = 0;
        for (int i = 0; i < lines.size(); i++) {
            PartyRecord record = PartyRecordJson.read(lines.get(i));
            String needle = "\"sourceId\":" + JSON.writeValueAsString(record.getSourceId());
            URI search = URI.create(hub + "/customers?phone=" + URLEncoder.encode(record.getPhones().get(0), StandardCharsets.UTF_8));
            long started = System.nanoTime();
            HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/ingest/records"))
                    .header("Authorization", auth).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(lines.get(i) + "\n")).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + posted.statusCode());
            }
            while (true) {
                HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(search).header("Authorization", auth).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (found.statusCode() == 200 && found.body().contains(needle)) {
                    nanos[i] = System.nanoTime() - started;
                    break;
                }
                if (System.nanoTime() - started > 30e9) {
                    nanos[i] = System.nanoTime() - started;
                    timedOut++;
                    break;
                }
                Thread.sleep(10);
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "end to end (POST one record until GET /customers?phone= lists it, polled every 10 ms), "
                        + "%d records one at a time, ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%s%n", nanos.length,
                pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
                timedOut == 0 ? "" : "  (" + timedOut + " not seen within 30 s)");
    }

    private static double pct(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private static long resolved(String hub, Map<String, String> options) throws IOException, InterruptedException {
        return status(hub, options).path("timings").path("resolved").asLong();
    }

    /** Messages in AtriumRecords, delivered ones not yet acknowledged included; -1 when the broker does not say. */
    private static long resolverQueueDepth(String hub, Map<String, String> options) throws IOException, InterruptedException {
        for (JsonNode queue : get(hub + "/connectors", options).path("queues")) {
            if (queue.path("queue").asText().equals("AtriumRecords")) {
                return queue.path("messages").asLong(-1);
            }
        }
        return -1;
    }

    private static JsonNode status(String hub, Map<String, String> options) throws IOException, InterruptedException {
        return get(hub + "/resolver", options);
    }

    private static JsonNode get(String url, Map<String, String> options) throws IOException, InterruptedException {
        String auth = options.containsKey("status-user")
                ? "Basic " + Base64.getEncoder().encodeToString((options.get("status-user") + ":" + options.get("status-password"))
                .getBytes(StandardCharsets.UTF_8))
                : basic(options);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String basic(Map<String, String> options) {
        return "Basic " + Base64.getEncoder().encodeToString((BenchMain.required(options, "user") + ":"
                + BenchMain.required(options, "password")).getBytes(StandardCharsets.UTF_8));
    }
}
