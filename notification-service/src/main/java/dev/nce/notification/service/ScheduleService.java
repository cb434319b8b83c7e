package dev.nce.notification.service;

import dev.nce.notification.domain.NotificationKey;
import dev.nce.notification.domain.NotificationStatus;
import dev.nce.notification.domain.PlannedNotification;
import dev.nce.notification.domain.ScheduleChange;
import dev.nce.notification.domain.ScheduleReconciler;
import dev.nce.notification.persistence.CustomerRecords;
import dev.nce.notification.persistence.NotificationEntity;
import dev.nce.notification.persistence.NotificationRepository;
import dev.nce.notification.persistence.SubscriptionCopyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Writes a subscription's schedule (D8): what its current copy wants, reconciled with the stored rows at the event
 * instant; and the notifications that events themselves cause (EXPIRED, DISABLED, EST_STARTED, INVOICE_ISSUED).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ScheduleService {

    @Inject
    NotificationRepository notifications;
    @Inject
    SubscriptionCopies copies;
    @Inject
    NotificationSettings settings;
    @Inject
    CustomerRecords customers;

    /** Reschedules or cancels the subscription's pending rows and creates the missing ones, as of {@code at}. */
    public void reconcile(SubscriptionCopyEntity copy, Instant at) {
        List<PlannedNotification> wanted = settings.reminderPolicy().plan(copies.termFacts(copy),
                copies.batchFacts(copy.subscriptionId));
        List<ScheduleChange> changes = ScheduleReconciler.reconcile(notifications.scheduleOf(copy.subscriptionId),
                wanted, at);
        for (ScheduleChange change : changes) {
            if (change instanceof ScheduleChange.Create create) {
                insert(create.planned().key(), copy.customerId, create.planned().dueAt(), create.planned().sendUntil(),
                        at, create.status(), create.cancelReason(), null);
            } else if (change instanceof ScheduleChange.Cancel cancel) {
                notifications.cancel(notifications.byKey(cancel.key()), cancel.reason());
            } else if (change instanceof ScheduleChange.Reschedule move) {
                NotificationEntity n = notifications.byKey(move.key());
                n.status = NotificationStatus.SCHEDULED;
                n.cancelReason = null;
                n.dueAt = move.dueAt();
                n.sendUntil = move.sendUntil();
                n.createdAt = at; // sentAt = max(dueAt, the instant it was (re)scheduled)
            }
        }
    }

    /** A notification caused by an event, due at the event instant; false when it exists already (exactly once). */
    public boolean createForEvent(NotificationKey key, String customerId, Instant at, String factsJson) {
        if (notifications.byKey(key) != null) {
            return false;
        }
        insert(key, customerId, at, at, at, NotificationStatus.SCHEDULED, null, factsJson);
        return true;
    }

    private void insert(NotificationKey key, String customerId, Instant dueAt, Instant sendUntil, Instant createdAt,
                        NotificationStatus status, String cancelReason, String factsJson) {
        NotificationEntity n = new NotificationEntity();
        n.notificationId = key.notificationId();
        n.dedupKey = key.dedupKey();
        n.customerId = customerId;
        n.eventPartition = customers.partitionOf(customerId);
        n.kind = key.kind();
        n.subscriptionId = key.subscriptionId();
        n.termStartDate = key.termStartDate();
        n.batchId = key.batchId();
        n.invoiceId = key.invoiceId();
        n.dueAt = dueAt;
        n.sendUntil = sendUntil;
        n.createdAt = createdAt;
        n.status = status;
        n.cancelReason = cancelReason;
        n.facts = factsJson;
        n.persist();
    }
}
