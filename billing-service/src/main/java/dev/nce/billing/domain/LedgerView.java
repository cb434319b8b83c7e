package dev.nce.billing.domain;

import java.util.List;
import java.util.Optional;

/** What the planner may read from the ledger. */
public interface LedgerView {

    /** The lines (pieces) that paid for a seat batch of an upfront plan; empty when billing did not see it. */
    List<BatchCharge> batchCharges(String subscriptionId, String batchId);

    /** An offer's name from the catalog copy, for line descriptions. */
    Optional<String> offerName(String offerId);

    /**
     * D22: the imported term prices of an offer's plan in force on {@code on} in {@code currency}, from the catalog
     * copy; empty for hand-typed prices.
     */
    default Optional<TermPrice> termPrice(String offerId, String currency, dev.nce.contracts.Term term,
                                          dev.nce.contracts.BillingFrequency billing, java.time.LocalDate on) {
        return Optional.empty();
    }

    LedgerView EMPTY = new LedgerView() {
        @Override public List<BatchCharge> batchCharges(String subscriptionId, String batchId) { return List.of(); }
        @Override public Optional<String> offerName(String offerId) { return Optional.empty(); }
    };
}
