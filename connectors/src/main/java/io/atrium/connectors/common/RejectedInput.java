package io.atrium.connectors.common;

/**
 * A source item the hub could not take, to be quarantined: which source and format, where
 * it was (file and line, message id, page and item), why, and the item itself for replay.
 */
public record RejectedInput(String source, InputFormat format, String position, String reason, String payload) {
}
