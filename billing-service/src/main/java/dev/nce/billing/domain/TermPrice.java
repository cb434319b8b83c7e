package dev.nce.billing.domain;

import dev.nce.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * D22: an imported plan's whole-term prices per seat: {@code termUnitPrice} (what the partner sells it for) and
 * {@code termCostPrice} (what Microsoft charges the partner, null when unknown), for a term of {@code termMonths}.
 * The term price is the reference: the monthly price is derived from it at scale 6, used only for proration, and a
 * line for a whole billing period bills the exact period price (O365 E1 P1Y/ANNUAL: 65.18, never 65.19).
 */
public record TermPrice(BigDecimal termUnitPrice, BigDecimal termCostPrice, int termMonths) {

    /** D22: the scale of the monthly price derived from a term price. */
    public static final int MONTHLY_SCALE = 6;

    public BigDecimal monthlyUnitPrice() {
        return monthly(termUnitPrice);
    }

    public BigDecimal monthlyCostPrice() {
        return termCostPrice == null ? null : monthly(termCostPrice);
    }

    /**
     * The exact price of {@code billingMonths} months of the term (the whole term, or one year of a P3Y/ANNUAL term),
     * empty when it does not divide exactly (the line is then prorated from the monthly price).
     */
    public Optional<BigDecimal> periodPrice(int billingMonths) {
        if (billingMonths == termMonths) {
            return Optional.of(termUnitPrice);
        }
        try {
            return Optional.of(termUnitPrice.multiply(BigDecimal.valueOf(billingMonths))
                    .divide(BigDecimal.valueOf(termMonths)));
        } catch (ArithmeticException notExact) {
            return Optional.empty();
        }
    }

    /** Whether a subscription locked this plan's price: its unit price is the shown monthly price (API.md). */
    public boolean isLockedAs(BigDecimal lockedUnitPrice, String currency) {
        return lockedUnitPrice != null
                && Money.roundTo(monthlyUnitPrice(), currency, RoundingMode.HALF_UP).compareTo(lockedUnitPrice) == 0;
    }

    private BigDecimal monthly(BigDecimal termPrice) {
        return termPrice.divide(BigDecimal.valueOf(termMonths), MONTHLY_SCALE, RoundingMode.HALF_UP);
    }
}
