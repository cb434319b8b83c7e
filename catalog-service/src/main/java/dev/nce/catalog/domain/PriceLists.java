package dev.nce.catalog.domain;

import dev.nce.contracts.catalog.OfferPrice;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which effective-dated price list entry is in force (R-A5, R-A7, D13): the latest entry with effectiveFrom on or before
 * the date in the requested currency; when the offer has no entry in that currency in force, the USD list (the pricing
 * currency; FX is billing's job).
 */
public final class PriceLists {

    public static final String PRICING_CURRENCY = "USD";

    private PriceLists() {}

    public static Optional<OfferPrice> inForce(List<OfferPrice> prices, String currency, LocalDate date) {
        Optional<OfferPrice> own = latest(prices, currency, date);
        return own.isPresent() ? own : latest(prices, PRICING_CURRENCY, date);
    }

    static Optional<OfferPrice> latest(List<OfferPrice> prices, String currency, LocalDate date) {
        return prices.stream()
                .filter(p -> p.currency().equals(currency) && !p.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(OfferPrice::effectiveFrom));
    }
}
