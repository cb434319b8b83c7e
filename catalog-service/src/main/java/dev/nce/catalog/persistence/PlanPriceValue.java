package dev.nce.catalog.persistence;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.PlanPrice;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One explicit per-plan price of a price list entry (offer_plan_price). */
@Embeddable
public class PlanPriceValue {

    @Enumerated(EnumType.STRING)
    @Column(name = "term", nullable = false)
    public Term term;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing", nullable = false)
    public BillingFrequency billing;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    /** D22: whole-term sell price per seat, null for hand-typed prices. */
    @Column(name = "term_unit_price")
    public BigDecimal termUnitPrice;

    /** D22: whole-term cost price per seat (Microsoft's UnitPrice), null for hand-typed prices. */
    @Column(name = "term_cost_price")
    public BigDecimal termCostPrice;

    public static PlanPriceValue of(PlanPrice price) {
        PlanPriceValue value = new PlanPriceValue();
        value.term = price.term();
        value.billing = price.billing();
        value.unitPrice = price.unitPrice();
        value.termUnitPrice = price.termUnitPrice();
        value.termCostPrice = price.termCostPrice();
        return value;
    }

    public PlanPrice toData() {
        return new PlanPrice(term, billing, unitPrice, termUnitPrice, termCostPrice);
    }
}
