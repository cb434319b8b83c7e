package dev.nce.billing.rest;

import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.domain.tax.InvoiceParty;
import dev.nce.billing.domain.tax.TaxLine;
import dev.nce.billing.domain.tax.TaxedInvoice;
import dev.nce.billing.persistence.TaxStore.InvoiceTaxRow;
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
                                  BigDecimal amount, String promotionId, String taxCode) {

        static InvoiceLineView of(InvoiceLine l, String taxCode) {
            return new InvoiceLineView(l.subscriptionId(), l.offerId(), l.description(), l.chargeType(),
                    l.chargeStartDate(), l.chargeEndDate(), l.quantity(), l.unitPrice(), l.pricingCurrency(),
                    l.fxRate(), l.fxRateDate(), l.billingMonths(), l.daysActive(), l.daysInPeriod(), l.amount(),
                    l.promotionId(), taxCode);
        }

        static List<InvoiceLineView> all(List<InvoiceLine> lines, List<String> taxCodes) {
            List<InvoiceLineView> out = new java.util.ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                out.add(of(lines.get(i), i < taxCodes.size() ? taxCodes.get(i) : null));
            }
            return out;
        }
    }

    /**
     * An invoice (API.md; issue 18 adds dueDate, seller, customer, taxLines, taxTotal, legalNotes, title and each
     * line's taxCode; total = subtotal + taxTotal). {@code seller} is null while no seller profile existed at issue.
     */
    public record InvoiceView(UUID invoiceId, String invoiceNumber, String customerId, String period,
                              LocalDate issueDate, LocalDate dueDate, String title, String currency,
                              InvoiceParty seller, InvoiceParty customer, BigDecimal subtotal,
                              List<TaxLine> taxLines, BigDecimal taxTotal, BigDecimal total, List<String> legalNotes,
                              List<InvoiceLineView> lines) {

        static InvoiceView of(InvoiceEntity invoice, List<InvoiceLine> lines, InvoiceTaxRow tax) {
            return new InvoiceView(invoice.invoiceId, invoice.invoiceNumber, invoice.customerId, invoice.period,
                    invoice.issueDate, tax.dueDate(), tax.title(), invoice.currency, tax.seller(), tax.customer(),
                    invoice.subtotal, tax.taxLines(), tax.taxTotal(), invoice.total, tax.legalNotes(),
                    InvoiceLineView.all(lines, tax.lineTaxCodes()));
        }

        /** The preview: the invoice shape with invoiceId, invoiceNumber and issueDate null. */
        static InvoiceView preview(TaxedInvoice taxed) {
            InvoiceDraft draft = taxed.draft();
            return new InvoiceView(null, null, draft.customerId(), draft.period().toString(), null, taxed.dueDate(),
                    taxed.title(), draft.currency(), taxed.seller(), taxed.customer(), draft.subtotal(),
                    taxed.taxLines(), taxed.taxTotal(), draft.total(), taxed.legalNotes(),
                    InvoiceLineView.all(draft.lines(), taxed.lineTaxCodes()));
        }
    }

    /**
     * The line fields, in CSV column order (API.md: a header row with the line field names). Added fields go last
     * (promotionId, R-K6; invoiceNumber and taxCode, issue 18), so existing columns keep their positions.
     */
    public static final List<String> LINE_FIELDS = List.of("subscriptionId", "offerId", "description", "chargeType",
            "chargeStartDate", "chargeEndDate", "quantity", "unitPrice", "pricingCurrency", "fxRate", "fxRateDate",
            "billingMonths", "daysActive", "daysInPeriod", "amount", "promotionId", "invoiceNumber", "taxCode");
}
