package dev.nce.billing.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * The FX factor of a line (D13) as an exact fraction {@code numerator / denominator}, so a line is divided only once,
 * at its D1 rounding point. {@code rateDate} is the effectiveFrom of the rate used (null for FX = 1).
 */
public record AppliedFx(BigDecimal numerator, BigDecimal denominator, LocalDate rateDate) {

    /** Billing currency = pricing currency (S004 native price lists): FX = 1, no rate used. */
    public static final AppliedFx NONE = new AppliedFx(BigDecimal.ONE, BigDecimal.ONE, null);

    public static AppliedFx of(BigDecimal rate, LocalDate rateDate) {
        return new AppliedFx(rate, BigDecimal.ONE, rateDate);
    }

    /** The rate shown on a line: exact for a direct rate, 10 significant digits for a cross rate. */
    public BigDecimal rate() {
        if (denominator.compareTo(BigDecimal.ONE) == 0) {
            return numerator;
        }
        return numerator.divide(denominator, new MathContext(10)).stripTrailingZeros();
    }
}
