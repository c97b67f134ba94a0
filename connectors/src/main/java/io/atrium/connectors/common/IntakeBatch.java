package io.atrium.connectors.common;

import io.atrium.resolution.model.CanonicalMessage;
import io.atrium.resolution.model.InvalidRecordException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one step every intake takes its items through, a batch at a time (a file chunk, a page, a batch
 * of rows or queue messages, a webhook request, a posted body, a quarantine replay): each item is mapped
 * by its connector (which may also refuse what it does not admit), checked for values the hub can store
 * ({@link StorableValues}), and taken or refused with the reason; then {@link #handOver} delivers the
 * taken messages in one call and only after that hands the refused items on (to the quarantine): a
 * delivery that fails is retried with the whole batch, and must not quarantine its bad items once per
 * attempt. A bad item never stops the good ones around it.
 */
public final class IntakeBatch {

    private final String source;
    private final List<CanonicalMessage> taken = new ArrayList<>();
    private final List<RejectedInput> refused = new ArrayList<>();

    public IntakeBatch(String source) {
        this.source = source;
    }

    /**
     * @param position where the item was (file and line, message id, page and item, table and key, request)
     * @param payload  the item as it is quarantined and replayed from; made only when the item is refused
     * @param mapping  the item's mapping and admission; throws {@link InvalidRecordException} with the reason
     * @return the refusal, empty when the item was taken
     */
    public Optional<RejectedInput> add(InputFormat format, String position, Supplier<String> payload,
                                       Supplier<CanonicalMessage> mapping) {
        try {
            CanonicalMessage message = mapping.get();
            StorableValues.check(message);
            taken.add(message);
            return Optional.empty();
        } catch (InvalidRecordException e) {
            RejectedInput rejected = new RejectedInput(source, format, position, e.getMessage(), payload.get());
            refused.add(rejected);
            return Optional.of(rejected);
        }
    }

    /** Delivers the taken messages in one call, if any, then hands each refused item to the quarantine. */
    public void handOver(CanonicalSink sink, QuarantineSink quarantine) {
        if (!taken.isEmpty()) {
            sink.deliver(List.copyOf(taken));
        }
        refused.forEach(quarantine::quarantine);
    }
}
