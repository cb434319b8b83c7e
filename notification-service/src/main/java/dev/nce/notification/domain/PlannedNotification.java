package dev.nce.notification.domain;

import java.time.Instant;

/**
 * A notification the schedule wants: due at {@code dueAt}; when that instant is already past it may still be sent at
 * once while the instant is before {@code sendUntil} (D8: the notice deadline + 1 day at 00:00Z; for WINDOW_CLOSING
 * sendUntil = dueAt, so a past alert is skipped).
 */
public record PlannedNotification(NotificationKey key, Instant dueAt, Instant sendUntil) {}
