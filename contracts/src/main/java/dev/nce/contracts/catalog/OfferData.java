package dev.nce.contracts.catalog;

import dev.nce.contracts.Plan;
import java.util.List;

/** An offer as catalog-service publishes it (API.md catalog-service "Offer"). */
public record OfferData(String offerId, String name, String productFamily, List<Plan> plans, List<OfferPrice> prices,
                        String capGroup, boolean renewable, boolean midTermIncrease, boolean trialAvailable,
                        List<String> upgradePaths, long version) {}
