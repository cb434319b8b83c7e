package dev.nce.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/** What an invoice run issues for one customer and period, before it gets an id, a number and an issue date. */
public record InvoiceDraft(String customerId, BillingPeriod period, String currency, List<InvoiceLine> lines,
                           BigDecimal subtotal, BigDecimal total) {

    /** D18: a customer with no lines in a period gets no invoice. */
    public boolean isEmpty() { return lines.isEmpty(); }
}
