package dev.nce.notification.persistence;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One channel of a notification: the e-mail, or one webhook endpoint. */
@Entity
@Table(name = "delivery")
public class DeliveryEntity extends PanacheEntityBase {
    public static final String EMAIL_TARGET = "email";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "delivery_id")
    public Long deliveryId;
    @Column(name = "notification_id")
    public UUID notificationId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "endpoint_id")
    public UUID endpointId;
    public String target;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    @Column(name = "message_id")
    public String messageId;
    public String recipient;
    public int attempts;
    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "last_error")
    public String lastError;

    /** A stable id per (notification, channel, endpoint): a resend after a crash carries the same one. */
    public static String messageId(UUID notificationId, String target) {
        return "<" + notificationId + "." + target + "@notification.nce>";
    }
}
