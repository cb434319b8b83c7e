package dev.nce.billing.domain;

import java.util.Optional;

/** What the planner may read from the ledger. */
public interface LedgerView {

    /** The line that paid for a seat batch of an upfront plan, when billing saw it. */
    Optional<BatchCharge> batchCharge(String subscriptionId, String batchId);

    /** An offer's name from the catalog copy, for line descriptions. */
    Optional<String> offerName(String offerId);

    LedgerView EMPTY = new LedgerView() {
        @Override public Optional<BatchCharge> batchCharge(String subscriptionId, String batchId) { return Optional.empty(); }
        @Override public Optional<String> offerName(String offerId) { return Optional.empty(); }
    };
}
