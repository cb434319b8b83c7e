package dev.nce.notification.persistence;

import dev.nce.notification.domain.CancelReason;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.ExistingNotification;
import dev.nce.notification.domain.NotificationKey;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.domain.NotificationStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Notifications: the schedule of a subscription, due rows in time order, and cancellation with their deliveries. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, UUID> {

    /** The scheduled kinds (term reminders, WINDOW_CLOSING) of one subscription, as the reconciler sees them. */
    public List<ExistingNotification> scheduleOf(String subscriptionId) {
        return list("subscriptionId = ?1 and kind in ?2", subscriptionId, List.of(NotificationKind.NOTICE_UPCOMING,
                NotificationKind.NOTICE_DEADLINE, NotificationKind.EXPIRY_UPCOMING, NotificationKind.WINDOW_CLOSING))
                .stream().map(n -> new ExistingNotification(keyOf(n), n.status, n.dueAt, n.cancelReason)).toList();
    }

    public NotificationEntity byKey(NotificationKey key) {
        return findById(key.notificationId());
    }

    /** Rows of a partition due at or before {@code upTo}, in time order (DESIGN.md section 3), locked. */
    public List<NotificationEntity> dueInPartition(int partition, Instant upTo) {
        return find("status = ?1 and eventPartition = ?2 and dueAt <= ?3 order by dueAt, kind, notificationId",
                NotificationStatus.SCHEDULED, partition, upTo).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Rows of one subscription due at or before {@code upTo} (event time first), locked. */
    public List<NotificationEntity> dueForSubscription(String subscriptionId, Instant upTo) {
        return find("status = ?1 and subscriptionId = ?2 and dueAt <= ?3 order by dueAt, kind, notificationId",
                NotificationStatus.SCHEDULED, subscriptionId, upTo).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public void cancel(NotificationEntity n, String reason) {
        n.status = NotificationStatus.CANCELLED;
        n.cancelReason = reason;
        n.processedAt = null;
        getEntityManager().createQuery("update DeliveryEntity d set d.status = ?1, d.lastError = ?2 "
                        + "where d.notificationId = ?3 and d.status = ?4")
                .setParameter(1, DeliveryStatus.CANCELLED).setParameter(2, reason == null ? CancelReason.SUPERSEDED : reason)
                .setParameter(3, n.notificationId).setParameter(4, DeliveryStatus.SCHEDULED).executeUpdate();
    }

    public static NotificationKey keyOf(NotificationEntity n) {
        return new NotificationKey(n.kind, n.subscriptionId, n.termStartDate, n.batchId, n.invoiceId);
    }
}
