package dev.nce.notification.service;

import dev.nce.notification.domain.EndOfTermOutcome;
import dev.nce.notification.domain.MessageFacts;
import dev.nce.notification.domain.NotificationKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The JSON body of a webhook delivery: the notification's identity, its text and the facts it is built from. */
public record WebhookBody(String type, UUID notificationId, NotificationKind kind, String customerId,
                          String subscriptionId, LocalDate termStartDate, String batchId, String invoiceId,
                          Instant dueAt, Instant sentAt, String subject, String text, EndOfTermOutcome outcome,
                          MessageFacts facts) {
    public static final String TYPE = "nce.notification.v1";
}
