package org.cityvitals.dashboard.situation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /** RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". */
    @Test
    void theSignatureIsHmacSha256AsRfc4231Gives() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertThat(WebhookSignature.sign(key, data))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.verify(key, data,
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")).isTrue();
        assertThat(WebhookSignature.verify("jefe".getBytes(StandardCharsets.US_ASCII), data,
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")).isFalse();
        assertThat(WebhookSignature.verify(key, data, null)).isFalse();
    }
}
