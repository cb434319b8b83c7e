package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DESIGN.md section 3: sentAt = max(dueAt, createdAt) in SIMULATED mode, the send time in SYSTEM mode. */
class SentAtRuleTest {

    @ParameterizedTest(name = "simulated={0} due {1} created {2} now {3} -> {4}")
    @CsvSource({
            "true,  2022-12-08T09:00:00Z, 2022-01-14T10:00:00Z, 2023-03-01T00:00:00Z, 2022-12-08T09:00:00Z",
            "true,  2022-03-03T09:00:00Z, 2022-03-05T10:00:00Z, 2022-03-06T00:00:00Z, 2022-03-05T10:00:00Z",
            "true,  2022-03-05T10:00:00Z, 2022-03-05T10:00:00Z, 2022-03-05T10:00:00Z, 2022-03-05T10:00:00Z",
            "false, 2022-12-08T09:00:00Z, 2022-01-14T10:00:00Z, 2022-12-08T09:00:17Z, 2022-12-08T09:00:17Z",
    })
    void design_3_sent_at(boolean simulated, String due, String created, String now, String expected) {
        assertThat(SentAtRule.sentAt(simulated, Instant.parse(due), Instant.parse(created), Instant.parse(now)))
                .isEqualTo(Instant.parse(expected));
    }
}
