package dev.nce.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One invoice line with the recon-style fields (API.md billing-service, NCE-RULES 2.3): {@code unitPrice} is the
 * per-seat monthly price in the pricing currency, {@code fxRate}/{@code fxRateDate} the D13 rate used,
 * {@code billingMonths} 12 or 36 on upfront lines (else null), {@code amount} in the billing currency,
 * {@code promotionId} the promotion whose discounted price the line uses (R-K6), else null.
 */
public record InvoiceLine(
        String subscriptionId,
        String offerId,
        String description,
        ChargeType chargeType,
        LocalDate chargeStartDate,
        LocalDate chargeEndDate,
        int quantity,
        BigDecimal unitPrice,
        String pricingCurrency,
        BigDecimal fxRate,
        LocalDate fxRateDate,
        Integer billingMonths,
        int daysActive,
        int daysInPeriod,
        BigDecimal amount,
        String promotionId) {

    /** API.md default order of lines: subscriptionId, chargeStartDate, chargeType. */
    public static final java.util.Comparator<InvoiceLine> ORDER = java.util.Comparator
            .comparing(InvoiceLine::subscriptionId)
            .thenComparing(InvoiceLine::chargeStartDate)
            .thenComparing(InvoiceLine::chargeType)
            .thenComparing(InvoiceLine::amount);
}
