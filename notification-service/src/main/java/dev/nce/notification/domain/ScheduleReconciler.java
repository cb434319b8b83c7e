package dev.nce.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings a subscription's stored schedule in line with what its state now wants, at the event instant {@code now}
 * (D8, DESIGN.md section 3). Rows due at or before {@code now} were processed before the event was applied, so every
 * pending row here is still in the future:
 * <ul>
 * <li>a pending row the state no longer wants is CANCELLED (a change of action cancels the other kinds);</li>
 * <li>a wanted row that does not exist is created: SCHEDULED when its instant is ahead, or when it is past but the
 *     deadline is not ({@code now < sendUntil}: sent at once), else CANCELLED with {@code sentAt} null;</li>
 * <li>a pending row whose instant changed is moved by the same rule; a superseded row wanted again is reopened;</li>
 * <li>a processed row, or one skipped for a past instant, is never touched: exactly once per key.</li>
 * </ul>
 */
public final class ScheduleReconciler {

    private ScheduleReconciler() {}

    public static List<ScheduleChange> reconcile(Collection<ExistingNotification> existing,
                                                 Collection<PlannedNotification> wanted, Instant now) {
        Map<NotificationKey, ExistingNotification> byKey = new LinkedHashMap<>();
        existing.forEach(e -> byKey.put(e.key(), e));
        Set<NotificationKey> wantedKeys = wanted.stream().map(PlannedNotification::key).collect(Collectors.toSet());
        List<ScheduleChange> changes = new ArrayList<>();
        for (ExistingNotification row : existing) {
            if (row.status() == NotificationStatus.SCHEDULED && !wantedKeys.contains(row.key())) {
                changes.add(new ScheduleChange.Cancel(row.key(), CancelReason.SUPERSEDED));
            }
        }
        for (PlannedNotification plan : wanted) {
            ExistingNotification row = byKey.get(plan.key());
            if (row == null) {
                String skip = skipReason(plan, now);
                changes.add(skip == null
                        ? new ScheduleChange.Create(plan, NotificationStatus.SCHEDULED, null)
                        : new ScheduleChange.Create(plan, NotificationStatus.CANCELLED, skip));
            } else if (row.status() == NotificationStatus.SCHEDULED && !row.dueAt().equals(plan.dueAt())) {
                String skip = skipReason(plan, now);
                changes.add(skip == null
                        ? new ScheduleChange.Reschedule(plan.key(), plan.dueAt(), plan.sendUntil())
                        : new ScheduleChange.Cancel(plan.key(), skip));
            } else if (row.status() == NotificationStatus.CANCELLED && CancelReason.SUPERSEDED.equals(row.cancelReason())
                    && skipReason(plan, now) == null) {
                changes.add(new ScheduleChange.Reschedule(plan.key(), plan.dueAt(), plan.sendUntil()));
            }
        }
        return changes;
    }

    /** D8 catch-up: null when the plan is to be sent (now or later), else why it is skipped. */
    public static String skipReason(PlannedNotification plan, Instant now) {
        if (!now.isAfter(plan.dueAt()) || now.isBefore(plan.sendUntil())) {
            return null;
        }
        return plan.key().kind() == NotificationKind.WINDOW_CLOSING ? CancelReason.WINDOW_ALERT_PAST
                : CancelReason.DEADLINE_PASSED;
    }
}
