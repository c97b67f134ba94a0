package io.atrium.simulators.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One collection of the property API (owners or work orders): items by id with their version
 * time, read in pages ordered by updatedAt then id. Updating an item moves it behind the others,
 * which is how records move between pages while a client pages.
 */
final class PropertyStore {

    /** The property system writes its times with the China offset, to the second. */
    static final ZoneOffset PROPERTY_OFFSET = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private record Item(String id, Instant updatedAt, ObjectNode json) {
    }

    /** One page with the number of all items changed since the given time. */
    record Page(long total, List<JsonNode> items) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();

    static String format(Instant time) {
        return TIME.format(OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.SECONDS), PROPERTY_OFFSET));
    }

    synchronized void put(String id, ObjectNode json, Instant updatedAt) {
        Instant version = updatedAt.truncatedTo(ChronoUnit.SECONDS);
        json.put("updatedAt", format(version));
        items.put(id, new Item(id, version, json));
    }

    /** The version time of the item changed last, if any. */
    synchronized Optional<Instant> latest() {
        return items.values().stream().map(Item::updatedAt).max(Comparator.naturalOrder());
    }

    synchronized int size() {
        return items.size();
    }

    synchronized List<String> ids() {
        return new ArrayList<>(items.keySet());
    }

    /** Changes a random item and gives it a new version time; nothing when the store is empty. */
    synchronized void touchRandom(Random random, Instant now, Consumer<ObjectNode> change) {
        if (items.isEmpty()) {
            return;
        }
        List<String> ids = ids();
        touch(ids.get(random.nextInt(ids.size())), now, change);
    }

    synchronized void touch(String id, Instant now, Consumer<ObjectNode> change) {
        Item item = items.get(id);
        change.accept(item.json());
        put(id, item.json(), now);
    }

    /**
     * Items with updatedAt at or after since (so none changed in the same second is lost), ordered by updatedAt, id;
     * withPrevious: the page begins with the last item of the page before, served again (one item more than asked).
     */
    synchronized Page page(Instant since, int page, int size, boolean withPrevious) {
        List<Item> changed = items.values().stream()
                .filter(item -> since == null || !item.updatedAt().isBefore(since))
                .sorted(Comparator.comparing(Item::updatedAt).thenComparing(Item::id))
                .toList();
        int from = (int) Math.min((long) page * size, changed.size());
        int to = Math.min(from + size, changed.size());
        if (withPrevious && from > 0) {
            from--;
        }
        return new Page(changed.size(), changed.subList(from, to).stream().map(item -> (JsonNode) item.json().deepCopy()).toList());
    }
}
