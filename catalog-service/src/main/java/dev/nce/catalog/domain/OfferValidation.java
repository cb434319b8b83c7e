package dev.nce.catalog.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content rules of an offer (API.md catalog-service), checked before anything is written. {@link #validate} raises
 * the 400s, {@link #requireSellablePlans} the 422 of R-A2, which API.md orders after 404 and 409.
 */
public final class OfferValidation {

    private OfferValidation() {}

    public static void validate(OfferData offer) {
        validatePlans(offer.plans());
        validatePrices(offer.prices(), offer.plans());
        validateUpgradePaths(offer.offerId(), offer.upgradePaths());
    }

    /** R-A2: a pair that is never valid (P1M/ANNUAL, P1M/TRIENNIAL, P1Y/TRIENNIAL) cannot be sold. */
    public static void requireSellablePlans(List<Plan> plans) {
        for (int i = 0; i < plans.size(); i++) {
            if (!plans.get(i).isEverValid()) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plans.get(i) + " is never a valid plan",
                        Map.of("field", "plans[" + i + "]"));
            }
        }
    }

    static void validatePlans(List<Plan> plans) {
        if (plans.isEmpty()) {
            throw RuleViolation.invalidField("plans", "an offer sells at least one plan (R-A3)");
        }
        Set<Plan> seen = new HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            if (!seen.add(plans.get(i))) {
                throw RuleViolation.invalidField("plans[" + i + "]", plans.get(i) + " is listed twice");
            }
        }
    }

    static void validatePrices(List<OfferPrice> prices, List<Plan> plans) {
        if (prices.isEmpty()) {
            throw RuleViolation.invalidField("prices", "an offer needs at least one price list entry");
        }
        Set<String> entries = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            OfferPrice price = prices.get(i);
            String at = "prices[" + i + "]";
            Currencies.requireCode(price.currency(), at + ".currency");
            if (!entries.add(price.currency() + "@" + price.effectiveFrom())) {
                throw RuleViolation.invalidField(at, "a second " + price.currency() + " price list entry from "
                        + price.effectiveFrom());
            }
            Amounts.requireAmount(price.basePrice(), at + ".basePrice", Amounts.MAX_PRICE_DECIMALS);
            Amounts.optionalAmount(price.p3yBasePrice(), at + ".p3yBasePrice", Amounts.MAX_PRICE_DECIMALS);
            List<PlanPrice> planPrices = price.planPrices() == null ? List.of() : price.planPrices();
            Set<Plan> priced = new HashSet<>();
            for (int j = 0; j < planPrices.size(); j++) {
                PlanPrice planPrice = planPrices.get(j);
                String field = at + ".planPrices[" + j + "]";
                Plan plan = Plan.of(planPrice.term(), planPrice.billing());
                if (!plans.contains(plan)) {
                    throw RuleViolation.invalidField(field, "the offer does not sell " + plan);
                }
                if (!priced.add(plan)) {
                    throw RuleViolation.invalidField(field, plan + " has a second price in this entry");
                }
                Amounts.requireAmount(planPrice.unitPrice(), field + ".unitPrice", Amounts.MAX_PRICE_DECIMALS);
                Amounts.optionalAmount(planPrice.termUnitPrice(), field + ".termUnitPrice", Amounts.MAX_PRICE_DECIMALS);
                Amounts.optionalAmount(planPrice.termCostPrice(), field + ".termCostPrice", Amounts.MAX_PRICE_DECIMALS);
            }
            for (Plan plan : plans) {
                if (plan.term() == Term.P3Y && price.p3yBasePrice() == null && !priced.contains(plan)) {
                    throw RuleViolation.invalidField(at + ".p3yBasePrice",
                            "the offer sells " + plan + ": this entry needs p3yBasePrice or a planPrice for it (R-A4)");
                }
            }
        }
        if (prices.stream().noneMatch(p -> PriceLists.PRICING_CURRENCY.equals(p.currency()))) {
            throw RuleViolation.invalidField("prices", "an offer needs a USD price list (the pricing currency, D13)");
        }
    }

    static void validateUpgradePaths(String offerId, List<String> upgradePaths) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < upgradePaths.size(); i++) {
            String target = upgradePaths.get(i);
            String field = "upgradePaths[" + i + "]";
            if (!OfferIds.isWellFormed(target)) {
                throw RuleViolation.invalidField(field, "'" + target + "' is not an offer id (PRODUCT:SKU)");
            }
            if (target.equals(offerId)) {
                throw RuleViolation.invalidField(field, "an offer cannot upgrade to itself");
            }
            if (!seen.add(target)) {
                throw RuleViolation.invalidField(field, target + " is listed twice");
            }
        }
    }
}
