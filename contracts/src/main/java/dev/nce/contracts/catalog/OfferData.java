package dev.nce.contracts.catalog;

import dev.nce.contracts.Plan;
import java.time.LocalDate;
import java.util.List;

/**
 * An offer as catalog-service publishes it (API.md catalog-service "Offer"). {@code segment} (e.g. Commercial) is set
 * on offers imported from Microsoft's price list (D22), null otherwise; {@code sellableUntil} is the last day the offer
 * may be bought (Microsoft's end of sale), null when open.
 */
public record OfferData(String offerId, String name, String productFamily, List<Plan> plans, List<OfferPrice> prices,
                        String capGroup, boolean renewable, boolean midTermIncrease, boolean trialAvailable,
                        List<String> upgradePaths, long version, String segment, LocalDate sellableUntil) {

    /** A hand-typed offer: no segment, no end of sale. */
    public OfferData(String offerId, String name, String productFamily, List<Plan> plans, List<OfferPrice> prices,
                     String capGroup, boolean renewable, boolean midTermIncrease, boolean trialAvailable,
                     List<String> upgradePaths, long version) {
        this(offerId, name, productFamily, plans, prices, capGroup, renewable, midTermIncrease, trialAvailable,
                upgradePaths, version, null, null);
    }
}
