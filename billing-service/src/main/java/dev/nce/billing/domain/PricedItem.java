package dev.nce.billing.domain;

import java.math.BigDecimal;

/**
 * What a charge is for: a subscription's offer at its locked per-seat monthly price (R-A6) in the pricing currency.
 * {@code termPrice} is set when the locked price is an imported plan's term price (D22): upfront lines then bill the
 * term price exactly and prorate with the monthly price derived at scale 6.
 */
public record PricedItem(String subscriptionId, String offerId, String description, BigDecimal unitPrice,
                         String currency, TermPrice termPrice) {

    /** An item priced by its monthly price only (hand-typed catalog prices, promotions, EST). */
    public PricedItem(String subscriptionId, String offerId, String description, BigDecimal unitPrice,
                      String currency) {
        this(subscriptionId, offerId, description, unitPrice, currency, null);
    }
}
