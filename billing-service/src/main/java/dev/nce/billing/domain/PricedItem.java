package dev.nce.billing.domain;

import java.math.BigDecimal;

/** What a charge is for: a subscription's offer at its locked per-seat monthly price (R-A6) in the pricing currency. */
public record PricedItem(String subscriptionId, String offerId, String description, BigDecimal unitPrice,
                         String currency) {}
