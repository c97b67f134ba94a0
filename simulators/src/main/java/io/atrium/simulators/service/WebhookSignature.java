package io.atrium.simulators.service;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The call center's `X-Signature` header: `sha256=` and the lowercase hex HMAC-SHA256 of the raw body,
 * or, when the request carries `X-Signature-Timestamp`, of that value, a dot and the raw body.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String of(byte[] body, String secret) {
        return of(null, body, secret);
    }

    /** timestamp: the `X-Signature-Timestamp` value sent, null for a request without it. */
    public static String of(String timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            if (timestamp != null) {
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
