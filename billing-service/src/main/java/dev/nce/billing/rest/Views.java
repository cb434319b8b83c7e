package dev.nce.billing.rest;

import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.persistence.InvoiceEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response shapes of billing-service (API.md). Fields with no value are present as null. */
public final class Views {

    private Views() {}

    public record Page<T>(long totalCount, List<T> items) {}

    public record InvoiceRunView(UUID runId, String period, String status, int customersTotal, long invoicesIssued,
                                 List<String> missingCustomers, long missingCustomersCount, Instant startedAt,
                                 Instant completedAt, int attempt, LocalDate issueDate, int tasksTotal, int tasksDone,
                                 Integer missingOnAlert) {}

    public record InvoiceLineView(String subscriptionId, String offerId, String description, ChargeType chargeType,
                                  LocalDate chargeStartDate, LocalDate chargeEndDate, int quantity,
                                  BigDecimal unitPrice, String pricingCurrency, BigDecimal fxRate,
                                  LocalDate fxRateDate, Integer billingMonths, int daysActive, int daysInPeriod,
                                  BigDecimal amount, String promotionId) {

        static InvoiceLineView of(InvoiceLine l) {
            return new InvoiceLineView(l.subscriptionId(), l.offerId(), l.description(), l.chargeType(),
                    l.chargeStartDate(), l.chargeEndDate(), l.quantity(), l.unitPrice(), l.pricingCurrency(),
                    l.fxRate(), l.fxRateDate(), l.billingMonths(), l.daysActive(), l.daysInPeriod(), l.amount(),
                    l.promotionId());
        }
    }

    public record InvoiceView(UUID invoiceId, String invoiceNumber, String customerId, String period,
                              LocalDate issueDate, String currency, BigDecimal subtotal, BigDecimal total,
                              List<InvoiceLineView> lines) {

        static InvoiceView of(InvoiceEntity invoice, List<InvoiceLine> lines) {
            return new InvoiceView(invoice.invoiceId, invoice.invoiceNumber, invoice.customerId, invoice.period,
                    invoice.issueDate, invoice.currency, invoice.subtotal, invoice.total,
                    lines.stream().map(InvoiceLineView::of).toList());
        }

        /** The preview: the invoice shape with invoiceId, invoiceNumber and issueDate null. */
        static InvoiceView preview(InvoiceDraft draft) {
            return new InvoiceView(null, null, draft.customerId(), draft.period().toString(), null, draft.currency(),
                    draft.subtotal(), draft.total(), draft.lines().stream().map(InvoiceLineView::of).toList());
        }
    }

    /**
     * The line fields, in CSV column order (API.md: a header row with the line field names). Added fields go last
     * (promotionId, R-K6), so existing columns keep their positions.
     */
    public static final List<String> LINE_FIELDS = List.of("subscriptionId", "offerId", "description", "chargeType",
            "chargeStartDate", "chargeEndDate", "quantity", "unitPrice", "pricingCurrency", "fxRate", "fxRateDate",
            "billingMonths", "daysActive", "daysInPeriod", "amount", "promotionId");
}
