package dev.nce.notification.rest;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.domain.NotificationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * GET /v1/customers/{customerId}/notifications/{notificationId} (an addition to API.md): what was said and how each
 * channel fared. {@code deliveredAt} and {@code nextAttemptAt} are wall-clock (transport) instants.
 */
public record NotificationDetail(UUID notificationId, NotificationKind kind, String customerId, String subscriptionId,
                                 LocalDate termStartDate, String batchId, String invoiceId, Instant dueAt,
                                 Instant sentAt, NotificationStatus status, String cancelReason, String subject,
                                 String body, List<Delivery> deliveries) {

    public record Delivery(Channel channel, UUID endpointId, String messageId, DeliveryStatus status, int attempts,
                           Instant deliveredAt, Instant nextAttemptAt, String lastError) {}
}
