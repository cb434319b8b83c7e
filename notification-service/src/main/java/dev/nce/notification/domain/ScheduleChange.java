package dev.nce.notification.domain;

import java.time.Instant;

/** One change the reconciler asks the store to make to a subscription's scheduled notifications. */
public sealed interface ScheduleChange {

    /** A new row, SCHEDULED or (skipped at once) CANCELLED with a reason. */
    record Create(PlannedNotification planned, NotificationStatus status, String cancelReason) implements ScheduleChange {}

    /** A pending row is no longer wanted, or its new instant is past its deadline. */
    record Cancel(NotificationKey key, String reason) implements ScheduleChange {}

    /** A row becomes SCHEDULED at this instant: a pending row moved, or a superseded row wanted again. */
    record Reschedule(NotificationKey key, Instant dueAt, Instant sendUntil) implements ScheduleChange {}
}
