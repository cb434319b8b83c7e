package dev.nce.billing.domain;

import dev.nce.contracts.events.SubscriptionSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a promotion does to the price of seats over dates (R-K3, R-K7), the one place billing decides it.
 * <ul>
 * <li>R-K3: seats up to {@code maxSeats} (null = no maximum) pay the discounted {@code unitPrice}; seats above it pay
 *     {@code listUnitPrice}. Seats are counted bottom-up: a seat's position is its rank in the subscription's quantity,
 *     so an increase from 18 to 25 with a maximum of 20 has 2 discounted and 5 list seats.</li>
 * <li>R-K7: from {@code discountUntil + 1 day} every seat pays {@code listUnitPrice} (null = the discount lasts the
 *     whole term, Microsoft's term lock).</li>
 * <li>R-K6: a part priced at the discounted price carries {@code promotionId}; list-priced parts carry none.</li>
 * </ul>
 * Without a promotion ({@code promotionId} null) everything is one part at {@code unitPrice}. A promotion without a
 * list price (not expected from subscription-service) keeps the discounted price everywhere, so no price is guessed.
 */
public record PromotionPricing(BigDecimal unitPrice, BigDecimal listUnitPrice, String promotionId,
                               LocalDate discountUntil, Integer maxSeats) {

    /** Seats within the promotion's maximum (R-K3): removed last (BL-7, D5 within a batch). */
    public static final int WITHIN_MAX = 0;
    /** Seats above the promotion's maximum (R-K3): list price, removed first. */
    public static final int ABOVE_MAX = 1;

    /** {@code quantity} seats from {@code from} to {@code to} (inclusive) at one price; tier as above. */
    public record PricedPart(LocalDate from, LocalDate to, int quantity, BigDecimal unitPrice, String promotionId,
                             int tier) {}

    public static PromotionPricing of(SubscriptionSnapshot s) {
        return new PromotionPricing(s.unitPrice(), s.listUnitPrice(), s.promotionId(), s.discountUntil(),
                s.promotionMaxSeats());
    }

    /** One price, no promotion. */
    public static PromotionPricing flat(BigDecimal unitPrice) {
        return new PromotionPricing(unitPrice, null, null, null, null);
    }

    public boolean promoted() { return promotionId != null; }

    private BigDecimal list() { return listUnitPrice != null ? listUnitPrice : unitPrice; }

    /**
     * D18/BL-2 monthly-billed segments for a whole quantity over [from, to]: one part per stretch of constant quantity
     * and price. Until discountUntil: min(q, max) seats discounted and q - max at list (R-K3); after it: all q at list
     * (R-K7).
     */
    public List<PricedPart> segments(LocalDate from, LocalDate to, int quantity) {
        if (!promoted()) {
            return List.of(new PricedPart(from, to, quantity, unitPrice, null, WITHIN_MAX));
        }
        List<PricedPart> parts = new ArrayList<>();
        int discounted = maxSeats == null ? quantity : Math.min(quantity, Math.max(0, maxSeats));
        LocalDate discountEnd = discountEnd(to);
        if (!discountEnd.isBefore(from)) {
            add(parts, from, discountEnd, discounted, unitPrice, promotionId, WITHIN_MAX);
            add(parts, from, discountEnd, quantity - discounted, list(), null, ABOVE_MAX);
        }
        LocalDate listFrom = listFrom(from);
        if (listFrom != null && !listFrom.isAfter(to)) {
            add(parts, listFrom, to, quantity, list(), null, WITHIN_MAX);
        }
        return parts;
    }

    /**
     * Upfront charges (BL-6) of {@code quantity} seats added on top of {@code seatsBelow} existing ones, over
     * [from, to]: the seats within the maximum are discounted until discountUntil and at list after it (R-K7), the
     * seats above the maximum at list throughout (R-K3). Each part is its own line.
     */
    public List<PricedPart> seats(LocalDate from, LocalDate to, int seatsBelow, int quantity) {
        if (!promoted()) {
            return List.of(new PricedPart(from, to, quantity, unitPrice, null, WITHIN_MAX));
        }
        List<PricedPart> parts = new ArrayList<>();
        int discounted = maxSeats == null ? quantity
                : Math.max(0, Math.min(seatsBelow + quantity, maxSeats) - Math.min(seatsBelow, maxSeats));
        LocalDate discountEnd = discountEnd(to);
        if (!discountEnd.isBefore(from)) {
            add(parts, from, discountEnd, discounted, unitPrice, promotionId, WITHIN_MAX);
        }
        LocalDate listFrom = listFrom(from);
        if (listFrom != null && !listFrom.isAfter(to)) {
            add(parts, listFrom, to, discounted, list(), null, WITHIN_MAX);
        }
        add(parts, from, to, quantity - discounted, list(), null, ABOVE_MAX);
        return parts;
    }

    private LocalDate discountEnd(LocalDate to) {
        return discountUntil == null || discountUntil.isAfter(to) ? to : discountUntil;
    }

    private LocalDate listFrom(LocalDate from) {
        if (discountUntil == null) {
            return null;
        }
        LocalDate first = discountUntil.plusDays(1);
        return first.isBefore(from) ? from : first;
    }

    private static void add(List<PricedPart> parts, LocalDate from, LocalDate to, int quantity, BigDecimal price,
                            String promotionId, int tier) {
        if (quantity > 0) {
            parts.add(new PricedPart(from, to, quantity, price, promotionId, tier));
        }
    }
}
