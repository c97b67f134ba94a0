package io.atrium.hub.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a canonical JSON text: equal content, equal hash, so re-delivery is recognized. */
public final class ContentHash {

    private static final String VERSION = "updatedAt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentHash() {
    }

    /**
     * The hash of a canonical record's JSON without its version (`updatedAt`): a source that delivers a record again
     * with a new version and the same content (a row touched, an export dropped again) gives the same hash.
     */
    public static String ofContent(String recordJson) {
        try {
            JsonNode record = JSON.readTree(recordJson);
            return of((record instanceof ObjectNode object ? object.without(VERSION) : record).toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a canonical record written by the hub is not JSON", e);
        }
    }

    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
