package dev.nce.catalog.domain.pricelist;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import java.util.Locale;
import java.util.Optional;

/**
 * A price list row's TermDuration and BillingPlan as a catalog plan (R-A2): P1M/P1Y/P3Y with Monthly, Annual or
 * Triennial. {@code None} is a trial (D22), anything else or a never-valid pair (P1M/Annual) is an unknown plan.
 */
public final class PlanMapping {

    private PlanMapping() {}

    public static Optional<Plan> plan(String termDuration, String billingPlan) {
        Term term;
        BillingFrequency billing;
        try {
            term = Term.valueOf(termDuration.trim().toUpperCase(Locale.ROOT));
            billing = BillingFrequency.valueOf(billingPlan.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Plan plan = Plan.of(term, billing);
        return plan.isEverValid() ? Optional.of(plan) : Optional.empty();
    }
}
