package dev.nce.catalog.domain;

import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whether a PUT changes an offer: amounts compare by value and price entries by (currency, effectiveFrom). */
public final class OfferChanges {

    private OfferChanges() {}

    public static boolean sameContent(OfferData a, OfferData b) {
        return a.offerId().equals(b.offerId()) && a.name().equals(b.name())
                && a.productFamily().equals(b.productFamily()) && a.plans().equals(b.plans())
                && Objects.equals(a.capGroup(), b.capGroup()) && a.renewable() == b.renewable()
                && a.midTermIncrease() == b.midTermIncrease() && a.trialAvailable() == b.trialAvailable()
                && a.upgradePaths().equals(b.upgradePaths()) && samePrices(a.prices(), b.prices())
                && Objects.equals(a.segment(), b.segment()) && Objects.equals(a.sellableUntil(), b.sellableUntil());
    }

    private static boolean samePrices(List<OfferPrice> a, List<OfferPrice> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, OfferPrice> byKey = new HashMap<>();
        a.forEach(p -> byKey.put(p.currency() + "@" + p.effectiveFrom(), p));
        for (OfferPrice price : b) {
            OfferPrice other = byKey.get(price.currency() + "@" + price.effectiveFrom());
            if (other == null || !PriceHistory.sameContent(other, price)) {
                return false;
            }
        }
        return true;
    }
}
