package dev.nce.catalog.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.PromotionData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Promotions (R-K1, R-K2, R-K7): acquirable on the dates [acquireFrom, acquireUntil] (both inclusive) for the listed
 * offers and plans within min..max seats; PERCENT (of the published price) or FIXED (per seat per month in the pricing
 * currency); {@code discountUntil} ends the discount on a fixed date (the BEMO variant, R-K7).
 */
public final class PromotionRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern PROMOTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_-]{0,99}");

    private PromotionRules() {}

    public static boolean isWellFormedId(String id) {
        return id != null && PROMOTION_ID.matcher(id).matches();
    }

    /** The 400s of the content, in field order. */
    public static void validate(PromotionData p) {
        if (p.offerIds().isEmpty()) {
            throw RuleViolation.invalidField("offerIds", "a promotion names at least one offer");
        }
        Set<String> offers = new HashSet<>();
        for (int i = 0; i < p.offerIds().size(); i++) {
            String id = p.offerIds().get(i);
            if (!OfferIds.isWellFormed(id)) {
                throw RuleViolation.invalidField("offerIds[" + i + "]", "'" + id + "' is not an offer id (PRODUCT:SKU)");
            }
            if (!offers.add(id)) {
                throw RuleViolation.invalidField("offerIds[" + i + "]", id + " is listed twice");
            }
        }
        if (p.plans().isEmpty()) {
            throw RuleViolation.invalidField("plans", "a promotion names at least one plan");
        }
        Set<Plan> plans = new HashSet<>();
        for (int i = 0; i < p.plans().size(); i++) {
            if (!plans.add(p.plans().get(i))) {
                throw RuleViolation.invalidField("plans[" + i + "]", p.plans().get(i) + " is listed twice");
            }
        }
        Amounts.requireAmount(p.discountValue(), "discount.value", Amounts.MAX_PRICE_DECIMALS);
        if (p.discountValue().signum() == 0) {
            throw RuleViolation.invalidField("discount.value", "a discount is positive");
        }
        if (p.discountType() == PromotionData.DiscountType.PERCENT && p.discountValue().compareTo(HUNDRED) > 0) {
            throw RuleViolation.invalidField("discount.value", "a percent discount is at most 100");
        }
        if (p.minSeats() != null && p.minSeats() < 1) {
            throw RuleViolation.invalidField("minSeats", "minSeats is at least 1");
        }
        if (p.maxSeats() != null && p.maxSeats() < (p.minSeats() == null ? 1 : p.minSeats())) {
            throw RuleViolation.invalidField("maxSeats", "maxSeats is at least minSeats (and 1)");
        }
        if (p.acquireUntil().isBefore(p.acquireFrom())) {
            throw RuleViolation.invalidField("acquireUntil", "acquireUntil is on or after acquireFrom");
        }
        if (p.discountUntil() != null && p.discountUntil().isBefore(p.acquireFrom())) {
            throw RuleViolation.invalidField("discountUntil", "discountUntil is on or after acquireFrom");
        }
    }

    /** R-A2 / R-A3: every plan is a valid pair sold by at least one of the promotion's offers (422). */
    public static void requireSoldPlans(PromotionData p, Function<String, List<Plan>> plansOfOffer) {
        for (int i = 0; i < p.plans().size(); i++) {
            Plan plan = p.plans().get(i);
            if (!plan.isEverValid()) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plan + " is never a valid plan",
                        Map.of("field", "plans[" + i + "]"));
            }
            if (p.offerIds().stream().noneMatch(o -> plansOfOffer.apply(o).contains(plan))) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A3", "none of the promotion's offers sells " + plan,
                        Map.of("field", "plans[" + i + "]"));
            }
        }
    }

    /** R-K2: the transaction date lies in [acquireFrom, acquireUntil]. */
    public static boolean acquirableOn(PromotionData p, LocalDate date) {
        return !date.isBefore(p.acquireFrom()) && !date.isAfter(p.acquireUntil());
    }
}
