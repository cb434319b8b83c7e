package dev.nce.notification.service;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.NotificationKind;
import java.util.UUID;

/** A delivery claimed for one attempt, with everything the transport needs. */
public record ClaimedDelivery(long deliveryId, int attempt, Channel channel, UUID notificationId, NotificationKind kind,
                              String messageId, String recipient, String secret, String subject, String body,
                              String payload, UUID endpointId) {}
