package dev.nce.subscription.service;

import java.time.Instant;

/**
 * A pluggable part of the purchase path (coterm R-B5, seat caps D9, promotions R-K): CDI beans run in {@link #order()}.
 * {@link #afterQuote} runs outside the transaction, after the price quote (it may call other services);
 * {@link #beforeWrite} runs inside the transaction with the customer row locked (consistent counts).
 */
public interface PurchaseStep {

    default int order() { return 100; }

    /** Request checks (400) before anything is quoted or read. */
    default void validate(PurchaseCommand command) {}

    default void afterQuote(PurchaseContext context) {}

    default void beforeWrite(PurchaseContext context, Instant now) {}
}
