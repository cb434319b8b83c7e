package dev.nce.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Events of nce.billing.invoices.v1 (key customerId). */
public sealed interface BillingEvent {

    record InvoiceIssued(String invoiceId, String invoiceNumber, String customerId, String period, LocalDate issueDate,
                         String currency, BigDecimal subtotal, BigDecimal total, int lineCount) implements BillingEvent {}

    record UnknownBillingEvent(String type, JsonNode payload) implements BillingEvent {}

    EventFamily<BillingEvent> FAMILY = new EventFamily<>(List.of(InvoiceIssued.class), UnknownBillingEvent::new);

    static BillingEvent decode(EventEnvelope envelope) { return FAMILY.decode(envelope); }
}
