package org.cityvitals.dashboard.situation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature on every webhook delivery: {@code X-CityVitals-Signature: sha256=HEX}, the HMAC-SHA256 of the raw
 * request body under the secret the receiver shares with the platform. A receiver recomputes it over the bytes it
 * got and compares in constant time ({@link #verify}); the body carries the delivery id and the time it was sent, so
 * a receiver can also refuse replays.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-CityVitals-Signature";
    private static final String SCHEME = "sha256=";

    private WebhookSignature() {}

    public static String sign(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    public static boolean verify(byte[] secret, byte[] body, String header) {
        return header != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
