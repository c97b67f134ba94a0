package io.atrium.simulators.property;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.Ledger;
import io.atrium.simulators.Simulator;
import io.atrium.simulators.feed.SourceFeed;
import io.atrium.simulators.population.ChinesePlaces;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Project;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The property-management system's REST API (section 3 of the source formats):
 * `GET /api/v1/owners` and `GET /api/v1/work-orders` with updatedSince, page, size and the
 * `X-Api-Key` header. Like the real one it answers 429 with `Retry-After: 1` over its rate
 * limit and 503 now and then, and its records keep changing while a client pages.
 */
public final class PropertyApiServer implements Simulator {

    /**
     * requestsPerSecond 0 means no limit; churnPerRequest is how many records change before each
     * answer; brokenItemRate is the share of items written without their ownerId; throttledRate the
     * share of requests answered 429 (with `Retry-After: 1`) whatever the rate; repeatRate the share of
     * pages after the first that begin with the previous page's last item, served again as it was.
     */
    public record Settings(int port, String apiKey, int requestsPerSecond, double unavailableRate,
                           double brokenItemRate, int churnPerRequest, int initialOwners, double throttledRate, double repeatRate) {

        public Settings(int port, String apiKey, int requestsPerSecond, double unavailableRate,
                        double brokenItemRate, int churnPerRequest, int initialOwners) {
            this(port, apiKey, requestsPerSecond, unavailableRate, brokenItemRate, churnPerRequest, initialOwners, 0, 0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGE_SIZE = 1000;
    private static final Map<String, List<String>> WORK_ORDER_TEXTS = Map.of(
            "维修", List.of("厨房漏水", "空调不制冷", "门锁损坏", "卫生间堵塞", "电梯故障"),
            "投诉", List.of("邻居噪音扰民", "垃圾清运不及时", "停车位被占用", "保安态度差"),
            "咨询", List.of("物业费缴纳方式", "装修申请流程", "停车月卡办理", "快递代收"));
    private static final List<String> RELATIONS = List.of("业主", "业主", "业主", "业主", "家属", "租户");

    private final Settings settings;
    private final SourceFeed owners;
    private final Random random;
    private final PropertyStore ownerStore = new PropertyStore();
    private final PropertyStore workOrderStore = new PropertyStore();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Ledger ledger;
    /** Answers by HTTP status, and items served again on purpose, since the start: the drills compare them over time. */
    private final Map<Integer, AtomicLong> answers = new ConcurrentSkipListMap<>();
    private final AtomicLong repeatedItems = new AtomicLong();
    /** After the end of the stream the API only answers: no more changes, not even between pages. */
    private volatile boolean frozen;
    private long currentSecond;
    private int requestsThisSecond;
    private int workOrders;

    public PropertyApiServer(Settings settings, Population population, long seed) throws IOException {
        this(settings, population, seed, Ledger.NONE);
    }

    public PropertyApiServer(Settings settings, Population population, long seed, Ledger ledger) throws IOException {
        this.settings = settings;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.owners = new SourceFeed(population, "property", random);
        for (int i = 0; i < settings.initialOwners() && !owners.exhausted(); i++) {
            addOwner(Instant.now());
        }
        server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        server.createContext("/api/v1/owners", exchange -> answer(exchange, ownerStore));
        server.createContext("/api/v1/work-orders", exchange -> answer(exchange, workOrderStore));
        server.setExecutor(executor);
    }

    public PropertyApiServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public String name() {
        return "property";
    }

    /** A new owner (while there are new ones), an owner's change, a new work order or a closed one. */
    @Override
    public synchronized void step() {
        Instant now = Instant.now();
        int choice = random.nextInt(10);
        if ((choice < 4 && !owners.exhausted()) || ownerStore.size() == 0) {
            addOwner(now);
        } else if (choice < 7) {
            ownerStore.touchRandom(random, now, this::changeArrears);
        } else if (choice < 9) {
            List<String> ids = ownerStore.ids();
            newWorkOrder(ids.get(random.nextInt(ids.size())), now);
        } else {
            workOrderStore.touchRandom(random, now, order -> close(order, now));
        }
    }

    /** Stops changing records and writes each collection's last change to the ledger. */
    @Override
    public synchronized void endOfStream() {
        frozen = true;
        ownerStore.latest().ifPresent(time -> ledger.add(name(), Ledger.Kind.LAST_CHANGE, "owners", PropertyStore.format(time)));
        workOrderStore.latest().ifPresent(time -> ledger.add(name(), Ledger.Kind.LAST_CHANGE, "work_orders", PropertyStore.format(time)));
    }

    /** An owner the API did not have yet, with a work order half of the time. */
    private void addOwner(Instant now) {
        PartyRecord owner = owners.next(now);
        ObjectNode item = owner(owner);
        ownerStore.put(owner.getSourceId(), item, now);
        if (item.has("ownerId")) {
            ledger.record(name(), owner.getSourceId());
            ledger.fact(name(), "ARREARS", owner.getSourceId());
            item.get("units").forEach(unit -> ledger.fact(name(), "UNIT", String.join("/", owner.getSourceId(),
                    unit.get("project").asText(), unit.get("building").asText(), unit.get("unit").asText())));
        } else {
            ledger.broken(name(), "owner", owner.getSourceId());
        }
        if (random.nextBoolean()) {
            newWorkOrder(owner.getSourceId(), now);
        }
    }

    private ObjectNode owner(PartyRecord record) {
        ObjectNode owner = JSON.createObjectNode();
        if (random.nextDouble() >= settings.brokenItemRate()) {
            owner.put("ownerId", record.getSourceId());
        }
        owner.put("fullName", record.getName());
        ArrayNode phones = owner.putArray("phones");
        record.getPhones().forEach(phones::add);
        owner.put("idCard", record.getIdNumber());
        owner.put("email", record.getEmails().isEmpty() ? null : record.getEmails().get(0));
        ArrayNode units = owner.putArray("units");
        List<Project> projects = ChinesePlaces.residentialProjects();
        for (int i = random.nextDouble() < 0.15 ? 2 : 1; i > 0; i--) {
            Project project = projects.get(random.nextInt(projects.size()));
            units.addObject()
                    .put("project", project.name())
                    .put("building", project.building(1 + random.nextInt(12)))
                    .put("unit", ChinesePlaces.room(random))
                    .put("relation", RELATIONS.get(random.nextInt(RELATIONS.size())))
                    .put("since", LocalDate.of(2008, 1, 1).plusDays(random.nextInt(6000)).toString());
        }
        changeArrears(owner);
        return owner;
    }

    private void changeArrears(ObjectNode owner) {
        owner.put("arrears", random.nextDouble() < 0.6 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(5_000 + random.nextInt(500_000), 2));
    }

    private void newWorkOrder(String ownerId, Instant now) {
        String orderId = String.format("WO-%06d", ++workOrders);
        String type = List.of("维修", "投诉", "咨询").get(random.nextInt(3));
        List<String> texts = WORK_ORDER_TEXTS.get(type);
        ObjectNode order = JSON.createObjectNode();
        order.put("orderId", orderId);
        if (random.nextDouble() >= settings.brokenItemRate()) {
            order.put("ownerId", ownerId);
        }
        order.put("type", type);
        order.put("description", texts.get(random.nextInt(texts.size())));
        order.put("createdAt", PropertyStore.format(now));
        order.putNull("closedAt");
        order.putNull("rating");
        workOrderStore.put(orderId, order, now);
        if (order.has("ownerId")) {
            ledger.fact(name(), "WORK_ORDER", orderId);
        } else {
            ledger.broken(name(), "work order", orderId);
        }
    }

    private void close(ObjectNode order, Instant now) {
        if (order.path("closedAt").isNull()) {
            order.put("closedAt", PropertyStore.format(now));
            if (random.nextDouble() < 0.7) {
                order.put("rating", 1 + random.nextInt(5));
            }
        }
    }

    private void answer(HttpExchange exchange, PropertyStore store) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("only GET"));
            } else if (!settings.apiKey().equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                send(exchange, 401, error("missing or wrong X-Api-Key"));
            } else if (overRateLimit() || ThreadLocalRandom.current().nextDouble() < settings.throttledRate()) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, error("rate limit exceeded"));
            } else if (ThreadLocalRandom.current().nextDouble() < settings.unavailableRate()) {
                send(exchange, 503, error("temporarily unavailable"));
            } else {
                page(exchange, store);
            }
        }
    }

    private void page(HttpExchange exchange, PropertyStore store) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Instant since;
        int page;
        int size;
        try {
            // a client that did not encode the offset's '+' sends it as a space
            since = query.containsKey("updatedSince")
                    ? OffsetDateTime.parse(query.get("updatedSince").replace(' ', '+')).toInstant() : null;
            page = Integer.parseInt(query.getOrDefault("page", "0"));
            size = Integer.parseInt(query.getOrDefault("size", "100"));
        } catch (DateTimeParseException | NumberFormatException e) {
            send(exchange, 400, error("updatedSince must be ISO-8601 with offset, page and size integers"));
            return;
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            send(exchange, 400, error("page must be >= 0 and size 1.." + MAX_PAGE_SIZE));
            return;
        }
        for (int i = 0; i < (frozen ? 0 : settings.churnPerRequest()); i++) {
            churn();
        }
        boolean repeat = page > 0 && ThreadLocalRandom.current().nextDouble() < settings.repeatRate();
        PropertyStore.Page result = store.page(since, page, size, repeat);
        if (repeat && !result.items().isEmpty()) {
            repeatedItems.incrementAndGet();
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("page", page);
        body.put("size", size);
        body.put("total", result.total());
        body.putArray("items").addAll(result.items());
        send(exchange, 200, body);
    }

    /** A change between two page requests, as in a live system. */
    private synchronized void churn() {
        Instant now = Instant.now();
        if (random.nextBoolean()) {
            ownerStore.touchRandom(random, now, this::changeArrears);
        } else {
            workOrderStore.touchRandom(random, now, order -> close(order, now));
        }
    }

    private synchronized boolean overRateLimit() {
        if (settings.requestsPerSecond() <= 0) {
            return false;
        }
        long second = System.currentTimeMillis() / 1000;
        if (second != currentSecond) {
            currentSecond = second;
            requestsThisSecond = 0;
        }
        return ++requestsThisSecond > settings.requestsPerSecond();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    /** Requests answered, by status, and items served again on purpose: "requests 120: 200 80, 429 25, 503 15". */
    @Override
    public String status() {
        long requests = answers.values().stream().mapToLong(AtomicLong::get).sum();
        return "requests " + requests + ": " + answers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get())
                .collect(Collectors.joining(", ")) + (settings.repeatRate() > 0 ? "; items served again " + repeatedItems.get() : "");
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        answers.computeIfAbsent(status, code -> new AtomicLong()).incrementAndGet();
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
