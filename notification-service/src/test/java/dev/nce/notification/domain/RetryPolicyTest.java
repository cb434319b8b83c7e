package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Webhook retries: exponential backoff for 72 h of wall-clock time, then FAILED (API.md); e-mail 24 h. */
class RetryPolicyTest {

    private static final RetryPolicy WEBHOOK = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(72));
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "after {0} failures at +{1}s: next at +{2}s")
    @CsvSource({
            "1, 0,      30",
            "2, 30,     90",       // 30 + 60
            "3, 90,     210",      // 90 + 120
            "8, 10000,  13600",    // 30 x 2^7 = 3840 s capped at 3600
            "20, 257000, 259200",  // capped by the 72-h give-up instant: the last attempt is made at +72 h
    })
    void exponential_backoff_capped(int failures, long atSeconds, long expectedSeconds) {
        assertThat(WEBHOOK.nextAttempt(failures, FIRST, FIRST.plusSeconds(atSeconds)))
                .contains(FIRST.plusSeconds(expectedSeconds));
    }

    @Test
    void failed_after_72_hours_and_email_after_24_hours() {
        assertThat(WEBHOOK.nextAttempt(40, FIRST, FIRST.plus(Duration.ofHours(72)))).isEmpty();
        assertThat(WEBHOOK.nextAttempt(40, FIRST, FIRST.plus(Duration.ofHours(71)))).isPresent();
        RetryPolicy email = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
        assertThat(email.nextAttempt(10, FIRST, FIRST.plus(Duration.ofHours(24)))).isEmpty();
        assertThat(email.nextAttempt(10, FIRST, FIRST.plus(Duration.ofHours(23)))).contains(FIRST.plus(Duration.ofHours(24)));
    }
}
