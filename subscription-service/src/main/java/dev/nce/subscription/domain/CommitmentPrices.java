package dev.nce.subscription.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The per-seat monthly prices D26 weighs, each as in force at the next renewal: {@code annual} (P1Y/ANNUAL),
 * {@code annualPaidMonthly} (P1Y/MONTHLY) and {@code monthly} (P1M/MONTHLY). A plan the offer does not sell is null.
 */
public record CommitmentPrices(BigDecimal annual, BigDecimal annualPaidMonthly, BigDecimal monthly, String currency) {

    public CommitmentPrices {
        Objects.requireNonNull(currency, "currency");
        if (annual == null && annualPaidMonthly == null && monthly == null) {
            throw new IllegalArgumentException("no plan price to compare");
        }
    }

    /** The scale of the amounts: the prices' own (the currency's minor unit, D2), so a sum keeps it. */
    public int scale() {
        int scale = 0;
        for (BigDecimal p : new BigDecimal[] {annual, annualPaidMonthly, monthly}) {
            if (p != null) {
                scale = Math.max(scale, p.scale());
            }
        }
        return scale;
    }
}
