package dev.nce.notification.persistence;

import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.domain.NotificationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One notification (D8); its channels are {@link DeliveryEntity} rows. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {
    @Id
    @Column(name = "notification_id")
    public UUID notificationId;
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "event_partition")
    public int eventPartition;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Column(name = "subscription_id")
    public String subscriptionId;
    @Column(name = "term_start_date")
    public LocalDate termStartDate;
    @Column(name = "batch_id")
    public String batchId;
    @Column(name = "invoice_id")
    public String invoiceId;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "send_until")
    public Instant sendUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    public NotificationStatus status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "processed_at")
    public Instant processedAt;
    public String facts;
    public String subject;
    public String body;
    public String payload;
}
