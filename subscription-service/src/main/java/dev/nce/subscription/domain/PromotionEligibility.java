package dev.nce.subscription.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.PromotionData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Promotions on the subscription side (R-K1..R-K5, R-K7, D2): whether a promotion applies to a transaction, which one
 * of several auto-applies, and the discounted unit price.
 * <ul>
 * <li>R-K2: the transaction date lies in [acquireFrom, acquireUntil] (both inclusive), the offer and the plan (term and
 * billing) are listed and the quantity is within minSeats..maxSeats. Above the max the WHOLE transaction gets no
 * discount (never split). A promotion whose discountUntil (R-K7) lies before the transaction date has no discount left
 * to give and is not eligible either.</li>
 * <li>Choice among several eligible auto-apply promotions: the lowest resulting unit price, then the smallest
 * promotionId (String order), so the choice never depends on the catalog's list order.</li>
 * <li>Price (D2): applied to the unit price the catalog quoted (already uplifted and rounded). PERCENT:
 * list x (1 - v/100); FIXED: list - v (per seat per month, in the quoted currency); never below 0; HALF_UP to the
 * currency's minor unit.</li>
 * </ul>
 */
public final class PromotionEligibility {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PromotionEligibility() {}

    /** What a transaction is, for R-K2: offer, plan, seats and the (UTC) transaction date. */
    public record Transaction(String offerId, Plan plan, int quantity, LocalDate date) {}

    /** A promotion applied to a subscription: what the subscription stores (R-K3 term lock, R-K7 end). */
    public record Applied(String promotionId, BigDecimal unitPrice, BigDecimal listUnitPrice, LocalDate discountUntil,
                          Integer maxSeats) {}

    /** R-K2: why {@code p} does not apply to {@code tx}, or empty when it does (the first failed condition). */
    public static Optional<String> ineligibility(PromotionData p, Transaction tx) {
        if (tx.date().isBefore(p.acquireFrom()) || tx.date().isAfter(p.acquireUntil())) {
            return Optional.of("the transaction date " + tx.date() + " is outside the acquisition window "
                    + p.acquireFrom() + ".." + p.acquireUntil());
        }
        if (p.discountUntil() != null && p.discountUntil().isBefore(tx.date())) {
            return Optional.of("the discount ended on " + p.discountUntil());
        }
        return termsIneligibility(p, tx);
    }

    /** Offer, plan and seats (R-K2), whatever the date. */
    private static Optional<String> termsIneligibility(PromotionData p, Transaction tx) {
        if (p.offerIds() == null || !p.offerIds().contains(tx.offerId())) {
            return Optional.of("offer " + tx.offerId() + " is not listed");
        }
        if (p.plans() == null || !p.plans().contains(tx.plan())) {
            return Optional.of("plan " + tx.plan().term() + "/" + tx.plan().billing() + " is not listed");
        }
        if (p.minSeats() != null && tx.quantity() < p.minSeats()) {
            return Optional.of("quantity " + tx.quantity() + " is below minSeats " + p.minSeats());
        }
        if (p.maxSeats() != null && tx.quantity() > p.maxSeats()) {
            return Optional.of("quantity " + tx.quantity() + " is above maxSeats " + p.maxSeats()
                    + " (the whole transaction gets no discount)");
        }
        return Optional.empty();
    }

    public static boolean eligible(PromotionData p, Transaction tx) {
        return ineligibility(p, tx).isEmpty();
    }

    /**
     * R-K7: a fixed-end (BEMO) discount keeps applying to a renewal on or before its discountUntil, after its
     * acquisition window ("the promotional pricing will be applied to your invoice until June 30, 2022": a monthly
     * term renews monthly meanwhile); offer, plan and seats must still match. Term-locked promotions never continue.
     */
    public static boolean continuesAtRenewal(PromotionData p, Transaction tx) {
        return p.discountUntil() != null && !tx.date().isAfter(p.discountUntil()) && !tx.date().isBefore(p.acquireFrom())
                && termsIneligibility(p, tx).isEmpty();
    }

    /** R-K2 for a promotion named in the request: 422 promotion-not-eligible saying which condition failed. */
    public static void requireEligible(PromotionData p, Transaction tx) {
        ineligibility(p, tx).ifPresent(reason -> {
            throw new RuleViolation(ErrorCode.PROMOTION_NOT_ELIGIBLE, "R-K2",
                    "promotion " + p.promotionId() + " does not apply: " + reason, Map.of("field", "promotionId"));
        });
    }

    /** D2: the discounted unit price of {@code listUnitPrice} (the quoted price) in {@code currency}. */
    public static BigDecimal discountedUnitPrice(PromotionData p, BigDecimal listUnitPrice, String currency) {
        BigDecimal raw = switch (p.discountType()) {
            case PERCENT -> listUnitPrice.multiply(BigDecimal.ONE.subtract(p.discountValue().divide(HUNDRED)));
            case FIXED -> listUnitPrice.subtract(p.discountValue());
        };
        if (raw.signum() < 0) {
            raw = BigDecimal.ZERO;
        }
        return raw.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    /** {@code p} applied to a transaction priced at {@code listUnitPrice}; eligibility is the caller's check. */
    public static Applied apply(PromotionData p, BigDecimal listUnitPrice, String currency) {
        return new Applied(p.promotionId(), discountedUnitPrice(p, listUnitPrice, currency), listUnitPrice,
                p.discountUntil(), p.maxSeats());
    }

    /** The best eligible auto-apply promotion among {@code candidates}: lowest unit price, then promotionId. */
    public static Optional<Applied> bestAutoApply(List<PromotionData> candidates, Transaction tx, BigDecimal listUnitPrice,
                                                  String currency) {
        return candidates.stream()
                .filter(PromotionData::autoApply)
                .filter(p -> eligible(p, tx))
                .map(p -> apply(p, listUnitPrice, currency))
                .min(Comparator.comparing(Applied::unitPrice).thenComparing(Applied::promotionId));
    }

    /**
     * R-K4 at renewal: the subscription's own promotion when it is still acquirable and eligible for the new term's
     * plan and quantity (even if not auto-apply) or its fixed-end discount continues (R-K7), else the best auto-apply
     * one, else none (the regular price).
     */
    public static Optional<Applied> atRenewal(String currentPromotionId, List<PromotionData> acquirable, Transaction tx,
                                              BigDecimal listUnitPrice, String currency) {
        if (currentPromotionId != null) {
            Optional<PromotionData> same = acquirable.stream()
                    .filter(p -> p.promotionId().equals(currentPromotionId)
                            && (eligible(p, tx) || continuesAtRenewal(p, tx))).findFirst();
            if (same.isPresent()) {
                return Optional.of(apply(same.get(), listUnitPrice, currency));
            }
        }
        return bestAutoApply(acquirable, tx, listUnitPrice, currency);
    }

    /** The currency's minor unit (D13: from java.util.Currency; JPY and KRW 0); 2 when unknown. */
    static int minorUnits(String currency) {
        if (currency == null) {
            return 2;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
