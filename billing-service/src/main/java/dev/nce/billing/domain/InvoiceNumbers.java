package dev.nce.billing.domain;

/**
 * D21: {@code <YYYY-MM>-<6 digits>}, unique and gapless per period. Numbers are given when a run attempt completes, in
 * customerId order, continuing the period's sequence, so they never depend on worker timing.
 */
public final class InvoiceNumbers {

    private InvoiceNumbers() {}

    public static String format(BillingPeriod period, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("invoice sequence out of range: " + sequence);
        }
        return String.format("%s-%06d", period, sequence);
    }
}
