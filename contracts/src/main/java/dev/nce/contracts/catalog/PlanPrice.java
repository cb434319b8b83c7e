package dev.nce.contracts.catalog;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import java.math.BigDecimal;

/**
 * An explicit published per-seat monthly price for one plan. A plan imported from Microsoft's price list (D22) also
 * keeps its whole-term prices: {@code termUnitPrice} (sell) and {@code termCostPrice} (the partner's cost), per seat
 * for the whole term (12 months for P1Y, 36 for P3Y, 1 for P1M); {@code unitPrice} is then the shown monthly price
 * (term price / months, HALF_UP to the minor unit) and computations derive the monthly price at scale 6 from the term
 * price. Both are null for plans typed in by hand.
 */
public record PlanPrice(Term term, BillingFrequency billing, BigDecimal unitPrice, BigDecimal termUnitPrice,
                        BigDecimal termCostPrice) {

    /** A hand-typed plan price without term prices. */
    public PlanPrice(Term term, BillingFrequency billing, BigDecimal unitPrice) {
        this(term, billing, unitPrice, null, null);
    }
}
