package dev.nce.notification.domain;

import java.time.Instant;

/**
 * DESIGN.md section 3: {@code sentAt} is the platform instant a row was processed. In SIMULATED mode it is
 * {@code max(dueAt, the instant the row was created)}, so one long clock advance and many short ones give the same
 * rows; in SYSTEM mode it is the wall-clock send time.
 */
public final class SentAtRule {
    private SentAtRule() {}

    public static Instant sentAt(boolean simulated, Instant dueAt, Instant createdAt, Instant now) {
        if (!simulated) {
            return now;
        }
        return dueAt.isAfter(createdAt) ? dueAt : createdAt;
    }
}
