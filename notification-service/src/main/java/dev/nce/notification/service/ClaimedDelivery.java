package dev.nce.notification.service;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.NotificationKind;
import java.util.UUID;

/** A delivery claimed for one attempt, with everything the transport needs. */
public record ClaimedDelivery(long deliveryId, int attempt, Channel channel, UUID notificationId, NotificationKind kind,
                              String messageId, String recipient, String secret, String subject, String body,
                              String payload, UUID endpointId, Attachment attachment) {

    /** A file attached to an e-mail (issue 18: the invoice PDF on INVOICE_ISSUED). */
    public record Attachment(String filename, String contentType, byte[] content) {}

    public ClaimedDelivery(long deliveryId, int attempt, Channel channel, UUID notificationId, NotificationKind kind,
                           String messageId, String recipient, String secret, String subject, String body,
                           String payload, UUID endpointId) {
        this(deliveryId, attempt, channel, notificationId, kind, messageId, recipient, secret, subject, body, payload,
                endpointId, null);
    }

    /** The e-mail recipients: one delivery row may address several (comma-separated) billing contacts. */
    public java.util.List<String> recipients() {
        return java.util.Arrays.stream(recipient.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }
}
