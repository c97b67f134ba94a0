package io.atrium.simulators.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.Ledger;
import io.atrium.simulators.Simulator;
import io.atrium.simulators.feed.SourceFeed;
import io.atrium.simulators.population.ChinesePlaces;
import io.atrium.simulators.population.Population;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The call-center system (section 5 of the source formats): POSTs each ticket change to the
 * hub's webhook, signed with the shared secret. Tickets are created, sometimes updated, then
 * closed with a satisfaction score; callers often give only surname and honorific. A
 * configurable share of bodies is invalid, to exercise the hub's 400 answer.
 */
public final class CallCenterClient implements Simulator {

    public static final String PATH = "/api/ingest/service/tickets";

    /**
     * timestamped: sign `X-Signature-Timestamp` with the body; resendRate: share of steps that first send a ticket
     * change the hub took before once more, its body unchanged, with a new timestamp and signature (a call center
     * that missed the answer).
     */
    public record Settings(String hubUrl, String secret, double invalidRate, boolean timestamped, double resendRate) {

        public Settings(String hubUrl, String secret, double invalidRate) {
            this(hubUrl, secret, invalidRate, false, 0);
        }
    }

    /** A body the hub answered, for a resend. */
    private record Delivered(String ticketId, byte[] body) {
    }

    private static final int RECENT_FOR_RESENDS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneOffset CALL_CENTER_OFFSET = ZoneOffset.ofHours(8);
    private static final List<String> CATEGORIES = List.of("complaint", "repair", "inquiry", "praise");
    private static final List<String> CHANNELS = List.of("phone", "phone", "phone", "wechat", "email", "walk-in");
    private static final Map<String, List<String>> SUBJECTS = Map.of(
            "complaint", List.of("电梯故障", "噪音扰民", "物业费争议", "交房延期"),
            "repair", List.of("水管漏水", "门禁失灵", "墙面开裂", "停电"),
            "inquiry", List.of("购房优惠咨询", "租赁续约", "积分查询", "车位租售"),
            "praise", List.of("保安服务好", "维修及时"));

    private final Settings settings;
    private final SourceFeed callers;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final List<ObjectNode> open = new ArrayList<>();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final Ledger ledger;
    private final List<Delivered> recent = new ArrayList<>();
    private long tickets;
    private long resent;

    public CallCenterClient(Settings settings, Population population, long seed) {
        this(settings, population, seed, Ledger.NONE);
    }

    public CallCenterClient(Settings settings, Population population, long seed, Ledger ledger) {
        this.settings = settings;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.callers = new SourceFeed(population, "service", random);
        String hub = settings.hubUrl().endsWith("/") ? settings.hubUrl().substring(0, settings.hubUrl().length() - 1) : settings.hubUrl();
        this.endpoint = URI.create(hub + PATH);
    }

    @Override
    public String name() {
        return "service";
    }

    /** Sends one ticket change: a new ticket, or an update or closing of an open one; now and then one sent before, first. */
    @Override
    public void step() throws IOException, InterruptedException {
        if (settings.resendRate() > 0 && !recent.isEmpty() && random.nextDouble() < settings.resendRate()) {
            Delivered again = recent.get(random.nextInt(recent.size()));
            if (post(again.body()) < 500) {
                resent++;
                ledger.duplicate(name(), "record", again.ticketId());
                ledger.duplicate(name(), "TICKET", again.ticketId());
            }
        }
        ObjectNode ticket = !open.isEmpty() && random.nextDouble() < 0.5 ? progress() : create();
        boolean invalid = random.nextDouble() < settings.invalidRate();
        byte[] body = invalid ? invalid(ticket) : JSON.writeValueAsBytes(ticket);
        // a 5xx answer is no decision: the ticket change was not delivered
        if (post(body) < 500) {
            String ticketId = ticket.get("ticketId").asText();
            if (invalid) {
                ledger.broken(name(), "request", ticketId);
            } else {
                ledger.record(name(), ticketId);
                ledger.fact(name(), "TICKET", ticketId);
                recent.add(new Delivered(ticketId, body));
                if (recent.size() > RECENT_FOR_RESENDS) {
                    recent.remove(0);
                }
            }
        }
    }

    /** Posts a body signed now and returns the hub's status. */
    private int post(byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.timestamped()) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            request.header("X-Signature-Timestamp", timestamp).header("X-Signature", WebhookSignature.of(timestamp, body, settings.secret()));
        } else {
            request.header("X-Signature", WebhookSignature.of(body, settings.secret()));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        answers.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
        return response.statusCode();
    }

    @Override
    public String status() {
        return "answers " + answers() + (settings.resendRate() > 0 ? ", sent again " + resent : "");
    }

    /** How many requests the hub answered with each status. */
    public Map<Integer, Long> answers() {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    private ObjectNode create() {
        String now = now();
        PartyRecord caller = callers.next(null);
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        List<String> subjects = SUBJECTS.get(category);
        ObjectNode ticket = JSON.createObjectNode();
        ticket.put("ticketId", "T" + LocalDate.now(CALL_CENTER_OFFSET).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("-%04d", ++tickets));
        ticket.put("event", "created");
        ticket.putObject("caller")
                .put("name", caller.getName())
                .put("phone", caller.getPhones().isEmpty() ? null : caller.getPhones().get(0));
        ticket.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
        ticket.put("category", category);
        ticket.put("subject", subjects.get(random.nextInt(subjects.size())));
        ticket.put("project", ChinesePlaces.PROJECTS.get(random.nextInt(ChinesePlaces.PROJECTS.size())).name());
        ticket.put("createdAt", now);
        ticket.putNull("closedAt");
        ticket.putNull("satisfaction");
        open.add(ticket);
        return ticket.deepCopy();
    }

    private ObjectNode progress() {
        ObjectNode ticket = open.get(random.nextInt(open.size()));
        if (random.nextDouble() < 0.35) {
            ticket.put("event", "updated");
        } else {
            open.remove(ticket);
            ticket.put("event", "closed");
            ticket.put("closedAt", now());
            ticket.put("satisfaction", 1 + random.nextInt(5));
        }
        return ticket.deepCopy();
    }

    /**
     * Bodies the hub must refuse with 400: not JSON, no ticket id, an unknown event, a caller that is
     * not an object (a ticket without any caller is a valid walk-in: the hub keeps it without a party).
     */
    private byte[] invalid(ObjectNode ticket) throws IOException {
        ObjectNode broken = ticket.deepCopy();
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] json = JSON.writeValueAsBytes(ticket);
                return Arrays.copyOf(json, json.length / 2);
            }
            case 1 -> broken.remove("ticketId");
            case 2 -> broken.put("event", "reopened");
            default -> broken.put("caller", "walk-in");
        }
        return JSON.writeValueAsBytes(broken);
    }

    private static String now() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(CALL_CENTER_OFFSET).truncatedTo(ChronoUnit.SECONDS));
    }
}
