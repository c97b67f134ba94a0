package io.atrium.connectors.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureIsTheHexHmacOfTheRawBody() {
        WebhookSignature signature = new WebhookSignature("s3cret");
        byte[] body = TicketMapperTest.TICKET.getBytes(StandardCharsets.UTF_8);
        // HMAC-SHA256 of "abc" with key "key", from an independent implementation (openssl dgst -sha256 -hmac key)
        assertEquals("sha256=9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab",
                new WebhookSignature("key").sign(null, ABC));
        assertTrue(signature.verifies(null, body, signature.sign(null, body)));
        assertTrue(signature.verifies(null, body, signature.sign(null, body).toUpperCase().replace("SHA256=", "sha256=")));
        assertFalse(signature.verifies(null, body, new WebhookSignature("other").sign(null, body)));
        assertFalse(signature.verifies(null, "{}".getBytes(StandardCharsets.UTF_8), signature.sign(null, body)));
        assertFalse(signature.verifies(null, body, null));
        assertFalse(signature.verifies(null, body, "sha256=zz"));
        assertFalse(signature.verifies(null, body, signature.sign(null, body).substring("sha256=".length())));
    }

    @Test
    void aTimestampIsSignedWithTheBody() {
        WebhookSignature signature = new WebhookSignature("key");
        // openssl: printf '1700000000.abc' | openssl dgst -sha256 -hmac key
        String signed = "sha256=6d9790ada41431ed76ab710684cb02c1230bb11bcd559902cedd20e7ca746292";
        assertEquals(signed, signature.sign("1700000000", ABC));
        assertTrue(signature.verifies("1700000000", ABC, signed));
        assertFalse(signature.verifies("1700000001", ABC, signed), "a changed timestamp breaks the signature");
        assertFalse(signature.verifies(null, ABC, signed), "a removed timestamp breaks the signature");
        assertFalse(signature.verifies("1700000000", ABC, signature.sign(null, ABC)));
    }
}
