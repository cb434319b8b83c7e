package dev.nce.billing.domain;

import java.math.BigDecimal;

/**
 * Margin (D25): the partner's cost of an invoice line, by the line's own formula with the plan's cost price in place
 * of its sell price (D22 termCostPrice: a whole period at the exact term cost, a part prorated from the scale-6
 * monthly cost, D1 rounding), converted at the line's FX rate. Credits cost negative. Internal: never on a customer's
 * document.
 */
public final class LineCost {

    private LineCost() {}

    public static BigDecimal of(InvoiceLine line, TermPrice price, String billingCurrency, RoundingPolicy rounding) {
        int months = line.billingMonths() == null ? 1 : line.billingMonths();
        BigDecimal fx = line.fxRate() == null ? BigDecimal.ONE : line.fxRate();
        AppliedFx applied = new AppliedFx(fx, BigDecimal.ONE, line.fxRateDate());
        BigDecimal periodCost = line.billingMonths() == null ? null : new TermPrice(price.termCostPrice(), null,
                price.termMonths()).periodPrice(months).orElse(null);
        int sign = line.amount().signum() < 0 ? -1 : 1;
        return LineFormula.amount(price.monthlyCostPrice(), periodCost, months, applied, line.quantity(),
                line.daysActive(), line.daysInPeriod(), sign, billingCurrency, rounding);
    }
}
