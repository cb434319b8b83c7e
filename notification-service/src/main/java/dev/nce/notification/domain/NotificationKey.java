package dev.nce.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What makes a notification unique (D8): (subscription, term start date, kind) for term reminders and state changes,
 * (subscription, batchId) for WINDOW_CLOSING, the invoice for INVOICE_ISSUED. The notification id is derived from it,
 * so a replayed event or a rebuilt schedule lands on the same row and the same Message-ID.
 */
public record NotificationKey(NotificationKind kind, String subscriptionId, LocalDate termStartDate, String batchId,
                              String invoiceId) {

    public NotificationKey {
        Objects.requireNonNull(kind, "kind");
    }

    public static NotificationKey forTerm(NotificationKind kind, String subscriptionId, LocalDate termStartDate) {
        if (kind == NotificationKind.WINDOW_CLOSING || kind == NotificationKind.INVOICE_ISSUED) {
            throw new IllegalArgumentException(kind + " is not keyed by term");
        }
        return new NotificationKey(kind, Objects.requireNonNull(subscriptionId), Objects.requireNonNull(termStartDate),
                null, null);
    }

    public static NotificationKey forBatch(String subscriptionId, String batchId) {
        return forBatch(subscriptionId, batchId, null);
    }

    /**
     * WINDOW_CLOSING of one batch, carrying the start of the term the batch was bought in (API.md; issue 15 item 16).
     * The term start is a fact shown on the row, not part of the identity: see {@link #equals}.
     */
    public static NotificationKey forBatch(String subscriptionId, String batchId, LocalDate termStartDate) {
        return new NotificationKey(NotificationKind.WINDOW_CLOSING, Objects.requireNonNull(subscriptionId), termStartDate,
                Objects.requireNonNull(batchId), null);
    }

    /** Two keys are the same notification when their {@link #dedupKey()} is (a WINDOW_CLOSING row with or without its term start). */
    @Override
    public boolean equals(Object other) {
        return other instanceof NotificationKey k && k.dedupKey().equals(dedupKey());
    }

    @Override
    public int hashCode() {
        return dedupKey().hashCode();
    }

    public static NotificationKey forInvoice(String invoiceId) {
        return new NotificationKey(NotificationKind.INVOICE_ISSUED, null, null, null, Objects.requireNonNull(invoiceId));
    }

    /** The unique key as one string (a UNIQUE column). */
    public String dedupKey() {
        if (kind == NotificationKind.WINDOW_CLOSING) {
            return "window:" + subscriptionId + ":" + batchId;
        }
        if (kind == NotificationKind.INVOICE_ISSUED) {
            return "invoice:" + invoiceId;
        }
        return "term:" + subscriptionId + ":" + termStartDate + ":" + kind;
    }

    /** A name-based UUID of the key: stable across replays and rebuilds. */
    public UUID notificationId() {
        return UUID.nameUUIDFromBytes(("nce-notification/" + dedupKey()).getBytes(StandardCharsets.UTF_8));
    }
}
