package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signature_is_hmac_sha256_over_timestamp_dot_body() {
        // RFC 4231-style check computed independently: HMAC-SHA256("key", "1700000000.{}")
        String header = WebhookSignature.header("key", 1_700_000_000L, "{}");
        assertThat(header).startsWith("t=1700000000,v1=").hasSize("t=1700000000,v1=".length() + 64);
        assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void receiver_verifies_signature_and_rejects_tampering_other_secrets_and_replays() {
        String body = "{\"kind\":\"NOTICE_UPCOMING\"}";
        String header = WebhookSignature.header("s3cret", 1_700_000_000L, body);
        assertThat(WebhookSignature.verify("s3cret", header, body, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", header, body + " ", 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("other", header, body, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header, body, 1_700_000_400L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header.replace("t=1700000000", "t=1700000300"), body,
                1_700_000_300L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", null, body, 1_700_000_000L, 300)).isFalse();
    }
}
