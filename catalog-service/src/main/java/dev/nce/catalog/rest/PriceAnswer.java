package dev.nce.catalog.rest;

import dev.nce.catalog.domain.Amounts;
import dev.nce.catalog.domain.PriceSource;
import dev.nce.catalog.domain.ResolvedPrice;
import dev.nce.catalog.service.PriceService.Quote;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The price answer (API.md): unitPrice per seat per month in {@code currency} (the price list used), plus the offer's
 * attributes so that subscription-service validates a purchase against the same read (docs/CONVENTIONS.md
 * "Service-to-service"), whether it is the EST price, and the date of the price list entry used.
 */
public record PriceAnswer(String offerId, Term term, BillingFrequency billing, Instant at, String currency,
                          String basePrice, String upliftPercent, String unitPrice, PriceSource source,
                          boolean extendedServiceTerm, LocalDate priceEffectiveFrom,
                          String offerName, String productFamily, String capGroup, boolean renewable,
                          boolean midTermIncrease, boolean trialAvailable, List<String> upgradePaths,
                          List<OfferJson.PlanJson> plans, long offerVersion) {

    static PriceAnswer of(Quote quote) {
        OfferData offer = quote.offer();
        ResolvedPrice price = quote.price();
        Term term = quote.query().plan() == null ? null : quote.query().plan().term();
        BillingFrequency billing = quote.query().plan() == null ? null : quote.query().plan().billing();
        return new PriceAnswer(offer.offerId(), term, billing, quote.query().at(), price.currency(),
                OfferJson.amount(price.basePrice(), price.currency()), Amounts.plain(price.upliftPercent()).toPlainString(),
                price.unitPrice().toPlainString(), price.source(), quote.query().extendedServiceTerm(),
                price.priceEffectiveFrom(), offer.name(), offer.productFamily(), offer.capGroup(), offer.renewable(),
                offer.midTermIncrease(), offer.trialAvailable(), offer.upgradePaths(), OfferJson.plans(offer.plans()),
                offer.version());
    }
}
