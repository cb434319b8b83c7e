package dev.nce.billing.domain;

/**
 * D21: {@code <YYYY-MM>-<at least 6 digits>} (past 999,999 invoices in a period the number grows a digit instead of
 * being cut to a duplicate, issue 15 item 10), unique and gapless per period. Numbers are given when a run attempt completes, in
 * customerId order, continuing the period's sequence, so they never depend on worker timing.
 */
public final class InvoiceNumbers {

    private InvoiceNumbers() {}

    public static String format(BillingPeriod period, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("invoice sequence out of range: " + sequence);
        }
        return String.format("%s-%06d", period, sequence);
    }

    /** The same format in SQL over a bigint expression, for the one statement that numbers a run's invoices. */
    public static String sql(String periodColumn, String sequenceExpression) {
        return periodColumn + " || '-' || lpad((" + sequenceExpression + ")::text, greatest(6, length(("
                + sequenceExpression + ")::text)), '0')";
    }
}
