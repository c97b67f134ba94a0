package io.atrium.bench;

import io.atrium.resolution.model.PartyKind;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.resolution.model.PartyRecordJson;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Streams facts as the call center does: complaint tickets of seeded persons (their name and first phone, so each
 * ticket's caller joins a customer already scored) through the signed ticket webhook at a fixed rate, each ticket
 * {@code created} and, {@code --close-after} seconds later, {@code closed} with a rating (a change of a fact only,
 * for a record already linked). Writes each event's ticket id and the time just before it was sent (epoch ms) to
 * {@code --output}, for the script to set against the hub's score rows.
 */
final class TicketStream {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private TicketStream() {
    }

    static void run(Map<String, String> options) throws Exception {
        String hub = BenchMain.required(options, "hub");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(BenchMain.required(options, "secret").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "20"));
        int tickets = Integer.parseInt(options.getOrDefault("tickets", "2000"));
        int closeLag = (int) Math.round(Double.parseDouble(options.getOrDefault("close-after", "3")) * rate);
        List<PartyRecord> callers = callers(Path.of(BenchMain.required(options, "input")), tickets);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant[] created = new Instant[tickets];
        long started = System.nanoTime();
        int sent = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(BenchMain.required(options, "output")), StandardCharsets.UTF_8)) {
            for (int step = 0; step < tickets + closeLag; step++) {
                if (step < tickets) {
                    created[step] = Instant.now();
                    send(hub, hmac, out, ticketId(run, step), ticket(run, step, "created", callers.get(step), created[step], null));
                    sent++;
                }
                int closing = step - closeLag;
                if (closing >= 0) {
                    send(hub, hmac, out, ticketId(run, closing), ticket(run, closing, "closed", callers.get(closing), created[closing], Instant.now()));
                    sent++;
                }
                long wait = started + (long) ((step + 1) / rate * 1e9) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "sent %d ticket events (%d tickets created, then closed %d later) in %.1f s (%.1f events/s)%n",
                sent, tickets, closeLag, seconds, sent / seconds);
    }

    /** Seeded persons with a phone, in a fixed random order, one per ticket. */
    private static List<PartyRecord> callers(Path seed, int count) throws Exception {
        List<PartyRecord> persons = new ArrayList<>();
        try (var lines = Files.lines(seed, StandardCharsets.UTF_8)) {
            lines.map(PartyRecordJson::read)
                    .filter(r -> r.getKind() == PartyKind.PERSON && !r.getPhones().isEmpty() && r.getName() != null)
                    .forEach(persons::add);
        }
        Collections.shuffle(persons, new Random(20261201));
        if (persons.size() < count) {
            throw new IllegalStateException("only " + persons.size() + " seeded persons with a phone for " + count + " tickets");
        }
        return persons.subList(0, count);
    }

    private static String ticketId(String run, int number) {
        return "B" + run + "-" + number;
    }

    private static String ticket(String run, int number, String event, PartyRecord caller, Instant createdAt, Instant closedAt) {
        return "{\"ticketId\":\"" + ticketId(run, number) + "\",\"event\":\"" + event + "\",\"caller\":{\"name\":" + quoted(caller.getName())
                + ",\"phone\":" + quoted(caller.getPhones().get(0)) + "},\"channel\":\"phone\",\"category\":\"complaint\","
                + "\"subject\":\"bench\",\"createdAt\":\"" + createdAt.atOffset(CHINA) + "\",\"closedAt\":"
                + (closedAt == null ? "null" : "\"" + closedAt.atOffset(CHINA) + "\"") + ",\"satisfaction\":"
                + (closedAt == null ? "null" : Integer.toString(1 + number % 5)) + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void send(String hub, Mac hmac, BufferedWriter out, String ticketId, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(hmac.doFinal(bytes));
        long sentAt = System.currentTimeMillis();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/ingest/service/tickets"))
                .header("Content-Type", "application/json").header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the ticket webhook answered " + response.statusCode() + ": " + response.body());
        }
        out.write(ticketId + "," + sentAt + "\n");
    }
}
