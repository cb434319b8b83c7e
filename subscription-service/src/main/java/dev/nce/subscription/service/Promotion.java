package dev.nce.subscription.service;

import dev.nce.subscription.domain.PromotionEligibility;
import dev.nce.subscription.persistence.SubscriptionEntity;

/** Sets or clears a subscription's promotion fields together (they always travel as one, R-K3, R-K7). */
final class Promotion {

    private Promotion() {}

    /** {@code applied} null clears them (the regular price; unitPrice is the caller's). */
    static void set(SubscriptionEntity s, PromotionEligibility.Applied applied) {
        s.promotionId = applied == null ? null : applied.promotionId();
        s.listUnitPrice = applied == null ? null : applied.listUnitPrice();
        s.discountUntil = applied == null ? null : applied.discountUntil();
        s.promotionMaxSeats = applied == null ? null : applied.maxSeats();
    }
}
