package dev.nce.notification.domain;

import java.time.Instant;

/** A stored scheduled notification as the reconciler sees it. */
public record ExistingNotification(NotificationKey key, NotificationStatus status, Instant dueAt, String cancelReason) {}
