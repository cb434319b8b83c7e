package dev.nce.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Events of nce.billing.invoices.v1 (key customerId). */
public sealed interface BillingEvent {

    /**
     * An issued invoice. Issue 18 adds {@code dueDate} (D24), {@code taxTotal} (D23; total = subtotal + taxTotal) and
     * {@code pdf}, the invoice document as issued (for the INVOICE_ISSUED e-mail; null for customers billing has no
     * CustomerCreated for, and in events written before it existed).
     */
    record InvoiceIssued(String invoiceId, String invoiceNumber, String customerId, String period, LocalDate issueDate,
                         String currency, BigDecimal subtotal, BigDecimal total, int lineCount, LocalDate dueDate,
                         BigDecimal taxTotal, byte[] pdf) implements BillingEvent {

        public InvoiceIssued(String invoiceId, String invoiceNumber, String customerId, String period,
                             LocalDate issueDate, String currency, BigDecimal subtotal, BigDecimal total, int lineCount) {
            this(invoiceId, invoiceNumber, customerId, period, issueDate, currency, subtotal, total, lineCount, null,
                    null, null);
        }
    }

    record UnknownBillingEvent(String type, JsonNode payload) implements BillingEvent {}

    EventFamily<BillingEvent> FAMILY = new EventFamily<>(List.of(InvoiceIssued.class), UnknownBillingEvent::new);

    static BillingEvent decode(EventEnvelope envelope) { return FAMILY.decode(envelope); }
}
