package dev.nce.subscription.service;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.subscription.domain.MigrationPolicy.LegacyBilling;
import java.time.LocalDate;

/**
 * A validated migration request (API.md POST /v1/customers/{id}/migrations, R-M2): term and billing are both given or
 * both null (then R-M4 chooses); a coterm is only allowed with purchaseFullTerm true.
 */
public record MigrationCommand(String customerId, String legacySubscriptionId, String offerId, int quantity,
                               LocalDate legacyEndDate, LegacyBilling legacyBilling, boolean purchaseFullTerm,
                               Term term, BillingFrequency billing, PurchaseCommand.CotermType cotermType,
                               String cotermSubscriptionId) {

    /** The plan the request names, or null when R-M4 chooses it. */
    public Plan requestedPlan() {
        return term == null ? null : Plan.of(term, billing);
    }

    /** The purchase this migration is: no promotion (none at migration) and the default renewal settings. */
    PurchaseCommand purchase(Plan plan) {
        return new PurchaseCommand(customerId, offerId, plan.term(), plan.billing(), quantity, null, null, null,
                cotermType, cotermSubscriptionId);
    }
}
