package dev.nce.subscription.service;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;

/** A validated purchase request (API.md POST /v1/customers/{id}/subscriptions). */
public record PurchaseCommand(String customerId, String offerId, Term term, BillingFrequency billing, int quantity,
                              Boolean autoRenew, EndOfTermAction endOfTermAction, String promotionId,
                              CotermType cotermType, String cotermSubscriptionId) {

    public enum CotermType { NONE, CALENDAR_MONTH, SUBSCRIPTION }

    public Plan plan() { return Plan.of(term, billing); }
}
