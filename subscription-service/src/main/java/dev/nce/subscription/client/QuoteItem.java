package dev.nce.subscription.client;

/** One item of POST /v1/price-quotes. */
public record QuoteItem(String offerId, String term, String billing, String at, String currency,
                        Boolean extendedServiceTerm) {}
