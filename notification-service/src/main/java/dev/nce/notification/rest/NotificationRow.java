package dev.nce.notification.rest;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.NotificationKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of GET /v1/customers/{id}/notifications: a notification on one channel (per endpoint for WEBHOOK). */
public record NotificationRow(UUID notificationId, NotificationKind kind, String subscriptionId, LocalDate termStartDate,
                              String batchId, Instant dueAt, Instant sentAt, Channel channel, DeliveryStatus status,
                              String invoiceId, UUID endpointId) {}
